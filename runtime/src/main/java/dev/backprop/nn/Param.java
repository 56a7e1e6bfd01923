package dev.backprop.nn;

import java.nio.DoubleBuffer;

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

    /**
     * One plain gradient-descent step, p ← p − lr·∂L/∂p: {@code net.step(lr)}, and {@code nn.sgd} without momentum
     * or decay. Returns ‖Δp‖² = Σₖ (lr·∂L/∂pₖ)². The caller marks the change ({@link #touch}).
     */
    public double descend(double lr) {
        DoubleBuffer w = value.data();
        DoubleBuffer g = grad.data();
        int n = size();
        // ‖Δp‖² in four running sums (k mod 4), added at the end: one chain of dependent adds over the 100k
        // weights of a W2 layer cost ~10 % of a training step. A fixed order, so still the same bits every run.
        double sq0 = 0;
        double sq1 = 0;
        double sq2 = 0;
        double sq3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            double d0 = lr * g.get(k);
            double d1 = lr * g.get(k + 1);
            double d2 = lr * g.get(k + 2);
            double d3 = lr * g.get(k + 3);
            w.put(k, w.get(k) - d0); // w ← w − η·∂L/∂w
            w.put(k + 1, w.get(k + 1) - d1);
            w.put(k + 2, w.get(k + 2) - d2);
            w.put(k + 3, w.get(k + 3) - d3);
            sq0 += d0 * d0;
            sq1 += d1 * d1;
            sq2 += d2 * d2;
            sq3 += d3 * d3;
        }
        for (; k < n; k++) {
            double d = lr * g.get(k);
            w.put(k, w.get(k) - d);
            sq0 += d * d;
        }
        return (sq0 + sq1) + (sq2 + sq3);
    }

    /**
     * One SGD step as PyTorch's {@code torch.optim.SGD} (dampening 0, not Nesterov), in one pass: g = ∂L/∂p + λ·p;
     * with a momentum buffer, buf = g on the first step and μ·buf + g after, and u = buf, else u = g; p ← p − lr·u.
     * Without decay and buffer it is {@link #descend(double)}, so SGD is written here and nowhere else. {@code buf}
     * (null: no momentum) holds {@link #size()} values, row-major. Returns ‖Δp‖²; the caller marks the change.
     */
    public double descend(double lr, double weightDecay, double momentum, DoubleBuffer buf, boolean first) {
        if (weightDecay == 0 && buf == null) {
            return descend(lr);
        }
        int n = size();
        if (buf != null && buf.limit() < n) {
            throw new IllegalArgumentException("a step of " + name + " needs a momentum buffer of " + n
                    + " values (one per element, row-major); this one holds " + buf.limit());
        }
        DoubleBuffer w = value.data();
        DoubleBuffer g = grad.data();
        double sq = 0;
        for (int k = 0; k < n; k++) {
            double d = g.get(k);
            if (weightDecay != 0) {
                d += weightDecay * w.get(k); // g = ∂L/∂p + λ·p
            }
            if (buf != null) {
                d = first ? d : momentum * buf.get(k) + d; // buf = μ·buf + g, starting at g
                buf.put(k, d);
            }
            double delta = lr * d;
            w.put(k, w.get(k) - delta); // p ← p − lr·u
            sq += delta * delta;
        }
        return sq;
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
