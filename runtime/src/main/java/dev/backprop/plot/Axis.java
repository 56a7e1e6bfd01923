package dev.backprop.plot;

import java.math.BigDecimal;
import java.math.MathContext;

/** A value range for one axis and the short labels drawn on it. */
record Axis(double min, double max) {

    /** The range of the finite values, widened when empty or a single point. */
    static Axis of(double[]... arrays) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] a : arrays) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new Axis(0, 1);
        }
        if (!Double.isFinite((hi - lo) * 4) || !Double.isFinite(lo * 4) || !Double.isFinite(hi * 4)) {
            // the span, its padding and the tick steps must stay finite (the renderer refused them with its own words)
            throw new dev.backprop.nn.ValueError("the values run from " + dev.backprop.nn.Checks.js(lo) + " to "
                    + dev.backprop.nn.Checks.js(hi) + ", too far apart for a chart to draw (their span overflows a"
                    + " number); divide them by a common factor first");
        }
        if (lo == hi) {
            double pad = lo == 0 ? 0.5 : Math.abs(lo) * 0.1;
            return new Axis(lo - pad, hi + pad);
        }
        return new Axis(lo, hi);
    }

    /** This range widened by {@code share} of its span on each side. */
    Axis padded(double share) {
        double pad = (max - min) * share;
        return new Axis(min - pad, max + pad);
    }

    /** Position of v in [0, 1] along the axis. */
    double unit(double v) {
        return (v - min) / (max - min);
    }

    /** Value at position u in [0, 1]. */
    double at(double u) {
        return min + u * (max - min);
    }

    /** A number in at most 3 significant digits: 0.123, 12.3, 1.23e+06. */
    static String label(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : String.valueOf(v);
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(3));
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            return String.format(java.util.Locale.ROOT, "%.2e", d.doubleValue());
        }
        return d.stripTrailingZeros().toPlainString();
    }
}
