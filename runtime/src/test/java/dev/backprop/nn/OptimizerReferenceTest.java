package dev.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backprop.optim.Adam;
import dev.backprop.optim.Optimizer;
import dev.backprop.optim.Sgd;
import org.junit.jupiter.api.Test;

/**
 * SGD with momentum (and weight decay) and Adam against torch.optim on a fixed 3-step sequence of a
 * 3-layer net (optimizer_reference.json, written by make_references.py).
 */
class OptimizerReferenceTest {

    static void runAgainstTorch(int run, Optimizer opt) throws Exception {
        JsonNode ref = ReferenceNets.read("optimizer_reference.json");
        JsonNode r = ref.get("runs").get(run);
        Network net = ReferenceNets.build(ref.get("net"));
        for (int s = 0; s < 3; s++) {
            JsonNode batch = ref.get("batches").get(s);
            int rows = batch.get("rows").asInt();
            net.forward(ReferenceNets.matrix(batch.get("x"), rows));
            JsonNode step = r.get("steps").get(s);
            assertEquals(step.get("loss").asDouble(), net.backward(ReferenceNets.matrix(batch.get("y"), rows)), 1e-12,
                    "loss before step " + (s + 1));
            net.step(opt);
            for (Param p : net.params()) {
                assertArrayEquals(Reference.doubles(step.get("params").get(p.name())), p.value().toArray(), 1e-12,
                        p.name() + " after step " + (s + 1) + " of " + r.get("optimizer").asText());
            }
        }
    }

    @Test
    void sgdWithMomentumMatchesTorch() throws Exception {
        runAgainstTorch(0, new Sgd(0.1, 0.9, 0.0));
    }

    @Test
    void sgdWithMomentumAndWeightDecayMatchesTorch() throws Exception {
        runAgainstTorch(1, new Sgd(0.1, 0.9, 0.01));
    }

    /**
     * Without momentum torch.optim.SGD is p ← p − lr·(∂L/∂p + λ·p), computed here from the gradients read before
     * each step: the optimizer must give exactly those bits (plain, and weight decay alone, which keeps no buffer).
     */
    @Test
    void sgdWithoutMomentumIsTorchsFormulaToTheBit() throws Exception {
        for (double decay : new double[] {0.0, 0.01}) {
            JsonNode ref = ReferenceNets.read("optimizer_reference.json");
            Network net = ReferenceNets.build(ref.get("net"));
            Sgd sgd = new Sgd(0.1, 0.0, decay);
            for (int s = 0; s < 3; s++) {
                JsonNode batch = ref.get("batches").get(s);
                int rows = batch.get("rows").asInt();
                net.forward(ReferenceNets.matrix(batch.get("x"), rows));
                net.backward(ReferenceNets.matrix(batch.get("y"), rows));
                double[][] expected = new double[net.params().size()][];
                for (int i = 0; i < expected.length; i++) {
                    Param p = net.params().get(i);
                    double[] w = p.value().toArray();
                    double[] g = p.grad().toArray();
                    for (int k = 0; k < w.length; k++) {
                        w[k] = w[k] - 0.1 * (g[k] + decay * w[k]);
                    }
                    expected[i] = w;
                }
                net.step(sgd);
                for (int i = 0; i < expected.length; i++) {
                    Param p = net.params().get(i);
                    double[] got = p.value().toArray();
                    for (int k = 0; k < got.length; k++) {
                        assertEquals(Double.doubleToRawLongBits(expected[i][k]), Double.doubleToRawLongBits(got[k]),
                                p.name() + "[" + k + "] after step " + (s + 1) + " with weight decay " + decay + ": expected "
                                        + expected[i][k] + ", got " + got[k]);
                    }
                }
            }
        }
    }

    @Test
    void adamMatchesTorch() throws Exception {
        runAgainstTorch(2, new Adam(0.01, 0.9, 0.999, 1e-8));
    }

    @Test
    void theReferenceRunsAreTheOnesConfiguredHere() throws Exception {
        JsonNode runs = ReferenceNets.read("optimizer_reference.json").get("runs");
        assertEquals(0.9, runs.get(0).get("options").get("momentum").asDouble());
        assertEquals(0.0, runs.get(0).get("options").get("weight_decay").asDouble());
        assertEquals(0.01, runs.get(1).get("options").get("weight_decay").asDouble());
        assertEquals("adam", runs.get(2).get("optimizer").asText());
        assertEquals(0.01, runs.get(2).get("options").get("lr").asDouble());
    }
}
