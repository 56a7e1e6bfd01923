package dev.backprop.nn;

/**
 * An element-wise activation defined outside the engine, e.g. by a script's {@code f(z)} and
 * {@code df(z, a)}: the engine hands its {@link Body} a whole layer at a time (one call per layer,
 * not per element), so a slow boundary is crossed once per forward or backward of a layer. The
 * body must write finite numbers and raise a ValueError naming the activation otherwise.
 */
public final class Custom implements Activation {
    /** What a custom activation may be called: an identifier of at most 40 characters. */
    public static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,39}");
    private final String name;
    private final Body body;

    /** f and f' over a whole layer, element by element. */
    public interface Body {
        /** a = f(z) for every element. */
        void forward(Matrix z, Matrix a);

        /** gradZ = gradA ⊙ f'(z, a) for every element; gradZ may be gradA. */
        void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ);
    }

    /** A custom activation; {@code name} must not be a built-in one (see {@link Activation#builtInNames()}). */
    public Custom(String name, Body body) {
        if (!NAME.matcher(name).matches()) {
            throw new ValueError("an activation's name is letters, digits, _ or $, not starting with a digit, at most 40"
                    + " characters, like 'swish'; got '" + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + "'");
        }
        if (Activation.builtInNames().contains(name)) {
            throw new ValueError("'" + name + "' is a built-in activation and cannot be redefined; give yours"
                    + " another name, e.g. 'my" + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "'");
        }
        this.name = name;
        this.body = body;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        body.forward(z, a);
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        body.backward(z, a, gradA, gradZ);
    }

    /** Unknown for a function the engine cannot see into: never reported as saturated. */
    @Override
    public boolean saturated(double a) {
        return false;
    }

    @Override
    public String toString() {
        return "Custom[" + name + "]";
    }
}
