package dev.backprop.nn;

import java.util.Locale;

/** The text table of {@link Network#summary()}. */
final class Summary {
    private Summary() {
    }

    static String of(Network net) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-6s %-12s %-10s %8s  %s%n";
        sb.append(String.format(Locale.ROOT, fmt, "layer", "shape", "activation", "params", "trainable"));
        for (Dense d : net.layers()) {
            String trainable = d.W().trainable() && d.b().trainable() ? "yes"
                    : !d.W().trainable() && !d.b().trainable() ? "no"
                    : d.W().trainable() ? "W only (b frozen)" : "b only (W frozen)";
            sb.append(String.format(Locale.ROOT, fmt, d.index(), d.inputs() + "→" + d.outputs(),
                    d.activation().name(), d.parameterCount(), trainable));
        }
        sb.append(String.format(Locale.ROOT, "total %d parameters; loss %s", net.parameterCount(), net.loss().name()));
        return sb.toString();
    }
}
