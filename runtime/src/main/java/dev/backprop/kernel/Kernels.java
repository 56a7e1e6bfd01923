package dev.backprop.kernel;

import java.nio.DoubleBuffer;
import java.util.function.Supplier;

/**
 * The dense products forward and backward use. Each output element is one {@code Math.fma} chain
 * with k ascending from 0, then its epilogue, exactly as in {@link NaiveKernels}; so results are
 * bit-identical to the naive loops whatever the thread count, kernel or vector width. Tiny products
 * (the lesson's toy net) run the naive loops directly; larger ones are packed and run by the
 * {@link Microkernel}, split over the {@link KernelConfig#threads()} threads when there is enough work.
 */
public final class Kernels {
    /** Below this many multiply-adds a product runs the naive loop (packing would cost more). */
    static final long PACK_MIN_WORK = 4_096;
    /**
     * Below this many multiply-adds a product stays on the calling thread (16 M: every product of a W2
     * step, the largest 64×784×128 = 6.4 M, runs on one thread; evaluating 10,000 images through 784→128
     * is 1 G and is split). Measured (docs/PERFORMANCE.md, *Threads*): at W2's sizes a second thread never
     * paid for its hand-offs on the 2-vCPU hosts measured, and made a W2 epoch up to 1.8 × slower where the
     * second vCPU was not free; a product of this size takes ≥ 0.2 ms, so waking a worker costs little.
     */
    static final long THREAD_MIN_WORK = 1L << 24;
    /** The threshold in force: THREAD_MIN_WORK, lowered only by tests that must see small products split. */
    private static volatile long threadMinWork = THREAD_MIN_WORK;

    private static final ThreadLocal<Gemm> GEMM = ThreadLocal.withInitial(() -> new Gemm(KernelConfig.kernel()));
    /** Who a product asks whether to stop; {@link Stop#NEVER} until a layer above says who (see {@link #stopWith}). */
    private static volatile Supplier<Stop> stops = () -> Stop.NEVER;

    private Kernels() {
    }

    /**
     * Says who a product asks whether to stop: {@code source} is called once per packed product on the
     * thread that asks for it (nn's Account gives the tenant bound to that thread).
     */
    public static void stopWith(Supplier<Stop> source) {
        stops = java.util.Objects.requireNonNull(source, "source");
    }

    /** z = x·Wᵀ + b: x is [B, in], W is [out, in], b is [1, out]; writes z [B, out]. */
    public static void affine(RowMajor x, RowMajor w, RowMajor b, RowMajor z) {
        int batch = x.rows();
        int in = x.cols();
        int out = w.rows();
        if (work(batch, out, in) < PACK_MIN_WORK) {
            NaiveKernels.affine(x, w, b, z);
            return;
        }
        packedAffine(x, w, b, z, GEMM.get(), threadsFor(batch, out, in));
    }

    /** affine through the packed path always, on {@code g} with {@code threads} parts. */
    static void packedAffine(RowMajor x, RowMajor w, RowMajor b, RowMajor z, Gemm g, int threads) {
        int in = x.cols();
        g.operands(x.data(), in, 1, w.data(), in, 1, x.rows(), w.rows(), in); // A(i,k) = x[i][k], B(j,k) = W[j][k]
        g.output(z.data(), Gemm.AFFINE, b.data(), 1.0, false);
        g.run(KernelConfig.pool(), threads, stops.get());
    }

    /** dW = scale·δᵀ·x (+ dW when accumulating): δ is [B, out], x is [B, in], dW is [out, in]. */
    public static void gradW(RowMajor delta, RowMajor x, double scale, boolean accumulate, RowMajor dw) {
        int batch = delta.rows();
        int out = delta.cols();
        int in = x.cols();
        if (work(out, in, batch) < PACK_MIN_WORK) {
            NaiveKernels.gradW(delta, x, scale, accumulate, dw);
            return;
        }
        packedGradW(delta, x, scale, accumulate, dw, GEMM.get(), threadsFor(out, in, batch));
    }

    /** gradW through the packed path always, on {@code g} with {@code threads} parts. */
    static void packedGradW(RowMajor delta, RowMajor x, double scale, boolean accumulate, RowMajor dw, Gemm g, int threads) {
        int out = delta.cols();
        int in = x.cols();
        g.operands(delta.data(), 1, out, x.data(), 1, in, out, in, delta.rows()); // A(j,i) = δ[i][j], B(k,i) = x[i][k]
        g.output(dw.data(), Gemm.SCALED, null, scale, accumulate);
        g.run(KernelConfig.pool(), threads, stops.get());
    }

    /** db = scale·Σᵢ δᵢ (+ db when accumulating): δ is [B, out], db is [1, out]. */
    public static void gradB(RowMajor delta, double scale, boolean accumulate, RowMajor db) {
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
    public static void backprop(RowMajor delta, RowMajor w, RowMajor gradA) {
        int batch = delta.rows();
        int out = delta.cols();
        int in = w.cols();
        if (work(batch, in, out) < PACK_MIN_WORK) {
            NaiveKernels.backprop(delta, w, gradA);
            return;
        }
        packedBackprop(delta, w, gradA, GEMM.get(), threadsFor(batch, in, out));
    }

    /** backprop through the packed path always, on {@code g} with {@code threads} parts. */
    static void packedBackprop(RowMajor delta, RowMajor w, RowMajor gradA, Gemm g, int threads) {
        int out = delta.cols();
        int in = w.cols();
        g.operands(delta.data(), out, 1, w.data(), 1, in, delta.rows(), in, out); // A(i,j) = δ[i][j], B(k,j) = W[j][k]
        g.output(gradA.data(), Gemm.PLAIN, null, 1.0, false);
        g.run(KernelConfig.pool(), threads, stops.get());
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

    private static long work(int m, int n, int k) {
        return (long) m * n * k;
    }

    private static int threadsFor(int m, int n, int k) {
        return work(m, n, k) < threadMinWork ? 1 : KernelConfig.threads();
    }

    /** Sets the multiply-adds from which a product is split over threads (tests: to split small products). */
    static void threadMinWork(long work) {
        threadMinWork = work;
    }
}
