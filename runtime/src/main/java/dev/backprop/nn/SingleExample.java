package dev.backprop.nn;

import dev.backprop.kernel.NaiveKernels;

/**
 * {@link Dense}'s loops for a batch of one example through a small layer (the lesson's nets, a
 * per-example training loop): z = W·x + b and a = f(z) in one pass, ∂L/∂W and ∂L/∂b in one pass,
 * δ_below = (Wᵀδ) ⊙ f'(z) in one pass. Every number is the same expression in the same order as
 * the general path ({@code NaiveKernels}, {@link Activation.Elementwise}), so the bits are identical;
 * what they save is the general kernels' set-up and the separate activation pass.
 */
final class SingleExample {
    /** Largest layer (units in or out) taken; beyond it the general kernels are as fast. */
    static final int MAX_UNITS = 64;

    private SingleExample() {
    }

    /** Whether a layer with this many inputs and outputs is small enough. */
    static boolean fits(int inputs, int outputs) {
        return inputs <= MAX_UNITS && outputs <= MAX_UNITS;
    }

    /** z = W·x + b (one fma chain per unit, k ascending, then + b), a = f(z): x [1, in], W [out, in]. */
    static void forward(Matrix x, Matrix w, Matrix b, Activation.Elementwise f, Matrix z, Matrix a) {
        int in = w.cols();
        for (int j = 0; j < w.rows(); j++) {
            double zj = NaiveKernels.fmaChain(x.data(), 0, 1, w.data(), j * in, 1, in) + b.at(j); // z = x·W[j] + b[j]
            z.put(j, zj);
            a.put(j, f.apply(zj)); // a = f(z)
        }
    }

    /** ∂L/∂W = scale·δᵀ·x, ∂L/∂b = scale·δ (added to what is there when accumulating): δ [1, out], x [1, in]. */
    static void gradients(Matrix delta, Matrix x, double scale, boolean accumulate, Matrix dw, Matrix db) {
        int in = x.cols();
        for (int j = 0; j < delta.cols(); j++) {
            double dj = delta.at(j);
            for (int k = 0; k < in; k++) {
                double s = Math.fma(dj, x.at(k), 0.0); // a chain of one: s = δ[j]·x[k]
                dw.put(j * in + k, (accumulate ? dw.at(j * in + k) : 0.0) + scale * s);
            }
            db.put(j, (accumulate ? db.at(j) : 0.0) + scale * (0.0 + dj)); // a sum of one: Σδ = 0 + δ[j]
        }
    }

    /**
     * δ_below = (Wᵀδ) ⊙ f'(z), or Wᵀδ alone when {@code f} is null: δ [1, out], W [out, in], z and a
     * [1, in] of the layer below; writes δ_below [1, in].
     */
    static void delta(Matrix delta, Matrix w, Activation.Elementwise f, Matrix z, Matrix a, Matrix deltaBelow) {
        int in = w.cols();
        for (int k = 0; k < in; k++) {
            double s = NaiveKernels.fmaChain(delta.data(), 0, 1, w.data(), k, in, w.rows()); // (Wᵀδ)[k]
            deltaBelow.put(k, f == null ? s : s * f.derivative(z.at(k), a.at(k))); // δ = (Wᵀδ) ⊙ f'(z)
        }
    }
}
