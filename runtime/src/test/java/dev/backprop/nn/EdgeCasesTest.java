package dev.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The lesson's Edge Cases: already correct, saturated neurons, deeper networks. */
class EdgeCasesTest {

    @Test
    void alreadyCorrectGivesZeroGradientsAndNoWeightMoves() {
        Network net = Network.toy(true);
        Matrix x = Matrix.of(1, 2, 0.5, 0.9);
        double yhat = net.forward(x).at(0);
        double[][] before = new double[4][];
        for (int i = 0; i < 4; i++) {
            before[i] = net.params().get(i).value().toArray();
        }
        assertEquals(0.0, net.backward(Matrix.of(1, 1, yhat)), "ŷ = y: no loss");
        assertEquals(0.0, net.layer(2).delta().at(0), "δ_o = (ŷ − y)·σ'(z_o) = 0");
        for (Param p : net.params()) {
            assertArrayEquals(new double[p.size()], p.grad().toArray(), 0.0, p.name() + " gradient");
        }
        net.step(0.5);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(before[i], net.params().get(i).value().toArray(), 0.0, "no weight moves");
        }
    }

    @Test
    void aSaturatedSigmoidThrottlesDelta() {
        Network net = Network.toy(false);
        // hidden unit 1 driven hard: z = 15·0.5 + 20·0.9 + 0.35 = 25.85, σ(z) ≈ 1 − 6e-12
        net.layer(1).W().setAll(new double[] {15, 20, 0.25, 0.30});
        net.forward(Matrix.of(1, 2, 0.5, 0.9));
        net.backward(Matrix.of(1, 1, 1.0));
        double deltaO = net.layer(2).delta().at(0);
        double[] a = net.layer(1).a().toArray();
        double[] deltaH = net.layer(1).delta().toArray();
        // δ_h = (W₂·δ_o) ⊙ a(1−a): the same incoming error, but unit 1's σ' is nearly zero
        double s1 = 1 / (1 + Math.exp(-25.85));
        assertEquals(0.40 * deltaO * s1 * (1 - s1), deltaH[0], 1e-22);
        assertTrue(Math.abs(deltaH[0] / (0.40 * deltaO)) < 1e-10, "saturated: almost nothing gets through");
        assertTrue(Math.abs(deltaH[1] / (0.45 * deltaO)) > 0.2, "unsaturated: a(1−a) ≈ 0.22 gets through");
        assertEquals(0.0, net.layer(1).W().grad().at(0), 1e-11);
        assertTrue(a[0] > 0.99);
        assertEquals(0.5, net.stats().get(0).saturated(), "one of the two hidden units is saturated");
    }

    static Matrix batch(int rows, int cols, long seed) {
        Rng rng = new Rng(seed);
        Matrix m = Matrix.zeros(rows, cols);
        for (int k = 0; k < m.size(); k++) {
            m.put(k, rng.uniform(-1, 1));
        }
        return m;
    }

    static double[] weightGradNorms(Network net) {
        List<GradNorm> norms = net.gradNorms();
        double[] out = new double[norms.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = norms.get(i).W();
        }
        return out;
    }

    static final int[] DEEP = {16, 32, 32, 32, 32, 32, 32, 32, 32, 32, 4};

    @Test
    void tenSigmoidLayersVanishTowardTheInput() {
        Network net = Network.builder(DEEP).activation("sigmoid").loss("squared").init("xavier").seed(1).build();
        net.forward(batch(32, 16, 2));
        net.backward(batch(32, 4, 3));
        double[] n = weightGradNorms(net);
        assertEquals(10, n.length);
        // each extra layer multiplies in another σ' ≤ 1/4: from the output back to the input they shrink
        for (int l = 0; l < 9; l++) {
            assertTrue(n[l] < n[l + 1], "‖∂L/∂W" + (l + 1) + "‖ = " + n[l] + " should be below ‖∂L/∂W" + (l + 2)
                    + "‖ = " + n[l + 1]);
        }
        assertTrue(n[0] < 1e-3 * n[9], "W1's gradient is over 1000 times smaller than W10's: " + n[0] + " vs " + n[9]);
    }

    @Test
    void tenReluLayersWithHeInitKeepTheirScale() {
        Network net = Network.builder(DEEP).activation("relu").output("identity").loss("mse").init("he").seed(1).build();
        net.forward(batch(32, 16, 2));
        net.backward(batch(32, 4, 3));
        double[] n = weightGradNorms(net);
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double v : n) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(min > 0, "no layer's gradient vanished");
        assertTrue(max / min < 10, "within an order of magnitude: " + java.util.Arrays.toString(n));
    }
}
