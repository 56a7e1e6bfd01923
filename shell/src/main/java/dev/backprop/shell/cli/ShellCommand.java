package dev.backprop.shell.cli;

/**
 * The hook for the interactive shell ({@code backprop} with no arguments). The REPL is wired in
 * {@link #start}; until then it says so and exits.
 */
public final class ShellCommand {
    private ShellCommand() {
    }

    /** Opens the interactive shell and returns the process's exit code when it ends. */
    public static int start() {
        System.out.println("The interactive shell is not part of this build yet; run a script with"
                + " `backprop run FILE` (see `backprop --help`).");
        return 0;
    }
}
