package dev.backprop.nn;

import java.nio.DoubleBuffer;
import java.util.List;

/**
 * {@link Network}'s path for a batch of one example through small layers with element-wise
 * activations (the lesson's nets, a per-example training loop): each layer's z = W·x + b and
 * a = f(z) in one pass, and each layer's ∂L/∂W, ∂L/∂b and δ below in one pass, over buffers bound
 * once instead of looked up per call. Every number is the same expression in the same order as the
 * general path ({@code NaiveKernels}, {@link Activation.Elementwise}), so the bits are identical;
 * the caches it fills (z, a, δ, gradients) are the same matrices.
 */
final class SingleExample {
    /** Largest layer (units in or out) taken; beyond it the general kernels are as fast. */
    static final int MAX_UNITS = 64;

    private final int layers;
    private final int[] ins;
    private final int[] outs;
    private final Activation.Elementwise[] act;
    private final DoubleBuffer[] w;
    private final DoubleBuffer[] b;
    private final DoubleBuffer[] gw;
    private final DoubleBuffer[] gb;
    private final DoubleBuffer[] z;
    private final DoubleBuffer[] a;
    private final DoubleBuffer[] delta;
    private DoubleBuffer input;

    private SingleExample(List<Dense> ls) {
        layers = ls.size();
        ins = new int[layers];
        outs = new int[layers];
        act = new Activation.Elementwise[layers];
        w = new DoubleBuffer[layers];
        b = new DoubleBuffer[layers];
        gw = new DoubleBuffer[layers];
        gb = new DoubleBuffer[layers];
        z = new DoubleBuffer[layers];
        a = new DoubleBuffer[layers];
        delta = new DoubleBuffer[layers];
        for (int l = 0; l < layers; l++) {
            Dense d = ls.get(l);
            ins[l] = d.inputs();
            outs[l] = d.outputs();
            act[l] = (Activation.Elementwise) d.activation();
            w[l] = d.W().value().data();
            b[l] = d.b().value().data();
            gw[l] = d.W().grad().data();
            gb[l] = d.b().grad().data();
        }
    }

    /** The path for these layers, or null when a layer is too large or mixes its row (softmax). */
    static SingleExample of(List<Dense> ls) {
        for (Dense d : ls) {
            if (!(d.activation() instanceof Activation.Elementwise) || d.inputs() > MAX_UNITS
                    || d.outputs() > MAX_UNITS) {
                return null;
            }
        }
        return new SingleExample(ls);
    }

    /** Binds the one-row input copy and every layer's z and a (after the network allocated them). */
    void bindForward(Matrix in, List<Dense> ls) {
        input = in.data();
        for (int l = 0; l < layers; l++) {
            z[l] = ls.get(l).z.data();
            a[l] = ls.get(l).a.data();
        }
    }

    /** Binds every layer's δ (after the network allocated them). */
    void bindBackward(List<Dense> ls) {
        for (int l = 0; l < layers; l++) {
            delta[l] = ls.get(l).delta.data();
        }
    }

    /** z = W·x + b (one fma chain per unit, k ascending, then + b), a = f(z), layer by layer. */
    void forward() {
        DoubleBuffer x = input;
        for (int l = 0; l < layers; l++) {
            int in = ins[l];
            int out = outs[l];
            DoubleBuffer ws = w[l];
            DoubleBuffer bs = b[l];
            DoubleBuffer zs = z[l];
            DoubleBuffer as = a[l];
            Activation.Elementwise f = act[l];
            for (int j = 0; j < out; j++) {
                int wo = j * in;
                double s = 0;
                for (int k = 0; k < in; k++) {
                    s = Math.fma(x.get(k), ws.get(wo + k), s); // s += x[k]·W[j][k]
                }
                double zj = s + bs.get(j);
                zs.put(j, zj);
                as.put(j, f.apply(zj)); // a = f(z)
            }
            x = as;
        }
    }

    /**
     * From the output layer's δ (the loss wrote it) down: ∂L/∂W = δᵀ·x, ∂L/∂b = δ (the batch mean of
     * one example, scaled by 1.0 as the general path), then δ_prev = (Wᵀδ) ⊙ f'(z) for the layer below.
     */
    void backward(boolean accumulate) {
        double mean = 1.0;
        for (int l = layers - 1; l >= 0; l--) {
            int in = ins[l];
            int out = outs[l];
            DoubleBuffer ds = delta[l];
            DoubleBuffer xs = l == 0 ? input : a[l - 1];
            DoubleBuffer gws = gw[l];
            DoubleBuffer gbs = gb[l];
            for (int j = 0; j < out; j++) {
                double dj = ds.get(j);
                int o = j * in;
                for (int k = 0; k < in; k++) {
                    double s = Math.fma(dj, xs.get(k), 0.0); // s = δ[j]·x[k]
                    gws.put(o + k, (accumulate ? gws.get(o + k) : 0.0) + mean * s);
                }
                double sb = 0;
                sb += dj;
                gbs.put(j, (accumulate ? gbs.get(j) : 0.0) + mean * sb);
            }
            if (l > 0) {
                DoubleBuffer ws = w[l];
                DoubleBuffer zb = z[l - 1];
                DoubleBuffer ab = a[l - 1];
                DoubleBuffer db = delta[l - 1];
                Activation.Elementwise f = act[l - 1];
                for (int k = 0; k < in; k++) {
                    double s = 0;
                    for (int j = 0; j < out; j++) {
                        s = Math.fma(ds.get(j), ws.get(j * in + k), s); // s += δ[j]·W[j][k]
                    }
                    db.put(k, s * f.derivative(zb.get(k), ab.get(k))); // δ_prev = (Wᵀδ) ⊙ f'(z)
                }
            }
        }
    }
}
