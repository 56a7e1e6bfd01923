package dev.backprop.nn;

/**
 * An activation a = f(z), applied to each row of a batch. The family is closed: the element-wise
 * ones ({@link Elementwise}), {@link Softmax}, which mixes a row, and {@link Custom}, an element-wise
 * one defined by a script.
 */
public sealed interface Activation permits Activation.Elementwise, Softmax, Custom {

    /**
     * The built-in activations, read off {@code permits} (adding one is a new file and its line there). A method,
     * not a field: members' class initialisation runs this interface's, which must not read them half-made.
     */
    static java.util.List<Activation> builtIns() {
        return Family.members(Activation.class);
    }

    /** The names a hidden layer may use (element-wise ones), in the order messages list them. */
    static java.util.List<String> hiddenNames() {
        return builtIns().stream().filter(Activation::hiddenAllowed).map(Activation::name).toList();
    }

    /** {@code 'sigmoid', 'tanh', … or 'identity'}: {@link #hiddenNames()} as messages list them. */
    static String hiddenNamesListed() {
        return Family.quotedList(hiddenNames());
    }

    /** The built-in names, in the order messages list them. */
    static java.util.List<String> builtInNames() {
        return builtIns().stream().map(Activation::name).toList();
    }

    /** The name scripts use: {@code 'sigmoid'}, {@code 'leakyRelu'}, …, the class's name in lowerCamelCase. */
    default String name() {
        return Family.name(getClass());
    }

    /** a = f(z), row by row; a and z have the same shape. */
    void forward(Matrix z, Matrix a);

    /** ∂L/∂z from ∂L/∂a: {@code gradZ = gradA ⊙ f'(z)} for element-wise ones; gradZ may be gradA. */
    void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ);

    /** Whether a unit with output a is saturated (σ beyond 0.99 of its range) or, for ReLU, dead. */
    boolean saturated(double a);

    /** Whether a hidden layer may use it (softmax mixes a row: output only). */
    default boolean hiddenAllowed() {
        return true;
    }

    /** The weight initialisation a layer gets when the script names none ('he' for the ReLU family). */
    default Init defaultInit() {
        return Init.XAVIER;
    }

    /** Whether layer statistics count units dead over the whole batch (ReLU) rather than saturated outputs. */
    default boolean unitsCanDie() {
        return false;
    }

    /** The built-in activation with this name; the error lists the names there are. */
    static Activation named(String name) {
        return named(name, java.util.Map.of());
    }

    /**
     * The activation with this name: a built-in one, else one of {@code custom} (name → activation, as
     * defined in a sandbox by {@code nn.activation}); the error lists the names there are.
     */
    static Activation named(String name, java.util.Map<String, ? extends Activation> custom) {
        for (Activation a : builtIns()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        Activation own = custom.get(name);
        if (own != null) {
            return own;
        }
        java.util.List<String> hidden = builtIns().stream().filter(Activation::hiddenAllowed).map(Activation::name)
                .toList();
        java.util.List<String> outputOnly = builtIns().stream().filter(a -> !a.hiddenAllowed()).map(Activation::name)
                .toList();
        throw new ValueError("unknown activation '" + name + "'; use " + String.join(", ", hidden.stream()
                .map(n -> "'" + n + "'").toList())
                + (outputOnly.isEmpty() ? "" : " or (output only) " + Family.quotedList(outputOnly))
                + (custom.isEmpty() ? "" : ", or one defined here: '" + String.join("', '", custom.keySet()) + "'")
                + ", or define your own first: nn.activation('" + name + "', { f: (z) => …, df: (z, a) => … })");
    }

    /** An activation applied to each element on its own, with its derivative beside it. */
    sealed interface Elementwise extends Activation permits Sigmoid, Tanh, Rectifier, Identity {

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
