package dev.backprop.data;

import dev.backprop.nn.Checks;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Rng;
import dev.backprop.nn.ShapeError;
import dev.backprop.nn.ValueError;
import java.util.List;

/**
 * Examples for training: inputs x [size, features] and targets y [size, t], row i of each belonging
 * together. For a classification set y holds one class index per row (one column) until
 * {@link #oneHot} turns it into one-hot rows; {@link #classes()} is then the number of classes.
 * Datasets are not changed by their methods: split, shuffle and oneHot return new ones.
 */
public final class Dataset {
    private final Matrix x;
    private final Matrix y;
    private final int classes;
    private final List<String> classNames;
    private final List<String> featureNames;

    /** Takes ownership of x and y (no copy); callers pass fresh matrices. */
    Dataset(Matrix x, Matrix y, int classes, List<String> classNames, List<String> featureNames) {
        if (x.rows() != y.rows()) {
            throw new ShapeError("a dataset needs one target row per example: x has " + x.rows() + " rows, y has "
                    + y.rows() + (y.rows() == 1 ? " row" : " rows") + " of " + y.cols() + (y.cols() == 1 ? " value" : " values")
                    + "; give " + x.rows() + " targets (a flat array of " + x.rows() + " numbers, or " + x.rows() + " rows)");
        }
        if (x.rows() == 0) {
            throw new ShapeError("a dataset needs at least one example, got none");
        }
        if (x.cols() == 0) {
            throw new ShapeError("a dataset needs at least one feature per example, got x of shape " + x.shapeString());
        }
        if (y.cols() == 0) {
            throw new ShapeError("a dataset needs at least one target per example, got y of shape " + y.shapeString());
        }
        Checks.finite("dataset", "x", x);
        Checks.finite("dataset", "y", y);
        this.x = x;
        this.y = y;
        this.classes = classes;
        this.classNames = List.copyOf(classNames);
        this.featureNames = List.copyOf(featureNames);
    }

    /**
     * A dataset from rows of inputs and rows of targets (copied). {@link #classes()} is inferred: one
     * column of whole numbers ≥ 0 gives max + 1 classes, one-hot rows give their width, anything else 0.
     */
    public static Dataset of(double[][] x, double[][] y) {
        if (x.length == 0) {
            throw new ShapeError("a dataset needs at least one example, got an empty x");
        }
        Matrix mx = rowsOf("x", x);
        Matrix my = rowsOf("y", y);
        return new Dataset(mx, my, inferClasses(my), List.of(), List.of());
    }

