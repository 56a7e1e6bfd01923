package dev.backprop.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real shell, started by ./backprop in a real pseudo-terminal (tmux), driven key by key as a
 * person would: the acceptance, one session and then a second one for history.
 */
class ShellEndToEndTest {
    static final Path LAUNCHER = Path.of("..", "backprop").toAbsolutePath().normalize();
    static final String PROMPT = "> ";
    static final String BANNER = "Backprop Sandbox shell · JavaScript with nn, plot, print";
    /** Rounds of the single-key check: Tab then Enter, each alone, from the first prompt on. */
    static final int ROUNDS = 6;

    /**
     * The banner, then a prompt line below it: unmistakable, unlike a bare "> " anywhere (capture-pane
     * drops a trailing space, and typed-ahead keys echo before the banner).
     */
    static void awaitFirstPrompt(Tmux t) throws Exception {
        t.await("the banner, then the first prompt", s -> {
            int at = s.indexOf(BANNER);
            return at >= 0 && s.substring(at + BANNER.length()).lines().skip(1)
                    .anyMatch(l -> l.equals(PROMPT.strip()) || l.startsWith(PROMPT));
        });
    }

    @Test
    void aSessionAsAPersonWouldUseIt(@TempDir Path dir) throws Exception {
        Path history = dir.resolve("history");
        Map<String, String> env = Map.of("BACKPROP_NO_BUILD", "1", "BACKPROP_HISTORY", history.toString(),
                "TERM", "xterm-256color");
        try (Tmux t = Tmux.start(dir, env, LAUNCHER.toString())) {
            awaitFirstPrompt(t);

            t.line("1+1");
            t.await("1+1 evaluated", s -> s.lines().anyMatch(l -> l.equals("2")));

            // a function over three lines: Enter continues while the brace is open
            t.line("function twice(x) {");
            t.await("the continuation prompt", s -> s.contains("… "));
            t.line("  return 2 * x");
            t.line("}");
            t.line("twice(21)");
            t.await("twice(21)", s -> s.lines().anyMatch(l -> l.equals("42")));

            // completion of net. lists the live network's members (waits are for answers, never a bare prompt)
            t.line("const net = nn.toy(); 'net' + ' ready'");
            t.await("the network", s -> s.lines().anyMatch(l -> l.equals("'net ready'")));
            t.type("net.").keys("Tab");
            String listed = t.await("net.'s members", s -> s.contains("forward") && s.contains("backward")
                    && s.contains("step"));
            assertTrue(listed.contains("layers"), listed);
            t.keys("C-c"); // clears the line

            // while (true) {} stopped by Ctrl-C; a variable set before it is still there
            t.line("let before = 4242; before");
            // typed ahead, the loop could be flushed by the Ctrl-C meant for it
            t.await("before", s -> s.lines().anyMatch(l -> l.equals("4242")));
            t.line("while (true) {}");
            t.repeatUntil("C-c", s -> s.contains("Interrupted (Ctrl-C)"));
            t.line("before * 2");
            t.await("the variable after the interrupt", s -> s.lines().anyMatch(l -> l.equals("8484")));

            // .undo puts the weights back after a step
            t.line("print('W11=' + net.layers[0].W.get(0, 0))");
            t.await("W11=0.15");
            t.line("net.forward([0.5, 0.9]); net.backward([1]); net.step(0.5); print('stepped=' + net.layers[0].W.get(0, 0))");
            t.await("stepped=0.1509"); // W₁[0][0] − η·∂L/∂W₁[0][0] = 0.15 + 0.5·0.00197
            t.line(".undo");
            t.await("Networks restored");
            int w11 = t.count("W11=0.15\n");
            t.line("print('W11=' + net.layers[0].W.get(0, 0))");
            t.awaitMore("W11=0.15\n", w11);

            // .save then ./backprop run prints the same
            t.line("print('saved:', twice(21), before, net.layers[0].W.get(0, 0))");
            String shown = t.await("the printed line", s -> s.lines().anyMatch(l -> l.startsWith("saved: ")));
            String printed = shown.lines().filter(l -> l.startsWith("saved: ")).findFirst().orElseThrow();
            t.line(".save session.js");
            t.await("Saved ");
            ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "run", dir.resolve("session.js").toString())
                    .directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().put("BACKPROP_NO_BUILD", "1");
            Process run = pb.start();
            run.getOutputStream().close();
            String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(run.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, run.exitValue(), out);
            assertEquals(printed, out.lines().filter(l -> l.startsWith("saved: ")).findFirst().orElse(out));

            // Ctrl-C on an empty line says how to leave; Ctrl-D leaves. Control keys are repeated until
            // they land: one sent in the instant between two line reads goes to the tty, not to the shell.
            t.repeatUntil("C-c", s -> s.contains("(To exit, press Ctrl-D or type .exit)"));
            t.keys("C-d");
            if (!t.exited()) {
                t.repeatUntilExit("C-d");
            }
        }
        assertTrue(Files.readString(history).contains("twice(21)"), "the history file holds the inputs");

