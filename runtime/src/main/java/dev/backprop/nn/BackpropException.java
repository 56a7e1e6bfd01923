package dev.backprop.nn;

/**
 * The root of the engine's errors. Each subclass is one kind of mistake a learner can act on;
 * {@link #errorName()} is the name scripts see (e.g. {@code ShapeError}).
 */
public abstract sealed class BackpropException extends RuntimeException
        permits ShapeError, ValueError, StaleForwardError, StaleGradientError, FormatError, LimitError {

    protected BackpropException(String message) {
        super(message);
    }

    protected BackpropException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The error's name as scripts see it: the simple class name. */
    public String errorName() {
        return getClass().getSimpleName();
    }
}
