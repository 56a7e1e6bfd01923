package dev.backprop.nn;

/** relu(z) = max(0, z); relu'(z) = 1 for z &gt; 0, else 0 (PyTorch's choice at the kink). */
public record Relu() implements Rectifier {
    public static final Relu INSTANCE = new Relu();

    @Override
    public double apply(double z) {
        return z > 0 ? z : 0.0;
    }

    @Override
    public double derivative(double z, double a) {
        return z > 0 ? 1.0 : 0.0;
    }

    @Override
    public boolean saturated(double a) {
        return a == 0.0;
    }
}
