package dev.backprop.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Central differences against backward: for every parameter element, n = (L(p + ε) − L(p − ε)) / 2ε
 * is compared with backward's ∂L/∂p. Each parameter gets one relative error over its whole vector,
 * <pre>  rel = ‖a − n‖₂ / max(‖a‖₂ + ‖n‖₂, FLOOR)</pre>
 * (a analytic, n numeric), and {@code maxRelError} is the largest of them.
 *
 * <p>Why this definition: dividing by ‖a‖ + ‖n‖ makes the error scale-free and bounded by 1 (a
 * sign flip gives exactly 1); taking norms over the whole parameter instead of element by element
 * keeps a single tiny element from dominating. The {@link #FLOOR} handles gradients that are
 * (nearly) zero, where any ratio would only measure noise: the central difference carries a
 * rounding error of about ε_mach·|L|/ε ≈ 1e-16/1e-6 = 1e-10 per element, so an all-zero gradient
 * would read rel ≈ 1 without a floor; with a floor of 1e-4 such noise stays near 1e-6 or below,
 * while a real mistake in any gradient larger than about 1e-9 still shows as a relative error
 * well above 1e-6. Kinks (ReLU at z = 0) within ε of a perturbed input make the numeric value
 * meaningless there; with random weights that has probability close to zero.
 *
 * @param maxRelError the largest per-parameter relative error
 * @param params      the relative error per parameter, in order W1, b1, W2, b2, …
 */
public record GradCheck(double maxRelError, Map<String, Double> params) {
    /** The denominator's floor; see the class comment for the reasoning. */
    public static final double FLOOR = 1e-4;
    /** The default step ε of the central difference. */
    public static final double DEFAULT_EPS = 1e-6;
    /** The most multiply-adds one check may cost (about 2·P forward passes of P·B each): a few seconds. */
    public static final double MAX_WORK = 2e9;

    public GradCheck {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** rel = ‖a − n‖₂ / max(‖a‖₂ + ‖n‖₂, FLOOR). */
    public static double relativeError(double[] analytic, double[] numeric) {
        double diff = 0;
        double na = 0;
        double nn = 0;
        for (int k = 0; k < analytic.length; k++) {
            double d = analytic[k] - numeric[k];
            diff += d * d;
            na += analytic[k] * analytic[k];
            nn += numeric[k] * numeric[k];
        }
        return Math.sqrt(diff) / Math.max(Math.sqrt(na) + Math.sqrt(nn), FLOOR);
    }

    /** Numeric gradients of the loss on (x, y) for every parameter of {@code net}, in params() order. */
    static double[][] numericGradients(Network net, Matrix x, Matrix y, double eps) {
        double[][] out = new double[net.params().size()][];
        for (int i = 0; i < out.length; i++) {
            Param p = net.params().get(i);
            Matrix v = p.value();
            out[i] = new double[p.size()];
            for (int k = 0; k < p.size(); k++) {
                Account.checkStop(); // two losses per element: a large net takes long
                double saved = v.at(k);
                double plus;
                double minus;
                try {
                    v.put(k, saved + eps);
                    p.touch();
                    plus = net.loss(x, y);
                    v.put(k, saved - eps);
                    p.touch();
                    minus = net.loss(x, y);
                } finally { // stopped or failed half-way, the weight is still put back
                    v.put(k, saved);
                    p.touch();
                }
                out[i][k] = (plus - minus) / (2 * eps); // n = (L(p + ε) − L(p − ε)) / 2ε
            }
        }
        return out;
    }

    /** Runs the check on a copy of {@code net}, so its caches and gradients stay as they were. */
    static GradCheck run(Network net, Matrix x, Matrix y, double eps) {
        Checks.positive("gradCheck eps", eps);
        double work = 2.0 * net.parameterCount() * net.parameterCount() * x.rows();
        if (work > MAX_WORK) {
            throw new LimitError(String.format(Locale.ROOT, "gradCheck runs 2 forward passes per parameter: for %d"
                    + " parameters and %d examples that is about %.1e multiply-adds, more than the %.0e allowed; check a smaller"
                    + " network of the same kind, or pass only a few rows of x (2 to 4 are enough)",
                    net.parameterCount(), x.rows(), work, MAX_WORK));
        }
        Network copy = net.copy();
        copy.forward(x);
        copy.backward(y);
        double[][] numeric = numericGradients(copy, x, y, eps);
        Map<String, Double> rel = new LinkedHashMap<>();
        double max = 0;
        for (int i = 0; i < numeric.length; i++) {
            Param p = copy.params().get(i);
            double r = relativeError(p.grad().toArray(), numeric[i]);
            rel.put(p.name(), r);
            max = Math.max(max, r);
        }
        return new GradCheck(max, rel);
    }
}
