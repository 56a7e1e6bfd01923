package dev.backprop.plot;

import dev.backprop.nn.ValueError;

/** Range checks for chart sizes. */
final class Sizes {
    private Sizes() {
    }

    static int check(String what, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new ValueError(what + " must be between " + lo + " and " + hi + ", got " + v);
        }
        return v;
    }
}
