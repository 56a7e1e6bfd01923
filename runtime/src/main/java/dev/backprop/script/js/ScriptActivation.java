package dev.backprop.script.js;

import dev.backprop.nn.Account;
import dev.backprop.nn.Custom;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.ValueError;
import org.graalvm.polyglot.Value;

/**
 * The body of an activation a script defined with {@code nn.activation(name, { f, df })}: one call into
 * the prelude per layer, which loops over live views of z, a and the gradients and calls the script's
 * f and df per element (and names the activation when they return something that is not a finite
 * number). User code runs inside the engine's forward and backward, so it may not start another
 * activation's work (a network inside f): that is a ValueError, not a deep host stack.
 */
final class ScriptActivation implements Custom.Body {
    private final String name;
    private final Value forward;
    private final Value backward;
    private final Guard guard;
    private final Host host;

    /** Which script activation is running in this sandbox, if any (one per sandbox, shared by its activations). */
    static final class Guard {
        private String running;
        private String phase;
    }

    ScriptActivation(String name, Value forward, Value backward, Guard guard, Host host) {
        this.host = host;
        this.name = name;
        this.forward = forward;
        this.backward = backward;
        this.guard = guard;
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        enter("f");
        try {
            host.callBack(forward, z.bytes(), a.bytes(), z.size());
        } finally {
            guard.running = null;
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        enter("df");
        try {
            host.callBack(backward, z.bytes(), a.bytes(), gradA.bytes(), gradZ.bytes(), z.size());
        } finally {
            guard.running = null;
        }
    }

    private void enter(String which) {
        Account.checkStop(); // a time limit or an interrupt ends a long training loop before the next layer
        if (guard.running != null) {
            throw new ValueError("activation '" + name + "' was needed while the " + guard.phase + " of activation '"
                    + guard.running + "' was running (a network used inside " + guard.phase + "?); f and df must"
                    + " compute from their arguments alone, e.g. f: (z) => z / (1 + Math.exp(-z))");
        }
        guard.running = name;
        guard.phase = which;
    }
}
