package dev.backprop.nn;

/** A value is not allowed here: NaN or infinite numbers, an unknown option, a bad class index. */
public final class ValueError extends BackpropException {
    public ValueError(String message) {
        super(message);
    }
}
