package dev.backprop.plot;

import dev.backprop.nn.ValueError;
import java.util.Locale;

/**
 * How values are spread (weights, gradients, activations): counts in equal-width bins between the
 * smallest and largest finite value, drawn as vertical bars (eighth blocks in a terminal, '#' in
 * plain text), with the count scale, the value range and n, mean and standard deviation.
 */
public final class Histogram extends Chart {
    public static final int BINS = 20;
    public static final int HEIGHT = 10;

    private final double[] values;
    private final int bins;
    private final int height;
    private final Axis range;
    private final long[] counts;
    private final int skipped;
    private final int finite;

    private Histogram(String title, double[] values, int bins, int height) {
        super(title);
        this.values = values.clone();
        this.bins = Sizes.check("histogram bins", bins, 1, 200);
        this.height = Sizes.check("histogram height", height, 2, 100);
        int fin = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                fin++;
            }
        }
        if (fin == 0) {
            throw new ValueError("a histogram needs at least one finite value, got " + values.length + " values"
                    + (values.length == 0 ? "" : ", none finite"));
        }
        this.finite = fin;
        this.skipped = values.length - fin;
        this.range = Axis.of(values);
        this.counts = new long[bins];
        for (double v : values) {
            if (Double.isFinite(v)) {
                counts[bin(v)]++;
            }
        }
    }

    /** A histogram of {@code values} in {@code bins} bins, bars up to {@code height} rows. */
    public static Histogram of(String title, double[] values, int bins, int height) {
        return new Histogram(title, values, bins, height);
    }

    /** With the default 20 bins and 10 rows. */
    public static Histogram of(String title, double[] values) {
        return new Histogram(title, values, BINS, HEIGHT);
    }

    /** Count per bin. */
    public long[] counts() {
        return counts.clone();
    }

    /** The lower edge of bin 0 and the upper edge of the last bin. */
    public double[] range() {
        return new double[] {range.min(), range.max()};
    }

    double[] values() {
        return values.clone();
    }

    int bins() {
        return bins;
    }

    @Override
    public String render(TextStyle style) {
        boolean term = style == TextStyle.TERMINAL;
        long max = 0;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        double mean = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                mean += v;
            }
        }
        mean /= finite;
        double ss = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        String stats = String.format(Locale.ROOT, "n = %d, mean %s, std %s", finite, Axis.label(mean),
                Axis.label(Math.sqrt(ss / finite)))
                + (skipped > 0 ? ", " + skipped + " non-finite skipped" : "");
        String top = Long.toString(max);
        int margin = top.length() + 1;
        int barWidth = Math.max(1, Math.min(3, 60 / bins));
        int plotWidth = bins * barWidth;
        int header = title().isEmpty() ? 0 : 1;
        int rows = header + height + 3;
        TextGrid g = new TextGrid(rows, Math.max(margin + 1 + plotWidth, margin + 1 + stats.length()));
        if (header > 0) {
            g.centre(0, title(), -1);
        }
        g.text(header, margin - 1 - top.length(), top, -1);
        g.text(header + height - 1, margin - 2, "0", -1);
        g.axes(header, margin, height, plotWidth, term);
        int colour = Palette.pick(Palette.SERIES_ANSI, 0);
        for (int b = 0; b < bins; b++) {
            // bar height in eighths of a row: count / max · height · 8
            long eighths = max == 0 ? 0 : Math.round((double) counts[b] / max * height * 8);
            if (counts[b] > 0 && eighths == 0) {
                eighths = 1;
            }
            for (int r = 0; r < height; r++) {
                long fill = eighths - (long) (height - 1 - r) * 8; // eighths of this row that are filled
                int ch;
                if (fill <= 0) {
                    continue;
                } else if (fill >= 8) {
                    ch = term ? '█' : '#';
                } else {
                    ch = term ? "▁▂▃▄▅▆▇".charAt((int) fill - 1) : (fill >= 4 ? '#' : '.');
                }
                for (int w = 0; w < barWidth; w++) {
                    if (barWidth > 1 && w == barWidth - 1) {
                        continue; // a gap between bars
                    }
                    g.put(header + r, margin + 1 + b * barWidth + w, ch, term ? colour : -1);
                }
            }
        }
        int axisRow = header + height;
        String lo = Axis.label(range.min());
        String hi = Axis.label(range.max());
        g.text(axisRow + 1, margin + 1, lo, -1);
        g.text(axisRow + 1, Math.max(margin + 1 + lo.length() + 1, margin + 1 + plotWidth - hi.length()), hi, -1);
        g.text(axisRow + 2, margin + 1, stats, -1);
        return g.render(term);
    }

    /** The bin of v: ⌊(v − min) / (max − min) · bins⌋, the maximum in the last bin. */
    private int bin(double v) {
        int b = (int) Math.floor(range.unit(v) * bins);
        return Math.min(bins - 1, Math.max(0, b));
    }
}
