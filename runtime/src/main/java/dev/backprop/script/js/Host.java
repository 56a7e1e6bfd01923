package dev.backprop.script.js;

import dev.backprop.io.AtomicFile;
import dev.backprop.io.OpenedFile;
import dev.backprop.nn.BackpropException;
import dev.backprop.nn.LimitError;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.Value;

/**
 * The one host object the prelude receives: output, error naming, the {@code nn} facade and the
 * sandbox's settings. Scripts never see it; the prelude keeps it in a closure.
 */
public final class Host {
    private final Confinement roots;
    private final long maxElements;
    private final OutputStream out;
    private final OutputStream err;
    private final List<String> args;
    private final boolean terminal;
    private final BooleanSupplier stopRequested;
    /** Nesting of host→script calls on the sandbox's (single) evaluating thread. */
    private int callbackDepth;
    /** Whether the engine threw a LimitError into the script since {@link #takeLimitRaised} was last asked. */
    private boolean limitRaised;
    private final NnFacade nn;
    private final DataAndPlots dataAndPlots;
    /** fit's progress line while it trains on a terminal (null: none), and whether it is on the screen now. */
    private String bar;
    private boolean barShown;
    /** Whether the script's latest output ended its line (a bar may be drawn there). */
    private boolean atLineStart = true;

    /**
     * The host of one sandbox. Native storage is charged to the sandbox's {@link dev.backprop.nn.Account},
     * which the sandbox binds to the thread for each entry, not here.
     */
    public Host(Confinement roots, long maxElements, OutputStream out, OutputStream err, List<String> args,
                boolean terminal, BooleanSupplier stopRequested) {
        this.roots = roots;
        this.maxElements = maxElements;
        this.out = out;
        this.err = err;
        this.args = List.copyOf(args);
        this.terminal = terminal;
        this.stopRequested = stopRequested;
        this.nn = new NnFacade(this);
        this.dataAndPlots = new DataAndPlots(this);
    }

    @Export
    public DataAndPlots data() {
        return dataAndPlots;
    }

    /** The element limit for loaders and builders: the sandbox's; 0 means no limit beyond one matrix's maximum. */
    long elementLimit() {
        return maxElements > 0 ? maxElements : dev.backprop.nn.Matrix.MAX_ELEMENTS;
    }

    /** Most numbers of one example that cross as plain arguments ({@link NetworkFacade#SMALL}): the prelude's SMALL. */
    @Export
    public int smallExample() {
        return NetworkFacade.SMALL;
    }

    /** Most elements of one matrix ({@link dev.backprop.nn.Matrix#MAX_ELEMENTS}): the prelude's MAX_LAYER. */
    @Export
    public long matrixElements() {
        return dev.backprop.nn.Matrix.MAX_ELEMENTS;
    }

    public NnFacade nnFacade() {
        return nn;
    }

    @Export
    public NnFacade nn() {
        return nn;
    }

    @Export
    public void write(String text) {
        print(out, text);
    }

    @Export
    public void writeErr(String text) {
        print(err, text);
    }

    /**
     * Script output while fit's bar is drawn: the bar's line is cleared first and the bar drawn again
     * below once the output ends its line, so the two never share a line, on either stream.
     */
    private synchronized void print(OutputStream s, String text) {
        if (text.isEmpty()) {
            return;
        }
        boolean cleared = barShown;
        if (barShown) {
            emit(err, "\r\u001b[K");
            barShown = false;
        }
        emit(s, text);
        atLineStart = text.endsWith("\n");
        if (cleared && bar != null && atLineStart) {
            drawBar();
        }
    }

    /** Shows fit's progress line (on the error stream, only at the start of a line); null takes it away. */
    synchronized void progress(String line) {
        bar = line;
        if (line == null) {
            if (barShown) {
                emit(err, "\r\u001b[K");
                barShown = false;
            }
        } else if (atLineStart || barShown) {
            drawBar();
        }
    }

    private void drawBar() {
        emit(err, "\r" + bar + "\u001b[K");
        barShown = true;
    }

    /** The strings given after {@code --} on the command line (the prelude's {@code args}). */
    @Export
    public String[] args() {
        return args.toArray(String[]::new);
    }

    @Export
    public boolean terminal() {
        return terminal;
    }

