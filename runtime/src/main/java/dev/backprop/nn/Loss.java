package dev.backprop.nn;

/**
 * A loss L over a batch of B examples and K outputs, and its per-example error signal at the
 * output, δᵢ = ∂Lᵢ/∂zᵢ (not divided by B), where L is the mean of the Lᵢ.
 */
public sealed interface Loss permits Squared, Mse, Bce, CrossEntropy {

    /** The name scripts use: {@code 'squared'}, {@code 'crossEntropy'}, …, the class's name in lowerCamelCase. */
    default String name() {
        return Family.name(getClass());
    }

    /** L for outputs a = f(z) against targets y (already checked by {@link #checkTargets}). */
    double value(Matrix z, Matrix a, Matrix y);

    /** Writes δ = ∂Lᵢ/∂z for every example into {@code delta}; {@code scratch} has the output's shape. */
    void outputDelta(Matrix z, Matrix a, Matrix y, Activation output, Matrix delta, Matrix scratch);

    /** The output activation this loss needs (bce: sigmoid, crossEntropy: softmax), or null when any will do. */
    default Activation requiredOutput() {
        return null;
    }

    /** Throws when this loss cannot follow the output activation ({@link #requiredOutput()}). */
    default void checkOutput(Activation output) {
        Activation needs = requiredOutput();
        if (needs != null && !needs.equals(output)) {
            Loss other = builtIns().stream().filter(l -> l != this && l.requiredOutput() != null).findFirst()
                    .orElse(null);
            throw new ValueError("loss '" + name() + "' needs a '" + needs.name() + "' output layer, got '"
                    + output.name() + "'; use output: '" + needs.name() + "'" + (other == null ? ""
                    : " (or loss '" + other.name() + "' with a " + other.requiredOutput().name() + " output)"));
        }
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

    /** The losses there are, read off {@code permits}: adding one is a new file and its line there. */
    static java.util.List<Loss> builtIns() {
        return Family.members(Loss.class);
    }

    /** Their names, in the order messages list them. */
    static java.util.List<String> names() {
        return builtIns().stream().map(Loss::name).toList();
    }

    /** The loss with this name. */
    static Loss named(String name) {
        for (Loss l : builtIns()) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        throw new ValueError("unknown loss '" + name + "'; use " + Family.quotedList(names()));
    }
}
