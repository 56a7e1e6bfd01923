package dev.backprop.script.js;

import dev.backprop.nn.Param;
import java.nio.ByteBuffer;
import org.graalvm.polyglot.HostAccess.Export;

/** What scripts reach of a {@code Param}: name, shape, element access, trainable flag and live value/grad storage. */
public final class ParamFacade {
    private final Param p;

    ParamFacade(Param p) {
        this.p = p;
    }

    public Param param() {
        return p;
    }

    @Export
    public String name() {
        return p.name();
    }

    @Export
    public int rows() {
        return p.rows();
    }

    @Export
    public int cols() {
        return p.cols();
    }

    @Export
    public int size() {
        return p.size();
    }

    /** The value's storage for a live view; from now on the stale-forward guard also checksums it. */
    @Export
    public ByteBuffer valueBytes() {
        p.expose();
        return p.value().bytes();
    }

    @Export
    public ByteBuffer gradBytes() {
        return p.grad().bytes();
    }

    @Export
    public double get(int i, int j) {
        return p.get(i, j);
    }

    @Export
    public void set(int i, int j, double v) {
        p.set(i, j, v);
    }

    /** Marks the value changed after a bulk write through its view. */
    @Export
    public void touch() {
        p.touch();
    }

    @Export
    public boolean trainable() {
        return p.trainable();
    }

    @Export
    public void setTrainable(boolean on) {
        p.setTrainable(on);
    }

    @Export
    public MatrixFacade valueMatrix() {
        return new MatrixFacade(p.value());
    }

    @Export
    public MatrixFacade gradMatrix() {
        return new MatrixFacade(p.grad());
    }

    @Export
    @Override
    public String toString() {
        return p.toString();
    }
}
