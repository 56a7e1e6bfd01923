package dev.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.nn.Matrix;
import dev.backprop.nn.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packed kernels against the naive fma triple loops: same accumulation order, so the bits must
 * be identical, for every microkernel available, 1 to 3 threads, and odd, prime, empty and tall or
 * skinny shapes. The naive loops themselves are checked against plain double sums to a tolerance.
 */
class KernelsTest {
    /** m×n×k: rows of the batch (or of the output), columns of the output, depth. */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {7, 13, 5}, {13, 7, 5}, {5, 3, 11}, {3, 5, 2}, {17, 19, 23}, {2, 1, 31},
        {0, 4, 3}, {4, 0, 3}, {4, 3, 0}, {0, 0, 0},
        {1000, 3, 2}, {3, 2, 1000}, {2, 1000, 3}, {1, 257, 129},
        {64, 128, 784}, {784, 128, 64}, {64, 64, 128}, {64, 10, 64}, {33, 65, 17}, {300, 70, 530},
    };

    /** The relative tolerance for naive fma order against a plain double sum (k ≤ 1000 terms). */
    private static final double NAIVE_VS_PLAIN_TOLERANCE = 1e-12;

    private static List<Microkernel> kernels() {
        List<Microkernel> ks = new ArrayList<>();
        ks.add(ScalarMicrokernel.INSTANCE);
        if (!KernelConfig.kernel().name().equals("scalar")) {
            ks.add(KernelConfig.kernel()); // the Vector API kernel, when the JVM has the module
        }
        return ks;
    }

    /** Uniform values times 1 to 7 (varied magnitudes, so a different rounding order would show); also WidthCheck's. */
    static Matrix random(Rng rng, int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int k = 0; k < m.size(); k++) {
            m.put(k, rng.uniform(-1, 1) * (1 + (k % 7)));
        }
        return m;
    }

    private static void assertSameBits(Matrix expected, Matrix actual, String what) {
        assertEquals(expected.rows(), actual.rows(), what);
        assertEquals(expected.cols(), actual.cols(), what);
        for (int k = 0; k < expected.size(); k++) {
            int at = k;
            assertEquals(Double.doubleToRawLongBits(expected.at(k)), Double.doubleToRawLongBits(actual.at(k)),
                    () -> what + ": element " + at + " is " + actual.at(at) + ", the naive loop gives " + expected.at(at));
        }
        assertTrue(expected.sameBits(actual), what);
    }

    /** A packed kernel call under test: writes its result into {@code out} with {@code gemm} on {@code threads} threads. */
    @FunctionalInterface
    private interface Packed {
        void into(Matrix out, Gemm gemm, int threads);
    }

    /**
     * Every microkernel on 1 to 3 threads writes exactly the naive loop's bits, into an output that
     * starts as {@code before} makes it (garbage that must be overwritten, or what a gradient adds to).
     */
    private static void assertEveryKernelGives(Matrix expected, Supplier<Matrix> before, Packed call, String what) {
        for (Microkernel k : kernels()) {
            for (int threads = 1; threads <= 3; threads++) {
                Matrix out = before.get();
                call.into(out, new Gemm(k), threads);
                assertSameBits(expected, out, what + " " + k.name() + " threads " + threads);
            }
        }
    }

    /** The pool the packed calls run on, and the thread count of the entry points the network calls. */
    @BeforeEach
    void threeThreads() {
        KernelConfig.setThreads(3);
    }

    static Stream<Arguments> shapes() {
        return Arrays.stream(SHAPES).map(s -> Arguments.of(s[0], s[1], s[2]));
    }

    /** z = x Wᵀ + b, then Kernels.affine (the configured kernel on 3 threads) as the network calls it. */
    @ParameterizedTest(name = "{0}×{1}×{2}")
    @MethodSource("shapes")
    void affineMatchesNaiveBitForBit(int batch, int out, int in) {
        Rng rng = new Rng(11);
        Matrix x = random(rng, batch, in);
        Matrix w = random(rng, out, in);
        Matrix b = random(rng, 1, out);
        Matrix expected = Matrix.zeros(batch, out);
        NaiveKernels.affine(x, w, b, expected);
        assertEveryKernelGives(expected, () -> random(rng, batch, out),
                (z, gemm, threads) -> Kernels.packedAffine(x, w, b, z, gemm, threads),
                "affine " + batch + "×" + out + "×" + in);
        Matrix z = Matrix.zeros(batch, out);
        Kernels.affine(x, w, b, z);
        assertSameBits(expected, z, "Kernels.affine " + batch + "×" + out + "×" + in);
    }

    /** ∂L/∂W = scale · δᵀ x, written or added to what the gradient held. */
    @ParameterizedTest(name = "{0}×{1}×{2}")
    @MethodSource("shapes")
    void gradWMatchesNaiveBitForBitWithAndWithoutAccumulate(int out, int in, int batch) {
        Rng rng = new Rng(12);
        Matrix delta = random(rng, batch, out);
        Matrix x = random(rng, batch, in);
        Matrix start = random(rng, out, in);
        double scale = batch == 0 ? 1.0 : 1.0 / batch;
        for (boolean accumulate : new boolean[] {false, true}) {
            Matrix expected = start.copy();
            NaiveKernels.gradW(delta, x, scale, accumulate, expected);
            assertEveryKernelGives(expected, start::copy,
                    (dw, gemm, threads) -> Kernels.packedGradW(delta, x, scale, accumulate, dw, gemm, threads),
                    "gradW " + out + "×" + in + "×" + batch + " acc " + accumulate);
            Matrix dw = start.copy();
            Kernels.gradW(delta, x, scale, accumulate, dw);
            assertSameBits(expected, dw, "Kernels.gradW " + out + "×" + in + "×" + batch);
        }
    }

    /** The gradient for the layer below: δ W. */
    @ParameterizedTest(name = "{0}×{1}×{2}")
    @MethodSource("shapes")
    void backpropMatchesNaiveBitForBit(int batch, int in, int out) {
        Rng rng = new Rng(13);
        Matrix delta = random(rng, batch, out);
        Matrix w = random(rng, out, in);
        Matrix expected = Matrix.zeros(batch, in);
        NaiveKernels.backprop(delta, w, expected);
        assertEveryKernelGives(expected, () -> random(rng, batch, in),
                (g, gemm, threads) -> Kernels.packedBackprop(delta, w, g, gemm, threads),
                "backprop " + batch + "×" + in + "×" + out);
        Matrix g = Matrix.zeros(batch, in);
        Kernels.backprop(delta, w, g);
        assertSameBits(expected, g, "Kernels.backprop " + batch + "×" + in + "×" + out);
    }

    @Test
    void naiveLoopsAgreeWithPlainSums() {
        Rng rng = new Rng(14);
        int batch = 9;
        int in = 1000;
        int out = 6;
        Matrix x = random(rng, batch, in);
        Matrix w = random(rng, out, in);
        Matrix b = random(rng, 1, out);
        Matrix z = Matrix.zeros(batch, out);
        NaiveKernels.affine(x, w, b, z);
        Matrix delta = random(rng, batch, out);
        Matrix dw = Matrix.zeros(out, in);
        NaiveKernels.gradW(delta, x, 0.5, false, dw);
        Matrix ga = Matrix.zeros(batch, in);
        NaiveKernels.backprop(delta, w, ga);
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < out; j++) {
                double s = 0;
                double mag = 0;
                for (int k = 0; k < in; k++) {
                    s += x.get(i, k) * w.get(j, k);
                    mag += Math.abs(x.get(i, k) * w.get(j, k));
                }
                assertEquals(s + b.get(0, j), z.get(i, j), NAIVE_VS_PLAIN_TOLERANCE * (mag + 1));
            }
            for (int k = 0; k < in; k++) {
                double s = 0;
                for (int j = 0; j < out; j++) {
                    s += delta.get(i, j) * w.get(j, k);
                }
                assertEquals(s, ga.get(i, k), NAIVE_VS_PLAIN_TOLERANCE * 100);
            }
        }
        for (int j = 0; j < out; j++) {
            for (int k = 0; k < in; k++) {
                double s = 0;
                for (int i = 0; i < batch; i++) {
                    s += delta.get(i, j) * x.get(i, k);
                }
                assertEquals(0.5 * s, dw.get(j, k), NAIVE_VS_PLAIN_TOLERANCE * 100);
            }
        }
    }

    @Test
    void operandsWithNoUnitStrideMatchTheFmaChainBitForBit() {
        // neither operand has adjacent rows or adjacent steps: the packing's general path, with a partial
        // last A panel and B rows that are neither a multiple of 8 nor of the vector panel width
        Rng rng = new Rng(16);
        int[][] shapes = {{1, 1, 1}, {5, 17, 9}, {13, 33, 300}, {4, 16, 2}, {7, 8, 0}, {9, 1, 5}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int kk = s[2];
            int ars = 2;
            int acs = 2 * m + 3; // A(i,k) = a[i·ars + k·acs]
            int brs = 3;
            int bcs = 3 * n + 1; // B(j,k) = b[j·brs + k·bcs]
            Matrix a = random(rng, 1, Math.max(1, kk * acs + 2 * m));
            Matrix b = random(rng, 1, Math.max(1, kk * bcs + 3 * n));
            Matrix start = random(rng, m, n);
            for (boolean accumulate : new boolean[] {false, true}) {
                Matrix expected = start.copy();
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double sum = 0;
                        for (int k = 0; k < kk; k++) {
                            sum = Math.fma(a.at(i * ars + k * acs), b.at(j * brs + k * bcs), sum);
                        }
                        expected.put(i * n + j, (accumulate ? start.at(i * n + j) : 0.0) + 0.25 * sum);
                    }
                }
                assertEveryKernelGives(expected, start::copy, (out, g, threads) -> {
                    g.operands(a.data(), ars, acs, b.data(), brs, bcs, m, n, kk);
                    g.output(out.data(), Gemm.SCALED, null, 0.25, accumulate);
                    g.run(KernelConfig.pool(), threads, Stop.NEVER);
                }, "strided " + m + "×" + n + "×" + kk + " acc " + accumulate);
            }
        }
    }

    @Test
    void nonFiniteInputsPropagateLikeTheNaiveLoop() {
        Rng rng = new Rng(15);
        Matrix x = random(rng, 9, 40);
        Matrix w = random(rng, 11, 40);
        Matrix b = random(rng, 1, 11);
        x.put(5, Double.POSITIVE_INFINITY);
        w.put(77, Double.NaN);
        Matrix expected = Matrix.zeros(9, 11);
        NaiveKernels.affine(x, w, b, expected);
        for (Microkernel k : kernels()) {
            Matrix z = Matrix.zeros(9, 11);
            Kernels.packedAffine(x, w, b, z, new Gemm(k), 2);
            int nans = 0;
            for (int e = 0; e < z.size(); e++) {
                if (Double.isNaN(expected.at(e))) {
                    nans++;
                    assertTrue(Double.isNaN(z.at(e)), "element " + e + " must be NaN (NaN payloads may differ)");
                } else {
                    assertEquals(Double.doubleToRawLongBits(expected.at(e)), Double.doubleToRawLongBits(z.at(e)), "element " + e);
                }
            }
            assertTrue(nans > 0, "the test must produce NaNs");
        }
    }

    @Test
    void autoPicksTheVectorKernelExactlyWhenTheModuleIsPresent() {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertEquals(module, KernelConfig.kernelName().startsWith("vector-"),
                "kernel " + KernelConfig.kernelName() + " with jdk.incubator.vector " + (module ? "present" : "absent"));
    }
}
