package dev.backprop.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backprop.nn.FormatError;
import dev.backprop.nn.LimitError;
import dev.backprop.nn.Network;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every damaged or foreign document is refused with its own message: the field (JSON-pointer style,
 * {@code layers[1].W[3]}), and for text the line and column. The base document is the lesson's toy
 * network as save writes it (line 3 is "version", line 15 is layers[0].W, line 23 is layers[1].W).
 */
class DamagedDocumentTest {
    static final String TOY = NetworkJson.toJson(Network.toy(false));
    static final ObjectMapper MAPPER = new ObjectMapper();

    static FormatError refused(String text) {
        return assertThrows(FormatError.class, () -> NetworkJson.fromJson(text));
    }

    static FormatError refusedTree(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(TOY);
        edit.accept(doc);
        FormatError fromTree = assertThrows(FormatError.class, () -> NetworkJson.fromTree(doc));
        FormatError fromText = refused(MAPPER.writeValueAsString(doc));
        assertTrue(fromText.getMessage().endsWith(fromTree.getMessage().substring("network document: ".length())),
                "text and tree give the same finding:\n" + fromText.getMessage() + "\n" + fromTree.getMessage());
        return fromTree;
    }

    static ObjectNode layer(ObjectNode doc, int i) {
        return (ObjectNode) doc.get("layers").get(i);
    }

