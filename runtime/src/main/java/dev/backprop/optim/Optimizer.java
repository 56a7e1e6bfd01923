package dev.backprop.optim;

import dev.backprop.nn.Network;
import dev.backprop.nn.Param;
import java.util.List;
import java.util.Map;

/**
 * An update rule over a network's trainable parameters, in PyTorch's formulation; the family is
 * closed ("sorted in order of increasing complexity": {@link Sgd}, {@link Adam}).
 */
public sealed interface Optimizer extends dev.backprop.nn.UpdateRule permits Sgd, Adam {

    /**
     * Updates each parameter in place from its gradient and returns ‖Δp‖ per parameter. Called by
     * {@link Network#step(dev.backprop.nn.UpdateRule)}, which checks the gradients are fresh and marks the change.
     */
    default double[] update(List<Param> trainable) {
        double[] norms = new double[trainable.size()];
        update(trainable, norms);
        return norms;
    }

    /** As {@link #update(List)}, writing ‖Δp‖ into {@code norms[i]}; allocates nothing in steady state. */
    @Override
    void update(List<Param> trainable, double[] norms);

    /** One step on {@code net}: the same as {@code net.step(this)}. */
    default void step(Network net) {
        net.step(this);
    }

    /** Hyper-parameters and per-parameter state, for inspection. */
    Map<String, Object> state();
}
