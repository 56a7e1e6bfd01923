package dev.backprop.kernel;

/**
 * The innermost loop of a product: for one i-panel (MR rows of A, read through strides, so A needs no
 * packing) and each j-panel (NR rows of B packed k-major) it computes the MR×NR block
 * C[i][j] = Σₖ A[i][k]·B[j][k], each element one {@code Math.fma} chain with k ascending from 0, and
 * stores it into c (row stride ldc).
 * Not sealed: {@link VectorMicrokernel} is loaded by name only when the Vector API module is present.
 */
interface Microkernel {
    /** Rows per A panel. */
    int mr();

    /** Columns per B panel. */
    int nr();

    /** A short name for reports: {@code "scalar"} or {@code "vector-512"}. */
    String name();

    /**
     * Blocks for one i-panel × j-panels [jp0, jp1): A(r, k) = a[ao + r·ars + k·acs] for r &lt; mr(), k &lt; kk;
     * bp holds panels of nr()·kk values laid out [k][lane]; element (r, lane) of j-panel jp goes to
     * c[co + r·ldc + jp·nr() + lane].
     */
    void compute(double[] a, int ao, int ars, int acs, double[] bp, int kk, double[] c, int co, int ldc,
            int jp0, int jp1);
}
