package dev.backprop.train;

import dev.backprop.data.Batch;
import dev.backprop.data.Dataset;
import dev.backprop.nn.Checks;
import dev.backprop.nn.CrossEntropy;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import dev.backprop.nn.Rng;
import dev.backprop.nn.ShapeError;
import dev.backprop.nn.ValueError;
import dev.backprop.optim.Optimizer;
import java.util.Arrays;

/**
 * Mini-batch training with the lesson's trio: for every batch forward, backward, step (so the
 * network's guards apply), for a number of epochs. Everything that can be checked is checked before
 * the first step, so a bad call leaves the network as it was.
 */
public final class Trainer {
    private Trainer() {
    }

    /** Trains {@code net} on {@code data}; returns the per-epoch history. */
    public static History fit(Network net, Dataset data, FitOptions o) {
        check(net, data, o);
        double[] loss = new double[o.epochs()];
        double[] accuracy = new double[o.epochs()];
        boolean validate = o.validation() != null;
        double[] valLoss = new double[validate ? o.epochs() : 0];
        double[] valAccuracy = new double[validate ? o.epochs() : 0];
        boolean classify = data.classes() > 0;
        Rng order = new Rng(o.seed());
        int epoch = 0;
        boolean stopped = false;
        while (epoch < o.epochs() && !stopped) {
            var batches = data.batches(o.batchSize(), o.shuffle(), order.nextLong());
            int count = batches.count();
            double lossSum = 0;
            long right = 0;
            int seen = 0;
            int b = 0;
            for (Batch batch : batches) {
                dev.backprop.nn.Account.checkStop(); // a time limit or interrupt ends fit between two whole steps
                Matrix out = net.forward(batch.x());
                if (classify) {
                    right += Accuracy.correct(out, batch.y());
                }
                double l = net.backward(batch.y());
                if (o.optimizer() != null) {
                    net.step(o.optimizer());
                } else {
                    net.step(o.lr());
                }
                lossSum += l * batch.size();
                seen += batch.size();
                b++;
                if (o.onBatch() != null) {
                    o.onBatch().afterBatch(new BatchProgress(epoch + 1, o.epochs(), b, count, lossSum / seen));
                }
            }
            loss[epoch] = lossSum / seen;
            accuracy[epoch] = classify ? (double) right / seen : Double.NaN;
            double vl = Double.NaN;
            double va = Double.NaN;
            if (validate) {
                Dataset v = o.validation();
                vl = net.loss(v.x(), v.y());
                va = v.classes() > 0 ? Accuracy.of(net, v) : Double.NaN;
                valLoss[epoch] = vl;
                valAccuracy[epoch] = va;
            }
            epoch++;
            if (o.onEpoch() != null) {
                stopped = !o.onEpoch().onEpoch(new EpochStats(epoch, o.epochs(), loss[epoch - 1],
                        accuracy[epoch - 1], vl, va)) && epoch < o.epochs();
            }
        }
        return new History(Arrays.copyOf(loss, epoch), Arrays.copyOf(accuracy, epoch),
                Arrays.copyOf(valLoss, validate ? epoch : 0), Arrays.copyOf(valAccuracy, validate ? epoch : 0), stopped);
    }

    private static void check(Network net, Dataset data, FitOptions o) {
        if (o.epochs() < 1) {
            throw new ValueError("fit needs epochs ≥ 1, got " + o.epochs());
        }
        if (o.batchSize() < 1) {
            throw new ValueError("fit needs batchSize ≥ 1, got " + o.batchSize());
        }
        boolean hasLr = !Double.isNaN(o.lr());
        if (hasLr && o.optimizer() != null) {
            throw new ValueError("fit takes a learning rate or an optimizer, not both (got lr " + o.lr()
                    + " and an optimizer); the optimizer has its own lr");
        }
        if (!hasLr && o.optimizer() == null) {
            throw new ValueError("fit needs a learning rate: give lr (e.g. 0.1) or an optimizer ("
                    + String.join(", ", Optimizer.kinds().stream().map(k -> "nn." + k.name()).toList()) + ")");
        }
        if (hasLr && (!(o.lr() > 0) || Double.isInfinite(o.lr()))) {
            throw new ValueError("fit's lr must be a positive number, got " + Checks.js(o.lr()));
        }
        checkData(net, data, "the training data");
        if (o.validation() != null) {
            checkData(net, o.validation(), "the validation data");
        }
    }

    private static void checkData(Network net, Dataset d, String what) {
        if (d.features() != net.inputs()) {
            throw new ShapeError("fit: " + what + " has " + d.features() + " features per example but the network"
                    + " takes " + net.inputs() + " inputs");
        }
        Matrix y = d.y();
        int k = net.outputs();
        if (y.cols() == 1 && k > 1 && !(net.loss() instanceof CrossEntropy)) {
            throw new ShapeError("fit: " + what + " has class indices (one target column) but loss '"
                    + net.loss().name() + "' compares " + k + " outputs per example with " + k
                    + " targets; use data.oneHot(" + k + "), or loss '" + CrossEntropy.INSTANCE.name() + "' with a "
                    + CrossEntropy.INSTANCE.requiredOutput().name() + " output");
        }
        net.loss().checkTargets(y, d.size(), k); // shapes, finiteness and class-index range, all before any step
    }
}
