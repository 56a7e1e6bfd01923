package dev.backprop.kernel;

/**
 * A 4×4 register block of scalar {@code Math.fma} chains: 16 independent accumulators keep both FMA
 * pipes busy. Plain Java, no incubator module; about a quarter of a vector kernel's speed.
 */
final class ScalarMicrokernel implements Microkernel {
    static final ScalarMicrokernel INSTANCE = new ScalarMicrokernel();

    @Override
    public int mr() {
        return 4;
    }

    @Override
    public int nr() {
        return 4;
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int bits() {
        return 64;
    }

    @Override
    public void compute(double[] a, int ao, int ars, int acs, double[] bp, int bo, int kc, double[] c, int co, int ldc,
            boolean first) {
        int o1 = co + ldc;
        int o2 = o1 + ldc;
        int o3 = o2 + ldc;
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        double c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        double c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        if (!first) { // the chains so far
            c00 = c[co];
            c01 = c[co + 1];
            c02 = c[co + 2];
            c03 = c[co + 3];
            c10 = c[o1];
            c11 = c[o1 + 1];
            c12 = c[o1 + 2];
            c13 = c[o1 + 3];
            c20 = c[o2];
            c21 = c[o2 + 1];
            c22 = c[o2 + 2];
            c23 = c[o2 + 3];
            c30 = c[o3];
            c31 = c[o3 + 1];
            c32 = c[o3 + 2];
            c33 = c[o3 + 3];
        }
        for (int k = 0, q = ao, r = bo; k < kc; k++, q += acs, r += 4) {
            double x0 = a[q], x1 = a[q + ars], x2 = a[q + 2 * ars], x3 = a[q + 3 * ars];
            double y0 = bp[r], y1 = bp[r + 1], y2 = bp[r + 2], y3 = bp[r + 3];
            // cᵢⱼ += aᵢₖ·bⱼₖ, one fused multiply-add per element and k
            c00 = Math.fma(x0, y0, c00);
            c01 = Math.fma(x0, y1, c01);
            c02 = Math.fma(x0, y2, c02);
            c03 = Math.fma(x0, y3, c03);
            c10 = Math.fma(x1, y0, c10);
            c11 = Math.fma(x1, y1, c11);
            c12 = Math.fma(x1, y2, c12);
            c13 = Math.fma(x1, y3, c13);
            c20 = Math.fma(x2, y0, c20);
            c21 = Math.fma(x2, y1, c21);
            c22 = Math.fma(x2, y2, c22);
            c23 = Math.fma(x2, y3, c23);
            c30 = Math.fma(x3, y0, c30);
            c31 = Math.fma(x3, y1, c31);
            c32 = Math.fma(x3, y2, c32);
            c33 = Math.fma(x3, y3, c33);
        }
        c[co] = c00;
        c[co + 1] = c01;
        c[co + 2] = c02;
        c[co + 3] = c03;
        c[o1] = c10;
        c[o1 + 1] = c11;
        c[o1 + 2] = c12;
        c[o1 + 3] = c13;
        c[o2] = c20;
        c[o2 + 1] = c21;
        c[o2 + 2] = c22;
        c[o2 + 3] = c23;
        c[o3] = c30;
        c[o3 + 1] = c31;
        c[o3 + 2] = c32;
        c[o3 + 3] = c33;
    }
}
