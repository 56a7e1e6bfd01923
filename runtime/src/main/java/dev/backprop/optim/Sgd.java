package dev.backprop.optim;

import dev.backprop.nn.Checks;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Param;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent as PyTorch's {@code torch.optim.SGD} (dampening 0, not Nesterov):
 * g = ∂L/∂p + λ·p; with momentum μ, buf = g on the first step, then buf = μ·buf + g; p ← p − lr·buf.
 */
public final class Sgd implements Optimizer {
    /** {@code nn.sgd({ lr, momentum = 0, weightDecay = 0 })}, shown as {@code SGD { … }}. */
    public static final Kind KIND = new Kind("sgd", "SGD", List.of(Setting.required("lr", "a learning rate", 0.1),
            Setting.of("momentum", 0), Setting.of("weightDecay", 0)), v -> new Sgd(v[0], v[1], v[2]));
    private final double lr;
    private final double momentum;
    private final double weightDecay;
    private final Map<Param, Matrix> buffers = new IdentityHashMap<>();

    public Sgd(double lr, double momentum, double weightDecay) {
        this.lr = Checks.learningRate(KIND.name() + " lr", lr);
        this.momentum = Checks.inRange(KIND.name() + " momentum", momentum, 0, 1);
        this.weightDecay = Checks.inRange(KIND.name() + " weightDecay", weightDecay, 0, Double.MAX_VALUE);
    }

    public double lr() {
        return lr;
    }

    public double momentum() {
        return momentum;
    }

    public double weightDecay() {
        return weightDecay;
    }

    @Override
    public Kind kind() {
        return KIND;
    }

    @Override
    public double update(Param p) {
        Matrix buf = null;
        boolean first = false;
        if (momentum != 0) {
            buf = buffers.get(p);
            if (buf == null) {
                buf = Matrix.zeros(p.rows(), p.cols());
                buffers.put(p, buf);
                first = true;
            }
        }
        return Math.sqrt(p.descend(lr, weightDecay, momentum, buf == null ? null : buf.data(), first));
    }

    @Override
    public double[] settingValues() {
        return new double[] {lr, momentum, weightDecay};
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = settingsState();
        Map<String, double[]> bufs = new LinkedHashMap<>();
        buffers.forEach((p, m) -> bufs.put(p.name(), m.toArray()));
        s.put("momentumBuffers", bufs);
        return s;
    }
}
