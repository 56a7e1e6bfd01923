package dev.backprop.nn;

/**
 * One fully connected layer: z = x·Wᵀ + b, a = f(z). W is [outputs, inputs] (one row per unit, as
 * PyTorch's nn.Linear and the lesson), b is [1, outputs]. It keeps the last training forward's
 * z and a, and the last backward's per-example δ = ∂Lᵢ/∂z.
 */
public final class Dense {
    private final int index;
    private final Param w;
    private final Param b;
    private final Activation activation;
    Matrix z;
    Matrix a;
    Matrix delta;

    Dense(int index, int inputs, int outputs, Activation activation) {
        this.index = index;
        this.w = new Param("W" + index, outputs, inputs);
        this.b = new Param("b" + index, 1, outputs);
        this.activation = activation;
    }

    /** 1-based position, as in W1, b1. */
    public int index() {
        return index;
    }

    public Param W() {
        return w;
    }

    public Param b() {
        return b;
    }

    public Activation activation() {
        return activation;
    }

    public int inputs() {
        return w.cols();
    }

    public int outputs() {
        return w.rows();
    }

    /** z of the last training forward (one row per example), or null before any. */
    public Matrix z() {
        return z;
    }

    /** a = f(z) of the last training forward, or null before any. */
    public Matrix a() {
        return a;
    }

    /** Per-example δ = ∂Lᵢ/∂z of the last backward (not divided by the batch size), or null. */
    public Matrix delta() {
        return delta;
    }

    /** Parameter count: weights and biases. */
    public int parameterCount() {
        return w.size() + b.size();
    }
}
