package dev.backprop.script;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/** Turns a {@link PolyglotException} into the one {@link ScriptError}, keeping only the script's frames. */
final class Errors {
    private static final int MAX_FRAMES = 20;
    private Errors() {
    }

    /** Longest error name and message kept (a script may throw a message of any size; the CLI prints it). */
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 10_000;

    /** As {@link #map(PolyglotException, Watchdog.Reason, Limits, boolean)} when no engine LimitError was raised. */
    static ScriptError map(PolyglotException e, Watchdog.Reason reason, Limits limits) {
        return map(e, reason, limits, false);
    }

    /**
     * {@code limitRaised}: whether the engine threw a LimitError into the script during this run. Only then is an
     * uncaught error named LimitError a limit; a script's own {@code throw new LimitError(…)} or
     * {@code { name: 'LimitError' }} is an ordinary error.
     */
    static ScriptError map(PolyglotException e, Watchdog.Reason reason, Limits limits, boolean limitRaised) {
        SourceSection at = firstScriptFrame(e);
        String trace = guestTrace(e);
        if (e.isInterrupted() || e.isCancelled() || reason != null) {
            if (reason == null || reason == Watchdog.Reason.INTERRUPTED) {
                if (e.isCancelled() && reason == null) {
                    return make(ScriptError.Kind.LIMIT, "LimitError", "statement limit of " + limits.maxStatements()
                            + " reached; this sandbox is closed now (raise it with --max-statements N, or SandboxBuilder.maxStatements in Java)", at, trace);
                }
                return make(ScriptError.Kind.INTERRUPTED, "Interrupted", "the script was interrupted", at, trace);
            }
            return make(ScriptError.Kind.LIMIT, "LimitError", limitMessage(reason, limits), at, trace);
        }
        if (e.isResourceExhausted()) {
            return make(ScriptError.Kind.LIMIT, "LimitError", "memory limit: the JVM ran out of memory while the script"
                    + " ran (" + e.getMessage() + "); keep less data alive, or give the JVM more heap (BACKPROP_JAVA_OPTS=-Xmx8g)", at, trace);
        }
        if (e.isSyntaxError()) {
            SourceSection s = e.getSourceLocation();
            String msg = e.getMessage() == null ? "syntax error" : e.getMessage();
            msg = msg.replaceFirst("^SyntaxError: ", "");
            msg = msg.replaceFirst("^\\S+:\\d+:\\d+ ", "");
            int nl = msg.indexOf('\n');
            msg = nl < 0 ? msg : msg.substring(0, nl);
            if (msg.endsWith("found import") || msg.endsWith("found export")) {
                msg += " (import and export work only in an ES module: name the file .mjs)";
            }
            return make(ScriptError.Kind.SYNTAX, "SyntaxError", msg, s != null ? s : at, trace);
        }
        String name = "Error";
        String text = e.getMessage() == null ? "" : e.getMessage();
        if (e.isGuestException()) {
            // a thrown object's name and message may be getters or Proxy traps: read while still watched, and
            // if reading them throws or is stopped, say so instead of running them again
            try {
                Value g = e.getGuestObject();
                if (g != null && g.hasMembers() && g.hasMember("message")) {
                    Value n = g.getMember("name");
                    name = n != null && n.isString() ? n.asString() : name;
                    Value m = g.getMember("message");
                    text = m != null && m.isString() ? m.asString() : m != null && m.isNumber() || m != null
                            && m.isBoolean() ? m.toString() : "[a message that is not a string]";
                } else if (g != null) {
                    name = "Uncaught";
                    text = g.isString() || g.isNumber() || g.isBoolean() || g.isNull() ? g.toString()
                            : "[a thrown " + (g.hasMembers() ? "object" : "value") + " that is not an Error]";
                }
            } catch (PolyglotException | IllegalStateException | UnsupportedOperationException unreadable) {
                name = "Error";
                text = "[a thrown value whose name or message could not be read: its getter threw or did not return]";
            }
        } else if (e.isHostException()) {
            Throwable t = e.asHostException();
            if (t instanceof StackOverflowError) {
                return make(ScriptError.Kind.ERROR, "RangeError", DEPTH_MESSAGE, at, trace);
            }
            name = t instanceof dev.backprop.nn.BackpropException b ? b.errorName()
                    : t instanceof AccessError ? "SecurityError" : "InternalError";
            text = t instanceof dev.backprop.nn.BackpropException || t instanceof AccessError ? t.getMessage()
                    : "internal error (please report it): " + t.getClass().getSimpleName()
                    + (t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        if (name.equals(AccessError.class.getName()) || name.equals(SecurityException.class.getName())
                || name.equals("Error") && (text.contains("outside the sandbox's read roots")
                        || text.contains("not URLs"))) {
            // an import refused by the confined file system arrives under its Java name or as a plain Error
            name = "SecurityError";
            text = text.replace(AccessError.class.getName() + ": ", "");
        }
        if (text.startsWith(name + ": ")) {
            text = text.substring(name.length() + 2);
        }
        ScriptError.Kind kind = "LimitError".equals(name) && (limitRaised || e.isHostException())
                ? ScriptError.Kind.LIMIT : ScriptError.Kind.ERROR;
        return make(kind, name, text, at, trace);
    }

    static final String DEPTH_MESSAGE = "Maximum call stack size exceeded: calls between the script and the"
            + " host (fit, onEpoch, callbacks) nested too deeply; end the recursion";

    /**
     * Anything thrown at the sandbox's boundary that is not a script's own error: a stopped host loop, a
     * stack overflow in host frames, a class that failed to link, a context closed meanwhile. Never a raw
     * Java error: always a ScriptError with a script-level name.
     */
    static ScriptError boundary(Throwable t, Watchdog.Reason reason, Limits limits, String source) {
        if (t instanceof PolyglotException p) {
            return map(p, reason, limits);
        }
        if (t instanceof Sandbox.Busy busy) {
            return new ScriptError(ScriptError.Kind.ERROR, "Error", busy.getMessage(), source, -1, -1, "");
        }
        if (reason == Watchdog.Reason.INTERRUPTED) {
            return new ScriptError(ScriptError.Kind.INTERRUPTED, "Interrupted", "the script was interrupted", source,
                    -1, -1, "");
        }
        if (reason != null) {
            return new ScriptError(ScriptError.Kind.LIMIT, "LimitError", limitMessage(reason, limits), source, -1, -1,
                    "");
        }
        if (t instanceof StackOverflowError) {
            return new ScriptError(ScriptError.Kind.ERROR, "RangeError", DEPTH_MESSAGE, source, -1, -1, "");
        }
        if (t instanceof OutOfMemoryError) {
            return new ScriptError(ScriptError.Kind.LIMIT, "LimitError", "memory limit: the JVM ran out of memory"
                    + " while the script ran; keep less data alive or give the JVM more heap", source, -1, -1, "");
        }
        return new ScriptError(ScriptError.Kind.ERROR, "InternalError", "internal error (please report it): "
                + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()), source, -1, -1,
                "");
    }

    static String limitMessage(Watchdog.Reason reason, Limits limits) {
        return switch (reason) {
            case TIME -> "time limit of " + Limits.format(limits.timeLimit()) + " reached; the script was stopped"
                    + " (raise it with --time-limit, e.g. --time-limit 2m, or SandboxBuilder.timeLimit in Java)";
            case OUTPUT -> "output limit of " + Limits.formatBytes(limits.maxOutputBytes()) + " reached; the script"
                    + " printed too much and was stopped (raise it with --max-output BYTES, or SandboxBuilder.maxOutputBytes in Java)";
            case MEMORY -> "memory limit of " + Limits.formatBytes(limits.maxAllocatedBytes()) + " reached; the script"
                    + " kept allocating memory and was stopped (raise it with --max-memory BYTES, or"
                    + " SandboxBuilder.maxAllocatedBytes in Java)";
            case STATEMENTS -> "statement limit of " + limits.maxStatements() + " reached; this sandbox is closed now"
                    + " (raise it with --max-statements N, or SandboxBuilder.maxStatements in Java)";
            case INTERRUPTED -> "the script was interrupted";
        };
    }

    static ScriptError make(ScriptError.Kind kind, String name, String text, SourceSection at, String trace) {
        name = cut(name, MAX_NAME);
        text = cut(text, MAX_TEXT);
        String source = at == null || at.getSource() == null ? null : at.getSource().getName();
        int line = at == null || !at.isAvailable() ? -1 : at.getStartLine();
        int col = at == null || !at.isAvailable() ? -1 : at.getStartColumn();
        String lineText = null;
        if (line > 0 && at.getSource() != null && at.getSource().hasCharacters() && line <= at.getSource().getLineCount()) {
            lineText = cut(at.getSource().getCharacters(line).toString(), MAX_TEXT);
        }
        return new ScriptError(kind, name, text, source, line, col, trace, lineText);
    }

    /** {@code s} itself, or its first {@code max} characters and how long it was. */
    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "… (" + s.length() + " characters in all)";
    }

