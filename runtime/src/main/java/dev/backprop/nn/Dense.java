package dev.backprop.nn;

import dev.backprop.kernel.Kernels;

/**
 * One fully connected layer: z = x·Wᵀ + b, a = f(z). W is [outputs, inputs] (one row per unit, as
 * PyTorch's nn.Linear and the lesson), b is [1, outputs]. It keeps the last training forward's
 * z and a, and the last backward's per-example δ = ∂Lᵢ/∂z. Its {@link #forward}, {@link #gradients}
 * and {@link #backward} are the one per-layer code of every pass (training, evaluation, checkGrads);
 * a batch of one example through a small layer takes {@link SingleExample}'s fused loops (same bits).
 */
public final class Dense {
    private final int index;
    private final Param w;
    private final Param b;
    private final Activation activation;
    /** The activation when it is element-wise and the layer small enough for the one-example loops, else null. */
    private final Activation.Elementwise fused;
    /** Whether the layer is small enough for the one-example loops. */
    private final boolean small;
    Matrix z;
    Matrix a;
    Matrix delta;

    Dense(int index, int inputs, int outputs, Activation activation) {
        this.index = index;
        this.w = new Param("W" + index, outputs, inputs);
        this.b = new Param("b" + index, 1, outputs);
        this.activation = activation;
        this.small = SingleExample.fits(inputs, outputs);
        this.fused = activation instanceof Activation.Elementwise e && small ? e : null;
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

    /** z = x·Wᵀ + b, then a = f(z): x is [B, inputs]; writes z and a [B, outputs]. */
    void forward(Matrix x, Matrix z, Matrix a) {
        if (fused != null && x.rows() == 1) {
            SingleExample.forward(x, w.value(), b.value(), fused, z, a);
            return;
        }
        Kernels.affine(x, w.value(), b.value(), z); // z = x·Wᵀ + b
        activation.forward(z, a);                   // a = f(z)
    }

    /**
     * ∂L/∂W = scale·δᵀ·x and ∂L/∂b = scale·Σᵢδᵢ (scale 1/B for a batch mean), added to what dW and db
     * hold when {@code accumulate}: δ is [B, outputs], x is this layer's input [B, inputs].
     */
    void gradients(Matrix delta, Matrix x, double scale, boolean accumulate, Matrix dw, Matrix db) {
        if (small && x.rows() == 1) {
            SingleExample.gradients(delta, x, scale, accumulate, dw, db);
            return;
        }
        Kernels.gradW(delta, x, scale, accumulate, dw); // ∂L/∂W = scale·δᵀ·x
        Kernels.gradB(delta, scale, accumulate, db);    // ∂L/∂b = scale·Σδ
    }

    /**
     * Sends δ back through weights w (this layer's W, or for checkGrads a stale copy) into the layer
     * below: δ_below = (Wᵀδ) ⊙ f'(z_below), against its cached z and a; without the f' factor when
     * {@code derivative} is false (checkGrads' dropped-derivative mistake). {@code gradA} [B, inputs]
     * holds Wᵀδ on the general path; writes {@code deltaBelow} [B, inputs].
     */
    void backward(Matrix delta, Matrix w, Dense below, boolean derivative, Matrix gradA, Matrix deltaBelow) {
        if (small && below.fused != null && delta.rows() == 1) {
            SingleExample.delta(delta, w, derivative ? below.fused : null, below.z, below.a, deltaBelow);
            return;
        }
        if (!derivative) {
            Kernels.backprop(delta, w, deltaBelow); // δ_below = Wᵀδ, row-wise δ·W
            return;
        }
        Kernels.backprop(delta, w, gradA);                            // Wᵀδ, row-wise δ·W
        below.activation.backward(below.z, below.a, gradA, deltaBelow); // δ_below = (Wᵀδ) ⊙ f'(z)
    }
}
