package dev.backprop.shell.explain;

import org.jline.terminal.Terminal;

/** Whether output may carry colour and animation: not with NO_COLOR set, not when it is not a terminal. */
public final class Style {
    private Style() {
    }

    /** NO_COLOR set to anything non-empty (no-color.org). */
    public static boolean noColor() {
        String v = System.getenv("NO_COLOR");
        return v != null && !v.isEmpty();
    }

    /** A real terminal (not JLine's dumb stand-in for a pipe or a file). */
    public static boolean isInteractive(Terminal terminal) {
        String type = terminal.getType();
        return !Terminal.TYPE_DUMB.equals(type) && !Terminal.TYPE_DUMB_COLOR.equals(type);
    }
}
