package dev.backprop.nn;

/** The lesson's loss: Lᵢ = ½·Σₖ(ŷₖ − yₖ)², L = mean over the batch; ∂Lᵢ/∂ŷ = ŷ − y. */
public record Squared() implements Loss {
    public static final Squared INSTANCE = new Squared();

    @Override
    public String name() {
        return "squared";
    }

    @Override
    public double value(Matrix z, Matrix a, Matrix y) {
        var as = a.data();
        var ys = y.data();
        double total = 0;
        for (int k = 0, n = a.size(); k < n; k++) {
            double d = as.get(k) - ys.get(k);
            total += 0.5 * d * d;
        }
        return total / a.rows();
    }

    @Override
    public void outputDelta(Matrix z, Matrix a, Matrix y, Activation output, Matrix delta, Matrix scratch) {
        var as = a.data();
        var ys = y.data();
        var g = scratch.data();
        for (int k = 0, n = a.size(); k < n; k++) {
            g.put(k, as.get(k) - ys.get(k)); // ∂Lᵢ/∂ŷ = ŷ − y
        }
        output.backward(z, a, scratch, delta); // δ_o = (ŷ − y) ⊙ σ'(z)
    }
}
