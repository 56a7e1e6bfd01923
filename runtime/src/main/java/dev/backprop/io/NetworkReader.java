package dev.backprop.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backprop.nn.Custom;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks a network document (a JSON tree, from text or from a script's object) field by field and
 * only then builds the network, so a defect never leaves a half-built one. Sizes are checked
 * against the element limit before any weight array is allocated.
 */
final class NetworkReader {
    static final List<String> ACTIVATIONS = dev.backprop.nn.Activation.builtInNames();
    static final List<String> LOSSES = dev.backprop.nn.Loss.names();
    private static final Set<String> TOP_FIELDS = Set.of("format", "version", "metadata", "loss", "layers");
    private static final Set<String> LAYER_FIELDS = Set.of("inputs", "outputs", "activation", "W", "b", "trainable");
    private static final Set<String> TRAINABLE_FIELDS = Set.of("W", "b");
    /** Largest integer a double (and so a JavaScript number) holds exactly: 2⁵³. */
    private static final double MAX_EXACT = 9007199254740992.0;

    private final long maxElements;
    /** Activations defined outside the engine (a sandbox's nn.activation), by name. */
    private final java.util.Map<String, Custom> custom;

    NetworkReader(long maxElements) {
        this(maxElements, java.util.Map.of());
    }

    NetworkReader(long maxElements, java.util.Map<String, Custom> custom) {
        this.maxElements = maxElements;
        this.custom = custom;
    }

    /** One layer as the document gives it, checked. */
    private record LayerSpec(int inputs, int outputs, String activation, double[] w, double[] b,
                             boolean trainW, boolean trainB) {
    }

    Network read(JsonNode root) {
        FieldPath top = FieldPath.ROOT;
        if (root == null || root.isMissingNode()) {
            throw new DocumentError(top, "the document is empty; expected a network document, a JSON object"
                    + " starting with {\"format\": \"" + NetworkJson.FORMAT + "\", …}");
        }
        if (!root.isObject()) {
            throw new DocumentError(top, "expected a network document (a JSON object with \"format\": \""
                    + NetworkJson.FORMAT + "\"), got " + describe(root));
        }
        checkFormat(root);
        checkVersion(root);
        checkKnownFields(root, top, TOP_FIELDS, "the document");
        Long seed = readMetadata(root);
        String loss = readName(root, top.field("loss"), LOSSES, "loss");
        List<LayerSpec> layers = readLayers(root);
        checkLossFitsOutput(loss, layers);
        return build(layers, loss, seed);
    }

    private static void checkFormat(JsonNode root) {
        FieldPath at = FieldPath.ROOT.field("format");
        JsonNode f = root.get("format");
        if (f == null) {
            throw new DocumentError(FieldPath.ROOT, "no \"format\" field, so this is not a Backprop Sandbox network"
                    + " document (it starts with \"format\": \"" + NetworkJson.FORMAT + "\"); load a file written by"
                    + " net.save(path) or NetworkJson.save");
        }
        if (!f.isTextual()) {
            throw new DocumentError(at, "format must be the text \"" + NetworkJson.FORMAT + "\", got " + describe(f));
        }
        if (!f.textValue().equals(NetworkJson.FORMAT)) {
            throw new DocumentError(at, "format is another text than \"" + NetworkJson.FORMAT
                    + "\": this document holds something other than a Backprop Sandbox network");
        }
    }

    private static void checkVersion(JsonNode root) {
        FieldPath at = FieldPath.ROOT.field("version");
        JsonNode v = root.get("version");
        if (v == null) {
            throw new DocumentError(FieldPath.ROOT, "no \"version\" field; a network document says which version of"
                    + " the format it is, e.g. \"version\": " + NetworkJson.VERSION);
        }
        if (!isWhole(v)) {
            throw new DocumentError(at, "version must be a whole number such as " + NetworkJson.VERSION + ", got "
                    + describe(v));
        }
        double n = v.doubleValue();
        if (n > NetworkJson.VERSION) {
            throw new DocumentError(at, "version " + v.asText() + " is newer than this Backprop Sandbox, which reads"
                    + " version " + NetworkJson.VERSION + "; update Backprop Sandbox to load this file");
        }
        if (n < 1) {
            throw new DocumentError(at, "version " + v.asText() + " does not exist; the format's versions start at 1"
                    + " (this Backprop Sandbox reads version " + NetworkJson.VERSION + ")");
        }
    }

    /** The seed the weights were first drawn with, or null when the metadata does not say. */
    private static Long readMetadata(JsonNode root) {
        FieldPath at = FieldPath.ROOT.field("metadata");
        JsonNode m = root.get("metadata");
        if (m == null || m.isNull()) {
            return null;
        }
        if (!m.isObject()) {
            throw new DocumentError(at, "metadata must be an object such as {\"seed\": 42}, got " + describe(m));
        }
        JsonNode s = m.get("seed");
        if (s == null || s.isNull()) {
            return null;
        }
        FieldPath sat = at.field("seed");
        if (s.isIntegralNumber() && s.canConvertToLong()) {
            return s.longValue();
        }
        if (s.isFloatingPointNumber() && isWhole(s) && Math.abs(s.doubleValue()) <= MAX_EXACT) {
            return (long) s.doubleValue();
        }
        throw new DocumentError(sat, "metadata.seed must be a whole number within ±9007199254740991 (2⁵³ − 1), or null"
                + " when unknown, got " + (s.isNumber() ? dev.backprop.nn.Checks.js(s.doubleValue()) : describe(s)));
    }

    private List<LayerSpec> readLayers(JsonNode root) {
        FieldPath at = FieldPath.ROOT.field("layers");
        JsonNode ls = root.get("layers");
        if (ls == null) {
            throw new DocumentError(FieldPath.ROOT, "no \"layers\" field; a network document lists its layers as"
                    + " \"layers\": [{\"inputs\": 2, \"outputs\": 1, \"activation\": \""
                    + dev.backprop.nn.Activation.builtInNames().get(0) + "\", \"W\": [...],"
                    + " \"b\": [...]}, ...]");
        }
        if (!ls.isArray()) {
            throw new DocumentError(at, "layers must be an array of layer objects, got " + describe(ls));
        }
        if (ls.isEmpty()) {
            throw new DocumentError(at, "layers is empty; a network needs at least one layer");
        }
        List<LayerSpec> out = new ArrayList<>();
        long total = 0;
        for (int l = 0; l < ls.size(); l++) {
            FieldPath lat = at.index(l);
            JsonNode layer = ls.get(l);
            if (!layer.isObject()) {
                throw new DocumentError(lat, lat + " must be a layer object with inputs, outputs, activation, W and b,"
                        + " got " + describe(layer));
            }
            checkKnownFields(layer, lat, LAYER_FIELDS, lat.display());
            int inputs = readSize(layer, lat, "inputs");
            int outputs = readSize(layer, lat, "outputs");
            if (l > 0 && inputs != out.get(l - 1).outputs()) {
                throw new DocumentError(lat.field("inputs"), lat + ".inputs is " + inputs + " but layers[" + (l - 1)
                        + "].outputs is " + out.get(l - 1).outputs() + "; each layer takes as inputs the outputs of the"
                        + " layer before it");
            }
            String activation = readActivation(layer, lat.field("activation"));
            if (l < ls.size() - 1 && ACTIVATIONS.contains(activation)
                    && !dev.backprop.nn.Activation.named(activation).hiddenAllowed()) {
                throw new DocumentError(lat.field("activation"), lat + ".activation is \"" + activation + "\", but "
                        + activation + " can only be the output (last) layer's activation; hidden layers need an"
                        + " element-wise one: \"" + String.join("\", \"", dev.backprop.nn.Activation.hiddenNames())
                        + "\"");
            }
            long weights = (long) inputs * outputs;
            total += weights + outputs;
            if (weights > Matrix.MAX_ELEMENTS || total > maxElements) {
                throw DocumentError.limit(lat, lat + " (" + inputs + " inputs × " + outputs + " outputs = " + weights
                        + " weights, plus " + outputs + " biases) brings the network to " + total + " parameters;"
                        + " the limit is " + Math.min(maxElements, Matrix.MAX_ELEMENTS) + " elements (raise it with"
                        + " --max-elements N, or SandboxBuilder.maxElements in Java, if you trust this file)");
            }
            double[] w = readValues(layer, lat, "W", (int) weights,
                    inputs + " inputs × " + outputs + " outputs = " + weights + " weights, row-major (one row of "
                            + inputs + " per output)");
            double[] b = readValues(layer, lat, "b", outputs, "one bias per output, " + outputs);
            JsonNode t = layer.get("trainable");
            boolean trainW = true;
            boolean trainB = true;
            if (t != null) {
                FieldPath tat = lat.field("trainable");
                if (!t.isObject()) {
                    throw new DocumentError(tat, tat + " must be an object such as {\"W\": true, \"b\": false}, got "
                            + describe(t));
                }
                checkKnownFields(t, tat, TRAINABLE_FIELDS, tat.display());
                trainW = readFlag(t, tat, "W");
                trainB = readFlag(t, tat, "b");
            }
            out.add(new LayerSpec(inputs, outputs, activation, w, b, trainW, trainB));
        }
        return out;
    }

    private static void checkLossFitsOutput(String loss, List<LayerSpec> layers) {
        int last = layers.size() - 1;
        String output = layers.get(last).activation();
        dev.backprop.nn.Activation required = dev.backprop.nn.Loss.named(loss).requiredOutput();
        String needs = required == null ? null : required.name();
        if (needs != null && !needs.equals(output)) {
            throw new DocumentError(FieldPath.ROOT.field("loss"), "loss \"" + loss + "\" needs a \"" + needs
                    + "\" output layer, but layers[" + last + "].activation is \"" + output + "\"; the file was edited"
                    + " or damaged (a saved network always has a matching pair)");
        }
    }

    private Network build(List<LayerSpec> layers, String loss, Long seed) {
        int[] sizes = new int[layers.size() + 1];
        sizes[0] = layers.get(0).inputs();
        List<String> hidden = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            sizes[l + 1] = layers.get(l).outputs();
            if (l < layers.size() - 1) {
                hidden.add(layers.get(l).activation());
            }
        }
        Network net = Network.builder(sizes).activations(hidden).output(layers.get(layers.size() - 1).activation())
                .customActivations(custom).loss(loss).init("zeros").seed(seed).maxElements(maxElements).build();
        for (int l = 0; l < layers.size(); l++) {
            LayerSpec spec = layers.get(l);
            var dense = net.layer(l + 1);
            dense.W().setAll(spec.w());
            dense.b().setAll(spec.b());
            dense.W().setTrainable(spec.trainW());
            dense.b().setTrainable(spec.trainB());
        }
        return net;
    }

    private static int readSize(JsonNode layer, FieldPath lat, String name) {
        FieldPath at = lat.field(name);
        JsonNode v = layer.get(name);
        if (v == null) {
            throw new DocumentError(lat, lat + " has no \"" + name + "\" field (the number of " + name + " of the layer)");
        }
        if (!isWhole(v)) {
            throw new DocumentError(at, at + " must be a whole number, got " + describe(v));
        }
        double n = v.doubleValue();
        if (n < 1) {
            throw new DocumentError(at, at + " is " + v.asText() + "; a layer needs at least 1 " + name.substring(0,
                    name.length() - 1));
        }
        if (n > Integer.MAX_VALUE) {
            throw DocumentError.limit(at, at + " is " + v.asText() + ", more than one layer can hold (at most "
                    + Integer.MAX_VALUE + ")");
        }
        return (int) n;
    }

    private static String readName(JsonNode node, FieldPath at, List<String> allowed, String what) {
        JsonNode v = node.get(at.segments().get(at.segments().size() - 1).toString());
        if (v == null) {
            FieldPath parent = new FieldPath(at.segments().subList(0, at.segments().size() - 1));
            throw new DocumentError(parent, (parent.isRoot() ? "the document" : parent.display()) + " has no \""
                    + what + "\" field; use one of " + quoted(allowed));
        }
        if (!v.isTextual()) {
            throw new DocumentError(at, at + " must be the name of " + (what.equals("loss") ? "a loss" : "an activation")
                    + " (one of " + quoted(allowed) + "), got " + describe(v));
        }
        if (!allowed.contains(v.textValue())) {
            throw new DocumentError(at, at + " is not a known " + what + "; use one of " + quoted(allowed));
        }
        return v.textValue();
    }

    /**
     * A built-in activation's name, or one defined in this sandbox; a name that is neither says how to
     * define it (a network saved with a script's own activation needs that definition to load).
     */
    private String readActivation(JsonNode layer, FieldPath at) {
        JsonNode v = layer.get("activation");
        if (v != null && v.isTextual() && !ACTIVATIONS.contains(v.textValue())) {
            String name = v.textValue();
            if (custom.containsKey(name)) {
                return name;
            }
            // Messages do not quote the document, with one exception: a name shaped like one nn.activation
            // accepts is the name to define. Only a document whose format field proved it a network gets here.
            String define = Custom.NAME.matcher(name).matches() ? "'" + name + "'" : "it";
            throw new DocumentError(at, at + " is not a known activation; use one of " + quoted(ACTIVATIONS)
                    + (custom.isEmpty() ? "" : " or one defined in this sandbox (" + quoted(List.copyOf(
                    new java.util.TreeSet<>(custom.keySet()))) + ")") + "; a network saved with your own activation"
                    + " needs it defined before loading: nn.activation(" + define + ", { f: (z) => …, df: (z, a) => … })");
        }
        return readName(layer, at, ACTIVATIONS, "activation");
    }

    /** Reads a flat array of finite numbers whose length was checked before the array is allocated. */
    private static double[] readValues(JsonNode layer, FieldPath lat, String name, int expected, String why) {
        FieldPath at = lat.field(name);
        JsonNode arr = layer.get(name);
        if (arr == null) {
            throw new DocumentError(lat, lat + " has no \"" + name + "\" field; it needs " + why);
        }
        if (!arr.isArray()) {
            throw new DocumentError(at, at + " must be a flat array of numbers, got " + describe(arr));
        }
        if (arr.size() != expected) {
            throw new DocumentError(at, at + " has " + arr.size() + " value" + (arr.size() == 1 ? "" : "s")
                    + " but the layer needs " + why + "; the file was cut or edited");
        }
        double[] out = new double[expected];
        for (int k = 0; k < expected; k++) {
            JsonNode v = arr.get(k);
            if (!v.isNumber()) {
                throw new DocumentError(at.index(k), at.index(k) + " must be a number, got " + describe(v));
            }
            double d = v.doubleValue();
            if (!Double.isFinite(d)) {
                throw new DocumentError(at.index(k), at.index(k) + " is not a finite number (NaN or infinite)"
                        + "; weights and biases must be finite numbers (was the network saved after training"
                        + " diverged?); fix the value or save a healthy network");
            }
            out[k] = d;
        }
        return out;
    }

    private static boolean readFlag(JsonNode t, FieldPath tat, String name) {
        JsonNode v = t.get(name);
        if (v == null) {
            return true;
        }
        if (!v.isBoolean()) {
            throw new DocumentError(tat.field(name), tat.field(name) + " must be true or false, got " + describe(v));
        }
        return v.booleanValue();
    }

    private static void checkKnownFields(JsonNode obj, FieldPath at, Set<String> known, String what) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw new DocumentError(at.field(name), what + " has an unknown field; its fields are "
                        + String.join(", ", known.stream().sorted(NetworkReader::fieldOrder).toList()));
            }
        }
    }

    private static int fieldOrder(String a, String b) {
        List<String> order = List.of("format", "version", "metadata", "loss", "layers", "inputs", "outputs",
                "activation", "W", "b", "trainable");
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }

    /** A number with no fractional part (as a JSON integer, or a double such as 2.0 from a script). */
    private static boolean isWhole(JsonNode v) {
        if (v.isIntegralNumber()) {
            return true;
        }
        if (v.isFloatingPointNumber()) {
            double d = v.doubleValue();
            return Double.isFinite(d) && d == Math.rint(d);
        }
        return false;
    }

    /**
     * What kind of value came, for messages: {@code a text}, {@code an array}, {@code null}, {@code a number
     * with a fractional part}; never the value itself (a message does not quote the file).
     */
    static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "a text";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isBoolean()) {
            return String.valueOf(v.booleanValue());
        }
        if (isWhole(v)) {
            return "a whole number";
        }
        return Double.isFinite(v.doubleValue()) ? "a number with a fractional part" : "a number that is not finite";
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
    }
}
