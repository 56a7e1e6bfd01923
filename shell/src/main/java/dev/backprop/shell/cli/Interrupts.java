package dev.backprop.shell.cli;

import sun.misc.Signal;

/** Ctrl-C (SIGINT) interrupts the running script instead of killing the JVM, so the CLI can exit with 130. */
final class Interrupts {
    private Interrupts() {
    }

    static void onCtrlC(Runnable action) {
        try {
            Signal.handle(new Signal("INT"), s -> action.run());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // no SIGINT on this platform: the default handling stays
        }
    }
}
