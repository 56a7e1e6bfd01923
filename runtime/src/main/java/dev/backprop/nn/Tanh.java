package dev.backprop.nn;

/** tanh(z); tanh'(z) = 1 − a². */
public record Tanh() implements Activation.Elementwise {
    public static final Tanh INSTANCE = new Tanh();

    @Override
    public double apply(double z) {
        return StrictMath.tanh(z);
    }

    @Override
    public double derivative(double z, double a) {
        return 1.0 - a * a;
    }

    @Override
    public boolean saturated(double a) {
        return Math.abs(a) > 0.99;
    }
}
