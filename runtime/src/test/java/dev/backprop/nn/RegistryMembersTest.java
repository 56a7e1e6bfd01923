package dev.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.io.NetworkJson;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every member of the activation and loss registries, however many there are: each derivative agrees with central
 * finite differences of its own function, and a network using it saves and loads back to the same document and the
 * same predictions (the reader takes its names from the registry). A new member, one file and its line in
 * {@code permits}, is tested here without a line of this file changing.
 */
class RegistryMembersTest {
    private static final double H = 1e-6;
    /** Two examples of four units; no z at a kink (relu's 0). */
    private static final double[] Z = {-2.3, -0.6, 0.35, 1.7, 0.9, -1.4, 2.2, -0.15};

    static Stream<Activation> activations() {
        return Activation.builtIns().stream();
    }

    static Stream<Loss> losses() {
        return Loss.builtIns().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void activationBackwardIsTheDerivativeOfForward(Activation f) {
        Matrix z = Matrix.of(2, 4, Z);
        Matrix gradA = Matrix.of(2, 4, 0.3, -1.1, 0.7, 0.25, -0.4, 0.8, 0.15, -0.9); // any ∂L/∂a
        Matrix a = Matrix.zeros(2, 4);
        f.forward(z, a);
        Matrix gradZ = Matrix.zeros(2, 4);
        f.backward(z, a, gradA, gradZ);
        // ∂(gradA · f(z))/∂z_k, which is what backward returns (the chain rule through f, softmax's rows included)
        assertAgreesWithFiniteDifferences(f.name(), gradZ, z, 1, zz -> dot(gradA, apply(f, zz)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void lossDeltaIsTheDerivativeOfTheLoss(Loss loss) {
        Activation output = loss.requiredOutput() != null ? loss.requiredOutput() : Sigmoid.INSTANCE;
        Matrix z = Matrix.of(2, 4, Z);
        Matrix y = Matrix.of(2, 4, 0, 1, 0, 0, 0.1, 0.2, 0.3, 0.4); // one-hot and soft rows, each summing to 1
        loss.checkTargets(y, 2, 4);
        Matrix a = Matrix.zeros(2, 4);
        output.forward(z, a);
        Matrix delta = Matrix.zeros(2, 4);
        loss.outputDelta(z, a, y, output, delta, Matrix.zeros(2, 4));
        // δ is per example, not divided by the batch: B · ∂L/∂z with L the batch mean
        assertAgreesWithFiniteDifferences(loss.name(), delta, z, 2, zz -> loss.value(zz, apply(output, zz), y));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void aNetworkWithItSavesAndLoadsBack(Activation f) {
        NetworkBuilder b = Network.builder(3, 4, 2).seed(7);
        if (f.hiddenAllowed()) {
            b.activation(f.name()).output(Identity.INSTANCE.name()).loss(Mse.INSTANCE.name());
        } else {
            Loss loss = Loss.builtIns().stream().filter(l -> f.equals(l.requiredOutput())).findFirst()
                    .orElse(Mse.INSTANCE);
            b.output(f.name()).loss(loss.name());
        }
        Network net = b.build();
        String json = NetworkJson.toJson(net);
        Network back = NetworkJson.fromJson(json);
        assertEquals(json, NetworkJson.toJson(back));
        Matrix x = Matrix.of(2, 3, 0.5, -0.25, 1.5, -1.0, 0.75, 0.1);
        assertTrue(net.predict(x).sameBits(back.predict(x)), f.name() + ": the loaded network predicts other bits");
    }

    /** Every element of {@code analytic} is {@code scale} · ∂L/∂z_k by central differences of L at z. */
    private static void assertAgreesWithFiniteDifferences(String what, Matrix analytic, Matrix z, int scale,
            ToDoubleFunction<Matrix> loss) {
        for (int k = 0; k < z.size(); k++) {
            Matrix up = z.copy();
            up.put(k, z.at(k) + H);
            Matrix down = z.copy();
            down.put(k, z.at(k) - H);
            double numeric = scale * (loss.applyAsDouble(up) - loss.applyAsDouble(down)) / (2 * H);
            assertEquals(numeric, analytic.at(k), 1e-6 * Math.max(1, Math.abs(numeric)),
                    what + ": element " + k + " (z = " + z.at(k) + ")");
        }
    }

    private static Matrix apply(Activation f, Matrix z) {
        Matrix a = Matrix.zeros(z.rows(), z.cols());
        f.forward(z, a);
        return a;
    }

    private static double dot(Matrix p, Matrix q) {
        double s = 0;
        for (int k = 0; k < p.size(); k++) {
            s += p.at(k) * q.at(k);
        }
        return s;
    }
}
