package dev.backprop.nn;

import dev.backprop.kernel.RowMajor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;

/**
 * A row-major matrix of doubles, stored off-heap in a direct buffer so that scripts can see it as a
 * live, zero-copy {@code Float64Array}. Element (i, j) lives at flat index {@code i * cols + j}.
 */
@SuppressWarnings("exports") // RowMajor is how the (unexported) kernels read a Matrix, not part of the API
public final class Matrix implements RowMajor {
    /** Largest number of elements one matrix may hold (one direct buffer of at most 2 GiB). */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE / Double.BYTES;

    private final int rows;
    private final int cols;
    private final ByteBuffer bytes;
    private final DoubleBuffer data;

    private Matrix(int rows, int cols) {
        Checks.shapeAllowed(rows, cols);
        this.rows = rows;
        this.cols = cols;
        // charged to the sandbox whose work this is, checked before anything is allocated (see Account)
        long n = Math.max(1, rows * cols) * (long) Double.BYTES;
        Account account = Account.current();
        account.reserve(rows, cols, n);
        ByteBuffer storage;
        try {
            storage = ByteBuffer.allocateDirect((int) n).order(ByteOrder.nativeOrder());
        } catch (OutOfMemoryError e) {
            account.release(n);
            throw new LimitError("the JVM has no room for a matrix [" + rows + ", " + cols + "] (" + Account.formatBytes(n)
                    + " of native memory); keep fewer or smaller matrices, or give the JVM more direct memory"
                    + " (-XX:MaxDirectMemorySize)");
        }
        account.releaseWhenCollected(storage, n);
        this.bytes = storage;
        this.data = bytes.asDoubleBuffer();
    }

    /** A rows × cols matrix of zeros. */
    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols);
    }

    /** A rows × cols matrix holding {@code values} in row-major order. */
    public static Matrix of(int rows, int cols, double... values) {
        Matrix m = new Matrix(rows, cols);
        if (values.length != m.size()) {
            throw new ShapeError("a " + rows + "×" + cols + " matrix needs " + m.size() + " values, got " + values.length);
        }
        m.data.put(0, values);
        return m;
    }

    /** A matrix from rows of equal length. */
    public static Matrix fromRows(double[][] rowValues) {
        int r = rowValues.length;
        int c = r == 0 ? 0 : rowValues[0].length;
        Matrix m = new Matrix(r, c);
        for (int i = 0; i < r; i++) {
            if (rowValues[i].length != c) {
                throw new ShapeError("row " + i + " has " + rowValues[i].length + " values but row 0 has " + c
                        + "; every row of a matrix needs the same length");
            }
            m.data.put(i * c, rowValues[i]);
        }
        return m;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    /** rows · cols. */
    public int size() {
        return rows * cols;
    }

    /** {@code [rows, cols]}. */
    public int[] shape() {
        return new int[] {rows, cols};
    }

    /** The shape as people write it: {@code [2, 3]}. */
    public String shapeString() {
        return "[" + rows + ", " + cols + "]";
    }

    public double get(int i, int j) {
        checkIndex(i, j);
        return data.get(i * cols + j);
    }

    /** Writes element (i, j). */
    public void set(int i, int j, double v) {
        checkIndex(i, j);
        data.put(i * cols + j, v);
    }

    /** Element at flat row-major index k. */
    public double at(int k) {
        return data.get(k);
    }

    /** Writes the element at flat row-major index k. */
    public void put(int k, double v) {
        data.put(k, v);
    }

    /** The live storage, row-major; absolute gets and puts only. */
    @Override
    public DoubleBuffer data() {
        return data;
    }

    /** The live storage as bytes in native order, for zero-copy views. */
    public ByteBuffer bytes() {
        return bytes;
    }

    /** A copy of the values, row-major. */
    public double[] toArray() {
        double[] out = new double[size()];
        data.get(0, out);
        return out;
    }

    /** A copy of row i. */
    public double[] row(int i) {
        checkIndex(i, 0 < cols ? 0 : -1);
        double[] out = new double[cols];
        data.get(i * cols, out);
        return out;
    }

    /** A copy as nested rows. */
    public double[][] toRows() {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            data.get(i * cols, out[i]);
        }
        return out;
    }

    /** An independent copy. */
    public Matrix copy() {
        Matrix m = new Matrix(rows, cols);
        m.copyFrom(this);
        return m;
    }

    /** Overwrites this matrix with {@code other}'s values; the shapes must agree. */
    public void copyFrom(Matrix other) {
        Checks.sameShape("copy", this, other);
        m_copy(other.data, data, size());
    }

    /** Overwrites this matrix with {@code values}, row-major. */
    public void copyFrom(double[] values) {
        if (values.length != size()) {
            throw new ShapeError("expected " + size() + " values for a " + shapeString() + " matrix, got " + values.length);
        }
        data.put(0, values);
    }

    /** Sets every element to v. */
    public void fill(double v) {
        for (int k = 0, n = size(); k < n; k++) {
            data.put(k, v);
        }
    }

    /** Copies rows [from, from + count) of this matrix into a new matrix. */
    public Matrix rows(int from, int count) {
        if (from < 0 || count < 0 || from + count > rows) {
            throw new ShapeError("rows " + from + ".." + (from + count) + " are outside a matrix of " + rows + " rows");
        }
        Matrix m = new Matrix(count, cols);
        m_copy(data.slice(from * cols, count * cols), m.data, count * cols);
        return m;
    }

    /** Index of the first non-finite element, or -1. */
    public int firstNonFinite() {
        for (int k = 0, n = size(); k < n; k++) {
            if (!Double.isFinite(data.get(k))) {
                return k;
            }
        }
        return -1;
    }

    /** True when both matrices have the same shape and bit-identical values. */
    public boolean sameBits(Matrix other) {
        if (rows != other.rows || cols != other.cols) {
            return false;
        }
        for (int k = 0, n = size(); k < n; k++) {
            if (Double.doubleToRawLongBits(data.get(k)) != Double.doubleToRawLongBits(other.data.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** A hash of the exact bits of every element; any single change alters it. */
    public long checksum() {
        long h = 1;
        for (int k = 0, n = size(); k < n; k++) {
            h = h * 0x9E3779B97F4A7C15L + Double.doubleToRawLongBits(data.get(k));
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Matrix ").append(shapeString()).append(' ');
        sb.append(Arrays.deepToString(rows <= 8 && cols <= 8 ? toRows() : new Object[] {"…"}));
        return sb.toString();
    }

    private void checkIndex(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new ShapeError("index (" + i + ", " + j + ") is outside a " + shapeString() + " matrix"
                    + " (rows 0.." + (rows - 1) + ", columns 0.." + (cols - 1) + ")");
        }
    }

    private static void m_copy(DoubleBuffer from, DoubleBuffer to, int n) {
        to.put(0, from, 0, n);
    }
}
