package dev.backprop.nn;

/** σ(z) = 1 / (1 + e⁻ᶻ); σ'(z) = σ(z)·(1 − σ(z)), read off the cached a as in the lesson. */
public record Sigmoid() implements Activation.Elementwise {
    public static final Sigmoid INSTANCE = new Sigmoid();

    @Override
    public double apply(double z) {
        return 1.0 / (1.0 + StrictMath.exp(-z));
    }

    @Override
    public double derivative(double z, double a) {
        return a * (1.0 - a);
    }

    @Override
    public boolean saturated(double a) {
        return a < 0.01 || a > 0.99;
    }
}
