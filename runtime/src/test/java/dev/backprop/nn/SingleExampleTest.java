package dev.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A batch of one example takes the fused path ({@code SingleExample}); a batch holding that example
 * twice takes the general kernels, and its batch mean of two equal terms is exact (2·s rounds to
 * itself, halving it is exact). So every cache, gradient and weight must agree bit for bit, step after
 * step, for every element-wise activation and loss, with and without accumulation, and for a layer
 * just past the fused path's size limit.
 */
class SingleExampleTest {
    private static void sameBits(Matrix expected, Matrix actual, int row, String what) {
        for (int j = 0; j < actual.cols(); j++) {
            double e = expected.at(row * expected.cols() + j);
            double a = actual.at(j);
            assertEquals(Double.doubleToRawLongBits(e), Double.doubleToRawLongBits(a),
                    what + "[" + j + "]: general " + e + ", one example " + a);
        }
    }

    private static void sameBits(Matrix expected, Matrix actual, String what) {
        assertEquals(expected.size(), actual.size(), what + " size");
        for (int k = 0; k < expected.size(); k++) {
            assertEquals(Double.doubleToRawLongBits(expected.at(k)), Double.doubleToRawLongBits(actual.at(k)),
                    what + "[" + k + "]: general " + expected.at(k) + ", one example " + actual.at(k));
        }
    }

    private static Matrix twice(Matrix row) {
        Matrix m = Matrix.zeros(2, row.cols());
        for (int j = 0; j < row.cols(); j++) {
            m.put(j, row.at(j));
            m.put(row.cols() + j, row.at(j));
        }
        return m;
    }

    private static void trainsAlike(NetworkBuilder builder, double[][] xs, double[][] ys, double lr) {
        Network one = builder.build();
        Network two = builder.build();
        for (int s = 0; s < 12; s++) {
            Matrix x = Matrix.of(1, xs[0].length, xs[s % xs.length]);
            Matrix y = Matrix.of(1, ys[0].length, ys[s % ys.length]);
            Matrix outOne = one.forward(x);
            Matrix outTwo = two.forward(twice(x));
            sameBits(outTwo, outOne, 1, "output, step " + s);
            boolean accumulate = s % 3 == 2;
            double lossOne = one.backward(y, accumulate);
            double lossTwo = two.backward(twice(y), accumulate);
            assertEquals(lossTwo, lossOne, 1e-15 * Math.max(1, Math.abs(lossTwo)), "loss, step " + s);
            for (int l = 1; l <= one.layers().size(); l++) {
                Dense a = one.layer(l);
                Dense b = two.layer(l);
                sameBits(b.z(), a.z(), 0, "z" + l + ", step " + s);
                sameBits(b.a(), a.a(), 1, "a" + l + ", step " + s);
                sameBits(b.delta(), a.delta(), 1, "δ" + l + ", step " + s);
            }
            for (int p = 0; p < one.params().size(); p++) {
                Param a = one.params().get(p);
                sameBits(two.params().get(p).grad(), a.grad(), "∂L/∂" + a.name() + ", step " + s);
            }
            one.step(lr);
            two.step(lr);
            for (int p = 0; p < one.params().size(); p++) {
                Param a = one.params().get(p);
                sameBits(two.params().get(p).value(), a.value(), a.name() + " after step " + s);
            }
        }
    }

    @Test
    void theToyNetOverXor() {
        double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        double[][] y = {{0}, {1}, {1}, {0}};
        NetworkBuilder toyLike = Network.builder(2, 2, 1).activation("sigmoid").loss("squared").seed(1L);
        trainsAlike(toyLike, x, y, 0.5);
    }

    @Test
    void everyElementwiseActivationAndLoss() {
        double[][] x = {{0.5, -1.5, 2}, {-0.25, 0.75, -3}, {1, 1, 1}};
        double[][] y2 = {{0.2, -0.7}, {1.5, 0.1}, {-0.4, 0.9}};
        double[][] p2 = {{1, 0}, {0, 1}, {1, 1}};
        trainsAlike(Network.builder(3, 5, 4, 2).activation("tanh").output("identity").loss("mse").seed(2L), x, y2,
                0.05);
        trainsAlike(Network.builder(3, 6, 2).activation("relu").output("sigmoid").loss("bce").seed(3L), x, p2, 0.1);
        trainsAlike(Network.builder(3, 4, 4, 2).activation("leakyRelu").output("tanh").loss("squared").seed(4L), x, y2,
                0.1);
        trainsAlike(Network.builder(3, 2).activation("identity").loss("squared").seed(5L), x, y2, 0.01);
    }

    /** The fused loops are chosen per layer: small element-wise layers take them beside a softmax output. */
    @Test
    void smallLayersBesideASoftmaxOutput() {
        double[][] x = {{0.5, -1.5, 2}, {-0.25, 0.75, -3}, {1, 1, 1}};
        double[][] oneHot = {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}};
        trainsAlike(Network.builder(3, 5, 4, 3).activation("sigmoid").output("softmax").loss("crossEntropy").seed(8L),
                x, oneHot, 0.1);
    }

    @Test
    void layersAtAndPastTheFusedSizeLimit() {
        int at = SingleExample.MAX_UNITS;
        double[][] x = new double[3][at + 1];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < x[i].length; k++) {
                x[i][k] = Math.sin(7.0 * i + k);
            }
        }
        double[][] y = {{0.3}, {-0.6}, {0.9}};
        trainsAlike(Network.builder(at + 1, at, 1).activation("tanh").output("identity").loss("mse").seed(6L), x, y,
                0.01);
        double[][] xAt = new double[3][at];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(x[i], 0, xAt[i], 0, at);
        }
        trainsAlike(Network.builder(at, at, 1).activation("relu").output("identity").loss("mse").seed(7L), xAt, y,
                0.01);
    }
}
