package dev.backprop.explain;

/** Which way a beat of the walkthrough travels through the network. */
public enum Direction {
    /** Left to right: activations, the loss, the closing re-run. */
    FORWARD("forward →"),
    /** Right to left: δ, gradients and the update. */
    BACKWARD("← backward");

    private final String header;

    Direction(String header) {
        this.header = header;
    }

    /** {@code forward →} or {@code ← backward}, as the animation's header reads. */
    public String header() {
        return header;
    }
}
