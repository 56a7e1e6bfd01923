package dev.backprop.shell.repl;

import dev.backprop.script.Result;
import dev.backprop.script.Sandbox;
import dev.backprop.script.ScriptError;
import dev.backprop.script.Snapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One shell session's state around its sandbox: evaluates inputs (a snapshot first, kept for
 * {@code .undo} when the input changed a network), prints results and errors, and keeps the log
 * {@code .save} writes.
 */
public final class ReplSession implements AutoCloseable {
    static final int UNDO_DEPTH = 20;
    static final String SOURCE = "<shell>";
    private static final Pattern DECLARES = Pattern.compile("(async\\s+)?(function|class)\\b");
    private static final Pattern DECLARATION = Pattern.compile("(?m)^\\s*(const|let|class)\\s+([A-Za-z_$][\\w$]*)");

    private final Supplier<Sandbox> sandboxes;
    private final Printer printer;
    private final PrintWriter out;
    private final SessionLog log = new SessionLog();
    private final Deque<Undo> undo = new ArrayDeque<>();
    private volatile CompletableFuture<Sandbox> sandbox;
    private volatile boolean evaluating;
    private String lastTrace;
    /** Names whose top-level declaration failed before they got a value (the JS "dead zone"), to their keyword. */
    private final Map<String, String> unbound = new LinkedHashMap<>();

    /** What {@code .undo} puts back: the networks before an input, the input, and its place in the log (-1: none). */
    private record Undo(Snapshot snapshot, String input, int logged) {
    }

    public ReplSession(Supplier<Sandbox> sandboxes, Printer printer, PrintWriter out) {
        this.sandboxes = sandboxes;
        this.printer = printer;
        this.out = out;
        this.sandbox = start(sandboxes);
    }

