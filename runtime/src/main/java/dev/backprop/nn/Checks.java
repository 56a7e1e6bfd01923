package dev.backprop.nn;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;

/** The one validation helper: each check's message says what was expected, what came and what to do. */
public final class Checks {
    private Checks() {
    }

    /** A matrix shape must be non-negative and fit one buffer. */
    public static void shapeAllowed(long rows, long cols) {
        if (rows < 0 || cols < 0) {
            throw new ShapeError("a matrix needs non-negative rows and columns, got [" + rows + ", " + cols + "]");
        }
        if (rows * cols > Matrix.MAX_ELEMENTS) {
            throw new LimitError("a [" + rows + ", " + cols + "] matrix has " + rows * cols
                    + " elements; one matrix holds at most " + Matrix.MAX_ELEMENTS);
        }
    }

    /** Both matrices must have the same shape. */
    public static void sameShape(String what, Matrix expected, Matrix actual) {
        if (expected.rows() != actual.rows() || expected.cols() != actual.cols()) {
            throw new ShapeError(what + " expects shape " + expected.shapeString() + ", got " + actual.shapeString());
        }
    }

    /** Every element must be finite; the error names the first bad index as {@code name[i][j]}. */
    public static void finite(String what, String name, Matrix m) {
        int k = m.firstNonFinite();
        if (k >= 0) {
            int i = m.cols() == 0 ? 0 : k / m.cols();
            int j = m.cols() == 0 ? 0 : k % m.cols();
            throw new ValueError(what + ": " + name + "[" + i + "][" + j + "] is " + js(m.at(k))
                    + "; every element of " + name + " must be a finite number (check the data for missing values"
                    + " or a division by zero)");
        }
    }

    /** A value must be a finite number. */
    public static double finite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new ValueError(what + " must be a finite number, got " + js(v));
        }
        return v;
    }

    /** A learning rate must be finite and ≥ 0 (as PyTorch's optimizers require); 0 leaves the weights alone. */
    public static double learningRate(String what, double lr) {
        if (!(lr >= 0) || !Double.isFinite(lr)) {
            throw new ValueError(what + " must be a finite number ≥ 0, got " + js(lr) + (lr < 0
                    ? "; a negative rate would climb the loss instead of descending it (try 0.1)" : " (try 0.1)"));
        }
        return lr;
    }

    /** A value must be positive and finite. */
    public static double positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new ValueError(what + " must be a positive number, got " + js(v));
        }
        return v;
    }

    /** A value must be in [lo, hi]. */
    public static double inRange(String what, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new ValueError(what + (hi == Double.MAX_VALUE ? " must be ≥ " + js(lo) : " must be between " + js(lo)
                    + " and " + js(hi)) + ", got " + js(v));
        }
        return v;
    }

    /** A name must be one of {@code allowed}. */
    public static String oneOf(String what, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new ValueError("unknown " + what + " '" + value + "'; use one of " + Arrays.toString(allowed));
    }

    /**
     * A number as JavaScript prints it ({@code String(v)}: 3, -1, 0.5, 1e-7, NaN), for the messages scripts read,
     * where Java's own form (3.0, 1.0E-7) would look like a different number.
     */
    public static String js(double v) {
        if (v == 0) {
            return "0"; // -0 too, as String(-0) in JS
        }
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
        }
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
        while (d.precision() > 1) { // Java keeps a second digit where one is enough (4.9E-324 for 5e-324)
            BigDecimal shorter = d.round(new MathContext(d.precision() - 1, RoundingMode.HALF_EVEN));
            if (shorter.doubleValue() != Math.abs(v)) {
                break;
            }
            d = shorter.stripTrailingZeros();
        }
        String digits = d.unscaledValue().toString();
        int k = digits.length();
        int n = k - d.scale(); // v = 0.digits × 10ⁿ
        String sign = v < 0 ? "-" : "";
        if (k <= n && n <= 21) {
            return sign + digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + digits;
        }
        int e = n - 1;
        return sign + digits.charAt(0) + (k > 1 ? "." + digits.substring(1) : "") + "e" + (e < 0 ? "-" : "+")
                + Math.abs(e);
    }
}
