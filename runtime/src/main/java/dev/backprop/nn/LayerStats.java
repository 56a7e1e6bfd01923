package dev.backprop.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * One layer's health after the latest forward, backward and step (what {@code net.stats()} shows).
 *
 * @param layer       1-based layer index
 * @param activation  the activation's name
 * @param mean        mean of the layer's activations a over the latest training batch (NaN before any forward)
 * @param std         their standard deviation (population, over all examples × units)
 * @param saturated   fraction saturated: for sigmoid, tanh and softmax the activations beyond 0.99 of
 *                    their range (σ &lt; 0.01 or &gt; 0.99, |tanh| &gt; 0.99) over all examples × units, where σ'
 *                    is nearly zero and δ is throttled; for relu and leakyRelu the dead units, those with
 *                    z ≤ 0 on every example of the batch; 0 for identity
 * @param gradNorm    ‖(∂L/∂W, ∂L/∂b)‖₂ from the latest backward
 * @param updateRatio ‖ΔW‖ / ‖W‖ of the latest step (about 1e-3 is healthy), NaN before any step or when W is frozen
 */
public record LayerStats(int layer, String activation, double mean, double std, double saturated, double gradNorm,
        double updateRatio) {

    /** The stats of every layer of {@code net}, input side first. */
    static List<LayerStats> of(Network net) {
        List<LayerStats> out = new ArrayList<>();
        for (Dense d : net.layers()) {
            out.add(of(d, net.lastInput() != null));
        }
        return out;
    }

    private static LayerStats of(Dense d, boolean hasForward) {
        double mean = Double.NaN;
        double std = Double.NaN;
        double saturated = Double.NaN;
        if (hasForward && d.a() != null) {
            Matrix a = d.a();
            int n = a.size();
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += a.at(k);
            }
            mean = sum / n;
            double sq = 0;
            for (int k = 0; k < n; k++) {
                double e = a.at(k) - mean;
                sq += e * e;
            }
            std = Math.sqrt(sq / n);
            saturated = saturatedFraction(d);
        }
        double gW = Math.sqrt(sumSquares(d.W().grad()));
        double gB = Math.sqrt(sumSquares(d.b().grad()));
        double gradNorm = Math.hypot(gW, gB);
        double w = Math.sqrt(sumSquares(d.W().value()));
        double ratio = d.W().trainable() ? d.W().lastUpdateNorm() / w : Double.NaN;
        return new LayerStats(d.index(), d.activation().name(), mean, std, saturated, gradNorm, ratio);
    }

    private static double saturatedFraction(Dense d) {
        Matrix a = d.a();
        int rows = a.rows();
        int cols = a.cols();
        Activation act = d.activation();
        if (act.unitsCanDie()) {
            int dead = 0;
            for (int j = 0; j < cols; j++) {
                boolean alive = false;
                for (int i = 0; i < rows && !alive; i++) {
                    alive = d.z().at(i * cols + j) > 0;
                }
                dead += alive ? 0 : 1;
            }
            return (double) dead / cols;
        }
        int count = 0;
        for (int k = 0, n = a.size(); k < n; k++) {
            count += act.saturated(a.at(k)) ? 1 : 0;
        }
        return (double) count / a.size();
    }

    private static double sumSquares(Matrix m) {
        double s = 0;
        for (int k = 0, n = m.size(); k < n; k++) {
            s += m.at(k) * m.at(k);
        }
        return s;
    }
}
