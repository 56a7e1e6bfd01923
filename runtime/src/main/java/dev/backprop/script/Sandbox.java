package dev.backprop.script;

import dev.backprop.nn.Account;
import dev.backprop.nn.Network;
import dev.backprop.script.js.Host;
import dev.backprop.script.js.NetworkFacade;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * The front door: a JavaScript sandbox (GraalJS under {@link SandboxPolicy#CONSTRAINED}) with the
 * script API of docs/scripting.md, its limits, its read and write roots, and the networks it shares with Java.
 *
 * <pre>{@code
 * try (Sandbox sb = Sandbox.builder().out(System.out).build()) {
 *     Network net = Network.toy(false);
 *     sb.put("net", net);
 *     sb.eval("net.forward([0.5, 0.9]); net.backward([1]); net.step(0.5)");
 *     System.out.println(net.layer(2).W().get(0, 0)); // the script trained Java's object
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {
    private static final String JS = "js";
    private static final Pattern MEMBER_CHAIN =
            Pattern.compile("[A-Za-z_$][\\w$]*(\\s*(\\.\\s*[A-Za-z_$][\\w$]*|\\[\\s*\\d+\\s*\\]))*");
    /** One step of a member chain: a name, or the digits of an index. */
    private static final Pattern CHAIN_PART = Pattern.compile("([A-Za-z_$][\\w$]*)|\\[\\s*(\\d+)\\s*\\]");
    private static final HostAccess HOST_ACCESS = hostAccess();
    /** One filter instance for every context of the shared engine, as statement limits require. */
    private static final java.util.function.Predicate<org.graalvm.polyglot.Source> SCRIPT_SOURCES = s -> !s.isInternal();
    private static volatile Engine engine;
    private static volatile Source prelude;

    private final Limits limits;
    /** CONSTRAINED for every sandbox but priming's warm-up one. */
    private final SandboxPolicy policy;
    private final Roots roots;
    private final Context context;
    private final Value kit;
    private final Host host;
    private final AtomicLong written = new AtomicLong();
    private final Map<Network, Value> shared = new IdentityHashMap<>();
    private final Account account;
    private final HeapShare heap;
    private volatile Watchdog.Run running;
    private final Object entryLock = new Object();
    /** Longest a display, completion or snapshot may run user code (getters, Proxy traps) before it gives up. */
    private static final Duration SERVICE_TIME = Duration.ofSeconds(2);
    private volatile boolean closed;

    /**
     * Members annotated {@code @HostAccess.Export}, plus buffers and arrays. The facades live in script.js, which
     * the module exports to no one: run as a named module, GraalJS reaches them through this module's lookup
     * (on the class path there are no exports to respect, and GraalVM refuses an unnamed module's lookup).
     */
    private static HostAccess hostAccess() {
        HostAccess.Builder b = HostAccess.newBuilder()
                .allowAccessAnnotatedBy(HostAccess.Export.class)
                .allowBufferAccess(true)
                .allowArrayAccess(true)
                .allowMutableTargetMappings();
        if (Sandbox.class.getModule().isNamed()) {
            b.useModuleLookup(java.lang.invoke.MethodHandles.lookup());
        }
        return b.build();
    }

    Sandbox(Limits limits, Roots roots, OutputStream out, OutputStream err, List<String> args, boolean terminal) {
        this.limits = limits;
        this.roots = roots;
        this.account = new Account(limits.maxAllocatedBytes(), limits.maxElements(),
                "raise it with --max-memory BYTES, or SandboxBuilder.maxAllocatedBytes in Java",
                "raise it with --max-elements N, or SandboxBuilder.maxElements in Java");
        this.heap = new HeapShare(limits.maxAllocatedBytes(), account);
        OutputStream o = new LimitedOutput(out, written, limits.maxOutputBytes(), () -> stop(Watchdog.Reason.OUTPUT));
        OutputStream e = new LimitedOutput(err, written, limits.maxOutputBytes(), () -> stop(Watchdog.Reason.OUTPUT));
        Engine shared = engine();
        // the warm-up sandbox of prime runs only Priming's own scripts, on the priming engine; every other, CONSTRAINED
        this.policy = shared == priming ? SandboxPolicy.TRUSTED : SandboxPolicy.CONSTRAINED;
        Context.Builder b = Context.newBuilder(JS)
                .engine(shared)
                .sandbox(policy)
                .allowHostAccess(HOST_ACCESS)
                .allowIO(IOAccess.newBuilder().fileSystem(new ConfinedFileSystem(roots)).build())
                .out(o)
                .err(e)
                .in(InputStream.nullInputStream())
                // a rejected promise nobody handles is the script's error (as in node), not a silent exit 0
                .option("js.unhandled-rejections", "throw");
        if (limits.maxStatements() > 0) {
            b.resourceLimits(ResourceLimits.newBuilder()
                    .statementLimit(limits.maxStatements(), SCRIPT_SOURCES)
                    .build());
        }
        this.context = b.build();
        this.host = new Host(new dev.backprop.script.js.Confinement() {
            @Override
            public Path resolveRead(String name) {
                return roots.resolveRead(name);
            }

            @Override
            public Path resolveWrite(String name) {
                return roots.resolveWrite(name);
            }

            @Override
            public dev.backprop.io.OpenedFile openRead(Path checked) throws IOException {
                return roots.openRead(checked);
            }

            @Override
            public void save(Path checked, dev.backprop.io.AtomicFile.Content content) throws IOException {
                roots.save(checked, content);
            }
        }, limits.maxElements(), o, e, args, terminal, this::stopRequested);
        try {
            this.kit = account.callAs(() -> context.eval(prelude()).execute(host));
        } catch (RuntimeException ex) {
            context.close(true);
            heap.close();
            throw ex;
        }
    }

    public static SandboxBuilder builder() {
        return new SandboxBuilder();
    }

    /** The process's one polyglot engine, shared by every sandbox so that a new one starts in milliseconds. */
    static Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (Sandbox.class) {
                e = engine;
                if (e == null && priming != null) {
                    return priming; // the warm-up sandbox of prime, on this thread: the engine not yet published
                }
                if (e == null) {
                    try (Engine p = primingEngine()) {
                        priming = p;
                        prime(p);
                    } finally {
                        priming = null;
                    }
                    e = Engine.newBuilder(JS)
                            .sandbox(SandboxPolicy.CONSTRAINED)
                            .out(OutputStream.nullOutputStream())
                            .err(OutputStream.nullOutputStream())
                            .option("engine.WarnInterpreterOnly", "false")
                            .build();
                    engine = e; // published only once primed: no tenant runs before the warm-up is done
                }
            }
        }
        return e;
    }

    /**
     * The engine for {@link #prime}: TRUSTED, as the option that stops it compiling needs (it runs only Priming's
     * own scripts), and without that option where Truffle has no compiler (the interpreted runtime lacks it).
     */
    private static Engine primingEngine() {
        try {
            return primingEngineBuilder().allowExperimentalOptions(true).option("engine.Compilation", "false").build();
        } catch (IllegalArgumentException interpretedOnly) {
            return primingEngineBuilder().build();
        }
    }

    private static Engine.Builder primingEngineBuilder() {
        return Engine.newBuilder(JS)
                .sandbox(SandboxPolicy.TRUSTED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false");
    }

    /**
     * The engine of {@link #prime} while it runs (only the thread holding the lock ever gets it from engine()): a
     * separate one that never compiles. The warm-up's functions run often enough to be queued for compilation, and
     * on the shared engine their compilations (the Graal compiler's own warm-up among them) started during start-up
     * and took the CPU from it; what priming is for, the classes it initialises, is the JVM's and not an engine's.
     */
    private static volatile Engine priming;

    /**
     * Runs, once per engine and on a fresh thread stack, the paths every later error takes (a host exception
     * through JS, a guest error out to Java), so that their classes are initialised here and not for the
     * first time deep inside a script's recursion, where a stack overflow in a class initialiser would
     * break them for every sandbox of the JVM.
     */
    private static void prime(Engine e) {
        try (Context c = Context.newBuilder(JS).engine(e).sandbox(SandboxPolicy.TRUSTED)
                .allowHostAccess(HOST_ACCESS).out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream())
                .build()) {
            Value thrower = c.eval(JS, "(o) => { try { o.fail(); } catch (x) { return String(x); } }");
            thrower.execute(new Primer()); // a host exception through JS (a plain Runnable is not callable here)
            try {
                c.eval(JS, "throw new RangeError('primed')");
            } catch (PolyglotException expected) {
                expected.getPolyglotStackTrace().forEach(f -> f.isGuestFrame());
            }
            c.eval(JS, Priming.WARM_UP);
        } catch (RuntimeException failed) {
            // priming is an optimisation of robustness; a failure here shows up again, and clearly, in eval
            PRIMING_FAILURES.add("the built-ins' warm-up: " + failed);
        }
        Priming.initialiseRuntimeClasses();
        // the API's own paths, errors included, through a real sandbox's prelude
        try (Sandbox warm = new Sandbox(new Limits(java.time.Duration.ofSeconds(30), 0, 0, 0, 0),
                new Roots(List.of(), null), OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), List.of(),
                false)) {
            Value last = warm.eval(Priming.WARM_UP_API, "<prime>").value();
            warm.display(last, false);
            warm.displayResult(last, false);
        } catch (RuntimeException failed) {
            PRIMING_FAILURES.add("the script API's warm-up: " + failed);
        }
    }

    /** What went wrong while priming (nothing, unless a warm-up script no longer runs): for the tests. */
    private static final List<String> PRIMING_FAILURES = new java.util.concurrent.CopyOnWriteArrayList<>();

    static List<String> primingFailures() {
        return List.copyOf(PRIMING_FAILURES);
    }

    SandboxPolicy policy() {
        return policy;
    }

    /** An exported host method that throws, so that {@link #prime} sends a host exception through JS. */
    public static final class Primer {
        @HostAccess.Export
        public void fail() {
            throw new IllegalStateException("primed");
        }
    }

    /** "GraalVM CE" with the optimizing runtime, "Interpreted" without. */
    public static String runtimeName() {
        return engine().getImplementationName();
    }

    /** The JavaScript runtime (optimizing or interpreted), the kernel and the Java version of this JVM. */
    public static RuntimeInfo runtimeInfo() {
        return RuntimeInfo.current();
    }

    /**
     * The JS binding, by feature, in the order it is joined into one closure (each part a few hundred lines;
     * the first opens the closure, the last returns the kit the sandbox uses and closes it).
     */
    static final List<String> PRELUDE = List.of("01-boundary.js", "02-matrix-param-layer-optimizer.js",
            "03-network.js", "04-data-and-plot.js", "05-nn-namespace.js", "06-print-and-display.js", "07-services.js");

    private static Source prelude() {
        Source p = prelude;
        if (p == null) {
            StringBuilder text = new StringBuilder();
            for (String part : PRELUDE) {
                try (InputStream in = Sandbox.class.getResourceAsStream("js/prelude/" + part)) {
                    text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException | NullPointerException ex) {
                    throw new IllegalStateException("the sandbox's prelude part dev/backprop/script/js/prelude/" + part
                            + " is missing from the runtime jar", ex);
                }
            }
            p = Source.newBuilder(JS, text.toString(), "backprop-prelude.js").internal(true).buildLiteral();
            prelude = p;
        }
        return p;
    }

    /** Evaluates code as one unit named sourceName (e.g. {@code "<shell>"} or "repl-3"); returns its completion value. */
    public Result eval(String code, String sourceName) throws ScriptError {
        return new Result(evaluate(Source.newBuilder(JS, code, sourceName).buildLiteral()));
    }

    /** {@link #eval(String, String)} with the name "&lt;eval&gt;". */
    public Result eval(String code) throws ScriptError {
        return eval(code, "<eval>");
    }

    /**
     * Runs a .js script, or a .mjs file as an ES module (it may import modules inside the read roots).
     * The script's folder becomes readable and the base for its relative reads.
     */
    public Result run(Path file) throws ScriptError {
        Path abs = file.toAbsolutePath().normalize();
        String text;
        try {
            text = Files.readString(abs, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new ScriptError(ScriptError.Kind.ERROR, "IOError", "cannot read the script " + file + " ("
                    + ex.getMessage() + ")", file.toString(), -1, -1, "");
        }
        roots.setScriptFolder(abs.getParent());
        boolean module = abs.getFileName().toString().endsWith(".mjs");
        Source.Builder sb = Source.newBuilder(JS, text, file.toString()).uri(abs.toUri());
        if (module) {
            sb.mimeType("application/javascript+module");
        }
        Source src;
        try {
            src = sb.build();
        } catch (IOException ex) {
            throw new ScriptError(ScriptError.Kind.ERROR, "IOError", ex.getMessage(), file.toString(), -1, -1, "");
        }
        return new Result(evaluate(src));
    }

    private Value evaluate(Source src) {
        if (closed) {
            throw new ScriptError(ScriptError.Kind.ERROR, "Error", "this sandbox is closed", src.getName(), -1, -1, "");
        }
        written.set(0);
        return enter(limits.timeLimit(), run -> {
            try {
                if (limits.maxStatements() > 0) {
                    context.resetLimits();
                }
                host.takeLimitRaised();
                Value v = context.eval(src);
                Watchdog.Reason late = run.reason();
                if (late != null && late != Watchdog.Reason.INTERRUPTED) {
                    // a limit tripped (output cut at the limit, say) while the script was ending: still that limit
                    throw Errors.boundary(new IllegalStateException(), late, limits, src.getName());
                }
                return v;
            } catch (PolyglotException e) {
                if (e.isCancelled()) {
                    closed = true;
                }
                // mapped while still watched: reading a thrown object's message may run its getters, and if a
                // limit stopped them, the error is that limit
                ScriptError mapped = Errors.map(e, run.reason(), limits, host.takeLimitRaised());
                Watchdog.Reason late = run.reason();
                if (late != null && mapped.kind() == ScriptError.Kind.ERROR) {
                    ScriptError limit = Errors.boundary(new IllegalStateException(), late, limits, src.getName());
                    throw new ScriptError(limit.kind(), limit.errorName(), limit.text(), mapped.sourceName(),
                            mapped.line(), mapped.column(), mapped.fullTrace());
                }
                throw mapped;
            }
        }, (reason, t) -> {
            throw Errors.boundary(t, reason, limits, src.getName());
        });
    }

    /** Another thread is inside this sandbox (a JS context runs one thread at a time), or it closed meanwhile. */
    static final class Busy extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Busy() {
            super("this sandbox is already running an evaluation (on another thread) or was closed; a sandbox runs one"
                    + " evaluation at a time: use one sandbox per thread, or wait for the running one to finish");
        }
    }

    /** Work done inside the sandbox under a watched run. */
    private interface Entry<T> {
        T run(Watchdog.Run run);
    }

    /** What an entry gives when it was stopped or failed outside the script's own errors. */
    private interface Fallback<T> {
        T on(Watchdog.Reason reason, Throwable failure);
    }

    /**
     * Every entry into guest code (eval, display, completion, snapshot, error messages) goes through here:
     * the sandbox's account is bound to the thread, the watchdog holds the run to {@code limit} and to
     * {@link #interrupt()}, and anything thrown that is not already a {@link ScriptError} goes to
     * {@code fallback}. One entry at a time: a second thread gets the fallback at once.
     */
    private <T> T enter(Duration limit, Entry<T> work, Fallback<T> fallback) {
        Watchdog.Run outer = running;
        if (outer != null && outer.evaluator == Thread.currentThread()) {
            return work.run(outer); // already inside a guarded entry on this thread (e.g. display while printing)
        }
        synchronized (entryLock) {
            if (running != null || closed) {
                return fallback.on(null, new Busy());
            }
            running = Watchdog.get().start(context, account, heap, limit);
        }
        Watchdog.Run run = running;
        try {
            return account.callAs(() -> work.run(run));
        } catch (ScriptError e) {
            throw e;
        } catch (Throwable t) { // StackOverflowError, LinkageError, a stopped host loop, a closed context …
            return fallback.on(run.reason(), t);
        } finally {
            Watchdog.get().finish(run);
            running = null;
        }
    }

    /**
     * Runs Java code that reads script values — {@link Value#getMember}, {@link Value#toString}, array elements:
     * anything that may run a script's getter, {@code toString} or Proxy trap — under this sandbox's watchdog,
     * {@link #interrupt()} and a short time limit (the eval's, at most 2 s). Returns {@code fallback} when the
     * code did not finish in time or failed. Embedders that format results themselves should read them here.
     */
    public <T> T readSafely(java.util.function.Supplier<T> work, T fallback) {
        return enter(serviceTime(), run -> work.get(), (reason, t) -> fallback);
    }

    /** A service call (display, completion, snapshot): the eval's time limit capped at {@link #SERVICE_TIME}. */
    private Duration serviceTime() {
        Duration t = limits.timeLimit();
        return t == null || t.compareTo(SERVICE_TIME) > 0 ? SERVICE_TIME : t;
    }

    /** Makes {@code net} visible to scripts as the global {@code name}: the same object on both sides. */
    public void put(String name, Network net) {
        java.util.Objects.requireNonNull(name, "put needs a global name");
        java.util.Objects.requireNonNull(net, "put needs a network (to remove a global, evaluate `delete globalThis[name]`)");
        // under the watchdog: the script may have made the global an accessor whose setter never returns
        enter(serviceTime(), run -> {
            Value wrapper = shared.computeIfAbsent(net, n -> kit.invokeMember("wrapNet", host.nnFacade().wrap(n)));
            context.getBindings(JS).putMember(name, wrapper);
            return null;
        }, (reason, t) -> {
            throw Errors.boundary(t, reason, limits, "<put " + name + ">");
        });
    }

    /** The network held by the global {@code name}, or null if absent or not a network. */
    public Network getNetwork(String name) {
        return enter(serviceTime(), run -> {
            Value v = context.getBindings(JS).getMember(name); // a getter the script defined runs here
            if (v == null) {
                return null;
            }
            Value h = kit.invokeMember("hostOfNet", v); // instanceof may run a Proxy's trap
            Network net = h.isNull() ? null : h.<NetworkFacade>asHostObject().network();
            if (net != null) {
                shared.putIfAbsent(net, v);
            }
            return net;
        }, (reason, t) -> {
            if (t instanceof Busy) { // another thread is inside, or closed: not the same as "no such network"
                throw Errors.boundary(t, reason, limits, "<getNetwork " + name + ">");
            }
            return null;
        });
    }

    /** Stops the running evaluation (from any thread) at its next JS statement; the sandbox stays usable. */
    public void interrupt() {
        stop(Watchdog.Reason.INTERRUPTED);
    }

    private void stop(Watchdog.Reason why) {
        Watchdog.Run r = running;
        if (r != null) {
            r.stop(why);
        }
    }

    /** Whether the running evaluation was asked to stop; long host loops (fit) poll this between batches. */
    public boolean stopRequested() {
        Watchdog.Run r = running;
        return r != null && r.reason() != null;
    }

    /** Every network reachable from the globals (through arrays and plain objects), deep-copied. */
    public Snapshot snapshot() {
        return enter(serviceTime(), run -> {
            List<Value> roots = new ArrayList<>();
            Value bindings = context.getBindings(JS);
            for (String k : bindings.getMemberKeys()) {
                roots.add(bindings.getMember(k));
            }
            Value found = kit.invokeMember("networks", (Object) roots.toArray());
            List<Network> nets = new ArrayList<>();
            for (long i = 0; i < found.getArraySize(); i++) {
                nets.add(found.getArrayElement(i).<NetworkFacade>asHostObject().network());
            }
            return new Snapshot(nets);
        }, (reason, t) -> new Snapshot(List.of())); // nothing found in time: nothing to restore
    }

    /** Writes a snapshot's parameters back into the same Network objects. */
    public void restore(Snapshot s) {
        s.restore();
    }

    /** Global names: the API's (nn, print, plot, …), JS's own and the user's variables. */
    public List<String> globals() {
        return enter(serviceTime(), run -> {
            Set<String> names = new LinkedHashSet<>(context.getBindings(JS).getMemberKeys());
            Value builtins = kit.invokeMember("builtins");
            for (long i = 0; i < builtins.getArraySize(); i++) {
                names.add(builtins.getArrayElement(i).asString());
            }
            return List.copyOf(names);
        }, (reason, t) -> List.<String>of());
    }

    /**
     * Member names of the value of a side-effect-free expression (identifier chains such as
     * {@code net}, {@code net.layers[0]}, {@code nn.data}); [] for anything else or on error.
     */
    public List<String> members(String expression) {
        String expr = expression == null ? "" : expression.strip();
        if (!MEMBER_CHAIN.matcher(expr).matches() || running != null) {
            return List.of();
        }
        return enter(serviceTime(), run -> membersOf(expr), (reason, t) -> List.<String>of());
    }

    private List<String> membersOf(String expr) {
        try {
            // walk the chain without evaluating it, so no user getter or Proxy trap runs (see chainMembers)
            java.util.regex.Matcher m = CHAIN_PART.matcher(expr);
            List<String> parts = new ArrayList<>();
            while (m.find()) {
                parts.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
            String first = parts.get(0);
            String kind = kit.invokeMember("globalKind", first).asString();
            Value v;
            if (kind.equals("accessor")) {
                return List.of();
            } else if (kind.equals("data")) {
                v = kit.invokeMember("globalValue", first);
            } else {
                // a lexical (let/const/class) binding: reading a bare name runs no code
                v = context.eval(Source.newBuilder(JS, first, "<members>").buildLiteral());
            }
            Value names = kit.invokeMember("chainMembers", v, String.join("\u0000", parts.subList(1, parts.size())));
            List<String> out = new ArrayList<>();
            for (long i = 0; i < names.getArraySize(); i++) {
                out.add(names.getArrayElement(i).asString());
            }
            return out;
        } catch (PolyglotException | IllegalStateException e) {
            return List.of();
        }
    }

    /** Whether the JS parser says the input is incomplete (open bracket, string, template or comment). */
    public boolean isIncomplete(String source) {
        PolyglotException e = parseError(source);
        return e != null && (e.isIncompleteSource() || OpenInput.endsInsideTemplateOrComment(source));
    }

    /** Whether the source parses as JavaScript (nothing runs). */
    public boolean parses(String source) {
        return parseError(source) == null;
    }

    /** Why the source does not parse, or null when it does; under the entry guard (busy or closed: a ScriptError). */
    private PolyglotException parseError(String source) {
        return enter(serviceTime(), run -> {
            try {
                context.parse(Source.newBuilder(JS, source, "<input>").buildLiteral());
                return null;
            } catch (PolyglotException e) {
                return e;
            }
        }, (reason, t) -> {
            throw Errors.boundary(t, reason, limits, "<input>");
        });
    }

    /** Human formatting of a value: numbers, arrays, matrices, networks, params, objects. */
    public String display(Value v, boolean color) {
        return enter(serviceTime(), run -> kit.invokeMember("display", v, color).asString(),
                (reason, t) -> UNDISPLAYABLE);
    }

    /**
     * What a shell shows for an evaluation's value, by the same formatter as {@link #display} (the prelude's):
     * "" for undefined, numbers to six significant digits, number grids, parameters and matrices as aligned
     * tables under their shape, a network as its summary, the rest as {@link #display} shows it.
     */
    public String displayResult(Value v, boolean color) {
        return enter(serviceTime(), run -> kit.invokeMember("shown", v, color).asString(),
                (reason, t) -> UNDISPLAYABLE);
    }

    /** What {@link #display} shows for a value whose getters or Proxy traps did not return in time. */
    public static final String UNDISPLAYABLE = "[object with a getter that did not return]";

    /** The limits this sandbox enforces. */
    public Limits limits() {
        return limits;
    }

    @Override
    public void close() {
        closed = true;
        heap.close();
        Watchdog.Run r = running;
        if (r != null) {
            r.stop(Watchdog.Reason.INTERRUPTED);
        }
        try {
            context.close(true);
        } catch (PolyglotException | IllegalStateException ignored) {
            // already closed or cancelled
        }
    }
}
