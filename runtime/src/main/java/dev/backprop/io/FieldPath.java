package dev.backprop.io;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a value sits in a network document, written as people read it: {@code layers[1].W[3]}. Only
 * the format's own field names are shown; any other name (which is the file's content) is shown as
 * {@code <unknown field>}.
 */
record FieldPath(List<Object> segments) {
    static final FieldPath ROOT = new FieldPath(List.of());
    /** The field names of the format (docs/json-format.md): the only names a message shows. */
    private static final Set<String> FORMAT_NAMES = Set.of("format", "version", "metadata", "seed", "loss",
            "layers", "inputs", "outputs", "activation", "W", "b", "trainable");

    FieldPath {
        segments = List.copyOf(segments);
    }

    FieldPath field(String name) {
        List<Object> s = new ArrayList<>(segments);
        s.add(name);
        return new FieldPath(s);
    }

    FieldPath index(int i) {
        List<Object> s = new ArrayList<>(segments);
        s.add(i);
        return new FieldPath(s);
    }

    boolean isRoot() {
        return segments.isEmpty();
    }

    /** {@code layers[1].W[3]}; a name the format does not have is {@code metadata.<unknown field>}. */
    String display() {
        StringBuilder sb = new StringBuilder();
        for (Object seg : segments) {
            if (seg instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                sb.append(sb.isEmpty() ? "" : ".").append(FORMAT_NAMES.contains(seg) ? seg : "<unknown field>");
            }
        }
        return sb.toString();
    }

    /** The same place as a JSON Pointer ({@code /layers/1/W/3}), for finding it in the text. */
    JsonPointer pointer() {
        JsonPointer p = JsonPointer.empty();
        for (Object seg : segments) {
            p = seg instanceof Integer i ? p.appendIndex(i) : p.appendProperty((String) seg);
        }
        return p;
    }

    /** The place a streaming parser is at: the field or element it is reading (or about to read). */
    static FieldPath of(JsonStreamContext ctx) {
        List<Object> s = new ArrayList<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                s.add(0, Math.max(0, c.getCurrentIndex()));
            } else if (c.getCurrentName() != null) {
                s.add(0, c.getCurrentName());
            }
        }
        return new FieldPath(s);
    }

    @Override
    public String toString() {
        return display();
    }
}
