package dev.backprop.playground;

import dev.backprop.script.Sandbox;
import dev.backprop.script.ScriptError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One script run: a fresh sandbox with its own empty write folder (deleted afterwards), read access to
 * the sample data only, the run's time limit, and output and size limits of the server.
 */
final class ScriptRun {
    /** Charts larger than this are left out of the answer (their name is still listed in the output). */
    static final long MAX_CHART_BYTES = 2 << 20;
    static final int MAX_CHARTS = 8;

    private final String id;
    private volatile Sandbox sandbox;
    private volatile boolean stopped;

    ScriptRun(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** Stops the run: at once if it is evaluating, before it starts if it is still waiting for a slot. */
    void stop() {
        stopped = true;
        Sandbox s = sandbox;
        if (s != null) {
            s.interrupt();
        }
    }

    RunResult run(String script, Duration timeLimit, Settings settings) throws IOException {
        long t0 = System.nanoTime();
        Path root = Files.createTempDirectory("playground-run-");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String kind = "ok";
        RunResult.ErrorInfo error = null;
        long setup;
        try (Sandbox s = Sandbox.builder()
                .out(out)
                .err(out)
                .timeLimit(timeLimit)
                .maxOutputBytes(settings.maxOutputBytes())
                .maxElements(settings.maxElements())
                .maxAllocatedBytes(settings.maxAllocatedBytes())
                .readRoot(settings.data())
                .writeRoot(root)
                .build()) {
            setup = (System.nanoTime() - t0) / 1_000_000;
            sandbox = s;
            try {
                if (stopped) {
                    kind = "interrupted";
                    error = new RunResult.ErrorInfo("InterruptedError", "stopped before it started", -1, -1);
                } else {
                    s.eval(script, "script.js");
                }
            } catch (ScriptError e) {
                kind = switch (e.kind()) {
                    case ERROR, SYNTAX -> "error";
                    case LIMIT -> "limit";
                    case INTERRUPTED -> "interrupted";
                };
                error = new RunResult.ErrorInfo(e.errorName(), e.text(), e.line(), e.column());
            } finally {
                sandbox = null;
            }
            List<RunResult.Chart> charts = charts(root);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return new RunResult(id, kind, out.toString(StandardCharsets.UTF_8), error, charts, ms, setup,
                    Sandbox.runtimeInfo().runtime());
        } finally {
            delete(root);
        }
    }

    private static List<RunResult.Chart> charts(Path root) throws IOException {
        List<RunResult.Chart> charts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 4)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = root.relativize(f).toString();
                boolean svg = name.endsWith(".svg");
                if (!(svg || name.endsWith(".png")) || Files.size(f) > MAX_CHART_BYTES || charts.size() == MAX_CHARTS) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(f);
                charts.add(svg ? new RunResult.Chart(name, new String(bytes, StandardCharsets.UTF_8), null)
                        : new RunResult.Chart(name, null, Base64.getEncoder().encodeToString(bytes)));
            }
        }
        return charts;
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the run folder " + root, e);
        }
    }
}
