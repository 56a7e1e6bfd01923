package dev.backprop.kernel;

import dev.backprop.nn.Matrix;
import java.nio.DoubleBuffer;

/**
 * The dense products forward and backward use. Each output element is accumulated in one fixed
 * order (k ascending), so results do not depend on how the work is split.
 */
public final class Kernels {
    private Kernels() {
    }

    /** z = x·Wᵀ + b: x is [B, in], W is [out, in], b is [1, out]; writes z [B, out]. */
    public static void affine(Matrix x, Matrix w, Matrix b, Matrix z) {
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
                    s += xs.get(xo + k) * ws.get(wo + k);
                }
                zs.put(i * out + j, s + bs.get(j));
            }
        }
    }

    /** dW = scale·δᵀ·x (+ dW when accumulating): δ is [B, out], x is [B, in], dW is [out, in]. */
    public static void gradW(Matrix delta, Matrix x, double scale, boolean accumulate, Matrix dw) {
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
                    s += ds.get(i * out + j) * xs.get(i * in + k);
                }
                int o = j * in + k;
                gs.put(o, (accumulate ? gs.get(o) : 0.0) + scale * s);
            }
        }
    }

    /** db = scale·Σᵢ δᵢ (+ db when accumulating): δ is [B, out], db is [1, out]. */
    public static void gradB(Matrix delta, double scale, boolean accumulate, Matrix db) {
        int batch = delta.rows();
        int out = delta.cols();
        DoubleBuffer ds = delta.data();
        DoubleBuffer gs = db.data();
        for (int j = 0; j < out; j++) {
            double s = 0;
            for (int i = 0; i < batch; i++) {
                s += ds.get(i * out + j);
            }
            gs.put(j, (accumulate ? gs.get(j) : 0.0) + scale * s);
        }
    }

    /** gradA = δ·W: δ is [B, out], W is [out, in]; writes gradA [B, in] (∂L/∂a of the layer below). */
    public static void backprop(Matrix delta, Matrix w, Matrix gradA) {
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
                    s += ds.get(i * out + j) * ws.get(j * in + k);
                }
                gs.put(i * in + k, s);
            }
        }
    }

    /** y ← y + alpha·x, element-wise over equal-length buffers. */
    public static void axpy(double alpha, DoubleBuffer x, DoubleBuffer y, int n) {
        for (int k = 0; k < n; k++) {
            y.put(k, y.get(k) + alpha * x.get(k));
        }
    }

    /** Σ vₖ², the squared L2 norm. */
    public static double sumSquares(DoubleBuffer v, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            double e = v.get(k);
            s += e * e;
        }
        return s;
    }
}
