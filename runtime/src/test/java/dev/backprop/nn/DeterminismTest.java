package dev.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A seed gives the same numbers on every machine: SplitMix64's outputs and a seeded network's first
 * weights equal golden values computed by a separate SplitMix64 written in Python (rng_reference.json).
 */
class DeterminismTest {

    @Test
    void splitMix64MatchesAnIndependentImplementation() throws Exception {
        JsonNode ref = ReferenceNets.read("rng_reference.json").get("seed42");
        Rng rng = new Rng(42);
        for (JsonNode v : ref.get("longs")) {
            assertEquals(v.asLong(), rng.nextLong());
        }
        rng = new Rng(42);
        for (JsonNode v : ref.get("doubles")) {
            assertEquals(Double.doubleToRawLongBits(v.asDouble()), Double.doubleToRawLongBits(rng.nextDouble()));
        }
    }

    @Test
    void seededWeightsAreTheGoldenValuesBitForBit() throws Exception {
        for (JsonNode n : ReferenceNets.read("rng_reference.json").get("nets")) {
            int[] sizes = new int[n.get("sizes").size()];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = n.get("sizes").get(i).asInt();
            }
            Network net = Network.builder(sizes).activation(n.get("init").asText().equals("he") ? "relu" : "tanh")
                    .init(n.get("init").asText()).seed(n.get("seed").asLong()).build();
            for (int l = 1; l < sizes.length; l++) {
                double[] expected = Reference.doubles(n.get("weights").get("W" + l));
                double[] actual = net.param("W" + l).value().toArray();
                for (int k = 0; k < expected.length; k++) {
                    assertEquals(Double.doubleToRawLongBits(expected[k]), Double.doubleToRawLongBits(actual[k]),
                            "W" + l + "[" + k + "]: " + expected[k] + " vs " + actual[k]);
                }
                assertArrayEquals(new double[sizes[l]], net.param("b" + l).value().toArray(), 0.0, "biases start at 0");
            }
        }
    }

    @Test
    void sameSeedSameRunDifferentSeedDifferentWeights() {
        Network a = Network.builder(4, 8, 3).activation("tanh").output("softmax").loss("crossEntropy").seed(5).build();
        Network b = Network.builder(4, 8, 3).activation("tanh").output("softmax").loss("crossEntropy").seed(5).build();
        Network c = Network.builder(4, 8, 3).activation("tanh").output("softmax").loss("crossEntropy").seed(6).build();
        assertTrue(a.param("W1").value().sameBits(b.param("W1").value()));
        assertFalse(a.param("W1").value().sameBits(c.param("W1").value()));
        Matrix x = EdgeCasesTest.batch(6, 4, 1);
        Matrix y = Matrix.of(6, 1, 0, 1, 2, 0, 1, 2);
        for (Network n : new Network[] {a, b}) {
            for (int s = 0; s < 5; s++) {
                n.forward(x);
                n.backward(y);
                n.step(0.3);
            }
        }
        for (int i = 0; i < a.params().size(); i++) {
            assertTrue(a.params().get(i).value().sameBits(b.params().get(i).value()), "training is bit-identical too");
        }
    }
}
