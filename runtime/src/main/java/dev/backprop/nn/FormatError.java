package dev.backprop.nn;

/**
 * A file or document is damaged or of another format: the message names the field and, where
 * known, the line and column.
 */
public final class FormatError extends BackpropException {
    public FormatError(String message) {
        super(message);
    }

    public FormatError(String message, Throwable cause) {
        super(message, cause);
    }
}
