package dev.backprop.bench;

import dev.backprop.kernel.KernelConfig;
import dev.backprop.kernel.Kernels;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Rng;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * KernelBench's products timed by the calling thread's CPU time instead of the wall clock, for a
 * shared machine: time the OS gives to other work is left out (the caches they share are not).
 * One thread; 5 warm-up and 15 measured samples of ≈ 0.2 GFLOP each; prints the median and best GFLOP/s:
 * {@code CPUTIME vector-512 64x784x128 median best ...}.
 * usage: java [--add-modules=jdk.incubator.vector] -cp $CP dev.backprop.bench.KernelCpuTime
 */
public final class KernelCpuTime {
    private static final String[] SHAPES = {"affine:64x784x128", "gradW:784x64x128", "affine:64x128x64", "affine:512x512x512"};
    private static final int SAMPLES = 15;

    private KernelCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        KernelConfig.setThreads(1);
        Rng rng = new Rng(1);
        StringBuilder line = new StringBuilder("CPUTIME " + KernelConfig.kernelName());
        for (String shape : SHAPES) {
            String[] parts = shape.split(":");
            String[] d = parts[1].split("x");
            int m = Integer.parseInt(d[0]);
            int k = Integer.parseInt(d[1]);
            int n = Integer.parseInt(d[2]);
            boolean affine = parts[0].equals("affine");
            Matrix x = affine ? fill(rng, Matrix.zeros(m, k)) : fill(rng, Matrix.zeros(k, m));
            Matrix w = affine ? fill(rng, Matrix.zeros(n, k)) : null;
            Matrix b = affine ? fill(rng, Matrix.zeros(1, n)) : null;
            Matrix out = affine ? Matrix.zeros(m, n) : Matrix.zeros(n, m);
            Matrix delta = affine ? null : fill(rng, Matrix.zeros(k, n));
            double flop = 2.0 * m * k * n;
            int reps = (int) Math.max(1, 2e8 / flop);
            double[] gflops = new double[SAMPLES];
            for (int s = -5; s < SAMPLES; s++) {
                long t0 = bean.getCurrentThreadCpuTime();
                for (int r = 0; r < reps; r++) {
                    if (affine) {
                        Kernels.affine(x, w, b, out); // z[m, n] = x[m, k]·W[n, k]ᵀ + b
                    } else {
                        Kernels.gradW(delta, x, 1.0 / 64, false, out); // dW[n, m] = δ[k, n]ᵀ·x[k, m]
                    }
                }
                long t1 = bean.getCurrentThreadCpuTime();
                if (s >= 0) {
                    gflops[s] = flop * reps / (t1 - t0);
                }
            }
            Arrays.sort(gflops);
            line.append(String.format(" %s %.1f %.1f", parts[1], gflops[SAMPLES / 2], gflops[SAMPLES - 1]));
        }
        System.out.println(line);
    }

    private static Matrix fill(Rng rng, Matrix m) {
        for (int i = 0; i < m.size(); i++) {
            m.put(i, rng.uniform(-1, 1));
        }
        return m;
    }
}
