package dev.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** net.stats(): activation mean and std, saturation or dead units, gradient norm and update:data ratio per layer. */
class StatsTest {

    @Test
    void toyNetStatsFromTheLessonsNumbers() {
        Network net = Network.toy(false);
        List<LayerStats> before = net.stats();
        assertTrue(Double.isNaN(before.get(0).mean()), "no forward yet");
        assertTrue(Double.isNaN(before.get(0).updateRatio()), "no step yet");
        net.forward(Matrix.of(1, 2, 0.5, 0.9));
        net.backward(Matrix.of(1, 1, 1.0));
        net.step(0.5);
        LayerStats hidden = net.stats().get(0);
        // a = [σ(0.15·0.5 + 0.20·0.9 + 0.35), σ(0.25·0.5 + 0.30·0.9 + 0.35)] = [σ(0.605), σ(0.745)]
        double a1 = 1 / (1 + Math.exp(-0.605));
        double a2 = 1 / (1 + Math.exp(-0.745));
        assertEquals(1, hidden.layer());
        assertEquals("sigmoid", hidden.activation());
        assertEquals((a1 + a2) / 2, hidden.mean(), 1e-15);
        assertEquals(Math.abs(a1 - a2) / 2, hidden.std(), 1e-15);
        assertEquals(0.0, hidden.saturated());
        // ∂L/∂W1 and ∂L/∂b1 of the lesson (PyTorch reference values, toy_reference.json)
        double[] dW1 = {-0.001971638946344358, -0.0035489501034198442, -0.002119395041079956, -0.0038149110739439207};
        double[] db1 = {-0.003943277892688716, -0.004238790082159912};
        double sq = 0;
        for (double g : dW1) {
            sq += g * g;
        }
        for (double g : db1) {
            sq += g * g;
        }
        assertEquals(Math.sqrt(sq), hidden.gradNorm(), 1e-15);
        // update:data = ‖0.5·∂L/∂W1‖ / ‖W1 after the step‖
        double upd = 0;
        double w = 0;
        double[] w1 = {0.15, 0.20, 0.25, 0.30};
        for (int k = 0; k < 4; k++) {
            upd += 0.25 * dW1[k] * dW1[k];
            double nw = w1[k] - 0.5 * dW1[k];
            w += nw * nw;
        }
        assertEquals(Math.sqrt(upd) / Math.sqrt(w), hidden.updateRatio(), 1e-15);
    }

    @Test
    void deadReluUnitsAreCounted() {
        Network net = Network.builder(2, 4, 1).activation("relu").output("identity").loss("mse").init("zeros").build();
        // units 1 and 3 always negative for inputs in [0, 1]², units 2 and 4 positive for some
        net.param("W1").setAll(new double[] {-1, -1, 1, 0, -2, -0.5, 0, 1});
        net.param("b1").setAll(new double[] {-0.1, 0, -0.1, 0});
        net.forward(Matrix.fromRows(new double[][] {{0, 1}, {1, 0}, {0.5, 0.5}}));
        assertEquals(0.5, net.stats().get(0).saturated());
        assertEquals(0.0, net.stats().get(1).saturated(), "identity never saturates");
    }

    @Test
    void saturatedTanhFraction() {
        Network net = Network.builder(1, 2, 1).activation("tanh").loss("squared").init("zeros").build();
        net.param("W1").setAll(new double[] {10, 0.1});
        // 3 examples × 2 units: unit 1 gives tanh(±10) (saturated) for x = ±1 and tanh(0) for x = 0
        net.forward(Matrix.of(3, 1, 1, -1, 0));
        assertEquals(2.0 / 6.0, net.stats().get(0).saturated(), 1e-15);
    }
}
