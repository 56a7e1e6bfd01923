package dev.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.nn.HandNet.Mistake;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lesson's Common Mistakes, made by hand (plain-double backward in {@link HandNet}) and named by
 * checkGrads: sign flipped, σ' dropped, not batch-averaged, transposed, updated weights used.
 */
class CheckGradsTest {
    static final double[][] TOY_X = {{0.50, 0.90}};
    static final double[][] TOY_Y = {{1.0}};

    /** Only the named gradients (grads[2l] is W(l+1), grads[2l + 1] is b(l+1)). */
    static Map<String, double[]> named(double[][] grads, String... names) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (String name : names) {
            int layer = Integer.parseInt(name.substring(1)) - 1;
            m.put(name, grads[2 * layer + (name.startsWith("W") ? 0 : 1)]);
        }
        return m;
    }

    static Map<String, double[]> all(double[][] grads) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < grads.length; i++) {
            m.put((i % 2 == 0 ? "W" : "b") + (i / 2 + 1), grads[i]);
        }
        return m;
    }

    static Network toyAfterBackward() {
        Network net = Network.toy(false);
        net.forward(Matrix.fromRows(TOY_X));
        net.backward(Matrix.fromRows(TOY_Y));
        return net;
    }

    static final double[][] X3 = {{0.5, -1.0, 0.3}, {-0.2, 0.4, 0.9}, {1.1, 0.7, -0.6}, {0.0, -0.3, 0.8}};
    static final double[][] Y3 = {{0.2, 0.9}, {0.7, 0.1}, {0.5, 0.5}, {1.0, 0.0}};

    /** A 3-layer net 3→4→3→2 (tanh, sigmoid, sigmoid; loss squared) after forward/backward on a batch of 4. */
    static Network threeLayerAfterBackward() {
        Network net = Network.builder(3, 4, 3, 2).activations(java.util.List.of("tanh", "sigmoid")).output("sigmoid")
                .loss("squared").init("xavier").seed(11).build();
        net.forward(Matrix.fromRows(X3));
        net.backward(Matrix.fromRows(Y3));
        return net;
    }

    @Test
    void theLessonsOwnGradientsAreOk() {
        Network net = toyAfterBackward();
        double[][] g = HandNet.of(net).gradients(TOY_X, TOY_Y, Mistake.NONE, 0);
        GradDiagnosis d = net.checkGrads(all(g), 1e-9);
        assertTrue(d.ok(), d.toString());
        assertEquals(GradStatus.OK, d.get("W1").status());
        assertEquals(-1, d.get("W1").index());
        assertEquals("ok", d.get("b2").status().scriptName());
    }

    @Test
    void toySignFlipped() {
        Network net = toyAfterBackward();
        double[][] g = HandNet.of(net).gradients(TOY_X, TOY_Y, Mistake.SIGN_FLIPPED, 0);
        GradDiagnosis d = net.checkGrads(all(g), 1e-6);
        assertFalse(d.ok());
        for (String p : new String[] {"W1", "b1", "W2", "b2"}) {
            assertEquals(GradStatus.SIGN_FLIPPED, d.get(p).status(), p + ": " + d.get(p).message());
            assertEquals(0, d.get(p).index());
        }
        assertTrue(d.get("W2").message().contains("wrong sign"), d.get("W2").message());
    }

    @Test
    void toyOutputDerivativeDropped() {
        Network net = toyAfterBackward();
        double[][] g = HandNet.of(net).gradients(TOY_X, TOY_Y, Mistake.DROP_OUTPUT_DERIVATIVE, 0);
        GradDiagnosis d = net.checkGrads(all(g), 1e-6);
        assertEquals(GradStatus.DERIVATIVE_DROPPED, d.get("W2").status());
        assertTrue(d.get("W2").message().contains("at the output layer"), d.get("W2").message());
        assertEquals(GradStatus.DERIVATIVE_DROPPED, d.get("W1").status());
    }

    @Test
    void toyHiddenDerivativeDropped() {
        Network net = toyAfterBackward();
        double[][] g = HandNet.of(net).gradients(TOY_X, TOY_Y, Mistake.DROP_HIDDEN_DERIVATIVE, 0);
        GradDiagnosis d = net.checkGrads(named(g, "W1", "b1", "W2"), 1e-6);
        assertEquals(GradStatus.OK, d.get("W2").status(), "the output layer's gradient does not need the hidden σ'");
        assertEquals(GradStatus.DERIVATIVE_DROPPED, d.get("W1").status(), d.get("W1").message());
        assertTrue(d.get("W1").message().contains("of layer 1 (sigmoid)"), d.get("W1").message());
        assertFalse(d.ok());
    }

    @Test
    void toyUpdatedWeightsWithKnownAndUnknownLearningRate() {
        Network net = toyAfterBackward();
        double[][] g = HandNet.of(net).gradients(TOY_X, TOY_Y, Mistake.UPDATED_WEIGHTS, 0.5);
        GradDiagnosis known = net.checkGrads(named(g, "W1", "W2"), 1e-9, 0.5);
        assertEquals(GradStatus.OK, known.get("W2").status());
        assertEquals(GradStatus.STALE_WEIGHTS, known.get("W1").status(), known.get("W1").message());
        GradDiagnosis unknown = net.checkGrads(named(g, "W1"), 1e-9);
        assertEquals(GradStatus.STALE_WEIGHTS, unknown.get("W1").status(), unknown.get("W1").message());
        assertTrue(unknown.get("W1").message().contains("(lr ≈ 0.5)"), unknown.get("W1").message());
    }

    @Test
    void threeLayerEachMistakeNamed() {
        Network net = threeLayerAfterBackward();
        HandNet hand = HandNet.of(net);
        double[][] right = hand.gradients(X3, Y3, Mistake.NONE, 0);
        assertTrue(net.checkGrads(all(right), 1e-9).ok());

        GradDiagnosis sign = net.checkGrads(all(hand.gradients(X3, Y3, Mistake.SIGN_FLIPPED, 0)), 1e-6);
        sign.params().forEach((p, v) -> assertEquals(GradStatus.SIGN_FLIPPED, v.status(), p));

        GradDiagnosis summed = net.checkGrads(all(hand.gradients(X3, Y3, Mistake.NOT_AVERAGED, 0)), 1e-6);
        summed.params().forEach((p, v) -> assertEquals(GradStatus.NOT_AVERAGED, v.status(), p));
        assertTrue(summed.get("W1").message().contains("4 times too large"), summed.get("W1").message());

        GradDiagnosis dropOut = net.checkGrads(all(hand.gradients(X3, Y3, Mistake.DROP_OUTPUT_DERIVATIVE, 0)), 1e-6);
        dropOut.params().forEach((p, v) -> assertEquals(GradStatus.DERIVATIVE_DROPPED, v.status(), p));
        assertTrue(dropOut.get("W1").message().contains("at the output layer"), dropOut.get("W1").message());

        GradDiagnosis dropHidden = net.checkGrads(all(hand.gradients(X3, Y3, Mistake.DROP_HIDDEN_DERIVATIVE, 0)), 1e-6);
        assertEquals(GradStatus.OK, dropHidden.get("W3").status());
        assertEquals(GradStatus.DERIVATIVE_DROPPED, dropHidden.get("W2").status());
        assertTrue(dropHidden.get("W2").message().contains("of layer 2 (sigmoid)"), dropHidden.get("W2").message());
        assertEquals(GradStatus.DERIVATIVE_DROPPED, dropHidden.get("b1").status());

        GradDiagnosis dropAll = net.checkGrads(all(hand.gradients(X3, Y3, Mistake.DROP_EVERY_DERIVATIVE, 0)), 1e-6);
        assertTrue(dropAll.get("W1").message().contains("at every layer"), dropAll.get("W1").message());
        assertTrue(dropAll.get("W3").message().contains("at the output layer"), dropAll.get("W3").message());

        double[][] stale = hand.gradients(X3, Y3, Mistake.UPDATED_WEIGHTS, 0.3);
        GradDiagnosis staleD = net.checkGrads(all(stale), 1e-9);
        assertEquals(GradStatus.OK, staleD.get("W3").status());
        for (String p : new String[] {"W1", "b1", "W2", "b2"}) {
            assertEquals(GradStatus.STALE_WEIGHTS, staleD.get(p).status(), p + ": " + staleD.get(p).message());
        }
        assertTrue(staleD.get("W1").message().contains("(lr ≈ 0.3)"), staleD.get("W1").message());
    }

    @Test
    void transposedWeightGradient() {
        Network net = threeLayerAfterBackward();
        double[][] right = HandNet.of(net).gradients(X3, Y3, Mistake.NONE, 0);
        // ∂L/∂W2 is [3, 4]; the learner wrote xᵀ·δ, a [4, 3] matrix, and flattened that
        GradDiagnosis d = net.checkGrads(Map.of("W2", HandNet.transpose(right[2], 3, 4)), 1e-6);
        assertEquals(GradStatus.TRANSPOSED, d.get("W2").status(), d.get("W2").message());
        assertEquals(1, d.get("W2").index(), "element 0 is the same either way; element 1 is the first that differs");
    }

    @Test
    void somethingElseIsWrongAndNamesTheFirstIndex() {
        Network net = threeLayerAfterBackward();
        double[][] right = HandNet.of(net).gradients(X3, Y3, Mistake.NONE, 0);
        double[] w2 = right[2].clone();
        w2[5] += 0.01;
        GradDiagnosis d = net.checkGrads(Map.of("W2", w2), 1e-6);
        assertEquals(GradStatus.WRONG, d.get("W2").status());
        assertEquals(5, d.get("W2").index());
        assertTrue(d.get("W2").message().contains("index 5"), d.get("W2").message());
    }

    @Test
    void checkGradsChangesNothing() {
        Network net = threeLayerAfterBackward();
        double[] before = net.param("W1").grad().toArray();
        long stamp = net.param("W1").stamp();
        net.checkGrads(all(HandNet.of(net).gradients(X3, Y3, Mistake.UPDATED_WEIGHTS, 0.3)), 1e-6);
        assertEquals(stamp, net.param("W1").stamp());
        assertTrue(java.util.Arrays.equals(before, net.param("W1").grad().toArray()));
        net.step(0.1); // the gradients are still fresh: checkGrads did not use them up
    }

    @Test
    void clearErrorsForBadInput() {
        Network net = toyAfterBackward();
        ValueError unknown = assertThrows(ValueError.class, () -> net.checkGrads(Map.of("W9", new double[4]), 1e-6));
        assertTrue(unknown.getMessage().contains("W1, b1, W2, b2"), unknown.getMessage());
        ShapeError length = assertThrows(ShapeError.class, () -> net.checkGrads(Map.of("W1", new double[3]), 1e-6));
        assertEquals("checkGrads: W1 has shape [2, 2], so its gradient needs 4 numbers (flat, row-major), got 3",
                length.getMessage());
        ValueError nan = assertThrows(ValueError.class,
                () -> net.checkGrads(Map.of("W2", new double[] {0, Double.NaN}), 1e-6));
        assertTrue(nan.getMessage().contains("W2[1] is NaN"), nan.getMessage());
        assertThrows(ValueError.class, () -> net.checkGrads(Map.of(), 1e-6));

        Network fresh = Network.toy(false);
        StaleGradientError noBackward = assertThrows(StaleGradientError.class,
                () -> fresh.checkGrads(Map.of("W1", new double[4]), 1e-6));
        assertTrue(noBackward.getMessage().contains("net.backward(y) first"), noBackward.getMessage());

        net.step(0.5);
        assertThrows(StaleForwardError.class, () -> net.checkGrads(Map.of("W1", new double[4]), 1e-6));
    }

    @Test
    void accumulatedGradientsAreRefused() {
        Network net = toyAfterBackward();
        net.backward(Matrix.fromRows(TOY_Y), true);
        StaleGradientError e = assertThrows(StaleGradientError.class,
                () -> net.checkGrads(Map.of("W1", new double[4]), 1e-6));
        assertTrue(e.getMessage().contains("accumulated"), e.getMessage());
    }
}
