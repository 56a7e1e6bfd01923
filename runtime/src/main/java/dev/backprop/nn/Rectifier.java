package dev.backprop.nn;

/**
 * The ReLU family: zero (or nearly) below the kink, the identity above it. Its layers start from He's
 * initialisation, and a unit whose z never passes the kink over a whole batch is dead.
 */
public sealed interface Rectifier extends Activation.Elementwise permits Relu, LeakyRelu {
    @Override
    default Init defaultInit() {
        return Init.HE;
    }

    @Override
    default boolean unitsCanDie() {
        return true;
    }
}
