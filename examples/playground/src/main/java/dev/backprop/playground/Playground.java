package dev.backprop.playground;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.backprop.script.RuntimeInfo;
import dev.backprop.script.Sandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The playground server: {@code GET /} (the page), {@code POST /run} (a script in a fresh sandbox),
 * {@code POST /stop/{id}}, {@code GET /info}; JDK HttpServer on 127.0.0.1 unless told otherwise.
 */
public final class Playground implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html text/html; charset=utf-8",
            "/app.js", "app.js text/javascript; charset=utf-8",
            "/style.css", "style.css text/css; charset=utf-8",
            "/examples/lesson.js", "examples/lesson.js text/javascript; charset=utf-8",
            "/examples/xor-chart.js", "examples/xor-chart.js text/javascript; charset=utf-8",
            "/examples/iris.js", "examples/iris.js text/javascript; charset=utf-8",
            "/examples/endless.js", "examples/endless.js text/javascript; charset=utf-8");

    private final Settings settings;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "playground-http");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore slots;
    private final AtomicInteger admitted = new AtomicInteger();
    private final Map<String, ScriptRun> runs = new ConcurrentHashMap<>();
    private final long readyMs;

    /** Starts the engine (one warm-up sandbox) and then the server. */
    public Playground(Settings settings) throws IOException {
        this.settings = settings;
        this.slots = new Semaphore(settings.pool(), true);
        long t0 = System.nanoTime();
        try (Sandbox warm = Sandbox.builder().build()) {
            warm.eval("nn.toy().forward([0.5, 0.9])", "warm-up.js");
        }
        this.readyMs = (System.nanoTime() - t0) / 1_000_000;
        server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        runs.values().forEach(ScriptRun::stop);
        server.stop(0);
        threads.shutdownNow();
    }

    /** Starts the server and prints its address; see {@link Settings#USAGE}. */
    public static void main(String[] args) throws IOException {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Playground p = new Playground(settings);
        RuntimeInfo info = Sandbox.runtimeInfo();
        System.out.println("Backprop playground on http://" + settings.host() + ":" + p.port() + "/ (runtime "
                + info.runtime() + (info.optimizing() ? ", optimizing" : ", interpreted: JDK 25 gives the optimizing one")
                + "; " + settings.pool() + " scripts at once; time limit " + seconds(settings.defaultTime())
                + ", at most " + seconds(settings.maxTime()) + "; engine ready in " + p.readyMs + " ms)");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(p::close));
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            x.getResponseHeaders().set("Cache-Control", "no-store");
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            if (path.equals("/run")) {
                if (!method.equals("POST")) {
                    send(x, 405, Map.of("message", "POST the script to /run"));
                    return;
                }
                run(x);
            } else if (path.startsWith("/stop/")) {
                if (!method.equals("POST")) {
                    send(x, 405, Map.of("message", "POST to /stop/{id} to stop a run"));
                    return;
                }
                stop(x, path.substring("/stop/".length()));
            } else if (path.equals("/info") && method.equals("GET")) {
                RuntimeInfo info = Sandbox.runtimeInfo();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("runtime", info.runtime());
                m.put("optimizing", info.optimizing());
                m.put("kernel", info.kernel());
                m.put("java", info.javaVersion());
                m.put("pool", settings.pool());
                m.put("running", settings.pool() - slots.availablePermits());
                m.put("timeLimit", seconds(settings.defaultTime()));
                m.put("maxTimeLimit", seconds(settings.maxTime()));
                send(x, 200, m);
            } else if (STATIC.containsKey(path) && method.equals("GET")) {
                String[] resource = STATIC.get(path).split(" ", 2);
                byte[] body;
                try (InputStream in = Playground.class.getResourceAsStream(resource[0])) {
                    body = in.readAllBytes();
                }
                x.getResponseHeaders().set("Content-Type", resource[1]);
                x.getResponseHeaders().set("Content-Security-Policy", CSP);
                x.sendResponseHeaders(200, body.length);
                x.getResponseBody().write(body);
            } else {
                send(x, 404, Map.of("message", "no such page: " + method + " " + path
                        + " (the playground serves GET /, POST /run, POST /stop/{id}, GET /info)"));
            }
        } catch (RuntimeException e) {
            // a bug of ours, not the script's: say so without the stack trace
            System.err.println("playground: " + e);
        }
    }

    private void run(HttpExchange x) throws IOException {
        String type = x.getRequestHeaders().getFirst("Content-Type");
        String mime = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!mime.equals("text/javascript") && !mime.equals("application/javascript")) {
            send(x, 415, Map.of("message", "send the script as the request body with Content-Type: text/javascript"
                    + (type == null ? "" : " (got " + type + ")")));
            return;
        }
        Map<String, String> query = query(x.getRequestURI().getRawQuery());
        Duration limit = settings.defaultTime();
        if (query.containsKey("timeLimit")) {
            try {
                limit = Settings.duration("timeLimit", query.get("timeLimit"));
            } catch (IllegalArgumentException e) {
                send(x, 400, Map.of("message", e.getMessage()));
                return;
            }
            if (limit.compareTo(settings.maxTime()) > 0) {
                limit = settings.maxTime();
            }
        }
        String id = query.getOrDefault("id", UUID.randomUUID().toString());
        if (!ID.matcher(id).matches()) {
            send(x, 400, Map.of("message", "id must be 1 to 64 letters, digits, '-' or '_', got '" + id + "'"));
            return;
        }
        byte[] body = x.getRequestBody().readNBytes(settings.maxScriptBytes() + 1);
        if (body.length > settings.maxScriptBytes()) {
            send(x, 413, Map.of("message", "the script is longer than " + settings.maxScriptBytes() / 1024
                    + " KiB; the playground takes smaller ones"));
            return;
        }
        String script = new String(body, StandardCharsets.UTF_8);
        ScriptRun run = new ScriptRun(id);
        if (runs.putIfAbsent(id, run) != null) {
            send(x, 409, Map.of("message", "a run with id " + id + " is already running; use another id"));
            return;
        }
        RunResult result = null;
        try {
            if (admitted.incrementAndGet() <= settings.pool() + settings.queue()) {
                boolean slot;
                try {
                    slot = slots.tryAcquire(settings.queueWait().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    slot = false;
                }
                if (slot) {
                    try {
                        result = run.run(script, limit, settings);
                    } finally {
                        slots.release();
                    }
                }
            }
        } finally {
            // the slot is free before the answer leaves, so a client that got its answer finds it free
            admitted.decrementAndGet();
            runs.remove(id, run);
        }
        if (result == null) {
            busy(x);
        } else {
            send(x, 200, result);
        }
    }

    private void busy(HttpExchange x) throws IOException {
        x.getResponseHeaders().set("Retry-After", "2");
        send(x, 503, Map.of("message", "the playground is busy: it runs " + settings.pool() + " scripts at once and "
                + settings.queue() + " are waiting; try again in a moment"));
    }

    private void stop(HttpExchange x, String id) throws IOException {
        ScriptRun run = runs.get(id);
        if (run == null) {
            send(x, 404, Map.of("stopped", false, "message", "no run with id " + id + " is running (it may have finished)"));
            return;
        }
        run.stop();
        send(x, 200, Map.of("stopped", true, "id", id));
    }

    private static void send(HttpExchange x, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.putIfAbsent(k, v);
        }
        return m;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
