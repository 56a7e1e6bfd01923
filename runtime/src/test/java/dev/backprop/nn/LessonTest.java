package dev.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The lesson's Step By Step, number by number: first at its printed precision, then against PyTorch. */
class LessonTest {
    static final Matrix X = Matrix.of(1, 2, 0.50, 0.90);
    static final Matrix Y = Matrix.of(1, 1, 1.0);

    /** Rounds to the lesson's three printed decimals. */
    static double r3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static double[] r3(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = r3(v[i]);
        }
        return out;
    }

    @Test
    void stepByStepAtThePrintedPrecision() {
        Network net = Network.toy(false);
        Matrix yhat = net.forward(X);
        // Forward · hidden: a = σ(W₁·x + b₁) = [0.647, 0.678]
        assertArrayEquals(new double[] {0.647, 0.678}, r3(net.layer(1).a().toArray()));
        // Forward · output: ŷ = σ(W₂·a + b₂) = 0.762
        assertEquals(0.762, r3(yhat.at(0)));
        // Loss: L = ½(ŷ − y)² = 0.028
        double loss = net.backward(Y);
        assertEquals(0.028, r3(loss));
        // δ at the output: δ_o = (ŷ − y)·σ'(z_o) = −0.043
        assertEquals(-0.043, r3(net.layer(2).delta().at(0)));
        // Output weights: ∂L/∂W₂ = δ_o · a = [−0.028, −0.029]
        assertArrayEquals(new double[] {-0.028, -0.029}, r3(net.layer(2).W().grad().toArray()));
        // δ back to the hidden layer: δ_h = (W₂·δ_o) ⊙ a(1−a) = [−0.004, −0.004]
        assertArrayEquals(new double[] {-0.004, -0.004}, r3(net.layer(1).delta().toArray()));
        // Input weights: ∂L/∂W₁ = δ_h ⊗ x = [−0.002, −0.004, −0.002, −0.004]
        assertArrayEquals(new double[] {-0.002, -0.004, -0.002, -0.004}, r3(net.layer(1).W().grad().toArray()));
        // Update with η = 0.5, biases fixed; did it help? ŷ ≈ 0.766, L ≈ 0.027
        net.step(0.5);
        assertEquals(0.766, r3(net.predict(X).at(0)));
        assertEquals(0.027, r3(net.loss(X, Y)));
        assertArrayEquals(new double[] {0.35, 0.35}, net.layer(1).b().value().toArray(), 0.0, "frozen b1 unchanged");
        assertArrayEquals(new double[] {0.60}, net.layer(2).b().value().toArray(), 0.0, "frozen b2 unchanged");
    }

    @Test
    void stepByStepAgainstPyTorch() throws Exception {
        JsonNode ref = new ObjectMapper().readTree(Files.readString(Reference.path("toy_reference.json")));
        Network net = Network.toy(false);
        assertEquals(ref.get("yhat").asDouble(), net.forward(X).at(0), 1e-12);
        assertEquals(ref.get("loss").asDouble(), net.backward(Y), 1e-12);
        assertArrayEquals(Reference.doubles(ref.get("dW1")), net.layer(1).W().grad().toArray(), 1e-12);
        assertArrayEquals(Reference.doubles(ref.get("db1")), net.layer(1).b().grad().toArray(), 1e-12);
        assertArrayEquals(Reference.doubles(ref.get("dW2")), net.layer(2).W().grad().toArray(), 1e-12);
        assertEquals(ref.get("db2").asDouble(), net.layer(2).b().grad().at(0), 1e-12);
        net.step(0.5);
        assertEquals(ref.get("yhat_after").asDouble(), net.predict(X).at(0), 1e-12);
        assertEquals(ref.get("loss_after").asDouble(), net.loss(X, Y), 1e-12);
    }

    @Test
    void xorThousandStepsWithBiasesAgainstPyTorch() throws Exception {
        JsonNode ref = new ObjectMapper().readTree(Files.readString(Reference.path("toy_reference.json")));
        Network net = Network.toy(true);
        double[][] xs = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        double[] ys = {0, 1, 1, 0};
        for (int s = 0; s < 1000; s++) {
            net.forward(Matrix.of(1, 2, xs[s % 4]));
            net.backward(Matrix.of(1, 1, ys[s % 4]));
            net.step(0.5);
        }
        double mean = net.loss(Matrix.fromRows(xs), Matrix.of(4, 1, ys));
        assertEquals(ref.get("xor_1000").asDouble(), mean, 1e-12);
    }
}
