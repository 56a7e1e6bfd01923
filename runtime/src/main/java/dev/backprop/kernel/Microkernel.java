package dev.backprop.kernel;

/**
 * The innermost loop of a product: one block of mr() rows of A (read through strides, so A needs no
 * packing) by one panel of nr() columns of B (packed k-major), over a range of k. Each element of the
 * block is one {@code Math.fma} chain with k ascending: the first range of k starts it from 0, a later range
 * continues it from the value the previous range stored in c, so splitting k into ranges never changes a bit.
 * Not sealed: {@link VectorMicrokernel} is loaded by name only when the Vector API module is present.
 */
interface Microkernel {
    /** Rows per A panel. */
    int mr();

    /** Columns per B panel. */
    int nr();

    /** A short name for reports: {@code "scalar"} or {@code "vector-512"}. */
    String name();

    /** The vector width in bits (64 for the scalar kernel), which picks the cache blocking. */
    int bits();

    /**
     * One block over kc steps: A(r, k) = a[ao + r·ars + k·acs] for r &lt; mr(), k &lt; kc; bp[bo + k·nr() + lane]
     * holds B(lane, k); element (r, lane) is c[co + r·ldc + lane], its chain started from 0 when {@code first},
     * else continued from its stored value.
     */
    void compute(double[] a, int ao, int ars, int acs, double[] bp, int bo, int kc, double[] c, int co, int ldc,
            boolean first);
}
