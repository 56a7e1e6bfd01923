package dev.backprop.plot;

import java.util.Arrays;

/** A rectangle of character cells, each with an optional 256-colour foreground and background. */
final class TextGrid {
    static final String RESET = "\u001b[0m";
    final int rows;
    final int cols;
    private final int[] chars;
    private final int[] fg;
    private final int[] bg;

    TextGrid(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        chars = new int[rows * cols];
        fg = new int[rows * cols];
        bg = new int[rows * cols];
        Arrays.fill(chars, ' ');
        Arrays.fill(fg, -1);
        Arrays.fill(bg, -1);
    }

    void put(int r, int c, int codePoint, int fore, int back) {
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            return;
        }
        chars[r * cols + c] = codePoint;
        fg[r * cols + c] = fore;
        bg[r * cols + c] = back;
    }

    void put(int r, int c, int codePoint, int fore) {
        put(r, c, codePoint, fore, -1);
    }

    /**
     * A chart's frame: a y axis down {@code height} rows from (top, col), and below it the corner and an x axis
     * {@code width} cells long.
     */
    void axes(int top, int col, int height, int width, boolean term) {
        for (int r = 0; r < height; r++) {
            put(top + r, col, term ? '│' : '|', -1);
        }
        put(top + height, col, term ? '└' : '+', -1);
        for (int c = 0; c < width; c++) {
            put(top + height, col + 1 + c, term ? '─' : '-', -1);
        }
    }

    int charAt(int r, int c) {
        return chars[r * cols + c];
    }

    /** Writes s from column c on row r (clipped). */
    void text(int r, int c, String s, int fore) {
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            put(r, c + i, cps[i], fore);
        }
    }

    /** Writes s centred on row r. */
    void centre(int r, String s, int fore) {
        int len = (int) s.codePoints().count();
        text(r, Math.max(0, (cols - len) / 2), s, fore);
    }

    /** The cells as text; with colour, ANSI 256-colour escapes wherever the colours change. */
    String render(boolean colour) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            int end = cols;
            if (!colour) {
                while (end > 0 && chars[r * cols + end - 1] == ' ') {
                    end--;
                }
            }
            int curF = -1;
            int curB = -1;
            for (int c = 0; c < end; c++) {
                int k = r * cols + c;
                if (colour && (fg[k] != curF || bg[k] != curB)) {
                    if ((fg[k] < 0 && curF >= 0) || (bg[k] < 0 && curB >= 0)) {
                        sb.append(RESET);
                        curF = -1;
                        curB = -1;
                    }
                    if (fg[k] >= 0 && fg[k] != curF) {
                        sb.append("\u001b[38;5;").append(fg[k]).append('m');
                    }
                    if (bg[k] >= 0 && bg[k] != curB) {
                        sb.append("\u001b[48;5;").append(bg[k]).append('m');
                    }
                    curF = fg[k];
                    curB = bg[k];
                }
                sb.appendCodePoint(chars[k]);
            }
            if (colour && (curF >= 0 || curB >= 0)) {
                sb.append(RESET);
            }
            if (colour) {
                int len = sb.length();
                int trim = len;
                while (trim > 0 && sb.charAt(trim - 1) == ' ') {
                    trim--;
                }
                sb.setLength(trim);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
