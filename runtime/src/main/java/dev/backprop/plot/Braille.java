package dev.backprop.plot;

/**
 * A dot canvas over {@code cols} × {@code rows} cells of a {@link TextGrid} from (row0, col0): 2×4 dots
 * per character cell drawn with Unicode braille (U+2800 + dot bits), one colour per cell (the last drawn
 * there). Dots go straight into the grid's cells.
 */
record Braille(TextGrid grid, int row0, int col0, int cols, int rows) {
    /** The empty braille cell; its low 8 bits are the dots. */
    private static final int BLANK = 0x2800;
    /** Bit of dot (dx, dy) in a braille cell: columns 0-1, rows 0-3. */
    private static final int[][] BIT = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};

    int dotsWide() {
        return cols * 2;
    }

    int dotsHigh() {
        return rows * 4;
    }

    void dot(int x, int y, int c) {
        if (x < 0 || y < 0 || x >= dotsWide() || y >= dotsHigh()) {
            return;
        }
        int r = row0 + y / 4;
        int col = col0 + x / 2;
        int cell = grid.charAt(r, col);
        int dots = cell >= BLANK && cell <= BLANK + 0xFF ? cell - BLANK : 0; // a cell without dots yet holds text or ' '
        grid.put(r, col, BLANK + (dots | BIT[x % 2][y % 4]), c);
    }

    /** Joins the finite points in order with straight lines; non-finite points break the line. */
    void polyline(double[] xs, double[] ys, Axis ax, Axis ay, int c) {
        Raster.polyline(xs, ys, ax, ay, dotsWide(), dotsHigh(), (x, y) -> dot(x, y, c));
    }
}
