package dev.backprop.shell.repl;

import dev.backprop.script.TerminalText;
import dev.backprop.shell.explain.Ansi;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.graalvm.polyglot.Value;

/**
 * Results for people: numbers to six significant digits, arrays and matrices as aligned tables
 * (large ones elided with their shape), networks as their summary, parameters with name, shape
 * and values, and errors in red as {@code Name: message} with the input line; every other value
 * (layers, datasets, charts, optimizers, project objects inside arrays and objects) is shown by the
 * sandbox's own display.
 */
public final class Printer {
    private static final int MAX_MEMBERS = 12;
    private final boolean color;
    private BiFunction<Value, Boolean, String> display = (v, c) -> v.toString();

    public Printer(boolean color) {
        this.color = color;
    }

    public boolean color() {
        return color;
    }

    /** The text to show for an evaluation's value, or "" for undefined; only Java's toString for the rest. */
    public String format(Value v) {
        return format(v, (x, c) -> x.toString());
    }

    /**
     * The text to show for an evaluation's value, or "" for undefined; values this printer has no
     * table for go to {@code display} (the sandbox's {@code display(value, color)}).
     */
    public synchronized String format(Value v, BiFunction<Value, Boolean, String> display) {
        if (v == null || v.isNull() && "undefined".equals(v.toString())) {
            return "";
        }
        this.display = display;
        try {
            return String.join("\n", block(v, 0));
        } catch (ClassCastException | UnsupportedOperationException | IllegalArgumentException e) {
            // a value shaped like a matrix or a parameter whose members are not numbers: the sandbox's display
            return display.apply(v, color);
        }
    }

    /**
     * {@code Name: message} in red, then where it happened and the input line; control characters in
     * them (a script's escape sequences) are shown escaped ({@link TerminalText}), never acted on.
     */
    public String error(String rawMessage, String rawLocation, String rawSourceLine, int column) {
        String message = TerminalText.escape(rawMessage);
        String location = TerminalText.escape(rawLocation);
        String sourceLine = TerminalText.escape(rawSourceLine);
        StringBuilder sb = new StringBuilder(Ansi.RED.paint(message, color));
        if (sourceLine != null && !sourceLine.isBlank()) {
            sb.append('\n').append(Ansi.DIM.paint("  at " + location + ": ", color)).append(sourceLine.strip());
            if (column > 0) {
                // the caret counts the escapes that replaced control characters before the column
                int before = TerminalText.escape(rawSourceLine.substring(0, Math.min(column - 1, rawSourceLine.length())))
                        .length();
                int indent = ("  at " + location + ": ").length() + before
                        - (sourceLine.length() - sourceLine.stripLeading().length());
                sb.append('\n').append(" ".repeat(Math.max(0, indent))).append(Ansi.RED.paint("^", color));
            }
        } else if (location != null && !location.isEmpty()) {
            sb.append('\n').append(Ansi.DIM.paint("  at " + location, color));
        }
        return sb.toString();
    }

    private List<String> block(Value v, int depth) {
        if (isNetwork(v)) {
            return List.of(v.invokeMember("summary").toString().split("\n"));
        }
        if (isParam(v)) {
            List<String> lines = new ArrayList<>();
            Value shape = v.getMember("shape");
            lines.add(Ansi.BOLD.paint("Param " + v.getMember("name").asString(), color) + " " + shape(shape)
                    + (v.getMember("trainable").asBoolean() ? "" : " (frozen)"));
            lines.addAll(grid(v.invokeMember("toArray")));
            return lines;
        }
        if (isMatrix(v)) {
            List<String> lines = new ArrayList<>();
            lines.add(Ansi.BOLD.paint("Matrix", color) + " " + shape(v.getMember("shape")));
            lines.addAll(grid(v.invokeMember("toArray")));
            return lines;
        }
        if (v.hasArrayElements() && isNumberGrid(v)) {
            List<String> lines = new ArrayList<>();
            lines.add(Ansi.DIM.paint(v.getArraySize() + "×" + v.getArrayElement(0).getArraySize(), color));
            lines.addAll(grid(v));
            return lines;
        }
        return List.of(inline(v, depth));
    }

