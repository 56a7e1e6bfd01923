package dev.backprop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backprop.nn.Dense;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved network comes back bit for bit: weights, biases, flags, activations, loss and seed. */
class RoundTripTest {
    static final Matrix X = Matrix.of(1, 2, 0.50, 0.90);
    static final Matrix Y = Matrix.of(1, 1, 1.0);

    @TempDir
    Path dir;

    @Test
    void theLessonsToyNetworkSavedAndLoadedStillGivesTheLessonsOutput() throws Exception {
        Path file = dir.resolve("toy.json");
        NetworkJson.save(Network.toy(false), file);
        Network net = NetworkJson.load(file);
        // ŷ for x = [0.5, 0.9], computed independently with PyTorch in float64:
        // the toy reference (reference/toy_reference.json), "yhat".
        assertEquals(0.7620332930580278, net.predict(X).at(0), 1e-12);
        assertNull(net.seed(), "the toy's weights were set by hand, so there is no seed to report");
        assertEquals(false, net.layer(1).b().trainable(), "b1 stays frozen");
        assertEquals(false, net.layer(2).b().trainable(), "b2 stays frozen");
        // and it still trains like the lesson: one step with η = 0.5, biases fixed.
        net.forward(X);
        net.backward(Y);
        net.step(0.5);
        // same reference file, "yhat_after" (PyTorch, float64)
        assertEquals(0.7655284420715094, net.predict(X).at(0), 1e-12);
        assertEquals(0.35, net.layer(1).b().value().at(0), 0.0, "a frozen bias did not move");
    }

    @Test
    void randomNetworksOfManyShapesRoundTripBitExactly() {
        SplittableRandom rnd = new SplittableRandom(20261128);
        String[] hidden = {"sigmoid", "tanh", "relu", "leakyRelu", "identity"};
        String[][] outputAndLoss = {{"sigmoid", "squared"}, {"identity", "mse"}, {"sigmoid", "bce"},
                {"softmax", "crossEntropy"}, {"tanh", "squared"}, {"relu", "mse"}, {"leakyRelu", "squared"}};
        for (int trial = 0; trial < 60; trial++) {
            int depth = 1 + rnd.nextInt(4);
            int[] sizes = new int[depth + 1];
            for (int i = 0; i <= depth; i++) {
                sizes[i] = 1 + rnd.nextInt(7);
            }
            List<String> acts = new ArrayList<>();
            for (int l = 0; l < depth - 1; l++) {
                acts.add(hidden[rnd.nextInt(hidden.length)]);
            }
            String[] ol = outputAndLoss[trial % outputAndLoss.length];
            Network net = Network.builder(sizes).activations(acts).output(ol[0]).loss(ol[1]).init("xavier")
                    .seed(rnd.nextLong()).build();
            for (Dense d : net.layers()) {
                d.W().setAll(awkwardDoubles(rnd, d.W().size()));
                d.b().setAll(awkwardDoubles(rnd, d.b().size()));
                d.W().setTrainable(rnd.nextBoolean());
                d.b().setTrainable(rnd.nextBoolean());
            }
            assertSame(net, NetworkJson.fromJson(NetworkJson.toJson(net)), "text, trial " + trial);
            assertSame(net, NetworkJson.fromTree(NetworkJson.toTree(net)), "tree, trial " + trial);
        }
    }

