package dev.backprop.train;

/**
 * Called by {@link Trainer#fit} between batches, after each completed step: a progress bar draws
 * here, and a sandbox polls for interrupts here. An exception thrown from it stops fit at once; the
 * network then holds every step completed so far (never half a step).
 */
@FunctionalInterface
public interface BatchListener {
    void afterBatch(BatchProgress progress);
}
