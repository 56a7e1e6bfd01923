package dev.backprop.nn;

/** PyTorch's MSELoss: L = mean over all B·K elements of (ŷ − y)²; ∂Lᵢ/∂ŷ = 2(ŷ − y)/K. */
public record Mse() implements Loss {
    public static final Mse INSTANCE = new Mse();

    @Override
    public String name() {
        return "mse";
    }

    @Override
    public double value(Matrix z, Matrix a, Matrix y) {
        var as = a.data();
        var ys = y.data();
        double total = 0;
        for (int k = 0, n = a.size(); k < n; k++) {
            double d = as.get(k) - ys.get(k);
            total += d * d;
        }
        return total / a.size();
    }

    @Override
    public void outputDelta(Matrix z, Matrix a, Matrix y, Activation output, Matrix delta, Matrix scratch) {
        var as = a.data();
        var ys = y.data();
        var g = scratch.data();
        double scale = 2.0 / a.cols();
        for (int k = 0, n = a.size(); k < n; k++) {
            g.put(k, scale * (as.get(k) - ys.get(k)));
        }
        output.backward(z, a, scratch, delta);
    }
}
