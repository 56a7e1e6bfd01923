package dev.backprop.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import dev.backprop.nn.Param;
import dev.backprop.nn.ShapeError;
import dev.backprop.nn.ValueError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The walkthrough of the lesson's toy net narrates the lesson's numbers; for other nets it agrees with finite differences. */
class WalkthroughTest {
    static final Matrix X = Matrix.of(1, 2, 0.50, 0.90);
    static final Matrix Y = Matrix.of(1, 1, 1.0);

    @Test
    void narratesEveryNumberOfTheLessonsStepByStep() {
        String text = Walkthrough.of(Network.toy(false), X, Y, 0.5).toString();
        for (String expected : List.of(
                "a = [0.647, 0.678]",
                "ŷ = 0.762",
                "L = 0.028",
                "δ_o = −0.043",
                "∂L/∂W₂ = [−0.028, −0.029]",
                "δ_h = [−0.004, −0.004]",
                "∂L/∂W₁ = [−0.002, −0.004, −0.002, −0.004]",
                "η = 0.5",
                "ŷ ≈ 0.766",
                "L ≈ 0.027")) {
            assertTrue(text.contains(expected), () -> "missing '" + expected + "' in:\n" + text);
        }
    }

    @Test
    void beatsComeInTheLessonsOrderWithTheirDirections() {
        Walkthrough w = Walkthrough.of(Network.toy(false), X, Y, 0.5);
        List<String> kinds = w.beats().stream().map(b -> b.kind() + "@" + b.layer()).toList();
        assertEquals(List.of("forward@1", "forward@2", "loss@2", "outputDelta@2", "gradient@2", "hiddenDelta@1",
                "gradient@1", "update@0", "recheck@2"), kinds);
        List<Direction> dirs = w.beats().stream().map(Beat::direction).toList();
        assertEquals(List.of(Direction.FORWARD, Direction.FORWARD, Direction.FORWARD, Direction.BACKWARD,
                Direction.BACKWARD, Direction.BACKWARD, Direction.BACKWARD, Direction.BACKWARD, Direction.FORWARD), dirs);
        for (Beat b : w.beats()) {
            assertFalse(b.narration().contains("\n"), "one line per beat: " + b.narration());
        }
    }

    @Test
    void theUpdateMovesTheWeightsAndLeavesFrozenBiasesAndTheCallersNetworkAlone() {
        Network net = Network.toy(false);
        long[] sums = checksums(net);
        Walkthrough w = Walkthrough.of(net, X, Y, 0.5);
        assertArrayEquals(sums, checksums(net), "the caller's network is not changed");
        Beat.Update u = assertInstanceOf(Beat.Update.class, w.beats().get(7));
        Beat.Gradient g1 = assertInstanceOf(Beat.Gradient.class, w.beats().get(6));
        for (Beat.Change ch : u.changes()) {
            if (ch.name().startsWith("b")) {
                assertFalse(ch.trainable());
                assertArrayEquals(ch.before(), ch.after(), 0.0, ch.name() + " is frozen");
            }
        }
        Beat.Change w1 = u.changes().get(0);
        assertEquals("W1", w1.name());
        for (int k = 0; k < 4; k++) {
            assertEquals(w1.before()[k] - 0.5 * g1.dW()[k], w1.after()[k], 1e-15); // w ← w − η·∂L/∂w
        }
        assertTrue(u.narration().contains("b₁, b₂ are frozen"), u.narration());
    }

    @Test
    void gradientsOfADeeperNetworkAgreeWithCentralDifferences() {
        Network net = Network.builder(3, 4, 3, 2).activation("tanh").output("sigmoid").loss("mse").init("xavier")
                .seed(7).build();
        Matrix x = Matrix.of(1, 3, 0.3, -0.8, 0.5);
        Matrix y = Matrix.of(1, 2, 1.0, 0.0);
        Walkthrough w = Walkthrough.of(net, x, y, 0.1);
        double h = 1e-6;
        int gradients = 0;
        for (Beat b : w.beats()) {
            if (b instanceof Beat.Gradient g) {
                gradients++;
                Param p = net.param("W" + g.layer());
                for (int k = 0; k < p.size(); k++) {
                    int i = k / p.cols();
                    int j = k % p.cols();
                    double v = p.get(i, j);
                    p.set(i, j, v + h);
                    double up = net.loss(x, y);
                    p.set(i, j, v - h);
                    double down = net.loss(x, y);
                    p.set(i, j, v);
                    assertEquals((up - down) / (2 * h), g.dW()[k], 1e-7, "∂L/∂W" + g.layer() + "[" + k + "]");
                }
            }
        }
        assertEquals(3, gradients);
        Beat.Recheck r = assertInstanceOf(Beat.Recheck.class, w.beats().get(w.beats().size() - 1));
        assertTrue(r.loss() < r.previousLoss(), "a small step downhill lowers the loss");
        assertEquals(net.loss(x, y), r.previousLoss(), 1e-15);
        String text = w.toString();
        assertTrue(text.contains("δ back to hidden 2: δ_h₂ = "), text);
        assertTrue(text.contains("Weights into hidden 2: ∂L/∂W₂ = "), text);
    }

    @Test
    void refusesABatchAndABadLearningRateWithActionableMessages() {
        Network net = Network.toy(false);
        ShapeError e = assertThrows(ShapeError.class,
                () -> Walkthrough.of(net, Matrix.of(2, 2, 0.5, 0.9, 0.1, 0.2), Matrix.of(2, 1, 1, 0), 0.5));
        assertTrue(e.getMessage().contains("one example"), e.getMessage());
        assertThrows(ValueError.class, () -> Walkthrough.of(net, X, Y, Double.NaN));
        assertThrows(ShapeError.class, () -> Walkthrough.of(net, Matrix.of(1, 3, 1, 2, 3), Y, 0.5));
    }

    @Test
    void numbersUseTheLessonsPrecisionAndATrueMinus() {
        assertEquals("−0.043", Numbers.fmt(-0.0432));
        assertEquals("0.000", Numbers.fmt(-0.0));
        assertEquals("−2.1e−05", Numbers.fmt(-2.1e-5), "tiny values do not read as zero");
        assertEquals("[0.647, 0.678]", Numbers.list(new double[] {0.6468, 0.6775}, true));
        assertEquals("0.762", Numbers.list(new double[] {0.7617}, true));
    }

    private static long[] checksums(Network net) {
        return net.params().stream().mapToLong(p -> p.value().checksum()).toArray();
    }
}
