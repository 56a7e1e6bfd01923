package dev.backprop.data;

import dev.backprop.nn.Matrix;

/** One mini-batch: inputs x [B, features] and targets y [B, targets], rows copied from a {@link Dataset}. */
public record Batch(Matrix x, Matrix y) {
    /** Number of examples in this batch. */
    public int size() {
        return x.rows();
    }
}
