package dev.backprop.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.backprop.nn.BackpropException;
import dev.backprop.nn.Custom;
import dev.backprop.nn.FormatError;
import dev.backprop.nn.LimitError;
import dev.backprop.nn.Network;
import dev.backprop.nn.NetworkBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Saves and loads networks as JSON documents of the format {@value #FORMAT}, version {@value #VERSION}
 * (see docs/json-format.md). The round trip is bit-exact; saving replaces the file atomically;
 * loading checks the whole document before building, and every defect is a {@link FormatError}
 * naming the field and, for text, its line and column.
 */
public final class NetworkJson {
    /** The value of the document's {@code "format"} field. */
    public static final String FORMAT = "backprop-sandbox-network";
    /** The version this code writes, and the newest it reads. */
    public static final int VERSION = 1;

    /** NaN and Infinity are read as numbers, so that they get the precise "must be finite" error. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    /** Bytes a saved network may take per parameter (a double is at most 24 characters, plus ", "). */
    private static final long BYTES_PER_ELEMENT = 64;

    private NetworkJson() {
    }

    /** The document as a tree (what a script's {@code net.toJSON()} turns into a plain object). */
    public static ObjectNode toTree(Network net) {
        try (TokenBuffer buf = new TokenBuffer(MAPPER, false)) {
            NetworkWriter.write(net, buf);
            return (ObjectNode) MAPPER.readTree(buf.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as pretty-printed JSON text. */
    public static String toJson(Network net) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(NetworkWriter.prettyPrinter());
            NetworkWriter.write(net, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the document to {@code out} (UTF-8) without closing it. */
    public static void write(Network net, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(NetworkWriter.prettyPrinter());
            NetworkWriter.write(net, g);
            g.writeRaw('\n');
        }
    }

    /** Reads a network from JSON text, within the default element limit. */
    public static Network fromJson(String text) {
        return fromJson(text, NetworkBuilder.DEFAULT_MAX_ELEMENTS);
    }

    /** Reads a network from JSON text; a network of more than {@code maxElements} parameters is a LimitError. */
    public static Network fromJson(String text, long maxElements) {
        if (text == null) {
            throw new FormatError("JSON text is missing (null): expected a network document");
        }
        return read(() -> FACTORY.createParser(text), "JSON text", maxElements, java.util.Map.of());
    }

    /** As {@link #fromJson(String, long)}; layers may name the activations in {@code custom} (name → activation). */
    public static Network fromJson(String text, long maxElements, java.util.Map<String, Custom> custom) {
        if (text == null) {
            throw new FormatError("JSON text is missing (null): expected a network document");
        }
        return read(() -> FACTORY.createParser(text), "JSON text", maxElements, custom);
    }

    /** Reads a network from a tree (parsed text, or a script's plain object; numbers may be ints or doubles). */
    public static Network fromTree(JsonNode tree) {
        return fromTree(tree, NetworkBuilder.DEFAULT_MAX_ELEMENTS);
    }

    /** As {@link #fromTree(JsonNode)}, with a limit on the number of parameters. */
    public static Network fromTree(JsonNode tree, long maxElements) {
        try {
            return new NetworkReader(maxElements).read(tree);
        } catch (DocumentError e) {
            throw error("network document", e, null);
        }
    }

    /** Saves the network to {@code path} atomically: the file holds the old document or the new one, never a mix. */
    public static void save(Network net, Path path) throws IOException {
        save(net, path, UnaryOperator.identity());
    }

    /** The seam for tests: {@code seam} wraps the temporary file's stream. */
    static void save(Network net, Path path, UnaryOperator<OutputStream> seam) throws IOException {
        AtomicFile.write(path, out -> write(net, out), seam);
    }

    /** Loads a network saved by {@link #save}, within the default element limit. */
    public static Network load(Path path) throws IOException {
        return load(path, NetworkBuilder.DEFAULT_MAX_ELEMENTS);
    }

    /**
     * Loads a network; a missing file is a NoSuchFileException naming the path, a damaged or foreign
     * one a FormatError, one beyond {@code maxElements} parameters a LimitError.
     */
    public static Network load(Path path, long maxElements) throws IOException {
        return load(path, maxElements, java.util.Map.of());
    }

    /** As {@link #load(Path, long)}; layers may name the activations in {@code custom} (name → activation). */
    public static Network load(Path path, long maxElements, java.util.Map<String, Custom> custom) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IOException("cannot load " + path + ": it is a folder, not a network file");
        }
        OpenedFile file;
        try {
            file = OpenedFile.open(path);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null,
                    "no network file here; check the path (a network is saved with net.save(path))");
        }
        try (file) {
            return load(file, maxElements, custom);
        }
    }

    /**
     * Loads a network from a file already open (the sandbox opens it confined to its roots); the file is
     * named by its path in messages and is not closed.
     */
    public static Network load(OpenedFile file, long maxElements) throws IOException {
        return load(file, maxElements, java.util.Map.of());
    }

    /** As {@link #load(OpenedFile, long)}; layers may name the activations in {@code custom} (name → activation). */
    public static Network load(OpenedFile file, long maxElements, java.util.Map<String, Custom> custom)
            throws IOException {
        String name = file.path().toString();
        long size = file.size();
        long maxBytes = maxElements > (Long.MAX_VALUE - (1 << 20)) / BYTES_PER_ELEMENT ? Long.MAX_VALUE
                : maxElements * BYTES_PER_ELEMENT + (1 << 20);
        long cap = Math.min(maxBytes, Integer.MAX_VALUE - 16);
        if (size > cap) {
            throw tooLarge(name, size, maxElements, cap);
        }
        // read at most cap + 1 bytes: a file that grows after it was opened is still bounded
        byte[] bytes = file.stream().readNBytes((int) (cap + 1));
        if (bytes.length > cap) {
            throw tooLarge(name, bytes.length, maxElements, cap);
        }
        return fromBytes(bytes, name, maxElements, custom);
    }

    /** Reads a network from the bytes of a document (UTF-8, -16 or -32, as JSON allows); {@code name} is for messages. */
    static Network fromBytes(byte[] bytes, String name, long maxElements) {
        return fromBytes(bytes, name, maxElements, java.util.Map.of());
    }

    static Network fromBytes(byte[] bytes, String name, long maxElements, java.util.Map<String, Custom> custom) {
        return read(() -> FACTORY.createParser(bytes), name, maxElements, custom);
    }

    private static LimitError tooLarge(String name, long size, long maxElements, long cap) {
        return new LimitError(name + " is " + size + " bytes, more than a network within the limit of "
                + maxElements + " elements can take (" + cap + " bytes); raise the limit with --max-elements N, or"
                + " SandboxBuilder.maxElements in Java, if you trust this file");
    }

    /** {@code Backprop Sandbox 0.1.0}, or without the version when it is not known (e.g. in tests). */
    static String createdBy() {
        String v = NetworkJson.class.getPackage().getImplementationVersion();
        return v == null ? "Backprop Sandbox" : "Backprop Sandbox " + v;
    }

    private static Network read(JsonText.Source src, String name, long maxElements, java.util.Map<String, Custom> custom) {
        JsonNode tree = JsonText.parse(MAPPER, src, name);
        try {
            return new NetworkReader(maxElements, custom).read(tree);
        } catch (DocumentError e) {
            throw error(name, e, JsonText.locate(src, e.where()));
        }
    }

    private static BackpropException error(String source, DocumentError e, JsonLocation loc) {
        String message = source + JsonText.where(loc) + ": " + e.getMessage();
        return e.isLimit() ? new LimitError(message) : new FormatError(message);
    }
}
