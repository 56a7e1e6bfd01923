package dev.backprop.shell.explain;

import dev.backprop.explain.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * The network drawn in columns of nodes, inputs on the left. Each node shows its value, and its δ
 * on the line under it once known; the wires between two columns run through one bus, since every
 * node of a dense layer is joined to every node of the next. Lit nodes and wires take a colour.
 */
final class NetworkDrawing {
    static final int CELL = 10;
    static final int ARM = 3;

    private final int[] sizes;
    private final int height;

    /** What one frame shows: per column (0 = inputs) the values and δ (null = not yet known) and what is lit. */
    record State(double[][] values, double[][] deltas, int litColumn, Ansi litColor, boolean[] litWires, Ansi wireColor) {
    }

    NetworkDrawing(int[] sizes) {
        this.sizes = sizes.clone();
        int max = 0;
        for (int s : sizes) {
            max = Math.max(max, s);
        }
        this.height = 3 * max - 1;
    }

    /** Plain width of every line. */
    int width() {
        return sizes.length * CELL + (sizes.length - 1) * (2 * ARM + 1);
    }

    List<String> draw(State state, boolean color) {
        List<String> lines = new ArrayList<>();
        lines.add(labels());
        for (int r = 0; r < height; r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < sizes.length; c++) {
                line.append(cell(state, c, r, color));
                if (c + 1 < sizes.length) {
                    String wire = wire(c, r);
                    String wireRun = wire.stripTrailing();
                    line.append(state.litWires()[c] ? state.wireColor().paint(wireRun, color) : wireRun)
                            .append(" ".repeat(wire.length() - wireRun.length()));
                }
            }
            lines.add(stripRight(line.toString()));
        }
        return lines;
    }

    private String labels() {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < sizes.length; c++) {
            String label = c == 0 ? "input" : c == sizes.length - 1 ? "output" : sizes.length == 3 ? "hidden" : "hidden " + c;
            sb.append(pad(label, CELL));
            if (c + 1 < sizes.length) {
                sb.append(" ".repeat(2 * ARM + 1));
            }
        }
        return stripRight(sb.toString());
    }

    /** Row of node i in column c: the column is centred in the drawing, three rows per node. */
    private int rowOf(int c, int i) {
        int max = (height + 1) / 3;
        return 3 * (max - sizes[c]) / 2 + 3 * i;
    }

    private int nodeAt(int c, int r) {
        for (int i = 0; i < sizes[c]; i++) {
            if (rowOf(c, i) == r) {
                return i;
            }
        }
        return -1;
    }

    private String cell(State s, int c, int r, boolean color) {
        int node = nodeAt(c, r);
        boolean lit = c == s.litColumn();
        if (node >= 0) {
            double[] v = s.values()[c];
            String text = v == null ? "○" : "● " + Numbers.fmt(v[node]);
            String lead = c + 1 < sizes.length ? " " + "─".repeat(Math.max(0, CELL - text.length() - 1)) : "";
            String fill = c + 1 < sizes.length ? lead : " ".repeat(Math.max(0, CELL - text.length()));
            return (lit && v != null ? s.litColor().paint(text, color) : text) + fill;
        }
        int above = nodeAt(c, r - 1);
        double[] d = s.deltas()[c];
        if (above >= 0 && d != null) {
            String text = "δ " + Numbers.fmt(d[above]);
            String padded = pad(text, CELL);
            return lit && s.litColor() == Ansi.ORANGE ? s.litColor().paint(text, color) + padded.substring(text.length())
                    : Ansi.DIM.paint(text, color) + padded.substring(text.length());
        }
        return " ".repeat(CELL);
    }

    private String wire(int c, int r) {
        int top = Math.min(rowOf(c, 0), rowOf(c + 1, 0));
        int bottom = Math.max(rowOf(c, sizes[c] - 1), rowOf(c + 1, sizes[c + 1] - 1));
        boolean left = nodeAt(c, r) >= 0;
        boolean right = nodeAt(c + 1, r) >= 0;
        char bus = r < top || r > bottom ? ' ' : Wires.junction(r > top, r < bottom, left, right);
        return (left ? "─".repeat(ARM) : " ".repeat(ARM)) + bus + (right ? "─".repeat(ARM) : " ".repeat(ARM));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    private static String stripRight(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }
}
