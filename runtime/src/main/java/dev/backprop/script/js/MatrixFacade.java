package dev.backprop.script.js;

import dev.backprop.nn.Matrix;
import java.nio.ByteBuffer;
import org.graalvm.polyglot.HostAccess.Export;

/**
 * What scripts reach of an {@code nn.Matrix}: its shape, element access and its live storage for a Float64Array.
 * {@link #matrix} is the engine's matrix, for Java callers and other facades.
 */
public record MatrixFacade(Matrix matrix) {
    @Export
    public int rows() {
        return matrix.rows();
    }

    @Export
    public int cols() {
        return matrix.cols();
    }

    @Export
    public int size() {
        return matrix.size();
    }

    /** The live storage, wrapped by the prelude as a zero-copy Float64Array. */
    @Export
    public ByteBuffer bytes() {
        return matrix.bytes();
    }

    @Export
    public double get(int i, int j) {
        return matrix.get(i, j);
    }

    @Export
    public void set(int i, int j, double v) {
        matrix.set(i, j, v);
    }

    @Export
    public MatrixFacade copy() {
        return new MatrixFacade(matrix.copy());
    }

    @Export
    @Override
    public String toString() {
        return matrix.toString();
    }
}