    private String inline(Value v, int depth) {
        if (v.isNull()) {
            return Ansi.DIM.paint(v.toString(), color);
        }
        if (v.isBoolean()) {
            return Ansi.YELLOW.paint(Boolean.toString(v.asBoolean()), color);
        }
        if (v.isNumber() && v.fitsInDouble()) {
            return Ansi.YELLOW.paint(Table.number(v.asDouble()), color);
        }
        if (v.isString()) {
            String s = v.asString();
            return depth == 0 && s.contains("\n") ? s : Ansi.GREEN.paint("'" + s.replace("'", "\\'") + "'", color);
        }
        if (v.canExecute() && !v.hasArrayElements()) {
            Value name = v.hasMember("name") ? v.getMember("name") : null;
            String n = name != null && name.isString() && !name.asString().isEmpty() ? ": " + name.asString() : " (anonymous)";
            return Ansi.CYAN.paint("[Function" + n + "]", color);
        }
        if (isNetwork(v) || isParam(v) || isMatrix(v)) {
            return display.apply(v, color);
        }
        if (v.hasArrayElements()) {
            long n = v.getArraySize();
            if (isNumberVector(v)) {
                return Table.vector((int) n, k -> v.getArrayElement(k).asDouble());
            }
            if (depth > 2) {
                return "[Array(" + n + ")]";
            }
            StringBuilder sb = new StringBuilder("[");
            for (int k : Table.indices((int) n, Table.MAX_VECTOR, Table.EDGE_VECTOR)) {
                sb.append(sb.length() > 1 ? ", " : "").append(k < 0 ? "…" : inline(v.getArrayElement(k), depth + 1));
            }
            return sb.append(']').toString();
        }
        if (v.hasMembers() && !v.isHostObject() && v.getMetaObject() != null
                && "Object".equals(v.getMetaObject().getMetaSimpleName())) {
            if (depth > 2) {
                return "[Object]";
            }
            List<String> keys = new ArrayList<>(v.getMemberKeys());
            StringBuilder sb = new StringBuilder("{");
            for (int k = 0; k < keys.size() && k < MAX_MEMBERS; k++) {
                sb.append(k == 0 ? " " : ", ").append(keys.get(k)).append(": ")
                        .append(inline(v.getMember(keys.get(k)), depth + 1));
            }
            if (keys.size() > MAX_MEMBERS) {
                sb.append(", … ").append(keys.size() - MAX_MEMBERS).append(" more");
            }
            return sb.append(keys.isEmpty() ? "}" : " }").toString();
        }
        return display.apply(v, color);
    }

    private List<String> grid(Value rows) {
        if (rows.hasArrayElements() && rows.getArraySize() > 0 && !rows.getArrayElement(0).hasArrayElements()) {
            return List.of(Table.vector((int) rows.getArraySize(), k -> rows.getArrayElement(k).asDouble()));
        }
        return Table.matrix(new Table.Grid() {
            public int rows() {
                return (int) rows.getArraySize();
            }

            public int cols() {
                return rows.getArraySize() == 0 ? 0 : (int) rows.getArrayElement(0).getArraySize();
            }

            public double get(int i, int j) {
                return rows.getArrayElement(i).getArrayElement(j).asDouble();
            }
        });
    }

    private static String shape(Value shape) {
        return shape.hasArrayElements() && shape.getArraySize() == 2
                ? "[" + shape.getArrayElement(0) + ", " + shape.getArrayElement(1) + "]" : shape.toString();
    }

    private static boolean isNetwork(Value v) {
        return v.hasMembers() && v.hasMember("summary") && v.hasMember("forward") && v.hasMember("backward")
                && v.getMember("summary").canExecute();
    }

    private static boolean isParam(Value v) {
        return v.hasMembers() && v.hasMember("name") && v.hasMember("shape") && v.hasMember("trainable")
                && v.hasMember("toArray");
    }

    private static boolean isMatrix(Value v) {
        return v.hasMembers() && v.hasMember("shape") && v.hasMember("toArray") && !v.hasMember("trainable")
                && v.getMember("toArray").canExecute();
    }

    /** Every element the one-line vector shows is a number (large arrays are read only at their edges). */
    private static boolean isNumberVector(Value v) {
        long n = v.getArraySize();
        if (n == 0 || n > Integer.MAX_VALUE) {
            return false;
        }
        for (int k : Table.indices((int) n, Table.MAX_VECTOR, Table.EDGE_VECTOR)) {
            if (k >= 0 && !isNumber(v.getArrayElement(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(Value e) {
        return e.isNumber() && e.fitsInDouble();
    }

    /** An array of at least two equally long arrays whose cells the table shows are all numbers. */
    private static boolean isNumberGrid(Value v) {
        long n = v.getArraySize();
        if (n < 2 || n > Integer.MAX_VALUE) {
            return false;
        }
        Value first = v.getArrayElement(0);
        if (!first.hasArrayElements() || first.getArraySize() == 0 || first.getArraySize() > Integer.MAX_VALUE) {
            return false;
        }
        int cols = (int) first.getArraySize();
        List<Integer> shownCols = Table.indices(cols, Table.MAX_COLS, Table.EDGE_COLS);
        for (long i = 1; i < n; i++) {
            Value row = v.getArrayElement(i);
            if (!row.hasArrayElements() || row.getArraySize() != cols) {
                return false;
            }
        }
        for (int i : Table.indices((int) n, Table.MAX_ROWS, Table.EDGE_ROWS)) {
            if (i < 0) {
                continue;
            }
            Value row = v.getArrayElement(i);
            for (int j : shownCols) {
                if (j >= 0 && !isNumber(row.getArrayElement(j))) {
                    return false;
                }
            }
        }
        return true;
    }
}
