package dev.backprop.explain;

import java.util.Locale;

/** Formats the walkthrough's numbers as the lesson prints them: three decimals, a true minus sign. */
public final class Numbers {
    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";

    private Numbers() {
    }

    /** 0.762, −0.043; tiny non-zero values (below 0.0005) in scientific form so they do not read as zero. */
    public static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        String s;
        double abs = Math.abs(v);
        if (abs != 0 && abs < 0.0005) {
            s = String.format(Locale.ROOT, "%.1e", v);
        } else {
            s = String.format(Locale.ROOT, "%.3f", v);
            if (s.equals("-0.000")) {
                s = "0.000";
            }
        }
        return s.replace('-', '−');
    }

    /** [0.647, 0.678], or a single number without brackets when {@code scalarIfOne} and there is one value. */
    public static String list(double[] v, boolean scalarIfOne) {
        if (scalarIfOne && v.length == 1) {
            return fmt(v[0]);
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(fmt(v[i]));
        }
        return sb.append(']').toString();
    }

    /** The digits of n as Unicode subscripts: 12 → ₁₂. */
    public static String subscript(int n) {
        StringBuilder sb = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            sb.append(SUBSCRIPTS.charAt(c - '0'));
        }
        return sb.toString();
    }
}
