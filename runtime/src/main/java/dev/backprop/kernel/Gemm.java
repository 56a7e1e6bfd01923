package dev.backprop.kernel;

import java.nio.DoubleBuffer;

/**
 * One product C[i][j] = Σₖ A(i,k)·B(j,k) (i &lt; m, j &lt; n, k &lt; kk) read through strides from direct
 * buffers, B packed into zero-padded panels (A is read in place, only its last partial panel is
 * packed), multiplied by the {@link Microkernel} and written out
 * through an epilogue (bias, scale and accumulate, or plain). The loops are blocked for the caches
 * (GotoBLAS order): for each block of output rows (A's rows in L2) and each range of k, every panel of
 * B (kc × nr, in L1) is multiplied by every row panel of the block; the k ranges continue each
 * element's fma chain in order, so blocking changes no bit. Work is split by panels of output rows,
 * so a thread count never changes a bit either. A Gemm and its scratch arrays belong to one calling thread
 * and are reused: steady-state calls allocate nothing.
 */
final class Gemm implements WorkerPool.Task {
    /** Epilogues: what is written for an element with sum s. */
    static final int PLAIN = 0;   // out = s
    static final int AFFINE = 1;  // out = s + bias[j]
    static final int SCALED = 2;  // out = (acc ? out : 0) + scale·s

    private static final int PACK = 0;
    private static final int COMPUTE = 1;
    /**
     * Steps of k per range: a panel of B (kc × nr doubles: 32 KiB at 512 bits, 16 KiB at 256) stays in L1
     * while the rows of a block pass over it. 128, 256 and 512 measured alike within the noise of a shared
     * host at W2's shapes and 512³ (2026-12-07); 256 fits a 32 KiB L1 at 256 bits with room for A.
     */
    private static final int KC = 256;
    /** Output rows per block: the block's A (rows × kc doubles, 256 KiB) stays in a 512 KiB or larger L2. */
    private static final int MC = 128;

    private final Microkernel kernel;
    private double[] ap = new double[0];
    private double[] bp = new double[0];
    /** Per part, one block of output rows (finished and written out as soon as its last range of k is done). */
    private double[] c = new double[0];
    /** A, copied out of its direct buffer in one bulk copy (the microkernel reads it in place). */
    private double[] aCopy = new double[0];
    private double[] biasCopy = new double[0];

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
    /** Row panels per block, and doubles of c per part. */
    private int blockPanels;
    private int strip;
    private int phase;
    /** Asked between panels: when it says stop, every part returns at its next panel and run throws its exception. */
    private Stop stop = Stop.NEVER;
    private volatile boolean halted;

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

    /**
     * Runs the product, on the caller and {@code threads - 1} pool workers when the pool is free; when
     * {@code stop} asks to stop, the product ends within one panel (the output partly written) and
     * {@link Stop#stopped()} is thrown on the calling thread.
     */
    void run(WorkerPool pool, int threads, Stop stop) {
        this.stop = stop;
        halted = false;
        int mr = kernel.mr();
        int nr = kernel.nr();
        mPanels = (m + mr - 1) / mr;
        nPanels = (n + nr - 1) / nr;
        ldc = nPanels * nr;
        ap = grow(ap, mr * kk); // the last A panel, when m is not a multiple of mr
        bp = grow(bp, nPanels * nr * kk);
        // with helpers, more chunks than threads, so a late or busy thread leaves its share to the others
        int chunks = threads == 1 ? 1 : Math.min(mPanels, 4 * threads);
        blockPanels = Math.max(1, Math.min(Math.max(1, MC / mr), (mPanels + chunks - 1) / Math.max(1, chunks)));
        strip = blockPanels * mr * ldc;
        c = grow(c, Math.max(1, chunks) * strip);
        int aLength = extent(m, kk, aRowStride, aColStride);
        aCopy = grow(aCopy, aLength);
        a.get(0, aCopy, 0, aLength);
        if (epilogue == AFFINE) {
            biasCopy = grow(biasCopy, n);
            bias.get(0, biasCopy, 0, n);
        }
        phase = PACK;
        if (threads > 1 && chunks > 1 && pool.tryRun(this, chunks, threads - 1)) {
            phase = COMPUTE;
            if (!pool.tryRun(this, chunks, threads - 1)) {
                run(0, 1);
            }
        } else {
            run(0, 1);
            phase = COMPUTE;
            run(0, 1);
        }
        if (halted) {
            throw stop.stopped();
        }
    }

    @Override
    public void run(int part, int parts) {
        if (phase == PACK) {
            int mr = kernel.mr();
            int nr = kernel.nr();
            if (part == parts - 1 && m % mr != 0) { // the partial last panel, zero-padded, into ap
                pack(a, aRowStride, aColStride, m, mr, ap, mPanels - 1, mPanels - 1, mPanels);
            }
            pack(b, bRowStride, bColStride, n, nr, bp, 0, share(nPanels, part, parts), share(nPanels, part + 1, parts));
        } else {
            compute(share(mPanels, part, parts), share(mPanels, part + 1, parts), part * strip);
        }
    }

    private static int share(int total, int part, int parts) {
        return (int) ((long) total * part / parts);
    }

    /** Elements an operand of rows × depth spans in its buffer: last index + 1 (0 when empty). */
    private static int extent(int rows, int depth, int rs, int cs) {
        return rows == 0 || depth == 0 ? 0 : (rows - 1) * rs + (depth - 1) * cs + 1;
    }

