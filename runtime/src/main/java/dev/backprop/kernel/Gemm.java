package dev.backprop.kernel;

import java.nio.DoubleBuffer;

/**
 * One product C[i][j] = Σₖ A(i,k)·B(j,k) (i &lt; m, j &lt; n, k &lt; kk) read through strides from direct
 * buffers, packed into zero-padded panels, multiplied by the {@link Microkernel} and written out
 * through an epilogue (bias, scale and accumulate, or plain). Work is split by panels of output rows,
 * so a thread count never changes a bit. A Gemm and its scratch arrays belong to one calling thread
 * and are reused: steady-state calls allocate nothing.
 */
final class Gemm implements WorkerPool.Task {
    /** Epilogues: what is written for an element with sum s. */
    static final int PLAIN = 0;   // out = s
    static final int AFFINE = 1;  // out = s + bias[j]
    static final int SCALED = 2;  // out = (acc ? out : 0) + scale·s

    private static final int PACK = 0;
    private static final int COMPUTE = 1;
    /** Doubles of B kept hot per block of panels (about 256 KiB, half a core's L2). */
    private static final int B_BLOCK_DOUBLES = 32 * 1024;

    private final Microkernel kernel;
    private double[] ap = new double[0];
    private double[] bp = new double[0];
    private double[] c = new double[0];
    /** The operands copied out of their direct buffers (one bulk copy each; packing then reads arrays). */
    private double[] aCopy = new double[0];
    private double[] bCopy = new double[0];

    private DoubleBuffer a;
    private int aRowStride;
    private int aColStride;
    private DoubleBuffer b;
    private int bRowStride;
    private int bColStride;
    private int m;
    private int n;
    private int kk;
    private DoubleBuffer out;
    private DoubleBuffer bias;
    private double scale;
    private boolean accumulate;
    private int epilogue;
    private int mPanels;
    private int nPanels;
    private int ldc;
    private int phase;

    Gemm(Microkernel kernel) {
        this.kernel = kernel;
    }

    /** Describes A(i,k) = a[i·ars + k·acs] and B(j,k) = b[j·brs + k·bcs]. */
    void operands(DoubleBuffer a, int ars, int acs, DoubleBuffer b, int brs, int bcs, int m, int n, int kk) {
        this.a = a;
        this.aRowStride = ars;
        this.aColStride = acs;
        this.b = b;
        this.bRowStride = brs;
        this.bColStride = bcs;
        this.m = m;
        this.n = n;
        this.kk = kk;
    }

    /** Writes C into out[i·n + j] through the epilogue. */
    void output(DoubleBuffer out, int epilogue, DoubleBuffer bias, double scale, boolean accumulate) {
        this.out = out;
        this.epilogue = epilogue;
        this.bias = bias;
        this.scale = scale;
        this.accumulate = accumulate;
    }

    /** Runs the product, on the caller and {@code threads - 1} pool workers when the pool is free. */
    void run(WorkerPool pool, int threads) {
        int mr = kernel.mr();
        int nr = kernel.nr();
        mPanels = (m + mr - 1) / mr;
        nPanels = (n + nr - 1) / nr;
        ldc = nPanels * nr;
        ap = grow(ap, mPanels * mr * kk);
        bp = grow(bp, nPanels * nr * kk);
        c = grow(c, mPanels * mr * ldc);
        // more chunks than threads, so a late or busy thread leaves its share to the others
        int chunks = Math.min(mPanels, 4 * threads);
        int aLength = extent(m, kk, aRowStride, aColStride);
        int bLength = extent(n, kk, bRowStride, bColStride);
        aCopy = grow(aCopy, aLength);
        bCopy = grow(bCopy, bLength);
        a.get(0, aCopy, 0, aLength);
        b.get(0, bCopy, 0, bLength);
        phase = PACK;
        if (threads > 1 && chunks > 1 && pool.tryRun(this, chunks, threads - 1)) {
            phase = COMPUTE;
            if (!pool.tryRun(this, chunks, threads - 1)) {
                run(0, 1);
            }
            return;
        }
        run(0, 1);
        phase = COMPUTE;
        run(0, 1);
    }

    @Override
    public void run(int part, int parts) {
        if (phase == PACK) {
            int mr = kernel.mr();
            int nr = kernel.nr();
            pack(aCopy, aRowStride, aColStride, m, mr, ap, share(mPanels, part, parts), share(mPanels, part + 1, parts));
            pack(bCopy, bRowStride, bColStride, n, nr, bp, share(nPanels, part, parts), share(nPanels, part + 1, parts));
        } else {
            compute(share(mPanels, part, parts), share(mPanels, part + 1, parts));
        }
    }

    private static int share(int total, int part, int parts) {
        return (int) ((long) total * part / parts);
    }

    /** Elements an operand of rows × depth spans in its buffer: last index + 1 (0 when empty). */
    private static int extent(int rows, int depth, int rs, int cs) {
        return rows == 0 || depth == 0 ? 0 : (rows - 1) * rs + (depth - 1) * cs + 1;
    }

    /** dst panel p, lane r, step k = src(p·lanes + r, k), or 0 past the last row. */
    private void pack(double[] src, int rs, int cs, int rows, int lanes, double[] dst, int p0, int p1) {
        int depth = kk;
        for (int p = p0; p < p1; p++) {
            int base = p * depth * lanes;
            int r0 = p * lanes;
            int valid = Math.max(0, Math.min(lanes, rows - r0));
            if (rs == 1) { // the panel's lanes are adjacent in the source for each k
                for (int k = 0, o = base, s = r0; k < depth; k++, o += lanes, s += cs) {
                    for (int r = 0; r < valid; r++) {
                        dst[o + r] = src[s + r];
                    }
                    for (int r = valid; r < lanes; r++) {
                        dst[o + r] = 0.0;
                    }
                }
                continue;
            }
            // k outer, lanes inner: dst is written in order while `valid` source rows are read side by side
            for (int k = 0, o = base, s = r0 * rs; k < depth; k++, o += lanes, s += cs) {
                for (int r = 0, t = s; r < valid; r++, t += rs) {
                    dst[o + r] = src[t];
                }
                for (int r = valid; r < lanes; r++) {
                    dst[o + r] = 0.0;
                }
            }
        }
    }

    private void compute(int ip0, int ip1) {
        if (ip0 >= ip1) {
            return;
        }
        int nr = kernel.nr();
        int block = Math.max(1, B_BLOCK_DOUBLES / Math.max(1, kk * nr));
        for (int jp = 0; jp < nPanels; jp += block) {
            kernel.compute(ap, bp, kk, c, ldc, ip0, ip1, jp, Math.min(nPanels, jp + block));
        }
        int mr = kernel.mr();
        int i1 = Math.min(m, ip1 * mr);
        for (int i = ip0 * mr; i < i1; i++) {
            int co = i * ldc;
            int oo = i * n;
            // the epilogue is applied in c, then the row goes out in one bulk copy
            switch (epilogue) {
                case AFFINE -> {
                    for (int j = 0; j < n; j++) {
                        c[co + j] = c[co + j] + bias.get(j); // z = x·Wᵀ + b
                    }
                }
                case SCALED -> {
                    for (int j = 0; j < n; j++) {
                        double prior = accumulate ? out.get(oo + j) : 0.0;
                        c[co + j] = prior + scale * c[co + j]; // dW = (dW) + scale·δᵀx
                    }
                }
                default -> {
                }
            }
            out.put(oo, c, co, n);
        }
    }

    private static double[] grow(double[] array, int size) {
        return array.length >= size ? array : new double[size];
    }
}
