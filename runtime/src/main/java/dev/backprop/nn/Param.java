package dev.backprop.nn;

/**
 * A learnable parameter: its value, the gradient ∂L/∂p from the latest backward, a trainable flag,
 * and a version counter bumped on every write through this class (steps, set, load).
 */
public final class Param {
    private final String name;
    private final Matrix value;
    private final Matrix grad;
    private boolean trainable = true;
    private long version;
    private boolean exposed;
    private long exposedBaseline;
    private double lastUpdateNorm = Double.NaN;
    /** Whether {@link #lastUpdateNorm} holds ‖Δp‖² (the plain step defers the square root to the reader). */
    private boolean lastUpdateSquared;

    public Param(String name, int rows, int cols) {
        this.name = name;
        this.value = Matrix.zeros(rows, cols);
        this.grad = Matrix.zeros(rows, cols);
    }

    /** {@code W1}, {@code b1}, … as in the lesson. */
    public String name() {
        return name;
    }

    /** The live values, row-major. Writes through {@link #set} bump the version; see {@link #expose}. */
    public Matrix value() {
        return value;
    }

    /** ∂L/∂p from the latest backward (a batch mean), same shape as the value. */
    public Matrix grad() {
        return grad;
    }

    public int rows() {
        return value.rows();
    }

    public int cols() {
        return value.cols();
    }

    public int size() {
        return value.size();
    }

    public double get(int i, int j) {
        return value.get(i, j);
    }

    /** Writes one element and marks the parameter changed. */
    public void set(int i, int j, double v) {
        value.set(i, j, Checks.finite(name + "[" + i + "][" + j + "]", v));
        touch();
    }

    /** Overwrites every value (row-major) and marks the parameter changed. */
    public void setAll(double[] values) {
        if (values.length != size()) {
            throw new ShapeError(name + " has shape " + value.shapeString() + " and needs " + size()
                    + " values (row-major), got " + values.length);
        }
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new ValueError("set " + name + ": value " + k + " is " + values[k] + "; " + name
                        + " must hold finite numbers (nothing was changed)");
            }
        }
        value.copyFrom(values);
        touch();
    }

    public boolean trainable() {
        return trainable;
    }

    /** Frozen parameters still get gradients; step and optimizers skip them. */
    public void freeze() {
        trainable = false;
    }

    public void unfreeze() {
        trainable = true;
    }

    public void setTrainable(boolean on) {
        trainable = on;
    }

    /** Marks the value changed (bumps the version); call after writing {@link #value()} directly. */
    public void touch() {
        version++;
    }

    /** The number of writes seen through this class. */
    public long version() {
        return version;
    }

    /**
     * Records that the value's storage was handed out as a live view (e.g. a Float64Array), so that
     * writes can bypass {@link #set}; the stale-forward guard then also compares a checksum.
     */
    public void expose() {
        if (!exposed) {
            exposedBaseline = value.checksum();
            exposed = true;
        }
    }

    /**
     * A stamp that changes whenever the value changes: the version, plus (once exposed) how the
     * checksum moved since the exposure, so that exposing alone (e.g. printing a view between forward
     * and backward) changes nothing.
     */
    long stamp() {
        return exposed ? version + 31 * (value.checksum() - exposedBaseline) : version;
    }

    /** ‖Δp‖ of the latest step, or NaN before any. */
    public double lastUpdateNorm() {
        return lastUpdateSquared ? Math.sqrt(lastUpdateNorm) : lastUpdateNorm;
    }

    void recordUpdateNorm(double norm) {
        lastUpdateNorm = norm;
        lastUpdateSquared = false;
    }

    /** As {@link #recordUpdateNorm} with ‖Δp‖², so that a step needs no square root. */
    void recordUpdateSquaredNorm(double squared) {
        lastUpdateNorm = squared;
        lastUpdateSquared = true;
    }

    @Override
    public String toString() {
        return name + " " + value.shapeString() + (trainable ? "" : " (frozen)");
    }
}