        try (Tmux t = Tmux.start(dir, env, LAUNCHER.toString())) {
            awaitFirstPrompt(t);
            t.keys("Up");
            t.await("the last input of the first session", s -> s.contains(PROMPT + ".save session.js"));
            t.keys("C-u").keys("C-r").type("twice(2");
            t.await("a history search", s -> s.contains("twice(21)") && s.contains("bck-i-search"));
            t.keys("C-g");
            t.keys("C-d");
            if (!t.exited()) {
                t.repeatUntilExit("C-d");
            }
        }
    }

    /**
     * The shell keeps what you type: keys typed while it starts reach the first prompt, `[1 ]` keeps its
     * space, keys typed during an evaluation wait unechoed for the next prompt, history goes under $HOME,
     * and fit's progress bar never shares a line with what onEpoch prints.
     */
    @Test
    void theShellKeepsWhatYouType(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Map<String, String> env = Map.of("BACKPROP_NO_BUILD", "1", "HOME", home.toString(), "TERM", "xterm-256color");
        try (Tmux t = Tmux.start(dir, env, LAUNCHER.toString())) {
            t.line("[1 ].length + 4000"); // typed at once, while the JVM starts
            t.await("the typed-ahead input's answer", s -> s.lines().anyMatch(l -> l.equals("4001")));
            t.line("({ a: 1 }).a + 5000");
            String s = t.await("the object's answer", x -> x.lines().anyMatch(l -> l.equals("5001")));
            assertTrue(s.contains(PROMPT + "[1 ].length + 4000"), "the space before ] is kept:\n" + s);
            assertTrue(s.contains(PROMPT + "({ a: 1 }).a + 5000"), "the space before } is kept:\n" + s);

            t.line("let t0 = Date.now(); while (Date.now() - t0 < 2000) {} 'slept ' + 'enough'");
            t.await("the evaluation's echo", x -> x.contains("'slept ' + 'enough'"));
            t.type("6 * 1001");
            s = t.await("the answer, then the held keys at the next prompt",
                    x -> x.contains("'slept enough'\n" + PROMPT + "6 * 1001"));
            t.keys("Enter");
            t.await("the held input's answer", x -> x.lines().anyMatch(l -> l.equals("6006")));

            t.line("const net = nn.net([2, 32, 1], { seed: 1 }); const xs = [], ys = [];"
                    + " for (let i = 0; i < 20000; i++) { xs.push([i % 7 / 7, i % 3 / 3]); ys.push([(i % 2) * 0.5]); }"
                    + " const d = nn.data.of(xs, ys); 'data ' + 'ready'");
            t.await("the data", x -> x.lines().anyMatch(l -> l.equals("'data ready'")));
            t.line("net.fit(d, { epochs: 3, batchSize: 1, lr: 0.01, onEpoch: (e) => print('epoch-' + e + '-done') });"
                    + " 'fit ' + 'over'");
            s = t.await("fit's end", x -> x.lines().anyMatch(l -> l.equals("'fit over'")));
            for (int e = 1; e <= 3; e++) {
                String mark = "epoch-" + e + "-done";
                assertTrue(s.lines().anyMatch(l -> l.equals(mark)), "onEpoch's line alone, not glued to the bar:\n" + s);
            }
            t.repeatUntil("C-c", x -> x.contains("(To exit, press Ctrl-D or type .exit)"));
            t.repeatUntilExit("C-d");
        }
        String history = Files.readString(home.resolve(".backprop_history"));
        assertTrue(history.contains("[1 ].length + 4000"), history);
    }

    /**
     * Regression check for a key acted on only when the next key came: Tab and Enter are each sent
     * alone, once the screen shows what was typed before them, starting at the first prompt, and must
     * take effect with no other key sent (the wait times out otherwise).
     */
    @Test
    void tabAndEnterAreActedOnWithoutAnotherKey(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("BACKPROP_NO_BUILD", "1", "BACKPROP_HISTORY", "", "TERM", "xterm-256color");
        try (Tmux t = Tmux.start(dir, env, LAUNCHER.toString())) {
            awaitFirstPrompt(t);
            for (int round = 1; round <= ROUNDS; round++) {
                t.type("Math.ma");
                t.awaitLastLine(PROMPT + "Math.ma");
                t.keys("Tab");
                t.awaitLastLine(PROMPT + "Math.max"); // the one completion, by Tab alone
                String max = String.valueOf(111 * round);
                String call = "(" + round + ", " + max + ")";
                t.type(call);
                t.awaitLastLine("the call typed", l -> l.startsWith(PROMPT + "Math.max") && l.endsWith(call));
                t.keys("Enter");
                t.await("Math.max" + call + " = " + max + " printed", s -> s.lines().anyMatch(l -> l.equals(max)));
            }
        }
    }
}
