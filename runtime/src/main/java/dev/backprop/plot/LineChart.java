package dev.backprop.plot;

import dev.backprop.nn.ValueError;
import java.util.ArrayList;
import java.util.List;

/**
 * One or several series as lines on shared axes, with a title, axis labels and a legend. In a
 * terminal the lines are drawn with braille dots (2×4 per cell), one colour per series; plain text
 * draws each series with its own ASCII mark. NaN and infinite values leave gaps.
 */
public final class LineChart extends Chart {
    /** Default text size in character cells (plot area). */
    public static final int WIDTH = 60;
    public static final int HEIGHT = 15;

    private final List<Series> series;
    private final String xLabel;
    private final String yLabel;
    private final int width;
    private final int height;

    private LineChart(String title, List<Series> series, String xLabel, String yLabel, int width, int height) {
        super(title);
        if (series.isEmpty()) {
            throw new ValueError("a line chart needs at least one series");
        }
        this.series = List.copyOf(series);
        Axis.of(this.series.stream().map(Series::y).toArray(double[][]::new)); // values a chart can draw, or a ValueError now
        this.xLabel = xLabel == null ? "" : xLabel;
        this.yLabel = yLabel == null ? "" : yLabel;
        this.width = Sizes.check("line chart width", width, 10, 400);
        this.height = Sizes.check("line chart height", height, 3, 200);
    }

    /** A chart of these series; the plot area is width × height cells. */
    public static LineChart of(String title, List<Series> series, String xLabel, String yLabel, int width, int height) {
        return new LineChart(title, series, xLabel, yLabel, width, height);
    }

    /** A chart of one series over 1, 2, … with the default size. */
    public static LineChart of(String title, double[] y) {
        return new LineChart(title, List.of(Series.of(title, y)), "", "", WIDTH, HEIGHT);
    }

    public List<Series> series() {
        return series;
    }

    public String xLabel() {
        return xLabel;
    }

    public String yLabel() {
        return yLabel;
    }

    @Override
    public String render(TextStyle style) {
        boolean term = style == TextStyle.TERMINAL;
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (Series s : series) {
            xs.add(s.x());
            ys.add(s.y());
        }
        Axis ax = Axis.of(xs.toArray(double[][]::new));
        Axis ay = Axis.of(ys.toArray(double[][]::new));
        String top = Axis.label(ay.max());
        String mid = Axis.label(ay.at(0.5));
        String bottom = Axis.label(ay.min());
        int margin = Math.max(top.length(), Math.max(mid.length(), bottom.length())) + 1;
        int header = (title().isEmpty() ? 0 : 1) + (yLabel.isEmpty() ? 0 : 1);
        int rows = header + height + 2 + 1;
        TextGrid g = new TextGrid(rows, margin + 1 + width + 1);
        int r0 = 0;
        if (!title().isEmpty()) {
            g.centre(r0++, title(), -1);
        }
        if (!yLabel.isEmpty()) {
            g.text(r0++, 0, yLabel, -1);
        }
        // the axes, with y labels at the top, middle and bottom rows
        g.axes(r0, margin, height, width, term);
        g.text(r0, margin - 1 - top.length(), top, -1);
        g.text(r0 + height / 2, margin - 1 - mid.length(), mid, -1);
        g.text(r0 + height - 1, margin - 1 - bottom.length(), bottom, -1);
        int axisRow = r0 + height;
        String xmin = Axis.label(ax.min());
        String xmax = Axis.label(ax.max());
        g.text(axisRow + 1, margin + 1, xmin, -1);
        g.text(axisRow + 1, margin + 1 + width - xmax.length(), xmax, -1);
        if (!xLabel.isEmpty()) {
            g.text(axisRow + 1, margin + 1 + (width - xLabel.length()) / 2, xLabel, -1);
        }
        if (term) {
            drawBraille(g, r0, margin + 1, ax, ay);
        } else {
            drawAscii(g, r0, margin + 1, ax, ay);
        }
        // legend
        int col = margin + 1;
        for (int i = 0; i < series.size(); i++) {
            String name = series.get(i).name().isEmpty() ? "series " + (i + 1) : series.get(i).name();
            if (term) {
                g.put(rows - 1, col, '━', Palette.pick(Palette.SERIES_ANSI, i));
            } else {
                g.put(rows - 1, col, Palette.pick(Palette.SERIES_MARK, i), -1);
            }
            g.text(rows - 1, col + 2, name, -1);
            col += 2 + name.length() + 3;
        }
        return g.render(term);
    }

    private void drawBraille(TextGrid g, int row0, int col0, Axis ax, Axis ay) {
        Braille b = new Braille(g, row0, col0, width, height);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            b.polyline(s.x(), s.y(), ax, ay, Palette.pick(Palette.SERIES_ANSI, i));
        }
    }

    private void drawAscii(TextGrid g, int row0, int col0, Axis ax, Axis ay) {
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            char mark = Palette.pick(Palette.SERIES_MARK, i);
            Raster.polyline(s.x(), s.y(), ax, ay, width, height, (c, r) -> g.put(row0 + r, col0 + c, mark, -1));
        }
    }
}
