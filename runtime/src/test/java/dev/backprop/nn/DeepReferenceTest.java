package dev.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Forward and backward of 4-layer nets with a batch of 5 against PyTorch autograd (deep_reference.json):
 * every layer's z, a and per-example δ, every ∂L/∂p, and the loss, to 1e-12.
 */
class DeepReferenceTest {

    static JsonNode caseNamed(String name) throws Exception {
        for (JsonNode c : ReferenceNets.read("deep_reference.json").get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no case " + name);
    }

    static void check(JsonNode c, Matrix targets) {
        Network net = ReferenceNets.build(c);
        int rows = c.get("rows").asInt();
        net.forward(ReferenceNets.matrix(c.get("x"), rows));
        assertEquals(c.get("lossValue").asDouble(), net.backward(targets), 1e-12, "loss");
        for (int l = 0; l < net.layers().size(); l++) {
            Dense d = net.layers().get(l);
            assertArrayEquals(Reference.doubles(c.get("z").get(l)), d.z().toArray(), 1e-12, "z" + (l + 1));
            assertArrayEquals(Reference.doubles(c.get("a").get(l)), d.a().toArray(), 1e-12, "a" + (l + 1));
            assertArrayEquals(Reference.doubles(c.get("delta").get(l)), d.delta().toArray(), 1e-12, "δ" + (l + 1));
        }
        for (Param p : net.params()) {
            assertArrayEquals(Reference.doubles(c.get("grads").get(p.name())), p.grad().toArray(), 1e-12, "∂L/∂" + p.name());
        }
    }

    @Test
    void tanhReluLeakyReluSoftmaxCrossEntropyWithOneHotTargets() throws Exception {
        JsonNode c = caseNamed("softmaxCrossEntropy");
        check(c, ReferenceNets.matrix(c.get("y"), c.get("rows").asInt()));
    }

    @Test
    void theSameWithClassIndexTargets() throws Exception {
        JsonNode c = caseNamed("softmaxCrossEntropy");
        check(c, ReferenceNets.matrix(c.get("classes"), c.get("rows").asInt()));
    }

    @Test
    void sigmoidTanhIdentitySigmoidWithBce() throws Exception {
        JsonNode c = caseNamed("sigmoidBce");
        check(c, ReferenceNets.matrix(c.get("y"), c.get("rows").asInt()));
    }
}
