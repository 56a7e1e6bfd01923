package dev.backprop.train;

import dev.backprop.data.Dataset;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import dev.backprop.nn.ShapeError;

/**
 * The fraction of examples whose predicted class is right. The predicted class is the arg-max of
 * the outputs (the first on ties), or for a single output 1 when ŷ ≥ 0.5, else 0. Targets are class
 * indices (one column) or one-hot rows.
 */
public final class Accuracy {
    private Accuracy() {
    }

    /** Accuracy of {@code net} on every example of {@code data} (predict: the training caches are untouched). */
    public static double of(Network net, Dataset data) {
        return of(net, data.x(), data.y());
    }

    /** Accuracy of {@code net} on inputs x against targets y. */
    public static double of(Network net, Matrix x, Matrix y) {
        Matrix out = net.predict(x);
        return (double) correct(out, y) / x.rows();
    }

    /** How many rows of outputs {@code out} [B, K] predict the class in {@code y} ([B, 1] indices or [B, K] one-hot). */
    public static int correct(Matrix out, Matrix y) {
        int k = out.cols();
        if (y.rows() != out.rows() || (y.cols() != 1 && y.cols() != k)) {
            throw new ShapeError("accuracy expects targets as " + out.rows() + " class indices [" + out.rows()
                    + ", 1] or one-hot rows [" + out.rows() + ", " + k + "], got " + y.shapeString());
        }
        int right = 0;
        for (int i = 0, n = out.rows(); i < n; i++) {
            if (predicted(out, i) == actual(y, i, k)) {
                right++;
            }
        }
        return right;
    }

    /** The predicted class of row i: arg-max, or ŷ ≥ 0.5 for a single output. */
    public static int predicted(Matrix out, int i) {
        int k = out.cols();
        if (k == 1) {
            return out.at(i) >= 0.5 ? 1 : 0;
        }
        return argMax(out, i);
    }

    private static int actual(Matrix y, int i, int k) {
        if (y.cols() == 1) {
            return k == 1 ? (y.at(i) >= 0.5 ? 1 : 0) : (int) Math.rint(y.at(i));
        }
        return argMax(y, i);
    }

    private static int argMax(Matrix m, int i) {
        int k = m.cols();
        int best = 0;
        double max = m.at(i * k);
        for (int j = 1; j < k; j++) {
            double v = m.at(i * k + j);
            if (v > max) {
                max = v;
                best = j;
            }
        }
        return best;
    }
}
