package dev.backprop.nn;

/** identity(z) = z; derivative 1. */
public record Identity() implements Activation.Elementwise {
    public static final Identity INSTANCE = new Identity();

    @Override
    public double apply(double z) {
        return z;
    }

    @Override
    public double derivative(double z, double a) {
        return 1.0;
    }

    @Override
    public boolean saturated(double a) {
        return false;
    }
}
