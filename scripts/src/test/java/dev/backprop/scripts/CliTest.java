package dev.backprop.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The `backprop` command's exit codes and messages, through the real launcher. */
class CliTest {
    @TempDir
    Path dir;

    private Path script(String name, String code) throws Exception {
        return Files.writeString(dir.resolve(name), code);
    }

    /** Runs {@code backprop args…} in the test's folder and checks the exit code, the first thing a caller sees. */
    private Launcher.Run exits(int code, String... args) throws Exception {
        Launcher.Run r = Launcher.run(dir, args);
        assertEquals(code, r.exit(), r.toString());
        return r;
    }

    /** The run's error output says each of {@code texts}. */
    private static void says(Launcher.Run r, String... texts) {
        for (String text : texts) {
            assertTrue(r.err().contains(text), "expected '" + text + "' in: " + r);
        }
    }

    @Test
    void successIsZeroAndArgsArrive() throws Exception {
        script("ok.js", "print('args', args.join(','))\n");
        assertEquals("args a,b c\n", exits(0, "run", "ok.js", "--", "a", "b c").out());
    }

    @Test
    void failedAssertionIsOneWithFileLineColumn() throws Exception {
        script("bad.js", "const net = nn.toy();\n\nassert(net.forward([0.5, 0.9])[0] > 0.9, 'ŷ should be above 0.9');\n");
        Launcher.Run r = exits(1, "run", "bad.js");
        assertTrue(r.err().startsWith("bad.js:3:1: AssertionError: ŷ should be above 0.9"), r.toString());
        assertTrue(!r.err().contains("dev.backprop") && !r.err().contains("java."), r.toString());
    }

    @Test
    void scriptErrorAndSyntaxErrorAreOne() throws Exception {
        script("shape.js", "nn.toy().forward([1, 2, 3])\n");
        says(exits(1, "run", "shape.js"), "shape.js:1:1: ShapeError: forward expects 2 inputs");
        script("syntax.js", "let x = (1 +;\n");
        Launcher.Run syntax = exits(1, "run", "syntax.js");
        assertTrue(syntax.err().startsWith("syntax.js:1:"), syntax.toString());
        says(syntax, "SyntaxError");
        // the line and a caret under the column, as the shell shows them
        String[] lines = syntax.err().split("\n");
        int col = Integer.parseInt(lines[0].split(":")[2]);
        assertEquals("  1 | let x = (1 +;", lines[1], syntax.toString());
        assertEquals("    | " + " ".repeat(col - 1) + "^", lines[2], syntax.toString());
    }

    @Test
    void usageErrorsAreTwo() throws Exception {
        says(exits(2, "run", "nope.js"), "nope.js: no such file");
        exits(2, "run", "--no-such-option", "x.js");
        says(exits(2, "run", "--time-limit", "soon", "x.js"), "not a duration");
        says(exits(2, "run", "--time-limit", "0", "x.js"), "write none for no limit");
        says(exits(2, "run", "--max-elements", "-1", "x.js"), "'-1' is not a count");
    }

    @Test
    void misspeltCommandsAndOptionsGetADidYouMean() throws Exception {
        Launcher.Run command = exits(2, "rn", "x.js");
        says(command, "'rn' is not a command", "Did you mean backprop run?");
        assertTrue(command.err().lines().count() <= 4, "no page of usage: " + command);
        says(exits(2, "run", "--max-element", "5", "x.js"), "Did you mean --max-elements?");
    }

    @Test
    void helpFitsOneScreen() throws Exception {
        for (String[] args : new String[][] {{"--help"}, {"run", "--help"}}) {
            Launcher.Run help = exits(0, args);
            assertTrue(help.out().lines().count() <= 24, help.out().lines().count() + " lines:\n" + help.out());
            assertTrue(help.out().lines().allMatch(l -> l.length() <= 100), help.out());
        }
        String run = Launcher.run(dir, "run", "--help").out();
        assertTrue(run.contains("--allow-read") && run.contains("--allow-write"), run);
        assertTrue(run.contains("memory ¾ of the JVM heap"), "says how the defaults are derived: " + run);
    }

