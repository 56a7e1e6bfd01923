package dev.backprop.nn;

/** The verdict of {@link Network#checkGrads} on one hand-computed gradient: right, or which classic mistake. */
public enum GradStatus {
    /** Matches backward's gradient. */
    OK,
    /** The negative of backward's: δ_o = (y − ŷ)·σ' instead of (ŷ − y)·σ'. */
    SIGN_FLIPPED,
    /** Summed over the batch instead of averaged: B times backward's. */
    NOT_AVERAGED,
    /** The transpose of backward's (xᵀ·δ instead of δᵀ·x). */
    TRANSPOSED,
    /** What backward gives with the σ' factor left out at one layer, at the output, or everywhere. */
    DERIVATIVE_DROPPED,
    /** δ was sent back through weights a step had already updated. */
    STALE_WEIGHTS,
    /** None of the above. */
    WRONG;

    /** The name scripts see: {@code 'ok'}, {@code 'signFlipped'}, … (the constant's name in lowerCamelCase). */
    public String scriptName() {
        return Family.name(this);
    }

    @Override
    public String toString() {
        return scriptName();
    }
}
