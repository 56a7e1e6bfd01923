package dev.backprop.kernel;

import java.nio.DoubleBuffer;

/**
 * The reference triple loops for the dense products. Each output element is one {@code Math.fma}
 * chain with k ascending, starting from 0, followed by its epilogue (bias, scale, accumulate); the
 * fast kernels follow exactly this order, so both give identical bits.
 */
public final class NaiveKernels {
    private NaiveKernels() {
    }

    /**
     * Σₖ a[ao + k·sa]·b[bo + k·sb] for k = 0 … n−1 as one {@code Math.fma} chain, k ascending from 0:
     * the formula of every output element of every product here and in the one-example loops.
     */
    public static double fmaChain(DoubleBuffer a, int ao, int sa, DoubleBuffer b, int bo, int sb, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s = Math.fma(a.get(ao + k * sa), b.get(bo + k * sb), s); // s += a[k]·b[k]
        }
        return s;
    }

    /** z = x·Wᵀ + b: x is [B, in], W is [out, in], b is [1, out]; writes z [B, out]. */
    public static void affine(RowMajor x, RowMajor w, RowMajor b, RowMajor z) {
        int in = x.cols();
        int out = w.rows();
        DoubleBuffer zs = z.data();
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < out; j++) {
                zs.put(i * out + j, fmaChain(x.data(), i * in, 1, w.data(), j * in, 1, in) + b.data().get(j)); // x[i]·W[j] + b[j]
            }
        }
    }

    /** dW = scale·δᵀ·x (+ dW when accumulating): δ is [B, out], x is [B, in], dW is [out, in]. */
    public static void gradW(RowMajor delta, RowMajor x, double scale, boolean accumulate, RowMajor dw) {
        int out = delta.cols();
        int in = x.cols();
        DoubleBuffer gs = dw.data();
        for (int j = 0; j < out; j++) {
            for (int k = 0; k < in; k++) {
                double s = fmaChain(delta.data(), j, out, x.data(), k, in, delta.rows()); // Σᵢ δ[i][j]·x[i][k]
                int o = j * in + k;
                gs.put(o, (accumulate ? gs.get(o) : 0.0) + scale * s);
            }
        }
    }

    /** gradA = δ·W: δ is [B, out], W is [out, in]; writes gradA [B, in]. */
    public static void backprop(RowMajor delta, RowMajor w, RowMajor gradA) {
        int out = delta.cols();
        int in = w.cols();
        DoubleBuffer gs = gradA.data();
        for (int i = 0; i < delta.rows(); i++) {
            for (int k = 0; k < in; k++) {
                gs.put(i * in + k, fmaChain(delta.data(), i * out, 1, w.data(), k, in, out)); // Σⱼ δ[i][j]·W[j][k]
            }
        }
    }
}
