package dev.backprop.train;

import dev.backprop.data.Dataset;
import dev.backprop.optim.Optimizer;

/**
 * Options of {@link Trainer#fit}, as net.fit's in the API: epochs, batchSize (32), a learning rate
 * for plain gradient descent or an optimizer (exactly one), shuffle each epoch (true) with seed,
 * an optional validation set, and optional callbacks after each epoch and each batch. {@code lr} is
 * NaN when not given; the others are null when not given.
 */
public record FitOptions(int epochs, int batchSize, double lr, Optimizer optimizer, boolean shuffle, long seed,
        Dataset validation, EpochListener onEpoch, BatchListener onBatch) {

    /** The defaults: 1 epoch, batch size 32, no lr or optimizer yet, shuffled, seed 0. */
    public static FitOptions defaults() {
        return new FitOptions(1, 32, Double.NaN, null, true, 0, null, null, null);
    }

    public FitOptions epochs(int n) {
        return new FitOptions(n, batchSize, lr, optimizer, shuffle, seed, validation, onEpoch, onBatch);
    }

    public FitOptions batchSize(int n) {
        return new FitOptions(epochs, n, lr, optimizer, shuffle, seed, validation, onEpoch, onBatch);
    }

    /** Plain gradient descent with this learning rate (net.step(lr)). */
    public FitOptions lr(double rate) {
        return new FitOptions(epochs, batchSize, rate, optimizer, shuffle, seed, validation, onEpoch, onBatch);
    }

    /** Steps through this optimizer (net.step(optimizer)); its state carries over between fit calls. */
    public FitOptions optimizer(Optimizer opt) {
        return new FitOptions(epochs, batchSize, lr, opt, shuffle, seed, validation, onEpoch, onBatch);
    }

    public FitOptions shuffle(boolean on) {
        return new FitOptions(epochs, batchSize, lr, optimizer, on, seed, validation, onEpoch, onBatch);
    }

    public FitOptions seed(long s) {
        return new FitOptions(epochs, batchSize, lr, optimizer, shuffle, s, validation, onEpoch, onBatch);
    }

    public FitOptions validation(Dataset data) {
        return new FitOptions(epochs, batchSize, lr, optimizer, shuffle, seed, data, onEpoch, onBatch);
    }

    public FitOptions onEpoch(EpochListener listener) {
        return new FitOptions(epochs, batchSize, lr, optimizer, shuffle, seed, validation, listener, onBatch);
    }

    public FitOptions onBatch(BatchListener listener) {
        return new FitOptions(epochs, batchSize, lr, optimizer, shuffle, seed, validation, onEpoch, listener);
    }
}
