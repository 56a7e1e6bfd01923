package dev.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backprop.io.NetworkJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * backwardFrom (∂L/∂ŷ of the caller's own loss, summed over the batch), inputGrad (∂L/∂x) and a
 * {@link Custom} activation, against PyTorch autograd (backward_from_reference.json, written by
 * make_backward_from_reference.py) and central differences.
 */
class BackwardFromTest {
    /** swish(z) = z·σ(z); swish'(z) = σ(z) + a·(1 − σ(z)), written in Java here as a script would in JS. */
    static final Custom.Body SWISH_BODY = new Custom.Body() {
        @Override
        public void forward(Matrix z, Matrix a) {
            for (int k = 0; k < z.size(); k++) {
                a.put(k, z.at(k) / (1 + Math.exp(-z.at(k))));
            }
        }

        @Override
        public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
            for (int k = 0; k < z.size(); k++) {
                double s = 1 / (1 + Math.exp(-z.at(k)));
                gradZ.put(k, gradA.at(k) * (s + a.at(k) * (1 - s)));
            }
        }
    };
    static final Custom SWISH = new Custom("swish", SWISH_BODY);

    static JsonNode reference(String name) throws Exception {
        return ReferenceNets.read("backward_from_reference.json").get(name);
    }

    /** The reference case's network with its weights; loss 'mse' for the mse case, else 'squared' (unused). */
    static Network build(JsonNode c, String loss) {
        int[] sizes = new int[c.get("sizes").size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = c.get("sizes").get(i).asInt();
        }
        JsonNode acts = c.get("activations");
        java.util.List<String> hidden = new java.util.ArrayList<>();
        for (int i = 0; i < acts.size() - 1; i++) {
            hidden.add(acts.get(i).asText());
        }
        Network net = Network.builder(sizes).activations(hidden).output(acts.get(acts.size() - 1).asText())
                .customActivations(Map.of("swish", SWISH)).loss(loss).init("zeros").build();
        for (Param p : net.params()) {
            p.setAll(Reference.doubles(c.get("params").get(p.name())));
        }
        return net;
    }

    static Matrix rows(JsonNode values, int cols) {
        double[] v = Reference.doubles(values);
        return Matrix.of(v.length / cols, cols, v);
    }

    static void checkGrads(JsonNode c, Network net) {
        for (Param p : net.params()) {
            assertArrayEquals(Reference.doubles(c.get("grads").get(p.name())), p.grad().toArray(), 1e-12, "∂L/∂" + p.name());
        }
        assertArrayEquals(Reference.doubles(c.get("inputGrad")), net.inputGrad().toArray(), 1e-12, "∂L/∂x");
    }

    @Test
    void softmaxOutputTakesTheGradientThroughItsJacobianAndSumsOverTheBatch() throws Exception {
        JsonNode c = reference("softmax");
        Network net = build(c, "squared");
        assertNull(net.inputGrad(), "no inputGrad before any backward");
        Matrix out = net.forward(rows(c.get("x"), net.inputs()));
        assertArrayEquals(Reference.doubles(c.get("yhat")), out.toArray(), 1e-12, "ŷ");
        net.backwardFrom(rows(c.get("grad"), net.outputs()), false);
        checkGrads(c, net);
        assertNull(net.lastTargets(), "backwardFrom has no targets");
    }

    @Test
    void inputGradOfBackwardIsTheBatchMeanLossGradient() throws Exception {
        JsonNode c = reference("mse");
        Network net = build(c, "mse");
        net.forward(rows(c.get("x"), net.inputs()));
        assertEquals(c.get("loss").asDouble(), net.backward(rows(c.get("y"), net.outputs())), 1e-12);
        checkGrads(c, net);
    }

    @Test
    void aCustomActivationBackpropagatesLikeAutograd() throws Exception {
        JsonNode c = reference("swish");
        Network net = build(c, "squared");
        assertEquals("swish", net.layer(1).activation().name());
        Matrix out = net.forward(rows(c.get("x"), net.inputs()));
        assertArrayEquals(Reference.doubles(c.get("yhat")), out.toArray(), 1e-12, "ŷ");
        net.backwardFrom(rows(c.get("grad"), net.outputs()), false);
        checkGrads(c, net);
        assertTrue(net.gradCheck(rows(c.get("x"), net.inputs()), Matrix.of(5, 1, 1, 0, 1, 0, 1)).maxRelError() < 1e-6);
    }

    /** L = Σ ŷ ⊙ g for a fixed g, by central differences on every weight and every input. */
    @Test
    void oneExampleAndABatchAgreeWithCentralDifferences() {
        for (int batch : new int[] {1, 3}) { // one example runs the fused SingleExample path
            Network net = Network.builder(2, 3, 2).activation("sigmoid").output("tanh").seed(7L).build();
            Matrix x = Matrix.of(batch, 2, java.util.Arrays.copyOf(new double[] {0.3, -0.4, 0.8, 0.1, -0.5, 0.6}, 2 * batch));
            Matrix g = Matrix.of(batch, 2, java.util.Arrays.copyOf(new double[] {0.7, -0.2, 0.4, 0.9, -0.3, 0.5}, 2 * batch));
            net.forward(x);
            net.backwardFrom(g, false);
            double eps = 1e-6;
            for (Param p : net.params()) {
                for (int k = 0; k < p.size(); k++) {
                    double saved = p.value().at(k);
                    p.value().put(k, saved + eps);
                    double plus = dot(net.predict(x), g);
                    p.value().put(k, saved - eps);
                    double minus = dot(net.predict(x), g);
                    p.value().put(k, saved); // restored, so the forward's weights again (no touch needed)
                    assertEquals((plus - minus) / (2 * eps), p.grad().at(k), 1e-8, p.name() + "[" + k + "], B = " + batch);
                }
            }
            Matrix dx = net.inputGrad();
            for (int k = 0; k < x.size(); k++) {
                Matrix xp = x.copy();
                xp.put(k, x.at(k) + eps);
                Matrix xm = x.copy();
                xm.put(k, x.at(k) - eps);
                assertEquals((dot(net.predict(xp), g) - dot(net.predict(xm), g)) / (2 * eps), dx.at(k), 1e-8, "∂L/∂x[" + k + "]");
            }
        }
    }

    private static double dot(Matrix a, Matrix b) {
        double s = 0;
        for (int k = 0; k < a.size(); k++) {
            s += a.at(k) * b.at(k);
        }
        return s;
    }

    @Test
    void inputGradSurvivesAStepAndIsRefusedAfterAWrite() {
        Network a = Network.builder(3, 4, 2).activation("tanh").seed(3L).build();
        Network b = a.copy();
        Matrix x = Matrix.of(2, 3, 0.1, 0.2, 0.3, -0.4, 0.5, -0.6);
        Matrix g = Matrix.of(2, 2, 1, -1, 0.5, 0.25);
        a.forward(x);
        a.backwardFrom(g, false);
        double[] before = a.inputGrad().toArray(); // read before the step
        b.forward(x);
        b.backwardFrom(g, false);
        b.step(0.5); // read after it: W1 moved, ∂L/∂x is still the backward's
        assertArrayEquals(before, b.inputGrad().toArray(), 0.0);
        b.forward(x);
        b.backwardFrom(g, false);
        b.layer(1).W().set(0, 0, 9.0);
        StaleGradientError e = assertThrows(StaleGradientError.class, b::inputGrad);
        assertTrue(e.getMessage().contains("read net.inputGrad right after backward"), e.getMessage());
    }

    @Test
    void guardsAndBadGradients() {
        Network net = Network.builder(2, 2, 1).seed(1L).build();
        Matrix g = Matrix.of(1, 1, 0.5);
        assertTrue(assertThrows(StaleForwardError.class, () -> net.backwardFrom(g, false)).getMessage()
                .contains("backwardFrom needs a forward pass first"));
        net.forward(Matrix.of(1, 2, 0.5, 0.9));
        assertTrue(assertThrows(ShapeError.class, () -> net.backwardFrom(Matrix.of(1, 2, 1, 2), false)).getMessage()
                .contains("[1, 1]"));
        assertTrue(assertThrows(ValueError.class, () -> net.backwardFrom(Matrix.of(1, 1, Double.NaN), false))
                .getMessage().contains("grad[0][0] is NaN"));
        net.backwardFrom(g, false);
        net.step(0.1);
        assertThrows(StaleGradientError.class, () -> net.step(0.1));
        assertThrows(StaleForwardError.class, () -> net.backwardFrom(g, false));
    }

    @Test
    void aNetworkIsNotReentrantFromItsOwnActivation() {
        Network[] self = new Network[1];
        Custom sneaky = new Custom("sneaky", new Custom.Body() {
            @Override
            public void forward(Matrix z, Matrix a) {
                self[0].forward(Matrix.of(1, 1, 2.0)); // a network inside f
            }

            @Override
            public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
                gradZ.copyFrom(gradA);
            }
        });
        self[0] = Network.builder(1, 1).activation("sneaky").customActivations(Map.of("sneaky", sneaky)).build();
        ValueError e = assertThrows(ValueError.class, () -> self[0].forward(Matrix.of(1, 1, 1.0)));
        assertTrue(e.getMessage().contains("net.forward was called while this network's forward is still running"),
                e.getMessage());
        assertThrows(ValueError.class, () -> self[0].predict(Matrix.of(1, 1, 1.0)), "and the guard was released");
    }

    @Test
    void builtInNamesCannotBeRedefinedAndUnknownOnesSayHowToDefineThem() {
        ValueError e = assertThrows(ValueError.class, () -> new Custom("relu", SWISH_BODY));
        assertTrue(e.getMessage().contains("'relu' is a built-in activation"), e.getMessage());
        ValueError u = assertThrows(ValueError.class, () -> Network.builder(2, 1).activation("mish").build());
        assertTrue(u.getMessage().contains("nn.activation('mish'"), u.getMessage());
    }

    @Test
    void aSavedCustomActivationLoadsOnlyWhereItIsDefined() {
        Network net = Network.builder(2, 3, 1).activation("swish").output("sigmoid")
                .customActivations(Map.of("swish", SWISH)).seed(4L).build();
        String json = NetworkJson.toJson(net);
        assertTrue(json.contains("\"swish\""), json);
        Network back = NetworkJson.fromJson(json, 1000, Map.of("swish", SWISH));
        assertEquals("swish", back.layer(1).activation().name());
        assertArrayEquals(net.predict(Matrix.of(1, 2, 0.2, 0.7)).toArray(), back.predict(Matrix.of(1, 2, 0.2, 0.7)).toArray(), 0.0);
        FormatError f = assertThrows(FormatError.class, () -> NetworkJson.fromJson(json));
        assertTrue(f.getMessage().contains("layers[0].activation is not a known activation")
                && f.getMessage().contains("nn.activation('swish', { f: (z) => …, df: (z, a) => … })"), f.getMessage());
    }
}
