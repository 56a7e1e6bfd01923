package dev.backprop.plot;

import dev.backprop.nn.ShapeError;

/** One line of a {@link LineChart}: a name and its points (x defaults to 1, 2, 3, … like epochs). Arrays are copied. */
public record Series(String name, double[] x, double[] y) {
    public Series {
        if (y.length == 0) {
            throw new ShapeError("series '" + name + "' has no values; give at least one y value");
        }
        if (x == null) {
            x = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                x[i] = i + 1;
            }
        } else if (x.length != y.length) {
            throw new ShapeError("series '" + name + "' has " + x.length + " x values but " + y.length
                    + " y values; give one x per y");
        } else {
            x = x.clone();
        }
        y = y.clone();
        name = name == null ? "" : name;
    }

    /** A series over x = 1, 2, …, n. */
    public static Series of(String name, double[] y) {
        return new Series(name, null, y);
    }
}
