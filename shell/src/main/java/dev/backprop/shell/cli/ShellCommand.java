package dev.backprop.shell.cli;

import dev.backprop.shell.repl.ReplCommand;

/** {@code backprop} with no arguments: opens the interactive shell ({@link ReplCommand}) with its defaults. */
public final class ShellCommand {
    private ShellCommand() {
    }

    /** Opens the interactive shell and returns the process's exit code when it ends. */
    public static int start() {
        try {
            return new ReplCommand().call();
        } catch (Exception e) {
            System.err.println("backprop: the shell could not start: " + e.getMessage());
            return 1;
        }
    }
}
