package dev.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Gradients are batch means; accumulate adds, zeroGrad clears; frozen parameters get gradients but keep their values. */
class BatchGradientsTest {
    static final double[][] X = {{0.5, -1.0, 0.3}, {-0.2, 0.4, 0.9}, {1.1, 0.7, -0.6}, {0.05, -0.3, 0.8}, {0.3, 0.3, 0.3}};
    static final double[][] Y = {{0, 1}, {1, 0}, {0.5, 0.5}, {1, 1}, {0, 0}};

    static Network net() {
        return Network.builder(3, 4, 3, 2).activations(List.of("tanh", "relu")).output("sigmoid").loss("squared")
                .seed(9).build();
    }

    static double[][] grads(Network net) {
        double[][] g = new double[net.params().size()][];
        for (int i = 0; i < g.length; i++) {
            g[i] = net.params().get(i).grad().toArray();
        }
        return g;
    }

    @Test
    void batchGradientIsTheMeanOfPerExampleGradients() {
        Network net = net();
        double[][] mean = null;
        for (int i = 0; i < X.length; i++) {
            net.forward(Matrix.fromRows(new double[][] {X[i]}));
            net.backward(Matrix.fromRows(new double[][] {Y[i]}));
            double[][] g = grads(net);
            if (mean == null) {
                mean = new double[g.length][];
                for (int p = 0; p < g.length; p++) {
                    mean[p] = new double[g[p].length];
                }
            }
            for (int p = 0; p < g.length; p++) {
                for (int k = 0; k < g[p].length; k++) {
                    mean[p][k] += g[p][k] / X.length;
                }
            }
        }
        net.forward(Matrix.fromRows(X));
        net.backward(Matrix.fromRows(Y));
        double[][] batch = grads(net);
        for (int p = 0; p < batch.length; p++) {
            assertArrayEquals(mean[p], batch[p], 1e-12, net.params().get(p).name());
        }
        // and layer.delta keeps the per-example δ rows: row i of δ_o is example i's own δ_o
        Network single = net();
        single.forward(Matrix.fromRows(new double[][] {X[3]}));
        single.backward(Matrix.fromRows(new double[][] {Y[3]}));
        assertArrayEquals(single.layer(3).delta().row(0), net.layer(3).delta().row(3), 1e-15);
        assertArrayEquals(single.layer(1).delta().row(0), net.layer(1).delta().row(3), 1e-15);
    }

    @Test
    void accumulateAddsAndZeroGradClears() {
        Network net = net();
        Matrix x1 = Matrix.fromRows(new double[][] {X[0], X[1]});
        Matrix y1 = Matrix.fromRows(new double[][] {Y[0], Y[1]});
        Matrix x2 = Matrix.fromRows(new double[][] {X[2], X[3]});
        Matrix y2 = Matrix.fromRows(new double[][] {Y[2], Y[3]});
        net.forward(x1);
        net.backward(y1);
        double[][] g1 = grads(net);
        net.forward(x2);
        net.backward(y2);
        double[][] g2 = grads(net);

        net.zeroGrad();
        for (Param p : net.params()) {
            assertArrayEquals(new double[p.size()], p.grad().toArray(), 0.0, "zeroGrad clears " + p.name());
        }
        net.forward(x1);
        net.backward(y1, true);
        net.forward(x2);
        net.backward(y2, true);
        double[][] sum = grads(net);
        for (int p = 0; p < sum.length; p++) {
            for (int k = 0; k < sum[p].length; k++) {
                assertEquals(g1[p][k] + g2[p][k], sum[p][k], 1e-15);
            }
        }
        net.forward(x1);
        net.backward(y1); // without accumulate: overwritten
        assertArrayEquals(g1[0], grads(net)[0], 0.0);
    }

    @Test
    void frozenParametersGetGradientsButKeepTheirValues() {
        Network net = net();
        net.param("W2").freeze();
        net.param("b3").freeze();
        double[] w2 = net.param("W2").value().toArray();
        double[] b3 = net.param("b3").value().toArray();
        double[] w1 = net.param("W1").value().toArray();
        net.forward(Matrix.fromRows(X));
        net.backward(Matrix.fromRows(Y));
        double[] gW2 = net.param("W2").grad().toArray();
        assertNotEquals(0.0, java.util.Arrays.stream(gW2).map(Math::abs).sum(), "frozen W2 still gets ∂L/∂W2");
        net.step(0.5);
        assertArrayEquals(w2, net.param("W2").value().toArray(), 0.0, "W2 frozen");
        assertArrayEquals(b3, net.param("b3").value().toArray(), 0.0, "b3 frozen");
        double[] g1 = net.param("W1").grad().toArray();
        double[] moved = net.param("W1").value().toArray();
        for (int k = 0; k < w1.length; k++) {
            assertEquals(w1[k] - 0.5 * g1[k], moved[k], 0.0, "W1 trainable: w ← w − η·∂L/∂w");
        }
        net.param("W2").unfreeze();
        net.forward(Matrix.fromRows(X));
        net.backward(Matrix.fromRows(Y));
        net.step(0.5);
        assertNotEquals(w2[0], net.param("W2").value().at(0));
    }
}
