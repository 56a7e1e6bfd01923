package dev.backprop.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.backprop.nn.Dense;
import dev.backprop.nn.Network;
import dev.backprop.nn.Param;
import dev.backprop.nn.ValueError;
import java.io.IOException;

/**
 * Writes a network as a document of the format, value by value (a large network is never held
 * twice in memory). Doubles are written as Java's shortest round-tripping decimal, so reading them
 * back gives the same bits. A non-finite weight stops the write with a ValueError.
 */
final class NetworkWriter {
    private NetworkWriter() {
    }

    /** Layers one per line block, number arrays and trainable flags on one line: readable and diffable. */
    static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter block = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter.Indenter arrays = new DefaultPrettyPrinter.Indenter() {
            @Override
            public void writeIndentation(JsonGenerator g, int level) throws IOException {
                if (isLayerList(g.getOutputContext())) {
                    block.writeIndentation(g, level);
                } else {
                    g.writeRaw(' ');
                }
            }

            @Override
            public boolean isInline() {
                return false;
            }
        };
        DefaultPrettyPrinter.Indenter objects = new DefaultPrettyPrinter.Indenter() {
            @Override
            public void writeIndentation(JsonGenerator g, int level) throws IOException {
                JsonStreamContext ctx = g.getOutputContext();
                if (ctx.getParent() != null && "trainable".equals(ctx.getParent().getCurrentName())) {
                    g.writeRaw(' ');
                } else {
                    block.writeIndentation(g, level);
                }
            }

            @Override
            public boolean isInline() {
                return false;
            }
        };
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        pp.indentArraysWith(arrays);
        pp.indentObjectsWith(objects);
        return pp;
    }

    private static boolean isLayerList(JsonStreamContext ctx) {
        return ctx.inArray() && ctx.getParent() != null && ctx.getParent().getParent() != null
                && ctx.getParent().getParent().inRoot() && "layers".equals(ctx.getParent().getCurrentName());
    }

    static void write(Network net, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", NetworkJson.FORMAT);
        g.writeNumberField("version", NetworkJson.VERSION);
        g.writeObjectFieldStart("metadata");
        g.writeStringField("createdBy", NetworkJson.createdBy());
        if (net.seed() != null) {
            g.writeNumberField("seed", net.seed());
        }
        g.writeArrayFieldStart("sizes");
        for (int s : net.sizes()) {
            g.writeNumber(s);
        }
        g.writeEndArray();
        g.writeNumberField("parameters", net.parameterCount());
        g.writeEndObject();
        g.writeStringField("loss", net.loss().name());
        g.writeArrayFieldStart("layers");
        for (Dense d : net.layers()) {
            g.writeStartObject();
            g.writeNumberField("inputs", d.inputs());
            g.writeNumberField("outputs", d.outputs());
            g.writeStringField("activation", d.activation().name());
            writeValues(g, "W", d.W());
            writeValues(g, "b", d.b());
            g.writeObjectFieldStart("trainable");
            g.writeBooleanField("W", d.W().trainable());
            g.writeBooleanField("b", d.b().trainable());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeValues(JsonGenerator g, String field, Param p) throws IOException {
        g.writeArrayFieldStart(field);
        var values = p.value().data();
        for (int k = 0, n = p.size(); k < n; k++) {
            dev.backprop.nn.Account.checkStopAt(k); // a huge network ends at a time limit or an interrupt
            double v = values.get(k);
            if (!Double.isFinite(v)) {
                throw new ValueError("cannot save the network: " + p.name() + "[" + k / p.cols() + "][" + k % p.cols()
                        + "] is " + v + "; a network with non-finite weights cannot be loaded again (training"
                        + " diverged? lower the learning rate and train again)");
            }
            g.writeNumber(v);
        }
        g.writeEndArray();
    }
}
