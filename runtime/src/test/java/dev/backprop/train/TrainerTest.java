package dev.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.data.Dataset;
import dev.backprop.data.Generators;
import dev.backprop.data.Split;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import dev.backprop.nn.Param;
import dev.backprop.nn.ShapeError;
import dev.backprop.nn.ValueError;
import dev.backprop.optim.Adam;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trainer.fit: it learns, it is the trio in a loop, it is deterministic, and bad calls change nothing. */
class TrainerTest {
    static Network xorNet(long seed) {
        return Network.builder(2, 4, 1).activation("tanh").output("sigmoid").loss("bce").seed(seed).build();
    }

    static void assertSameWeights(Network a, Network b) {
        for (int i = 0; i < a.params().size(); i++) {
            assertTrue(a.params().get(i).value().sameBits(b.params().get(i).value()),
                    a.params().get(i).name() + " differs");
        }
    }

    @Test
    void learnsXor() {
        Network net = xorNet(1);
        History h = Trainer.fit(net, Generators.xor(),
                FitOptions.defaults().epochs(300).batchSize(4).optimizer(new Adam(0.05, 0.9, 0.999, 1e-8)));
        assertEquals(300, h.epochs());
        assertTrue(h.loss()[299] < 0.02, "xor loss after 300 full-batch Adam steps: " + h.loss()[299]);
        assertTrue(h.loss()[0] > 0.5, "starts near log 2: " + h.loss()[0]);
        assertEquals(1.0, Accuracy.of(net, Generators.xor()));
        assertEquals(0, h.valLoss().length, "no validation set, no validation history");
    }

    @Test
    void learnsTheCircleAndGeneralises() {
        Split s = Generators.circle(400, 0, 7).split(0.75, 7);
        Network net = Network.builder(2, 8, 1).activation("relu").output("sigmoid").loss("bce").seed(3).build();
        History h = Trainer.fit(net, s.train(), FitOptions.defaults().epochs(60).batchSize(16).seed(11)
                .optimizer(new Adam(0.02, 0.9, 0.999, 1e-8)).validation(s.test()));
        assertEquals(60, h.valLoss().length);
        assertEquals(60, h.valAccuracy().length);
        assertTrue(h.loss()[59] < 0.1, "training loss " + h.loss()[59]);
        assertTrue(h.valAccuracy()[59] >= 0.95, "held-out accuracy " + h.valAccuracy()[59]);
        assertEquals(h.valAccuracy()[59], Accuracy.of(net, s.test()), "valAccuracy is the accuracy after the epoch");
        assertEquals(h.valLoss()[59], net.loss(s.test().x(), s.test().y()), 0.0);
    }

    @Test
    void oneFullBatchPerEpochIsTheLessonLoop() {
        Dataset data = Generators.xor();
        Network fitted = xorNet(4);
        Network manual = fitted.copy();
        History h = Trainer.fit(fitted, data, FitOptions.defaults().epochs(5).batchSize(4).shuffle(false).lr(0.5));
        for (int e = 0; e < 5; e++) {
            manual.forward(data.x());
            double loss = manual.backward(data.y());
            manual.step(0.5);
            assertEquals(loss, h.loss()[e], 0.0, "epoch " + (e + 1) + " loss is the loss of its one forward");
        }
        assertSameWeights(manual, fitted);
        for (double acc : h.accuracy()) {
            assertEquals(0, acc * 4 % 1, 0.0, "accuracy is a share of 4 examples: " + acc);
        }
    }

    @Test
    void miniBatchesStepOncePerBatchInTheShuffledOrder() {
        Dataset data = Generators.circle(10, 0, 2);
        Network fitted = xorNet(5);
        Network manual = fitted.copy();
        FitOptions o = FitOptions.defaults().epochs(2).batchSize(4).lr(0.3).seed(21);
        History h = Trainer.fit(fitted, data, o);
        // the same epochs by hand: epoch e shuffles with the e-th long of new Rng(seed)
        dev.backprop.nn.Rng order = new dev.backprop.nn.Rng(21);
        double[] losses = new double[2];
        for (int e = 0; e < 2; e++) {
            int[] p = new dev.backprop.nn.Rng(order.nextLong()).permutation(10);
            double sum = 0;
            for (int from = 0; from < 10; from += 4) {
                int n = Math.min(4, 10 - from);
                Matrix x = Matrix.zeros(n, 2);
                Matrix y = Matrix.zeros(n, 1);
                for (int i = 0; i < n; i++) {
                    x.set(i, 0, data.x().get(p[from + i], 0));
                    x.set(i, 1, data.x().get(p[from + i], 1));
                    y.set(i, 0, data.y().get(p[from + i], 0));
                }
                manual.forward(x);
                sum += manual.backward(y) * n;
                manual.step(0.3);
            }
            losses[e] = sum / 10;
        }
        assertSameWeights(manual, fitted);
        assertArrayEquals(losses, h.loss(), 1e-15, "epoch loss: batch losses weighted by batch size");
    }

