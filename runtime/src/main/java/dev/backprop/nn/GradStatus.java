package dev.backprop.nn;

/** The verdict of {@link Network#checkGrads} on one hand-computed gradient: right, or which classic mistake. */
public enum GradStatus {
    /** Matches backward's gradient. */
    OK("ok"),
    /** The negative of backward's: δ_o = (y − ŷ)·σ' instead of (ŷ − y)·σ'. */
    SIGN_FLIPPED("signFlipped"),
    /** Summed over the batch instead of averaged: B times backward's. */
    NOT_AVERAGED("notAveraged"),
    /** The transpose of backward's (xᵀ·δ instead of δᵀ·x). */
    TRANSPOSED("transposed"),
    /** What backward gives with the σ' factor left out at one layer, at the output, or everywhere. */
    DERIVATIVE_DROPPED("derivativeDropped"),
    /** δ was sent back through weights a step had already updated. */
    STALE_WEIGHTS("staleWeights"),
    /** None of the above. */
    WRONG("wrong");

    private final String scriptName;

    GradStatus(String scriptName) {
        this.scriptName = scriptName;
    }

    /** The name scripts see: {@code 'ok'}, {@code 'signFlipped'}, … */
    public String scriptName() {
        return scriptName;
    }

    @Override
    public String toString() {
        return scriptName;
    }
}
