package dev.backprop.plot;

import dev.backprop.data.Dataset;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import dev.backprop.nn.ShapeError;
import dev.backprop.train.Accuracy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The decision regions of a network with two inputs over the range of a 2-feature dataset, with the
 * data points on top, coloured by their true class; the caption gives the accuracy. The network is
 * copied when the chart is made, so later training does not change it. In a terminal each cell
 * shows two region samples (upper half block, foreground over background); plain text fills regions
 * with ' ', '.', ':', … and marks points o, x, +, … by class.
 */
public final class BoundaryChart extends Chart {
    public static final int WIDTH = 60;
    public static final int HEIGHT = 24;

    private final Network net;
    private final double[] px;
    private final double[] py;
    private final int[] labels;
    private final int classes;
    private final List<String> classNames;
    private final Axis ax;
    private final Axis ay;
    private final int width;
    private final int height;
    private final double accuracy;

    private BoundaryChart(String title, Network net, Dataset data, int width, int height) {
        super(title);
        if (net.inputs() != 2) {
            throw new ShapeError("a boundary plot needs a network with 2 inputs, got one with " + net.inputs()
                    + "; plot a 2-feature dataset such as nn.data.circle()");
        }
        if (data.features() != 2) {
            throw new ShapeError("a boundary plot needs a dataset with 2 features, got " + data.features());
        }
        this.net = net.copy();
        this.width = Sizes.check("boundary width", width, 10, 400);
        this.height = Sizes.check("boundary height", height, 5, 200);
        int n = data.size();
        Matrix x = data.x();
        px = new double[n];
        py = new double[n];
        labels = new int[n];
        Matrix y = data.y();
        int maxLabel = 0;
        for (int i = 0; i < n; i++) {
            px[i] = x.at(2 * i);
            py[i] = x.at(2 * i + 1);
            labels[i] = trueClass(y, i);
            maxLabel = Math.max(maxLabel, labels[i]);
        }
        this.classes = Math.max(Math.max(2, net.outputs()), maxLabel + 1);
        this.classNames = data.classNames();
        this.ax = Axis.of(px).padded(0.05);
        this.ay = Axis.of(py).padded(0.05);
        this.accuracy = Accuracy.of(this.net, data);
    }

    /** The regions of {@code net} over {@code data}'s range in width × height cells. */
    public static BoundaryChart of(String title, Network net, Dataset data, int width, int height) {
        return new BoundaryChart(title, net, data, width, height);
    }

    /** With the default size. */
    public static BoundaryChart of(String title, Network net, Dataset data) {
        return new BoundaryChart(title, net, data, WIDTH, HEIGHT);
    }

    /** The network's accuracy on the plotted data when the chart was made. */
    public double accuracy() {
        return accuracy;
    }

    public int classes() {
        return classes;
    }

    @Override
    public String render(TextStyle style) {
        boolean term = style == TextStyle.TERMINAL;
        int header = title().isEmpty() ? 0 : 1;
        int rows = header + height + 2;
        int legendWidth = 40;
        for (int k = 0; k < classes; k++) {
            legendWidth += (k < classNames.size() ? classNames.get(k).length() : 7) + 10;
        }
        TextGrid g = new TextGrid(rows, Math.max(width, legendWidth));
        if (header > 0) {
            g.centre(0, title(), -1);
        }
        int sub = term ? 2 : 1; // region samples per cell, vertically
        int[][] region = regions(width, height * sub);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                if (term) {
                    int top = Palette.pick(Palette.CLASS_REGION_ANSI, region[r * 2][c]);
                    int low = Palette.pick(Palette.CLASS_REGION_ANSI, region[r * 2 + 1][c]);
                    g.put(header + r, c, '▀', top, low);
                } else {
                    g.put(header + r, c, Palette.pick(Palette.CLASS_FILL, region[r][c]), -1);
                }
            }
        }
        for (int i = 0; i < px.length; i++) {
            int c = (int) Math.floor(ax.unit(px[i]) * width);
            int r = (int) Math.floor((1 - ay.unit(py[i])) * height);
            c = Math.min(width - 1, Math.max(0, c));
            r = Math.min(height - 1, Math.max(0, r));
            if (term) {
                int back = Palette.pick(Palette.CLASS_REGION_ANSI, region[r * 2][c]);
                g.put(header + r, c, '●', Palette.pick(Palette.CLASS_POINT_ANSI, labels[i]), back);
            } else {
                g.put(header + r, c, Palette.pick(Palette.CLASS_MARK, labels[i]), -1);
            }
        }
        String range = "x1 " + Axis.label(ax.min()) + " … " + Axis.label(ax.max()) + ", x2 "
                + Axis.label(ay.min()) + " … " + Axis.label(ay.max());
        g.text(header + height, 0, term ? range : range.replace("…", ".."), -1);
        StringBuilder caption = new StringBuilder(String.format(Locale.ROOT, "accuracy %.3f on %d points  ",
                accuracy, px.length));
        int col = caption.length();
        g.text(header + height + 1, 0, caption.toString(), -1);
        for (int k = 0; k < classes; k++) {
            String name = k < classNames.size() ? classNames.get(k) : "class " + k;
            if (term) {
                g.put(header + height + 1, col, '●', Palette.pick(Palette.CLASS_POINT_ANSI, k),
                        Palette.pick(Palette.CLASS_REGION_ANSI, k));
                g.text(header + height + 1, col + 2, name, -1);
                col += name.length() + 4;
            } else {
                String s = Palette.pick(Palette.CLASS_MARK, k) + " " + name + " ['"
                        + Palette.pick(Palette.CLASS_FILL, k) + "']";
                g.text(header + height + 1, col, s, -1);
                col += s.length() + 2;
            }
        }
        return g.render(term);
    }

    /** Predicted class per sample on a cols × rows grid over the plotted range (row 0 at the top). */
    int[][] regions(int cols, int rows) {
        Matrix out = outputs(cols, rows);
        int[][] cls = new int[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                cls[r][c] = Accuracy.predicted(out, r * cols + c);
            }
        }
        return cls;
    }

    /** The network's outputs on a cols × rows grid (row 0 at the top), for the file renderings. */
    Matrix outputs(int cols, int rows) {
        Matrix grid = Matrix.zeros(cols * rows, 2);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int k = r * cols + c;
                grid.put(2 * k, ax.at((c + 0.5) / cols));
                grid.put(2 * k + 1, ay.at(1 - (r + 0.5) / rows));
            }
        }
        return net.predict(grid);
    }

    Axis xAxis() {
        return ax;
    }

    Axis yAxis() {
        return ay;
    }

    double[] pointsX() {
        return px;
    }

    double[] pointsY() {
        return py;
    }

    int[] labels() {
        return labels;
    }

    List<String> classNames() {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            names.add(k < classNames.size() ? classNames.get(k) : "class " + k);
        }
        return names;
    }

    private static int trueClass(Matrix y, int i) {
        if (y.cols() == 1) {
            double v = y.at(i);
            return v == Math.rint(v) && v >= 0 ? (int) v : (v >= 0.5 ? 1 : 0);
        }
        int k = y.cols();
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (y.at(i * k + j) > y.at(i * k + best)) {
                best = j;
            }
        }
        return best;
    }
}
