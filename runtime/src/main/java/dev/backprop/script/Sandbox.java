package dev.backprop.script;

import dev.backprop.nn.Network;
import dev.backprop.script.js.Host;
import dev.backprop.script.js.NetworkFacade;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * script API of API.md, its limits, its read and write roots, and the networks it shares with Java.
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
    private static final HostAccess HOST_ACCESS = HostAccess.newBuilder()
            .allowAccessAnnotatedBy(HostAccess.Export.class)
            .allowBufferAccess(true)
            .allowArrayAccess(true)
            .allowMutableTargetMappings()
            .build();
    /** One filter instance for every context of the shared engine, as statement limits require. */
    private static final java.util.function.Predicate<org.graalvm.polyglot.Source> SCRIPT_SOURCES = s -> !s.isInternal();
    private static volatile Engine engine;
    private static volatile Source prelude;

    private final Limits limits;
    private final Roots roots;
    private final Context context;
    private final Value kit;
    private final Host host;
    private final AtomicLong written = new AtomicLong();
    private final Map<Network, Value> shared = new IdentityHashMap<>();
    private volatile Watchdog.Run running;
    private volatile boolean closed;

    Sandbox(Limits limits, Roots roots, OutputStream out, OutputStream err, List<String> args, boolean terminal) {
        this.limits = limits;
        this.roots = roots;
        OutputStream o = new LimitedOutput(out, written, limits.maxOutputBytes(), () -> stop(Watchdog.Reason.OUTPUT));
        OutputStream e = new LimitedOutput(err, written, limits.maxOutputBytes(), () -> stop(Watchdog.Reason.OUTPUT));
        Context.Builder b = Context.newBuilder(JS)
                .engine(engine())
                .sandbox(SandboxPolicy.CONSTRAINED)
                .allowHostAccess(HOST_ACCESS)
                .allowIO(IOAccess.newBuilder().fileSystem(new ConfinedFileSystem(roots)).build())
                .out(o)
                .err(e)
                .in(InputStream.nullInputStream());
        if (limits.maxStatements() > 0) {
            b.resourceLimits(ResourceLimits.newBuilder()
                    .statementLimit(limits.maxStatements(), SCRIPT_SOURCES)
                    .build());
        }
        this.context = b.build();
        this.host = new Host(roots, limits.maxElements(), limits.maxAllocatedBytes(), o, e, args, terminal,
                this::stopRequested);
        try {
            this.kit = context.eval(prelude()).execute(host);
        } catch (RuntimeException ex) {
            context.close(true);
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
                if (e == null) {
                    e = Engine.newBuilder(JS)
                            .sandbox(SandboxPolicy.CONSTRAINED)
                            .out(OutputStream.nullOutputStream())
                            .err(OutputStream.nullOutputStream())
                            .option("engine.WarnInterpreterOnly", "false")
                            .build();
                    engine = e;
                }
            }
        }
        return e;
    }

    /** "GraalVM CE" with the optimizing runtime, "Interpreted" without. */
    public static String runtimeName() {
        return engine().getImplementationName();
    }

    /** The JavaScript runtime (optimizing or interpreted), the kernel and the Java version of this JVM. */
    public static RuntimeInfo runtimeInfo() {
        return RuntimeInfo.current();
    }

    private static Source prelude() {
        Source p = prelude;
        if (p == null) {
            try (InputStream in = Sandbox.class.getResourceAsStream("js/prelude.js")) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                p = Source.newBuilder(JS, text, "backprop-prelude.js").internal(true).build();
            } catch (IOException | NullPointerException ex) {
                throw new IllegalStateException("the sandbox's prelude (dev/backprop/script/js/prelude.js) is missing"
                        + " from the runtime jar", ex);
            }
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
        Watchdog.Run run = Watchdog.get().start(context, limits);
        running = run;
        try {
            if (limits.maxStatements() > 0) {
                context.resetLimits();
            }
            return context.eval(src);
        } catch (PolyglotException e) {
            if (e.isCancelled()) {
                closed = true;
            }
            throw Errors.map(e, run.reason(), limits);
        } finally {
            Watchdog.get().finish(run);
            running = null;
        }
    }

    /** Makes {@code net} visible to scripts as the global {@code name}: the same object on both sides. */
    public void put(String name, Network net) {
        Value wrapper = shared.computeIfAbsent(net, n -> kit.invokeMember("wrapNet", host.nnFacade().wrap(n)));
        context.getBindings(JS).putMember(name, wrapper);
    }

    /** The network held by the global {@code name}, or null if absent or not a network. */
    public Network getNetwork(String name) {
        Value v = context.getBindings(JS).getMember(name);
        if (v == null) {
            return null;
        }
        Value h = kit.invokeMember("hostOfNet", v);
        if (h.isNull()) {
            return null;
        }
        Network net = h.<NetworkFacade>asHostObject().network();
        shared.putIfAbsent(net, v);
        return net;
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
    }

    /** Writes a snapshot's parameters back into the same Network objects. */
    public void restore(Snapshot s) {
        s.restore();
    }

    /** Global names: the API's (nn, print, plot, …), JS's own and the user's variables. */
    public List<String> globals() {
        Set<String> names = new LinkedHashSet<>(context.getBindings(JS).getMemberKeys());
        Value builtins = kit.invokeMember("builtins");
        for (long i = 0; i < builtins.getArraySize(); i++) {
            names.add(builtins.getArrayElement(i).asString());
        }
        return List.copyOf(names);
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
        try {
            context.parse(Source.newBuilder(JS, source, "<input>").buildLiteral());
            return false;
        } catch (PolyglotException e) {
            return e.isIncompleteSource() || OpenInput.endsInsideTemplateOrComment(source);
        }
    }

    /** Whether the source parses as JavaScript (nothing runs). */
    public boolean parses(String source) {
        try {
            context.parse(Source.newBuilder(JS, source, "<input>").buildLiteral());
            return true;
        } catch (PolyglotException e) {
            return false;
        }
    }

    /** Human formatting of a value: numbers, arrays, matrices, networks, params, objects. */
    public String display(Value v, boolean color) {
        return kit.invokeMember("display", v, color).asString();
    }

    /** The limits this sandbox enforces. */
    public Limits limits() {
        return limits;
    }

    @Override
    public void close() {
        closed = true;
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
