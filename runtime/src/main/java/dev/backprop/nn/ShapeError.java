package dev.backprop.nn;

/** A matrix, input or target has the wrong shape; the message names the expected and the actual shape. */
public final class ShapeError extends BackpropException {
    public ShapeError(String message) {
        super(message);
    }
}