    @Test
    void theHardestDoublesSurviveTheTrip() {
        double[] hard = {-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
                Math.nextDown(Double.MIN_NORMAL), 1e-310, Double.MAX_VALUE, -Double.MAX_VALUE, 1e300, 1e-300,
                0.1, 1.0 / 3, Math.PI, Math.nextUp(1.0), 9007199254740993.0, 123456789012345678.0, 2.0, -1.0};
        Network net = Network.builder(hard.length, 1).output("identity").loss("mse").init("zeros").seed(1).build();
        net.layer(1).W().setAll(hard);
        net.layer(1).b().setAll(new double[] {-0.0});
        Network back = NetworkJson.fromJson(NetworkJson.toJson(net));
        assertSame(net, back, "hard doubles");
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.layer(1).b().value().at(0)),
                "-0.0 keeps its sign");
    }

    @Test
    void aSavedFileRoundTripsAndSavingTwiceGivesTheSameBytes() throws Exception {
        Network net = Network.builder(4, 8, 3).activation("relu").output("softmax").loss("crossEntropy")
                .seed(42).build();
        net.layer(2).W().freeze();
        Path file = dir.resolve("net.json");
        NetworkJson.save(net, file);
        Network back = NetworkJson.load(file);
        assertSame(net, back, "file");
        assertEquals(42L, back.seed(), "the seed comes back from the metadata");
        Path again = dir.resolve("again.json");
        NetworkJson.save(back, again);
        assertEquals(Files.readString(file), Files.readString(again), "a loaded network saves to the same text");
    }

    @Test
    void theDocumentIsSelfDescribingAndReadable() {
        Network net = Network.builder(2, 3, 1).activation("tanh").output("sigmoid").loss("bce").seed(7).build();
        JsonNode doc = NetworkJson.toTree(net);
        assertEquals("backprop-sandbox-network", doc.get("format").asText());
        assertEquals(1, doc.get("version").asInt());
        assertEquals("bce", doc.get("loss").asText());
        assertEquals(7, doc.get("metadata").get("seed").asLong());
        assertTrue(doc.get("metadata").get("createdBy").asText().startsWith("Backprop Sandbox"));
        JsonNode l1 = doc.get("layers").get(0);
        assertEquals(2, l1.get("inputs").asInt());
        assertEquals(3, l1.get("outputs").asInt());
        assertEquals("tanh", l1.get("activation").asText());
        // W flat, row-major: W1[i][j] at index i·inputs + j
        assertEquals(net.layer(1).W().get(2, 1), l1.get("W").get(2 * 2 + 1).asDouble(), 0.0);
        String text = NetworkJson.toJson(net);
        assertTrue(text.contains("\"trainable\": { \"W\": true, \"b\": true }"), text);
        assertTrue(text.lines().count() > 10, "pretty-printed, one field per line");
        assertTrue(!NetworkJson.toTree(Network.toy(false)).get("metadata").has("seed"),
                "the toy's weights were set by hand: no seed is written");
    }

    @Test
    void aTreeBuiltFromAScriptObjectLoadsWithIntsAndDoubles() {
        // What the script binding builds from { format, version, loss, layers: [...] } written in JS:
        // whole numbers arrive as ints, the rest as doubles, flags as booleans.
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode().put("format", "backprop-sandbox-network").put("version", 1.0)
                .put("loss", "squared");
        doc.putObject("metadata").put("seed", 5.0);
        ArrayNode layers = doc.putArray("layers");
        ObjectNode l1 = layers.addObject().put("inputs", 2.0).put("outputs", 2).put("activation", "sigmoid");
        l1.putArray("W").add(0.15).add(0.2).add(0.25).add(0.3);
        l1.putArray("b").add(0.35).add(0.35);
        l1.putObject("trainable").put("W", true).put("b", false);
        ObjectNode l2 = layers.addObject().put("inputs", 2).put("outputs", 1).put("activation", "sigmoid");
        l2.putArray("W").add(0.4).add(0.45);
        l2.putArray("b").add(0.6);
        Network net = NetworkJson.fromTree(doc);
        assertEquals(0.7620332930580278, net.predict(X).at(0), 1e-12); // toy_reference.json "yhat" (PyTorch)
        assertEquals(5L, net.seed());
        assertTrue(net.layer(2).b().trainable(), "trainable defaults to true when a layer leaves it out");
        assertEquals(false, net.layer(1).b().trainable());

        ObjectNode ints = doc.deepCopy();
        ((ObjectNode) ints.get("layers").get(1)).putArray("W").add(1).add(-2);
        Network withInts = NetworkJson.fromTree(ints);
        assertEquals(-2.0, withInts.layer(2).W().get(0, 1), 0.0, "an int weight reads as the same double");
    }

    @Test
    void textAndTreeAreTheSameDocument() throws Exception {
        Network net = Network.builder(3, 2, 2).activation("leakyRelu").output("softmax").loss("crossEntropy")
                .seed(3).build();
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.writeValueAsString(mapper.readTree(NetworkJson.toJson(net))),
                mapper.writeValueAsString(NetworkJson.toTree(net)));
    }

    @Test
    void theExampleInTheFormatDocumentLoads() throws Exception {
        Path doc = docs("json-format.md");
        Matcher m = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(doc));
        assertTrue(m.find(), "docs/json-format.md has a ```json example");
        Network net = NetworkJson.fromJson(m.group(1));
        assertEquals(0.7620332930580278, net.predict(X).at(0), 1e-12); // toy_reference.json "yhat" (PyTorch)
        assertEquals(NetworkJson.toJson(net).strip(), m.group(1).strip(), "the example is what save writes");
    }

    static Path docs(String name) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve("docs").resolve(name);
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalStateException("docs/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    /** Finite doubles from every corner: random bit patterns (all exponents, subnormals), signed zeros, extremes. */
    static double[] awkwardDoubles(SplittableRandom rnd, int n) {
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            double v;
            switch (rnd.nextInt(6)) {
                case 0 -> v = -0.0;
                case 1 -> v = Double.longBitsToDouble(rnd.nextLong(1L << 52)) * (rnd.nextBoolean() ? 1 : -1);
                case 2 -> v = rnd.nextDouble(-1, 1);
                default -> {
                    do {
                        v = Double.longBitsToDouble(rnd.nextLong());
                    } while (!Double.isFinite(v));
                }
            }
            out[k] = v;
        }
        return out;
    }

    static void assertSame(Network expected, Network actual, String what) {
        assertEquals(expected.toString(), actual.toString(), what + ": sizes, activations, loss");
        assertEquals(expected.seed(), actual.seed(), what + ": seed");
        for (int i = 0; i < expected.params().size(); i++) {
            var p = expected.params().get(i);
            var q = actual.params().get(i);
            assertEquals(p.name(), q.name());
            assertTrue(p.value().sameBits(q.value()), what + ": " + p.name() + " bit for bit");
            assertEquals(p.trainable(), q.trainable(), what + ": " + p.name() + " trainable");
        }
    }
}
