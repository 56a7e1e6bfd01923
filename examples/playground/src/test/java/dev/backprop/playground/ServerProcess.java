package dev.backprop.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The playground started as a user starts it ({@code ./run}, here with {@code --no-build}: Maven has built
 * it), once per test JVM, on a free port; its address comes from the line it prints when ready.
 */
final class ServerProcess {
    static final int POOL = 4;
    static final String MAX_TIME = "4s";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern READY = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");
    private static ServerProcess shared;

    final Process process;
    final URI base;
    final StringBuffer stderr;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    private ServerProcess(Process process, URI base, StringBuffer stderr) {
        this.process = process;
        this.base = base;
        this.stderr = stderr;
    }

    static synchronized ServerProcess get() throws IOException {
        if (shared == null) {
            shared = start("--pool", String.valueOf(POOL), "--max-time", MAX_TIME, "--queue-wait", "300s");
            ServerProcess s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
        }
        return shared;
    }

    static ServerProcess start(String... options) throws IOException {
        Path home = Path.of(System.getProperty("playground.home", "."));
        String[] cmd = new String[options.length + 5];
        cmd[0] = "bash";
        cmd[1] = home.resolve("run").toString();
        cmd[2] = "--no-build";
        cmd[3] = "--port";
        cmd[4] = "0";
        System.arraycopy(options, 0, cmd, 5, options.length);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("BACKPROP_JAVA_HOME");
        pb.environment().put("PLAYGROUND_JAVA_OPTS", "-Xmx1g");
        Process p = pb.start();
        StringBuffer err = new StringBuffer();
        drain(p.getErrorStream(), err);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        return Integer.parseInt(m.group(1));
                    }
                }
                return -1;
            } catch (IOException e) {
                return -1;
            }
        });
        int n;
        try {
            n = port.get(180, TimeUnit.SECONDS);
        } catch (Exception e) {
            n = -1;
        }
        if (n < 0) {
            p.destroyForcibly();
            throw new IllegalStateException("the playground did not start; its stderr:\n" + err);
        }
        drain(p.getInputStream(), new StringBuffer());
        return new ServerProcess(p, URI.create("http://127.0.0.1:" + n + "/"), err);
    }

    void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** POST /run with a script; the answer's status must be 200 and its body is returned as JSON. */
    JsonNode run(String script, String query) throws IOException, InterruptedException {
        HttpResponse<String> r = post("run" + (query == null ? "" : "?" + query), script, "text/javascript");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    HttpResponse<String> post(String path, String body, String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = Playground.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void drain(InputStream in, StringBuffer into) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    into.append(line).append('\n');
                }
            } catch (IOException ignored) {
                // the server ended
            }
        });
        t.setDaemon(true);
        t.start();
    }
}
