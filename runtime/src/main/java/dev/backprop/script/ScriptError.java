package dev.backprop.script;

/**
 * Every script failure reaches Java as this one type: the JS error's name and message, where it
 * happened in the script, and a guest-only stack trace (never host internals).
 */
public final class ScriptError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure; the CLI maps ERROR and SYNTAX to exit 1, LIMIT to 3, INTERRUPTED to 130. */
    public enum Kind { ERROR, SYNTAX, LIMIT, INTERRUPTED }

    private final Kind kind;
    private final String errorName;
    private final String text;
    private final String sourceName;
    private final int line;
    private final int column;
    private final String trace;
    private final String sourceLine;

    ScriptError(Kind kind, String errorName, String text, String sourceName, int line, int column, String trace) {
        this(kind, errorName, text, sourceName, line, column, trace, null);
    }

    ScriptError(Kind kind, String errorName, String text, String sourceName, int line, int column, String trace,
                String sourceLine) {
        super(errorName + ": " + text, null, false, false);
        this.sourceLine = sourceLine;
        this.kind = kind;
        this.errorName = errorName;
        this.text = text;
        this.sourceName = sourceName;
        this.line = line;
        this.column = column;
        this.trace = trace == null ? "" : trace;
    }

    /**
     * The text of the line the error points at, from the very source that ran (in a shell, the input that defined
     * the function, which may be an earlier one than the input that called it), or null when unknown.
     */
    public String sourceLine() {
        return sourceLine;
    }

    public Kind kind() {
        return kind;
    }

    /** The JS error's name: "ShapeError", "TypeError", "AssertionError", "LimitError", … */
    public String errorName() {
        return errorName;
    }

    /** The message without the name. */
    public String text() {
        return text;
    }

    /** The script's name ({@code "lesson.js"}, {@code "<shell>"}), or null when unknown. */
    public String sourceName() {
        return sourceName;
    }

    /** 1-based line, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, or -1 when unknown. */
    public int column() {
        return column;
    }

    /** "file:line:col", "file" when the line is unknown, "" when nothing is known. */
    public String location() {
        if (sourceName == null) {
            return "";
        }
        if (line < 0) {
            return sourceName;
        }
        return sourceName + ":" + line + (column < 0 ? "" : ":" + column);
    }

    /** The guest stack trace, one "    at …" line per script frame. */
    public String fullTrace() {
        return getMessage() + (trace.isEmpty() ? "" : "\n" + trace);
    }

    @Override
    public String toString() {
        String where = location();
        return (where.isEmpty() ? "" : where + ": ") + getMessage();
    }
}