    static void says(Exception e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "expected the message to contain «" + p + "»:\n" + e.getMessage());
        }
    }

    @Test
    void theBaseDocumentItselfLoads() {
        NetworkJson.fromJson(TOY);
        assertTrue(TOY.lines().toList().get(2).contains("\"version\""));
        assertTrue(TOY.lines().toList().get(14).contains("\"W\": [ 0.15"));
        assertTrue(TOY.lines().toList().get(22).contains("\"W\": [ 0.4, 0.45 ]"));
    }

    // ── not JSON at all ──────────────────────────────────────────────────────────────────────

    @Test
    void plainTextIsNotJson() {
        says(refused("hello, network"), "JSON text (line 1, column 1)", "this is not valid JSON",
                "a word that is not JSON");
    }

    @Test
    void aTruncatedFileSaysWhereItStops() {
        String cut = TOY.substring(0, TOY.indexOf("0.3 ]")); // stops inside layers[0].W after 3 values
        says(refused(cut), "(line 15, column", "the document ends early, inside layers[0].W;",
                "truncated");
    }

    @Test
    void aFileCutBetweenLayersSaysWhichObjectIsOpen() {
        String cut = TOY.substring(0, TOY.indexOf("\"outputs\": 1"));
        says(refused(cut), "the document ends early, inside layers[1] (its closing } is missing)");
    }

    @Test
    void anEmptyDocumentIsNamedEmpty() {
        says(refused(""), "JSON text is empty", "expected a network document");
        says(refused("  \n\t "), "JSON text is empty");
        says(assertThrows(FormatError.class, () -> NetworkJson.fromTree(null)), "the document is empty");
    }

    @Test
    void aBrokenValueInsideTheWeightsIsLocated() {
        says(refused(TOY.replace("0.45 ]", "0.45, ]")), "(line 23, column", "not valid JSON at layers[1].W");
    }

    @Test
    void aDuplicateFieldIsRefused() {
        says(refused(TOY.replace("\"b\": [ 0.6 ],", "\"b\": [ 0.6 ], \"b\": [ 0.7 ],")), "(line 24, column",
                "a field given twice in the same object");
    }

    @Test
    void textAfterTheDocumentIsRefused() {
        says(refused(TOY + "\n{}"), "(line 29, column 1)", "more text after the end of the network document");
    }

    @Test
    void anArrayIsNotANetworkDocument() {
        says(refused("[0.15, 0.2]"), "expected a network document (a JSON object with \"format\"",
                "got an array");
    }

    // ── another format or version ────────────────────────────────────────────────────────────

    @Test
    void anotherFormatNameIsAnotherKindOfFile() {
        says(refused(TOY.replace("backprop-sandbox-network", "keras-model")), "(line 2, column 13)",
                "format is another text than \"backprop-sandbox-network\"", "something other than");
    }

    @Test
    void aDocumentWithoutFormatIsNotOurs() {
        says(refused("{\"state_dict\": {\"fc1.weight\": [[0.15, 0.2]]}}"), "no \"format\" field",
                "not a Backprop Sandbox network");
    }

    @Test
    void aFormatThatIsNotTextIsRefused() throws Exception {
        says(refusedTree(d -> d.put("format", 1)), "format must be the text \"backprop-sandbox-network\", got a whole number");
    }

    @Test
    void aFutureVersionAsksForAnUpdate() {
        says(refused(TOY.replace("\"version\": 1", "\"version\": 2")), "(line 3, column 14)",
                "version 2 is newer than this Backprop Sandbox, which reads version 1", "update");
    }

    @Test
    void versionZeroDoesNotExist() throws Exception {
        says(refusedTree(d -> d.put("version", 0)), "version 0 does not exist");
    }

    @Test
    void aVersionWrittenAsTextIsRefused() throws Exception {
        says(refusedTree(d -> d.put("version", "1")), "version must be a whole number such as 1, got a text");
        says(refusedTree(d -> d.remove("version")), "no \"version\" field");
    }

    // ── missing and wrong-typed fields ───────────────────────────────────────────────────────

    @Test
    void missingLayersAreNamed() throws Exception {
        says(refusedTree(d -> d.remove("layers")), "no \"layers\" field");
        says(refusedTree(d -> d.putArray("layers")), "layers is empty; a network needs at least one layer");
        says(refusedTree(d -> d.put("layers", "2-2-1")), "layers must be an array of layer objects, got a text");
        says(refusedTree(d -> ((ArrayNode) d.get("layers")).set(0, JsonNodeFactory.instance.numberNode(1))),
                "layers[0] must be a layer object");
    }

    @Test
    void aMissingActivationNamesTheLayer() {
        String text = TOY.replace("\"activation\": \"sigmoid\",\n      \"W\": [ 0.4", "\"W\": [ 0.4");
        says(refused(text), "(line 19, column 5)", "layers[1] has no \"activation\" field");
    }

    @Test
    void aMissingLossIsNamed() throws Exception {
        says(refusedTree(d -> d.remove("loss")), "the document has no \"loss\" field; use one of \"squared\"");
    }

    @Test
    void aSizeWrittenAsTextIsRefused() throws Exception {
        says(refusedTree(d -> layer(d, 0).put("inputs", "2")), "layers[0].inputs must be a whole number, got a text");
        says(refusedTree(d -> layer(d, 0).put("outputs", 2.5)), "layers[0].outputs must be a whole number, got a number with a fractional part");
        says(refusedTree(d -> layer(d, 1).remove("outputs")), "layers[1] has no \"outputs\" field");
    }

    @Test
    void zeroOrNegativeSizesAreRefused() throws Exception {
        says(refusedTree(d -> layer(d, 0).put("inputs", 0)), "layers[0].inputs is 0; a layer needs at least 1 input");
        says(refusedTree(d -> layer(d, 1).put("outputs", -1)), "layers[1].outputs is -1; a layer needs at least 1 output");
    }

    @Test
    void unknownFieldsAreRefusedSoTyposShowUp() throws Exception {
        says(refusedTree(d -> layer(d, 0).set("weigths", layer(d, 0).get("W"))),
                "layers[0] has an unknown field; its fields are inputs, outputs, activation, W, b, trainable");
        says(refusedTree(d -> d.put("comment", "mine")), "the document has an unknown field");
    }

    @Test
    void metadataMayHoldAnythingButASeedIsAWholeNumber() throws Exception {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(TOY);
        ((ObjectNode) doc.get("metadata")).put("note", "trained on XOR").put("seed", 12);
        assertTrue(NetworkJson.fromTree(doc).seed() == 12L);
        says(refusedTree(d -> ((ObjectNode) d.get("metadata")).put("seed", "abc")),
                "metadata.seed must be a whole number within ±9007199254740991 (2⁵³ − 1), or null when unknown, got a text");
        says(refusedTree(d -> ((ObjectNode) d.get("metadata")).put("seed", 1e300)), "got 1e+300");
        says(refusedTree(d -> d.put("metadata", 5)), "metadata must be an object");
    }

    // ── weights and biases ───────────────────────────────────────────────────────────────────

    @Test
    void tooManyWeightsSayHowManyTheLayerNeeds() {
        says(refused(TOY.replace("[ 0.4, 0.45 ]", "[ 0.4, 0.45, 0.5 ]")), "(line 23, column 12)",
                "layers[1].W has 3 values but the layer needs 2 inputs × 1 outputs = 2 weights, row-major");
    }

    @Test
    void tooFewBiasesSayHowManyTheLayerNeeds() throws Exception {
        says(refusedTree(d -> layer(d, 0).putArray("b")), "layers[0].b has 0 values but the layer needs one bias per"
                + " output, 2");
        says(refusedTree(d -> layer(d, 0).put("W", 0.15)), "layers[0].W must be a flat array of numbers, got a number with a fractional part");
        says(refusedTree(d -> layer(d, 1).remove("b")), "layers[1] has no \"b\" field; it needs one bias per output, 1");
    }

    @Test
    void nanInTheWeightsIsLocatedToTheElement() {
        says(refused(TOY.replace("[ 0.4, 0.45 ]", "[ 0.4, NaN ]")), "(line 23, column 19)",
                "layers[1].W[1] is not a finite number (NaN or infinite); weights and biases must be finite numbers");
    }

    @Test
    void infinityInTheBiasesIsRefused() {
        says(refused(TOY.replace("[ 0.6 ]", "[ -Infinity ]")), "(line 24, column 14)", "layers[1].b[0] is not a finite number");
        says(refused(TOY.replace("[ 0.6 ]", "[ 1e999 ]")), "layers[1].b[0] is not a finite number");
    }

    @Test
    void textOrNullAmongTheWeightsIsRefused() {
        says(refused(TOY.replace("0.2, 0.25", "0.2, \"0.25\"")), "(line 15, column 25)",
                "layers[0].W[2] must be a number, got a text");
        says(refused(TOY.replace("0.2, 0.25", "0.2, null")), "layers[0].W[2] must be a number, got null");
    }

    // ── structure: chaining, activations, losses ─────────────────────────────────────────────

    @Test
    void layersThatDoNotChainAreRefused() throws Exception {
        says(refusedTree(d -> layer(d, 1).put("inputs", 3).putArray("W").add(0.4).add(0.45).add(0.5)),
                "layers[1].inputs is 3 but layers[0].outputs is 2");
    }

    @Test
    void anUnknownActivationListsTheNames() {
        says(refused(TOY.replaceFirst("\"sigmoid\"", "\"swish\"")), "(line 14, column 21)",
                "layers[0].activation is not a known activation; use one of \"sigmoid\", \"tanh\", \"relu\"");
    }

    @Test
    void anUnknownLossListsTheNames() throws Exception {
        says(refusedTree(d -> d.put("loss", "hinge")),
                "loss is not a known loss; use one of \"squared\", \"mse\", \"bce\", \"crossEntropy\"");
        says(refusedTree(d -> d.put("loss", 2)), "loss must be the name of a loss");
    }

    @Test
    void softmaxInAHiddenLayerIsRefused() throws Exception {
        says(refusedTree(d -> layer(d, 0).put("activation", "softmax")),
                "layers[0].activation is \"softmax\", but softmax can only be the output (last) layer's activation");
    }

    @Test
    void bceNeedsSigmoidAndCrossEntropyNeedsSoftmax() throws Exception {
        says(refusedTree(d -> {
            d.put("loss", "bce");
            layer(d, 1).put("activation", "relu");
        }), "loss \"bce\" needs a \"sigmoid\" output layer, but layers[1].activation is \"relu\"");
        says(refusedTree(d -> d.put("loss", "crossEntropy")),
                "loss \"crossEntropy\" needs a \"softmax\" output layer, but layers[1].activation is \"sigmoid\"");
    }

    @Test
    void trainableFlagsMustBeBooleans() throws Exception {
        says(refusedTree(d -> ((ObjectNode) layer(d, 0).get("trainable")).put("W", "yes")),
                "layers[0].trainable.W must be true or false, got a text");
        says(refusedTree(d -> ((ObjectNode) layer(d, 0).get("trainable")).put("b", 0)),
                "layers[0].trainable.b must be true or false, got a whole number");
        says(refusedTree(d -> layer(d, 1).put("trainable", true)),
                "layers[1].trainable must be an object such as {\"W\": true, \"b\": false}, got true");
        says(refusedTree(d -> ((ObjectNode) layer(d, 1).get("trainable")).put("bias", false)),
                "layers[1].trainable has an unknown field");
    }

    // ── sizes beyond the limit: refused before anything is allocated ───────────────────────────

    @Test
    void aHostileSizeIsALimitErrorBeforeAnyAllocation() throws Exception {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(TOY);
        layer(doc, 0).put("outputs", 2_000_000_000);
        layer(doc, 1).put("inputs", 2_000_000_000);
        LimitError e = assertThrows(LimitError.class, () -> NetworkJson.fromJson(MAPPER.writeValueAsString(doc)));
        says(e, "layers[0] (2 inputs × 2000000000 outputs", "the limit is", "raise it");
        says(assertThrows(LimitError.class, () -> NetworkJson.fromTree(doc)), "layers[0]");
    }

    @Test
    void theCallersElementLimitIsRespected() {
        String text = NetworkJson.toJson(Network.builder(10, 10, 10).seed(1).build()); // 110 + 110 parameters
        NetworkJson.fromJson(text, 220);
        LimitError e = assertThrows(LimitError.class, () -> NetworkJson.fromJson(text, 200));
        says(e, "layers[1] (10 inputs × 10 outputs = 100 weights, plus 10 biases) brings the network to 220"
                + " parameters; the limit is 200 elements");
    }

    @Test
    void aSizeBeyondAnIntegerIsALimitError() throws Exception {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(TOY);
        layer(doc, 0).put("outputs", 1L << 40);
        says(assertThrows(LimitError.class, () -> NetworkJson.fromTree(doc)),
                "layers[0].outputs is 1099511627776, more than one layer can hold");
    }
}
