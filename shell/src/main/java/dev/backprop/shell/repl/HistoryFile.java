package dev.backprop.shell.repl;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the shell keeps its history: $BACKPROP_HISTORY, else .backprop_history in $HOME (as node, Python
 * and bash), else in Java's user.home (from the password database); BACKPROP_HISTORY="" turns it off.
 */
public final class HistoryFile {
    public static final String ENV = "BACKPROP_HISTORY";
    public static final String DEFAULT_NAME = ".backprop_history";

    private HistoryFile() {
    }

    /** The history file for this environment and home folder, or null for no history. */
    public static Path resolve(Map<String, String> env, String userHome) {
        String configured = env.get(ENV);
        if (configured != null) {
            return configured.isBlank() ? null : Path.of(configured).toAbsolutePath();
        }
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : userHome, DEFAULT_NAME);
    }
}
