package dev.backprop.nn;

/** L2 norms of one layer's gradients ∂L/∂W and ∂L/∂b (1-based layer). */
public record GradNorm(int layer, double W, double b) {
}
