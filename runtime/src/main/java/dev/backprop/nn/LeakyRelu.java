package dev.backprop.nn;

/** leakyRelu(z) = z for z &gt; 0, else 0.01·z; its derivative is 1 or 0.01 (0.01 at the kink, as PyTorch). */
public record LeakyRelu() implements Rectifier {
    public static final LeakyRelu INSTANCE = new LeakyRelu();
    /** The slope for negative z. */
    public static final double SLOPE = 0.01;

    @Override
    public double apply(double z) {
        return z > 0 ? z : SLOPE * z;
    }

    @Override
    public double derivative(double z, double a) {
        return z > 0 ? 1.0 : SLOPE;
    }

    @Override
    public boolean saturated(double a) {
        return a <= 0.0;
    }
}
