package dev.backprop.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A 4 × (2 vectors) register block with the Vector API: per k, two vectors of B are loaded and each
 * of the four A values is broadcast and fused-multiply-added into its row. Every lane is its own
 * element with its own FMA chain, so the bits do not depend on the vector width. Loaded by name only
 * when {@code jdk.incubator.vector} is in the boot layer (opt-in: the JVM then prints its incubator
 * warning).
 */
final class VectorMicrokernel implements Microkernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public int mr() {
        return 4;
    }

    @Override
    public int nr() {
        return 2 * L;
    }

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }

    @Override
    public void compute(double[] a, int ao, int ars, int acs, double[] bp, int kk, double[] c, int co, int ldc,
            int jp0, int jp1) {
        int nr = 2 * L;
        for (int jp = jp0; jp < jp1; jp++) {
            DoubleVector c00 = DoubleVector.zero(S);
            DoubleVector c01 = c00;
            DoubleVector c10 = c00;
            DoubleVector c11 = c00;
            DoubleVector c20 = c00;
            DoubleVector c21 = c00;
            DoubleVector c30 = c00;
            DoubleVector c31 = c00;
            for (int k = 0, q = ao, r = jp * kk * nr; k < kk; k++, q += acs, r += nr) {
                DoubleVector p0 = DoubleVector.fromArray(S, bp, r);
                DoubleVector p1 = DoubleVector.fromArray(S, bp, r + L);
                DoubleVector x = DoubleVector.broadcast(S, a[q]); // cᵢⱼ += aᵢₖ·bⱼₖ lane-wise
                c00 = x.lanewise(VectorOperators.FMA, p0, c00);
                c01 = x.lanewise(VectorOperators.FMA, p1, c01);
                x = DoubleVector.broadcast(S, a[q + ars]);
                c10 = x.lanewise(VectorOperators.FMA, p0, c10);
                c11 = x.lanewise(VectorOperators.FMA, p1, c11);
                x = DoubleVector.broadcast(S, a[q + 2 * ars]);
                c20 = x.lanewise(VectorOperators.FMA, p0, c20);
                c21 = x.lanewise(VectorOperators.FMA, p1, c21);
                x = DoubleVector.broadcast(S, a[q + 3 * ars]);
                c30 = x.lanewise(VectorOperators.FMA, p0, c30);
                c31 = x.lanewise(VectorOperators.FMA, p1, c31);
            }
            int o = co + jp * nr;
            c00.intoArray(c, o);
            c01.intoArray(c, o + L);
            o += ldc;
            c10.intoArray(c, o);
            c11.intoArray(c, o + L);
            o += ldc;
            c20.intoArray(c, o);
            c21.intoArray(c, o + L);
            o += ldc;
            c30.intoArray(c, o);
            c31.intoArray(c, o + L);
        }
    }
}
