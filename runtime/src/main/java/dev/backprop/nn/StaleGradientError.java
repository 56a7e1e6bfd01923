package dev.backprop.nn;

/** {@code step} would reuse gradients already spent by an earlier step: run forward and backward again. */
public final class StaleGradientError extends BackpropException {
    public StaleGradientError(String message) {
        super(message);
    }
}
