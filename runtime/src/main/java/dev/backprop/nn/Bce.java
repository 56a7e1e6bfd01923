package dev.backprop.nn;

/**
 * Binary cross-entropy from the logits z (so saturated outputs never give NaN or ∞):
 * per element max(z, 0) − z·y + log(1 + e^−|z|), mean over all B·K elements; ∂Lᵢ/∂z = (σ(z) − y)/K.
 */
public record Bce() implements Loss {
    public static final Bce INSTANCE = new Bce();

    @Override
    public double value(Matrix z, Matrix a, Matrix y) {
        var zs = z.data();
        var ys = y.data();
        double total = 0;
        for (int k = 0, n = z.size(); k < n; k++) {
            double zk = zs.get(k);
            total += Math.max(zk, 0) - zk * ys.get(k) + StrictMath.log1p(StrictMath.exp(-Math.abs(zk)));
        }
        return total / z.size();
    }

    @Override
    public void outputDelta(Matrix z, Matrix a, Matrix y, Activation output, Matrix delta, Matrix scratch) {
        Squared.error(a, y, 1.0 / a.cols(), delta); // the sigmoid's σ' cancels against the loss's 1/(a(1−a))
    }

    @Override
    public Activation requiredOutput() {
        return Sigmoid.INSTANCE;
    }

    @Override
    public void checkTargets(Matrix y, int batch, int outputs) {
        Loss.super.checkTargets(y, batch, outputs);
        for (int k = 0, n = y.size(); k < n; k++) {
            double v = y.at(k);
            if (v < 0 || v > 1) {
                throw new ValueError("loss '" + name() + "' needs targets between 0 and 1; y[" + k / outputs + "]["
                        + k % outputs + "] is " + v);
            }
        }
    }
}
