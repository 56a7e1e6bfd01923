package dev.backprop.shell.repl;

import dev.backprop.script.TerminalText;
import dev.backprop.shell.explain.Ansi;
import java.util.function.BiFunction;
import org.graalvm.polyglot.Value;

/**
 * Results and errors for people. A value is shown by the sandbox's one formatter
 * ({@link dev.backprop.script.Sandbox#displayResult}, the same that {@code print} uses, laid out for the
 * prompt); this class adds nothing to it but colour on or off. Errors in red as {@code Name: message}
 * with the input line and a caret.
 */
public final class Printer {
    private final boolean color;

    public Printer(boolean color) {
        this.color = color;
    }

    public boolean color() {
        return color;
    }

    /** The text to show for an evaluation's value ("" for undefined), by {@code display(value, color)}. */
    public String format(Value v, BiFunction<Value, Boolean, String> display) {
        return v == null ? "" : display.apply(v, color);
    }

    /**
     * {@code Name: message} in red, then where it happened and the input line; control characters in
     * them (a script's escape sequences) are shown escaped ({@link TerminalText}), never acted on.
     */
    public String error(String rawMessage, String rawLocation, String rawSourceLine, int column) {
        String message = TerminalText.escape(rawMessage);
        String location = TerminalText.escape(rawLocation);
        String sourceLine = TerminalText.escape(rawSourceLine);
        StringBuilder sb = new StringBuilder(Ansi.RED.paint(message, color));
        if (sourceLine != null && !sourceLine.isBlank()) {
            sb.append('\n').append(Ansi.DIM.paint("  at " + location + ": ", color)).append(sourceLine.strip());
            if (column > 0) {
                // the caret counts the escapes that replaced control characters before the column
                int before = TerminalText.escape(rawSourceLine.substring(0, Math.min(column - 1, rawSourceLine.length())))
                        .length();
                int indent = ("  at " + location + ": ").length() + before
                        - (sourceLine.length() - sourceLine.stripLeading().length());
                sb.append('\n').append(" ".repeat(Math.max(0, indent))).append(Ansi.RED.paint("^", color));
            }
        } else if (location != null && !location.isEmpty()) {
            sb.append('\n').append(Ansi.DIM.paint("  at " + location, color));
        }
        return sb.toString();
    }
}
