package dev.backprop.kernel;

/**
 * The innermost loop of a product over packed panels: for each i-panel (MR rows of A, k-major) and
 * j-panel (NR rows of B, k-major) it computes the MR×NR block C[i][j] = Σₖ A[i][k]·B[j][k], each
 * element one {@code Math.fma} chain with k ascending from 0, and stores it into c (row stride ldc).
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
     * Blocks for i-panels [ip0, ip1) × j-panels [jp0, jp1); ap holds panels of mr()·kk values,
     * bp panels of nr()·kk values, both laid out [k][lane].
     */
    void compute(double[] ap, double[] bp, int kk, double[] c, int ldc, int ip0, int ip1, int jp0, int jp1);
}
