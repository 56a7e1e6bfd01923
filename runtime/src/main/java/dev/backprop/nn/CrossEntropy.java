package dev.backprop.nn;

/**
 * Cross-entropy fused with softmax: Lᵢ = Σₖ yₖ·(logΣⱼe^(zⱼ) − zₖ) (= −log softmax(z)[class] for one-hot
 * y), L = mean over the batch; ∂Lᵢ/∂z = softmax(z)·Σₖyₖ − y (= softmax(z) − y when the row sums
 * to 1, as torch.nn.functional.cross_entropy with probability targets). Targets are one-hot rows,
 * soft rows (any finite values) or one class index per example.
 */
public record CrossEntropy() implements Loss {
    public static final CrossEntropy INSTANCE = new CrossEntropy();

    @Override
    public double value(Matrix z, Matrix a, Matrix y) {
        var zs = z.data();
        int cols = z.cols();
        boolean indices = isClassIndices(y, cols);
        double total = 0;
        for (int i = 0, rows = z.rows(); i < rows; i++) {
            int o = i * cols;
            double max = Softmax.rowMax(zs, o, cols);
            double sum = 0;
            for (int k = 0; k < cols; k++) {
                sum += StrictMath.exp(zs.get(o + k) - max);
            }
            double logSumExp = max + StrictMath.log(sum); // log Σⱼ e^(zⱼ), shifted by max z so no e^z overflows
            if (indices) {
                total += logSumExp - zs.get(o + (int) y.at(i));
            } else {
                for (int k = 0; k < cols; k++) {
                    double yk = y.at(o + k);
                    if (yk != 0) {
                        total += yk * (logSumExp - zs.get(o + k));
                    }
                }
            }
        }
        return total / z.rows();
    }

    @Override
    public void outputDelta(Matrix z, Matrix a, Matrix y, Activation output, Matrix delta, Matrix scratch) {
        var as = a.data();
        var d = delta.data();
        int cols = a.cols();
        boolean indices = isClassIndices(y, cols);
        for (int i = 0, rows = a.rows(); i < rows; i++) {
            int o = i * cols;
            double mass = 1.0; // Σₖ yₖ: 1 for a class index or a one-hot row, anything for soft targets
            if (!indices) {
                mass = 0;
                for (int k = 0; k < cols; k++) {
                    mass += y.at(o + k);
                }
            }
            for (int k = 0; k < cols; k++) {
                double target = indices ? (k == (int) y.at(i) ? 1.0 : 0.0) : y.at(o + k);
                d.put(o + k, as.get(o + k) * mass - target); // δ = softmax(z)·Σy − y
            }
        }
    }

    @Override
    public Activation requiredOutput() {
        return Softmax.INSTANCE;
    }

    @Override
    public void checkTargets(Matrix y, int batch, int outputs) {
        if (isClassIndices(y, outputs) && y.rows() == batch) {
            for (int i = 0; i < batch; i++) {
                double c = y.at(i);
                if (c != Math.rint(c) || c < 0 || c >= outputs) {
                    throw new ValueError("class index y[" + i + "] is " + Checks.js(c) + "; " + name() + " class indices must be"
                            + " whole numbers from 0 to " + (outputs - 1));
                }
            }
            return;
        }
        if (y.rows() != batch || y.cols() != outputs) {
            throw new ShapeError(name() + " expects targets as one-hot rows [" + batch + ", " + outputs
                    + "] or " + batch + " class indices, got " + y.shapeString());
        }
        Checks.finite("targets", "y", y);
    }

    /** One column of class indices, when the network has more than one output. */
    static boolean isClassIndices(Matrix y, int outputs) {
        return y.cols() == 1 && outputs > 1;
    }
}