    /**
     * Builds the sandbox on its own thread, so the prompt shows while the JS engine starts; the
     * first evaluation (or completion) waits for it.
     */
    private static CompletableFuture<Sandbox> start(Supplier<Sandbox> sandboxes) {
        CompletableFuture<Sandbox> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(sandboxes.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "backprop-sandbox-start");
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** The session's sandbox, waiting for it if it is still starting. */
    public Sandbox sandbox() {
        return sandbox.join();
    }

    public SessionLog log() {
        return log;
    }

    public Printer printer() {
        return printer;
    }

    public PrintWriter out() {
        return out;
    }

    /** Runs one input; prints its value or its error. Returns whether it succeeded. */
    public boolean evaluate(String input) {
        String code = objectLiteral(input);
        return run(code, () -> sandbox().eval(code, SOURCE), code);
    }

    /**
     * As node's REPL: input that starts with "{" and does not end with ";" is an object literal
     * when it parses in parentheses ({@code {a: 1}}), and a block otherwise.
     */
    private String objectLiteral(String input) {
        String s = input.strip();
        if (s.startsWith("{") && !s.endsWith(";")) {
            String wrapped = "(" + s + "\n)";
            if (sandbox().parses(wrapped)) {
                return wrapped;
            }
        }
        return input;
    }

    /** Runs a script file into the session ({@code .load}). */
    public boolean load(Path file, String text) {
        return run(text, () -> sandbox().run(file), text);
    }

    /** Ctrl-C while evaluating: stops the running evaluation; the session stays usable. */
    public void interrupt() {
        if (evaluating && sandbox.isDone()) {
            sandbox().interrupt();
        }
    }

    public boolean evaluating() {
        return evaluating;
    }

    /** Puts the networks back as they were before the latest input; null if there is nothing to undo. */
    public String undo() {
        Undo u = undo.pollFirst();
        if (u == null) {
            return null;
        }
        sandbox().restore(u.snapshot());
        log.drop(u.logged());
        return u.input();
    }

    /** A fresh sandbox: every variable and network dropped, the log and undo cleared. */
    public void reset() {
        CompletableFuture<Sandbox> old = sandbox;
        sandbox = start(sandboxes);
        close(old);
        log.clear();
        undo.clear();
        unbound.clear();
        lastTrace = null;
    }

    /** The full trace of the latest error, or null. */
    public String lastTrace() {
        return lastTrace;
    }

    @Override
    public void close() {
        close(sandbox);
    }

    private static void close(CompletableFuture<Sandbox> s) {
        try {
            s.join().close();
        } catch (CompletionException e) {
            // it never started; the error was shown when it was needed
        }
    }

    /** The error as the printer shows it: red {@code Name: message}, where, and the input line with a caret. */
    private String describe(ScriptError e, String code) {
        if (e.kind() == ScriptError.Kind.INTERRUPTED) {
            return printer.error("Interrupted (Ctrl-C): the evaluation stopped; variables and networks are still here.",
                    null, null, -1);
        }
        // the line of the input the error is in: a function an earlier input defined points into that input
        String line = !SOURCE.equals(e.sourceName()) || e.line() <= 0 ? null
                : e.sourceLine() != null ? e.sourceLine() : code.lines().skip(e.line() - 1).findFirst().orElse(null);
        return printer.error(e.getMessage(), e.location(), line, line == null ? -1 : e.column());
    }

    /** One expression (it parses in parentheses), not a declaration: .save may wrap it in print(…). */
    private boolean isExpression(String code) {
        String s = code.strip();
        return !DECLARES.matcher(s).lookingAt() && sandbox().parses("(" + s + "\n)");
    }

    /** After a failed input: its const/let/class names that never got a value stay unusable until .reset. */
    private void rememberUnbound(String code) {
        Matcher m = DECLARATION.matcher(code);
        while (m.find()) {
            String name = m.group(2);
            try {
                Result bound = sandbox().eval("(() => { try { " + name + "; return true; } catch (e) { return false; } })()",
                        "<check>");
                if (!bound.value().asBoolean()) {
                    unbound.put(name, m.group(1));
                }
            } catch (RuntimeException ignored) {
                // no hint then
            }
        }
    }

    /** A line saying why a name cannot be declared or used again, when an earlier declaration of it failed. */
    private String hint(ScriptError e) {
        String message = e.getMessage();
        for (Map.Entry<String, String> u : unbound.entrySet()) {
            String n = u.getKey();
            if (message.contains("\"" + n + "\" has already been declared") || message.contains(n + " is not defined")) {
                return "\n" + "the earlier `" + u.getValue() + " " + n + "` failed before " + n
                        + " got a value; use another name, or .reset";
            }
        }
        return "";
    }

    /** Keeps an undo entry only for an input that changed a network: inspections leave nothing to undo. */
    private void remember(Undo u) {
        if (u.snapshot().unchanged()) {
            return;
        }
        undo.addFirst(u);
        while (undo.size() > UNDO_DEPTH) {
            undo.removeLast();
        }
    }

    private boolean run(String code, Supplier<Result> evaluation, String logged) {
        Snapshot before = null;
        evaluating = true;
        try {
            before = sandbox().snapshot();
            Result r = evaluation.get();
            evaluating = false;
            remember(new Undo(before, code, log.size()));
            out.flush();
            Sandbox box = sandbox();
            // printing may run the value's getters, toString or Proxy traps: under the sandbox's watchdog
            String shown = box.readSafely(() -> printer.format(r.value(), box::displayResult), Sandbox.UNDISPLAYABLE);
            log.add(logged, !shown.isEmpty() && isExpression(code));
            if (!shown.isEmpty()) {
                out.println(shown);
            }
            return true;
        } catch (ScriptError e) {
            evaluating = false;
            if (before != null) {
                remember(new Undo(before, code, -1));
            }
            lastTrace = e.fullTrace();
            out.println(describe(e, code) + hint(e));
            if (e.kind() != ScriptError.Kind.SYNTAX) {
                rememberUnbound(code);
            }
            return false;
        } catch (RuntimeException e) {
            // a bug of ours, not the script's: say so, keep the session, keep the Java trace for a report
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            lastTrace = trace.toString();
            out.println(printer.error("InternalError: " + e + " (a bug in Backprop Sandbox, not in your code;"
                    + " .trace shows the details for a report)", null, null, -1));
            return false;
        } finally {
            evaluating = false;
            out.flush();
        }
    }
}
