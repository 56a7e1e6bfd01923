package dev.backprop.script.js;

import dev.backprop.nn.Param;
import java.nio.ByteBuffer;
import org.graalvm.polyglot.HostAccess.Export;

/** What scripts reach of a {@code Param}: name, shape, element access, trainable flag and live value/grad storage. */
public record ParamFacade(Param param) {
    @Export
    public String name() {
        return param.name();
    }

    @Export
    public int rows() {
        return param.rows();
    }

    @Export
    public int cols() {
        return param.cols();
    }

    @Export
    public int size() {
        return param.size();
    }

    /** The value's storage for a live view; from now on the stale-forward guard also checksums it. */
    @Export
    public ByteBuffer valueBytes() {
        param.expose();
        return param.value().bytes();
    }

    @Export
    public ByteBuffer gradBytes() {
        return param.grad().bytes();
    }

    @Export
    public double get(int i, int j) {
        return param.get(i, j);
    }

    @Export
    public void set(int i, int j, double v) {
        param.set(i, j, v);
    }

    /** Marks the value changed after a bulk write through its view. */
    @Export
    public void touch() {
        param.touch();
    }

    @Export
    public boolean trainable() {
        return param.trainable();
    }

    @Export
    public void setTrainable(boolean on) {
        param.setTrainable(on);
    }

    @Export
    public MatrixFacade valueMatrix() {
        return new MatrixFacade(param.value());
    }

    @Export
    public MatrixFacade gradMatrix() {
        return new MatrixFacade(param.grad());
    }

    @Export
    @Override
    public String toString() {
        return param.toString();
    }
}
