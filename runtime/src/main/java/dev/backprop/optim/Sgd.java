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
    private final double lr;
    private final double momentum;
    private final double weightDecay;
    private final Map<Param, Matrix> buffers = new IdentityHashMap<>();

    public Sgd(double lr, double momentum, double weightDecay) {
        this.lr = Checks.learningRate("sgd lr", lr);
        this.momentum = Checks.inRange("sgd momentum", momentum, 0, 1);
        this.weightDecay = Checks.inRange("sgd weightDecay", weightDecay, 0, Double.MAX_VALUE);
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
    public void update(List<Param> trainable, double[] norms) {
        for (int i = 0; i < trainable.size(); i++) {
            Param p = trainable.get(i);
            var w = p.value().data();
            var g = p.grad().data();
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
            double sq = 0;
            for (int k = 0, n = p.size(); k < n; k++) {
                double d = g.get(k);
                if (weightDecay != 0) {
                    d += weightDecay * w.get(k);
                }
                if (buf != null) {
                    d = first ? d : momentum * buf.at(k) + d; // buf = μ·buf + g, starting at g
                    buf.put(k, d);
                }
                double delta = lr * d;
                w.put(k, w.get(k) - delta);
                sq += delta * delta;
            }
            norms[i] = Math.sqrt(sq);
        }
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "sgd");
        s.put("lr", lr);
        s.put("momentum", momentum);
        s.put("weightDecay", weightDecay);
        Map<String, double[]> bufs = new LinkedHashMap<>();
        buffers.forEach((p, m) -> bufs.put(p.name(), m.toArray()));
        s.put("momentumBuffers", bufs);
        return s;
    }
}
