package dev.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backprop.nn.HandNet.Mistake;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Central differences agree with backward for every activation × loss pair, and catch a wrong gradient. */
class GradCheckTest {
    static final double[][] X = {{0.5, -1.0, 0.3}, {-0.2, 0.4, 0.9}, {1.1, 0.7, -0.6}, {0.05, -0.3, 0.8}};

    static Stream<Arguments> pairs() {
        List<Arguments> out = new ArrayList<>();
        for (String hidden : new String[] {"sigmoid", "tanh", "relu", "leakyRelu", "identity"}) {
            for (String output : new String[] {"sigmoid", "tanh", "relu", "leakyRelu", "identity", "softmax"}) {
                out.add(Arguments.of(hidden, output, "squared", "rows"));
                out.add(Arguments.of(hidden, output, "mse", "rows"));
            }
            out.add(Arguments.of(hidden, "sigmoid", "bce", "rows"));
            out.add(Arguments.of(hidden, "softmax", "crossEntropy", "oneHot"));
            out.add(Arguments.of(hidden, "softmax", "crossEntropy", "classIndex"));
        }
        return out.stream();
    }

    static Matrix targets(String output, String loss, String form) {
        return switch (form) {
            case "oneHot" -> Matrix.fromRows(new double[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}, {0, 1, 0}});
            case "classIndex" -> Matrix.of(4, 1, 1, 0, 2, 1);
            default -> output.equals("softmax")
                    ? Matrix.fromRows(new double[][] {{0.2, 0.5, 0.3}, {1, 0, 0}, {0.1, 0.1, 0.8}, {0, 1, 0}})
                    : Matrix.fromRows(new double[][] {{0.2, 0.9, 0.4}, {0.7, 0.1, 1.0}, {0.5, 0.5, 0.0}, {1.0, 0.0, 0.3}});
        };
    }

    /** A 3-layer net 3→5→4→3 with batch 4: every hidden activation with every output/loss it may meet. */
    @ParameterizedTest(name = "{0} hidden, {1} output, {2} ({3})")
    @MethodSource("pairs")
    void agreesWithBackward(String hidden, String output, String loss, String form) {
        Network net = Network.builder(3, 5, 4, 3).activation(hidden).output(output).loss(loss).seed(3).build();
        // biases away from zero so that every bias gradient is exercised and no unit sits on a kink
        for (Dense d : net.layers()) {
            double[] b = new double[d.outputs()];
            for (int j = 0; j < b.length; j++) {
                b[j] = 0.1 * (j + 1) * (j % 2 == 0 ? 1 : -1);
            }
            d.b().setAll(b);
        }
        GradCheck check = net.gradCheck(Matrix.fromRows(X), targets(output, loss, form));
        assertEquals(List.of("W1", "b1", "W2", "b2", "W3", "b3"), List.copyOf(check.params().keySet()));
        assertTrue(check.maxRelError() < 1e-6, "max relative error " + check.maxRelError() + " " + check.params());
    }

    @Test
    void flagsAWrongGradient() throws Exception {
        Network net = Network.toy(false);
        Matrix x = Matrix.of(1, 2, 0.5, 0.9);
        Matrix y = Matrix.of(1, 1, 1.0);
        double[][] numeric = GradCheck.numericGradients(net.copy(), x, y, 1e-6);
        JsonNode ref = new ObjectMapper().readTree(Files.readString(Reference.path("toy_reference.json")));
        // PyTorch's gradients agree with the central differences
        assertTrue(GradCheck.relativeError(Reference.doubles(ref.get("dW1")), numeric[0]) < 1e-6);
        assertTrue(GradCheck.relativeError(Reference.doubles(ref.get("dW2")), numeric[2]) < 1e-6);
        // hand-made mistakes do not
        HandNet hand = HandNet.of(net);
        double[][] x1 = {{0.5, 0.9}};
        double[][] y1 = {{1.0}};
        double[][] flipped = hand.gradients(x1, y1, Mistake.SIGN_FLIPPED, 0);
        assertEquals(1.0, GradCheck.relativeError(flipped[0], numeric[0]), 1e-6, "a sign flip is a relative error of 1");
        double[][] dropped = hand.gradients(x1, y1, Mistake.DROP_HIDDEN_DERIVATIVE, 0);
        assertTrue(GradCheck.relativeError(dropped[0], numeric[0]) > 0.5, "σ' dropped: ∂L/∂W1 is about 4.5 times too big");
        double[][] right = hand.gradients(x1, y1, Mistake.NONE, 0);
        double[] slightlyOff = right[0].clone();
        slightlyOff[3] *= 1.001;
        assertTrue(GradCheck.relativeError(slightlyOff, numeric[0]) > 1e-4, "a 0.1% error in one element shows");
    }

    @Test
    void theFloorKeepsNoiseOnZeroGradientsSmall() {
        double[] zero = new double[4];
        double[] noise = {1e-11, -2e-11, 0, 5e-12};
        assertTrue(GradCheck.relativeError(zero, noise) < 1e-6);
        assertEquals(0.0, GradCheck.relativeError(zero, zero));
        assertEquals(1.0, GradCheck.relativeError(new double[] {1e-3}, new double[] {-1e-3}), 1e-15);
    }

    @Test
    void leavesTheCallersNetworkAlone() {
        Network net = Network.builder(3, 4, 2).activation("tanh").output("sigmoid").loss("bce").seed(5).build();
        Matrix x = Matrix.fromRows(X);
        Matrix y = Matrix.fromRows(new double[][] {{0, 1}, {1, 1}, {0, 0}, {1, 0}});
        net.forward(x);
        net.backward(y);
        double[][] grads = new double[4][];
        for (int i = 0; i < 4; i++) {
            grads[i] = net.params().get(i).grad().toArray();
        }
        double[] z1 = net.layer(1).z().toArray();
        double[] delta1 = net.layer(1).delta().toArray();
        long stamp = net.param("W1").stamp();
        net.gradCheck(Matrix.fromRows(new double[][] {{1, 2, 3}}), Matrix.of(1, 2, 1, 0), 1e-5);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(grads[i], net.params().get(i).grad().toArray(), 0.0);
        }
        assertArrayEquals(z1, net.layer(1).z().toArray(), 0.0);
        assertArrayEquals(delta1, net.layer(1).delta().toArray(), 0.0);
        assertEquals(stamp, net.param("W1").stamp());
        assertTrue(net.gradsFresh());
        net.backward(y); // the forward is still current
    }

    @Test
    void aNetworkTooBigToCheckIsALimitErrorNotAHang() {
        Network big = Network.builder(784, 64, 10).activation("relu").output("softmax").loss("crossEntropy").build();
        Matrix x = Matrix.zeros(8, 784);
        LimitError e = org.junit.jupiter.api.Assertions.assertThrows(LimitError.class,
                () -> big.gradCheck(x, Matrix.of(8, 1, 0, 1, 2, 3, 4, 5, 6, 7)));
        assertTrue(e.getMessage().startsWith("gradCheck runs 2 forward passes per parameter: for 50890 parameters"),
                e.getMessage());
    }
}
