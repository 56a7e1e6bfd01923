package dev.backprop.nn;

/**
 * A loss L over a batch of B examples and K outputs, and its per-example error signal at the
 * output, δᵢ = ∂Lᵢ/∂zᵢ (not divided by B), where L is the mean of the Lᵢ.
 */
public sealed interface Loss permits Squared, Mse, Bce, CrossEntropy {

    /** The name scripts use. */
    String name();

    /** L for outputs a = f(z) against targets y (already checked by {@link #checkTargets}). */
    double value(Matrix z, Matrix a, Matrix y);

    /** Writes δ = ∂Lᵢ/∂z for every example into {@code delta}; {@code scratch} has the output's shape. */
    void outputDelta(Matrix z, Matrix a, Matrix y, Activation output, Matrix delta, Matrix scratch);

    /** Throws when this loss cannot follow the output activation (bce needs sigmoid, crossEntropy softmax). */
    default void checkOutput(Activation output) {
    }

    /** Throws a ShapeError or ValueError when y does not fit B examples of K outputs. */
    default void checkTargets(Matrix y, int batch, int outputs) {
        if (y.rows() != batch || y.cols() != outputs) {
            throw new ShapeError("the targets y need shape [" + batch + ", " + outputs + "] (one row of " + outputs
                    + (outputs == 1 ? " value" : " values") + " for each of the " + batch + " examples in x), got "
                    + y.shapeString());
        }
        Checks.finite("targets", "y", y);
    }

    /** The loss with this name. */
    static Loss named(String name) {
        return switch (name) {
            case "squared" -> Squared.INSTANCE;
            case "mse" -> Mse.INSTANCE;
            case "bce" -> Bce.INSTANCE;
            case "crossEntropy" -> CrossEntropy.INSTANCE;
            default -> throw new ValueError("unknown loss '" + name
                    + "'; use 'squared', 'mse', 'bce' or 'crossEntropy'");
        };
    }
}
