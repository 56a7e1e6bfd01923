package dev.backprop.plot;

/**
 * A dot canvas of 2×4 dots per character cell drawn with Unicode braille (U+2800 + dot bits), one
 * colour per cell (the last drawn there).
 */
final class Braille {
    /** Bit of dot (dx, dy) in a braille cell: columns 0-1, rows 0-3. */
    private static final int[][] BIT = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};

    /** A visitor of grid points. */
    interface Plot {
        void at(int x, int y);
    }

    private final int cols;
    private final int rows;
    private final int[] bits;
    private final int[] colour;

    Braille(int cols, int rows) {
        this.cols = cols;
        this.rows = rows;
        bits = new int[cols * rows];
        colour = new int[cols * rows];
        java.util.Arrays.fill(colour, -1);
    }

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
        int k = (y / 4) * cols + x / 2;
        bits[k] |= BIT[x % 2][y % 4];
        colour[k] = c;
    }

    /** Joins the finite points in order with straight lines; non-finite points break the line. */
    void polyline(double[] xs, double[] ys, Axis ax, Axis ay, int c) {
        int px = -1;
        int py = -1;
        for (int k = 0; k < xs.length; k++) {
            if (!Double.isFinite(xs[k]) || !Double.isFinite(ys[k])) {
                px = -1;
                continue;
            }
            int x = (int) Math.round(ax.unit(xs[k]) * (dotsWide() - 1));
            int y = (dotsHigh() - 1) - (int) Math.round(ay.unit(ys[k]) * (dotsHigh() - 1));
            if (px >= 0) {
                line(px, py, x, y, (lx, ly) -> dot(lx, ly, c));
            } else {
                dot(x, y, c);
            }
            px = x;
            py = y;
        }
    }

    void drawInto(TextGrid g, int row0, int col0) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int k = r * cols + c;
                if (bits[k] != 0) {
                    g.put(row0 + r, col0 + c, 0x2800 + bits[k], colour[k]);
                }
            }
        }
    }

    /** Bresenham's line from (x0, y0) to (x1, y1), both ends included. */
    static void line(int x0, int y0, int x1, int y1, Plot plot) {
        int dx = Math.abs(x1 - x0);
        int dy = -Math.abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1;
        int sy = y0 < y1 ? 1 : -1;
        int err = dx + dy;
        while (true) {
            plot.at(x0, y0);
            if (x0 == x1 && y0 == y1) {
                return;
            }
            int e2 = 2 * err;
            if (e2 >= dy) {
                err += dy;
                x0 += sx;
            }
            if (e2 <= dx) {
                err += dx;
                y0 += sy;
            }
        }
    }
}
