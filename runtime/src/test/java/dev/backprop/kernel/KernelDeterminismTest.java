package dev.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import dev.backprop.nn.Param;
import dev.backprop.nn.Rng;
import dev.backprop.optim.Adam;
import dev.backprop.optim.Optimizer;
import dev.backprop.optim.Sgd;
import org.junit.jupiter.api.Test;

/**
 * Full training runs give bit-identical weights with 1 and 2 kernel threads (and with the packed
 * products against a run where every product takes the naive loop).
 */
class KernelDeterminismTest {

    /** A seeded 2-D set: two interleaved spirals, one-hot labels. */
    static Matrix[] spirals(int n, long seed) {
        Rng rng = new Rng(seed);
        Matrix x = Matrix.zeros(n, 2);
        Matrix y = Matrix.zeros(n, 2);
        for (int i = 0; i < n; i++) {
            int c = i % 2;
            double t = 0.5 + 3.0 * rng.nextDouble();
            double angle = t + Math.PI * c;
            x.set(i, 0, t * Math.cos(angle) / 3.5 + 0.05 * rng.nextGaussian());
            x.set(i, 1, t * Math.sin(angle) / 3.5 + 0.05 * rng.nextGaussian());
            y.set(i, c, 1.0);
        }
        return new Matrix[] {x, y};
    }

    /** A seeded W2-like set: 96 features, 4 classes as class indices. */
    static Matrix[] wide(int n, int features, int classes, long seed) {
        Rng rng = new Rng(seed);
        Matrix x = Matrix.zeros(n, features);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(classes);
            y.set(i, 0, c);
            for (int k = 0; k < features; k++) {
                x.set(i, k, rng.uniform(0, 1) + (k % classes == c ? 0.5 : 0.0));
            }
        }
        return new Matrix[] {x, y};
    }

    /** Trains {@code epochs} passes in batches and returns a checksum over every parameter's bits. */
    static long train(Network net, Matrix[] data, int batch, int epochs, Optimizer opt, double lr) {
        Matrix x = data[0];
        Matrix y = data[1];
        int n = x.rows();
        for (int e = 0; e < epochs; e++) {
            for (int from = 0; from < n; from += batch) {
                int count = Math.min(batch, n - from);
                net.forward(x.rows(from, count));
                net.backward(y.rows(from, count));
                if (opt == null) {
                    net.step(lr);
                } else {
                    net.step(opt);
                }
            }
        }
        long h = 17;
        for (Param p : net.params()) {
            h = h * 31 + p.value().checksum();
        }
        return h;
    }

    private static long trainWithThreads(int threads, java.util.function.LongSupplier run) {
        int before = KernelConfig.threads();
        KernelConfig.setThreads(threads);
        Kernels.threadMinWork(1L << 12); // these nets' products are small: split them anyway
        try {
            return run.getAsLong();
        } finally {
            KernelConfig.setThreads(before);
            Kernels.threadMinWork(Kernels.THREAD_MIN_WORK);
        }
    }

    @Test
    void toySpiralsNetTrainsIdenticallyOnOneAndTwoThreads() {
        Matrix[] data = spirals(400, 5);
        java.util.function.LongSupplier run = () -> train(
                Network.builder(2, 16, 16, 2).activation("tanh").output("softmax").loss("crossEntropy").seed(3).build(),
                data, 32, 20, null, 0.1);
        long one = trainWithThreads(1, run);
        long two = trainWithThreads(2, run);
        assertEquals(one, two, "2-16-16-2 weights after 20 epochs differ between 1 and 2 threads");
    }

    @Test
    void wideNetTrainsIdenticallyOnOneAndTwoThreadsWithSgdAndAdam() {
        Matrix[] data = wide(640, 96, 4, 9);
        for (boolean adam : new boolean[] {false, true}) {
            java.util.function.LongSupplier run = () -> {
                Network net = Network.builder(96, 160, 48, 4).activation("relu").output("softmax").loss("crossEntropy")
                        .init("he").seed(4).build();
                Optimizer opt = adam ? new Adam(1e-3, 0.9, 0.999, 1e-8) : new Sgd(0.05, 0.9, 0.0);
                return train(net, data, 64, 4, opt, 0);
            };
            long one = trainWithThreads(1, run);
            long two = trainWithThreads(2, run);
            assertEquals(one, two, "96-160-48-4 weights (" + (adam ? "adam" : "sgd momentum") + ") differ between 1 and 2 threads");
        }
    }

    @Test
    void packedTrainingMatchesNaiveTraining() {
        Matrix[] data = wide(256, 96, 4, 21);
        Network packed = Network.builder(96, 160, 48, 4).activation("relu").output("softmax").loss("crossEntropy")
                .init("he").seed(8).build();
        Network naive = packed.copy();
        train(packed, data, 64, 3, null, 0.1);
        // the same run with every product on the naive loop, written out here
        Matrix x = data[0];
        Matrix y = data[1];
        for (int e = 0; e < 3; e++) {
            for (int from = 0; from < x.rows(); from += 64) {
                naiveStep(naive, x.rows(from, 64), y.rows(from, 64), 0.1);
            }
        }
        for (int i = 0; i < packed.params().size(); i++) {
            assertTrue(packed.params().get(i).value().sameBits(naive.params().get(i).value()),
                    packed.params().get(i).name() + " differs between packed and naive kernels");
        }
    }

    /** forward, backward and SGD step on the naive loops, mirroring Network (relu hidden, softmax + CE). */
    private static void naiveStep(Network net, Matrix x, Matrix y, double lr) {
        int layers = net.layers().size();
        Matrix[] z = new Matrix[layers];
        Matrix[] a = new Matrix[layers];
        Matrix in = x;
        for (int l = 0; l < layers; l++) {
            var d = net.layers().get(l);
            z[l] = Matrix.zeros(x.rows(), d.outputs());
            a[l] = Matrix.zeros(x.rows(), d.outputs());
            NaiveKernels.affine(in, d.W().value(), d.b().value(), z[l]);
            d.activation().forward(z[l], a[l]);
            in = a[l];
        }
        Matrix delta = Matrix.zeros(x.rows(), net.outputs());
        for (int i = 0; i < x.rows(); i++) {
            for (int k = 0; k < net.outputs(); k++) {
                delta.set(i, k, a[layers - 1].get(i, k) - (k == (int) y.get(i, 0) ? 1.0 : 0.0)); // δ = softmax − y
            }
        }
        double mean = 1.0 / x.rows();
        for (int l = layers - 1; l >= 0; l--) {
            var d = net.layers().get(l);
            Matrix below = l == 0 ? x : a[l - 1];
            Matrix dw = Matrix.zeros(d.outputs(), d.inputs());
            NaiveKernels.gradW(delta, below, mean, false, dw);
            Matrix db = Matrix.zeros(1, d.outputs());
            Kernels.gradB(delta, mean, false, db);
            if (l > 0) {
                Matrix ga = Matrix.zeros(x.rows(), d.inputs());
                NaiveKernels.backprop(delta, d.W().value(), ga);
                Matrix next = Matrix.zeros(x.rows(), d.inputs());
                net.layers().get(l - 1).activation().backward(z[l - 1], a[l - 1], ga, next);
                delta = next;
            }
            for (int k = 0; k < dw.size(); k++) {
                d.W().value().put(k, d.W().value().at(k) - lr * dw.at(k));
            }
            for (int k = 0; k < db.size(); k++) {
                d.b().value().put(k, d.b().value().at(k) - lr * db.at(k));
            }
        }
    }
}
