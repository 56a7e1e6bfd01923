package dev.backprop.script;

import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import java.time.Duration;

/**
 * Not a test: µs per forward + backward + step on the toy net, driven from a JS loop in a sandbox and
 * from a plain Java loop. Run it on the class path (interpreted) or with the launcher's flags
 * (optimizing runtime) to compare; see the report in the sandbox issue for numbers.
 */
public final class StepBenchmark {
    private StepBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        System.out.println("runtime: " + Sandbox.runtimeName());
        Network net = Network.toy(false);
        Matrix x = Matrix.of(1, 2, 0.5, 0.9);
        Matrix y = Matrix.of(1, 1, 1.0);
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                net.forward(x);
                net.backward(y);
                net.step(0.5);
            }
            System.out.printf("java: %.3f µs/step%n", (System.nanoTime() - t0) / 1e3 / n);
        }
        try (Sandbox sb = Sandbox.builder().timeLimit(Duration.ofMinutes(10)).build()) {
            sb.eval("var net = nn.toy(); function train(n) { for (let i = 0; i < n; i++) {"
                    + " net.forward([0.5, 0.9]); net.backward([1]); net.step(0.5); } }");
            for (int round = 0; round < 5; round++) {
                long t0 = System.nanoTime();
                sb.eval("train(" + n + ")");
                System.out.printf("js:   %.3f µs/step%n", (System.nanoTime() - t0) / 1e3 / n);
            }
        }
    }
}
