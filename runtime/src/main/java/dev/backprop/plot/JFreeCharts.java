package dev.backprop.plot;

import dev.backprop.nn.Matrix;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Builds the JFreeChart of each chart kind, for PNG and SVG files. */
final class JFreeCharts {
    private JFreeCharts() {
    }

    static JFreeChart of(Chart chart, int widthPx, int heightPx) {
        return switch (chart) {
            case LineChart c -> line(c);
            case BoundaryChart c -> boundary(c, widthPx, heightPx);
            case Histogram c -> histogram(c);
        };
    }

    /** Most points one series or one class of a boundary chart is drawn with. */
    static final int MAX_POINTS = 8192;

    private static void addPoint(XYSeries xy, Series s, int k) {
        double x = s.x()[k];
        double y = s.y()[k];
        xy.add(x, Double.isFinite(y) && Double.isFinite(x) ? y : Double.NaN, false);
    }

    private static JFreeChart line(LineChart c) {
        XYSeriesCollection ds = new XYSeriesCollection();
        List<Series> series = c.series();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String name = s.name().isEmpty() ? "series " + (i + 1) : s.name();
            XYSeries xy = new XYSeries(name + (uniqueName(series, i) ? "" : " (" + (i + 1) + ")"), false, true);
            int n = s.y().length;
            // an image a few thousand pixels wide shows at most that many points: longer series are drawn as
            // the lowest and highest point of each of MAX_POINTS / 2 runs, so drawing takes bounded time
            int runs = Math.min(n, MAX_POINTS / 2);
            for (int r = 0; r < runs; r++) {
                if ((r & 0xFF) == 0) {
                    dev.backprop.nn.Account.checkStop();
                }
                int from = (int) ((long) n * r / runs);
                int to = (int) ((long) n * (r + 1) / runs);
                int lo = from;
                int hi = from;
                for (int k = from + 1; k < to; k++) {
                    lo = s.y()[k] < s.y()[lo] ? k : lo;
                    hi = s.y()[k] > s.y()[hi] ? k : hi;
                }
                addPoint(xy, s, Math.min(lo, hi));
                if (lo != hi) {
                    addPoint(xy, s, Math.max(lo, hi));
                }
            }
            ds.addSeries(xy);
        }
        JFreeChart jf = ChartFactory.createXYLineChart(c.title(), c.xLabel(), c.yLabel(), ds,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = jf.getXYPlot();
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, Palette.pick(Palette.SERIES_RGB, i));
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        style(plot);
        return jf;
    }

    private static boolean uniqueName(List<Series> series, int i) {
        for (int j = 0; j < i; j++) {
            if (series.get(j).name().equals(series.get(i).name())) {
                return false;
            }
        }
        return true;
    }

    private static JFreeChart boundary(BoundaryChart c, int widthPx, int heightPx) {
        int cols = Math.max(20, Math.min(300, widthPx / 3));
        int rows = Math.max(20, Math.min(300, heightPx / 3));
        Matrix out = c.outputs(cols, rows);
        Axis ax = c.xAxis();
        Axis ay = c.yAxis();
        int k = out.cols();
        double[][] xyz = new double[3][cols * rows];
        for (int r = 0; r < rows; r++) {
            for (int col = 0; col < cols; col++) {
                int i = r * cols + col;
                xyz[0][i] = ax.at((col + 0.5) / cols);
                xyz[1][i] = ay.at(1 - (r + 0.5) / rows);
                xyz[2][i] = shade(out, i, k);
            }
        }
        DefaultXYZDataset regions = new DefaultXYZDataset();
        regions.addSeries("regions", xyz);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockWidth((ax.max() - ax.min()) / cols);
        blocks.setBlockHeight((ay.max() - ay.min()) / rows);
        blocks.setPaintScale(new RegionScale(c.classes()));
        blocks.setDefaultSeriesVisibleInLegend(false);

        XYSeriesCollection points = new XYSeriesCollection();
        List<String> names = c.classNames();
        int[] labels = c.labels();
        for (int cls = 0; cls < names.size(); cls++) {
            XYSeries s = new XYSeries(names.get(cls), false, true);
            int inClass = 0;
            for (int label : labels) {
                inClass += label == cls ? 1 : 0;
            }
            int every = Math.max(1, (inClass + MAX_POINTS - 1) / MAX_POINTS); // a sample of a huge class
            for (int i = 0, seen = 0; i < labels.length; i++) {
                dev.backprop.nn.Account.checkStopAt(i);
                if (labels[i] == cls && seen++ % every == 0) {
                    s.add(c.pointsX()[i], c.pointsY()[i], false);
                }
            }
            points.addSeries(s);
        }
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setUseOutlinePaint(true);
        dots.setDrawOutlines(true);
        for (int cls = 0; cls < names.size(); cls++) {
            dots.setSeriesPaint(cls, Palette.pick(Palette.CLASS_RGB, cls).darker());
            dots.setSeriesOutlinePaint(cls, Color.WHITE);
            dots.setSeriesShape(cls, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        NumberAxis x = new NumberAxis("x1");
        x.setRange(ax.min(), ax.max());
        NumberAxis y = new NumberAxis("x2");
        y.setRange(ay.min(), ay.max());
        XYPlot plot = new XYPlot(points, x, y, dots); // dataset 0, drawn last (on top)
        plot.setDataset(1, regions);
        plot.setRenderer(1, blocks);
        style(plot);
        return new JFreeChart(c.title().isEmpty() ? null : c.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    /** Region colour code: class + confidence in [0, 1) as z = 2·class + confidence. */
    private static double shade(Matrix out, int i, int k) {
        if (k == 1) {
            double p = Math.min(1, Math.max(0, out.at(i)));
            int cls = p >= 0.5 ? 1 : 0;
            double conf = Math.abs(p - 0.5) * 2; // 0 at the boundary, 1 when sure
            return 2 * cls + Math.min(conf, 0.999);
        }
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (out.at(i * k + j) > out.at(i * k + best)) {
                best = j;
            }
        }
        double p = out.at(i * k + best);
        double conf = k > 1 ? Math.max(0, (p - 1.0 / k) / (1 - 1.0 / k)) : 1;
        return 2 * best + Math.min(conf, 0.999);
    }

    /** Light class colours, stronger where the network is surer. */
    private record RegionScale(int classes) implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 2 * classes;
        }

        @Override
        public Paint getPaint(double z) {
            int cls = (int) Math.floor(z / 2);
            double conf = z - 2 * cls;
            Color c = Palette.pick(Palette.CLASS_RGB, cls);
            double a = 0.15 + 0.45 * conf; // share of the class colour, the rest white
            return new Color(mix(c.getRed(), a), mix(c.getGreen(), a), mix(c.getBlue(), a));
        }

        private static int mix(int channel, double a) {
            return (int) Math.round(channel * a + 255 * (1 - a));
        }
    }

    private static JFreeChart histogram(Histogram h) {
        HistogramDataset ds = new HistogramDataset();
        double[] all = h.values();
        int n = 0;
        for (double v : all) {
            if (Double.isFinite(v)) {
                all[n++] = v;
            }
        }
        double[] range = h.range();
        ds.addSeries(h.title().isEmpty() ? "values" : h.title(), java.util.Arrays.copyOf(all, n), h.bins(),
                range[0], range[1]);
        JFreeChart jf = ChartFactory.createHistogram(h.title(), "value", "count", ds, PlotOrientation.VERTICAL,
                false, false, false);
        XYPlot plot = jf.getXYPlot();
        XYBarRenderer r = (XYBarRenderer) plot.getRenderer();
        r.setSeriesPaint(0, Palette.pick(Palette.SERIES_RGB, 0));
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        r.setSeriesOutlinePaint(0, Color.WHITE);
        style(plot);
        return jf;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    }
}
