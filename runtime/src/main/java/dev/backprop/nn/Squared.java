package dev.backprop.nn;

/** The lesson's loss: Lᵢ = ½·Σₖ(ŷₖ − yₖ)², L = mean over the batch; ∂Lᵢ/∂ŷ = ŷ − y. */
public record Squared() implements Loss {
    public static final Squared INSTANCE = new Squared();

    @Override
    public double value(Matrix z, Matrix a, Matrix y) {
        return 0.5 * sumOfSquares(a, y) / a.rows();
    }

    @Override
    public void outputDelta(Matrix z, Matrix a, Matrix y, Activation output, Matrix delta, Matrix scratch) {
        error(a, y, 1.0, scratch); // ∂Lᵢ/∂ŷ = ŷ − y
        output.backward(z, a, scratch, delta); // δ_o = (ŷ − y) ⊙ σ'(z)
    }

    /** Σ over all elements of (ŷ − y)²: the lesson's loss and {@link Mse} scale it their own ways. */
    static double sumOfSquares(Matrix a, Matrix y) {
        var as = a.data();
        var ys = y.data();
        double total = 0;
        for (int k = 0, n = a.size(); k < n; k++) {
            double d = as.get(k) - ys.get(k);
            total += d * d;
        }
        return total;
    }

    /** out = scale·(ŷ − y), element by element: the lesson's error, which {@link Mse} and {@link Bce} scale. */
    static void error(Matrix a, Matrix y, double scale, Matrix out) {
        var as = a.data();
        var ys = y.data();
        var g = out.data();
        for (int k = 0, n = a.size(); k < n; k++) {
            g.put(k, scale * (as.get(k) - ys.get(k)));
        }
    }
}
