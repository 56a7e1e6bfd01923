package dev.backprop.kernel;

import dev.backprop.nn.Matrix;
import dev.backprop.nn.Rng;

/**
 * Run in its own JVM by {@link VectorWidthsTest} (the vector width is fixed when the kernel loads):
 * the three packed products of the kernel in force, on 1 and 2 threads, against the naive loops, bit
 * for bit. Prints {@code WIDTH <kernel name> <products checked>} and exits 0, or prints what differs and
 * exits 1.
 */
final class WidthCheck {
    /** m×n×k, as in KernelsTest: tails in every direction, several row blocks and ranges of k. */
    private static final int[][] SHAPES = {{7, 13, 5}, {17, 19, 23}, {64, 128, 784}, {784, 128, 64}, {64, 10, 64},
        {300, 70, 530}, {33, 65, 17}};

    private WidthCheck() {
    }

    public static void main(String[] args) {
        Rng rng = new Rng(5);
        int checked = 0;
        int bad = 0;
        for (int[] s : SHAPES) {
            int batch = s[0];
            int out = s[1];
            int in = s[2];
            Matrix x = KernelsTest.random(rng, batch, in);
            Matrix w = KernelsTest.random(rng, out, in);
            Matrix b = KernelsTest.random(rng, 1, out);
            Matrix delta = KernelsTest.random(rng, batch, out);
            Matrix z0 = Matrix.zeros(batch, out);
            Matrix dw0 = Matrix.zeros(out, in);
            Matrix g0 = Matrix.zeros(batch, in);
            NaiveKernels.affine(x, w, b, z0);
            NaiveKernels.gradW(delta, x, 0.125, false, dw0);
            NaiveKernels.backprop(delta, w, g0);
            for (int threads = 1; threads <= 2; threads++) {
                Matrix z = KernelsTest.random(rng, batch, out);
                Matrix dw = KernelsTest.random(rng, out, in);
                Matrix g = KernelsTest.random(rng, batch, in);
                Kernels.packedAffine(x, w, b, z, new Gemm(KernelConfig.kernel()), threads);
                Kernels.packedGradW(delta, x, 0.125, false, dw, new Gemm(KernelConfig.kernel()), threads);
                Kernels.packedBackprop(delta, w, g, new Gemm(KernelConfig.kernel()), threads);
                String where = batch + "×" + out + "×" + in + " threads " + threads;
                bad += same(z0, z, "affine " + where) + same(dw0, dw, "gradW " + where) + same(g0, g, "backprop " + where);
                checked += 3;
            }
        }
        System.out.println("WIDTH " + KernelConfig.kernelName() + " " + checked);
        System.exit(bad == 0 ? 0 : 1);
    }

    private static int same(Matrix expected, Matrix actual, String what) {
        if (expected.sameBits(actual)) {
            return 0;
        }
        System.out.println("DIFF " + what + " (" + KernelConfig.kernelName() + ")");
        return 1;
    }
}
