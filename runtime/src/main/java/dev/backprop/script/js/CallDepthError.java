package dev.backprop.script.js;

/**
 * Host→script→host calls (fit calling onEpoch calling fit …) nested deeper than {@link #MAX_DEPTH}:
 * scripts see it as a {@code RangeError}, like JS's own "Maximum call stack size exceeded".
 */
final class CallDepthError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Nested callbacks allowed: far more than any training loop needs, far less than the host stack holds. */
    static final int MAX_DEPTH = 16;
    static final String MESSAGE = "Maximum call stack size exceeded: calls between the script and the host (fit,"
            + " onEpoch, callbacks) nested more than " + MAX_DEPTH + " deep; end the recursion";

    CallDepthError() {
        super(MESSAGE, null, false, false);
    }
}
