package dev.backprop.nn;

import java.nio.DoubleBuffer;

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
        int out = w.rows();
        DoubleBuffer xs = x.data();
        DoubleBuffer ws = w.data();
        DoubleBuffer bs = b.data();
        DoubleBuffer zs = z.data();
        DoubleBuffer as = a.data();
        for (int j = 0; j < out; j++) {
            int wo = j * in;
            double s = 0;
            for (int k = 0; k < in; k++) {
                s = Math.fma(xs.get(k), ws.get(wo + k), s); // s += x[k]·W[j][k]
            }
            double zj = s + bs.get(j);
            zs.put(j, zj);
            as.put(j, f.apply(zj)); // a = f(z)
        }
    }

    /** ∂L/∂W = scale·δᵀ·x, ∂L/∂b = scale·δ (added to what is there when accumulating): δ [1, out], x [1, in]. */
    static void gradients(Matrix delta, Matrix x, double scale, boolean accumulate, Matrix dw, Matrix db) {
        int in = x.cols();
        int out = delta.cols();
        DoubleBuffer ds = delta.data();
        DoubleBuffer xs = x.data();
        DoubleBuffer gws = dw.data();
        DoubleBuffer gbs = db.data();
        for (int j = 0; j < out; j++) {
            double dj = ds.get(j);
            int o = j * in;
            for (int k = 0; k < in; k++) {
                double s = Math.fma(dj, xs.get(k), 0.0); // s = δ[j]·x[k]
                gws.put(o + k, (accumulate ? gws.get(o + k) : 0.0) + scale * s);
            }
            double sb = 0;
            sb += dj;
            gbs.put(j, (accumulate ? gbs.get(j) : 0.0) + scale * sb);
        }
    }

    /**
     * δ_below = (Wᵀδ) ⊙ f'(z), or Wᵀδ alone when {@code f} is null: δ [1, out], W [out, in], z and a
     * [1, in] of the layer below; writes δ_below [1, in].
     */
    static void delta(Matrix delta, Matrix w, Activation.Elementwise f, Matrix z, Matrix a, Matrix deltaBelow) {
        int in = w.cols();
        int out = w.rows();
        DoubleBuffer ds = delta.data();
        DoubleBuffer ws = w.data();
        DoubleBuffer zs = z.data();
        DoubleBuffer as = a.data();
        DoubleBuffer db = deltaBelow.data();
        for (int k = 0; k < in; k++) {
            double s = 0;
            for (int j = 0; j < out; j++) {
                s = Math.fma(ds.get(j), ws.get(j * in + k), s); // s += δ[j]·W[j][k]
            }
            db.put(k, f == null ? s : s * f.derivative(zs.get(k), as.get(k))); // δ = (Wᵀδ) ⊙ f'(z)
        }
    }
}
