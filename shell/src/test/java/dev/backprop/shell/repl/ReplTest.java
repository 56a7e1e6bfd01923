package dev.backprop.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.backprop.script.Sandbox;
import dev.backprop.shell.explain.Ansi;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole shell over an in-memory terminal with a real sandbox: keys in, screen text out. */
class ReplTest {
    /** The line the shell prints before its first prompt; it and the prompt after it mean the shell is reading. */
    static final String BANNER = "ReplTest: the shell under test";

    @TempDir
    Path dir;
    PipedOutputStream keys;
    ByteArrayOutputStream screen;
    Terminal terminal;
    CompletableFuture<Integer> exit;

    @BeforeEach
    void start() throws Exception {
        keys = new PipedOutputStream();
        var in = new PipedInputStream(keys, 1 << 16);
        screen = new ByteArrayOutputStream();
        terminal = new ExternalTerminal("test", "xterm-256color", in, synchronizedStream(screen), StandardCharsets.UTF_8);
        terminal.setSize(new Size(120, 40));
        var options = new Repl.Options(dir.resolve("history"), false, dir, BANNER);
        Repl repl = new Repl(terminal, () -> Sandbox.builder().out(terminal.output()).err(terminal.output())
                .timeLimit(null).readRoot(dir).writeRoot(dir).build(), options);
        // the loop on a daemon thread of its own: a test that hangs it cannot keep the JVM alive
        exit = CompletableFuture.supplyAsync(repl::run,
                loop -> Thread.ofPlatform().name("repl-under-test").daemon().start(loop));
        await("the banner, then the first prompt", s -> s.contains(BANNER + "\n" + Repl.PROMPT));
    }

    @AfterEach
    void stop() throws Exception {
        if (!exit.isDone()) {
            type("\u0003\u0004"); // clear the line, then leave
            exit.get(30, TimeUnit.SECONDS);
        }
        terminal.close();
    }

