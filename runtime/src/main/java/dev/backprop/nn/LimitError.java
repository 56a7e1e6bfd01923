package dev.backprop.nn;

/** A sandbox limit was reached (size, time, output, memory); the message names the limit and how to raise it. */
public final class LimitError extends BackpropException {
    public LimitError(String message) {
        super(message);
    }
}
