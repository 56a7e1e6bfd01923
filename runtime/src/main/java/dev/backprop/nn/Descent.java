package dev.backprop.nn;

import java.nio.DoubleBuffer;

/**
 * The gradient-descent update w ← w − lr·d, the one copy of it: {@link Network#step(double)}, the SGD
 * optimizer ({@code dev.backprop.optim.Sgd}) and checkGrads' stale-weights mistake all apply it.
 */
public final class Descent {
    private Descent() {
    }

    /**
     * w ← w − lr·d element by element (d = ∂L/∂w for plain SGD, or a direction such as a momentum
     * buffer); modifies w, which has d's size. Returns ‖lr·d‖², the squared size of the update.
     */
    public static double step(Matrix w, Matrix d, double lr) {
        DoubleBuffer ws = w.data();
        DoubleBuffer ds = d.data();
        // ‖Δw‖² in four running sums (k mod 4), added at the end: one chain of dependent adds over the 100k
        // weights of a W2 layer cost ~10 % of a training step. A fixed order, so still the same bits every run.
        double sq0 = 0;
        double sq1 = 0;
        double sq2 = 0;
        double sq3 = 0;
        int n = w.size();
        int k = 0;
        for (; k + 3 < n; k += 4) {
            double d0 = lr * ds.get(k);
            double d1 = lr * ds.get(k + 1);
            double d2 = lr * ds.get(k + 2);
            double d3 = lr * ds.get(k + 3);
            ws.put(k, ws.get(k) - d0); // w ← w − η·d
            ws.put(k + 1, ws.get(k + 1) - d1);
            ws.put(k + 2, ws.get(k + 2) - d2);
            ws.put(k + 3, ws.get(k + 3) - d3);
            sq0 += d0 * d0;
            sq1 += d1 * d1;
            sq2 += d2 * d2;
            sq3 += d3 * d3;
        }
        for (; k < n; k++) {
            double delta = lr * ds.get(k);
            ws.put(k, ws.get(k) - delta);
            sq0 += delta * delta;
        }
        return (sq0 + sq1) + (sq2 + sq3);
    }
}
