package dev.backprop.script;

/** A script tried to read or write outside the sandbox's roots; scripts see it as {@code SecurityError}. */
public final class AccessError extends SecurityException {
    private static final long serialVersionUID = 1L;

    public AccessError(String message) {
        super(message);
    }
}
