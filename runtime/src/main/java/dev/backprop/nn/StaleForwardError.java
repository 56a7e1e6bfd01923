package dev.backprop.nn;

/** {@code backward} would use a forward pass whose weights have changed since (or there was none): run forward again. */
public final class StaleForwardError extends BackpropException {
    public StaleForwardError(String message) {
        super(message);
    }
}
