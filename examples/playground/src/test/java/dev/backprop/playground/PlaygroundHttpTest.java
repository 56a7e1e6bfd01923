package dev.backprop.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The playground over real HTTP, as a stranger talks to it: right answers, limits, confinement, concurrency. */
class PlaygroundHttpTest {
    private static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.get();
    }

    @Test
    void theLessonsNumbersComeBack() throws Exception {
        JsonNode r = server.run(ServerProcess.resource("examples/lesson.js"), null);
        assertEquals("ok", r.get("kind").asText(), r.toString());
        String out = r.get("output").asText();
        // the lesson's Step By Step, as printed there (3 decimals)
        for (String line : List.of("a            = 0.647, 0.678", "ŷ            = 0.762", "L            = 0.028",
                "δ_o          = -0.043", "∂L/∂W₂       = -0.028, -0.029", "δ_h          = -0.004, -0.004",
                "∂L/∂W₁       = -0.002, -0.004, -0.002, -0.004", "ŷ after      = 0.766", "L after      = 0.027")) {
            assertTrue(out.contains(line + "\n"), "missing '" + line + "' in\n" + out);
        }
        assertTrue(r.get("error").isNull());
        assertEquals(0, r.get("charts").size());
        assertTrue(r.get("ms").asLong() >= r.get("setupMs").asLong());
        if (Runtime.version().feature() >= 25) {
            assertEquals("GraalVM CE", r.get("runtime").asText(), "./run starts the optimizing runtime on JDK 25");
        }
    }

    @Test
    void aLoopUnderATwoSecondLimitIsALimit() throws Exception {
        JsonNode r = server.run("let n = 0;\nwhile (true) { n++; }", "timeLimit=2s");
        assertEquals("limit", r.get("kind").asText(), r.toString());
        assertEquals("LimitError", r.get("error").get("name").asText());
        assertTrue(r.get("error").get("message").asText().contains("2s"), r.toString());
        assertEquals(2, r.get("error").get("line").asInt(), r.toString());
    }

    @Test
    void aTimeLimitAboveTheServersIsCappedAtIt() throws Exception {
        JsonNode r = server.run("while (true) {}", "timeLimit=1h");
        assertEquals("limit", r.get("kind").asText(), r.toString());
        assertTrue(r.get("error").get("message").asText().contains(ServerProcess.MAX_TIME), r.toString());
    }

    @Test
    void etcPasswdIsASecurityErrorAndNothingOfItComesBack() throws Exception {
        for (String script : List.of(
                "print(nn.data.csv('/etc/passwd'))",
                "print(nn.data.csv('../../../../../../../../etc/passwd', { header: false }))",
                "print(JSON.stringify(nn.load('/etc/passwd')))",
                "load('/etc/passwd')")) {
            HttpResponse<String> raw = server.post("run", script, "text/javascript");
            assertEquals(200, raw.statusCode(), raw.body());
            assertFalse(raw.body().contains("root:"), "file content came back for " + script + ": " + raw.body());
            JsonNode r = ServerProcess.json(raw.body());
            assertEquals("error", r.get("kind").asText(), script + " → " + r);
            assertEquals("SecurityError", r.get("error").get("name").asText(), script + " → " + r);
        }
    }

    @Test
    void sampleDataIsReadableAndChartsComeBackAsSvg() throws Exception {
        JsonNode r = server.run(ServerProcess.resource("examples/iris.js"), null);
        assertEquals("ok", r.get("kind").asText(), r.toString());
        assertTrue(r.get("output").asText().startsWith("150 flowers, 4 features, 3 classes\n"), r.toString());
        assertEquals(1, r.get("charts").size());
        assertEquals("iris-loss.svg", r.get("charts").get(0).get("name").asText());
        assertTrue(r.get("charts").get(0).get("svg").asText().contains("<svg"), "an SVG document");
    }

    @Test
    void everyRunStartsWithAnEmptyWriteFolder() throws Exception {
        JsonNode first = server.run("net = nn.toy(); net.save('left-behind.json'); print('saved')", null);
        assertEquals("ok", first.get("kind").asText(), first.toString());
        JsonNode second = server.run("nn.load('left-behind.json')", null);
        assertEquals("error", second.get("kind").asText(), second.toString());
        JsonNode global = server.run("print(typeof net)", null);
        assertEquals("undefined\n", global.get("output").asText(), "a fresh sandbox has no globals of earlier runs");
    }

    @Test
    void sixteenConcurrentTrainingsGiveIdenticalOutputs() throws Exception {
        String script = ServerProcess.resource("examples/xor-chart.js");
        String alone = server.run(script, null).get("output").asText();
        assertTrue(alone.startsWith("loss 0.7"), alone);
        List<Callable<JsonNode>> jobs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            jobs.add(() -> server.run(script, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (Future<JsonNode> f : pool.invokeAll(jobs)) {
                JsonNode r = f.get();
                assertEquals("ok", r.get("kind").asText(), r.toString());
                assertEquals(alone, r.get("output").asText());
                assertEquals("xor-loss.svg", r.get("charts").get(0).get("name").asText());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hostileScriptsBesideHonestOnesDoNotChangeTheHonestResults() throws Exception {
        String honest = ServerProcess.resource("examples/lesson.js");
        String expected = server.run(honest, null).get("output").asText();
        Map<String, String> hostile = Map.of(
                "while (true) {}", "limit",
                "while (true) print('x'.repeat(1000))", "limit",
                "const keep = []; while (true) keep.push(new Array(1000000).fill(1.5))", "limit",
                "nn.net([4000, 4000, 4000])", "limit",
                "print(nn.data.csv('/etc/passwd'))", "error",
                "plot.save(plot.line([1, 2, 3]), '../../escape.svg')", "error",
                "Object.prototype.toFixed = () => 'pwned'; Number.prototype.toFixed = () => 'pwned'; "
                        + "Array.prototype.map = null; globalThis.print = null; print('x')", "error");
        List<Callable<JsonNode>> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            jobs.add(() -> server.run(honest, null));
        }
        List<String> hostileScripts = new ArrayList<>(hostile.keySet());
        for (String h : hostileScripts) {
            jobs.add(() -> server.run(h, "timeLimit=3s"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs.size());
        try {
            List<Future<JsonNode>> results = pool.invokeAll(jobs);
            for (int i = 0; i < 6; i++) {
                JsonNode r = results.get(i).get();
                assertEquals("ok", r.get("kind").asText(), r.toString());
                assertEquals(expected, r.get("output").asText());
            }
            for (int i = 0; i < hostileScripts.size(); i++) {
                JsonNode r = results.get(6 + i).get();
                assertEquals(hostile.get(hostileScripts.get(i)), r.get("kind").asText(), hostileScripts.get(i) + " → "
                        + r.toString().substring(0, Math.min(600, r.toString().length())));
                assertTrue(r.get("output").asText().length() <= 256 * 1024 + 1024, "output is capped");
            }
        } finally {
            pool.shutdownNow();
        }
        // and the server still answers the lesson the same way afterwards
        assertEquals(expected, server.run(honest, null).get("output").asText());
    }

    @Test
    void stopEndsARunningLoop() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<JsonNode> run = pool.submit(() -> server.run("while (true) {}", "id=stop-me&timeLimit=4s"));
            // the run is known from the moment it is received; stop as soon as the server has it
            HttpResponse<String> stop;
            do {
                stop = server.post("stop/stop-me", "", null);
            } while (stop.statusCode() == 404 && !run.isDone());
            assertEquals(200, stop.statusCode(), stop.body());
            JsonNode r = run.get();
            assertEquals("interrupted", r.get("kind").asText(), r.toString());
            assertEquals("stop-me", r.get("id").asText());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void beyondThePoolAndItsQueueTheAnswerIs503WithAMessage() throws Exception {
        ServerProcess small = ServerProcess.start("--pool", "1", "--queue", "0", "--max-time", "60s");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<JsonNode> first = pool.submit(() -> small.run("while (true) {}", "id=first&timeLimit=60s"));
            while (ServerProcess.json(small.http.send(java.net.http.HttpRequest.newBuilder(small.base.resolve("info"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).get("running").asInt() < 1) {
                assertFalse(first.isDone(), "the first run ended early");
            }
            HttpResponse<String> second = small.post("run", "print(1)", "text/javascript");
            assertEquals(503, second.statusCode(), second.body());
            assertTrue(ServerProcess.json(second.body()).get("message").asText().contains("busy"), second.body());
            assertEquals(200, small.post("stop/first", "", null).statusCode());
            assertEquals("interrupted", first.get().get("kind").asText());
            assertEquals("1\n", small.run("print(1)", null).get("output").asText(), "a free slot runs again");
        } finally {
            pool.shutdownNow();
            small.stop();
        }
    }

    @Test
    void badRequestsGetAMessageThatSaysWhatToDo() throws Exception {
        HttpResponse<String> form = server.post("run", "print(1)", "application/x-www-form-urlencoded");
        assertEquals(415, form.statusCode());
        assertTrue(ServerProcess.json(form.body()).get("message").asText().contains("Content-Type: text/javascript"));
        HttpResponse<String> badLimit = server.post("run?timeLimit=soon", "print(1)", "text/javascript");
        assertEquals(400, badLimit.statusCode());
        assertTrue(ServerProcess.json(badLimit.body()).get("message").asText().contains("such as 2s"), badLimit.body());
        HttpResponse<String> unknown = server.post("stop/nobody", "", null);
        assertEquals(404, unknown.statusCode());
        HttpResponse<String> big = server.post("run", "//" + "x".repeat(300 * 1024), "text/javascript");
        assertEquals(413, big.statusCode());
        JsonNode syntax = server.run("let x = ;", null);
        assertEquals("error", syntax.get("kind").asText());
        assertEquals("SyntaxError", syntax.get("error").get("name").asText());
        assertEquals(1, syntax.get("error").get("line").asInt());
    }
}