    /** The JS name for a host exception caught by the prelude, or null when {@code e} is a JS value. */
    @Export
    public String errorName(Value e) {
        Throwable t = hostThrowable(e);
        if (t == null) {
            return null;
        }
        if (t instanceof dev.backprop.nn.LimitError) {
            limitRaised = true; // a limit the engine enforced, not a script's own object named LimitError
        }
        return switch (t) {
            case BackpropException b -> b.errorName();
            case Progress.Stopped st -> "Interrupted";
            case dev.backprop.nn.Account.Stopped st -> "Interrupted";
            case CallDepthError d -> "RangeError";
            case StackOverflowError so -> "RangeError";
            case SecurityException a -> "SecurityError"; // the roots' AccessError
            case UncheckedIOException io -> "IOError";
            case IOException io -> "IOError";
            case IllegalArgumentException iae -> "ValueError";
            default -> "InternalError";
        };
    }

    /**
     * Whether a LimitError of the engine's reached the script since the last call (then forgotten): an uncaught
     * error named LimitError is a limit (exit code 3) only then, not when a script throws its own.
     */
    @Export
    public void limitRaised() {
        limitRaised = true; // the prelude's own LimitError (a size it refuses before asking the engine)
    }

    public boolean takeLimitRaised() {
        boolean r = limitRaised;
        limitRaised = false;
        return r;
    }

    /** The message of a host exception, without any Java stack. */
    @Export
    public String errorMessage(Value e) {
        Throwable t = hostThrowable(e);
        if (t == null) {
            return null;
        }
        if (t instanceof BackpropException || t instanceof SecurityException || t instanceof IllegalArgumentException
                || t instanceof Progress.Stopped || t instanceof dev.backprop.nn.Account.Stopped
                || t instanceof CallDepthError) {
            return t.getMessage();
        }
        if (t instanceof StackOverflowError) {
            return CallDepthError.MESSAGE;
        }
        if (t instanceof java.nio.file.NoSuchFileException n) {
            return "cannot read " + n.getFile() + ": no such file";
        }
        if (t instanceof IOException io) {
            return io.getMessage();
        }
        if (t instanceof UncheckedIOException u) {
            return u.getMessage() + (u.getCause() != null ? " (" + u.getCause().getMessage() + ")" : "");
        }
        return "internal error (please report it): " + t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /**
     * Calls a script's function from host code (fit's onEpoch, a callback) one level deeper; past
     * {@link CallDepthError#MAX_DEPTH} nested levels it throws the RangeError instead, so host→script→host
     * recursion ends with room left on the stack for the host.
     */
    public Value callBack(Value fn, Object... args) {
        if (callbackDepth >= CallDepthError.MAX_DEPTH) {
            throw new CallDepthError();
        }
        callbackDepth++;
        try {
            return fn.execute(args);
        } finally {
            callbackDepth--;
        }
    }

    /** Whether the sandbox asked the running evaluation to stop (host loops such as fit poll this between batches). */
    public boolean stopRequested() {
        return stopRequested.getAsBoolean();
    }

    /** A script-given path to read, resolved and confined to the read roots. */
    public Path readPath(String name) {
        return roots.resolveRead(name);
    }

    /** A script-given path to write, resolved and confined to the write root; its folder must exist. */
    public Path writePath(String name) throws IOException {
        Path p = roots.resolveWrite(name);
        Path dir = p.getParent();
        if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
            throw new IOException("cannot write " + name + ": the folder " + dir + " does not exist; create it first"
                    + " (or save to a file name without a folder)");
        }
        return p;
    }

    /** Opens a script-given file to read: confined to the read roots at open time, a regular file, never through a swapped link. */
    public OpenedFile openRead(String name) throws IOException {
        return roots.openRead(roots.resolveRead(name));
    }

    /** Saves atomically to a path {@link #writePath} returned; it becomes readable back once the save completed. */
    public void save(Path checked, AtomicFile.Content content) throws IOException {
        roots.save(checked, content);
    }

    long maxElements() {
        return maxElements;
    }

    /** A matrix of rows × cols elements must fit the sandbox's element limit; checked before allocating. */
    void checkElements(String what, long rows, long cols) {
        long n = rows * cols;
        if (rows < 0 || cols < 0) {
            throw new dev.backprop.nn.ShapeError(what + " needs non-negative rows and columns, got [" + rows + ", "
                    + cols + "]");
        }
        if (maxElements > 0 && n > maxElements) {
            throw new LimitError(what + " of shape [" + rows + ", " + cols + "] has " + n
                    + " elements; the limit is " + maxElements
                    + " elements (raise it with --max-elements N, or SandboxBuilder.maxElements in Java)");
        }
    }

    private static Throwable hostThrowable(Value e) {
        if (e != null && e.isHostObject() && e.asHostObject() instanceof Throwable t) {
            return t;
        }
        return null;
    }

    private static void emit(OutputStream s, String text) {
        try {
            s.write(text.getBytes(StandardCharsets.UTF_8));
            s.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the script's output", e);
        }
    }
}
