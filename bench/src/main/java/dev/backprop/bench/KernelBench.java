package dev.backprop.bench;

import dev.backprop.kernel.KernelConfig;
import dev.backprop.kernel.Kernels;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Rng;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dense products at W2's shapes and at 512³, as m×k×n of C = A·B (numpy's notation): 64×784×128 is
 * layer 1's forward (x·W1ᵀ), 784×64×128 is dW1 = xᵀ·δ1 (computed as δ1ᵀ·x, the same multiply-adds),
 * 64×128×64 layer 2's forward, 512×512×512 a square affine. GFLOP/s = 2·m·k·n / (seconds per op).
 * The kernel is the scalar one unless the fork runs with {@code --add-modules jdk.incubator.vector}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 7, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class KernelBench {
    /** product:m×k×n. */
    @Param({"affine:64x784x128", "gradW:784x64x128", "affine:64x128x64", "affine:512x512x512"})
    public String shape;

    @Param({"1"})
    public int threads;

    private String product;
    private Matrix x;
    private Matrix w;
    private Matrix b;
    private Matrix z;
    private Matrix delta;
    private Matrix dw;

    @Setup
    public void setup() {
        KernelConfig.setThreads(threads);
        String[] parts = shape.split(":");
        product = parts[0];
        String[] d = parts[1].split("x");
        int m = Integer.parseInt(d[0]);
        int k = Integer.parseInt(d[1]);
        int n = Integer.parseInt(d[2]);
        Rng rng = new Rng(1);
        if (product.equals("affine")) { // z[m, n] = x[m, k]·W[n, k]ᵀ + b
            x = fill(rng, Matrix.zeros(m, k));
            w = fill(rng, Matrix.zeros(n, k));
            b = fill(rng, Matrix.zeros(1, n));
            z = Matrix.zeros(m, n);
        } else { // dW[n, m] = δ[k, n]ᵀ·x[k, m]: C = xᵀ·δ has m×k×n = in×batch×out
            x = fill(rng, Matrix.zeros(k, m));
            delta = fill(rng, Matrix.zeros(k, n));
            dw = Matrix.zeros(n, m);
        }
    }

    private static Matrix fill(Rng rng, Matrix m) {
        for (int i = 0; i < m.size(); i++) {
            m.put(i, rng.uniform(-1, 1));
        }
        return m;
    }

    @Benchmark
    public Matrix product() {
        if (product.equals("affine")) {
            Kernels.affine(x, w, b, z);
            return z;
        }
        Kernels.gradW(delta, x, 1.0 / 64, false, dw);
        return dw;
    }
}
