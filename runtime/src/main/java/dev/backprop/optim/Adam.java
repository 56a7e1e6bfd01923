package dev.backprop.optim;

import dev.backprop.nn.Checks;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Param;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam as PyTorch's {@code torch.optim.Adam} (bias-corrected, no AMSGrad): per parameter, step t,
 * m = β₁m + (1−β₁)g, v = β₂v + (1−β₂)g², p ← p − (lr/(1−β₁ᵗ))·m / (√v/√(1−β₂ᵗ) + ε).
 */
public final class Adam implements Optimizer {
    /** {@code nn.adam({ lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8 })}, shown as {@code Adam { … }}. */
    public static final Kind KIND = new Kind("adam", "Adam", List.of(Setting.of("lr", 0.001), Setting.of("beta1", 0.9),
            Setting.of("beta2", 0.999), Setting.of("eps", 1e-8)), v -> new Adam(v[0], v[1], v[2], v[3]));
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final Map<Param, State> states = new IdentityHashMap<>();

    private static final class State {
        final Matrix m;
        final Matrix v;
        long t;

        State(Param p) {
            m = Matrix.zeros(p.rows(), p.cols());
            v = Matrix.zeros(p.rows(), p.cols());
        }
    }

    public Adam(double lr, double beta1, double beta2, double eps) {
        this.lr = Checks.learningRate(KIND.name() + " lr", lr);
        this.beta1 = Checks.inRange(KIND.name() + " beta1", beta1, 0, 1);
        this.beta2 = Checks.inRange(KIND.name() + " beta2", beta2, 0, 1);
        this.eps = Checks.inRange(KIND.name() + " eps", eps, 0, Double.MAX_VALUE);
        if (beta1 == 1 || beta2 == 1) {
            throw new dev.backprop.nn.ValueError(KIND.name() + " betas must be below 1, got beta1 = " + beta1
                    + ", beta2 = " + beta2);
        }
    }

    @Override
    public Kind kind() {
        return KIND;
    }

    @Override
    public double update(Param p) {
        State s = states.computeIfAbsent(p, State::new);
        s.t++;
        double bc1 = 1 - StrictMath.pow(beta1, s.t);
        double bc2Sqrt = StrictMath.sqrt(1 - StrictMath.pow(beta2, s.t));
        double stepSize = lr / bc1;
        var w = p.value().data();
        var g = p.grad().data();
        var m = s.m.data();
        var v = s.v.data();
        double sq = 0;
        for (int k = 0, n = p.size(); k < n; k++) {
            double gk = g.get(k);
            double mk = m.get(k) * beta1 + (1 - beta1) * gk;       // m = β₁m + (1−β₁)g
            double vk = v.get(k) * beta2 + (1 - beta2) * gk * gk;  // v = β₂v + (1−β₂)g²
            m.put(k, mk);
            v.put(k, vk);
            double delta = stepSize * (mk / (Math.sqrt(vk) / bc2Sqrt + eps)); // (lr/(1−β₁ᵗ))·m / (√v/√(1−β₂ᵗ) + ε)
            w.put(k, w.get(k) - delta);
            sq += delta * delta;
        }
        return Math.sqrt(sq);
    }

    @Override
    public double[] settingValues() {
        return new double[] {lr, beta1, beta2, eps};
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = settingsState();
        Map<String, Object> per = new LinkedHashMap<>();
        states.forEach((p, st) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("step", st.t);
            e.put("m", st.m.toArray());
            e.put("v", st.v.toArray());
            per.put(p.name(), e);
        });
        s.put("params", per);
        return s;
    }
}
