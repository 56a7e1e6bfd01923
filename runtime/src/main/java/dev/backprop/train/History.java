package dev.backprop.train;

import java.util.Arrays;

/**
 * What {@link Trainer#fit} measured, one entry per completed epoch: loss, accuracy, and with a
 * validation set valLoss and valAccuracy (empty arrays without one). Accessors return copies.
 */
public final class History {
    private final double[] loss;
    private final double[] accuracy;
    private final double[] valLoss;
    private final double[] valAccuracy;
    private final boolean stoppedEarly;

    History(double[] loss, double[] accuracy, double[] valLoss, double[] valAccuracy, boolean stoppedEarly) {
        this.loss = loss;
        this.accuracy = accuracy;
        this.valLoss = valLoss;
        this.valAccuracy = valAccuracy;
        this.stoppedEarly = stoppedEarly;
    }

    /** Number of epochs run. */
    public int epochs() {
        return loss.length;
    }

    public double[] loss() {
        return loss.clone();
    }

    /** Training accuracy per epoch (NaN when the dataset has no classes). */
    public double[] accuracy() {
        return accuracy.clone();
    }

    /** Validation loss per epoch; empty without a validation set. */
    public double[] valLoss() {
        return valLoss.clone();
    }

    /** Validation accuracy per epoch; empty without a validation set. */
    public double[] valAccuracy() {
        return valAccuracy.clone();
    }

    /** Whether an onEpoch callback returned false before the last epoch. */
    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    @Override
    public String toString() {
        return "History(epochs " + epochs() + (stoppedEarly ? ", stopped early" : "") + ", loss "
                + Arrays.toString(loss) + ", accuracy " + Arrays.toString(accuracy)
                + (valLoss.length > 0 ? ", valLoss " + Arrays.toString(valLoss) + ", valAccuracy "
                        + Arrays.toString(valAccuracy) : "") + ")";
    }
}
