package dev.backprop.train;

/**
 * One epoch's results (epoch is 1-based): the batch-size-weighted mean of the batch losses and the
 * accuracy over the epoch's forward passes, and, with a validation set, its loss and accuracy after
 * the epoch. Accuracies are NaN for sets without classes; validation values NaN without validation.
 */
public record EpochStats(int epoch, int epochs, double loss, double accuracy, double valLoss, double valAccuracy) {
}
