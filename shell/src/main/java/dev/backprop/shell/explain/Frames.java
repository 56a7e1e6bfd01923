package dev.backprop.shell.explain;

import dev.backprop.explain.Beat;
import dev.backprop.explain.Direction;
import dev.backprop.explain.Numbers;
import dev.backprop.explain.Walkthrough;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The animation of a walkthrough as data: one frame per beat, each the same number of lines —
 * the header ({@code forward →} or {@code ← backward}), the network with lit nodes and δ, the
 * output and loss so far, the beat's narration and the keys. Forward beats light amber, backward
 * beats orange.
 */
public final class Frames {
    static final String KEYS = "space/→ next · ← previous · q quit";

    private Frames() {
    }

    /** Every frame of the walkthrough, lines at most {@code width} wide; escape codes only when {@code color}. */
    public static List<List<String>> of(Walkthrough w, boolean color, int width) {
        int[] sizes = w.sizes();
        int columns = sizes.length;
        NetworkDrawing drawing = new NetworkDrawing(sizes);
        double[][] values = new double[columns][];
        double[][] deltas = new double[columns][];
        values[0] = w.x();
        String status = "ŷ = ?   y = " + Numbers.list(w.y(), true) + "   L = ?";
        int narrationLines = 0;
        for (int k = 0; k < w.beats().size(); k++) {
            narrationLines = Math.max(narrationLines, wrap((k + 1) + ". " + w.beats().get(k).narration(), width).size());
        }
        List<List<String>> frames = new ArrayList<>();
        List<Beat> beats = w.beats();
        for (int k = 0; k < beats.size(); k++) {
            Beat beat = beats.get(k);
            boolean[] wires = new boolean[columns - 1];
            int litColumn = -1;
            switch (beat) {
                case Beat.Forward f -> {
                    values[f.layer()] = f.a();
                    litColumn = f.layer();
                    wires[f.layer() - 1] = true;
                    if (f.layer() == columns - 1) {
                        status = "ŷ = " + Numbers.list(f.a(), true) + "   y = " + Numbers.list(w.y(), true) + "   L = ?";
                    }
                }
                case Beat.Loss l -> {
                    litColumn = l.layer();
                    status = "ŷ = " + Numbers.list(l.yhat(), true) + "   y = " + Numbers.list(l.y(), true)
                            + "   L = " + Numbers.fmt(l.loss());
                }
                case Beat.Delta d -> {
                    deltas[d.layer()] = d.delta();
                    litColumn = d.layer();
                }
                case Beat.Gradient g -> wires[g.layer() - 1] = true;
                case Beat.Update u -> Arrays.fill(wires, true);
                case Beat.Recheck r -> {
                    for (int c = 1; c < columns; c++) {
                        values[c] = r.a().get(c - 1);
                        deltas[c] = null;
                    }
                    litColumn = columns - 1;
                    Arrays.fill(wires, true);
                    String arrow = r.loss() < r.previousLoss() ? " ↓" : r.loss() > r.previousLoss() ? " ↑" : "";
                    status = "ŷ = " + Numbers.list(r.yhat(), true) + "   y = " + Numbers.list(w.y(), true) + "   L = "
                            + Numbers.fmt(r.previousLoss()) + " → " + Numbers.fmt(r.loss()) + arrow;
                }
            }
            Ansi tone = beat.direction() == Direction.FORWARD ? Ansi.AMBER : Ansi.ORANGE;
            var state = new NetworkDrawing.State(copy(values), copy(deltas), litColumn, tone, wires, tone);
            frames.add(frame(w, beat, k, beats.size(), drawing, state, status, narrationLines, color, width));
        }
        return frames;
    }

    private static List<String> frame(Walkthrough w, Beat beat, int k, int count, NetworkDrawing drawing,
            NetworkDrawing.State state, String status, int narrationLines, boolean color, int width) {
        List<String> lines = new ArrayList<>();
        Ansi tone = beat.direction() == Direction.FORWARD ? Ansi.AMBER : Ansi.ORANGE;
        String header = beat.direction().header();
        String counter = "beat " + (k + 1) + " of " + count;
        int span = Math.max(drawing.width(), header.length() + counter.length() + 4);
        if (beat.direction() == Direction.FORWARD) {
            lines.add(tone.paint(header, color) + " ".repeat(span - header.length() - counter.length()) + counter);
        } else {
            lines.add(counter + " ".repeat(span - header.length() - counter.length()) + tone.paint(header, color));
        }
        lines.add("");
        lines.addAll(drawing.draw(state, color));
        lines.add("");
        lines.add(Ansi.BOLD.paint(status, color));
        List<String> narration = wrap((k + 1) + ". " + beat.narration(), width);
        lines.addAll(narration);
        for (int i = narration.size(); i < narrationLines; i++) {
            lines.add("");
        }
        lines.add(Ansi.DIM.paint(KEYS, color));
        return lines;
    }

    /** Words packed into lines of at most width characters. */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
                line.append("   ");
            }
            line.append(line.length() == 0 || line.toString().isBlank() ? "" : " ").append(word);
        }
        out.add(line.toString());
        return out;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i] == null ? null : m[i].clone();
        }
        return c;
    }
}
