package dev.backprop.nn;

/**
 * An activation a = f(z), applied to each row of a batch. The family is closed: the element-wise
 * ones ({@link Elementwise}), {@link Softmax}, which mixes a row, and {@link Custom}, an element-wise
 * one defined by a script.
 */
public sealed interface Activation permits Activation.Elementwise, Softmax, Custom {

    /** The built-in names, in the order messages list them. */
    java.util.List<String> BUILT_IN = java.util.List.of("sigmoid", "tanh", "relu", "leakyRelu", "identity", "softmax");

    /** The name scripts use: {@code 'sigmoid'}, {@code 'relu'}, … */
    String name();

    /** a = f(z), row by row; a and z have the same shape. */
    void forward(Matrix z, Matrix a);

    /** ∂L/∂z from ∂L/∂a: {@code gradZ = gradA ⊙ f'(z)} for element-wise ones; gradZ may be gradA. */
    void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ);

    /** Whether a unit with output a is saturated (σ beyond 0.99 of its range) or, for ReLU, dead. */
    boolean saturated(double a);

    /** The built-in activation with this name; the error lists the names there are. */
    static Activation named(String name) {
        return named(name, java.util.Map.of());
    }

    /**
     * The activation with this name: a built-in one, else one of {@code custom} (name → activation, as
     * defined in a sandbox by {@code nn.activation}); the error lists the names there are.
     */
    static Activation named(String name, java.util.Map<String, ? extends Activation> custom) {
        Activation own = custom.get(name);
        if (own != null && !BUILT_IN.contains(name)) {
            return own;
        }
        return switch (name) {
            case "sigmoid" -> Sigmoid.INSTANCE;
            case "tanh" -> Tanh.INSTANCE;
            case "relu" -> Relu.INSTANCE;
            case "leakyRelu" -> LeakyRelu.INSTANCE;
            case "identity" -> Identity.INSTANCE;
            case "softmax" -> Softmax.INSTANCE;
            default -> throw new ValueError("unknown activation '" + name
                    + "'; use 'sigmoid', 'tanh', 'relu', 'leakyRelu', 'identity' or (output only) 'softmax'"
                    + (custom.isEmpty() ? "" : ", or one defined here: '" + String.join("', '", custom.keySet()) + "'")
                    + ", or define your own first: nn.activation('" + name + "', { f: (z) => …, df: (z, a) => … })");
        };
    }

    /** An activation applied to each element on its own, with its derivative beside it. */
    sealed interface Elementwise extends Activation permits Sigmoid, Tanh, Relu, LeakyRelu, Identity {

        /** f(z). */
        double apply(double z);

        /** f'(z), given z and a = f(z) (sigmoid and tanh read it off a). */
        double derivative(double z, double a);

        @Override
        default void forward(Matrix z, Matrix a) {
            var zs = z.data();
            var as = a.data();
            for (int k = 0, n = z.size(); k < n; k++) {
                as.put(k, apply(zs.get(k)));
            }
        }

        @Override
        default void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
            var zs = z.data();
            var as = a.data();
            var ga = gradA.data();
            var gz = gradZ.data();
            for (int k = 0, n = z.size(); k < n; k++) {
                gz.put(k, ga.get(k) * derivative(zs.get(k), as.get(k)));
            }
        }
    }
}
