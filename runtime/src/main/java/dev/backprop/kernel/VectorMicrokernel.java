package dev.backprop.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * A register block of (MR rows) × (2 vectors) with the Vector API: per k, two vectors of B are loaded
 * and each of the MR values of A is broadcast and fused-multiply-added into its row. Every lane is its
 * own element with its own FMA chain, so the bits depend neither on the vector width nor on the block
 * shape. The width is the JVM's preferred one unless {@code -Dbackprop.vector.bits} or
 * {@code BACKPROP_VECTOR_BITS} asks for a narrower one (128, 256 or 512); the rows per block are chosen
 * for the width: 8 at 512 bits (16 accumulators of the 32 vector registers of AVX-512), 6 below
 * (12 accumulators, two B vectors and a broadcast fill AVX2's 16 registers; measured faster than 4×2
 * and 4×3 at 256 bits). Loaded by name only when {@code jdk.incubator.vector} is in the boot layer.
 */
final class VectorMicrokernel implements Microkernel {
    private static final VectorSpecies<Double> S = species(KernelConfig.vectorBitsSetting());
    private static final int L = S.length();
    private static final int MR = S.vectorBitSize() >= 512 ? 8 : 6;

    @Override
    public int mr() {
        return MR;
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
    public int bits() {
        return S.vectorBitSize();
    }

    @Override
    public void compute(double[] a, int ao, int ars, int acs, double[] bp, int bo, int kc, double[] c, int co, int ldc,
            boolean first) {
        // separate methods rather than one with "first ? zero : load": a phi of two vectors is not intrinsified
        if (MR == 8) {
            if (first) {
                start8x2(a, ao, ars, acs, bp, bo, kc, c, co, ldc);
            } else {
                continue8x2(a, ao, ars, acs, bp, bo, kc, c, co, ldc);
            }
        } else if (first) {
            start6x2(a, ao, ars, acs, bp, bo, kc, c, co, ldc);
        } else {
            continue6x2(a, ao, ars, acs, bp, bo, kc, c, co, ldc);
        }
    }

    /** 8 rows × 2 vectors (16 accumulators), chains started from 0. */
    private static void start8x2(double[] a, int ao, int ars, int acs, double[] bp, int bo, int kc, double[] c, int co,
            int ldc) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c40 = c00;
        DoubleVector c41 = c00;
        DoubleVector c50 = c00;
        DoubleVector c51 = c00;
        DoubleVector c60 = c00;
        DoubleVector c61 = c00;
        DoubleVector c70 = c00;
        DoubleVector c71 = c00;
        for (int k = 0, q = ao, r = bo; k < kc; k++, q += acs, r += 2 * L) {
            DoubleVector p0 = DoubleVector.fromArray(S, bp, r);
            DoubleVector p1 = DoubleVector.fromArray(S, bp, r + L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[q]); // cᵢⱼ += aᵢₖ·bⱼₖ lane-wise
            c00 = x0.lanewise(VectorOperators.FMA, p0, c00);
            c01 = x0.lanewise(VectorOperators.FMA, p1, c01);
            DoubleVector x1 = DoubleVector.broadcast(S, a[q + ars]);
            c10 = x1.lanewise(VectorOperators.FMA, p0, c10);
            c11 = x1.lanewise(VectorOperators.FMA, p1, c11);
            DoubleVector x2 = DoubleVector.broadcast(S, a[q + 2 * ars]);
            c20 = x2.lanewise(VectorOperators.FMA, p0, c20);
            c21 = x2.lanewise(VectorOperators.FMA, p1, c21);
            DoubleVector x3 = DoubleVector.broadcast(S, a[q + 3 * ars]);
            c30 = x3.lanewise(VectorOperators.FMA, p0, c30);
            c31 = x3.lanewise(VectorOperators.FMA, p1, c31);
            DoubleVector x4 = DoubleVector.broadcast(S, a[q + 4 * ars]);
            c40 = x4.lanewise(VectorOperators.FMA, p0, c40);
            c41 = x4.lanewise(VectorOperators.FMA, p1, c41);
            DoubleVector x5 = DoubleVector.broadcast(S, a[q + 5 * ars]);
            c50 = x5.lanewise(VectorOperators.FMA, p0, c50);
            c51 = x5.lanewise(VectorOperators.FMA, p1, c51);
            DoubleVector x6 = DoubleVector.broadcast(S, a[q + 6 * ars]);
            c60 = x6.lanewise(VectorOperators.FMA, p0, c60);
            c61 = x6.lanewise(VectorOperators.FMA, p1, c61);
            DoubleVector x7 = DoubleVector.broadcast(S, a[q + 7 * ars]);
            c70 = x7.lanewise(VectorOperators.FMA, p0, c70);
            c71 = x7.lanewise(VectorOperators.FMA, p1, c71);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + L);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + L);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + L);
        c40.intoArray(c, co + 4 * ldc);
        c41.intoArray(c, co + 4 * ldc + L);
        c50.intoArray(c, co + 5 * ldc);
        c51.intoArray(c, co + 5 * ldc + L);
        c60.intoArray(c, co + 6 * ldc);
        c61.intoArray(c, co + 6 * ldc + L);
        c70.intoArray(c, co + 7 * ldc);
        c71.intoArray(c, co + 7 * ldc + L);
    }

    /** 8 rows × 2 vectors (16 accumulators), chains continued from c. */
    private static void continue8x2(double[] a, int ao, int ars, int acs, double[] bp, int bo, int kc, double[] c, int co,
            int ldc) {
        DoubleVector c00 = DoubleVector.fromArray(S, c, co);
        DoubleVector c01 = DoubleVector.fromArray(S, c, co + L);
        DoubleVector c10 = DoubleVector.fromArray(S, c, co + ldc);
        DoubleVector c11 = DoubleVector.fromArray(S, c, co + ldc + L);
        DoubleVector c20 = DoubleVector.fromArray(S, c, co + 2 * ldc);
        DoubleVector c21 = DoubleVector.fromArray(S, c, co + 2 * ldc + L);
        DoubleVector c30 = DoubleVector.fromArray(S, c, co + 3 * ldc);
        DoubleVector c31 = DoubleVector.fromArray(S, c, co + 3 * ldc + L);
        DoubleVector c40 = DoubleVector.fromArray(S, c, co + 4 * ldc);
        DoubleVector c41 = DoubleVector.fromArray(S, c, co + 4 * ldc + L);
        DoubleVector c50 = DoubleVector.fromArray(S, c, co + 5 * ldc);
        DoubleVector c51 = DoubleVector.fromArray(S, c, co + 5 * ldc + L);
        DoubleVector c60 = DoubleVector.fromArray(S, c, co + 6 * ldc);
        DoubleVector c61 = DoubleVector.fromArray(S, c, co + 6 * ldc + L);
        DoubleVector c70 = DoubleVector.fromArray(S, c, co + 7 * ldc);
        DoubleVector c71 = DoubleVector.fromArray(S, c, co + 7 * ldc + L);
        for (int k = 0, q = ao, r = bo; k < kc; k++, q += acs, r += 2 * L) {
            DoubleVector p0 = DoubleVector.fromArray(S, bp, r);
            DoubleVector p1 = DoubleVector.fromArray(S, bp, r + L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[q]); // cᵢⱼ += aᵢₖ·bⱼₖ lane-wise
            c00 = x0.lanewise(VectorOperators.FMA, p0, c00);
            c01 = x0.lanewise(VectorOperators.FMA, p1, c01);
            DoubleVector x1 = DoubleVector.broadcast(S, a[q + ars]);
            c10 = x1.lanewise(VectorOperators.FMA, p0, c10);
            c11 = x1.lanewise(VectorOperators.FMA, p1, c11);
            DoubleVector x2 = DoubleVector.broadcast(S, a[q + 2 * ars]);
            c20 = x2.lanewise(VectorOperators.FMA, p0, c20);
            c21 = x2.lanewise(VectorOperators.FMA, p1, c21);
            DoubleVector x3 = DoubleVector.broadcast(S, a[q + 3 * ars]);
            c30 = x3.lanewise(VectorOperators.FMA, p0, c30);
            c31 = x3.lanewise(VectorOperators.FMA, p1, c31);
            DoubleVector x4 = DoubleVector.broadcast(S, a[q + 4 * ars]);
            c40 = x4.lanewise(VectorOperators.FMA, p0, c40);
            c41 = x4.lanewise(VectorOperators.FMA, p1, c41);
            DoubleVector x5 = DoubleVector.broadcast(S, a[q + 5 * ars]);
            c50 = x5.lanewise(VectorOperators.FMA, p0, c50);
            c51 = x5.lanewise(VectorOperators.FMA, p1, c51);
            DoubleVector x6 = DoubleVector.broadcast(S, a[q + 6 * ars]);
            c60 = x6.lanewise(VectorOperators.FMA, p0, c60);
            c61 = x6.lanewise(VectorOperators.FMA, p1, c61);
            DoubleVector x7 = DoubleVector.broadcast(S, a[q + 7 * ars]);
            c70 = x7.lanewise(VectorOperators.FMA, p0, c70);
            c71 = x7.lanewise(VectorOperators.FMA, p1, c71);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + L);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + L);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + L);
        c40.intoArray(c, co + 4 * ldc);
        c41.intoArray(c, co + 4 * ldc + L);
        c50.intoArray(c, co + 5 * ldc);
        c51.intoArray(c, co + 5 * ldc + L);
        c60.intoArray(c, co + 6 * ldc);
        c61.intoArray(c, co + 6 * ldc + L);
        c70.intoArray(c, co + 7 * ldc);
        c71.intoArray(c, co + 7 * ldc + L);
    }

    /** 6 rows × 2 vectors (12 accumulators), chains started from 0. */
    private static void start6x2(double[] a, int ao, int ars, int acs, double[] bp, int bo, int kc, double[] c, int co,
            int ldc) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c40 = c00;
        DoubleVector c41 = c00;
        DoubleVector c50 = c00;
        DoubleVector c51 = c00;
        for (int k = 0, q = ao, r = bo; k < kc; k++, q += acs, r += 2 * L) {
            DoubleVector p0 = DoubleVector.fromArray(S, bp, r);
            DoubleVector p1 = DoubleVector.fromArray(S, bp, r + L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[q]); // cᵢⱼ += aᵢₖ·bⱼₖ lane-wise
            c00 = x0.lanewise(VectorOperators.FMA, p0, c00);
            c01 = x0.lanewise(VectorOperators.FMA, p1, c01);
            DoubleVector x1 = DoubleVector.broadcast(S, a[q + ars]);
            c10 = x1.lanewise(VectorOperators.FMA, p0, c10);
            c11 = x1.lanewise(VectorOperators.FMA, p1, c11);
            DoubleVector x2 = DoubleVector.broadcast(S, a[q + 2 * ars]);
            c20 = x2.lanewise(VectorOperators.FMA, p0, c20);
            c21 = x2.lanewise(VectorOperators.FMA, p1, c21);
            DoubleVector x3 = DoubleVector.broadcast(S, a[q + 3 * ars]);
            c30 = x3.lanewise(VectorOperators.FMA, p0, c30);
            c31 = x3.lanewise(VectorOperators.FMA, p1, c31);
            DoubleVector x4 = DoubleVector.broadcast(S, a[q + 4 * ars]);
            c40 = x4.lanewise(VectorOperators.FMA, p0, c40);
            c41 = x4.lanewise(VectorOperators.FMA, p1, c41);
            DoubleVector x5 = DoubleVector.broadcast(S, a[q + 5 * ars]);
            c50 = x5.lanewise(VectorOperators.FMA, p0, c50);
            c51 = x5.lanewise(VectorOperators.FMA, p1, c51);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + L);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + L);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + L);
        c40.intoArray(c, co + 4 * ldc);
        c41.intoArray(c, co + 4 * ldc + L);
        c50.intoArray(c, co + 5 * ldc);
        c51.intoArray(c, co + 5 * ldc + L);
    }

    /** 6 rows × 2 vectors (12 accumulators), chains continued from c. */
    private static void continue6x2(double[] a, int ao, int ars, int acs, double[] bp, int bo, int kc, double[] c, int co,
            int ldc) {
        DoubleVector c00 = DoubleVector.fromArray(S, c, co);
        DoubleVector c01 = DoubleVector.fromArray(S, c, co + L);
        DoubleVector c10 = DoubleVector.fromArray(S, c, co + ldc);
        DoubleVector c11 = DoubleVector.fromArray(S, c, co + ldc + L);
        DoubleVector c20 = DoubleVector.fromArray(S, c, co + 2 * ldc);
        DoubleVector c21 = DoubleVector.fromArray(S, c, co + 2 * ldc + L);
        DoubleVector c30 = DoubleVector.fromArray(S, c, co + 3 * ldc);
        DoubleVector c31 = DoubleVector.fromArray(S, c, co + 3 * ldc + L);
        DoubleVector c40 = DoubleVector.fromArray(S, c, co + 4 * ldc);
        DoubleVector c41 = DoubleVector.fromArray(S, c, co + 4 * ldc + L);
        DoubleVector c50 = DoubleVector.fromArray(S, c, co + 5 * ldc);
        DoubleVector c51 = DoubleVector.fromArray(S, c, co + 5 * ldc + L);
        for (int k = 0, q = ao, r = bo; k < kc; k++, q += acs, r += 2 * L) {
            DoubleVector p0 = DoubleVector.fromArray(S, bp, r);
            DoubleVector p1 = DoubleVector.fromArray(S, bp, r + L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[q]); // cᵢⱼ += aᵢₖ·bⱼₖ lane-wise
            c00 = x0.lanewise(VectorOperators.FMA, p0, c00);
            c01 = x0.lanewise(VectorOperators.FMA, p1, c01);
            DoubleVector x1 = DoubleVector.broadcast(S, a[q + ars]);
            c10 = x1.lanewise(VectorOperators.FMA, p0, c10);
            c11 = x1.lanewise(VectorOperators.FMA, p1, c11);
            DoubleVector x2 = DoubleVector.broadcast(S, a[q + 2 * ars]);
            c20 = x2.lanewise(VectorOperators.FMA, p0, c20);
            c21 = x2.lanewise(VectorOperators.FMA, p1, c21);
            DoubleVector x3 = DoubleVector.broadcast(S, a[q + 3 * ars]);
            c30 = x3.lanewise(VectorOperators.FMA, p0, c30);
            c31 = x3.lanewise(VectorOperators.FMA, p1, c31);
            DoubleVector x4 = DoubleVector.broadcast(S, a[q + 4 * ars]);
            c40 = x4.lanewise(VectorOperators.FMA, p0, c40);
            c41 = x4.lanewise(VectorOperators.FMA, p1, c41);
            DoubleVector x5 = DoubleVector.broadcast(S, a[q + 5 * ars]);
            c50 = x5.lanewise(VectorOperators.FMA, p0, c50);
            c51 = x5.lanewise(VectorOperators.FMA, p1, c51);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + L);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + L);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + L);
        c40.intoArray(c, co + 4 * ldc);
        c41.intoArray(c, co + 4 * ldc + L);
        c50.intoArray(c, co + 5 * ldc);
        c51.intoArray(c, co + 5 * ldc + L);
    }

    /** The species for a requested width (null: the preferred one); only widths the hardware has in full. */
    private static VectorSpecies<Double> species(String bits) {
        VectorSpecies<Double> preferred = DoubleVector.SPECIES_PREFERRED;
        if (bits == null) {
            return preferred;
        }
        int b;
        try {
            b = Integer.parseInt(bits.trim());
        } catch (NumberFormatException e) {
            b = -1;
        }
        if (b != 128 && b != 256 && b != 512) {
            throw new IllegalArgumentException("backprop.vector.bits / BACKPROP_VECTOR_BITS must be 128, 256 or 512, got '"
                    + bits + "'");
        }
        if (b > preferred.vectorBitSize()) {
            throw new IllegalArgumentException("backprop.vector.bits / BACKPROP_VECTOR_BITS = " + b + " is wider than"
                    + " this CPU's vectors (" + preferred.vectorBitSize() + " bits): ask for "
                    + preferred.vectorBitSize() + " or less, or unset it");
        }
        return VectorSpecies.of(double.class, VectorShape.forBitSize(b));
    }
}
