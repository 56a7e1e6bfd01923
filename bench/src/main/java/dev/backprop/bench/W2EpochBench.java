package dev.backprop.bench;

import dev.backprop.kernel.KernelConfig;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import java.io.IOException;
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
 * One W2 epoch through the Java API (784-128-64-10 ReLU, softmax + crossEntropy, SGD lr 0.1, batch
 * 64, all 60,000 Fashion-MNIST examples in the peers' order), each op starting from the shared init.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class W2EpochBench {
    @Param({"1", "2"})
    public int threads;

    private W2Data data;
    private int[] perm;
    private Matrix full;
    private Matrix fullY;
    private Matrix tail;
    private Matrix tailY;

    @Setup
    public void setup() throws IOException {
        KernelConfig.setThreads(threads);
        data = W2Data.load();
        perm = W2Data.permutation();
        full = Matrix.zeros(64, 784);
        fullY = Matrix.zeros(64, 1);
        int rest = perm.length % 64 == 0 ? 64 : perm.length % 64;
        tail = Matrix.zeros(rest, 784);
        tailY = Matrix.zeros(rest, 1);
    }

    @Benchmark
    public double[] epoch() throws IOException {
        Network net = W2Data.network();
        return W2Epoch.epoch(net, data, perm, full, fullY, tail, tailY);
    }
}
