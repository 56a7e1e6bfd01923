package dev.backprop.train;

/** Called by {@link Trainer#fit} after each epoch; returning false stops training early. */
@FunctionalInterface
public interface EpochListener {
    boolean onEpoch(EpochStats stats);
}
