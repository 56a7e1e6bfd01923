package dev.backprop.nn;

/** PyTorch's MSELoss: L = mean over all B·K elements of (ŷ − y)²; ∂Lᵢ/∂ŷ = 2(ŷ − y)/K. */
public record Mse() implements Loss {
    public static final Mse INSTANCE = new Mse();

    @Override
    public double value(Matrix z, Matrix a, Matrix y) {
        return Squared.sumOfSquares(a, y) / a.size();
    }

    @Override
    public void outputDelta(Matrix z, Matrix a, Matrix y, Activation output, Matrix delta, Matrix scratch) {
        Squared.error(a, y, 2.0 / a.cols(), scratch);
        output.backward(z, a, scratch, delta);
    }
}
