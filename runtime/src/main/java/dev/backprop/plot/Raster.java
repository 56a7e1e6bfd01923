package dev.backprop.plot;

/** Lines on a grid of points (braille dots or character cells), for the line charts. */
final class Raster {
    private Raster() {
    }

    /** A visitor of grid points. */
    interface Plot {
        void at(int x, int y);
    }

    /**
     * Joins the finite points in order with straight lines on a {@code wide} × {@code high} grid (y grows
     * downwards); a non-finite point breaks the line. {@code plot} gets every grid point drawn.
     */
    static void polyline(double[] xs, double[] ys, Axis ax, Axis ay, int wide, int high, Plot plot) {
        int px = -1;
        int py = -1;
        for (int k = 0; k < xs.length; k++) {
            if (!Double.isFinite(xs[k]) || !Double.isFinite(ys[k])) {
                px = -1;
                continue;
            }
            int x = (int) Math.round(ax.unit(xs[k]) * (wide - 1));
            int y = (high - 1) - (int) Math.round(ay.unit(ys[k]) * (high - 1));
            if (px >= 0) {
                line(px, py, x, y, plot);
            } else {
                plot.at(x, y);
            }
            px = x;
            py = y;
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
