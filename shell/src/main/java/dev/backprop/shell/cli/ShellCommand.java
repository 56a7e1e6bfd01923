package dev.backprop.shell.cli;

import dev.backprop.shell.repl.ReplCommand;

/** The interactive shell ({@code backprop} with no arguments): the REPL of {@link ReplCommand}. */
public final class ShellCommand {
    private ShellCommand() {
    }

    /** Opens the interactive shell and returns the process's exit code when it ends. */
    public static int start() {
        return ReplCommand.start();
    }
}
