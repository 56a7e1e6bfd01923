package dev.backprop.script.js;

import dev.backprop.nn.Matrix;
import java.nio.ByteBuffer;
import org.graalvm.polyglot.HostAccess.Export;

/** What scripts reach of an {@code nn.Matrix}: its shape, element access and its live storage for a Float64Array. */
public final class MatrixFacade {
    private final Matrix m;

    MatrixFacade(Matrix m) {
        this.m = m;
    }

    /** The engine's matrix (for Java callers and other facades). */
    public Matrix matrix() {
        return m;
    }

    @Export
    public int rows() {
        return m.rows();
    }

    @Export
    public int cols() {
        return m.cols();
    }

    @Export
    public int size() {
        return m.size();
    }

    /** The live storage, wrapped by the prelude as a zero-copy Float64Array. */
    @Export
    public ByteBuffer bytes() {
        return m.bytes();
    }

    @Export
    public double get(int i, int j) {
        return m.get(i, j);
    }

    @Export
    public void set(int i, int j, double v) {
        m.set(i, j, v);
    }

    @Export
    public MatrixFacade copy() {
        return new MatrixFacade(m.copy());
    }

    @Export
    @Override
    public String toString() {
        return m.toString();
    }
}
