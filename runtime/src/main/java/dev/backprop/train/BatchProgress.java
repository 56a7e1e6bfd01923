package dev.backprop.train;

/**
 * Where {@link Trainer#fit} is, after a batch's step: batch {@code batch} of {@code batches} (1-based)
 * in epoch {@code epoch} of {@code epochs}, and the mean loss of the epoch's batches so far.
 */
public record BatchProgress(int epoch, int epochs, int batch, int batches, double runningLoss) {
}