    /** dst panel p − d0, lane r, step k = src(p·lanes + r, k), or 0 past the last row. */
    private void pack(DoubleBuffer src, int rs, int cs, int rows, int lanes, double[] dst, int d0, int p0, int p1) {
        int depth = kk;
        for (int p = p0; p < p1; p++) {
            int base = (p - d0) * depth * lanes;
            int r0 = p * lanes;
            int valid = Math.max(0, Math.min(lanes, rows - r0));
            if (rs == 1) { // the panel's lanes are adjacent in the source for each k: one copy per k
                for (int k = 0, o = base, s = r0; k < depth; k++, o += lanes, s += cs) {
                    src.get(s, dst, o, valid);
                    for (int r = valid; r < lanes; r++) {
                        dst[o + r] = 0.0;
                    }
                }
            } else if (cs == 1) { // each lane is a contiguous source row: transpose eight rows at a time
                int r = 0;
                for (; r + 8 <= valid; r += 8) {
                    transpose8(src, (r0 + r) * rs, rs, dst, base + r, lanes, depth);
                }
                for (; r < valid; r++) {
                    for (int k = 0, o = base + r, s = (r0 + r) * rs; k < depth; k++, o += lanes) {
                        dst[o] = src.get(s + k);
                    }
                }
                zeroLanes(dst, base, lanes, valid, depth);
            } else {
                for (int r = 0; r < valid; r++) {
                    for (int k = 0, o = base + r, s = (r0 + r) * rs; k < depth; k++, o += lanes, s += cs) {
                        dst[o] = src.get(s);
                    }
                }
                zeroLanes(dst, base, lanes, valid, depth);
            }
        }
    }

    /** dst[o + k·lanes + r] = src[s + r·rs + k] for r &lt; 8, k &lt; depth: eight read streams, one write stream. */
    private static void transpose8(DoubleBuffer src, int s, int rs, double[] dst, int o, int lanes, int depth) {
        int s1 = s + rs;
        int s2 = s1 + rs;
        int s3 = s2 + rs;
        int s4 = s3 + rs;
        int s5 = s4 + rs;
        int s6 = s5 + rs;
        int s7 = s6 + rs;
        for (int k = 0; k < depth; k++, o += lanes) {
            dst[o] = src.get(s + k);
            dst[o + 1] = src.get(s1 + k);
            dst[o + 2] = src.get(s2 + k);
            dst[o + 3] = src.get(s3 + k);
            dst[o + 4] = src.get(s4 + k);
            dst[o + 5] = src.get(s5 + k);
            dst[o + 6] = src.get(s6 + k);
            dst[o + 7] = src.get(s7 + k);
        }
    }

    /** Zeroes lanes [valid, lanes) of every step of the panel at base (the padding past the last row). */
    private static void zeroLanes(double[] dst, int base, int lanes, int valid, int depth) {
        if (valid == lanes) {
            return;
        }
        for (int k = 0, o = base; k < depth; k++, o += lanes) {
            for (int r = valid; r < lanes; r++) {
                dst[o + r] = 0.0;
            }
        }
    }

    /** Row panels [ip0, ip1), a block at a time through the part's c at cs; each block goes out as soon as it is done. */
    private void compute(int ip0, int ip1, int cs) {
        int nr = kernel.nr();
        int mr = kernel.mr();
        int full = m / mr; // panels read in place from aCopy; a last partial one was packed into ap
        int ranges = Math.max(1, (kk + KC - 1) / KC); // of equal length, so no range is a short tail
        for (int ib = ip0; ib < ip1; ib += blockPanels) {
            int ibEnd = Math.min(ip1, ib + blockPanels);
            for (int kr = 0; kr < ranges; kr++) {
                int k0 = (int) ((long) kk * kr / ranges);
                int kc = (int) ((long) kk * (kr + 1) / ranges) - k0;
                boolean first = kr == 0; // the first range starts every chain from 0
                for (int jp = 0, bo = k0 * nr; jp < nPanels; jp++, bo += kk * nr) {
                    for (int ip = ib, co = cs + jp * nr; ip < ibEnd; ip++, co += mr * ldc) {
                        if (stop.stopRequested()) { // a time limit or an interrupt: end between two panels
                            halted = true;
                            return;
                        }
                        if (ip < full) {
                            kernel.compute(aCopy, ip * mr * aRowStride + k0 * aColStride, aRowStride, aColStride, bp, bo, kc,
                                    c, co, ldc, first);
                        } else {
                            kernel.compute(ap, k0 * mr, 1, mr, bp, bo, kc, c, co, ldc, first);
                        }
                    }
                }
            }
            for (int ip = ib, co = cs; ip < ibEnd; ip++) {
                int i0 = ip * mr;
                int rows = Math.min(mr, m - i0);
                for (int r = 0; r < rows; r++, co += ldc) {
                    finish(co, (i0 + r) * n, 0, n);
                }
                co += (mr - rows) * ldc;
            }
        }
    }

    /** Applies the epilogue to columns [j0, j1) of the c row at co and writes them to out at row offset oo. */
    private void finish(int co, int oo, int j0, int j1) {
        switch (epilogue) {
            case AFFINE -> {
                for (int j = j0; j < j1; j++) {
                    c[co + j] = c[co + j] + biasCopy[j]; // z = x·Wᵀ + b
                }
            }
            case SCALED -> {
                for (int j = j0; j < j1; j++) {
                    double prior = accumulate ? out.get(oo + j) : 0.0;
                    c[co + j] = prior + scale * c[co + j]; // dW = (dW) + scale·δᵀx
                }
            }
            default -> {
            }
        }
        out.put(oo + j0, c, co + j0, j1 - j0);
    }

    private static double[] grow(double[] array, int size) {
        return array.length >= size ? array : new double[size];
    }
}
