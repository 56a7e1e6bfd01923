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

    /** z = x·Wᵀ + b: x is [B, in], W is [out, in], b is [1, out]; writes z [B, out]. */
    public static void affine(RowMajor x, RowMajor w, RowMajor b, RowMajor z) {
        int batch = x.rows();
        int in = x.cols();
        int out = w.rows();
        DoubleBuffer xs = x.data();
        DoubleBuffer ws = w.data();
        DoubleBuffer bs = b.data();
        DoubleBuffer zs = z.data();
        for (int i = 0; i < batch; i++) {
            int xo = i * in;
            for (int j = 0; j < out; j++) {
                int wo = j * in;
                double s = 0;
                for (int k = 0; k < in; k++) {
                    s = Math.fma(xs.get(xo + k), ws.get(wo + k), s); // s += x[i][k]·W[j][k]
                }
                zs.put(i * out + j, s + bs.get(j));
            }
        }
    }

    /** dW = scale·δᵀ·x (+ dW when accumulating): δ is [B, out], x is [B, in], dW is [out, in]. */
    public static void gradW(RowMajor delta, RowMajor x, double scale, boolean accumulate, RowMajor dw) {
        int batch = delta.rows();
        int out = delta.cols();
        int in = x.cols();
        DoubleBuffer ds = delta.data();
        DoubleBuffer xs = x.data();
        DoubleBuffer gs = dw.data();
        for (int j = 0; j < out; j++) {
            for (int k = 0; k < in; k++) {
                double s = 0;
                for (int i = 0; i < batch; i++) {
                    s = Math.fma(ds.get(i * out + j), xs.get(i * in + k), s); // s += δ[i][j]·x[i][k]
                }
                int o = j * in + k;
                gs.put(o, (accumulate ? gs.get(o) : 0.0) + scale * s);
            }
        }
    }

    /** gradA = δ·W: δ is [B, out], W is [out, in]; writes gradA [B, in]. */
    public static void backprop(RowMajor delta, RowMajor w, RowMajor gradA) {
        int batch = delta.rows();
        int out = delta.cols();
        int in = w.cols();
        DoubleBuffer ds = delta.data();
        DoubleBuffer ws = w.data();
        DoubleBuffer gs = gradA.data();
        for (int i = 0; i < batch; i++) {
            for (int k = 0; k < in; k++) {
                double s = 0;
                for (int j = 0; j < out; j++) {
                    s = Math.fma(ds.get(i * out + j), ws.get(j * in + k), s); // s += δ[i][j]·W[j][k]
                }
                gs.put(i * in + k, s);
            }
        }
    }
}
