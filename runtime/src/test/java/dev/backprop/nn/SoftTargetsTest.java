package dev.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Losses with soft targets (probabilities, or rows that do not sum to 1): the output delta agrees with
 * central differences of the loss value, δ = B·∂L/∂z for a batch-mean loss L.
 */
class SoftTargetsTest {
    /** Central differences in float64 with h = 1e-6 are good to about 1e-9 on these O(1) values. */
    private static final double TOL = 1e-7;
    private static final double H = 1e-6;

    private static final double[][] Z = {{0.3, -1.2, 2.0}, {-0.5, 0.0, 0.7}, {4.0, -3.0, 0.1}, {1.0, 1.0, 1.0}};

    @Test
    void crossEntropyWithProbabilityTargets() {
        agree(CrossEntropy.INSTANCE, Softmax.INSTANCE, Z,
                new double[][] {{0.2, 0.3, 0.5}, {0.7, 0.2, 0.1}, {0, 0.25, 0.75}, {1.0 / 3, 1.0 / 3, 1.0 / 3}});
    }

    @Test
    void crossEntropyWithRowsThatDoNotSumToOne() {
        agree(CrossEntropy.INSTANCE, Softmax.INSTANCE, Z,
                new double[][] {{0.5, 0.5, 0.5}, {0, 0, 0}, {2.0, 0, 0.1}, {0.1, 0.2, 0.3}});
    }

    @Test
    void crossEntropyWithOneHotRowsIsUnchanged() {
        agree(CrossEntropy.INSTANCE, Softmax.INSTANCE, Z,
                new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 1, 0}});
    }

    @Test
    void crossEntropyWithClassIndices() {
        Matrix y = Matrix.of(4, 1, 2, 0, 1, 2);
        double[][] oneHot = {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        double[] byIndex = delta(CrossEntropy.INSTANCE, Softmax.INSTANCE, Matrix.fromRows(Z), y);
        double[] byRows = delta(CrossEntropy.INSTANCE, Softmax.INSTANCE, Matrix.fromRows(Z), Matrix.fromRows(oneHot));
        for (int k = 0; k < byIndex.length; k++) {
            assertEquals(byRows[k], byIndex[k], 0.0, "class indices and one-hot rows give the same δ");
        }
        agree(CrossEntropy.INSTANCE, Softmax.INSTANCE, Z, oneHot);
    }

    @Test
    void bceWithSoftTargets() {
        agree(Bce.INSTANCE, Sigmoid.INSTANCE, Z,
                new double[][] {{0.2, 0.9, 0.5}, {0.7, 0.0, 1.0}, {0.25, 0.5, 0.75}, {0.5, 0.5, 0.5}});
    }

    /** The same losses against PyTorch (soft_targets_reference.py): value and per-example delta. */
    @Test
    void matchPyTorchWithSoftTargets() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(Reference.path("soft_targets_reference.json").toFile());
        int checked = 0;
        for (JsonNode c : doc.get("cases")) {
            boolean ce = c.get("loss").asText().equals("crossEntropy");
            Loss loss = ce ? CrossEntropy.INSTANCE : Bce.INSTANCE;
            Activation output = ce ? Softmax.INSTANCE : Sigmoid.INSTANCE;
            int rows = c.get("rows").asInt(), cols = c.get("cols").asInt();
            Matrix z = Matrix.of(rows, cols, Reference.doubles(c.get("z")));
            Matrix y = Matrix.of(rows, cols, Reference.doubles(c.get("y")));
            String what = loss.name() + " (" + c.get("name").asText() + ")";
            assertEquals(c.get("value").asDouble(), value(loss, output, z, y), 1e-12, what + ": loss");
            double[] expected = Reference.doubles(c.get("delta"));
            double[] d = delta(loss, output, z, y);
            for (int k = 0; k < d.length; k++) {
                assertEquals(expected[k], d[k], 1e-12, what + ": δ[" + k / cols + "][" + k % cols + "]");
            }
            checked++;
        }
        assertEquals(3, checked);
    }

    private static void agree(Loss loss, Activation output, double[][] zRows, double[][] yRows) {
        Matrix z = Matrix.fromRows(zRows);
        Matrix y = Matrix.fromRows(yRows);
        int batch = z.rows();
        double[] d = delta(loss, output, z, y);
        for (int k = 0; k < z.size(); k++) {
            double zk = z.at(k);
            z.data().put(k, zk + H);
            double up = value(loss, output, z, y);
            z.data().put(k, zk - H);
            double down = value(loss, output, z, y);
            z.data().put(k, zk);
            double numeric = batch * (up - down) / (2 * H); // B·∂L/∂z, L the batch mean
            assertEquals(numeric, d[k], TOL, loss.name() + ": δ[" + k / z.cols() + "][" + k % z.cols()
                    + "] disagrees with the loss's central difference");
        }
    }

    private static double value(Loss loss, Activation output, Matrix z, Matrix y) {
        Matrix a = Matrix.zeros(z.rows(), z.cols());
        output.forward(z, a);
        return loss.value(z, a, y);
    }

    private static double[] delta(Loss loss, Activation output, Matrix z, Matrix y) {
        Matrix a = Matrix.zeros(z.rows(), z.cols());
        output.forward(z, a);
        Matrix delta = Matrix.zeros(z.rows(), z.cols());
        loss.outputDelta(z, a, y, output, delta, Matrix.zeros(z.rows(), z.cols()));
        double[] out = new double[delta.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = delta.at(k);
        }
        return out;
    }
}