    /** A dataset from rows of inputs and one target per example (a class index or a value), as one column of y. */
    public static Dataset of(double[][] x, double[] y) {
        double[][] column = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            column[i] = new double[] {y[i]};
        }
        return of(x, column);
    }

    /** A dataset from copies of x [size, features] and y [size, targets]; classes inferred as in {@link #of(double[][], double[][])}. */
    public static Dataset of(Matrix x, Matrix y) {
        Matrix my = y.copy();
        return new Dataset(x.copy(), my, inferClasses(my), List.of(), List.of());
    }

    /** The inputs [size, features] (live; writing to it changes this dataset). */
    public Matrix x() {
        return x;
    }

    /** The targets [size, targets]: class indices (one column), one-hot rows, or values. */
    public Matrix y() {
        return y;
    }

    /** Number of examples. */
    public int size() {
        return x.rows();
    }

    /** Inputs per example. */
    public int features() {
        return x.cols();
    }

    /** Number of classes for a classification set, 0 when y holds plain values. */
    public int classes() {
        return classes;
    }

    /** Names of the classes in index order (e.g. from a CSV's label column), or empty. */
    public List<String> classNames() {
        return classNames;
    }

    /** Names of the input columns (e.g. from a CSV header), or empty. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** Whether y holds one class index per example (one column) for a classification set. */
    public boolean hasClassIndices() {
        return classes > 0 && y.cols() == 1;
    }

    /**
     * Shuffles the examples with {@code seed}, then cuts them: the first round(fraction · size) go to
     * train, the rest to test. Both parts must get at least one example.
     */
    public Split split(double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new ValueError("split fraction must be between 0 and 1 (the share that goes to training),"
                    + " got " + fraction);
        }
        int n = size();
        int trainSize = (int) Math.round(fraction * n);
        if (trainSize == 0 || trainSize == n) {
            throw new ValueError("split(" + fraction + ") of " + n + " examples leaves "
                    + (trainSize == 0 ? "no training" : "no test") + " examples; use a fraction that leaves at least"
                    + " one example on each side");
        }
        int[] order = new Rng(seed).permutation(n);
        return new Split(gather(order, 0, trainSize), gather(order, trainSize, n - trainSize));
    }

    /** The same examples in the order of a seeded permutation (Fisher–Yates over {@link Rng}). */
    public Dataset shuffle(long seed) {
        return gather(new Rng(seed).permutation(size()), 0, size());
    }

    /**
     * Mini-batches of {@code size} examples (the last one smaller when size does not divide the
     * dataset), in order or shuffled by {@code seed}. Iterating again gives the same order. Within one
     * iteration the batch matrices are reused: each batch overwrites the previous one's values.
     */
    public Batches batches(int size, boolean shuffle, long seed) {
        return new Batches(this, size, shuffle, seed);
    }

    /** {@link #oneHot(int)} with k = {@link #classes()}. */
    public Dataset oneHot() {
        if (classes == 0) {
            throw new ValueError("oneHot needs class labels, but this dataset's targets are plain values"
                    + " (classes = 0); use oneHot(k) with the number of classes");
        }
        return oneHot(classes);
    }

    /**
     * The same examples with y as one-hot rows of k: class c becomes a row with 1 at column c. A set
     * that is already one-hot with k columns is returned as is.
     */
    public Dataset oneHot(int k) {
        if (k < 1) {
            throw new ValueError("oneHot needs at least 1 class, got k = " + k);
        }
        if (y.cols() == k && k > 1 && isOneHot(y)) {
            return this;
        }
        if (y.cols() != 1) {
            throw new ShapeError("oneHot expects y with one class index per row (shape [" + size() + ", 1]), got "
                    + y.shapeString());
        }
        Matrix hot = Matrix.zeros(size(), k);
        for (int i = 0; i < size(); i++) {
            double c = y.at(i);
            if (c != Math.rint(c) || c < 0 || c >= k) {
                throw new ValueError("oneHot(" + k + "): y[" + i + "] is " + c + "; class indices must be whole numbers"
                        + " from 0 to " + (k - 1));
            }
            hot.put(i * k + (int) c, 1.0);
        }
        return new Dataset(x.copy(), hot, k, classNames, featureNames);
    }

    @Override
    public String toString() {
        return "Dataset(size " + size() + ", features " + features() + ", "
                + (classes > 0 ? classes + " classes" + (classNames.isEmpty() ? "" : " " + classNames) : "values")
                + ", y " + y.shapeString() + ")";
    }

    /** A new dataset of rows order[from], …, order[from + count − 1]. */
    Dataset gather(int[] order, int from, int count) {
        Matrix gx = Matrix.zeros(count, features());
        Matrix gy = Matrix.zeros(count, y.cols());
        copyRows(x, order, from, count, gx);
        copyRows(y, order, from, count, gy);
        return new Dataset(gx, gy, classes, classNames, featureNames);
    }

    /** Copies whole rows src[order[from + i]] into dst row i with bulk buffer copies; order null means in sequence. */
    static void copyRows(Matrix src, int[] order, int from, int count, Matrix dst) {
        int cols = src.cols();
        if (order == null) {
            dst.data().put(0, src.data(), from * cols, count * cols);
            return;
        }
        for (int i = 0; i < count; i++) {
            dst.data().put(i * cols, src.data(), order[from + i] * cols, cols);
        }
    }

    /** One column of whole numbers ≥ 0 → max + 1; one-hot rows → their width; otherwise 0. */
    static int inferClasses(Matrix y) {
        if (y.cols() > 1) {
            return isOneHot(y) ? y.cols() : 0;
        }
        double max = -1;
        for (int i = 0, n = y.rows(); i < n; i++) {
            double v = y.at(i);
            if (v != Math.rint(v) || v < 0 || v > 1e6) {
                return 0;
            }
            max = Math.max(max, v);
        }
        return (int) max + 1;
    }

    static boolean isOneHot(Matrix y) {
        int k = y.cols();
        for (int i = 0, n = y.rows(); i < n; i++) {
            int ones = 0;
            for (int j = 0; j < k; j++) {
                double v = y.at(i * k + j);
                if (v == 1.0) {
                    ones++;
                } else if (v != 0.0) {
                    return false;
                }
            }
            if (ones != 1) {
                return false;
            }
        }
        return true;
    }

    private static Matrix rowsOf(String name, double[][] rows) {
        int c = rows.length == 0 ? 0 : rows[0].length;
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != c) {
                throw new ShapeError("dataset " + name + ": row " + i + " has " + (rows[i] == null ? 0 : rows[i].length)
                        + " values but row 0 has " + c + "; every row needs the same length");
            }
        }
        return Matrix.fromRows(rows);
    }
}
