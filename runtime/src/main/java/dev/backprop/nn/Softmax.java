package dev.backprop.nn;

/**
 * softmax(z)ₖ = e^(zₖ − max z) / Σⱼ e^(zⱼ − max z), per row. Its derivative is a Jacobian, so
 * backward applies it whole: ∂L/∂zₖ = aₖ·(∂L/∂aₖ − Σⱼ aⱼ·∂L/∂aⱼ).
 */
public record Softmax() implements Activation {
    public static final Softmax INSTANCE = new Softmax();

    @Override
    public void forward(Matrix z, Matrix a) {
        var zs = z.data();
        var as = a.data();
        int cols = z.cols();
        for (int i = 0, rows = z.rows(); i < rows; i++) {
            int o = i * cols;
            double max = rowMax(zs, o, cols);
            double sum = 0;
            for (int k = 0; k < cols; k++) {
                double e = StrictMath.exp(zs.get(o + k) - max);
                as.put(o + k, e);
                sum += e;
            }
            for (int k = 0; k < cols; k++) {
                as.put(o + k, as.get(o + k) / sum);
            }
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        var as = a.data();
        var ga = gradA.data();
        var gz = gradZ.data();
        int cols = a.cols();
        for (int i = 0, rows = a.rows(); i < rows; i++) {
            int o = i * cols;
            double dot = 0;
            for (int k = 0; k < cols; k++) {
                dot += as.get(o + k) * ga.get(o + k);
            }
            for (int k = 0; k < cols; k++) {
                gz.put(o + k, as.get(o + k) * (ga.get(o + k) - dot));
            }
        }
    }

    /** max z over one row (cols values from offset o): subtracted before e^z so that none overflows. */
    static double rowMax(java.nio.DoubleBuffer zs, int o, int cols) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < cols; k++) {
            max = Math.max(max, zs.get(o + k));
        }
        return max;
    }

    @Override
    public boolean saturated(double a) {
        return a > 0.99;
    }

    @Override
    public boolean hiddenAllowed() {
        return false;
    }
}
