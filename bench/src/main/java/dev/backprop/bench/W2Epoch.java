package dev.backprop.bench;

import dev.backprop.data.Dataset;
import dev.backprop.kernel.KernelConfig;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import dev.backprop.train.FitOptions;
import dev.backprop.train.Trainer;
import java.io.IOException;

/**
 * W2 through the Java API, printed like the peers: {@code EPOCH seconds batches}, {@code EVAL seconds
 * accuracy}, {@code LOSS first mean-of-last-100}. Each repeat starts from the shared init and trains
 * one epoch (SGD lr 0.1, batch 64, the shared order); the batch gather is timed, as in the peers.
 * With {@code fit} the epoch is {@code Trainer.fit} (net.fit) instead: its own shuffle (seed 1), so the
 * batch order and the final accuracy differ slightly from the peers'.
 * usage: W2Epoch THREADS REPEATS [api|fit]
 */
public final class W2Epoch {
    private W2Epoch() {
    }

    /** One epoch: forward, backward, step per batch of 64 (the last batch has 32). Returns losses. */
    static double[] epoch(Network net, W2Data data, int[] perm, Matrix full, Matrix fullY, Matrix tail, Matrix tailY) {
        int n = perm.length;
        int batch = full.rows();
        double[] losses = new double[(n + batch - 1) / batch];
        int in = data.trainX.cols();
        var src = data.trainX.data();
        for (int s = 0, b = 0; s < n; s += batch, b++) {
            int count = Math.min(batch, n - s);
            Matrix x = count == batch ? full : tail;
            Matrix y = count == batch ? fullY : tailY;
            for (int i = 0; i < count; i++) {
                int row = perm[s + i];
                x.data().put(i * in, src, row * in, in); // gather row perm[s + i]
                y.put(i, data.trainY[row]);
            }
            net.forward(x);
            losses[b] = net.backward(y);
            net.step(0.1);
        }
        return losses;
    }

    static double accuracy(Network net, W2Data data) {
        Matrix out = net.predict(data.testX);
        int right = 0;
        for (int i = 0; i < out.rows(); i++) {
            int best = 0;
            for (int k = 1; k < out.cols(); k++) {
                if (out.get(i, k) > out.get(i, best)) {
                    best = k;
                }
            }
            right += best == data.testY[i] ? 1 : 0;
        }
        return (double) right / out.rows();
    }

    public static void main(String[] args) throws IOException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean fit = args.length > 2 && args[2].equals("fit");
        KernelConfig.setThreads(threads);
        W2Data data = W2Data.load();
        int[] perm = W2Data.permutation();
        int in = data.trainX.cols();
        Matrix full = Matrix.zeros(64, in);
        Matrix fullY = Matrix.zeros(64, 1);
        int rest = perm.length % 64 == 0 ? 64 : perm.length % 64;
        Matrix tail = Matrix.zeros(rest, in);
        Matrix tailY = Matrix.zeros(rest, 1);
        Dataset train = null;
        if (fit) {
            Matrix y = Matrix.zeros(data.trainY.length, 1);
            for (int i = 0; i < data.trainY.length; i++) {
                y.put(i, data.trainY[i]);
            }
            train = Dataset.of(data.trainX, y);
        }
        for (int r = 0; r < repeats; r++) {
            Network net = W2Data.network();
            long t0 = System.nanoTime();
            double[] losses;
            if (fit) {
                FitOptions o = FitOptions.defaults().epochs(1).batchSize(64).lr(0.1).shuffle(true).seed(1);
                losses = new double[] {Trainer.fit(net, train, o).loss()[0]}; // the epoch's mean loss
            } else {
                losses = epoch(net, data, perm, full, fullY, tail, tailY);
            }
            double dt = (System.nanoTime() - t0) / 1e9;
            System.out.printf("EPOCH %.4f %d%n", dt, (perm.length + 63) / 64);
            long t1 = System.nanoTime();
            double acc = accuracy(net, data);
            System.out.printf("EVAL %.4f %.4f%n", (System.nanoTime() - t1) / 1e9, acc);
            double last = 0;
            int from = Math.max(0, losses.length - 100);
            for (int b = from; b < losses.length; b++) {
                last += losses[b];
            }
            System.out.printf("LOSS %.6f %.6f%n", losses[0], last / (losses.length - from));
        }
        System.out.printf("INFO java %s kernel=%s threads=%d loop=%s%n", Runtime.version(), KernelConfig.kernelName(),
                KernelConfig.threads(), fit ? "net.fit" : "forward/backward/step");
    }
}