    /** The innermost frame in a script (not in the prelude, not on the host). */
    private static SourceSection firstScriptFrame(PolyglotException e) {
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (f.isGuestFrame() && f.getSourceLocation() != null && !f.getSourceLocation().getSource().isInternal()) {
                return f.getSourceLocation();
            }
        }
        SourceSection s = e.getSourceLocation();
        return s != null && !s.getSource().isInternal() ? s : null;
    }

    private static String guestTrace(PolyglotException e) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        int hidden = 0;
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (!f.isGuestFrame()) {
                continue;
            }
            if (shown == MAX_FRAMES) {
                hidden++;
                continue;
            }
            shown++;
            SourceSection s = f.getSourceLocation();
            if (s != null && s.getSource().isInternal()) {
                continue;
            }
            String fn = f.getRootName() == null || f.getRootName().isEmpty() || f.getRootName().equals(":program")
                    ? "<top>" : f.getRootName();
            sb.append(sb.isEmpty() ? "" : "\n").append("    at ").append(fn);
            if (s != null && s.isAvailable()) {
                sb.append(" (").append(s.getSource().getName()).append(':').append(s.getStartLine()).append(':')
                        .append(s.getStartColumn()).append(')');
            }
        }
        if (hidden > 0) {
            sb.append("\n    … ").append(hidden).append(" more frames");
        }
        return sb.toString();
    }
}