    static OutputStream synchronizedStream(ByteArrayOutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (out) {
                    out.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (out) {
                    out.write(b, off, len);
                }
            }
        };
    }

    String text() {
        synchronized (screen) {
            return Ansi.strip(screen.toString(StandardCharsets.UTF_8)).replace("\r", "");
        }
    }

    void type(String s) throws Exception {
        keys.write(s.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    String await(String what, Predicate<String> test) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!test.test(text())) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what + "; the screen shows:\n" + text());
            }
            Thread.sleep(20);
        }
        return text();
    }

    /** Types a line and waits until the output after it holds {@code expected} on a line of its own. */
    void expect(String input, String expected) throws Exception {
        int from = text().length();
        type(input + "\r");
        await("'" + expected + "' after " + input, s -> s.substring(Math.min(from, s.length())).lines()
                .anyMatch(l -> l.equals(expected)));
    }

    @Test
    void evaluatesAndPrintsForPeople() throws Exception {
        expect("1+1", "2");
        expect("2/3", "0.666667");
        expect("[0.5, 0.9]", "[0.5, 0.9]");
        expect("function twice(x) {\r  return 2 * x\r}\rtwice(21)", "42");
        expect("nope()", "ReferenceError: nope is not defined");
        expect(".trace", "ReferenceError: nope is not defined");
    }

    @Test
    void aValueWhoseGetterNeverReturnsIsShownSafelyAndTheShellGoesOn() throws Exception {
        // before: printing ran the getter with no limit and the shell hung for good
        expect("({ a: 1, get b() { for (;;) {} } })", Sandbox.UNDISPLAYABLE);
        expect("new Proxy([], { get() { for (;;) {} } })", Sandbox.UNDISPLAYABLE);
        Files.writeString(dir.resolve("last.js"), "const trap = { get x() { for (;;) {} } };\ntrap\n");
        expect(".load last.js", Sandbox.UNDISPLAYABLE);
        // an error whose message getter never returns: Ctrl-C ends it like any evaluation, and the shell goes on
        int from = text().length();
        type("throw { get message() { for (;;) {} } }\r");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!text().substring(from).contains("Interrupted") && System.nanoTime() < deadline) {
            type("\u0003");
            Thread.sleep(200);
        }
        await("the interrupt message", s -> s.substring(from).contains("Interrupted (Ctrl-C)"));
        expect("6 * 7", "42");
    }

    @Test
    void braceInputIsAnObjectLiteralAsInNode() throws Exception {
        expect("{a: 1, b: [1,2]}", "{ a: 1, b: [1, 2] }");
        expect("{ let inner = 5; inner * 2 }", "10");
        expect("const W = nn.toy().layers[0].W", "> ");
        expect("{m: W}.m.name", "'W1'");
    }

    @Test
    void aFailedConstSaysWhyTheNameIsStuck() throws Exception {
        String hint = "the earlier `const h` failed before h got a value; use another name, or .reset";
        expect("const h = nope()", "ReferenceError: nope is not defined");
        expect("const h = 1", hint);
        expect("h", hint);
        expect("const k = 2; nope()", "ReferenceError: nope is not defined");
        int from = text().length();
        expect("k", "2");
        assertFalse(text().substring(from).contains("failed before"), "k got its value: no hint");
        expect(".reset", "> ");
        expect("const h = 3", "> ");
        expect("h", "3");
    }

    @Test
    void ctrlCStopsALoopAndTheVariablesStay() throws Exception {
        expect("let before = 4242", "> ");
        type("while (true) {}\r");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!text().contains("Interrupted") && System.nanoTime() < deadline) {
            type("\u0003");
            Thread.sleep(200);
        }
        await("the interrupt message", s -> s.contains("Interrupted (Ctrl-C)"));
        expect("before * 2", "8484");
    }

    @Test
    void ctrlCOnAnEmptyLineSaysHowToLeaveAndCtrlDLeaves() throws Exception {
        type("\u0003");
        await("the hint", s -> s.contains(Repl.EXIT_HINT));
        type("\u0004");
        assertEquals(0, exit.get(30, TimeUnit.SECONDS));
    }

    @Test
    void undoPutsTheWeightsBackAfterAStep() throws Exception {
        expect("const net = nn.toy()", "> ");
        String step = "net.forward([0.5, 0.9]); net.backward([1]); net.step(0.5); net.layers[0].W.get(0, 0)";
        expect(step, "0.150986");
        // pure inspections change no network, so they leave nothing to undo
        expect("net.layers[0].W.get(0, 0)", "0.150986");
        expect("net.layers[0].W", "Param W1 [2, 2]");
        expect(".undo", "Networks restored to before: " + step);
        expect("net.layers[0].W.get(0, 0)", "0.15");
        expect(".undo", "Nothing to undo.");
        // the step left the log; the inspections stay
        expect(".save u.js", "Saved 4 inputs to u.js; run it with ./backprop run u.js");
        assertFalse(Files.readString(dir.resolve("u.js")).contains("net.step"));
    }

    @Test
    void saveWritesAScriptThatPrintsTheSame(@TempDir Path other) throws Exception {
        expect("function twice(x) {\r  return 2 * x\r}", "> ");
        expect("const net = nn.toy()", "> ");
        type("broken(\r");
        await("the continuation prompt", s -> s.endsWith("… "));
        type("\u0003");
        // ŷ of the lesson's net at full precision, computed independently with Python's math.exp
        expect("print('saved:', twice(21), net.forward([0.5, 0.9])[0])", "saved: 42 0.7620332930580278");
        expect(".save s.js", "Saved 3 inputs to s.js; run it with ./backprop run s.js");
        var out = new ByteArrayOutputStream();
        try (Sandbox fresh = Sandbox.builder().out(out).build()) {
            fresh.run(dir.resolve("s.js"));
        }
        assertEquals("saved: 42 0.7620332930580278\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anErrorInAFunctionOfAnEarlierInputShowsThatInputsLine() throws Exception {
        expect("const train = (n) => n.forward([1, 2, 3])", "> ");
        expect("const toy = nn.toy()", "> ");
        type("train(toy)\r");
        await("the error", t -> t.contains("forward expects 2 inputs"));
        await("the line of the input that defined train", t -> t.contains(": const train = (n) => n.forward([1, 2, 3])"));
    }

    @Test
    void ctrlDInsideAnOpenInputListsNothing() throws Exception {
        type("function z() {\r");
        await("the continuation prompt", t -> t.endsWith("… "));
        type("\u0004");
        type("\u0003"); // abandon the input
        expect("1 + 1", "2");
        assertFalse(text().contains("possibilities"), text());
    }

    @Test
    void saveIntoAFolderThatIsNotThereSaysSo() throws Exception {
        expect("const a = 1", "> ");
        type(".save nodir/x.js\r");
        await("the missing folder", t -> t.contains("Cannot write nodir/x.js: the folder "
                + dir.toAbsolutePath().resolve("nodir") + " does not exist; create it first"));
        Files.createDirectories(dir.resolve("sub"));
        type(".save sub\r");
        await("the folder", t -> t.contains("Cannot write sub: it is a folder"));
        assertFalse(Files.exists(dir.resolve("nodir")));
    }

    /**
     * The failing session and the forms that trip automatic semicolon insertion: an object literal
     * then a line starting with "[", arrow functions, a function over three lines, a template literal, a
     * regex, bare expressions the shell displayed, and a failed input; the saved file, run alone, prints
     * the values in the order the shell showed them.
     */
    @Test
    void aSavedSessionReplaysWhatTheShellShowed() throws Exception {
        expect("const cfg = { lr: 0.5 }", "> ");
        expect("[1, 2].forEach(x => print('scaled', x * cfg.lr))", "scaled 1");
        expect("function area(w, h) {\r  return w * h\r}", "> ");
        expect("const sq = n => area(n, n)", "> ");
        expect("sq(7)", "49");
        expect("`lr is ${cfg.lr}`", "'lr is 0.5'");
        expect("/^a+b$/.test('aaab')", "true");
        type("nope(1)\r");
        await("the error", t -> t.contains("nope is not defined"));
        expect("({ a: 1 })", "{ a: 1 }");
        expect(".save r.js", "Saved 8 inputs to r.js; run it with ./backprop run r.js");
        String saved = Files.readString(dir.resolve("r.js"));
        assertFalse(saved.contains("nope"), saved);
        var out = new ByteArrayOutputStream();
        try (Sandbox fresh = Sandbox.builder().out(out).build()) {
            fresh.run(dir.resolve("r.js"));
        }
        assertEquals("scaled 0.5\nscaled 1\n49\nlr is 0.5\ntrue\n{ a: 1 }\n", out.toString(StandardCharsets.UTF_8), saved);
    }

    @Test
    void resetLoadAndExplain() throws Exception {
        Files.writeString(dir.resolve("lib.js"), "var fromFile = 7;\nprint('loaded')\n");
        expect(".load lib.js", "loaded");
        expect("fromFile * 6", "42");
        expect(".reset", "Fresh session: every variable and network is gone.");
        expect("typeof fromFile", "'undefined'");
        expect(".explain", "9. forward →   Did it help? Forward again with the new weights: ŷ ≈ 0.766 (was 0.762) and"
                + " L ≈ 0.027 (was 0.028): the loss went down.");
        expect(".explain nope", "No network named 'nope'; .explain takes a variable that holds a network, e.g. .explain net");
        type(".exit\r");
        assertEquals(0, exit.get(30, TimeUnit.SECONDS));
    }

    @Test
    void historyIsWrittenAsYouGo() throws Exception {
        expect("6 * 7", "42");
        String history = Files.readString(dir.resolve("history"));
        assertTrue(history.contains("6 * 7"), history);
        assertFalse(history.contains("\u001b"));
    }
}
