package dev.backprop.nn;

import java.util.List;

/**
 * What {@link Network#step(UpdateRule)} needs of an optimizer: update each trainable parameter in place from
 * its gradient. The optimizers ({@code dev.backprop.optim}) implement it; the engine does not depend on them.
 */
public interface UpdateRule {
    /** Updates each parameter in place from its gradient, writing ‖Δp‖ into {@code norms[i]}; allocates nothing. */
    void update(List<Param> trainable, double[] norms);
}