    @Test
    void offATerminalAReadOutsideIsRefusedNamingTheFlagAndTheHeaderIsNotGranted() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("xor.csv"), "a,b,y\n0,1,1\n1,1,0\n");
        Path code = Files.createDirectories(dir.resolve("code"));
        Files.writeString(code.resolve("read.js"), "// backprop: --allow-read=../data\n"
                + "print(nn.data.csv('" + data.resolve("xor.csv") + "', { target: 'y' }).size)\n");
        says(exits(1, "run", "code/read.js"), "asks to read " + data + "; not granted (not asked: not on a terminal)",
                "--read-root DIR (alias --allow-read");
        Launcher.Run granted = exits(0, "run", "--allow-read=" + data, "code/read.js");
        assertEquals("2\n", granted.out(), granted.toString());
        assertTrue(granted.err().isEmpty(), granted.toString());
    }

    @Test
    void limitsAreThreeAndNameTheLimit() throws Exception {
        // a loop that never ends on its own: that the run ends at all, with 3 and this message, is the 2 s limit firing
        script("loop.js", "while (true) {}\n");
        says(exits(3, "run", "--time-limit", "2s", "loop.js"), "LimitError: time limit of 2s reached");
        script("big.js", "nn.net([100000, 100000])\n");
        says(exits(3, "run", "big.js"), "--max-elements N, or SandboxBuilder.maxElements in Java");
        script("chatty.js", "while (true) print('again and again')\n");
        says(exits(3, "run", "--max-output", "64K", "chatty.js"), "output limit of 64 KiB");
        script("bomb.js", "const keep = [];\nwhile (true) keep.push(new Float64Array(1e6));\n");
        says(exits(3, "run", "--max-memory", "256M", "bomb.js"), "memory limit of 256 MiB",
                "--max-memory BYTES, or SandboxBuilder.maxAllocatedBytes");
    }

    @Test
    void recursionIsARangeErrorAndOne() throws Exception {
        script("deep.js", "function f() { return f() + 1 }\nf()\n");
        says(exits(1, "run", "deep.js"), "RangeError");
    }

    @Test
    void ctrlCIs130() throws Exception {
        script("spin.js", "print('spinning');\nwhile (true) {}\n");
        Process p = Launcher.start(dir, "run", "--time-limit", "60s", "spin.js");
        byte[] first = p.getInputStream().readNBytes("spinning\n".length());
        // it printed, so the script is running and Ctrl-C reaches it
        assertEquals("spinning\n", new String(first, StandardCharsets.UTF_8));
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
        Launcher.Run r = Launcher.finish(p, 30);
        assertEquals(130, r.exit(), r.toString());
        says(r, "Interrupted");
    }

    @Test
    void versionSaysWhichRuntime() throws Exception {
        Launcher.Run r = exits(0, "--version");
        assertTrue(r.out().startsWith("backprop "), r.toString());
        assertTrue(r.out().contains("JavaScript runtime: "), r.toString());
        Launcher.Run help = exits(0, "--help");
        assertTrue(help.out().contains("run"), help.toString());
    }

    @Test
    void anEngineOptionTheSandboxRefusesIsOneLineNotAStackTrace() throws Exception {
        script("one.js", "print(1)\n");
        ProcessBuilder pb = new ProcessBuilder(Launcher.ROOT.resolve("backprop").toString(), "run", "one.js")
                .directory(dir.toFile());
        pb.environment().put("BACKPROP_NO_BUILD", "1");
        pb.environment().remove("BACKPROP_DEBUG");
        // engine.TraceCompilation is a debugging option that the CONSTRAINED sandbox policy does not allow
        pb.environment().put("BACKPROP_JAVA_OPTS", "-Dpolyglot.engine.TraceCompilation=true");
        Launcher.Run r = Launcher.finish(pb.start(), 120);
        assertEquals(1, r.exit(), r.toString());
        assertEquals("", r.out(), r.toString());
        assertTrue(r.err().startsWith("backprop: ") && r.err().contains("engine.TraceCompilation"), r.toString());
        says(r, "BACKPROP_DEBUG=1");
        assertTrue(!r.err().contains("\tat "), "no Java stack trace: " + r);
    }

    @Test
    void modulesImportTheirNeighbours() throws Exception {
        script("util.mjs", "export const half = (v) => v / 2;\n");
        script("main.mjs", "import { half } from './util.mjs';\nprint(half(nn.toy().forward([0.5, 0.9])[0]).toFixed(3));\n");
        assertEquals("0.381\n", exits(0, "run", "main.mjs").out());
    }
}