    @Test
    void sameSeedSameHistoryBits() {
        Dataset data = Generators.spiral(100, 0.1, 1);
        FitOptions o = FitOptions.defaults().epochs(5).batchSize(10).seed(3).optimizer(null).lr(0.1)
                .validation(Generators.spiral(40, 0.1, 2));
        Network a = xorNet(9);
        Network b = xorNet(9);
        History ha = Trainer.fit(a, data, o);
        History hb = Trainer.fit(b, data, o);
        for (int e = 0; e < 5; e++) {
            assertEquals(Double.doubleToRawLongBits(ha.loss()[e]), Double.doubleToRawLongBits(hb.loss()[e]));
            assertEquals(Double.doubleToRawLongBits(ha.valLoss()[e]), Double.doubleToRawLongBits(hb.valLoss()[e]));
        }
        assertSameWeights(a, b);
        History hc = Trainer.fit(xorNet(9), data, o.seed(4));
        assertFalse(ha.loss()[4] == hc.loss()[4], "another shuffle seed, another run");
    }

    @Test
    void onEpochCanStopEarlyAndSeesEachEpoch() {
        List<EpochStats> seen = new ArrayList<>();
        History h = Trainer.fit(xorNet(1), Generators.xor(), FitOptions.defaults().epochs(10).lr(0.5)
                .validation(Generators.xor()).onEpoch(s -> {
                    seen.add(s);
                    return s.epoch() < 3;
                }));
        assertEquals(3, h.epochs());
        assertTrue(h.stoppedEarly());
        assertEquals(3, h.valAccuracy().length);
        assertEquals(List.of(1, 2, 3), seen.stream().map(EpochStats::epoch).toList());
        assertEquals(h.loss()[2], seen.get(2).loss(), 0.0);
        assertEquals(h.valLoss()[2], seen.get(2).valLoss(), 0.0);
        History all = Trainer.fit(xorNet(1), Generators.xor(), FitOptions.defaults().epochs(2).lr(0.5)
                .onEpoch(s -> false));
        assertEquals(1, all.epochs());
        History last = Trainer.fit(xorNet(1), Generators.xor(), FitOptions.defaults().epochs(1).lr(0.5)
                .onEpoch(s -> false));
        assertFalse(last.stoppedEarly(), "false after the last epoch stops nothing");
    }

    @Test
    void batchListenerSeesEveryStepAndItsExceptionStopsBetweenBatches() {
        Dataset data = Generators.circle(50, 0, 1);
        List<BatchProgress> seen = new ArrayList<>();
        Trainer.fit(xorNet(2), data, FitOptions.defaults().epochs(2).batchSize(16).lr(0.1).onBatch(seen::add));
        assertEquals(8, seen.size(), "⌈50/16⌉ = 4 batches in each of 2 epochs");
        assertEquals(new BatchProgress(2, 2, 4, 4, seen.get(7).runningLoss()), seen.get(7));
        // an "interrupt" after the third batch: three whole steps are kept, nothing more
        Network net = xorNet(2);
        Network manual = net.copy();
        RuntimeException stop = new RuntimeException("interrupted");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> Trainer.fit(net, data,
                FitOptions.defaults().epochs(2).batchSize(16).shuffle(false).lr(0.1).onBatch(p -> {
                    if (p.batch() == 3) {
                        throw stop;
                    }
                })));
        assertEquals(stop, thrown);
        for (int from = 0; from < 48; from += 16) {
            manual.forward(data.x().rows(from, 16));
            manual.backward(data.y().rows(from, 16));
            manual.step(0.1);
        }
        assertSameWeights(manual, net);
    }

    @Test
    void badCallsAreRefusedBeforeAnyStep() {
        Network net = xorNet(1);
        Network before = net.copy();
        Dataset three = Dataset.of(new double[][] {{1, 2, 3}}, new double[][] {{1}});
        assertEquals("fit: the training data has 3 features per example but the network takes 2 inputs",
                assertThrows(ShapeError.class, () -> Trainer.fit(net, three, FitOptions.defaults().lr(0.1)))
                        .getMessage());
        String noRate = assertThrows(ValueError.class, () -> Trainer.fit(net, Generators.xor(), FitOptions.defaults()))
                .getMessage();
        // every optimizer the registry has, sgd and adam first
        assertTrue(noRate.startsWith("fit needs a learning rate: give lr (e.g. 0.1) or an optimizer (nn.sgd, nn.adam")
                && noRate.endsWith(")"), noRate);
        assertEquals("fit takes a learning rate or an optimizer, not both (got lr 0.1 and an optimizer); the"
                + " optimizer has its own lr", assertThrows(ValueError.class, () -> Trainer.fit(net, Generators.xor(),
                        FitOptions.defaults().lr(0.1).optimizer(new Adam(0.1, 0.9, 0.999, 1e-8)))).getMessage());
        assertEquals("fit needs epochs ≥ 1, got 0", assertThrows(ValueError.class,
                () -> Trainer.fit(net, Generators.xor(), FitOptions.defaults().lr(0.1).epochs(0))).getMessage());
        Network three3 = Network.builder(2, 3).activation("sigmoid").loss("mse").seed(1).build();
        Dataset idx = Dataset.of(new double[][] {{0, 0}, {1, 1}}, new double[][] {{0}, {2}});
        assertEquals("fit: the training data has class indices (one target column) but loss 'mse' compares 3 outputs"
                + " per example with 3 targets; use data.oneHot(3), or loss 'crossEntropy' with a softmax output",
                assertThrows(ShapeError.class, () -> Trainer.fit(three3, idx, FitOptions.defaults().lr(0.1)))
                        .getMessage());
        // a bad validation set is refused before the first step too
        assertThrows(ShapeError.class, () -> Trainer.fit(net, Generators.xor(),
                FitOptions.defaults().lr(0.1).validation(three)));
        assertSameWeights(before, net);
        for (Param p : net.params()) {
            assertEquals(0, p.version(), p.name() + " was never touched");
        }
    }
}
