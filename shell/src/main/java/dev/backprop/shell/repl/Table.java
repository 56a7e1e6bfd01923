package dev.backprop.shell.repl;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Numbers for people: six significant digits, vectors on one line, matrices as right-aligned tables elided in the middle. */
final class Table {
    static final int MAX_ROWS = 12;
    static final int EDGE_ROWS = 5;
    static final int MAX_COLS = 10;
    static final int EDGE_COLS = 4;
    static final int MAX_VECTOR = 20;
    static final int EDGE_VECTOR = 8;

    /** Abstract access to a rows × cols grid of doubles, so large ones are read only at their edges. */
    interface Grid {
        int rows();

        int cols();

        double get(int i, int j);
    }

    private Table() {
    }

    /** 3, 0.761811, -0.0432286, 1.5e-07, 12345678 → 1.23457e+07. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double abs = Math.abs(v);
        if (abs >= 1e-4 && abs < 1e7) {
            return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, "%.5e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + "e" + (s.charAt(e + 1) == '-' ? "-" : "+") + s.substring(e + 2).replaceFirst("^0+(?=\\d)", "");
    }

    /** [a, b, c], or the first and last few with … and the length when long. */
    static String vector(int length, java.util.function.IntToDoubleFunction at) {
        StringBuilder sb = new StringBuilder("[");
        for (int k : indices(length, MAX_VECTOR, EDGE_VECTOR)) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(k < 0 ? "…" : number(at.applyAsDouble(k)));
        }
        sb.append(']');
        if (length > MAX_VECTOR) {
            sb.append("  (length ").append(length).append(')');
        }
        return sb.toString();
    }

    /** The grid as right-aligned columns inside brackets, rows and columns elided in the middle. */
    static List<String> matrix(Grid g) {
        List<Integer> rows = indices(g.rows(), MAX_ROWS, EDGE_ROWS);
        List<Integer> cols = indices(g.cols(), MAX_COLS, EDGE_COLS);
        String[][] cells = new String[rows.size()][cols.size()];
        int[] width = new int[cols.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols.size(); c++) {
                int i = rows.get(r);
                int j = cols.get(c);
                cells[r][c] = i < 0 ? (j < 0 ? "⋱" : "⋮") : j < 0 ? "…" : number(g.get(i, j));
                width[c] = Math.max(width[c], cells[r][c].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder sb = new StringBuilder(r == 0 ? "[[" : " [");
            for (int c = 0; c < cols.size(); c++) {
                String cell = cells[r][c];
                sb.append(c == 0 ? "" : ", ").append(" ".repeat(width[c] - cell.length())).append(cell);
            }
            sb.append(r == rows.size() - 1 ? "]]" : "],");
            lines.add(sb.toString());
        }
        return lines;
    }

    /** 0..n-1, or the first and last {@code edge} with −1 marking the elided middle. */
    static List<Integer> indices(int n, int max, int edge) {
        List<Integer> out = new ArrayList<>();
        if (n <= max) {
            for (int k = 0; k < n; k++) {
                out.add(k);
            }
            return out;
        }
        for (int k = 0; k < edge; k++) {
            out.add(k);
        }
        out.add(-1);
        for (int k = n - edge; k < n; k++) {
            out.add(k);
        }
        return out;
    }
}
