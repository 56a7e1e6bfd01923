package dev.backprop.nn;

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
            throw new ValueError(what + ": " + name + "[" + i + "][" + j + "] is " + m.at(k)
                    + "; every element of " + name + " must be a finite number (check the data for missing values"
                    + " or a division by zero)");
        }
    }

    /** A value must be a finite number. */
    public static double finite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new ValueError(what + " must be a finite number, got " + v);
        }
        return v;
    }

    /** A learning rate must be finite and ≥ 0 (as PyTorch's optimizers require); 0 leaves the weights alone. */
    public static double learningRate(String what, double lr) {
        if (!(lr >= 0) || !Double.isFinite(lr)) {
            throw new ValueError(what + " must be a finite number ≥ 0, got " + lr
                    + "; a negative rate would climb the loss instead of descending it (try 0.1)");
        }
        return lr;
    }

    /** A value must be positive and finite. */
    public static double positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new ValueError(what + " must be a positive number, got " + v);
        }
        return v;
    }

    /** A value must be in [lo, hi]. */
    public static double inRange(String what, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new ValueError(what + " must be between " + lo + " and " + hi + ", got " + v);
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
}
