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

    @Test
    void successIsZeroAndArgsArrive() throws Exception {
        script("ok.js", "print('args', args.join(','))\n");
        Launcher.Run r = Launcher.run(dir, "run", "ok.js", "--", "a", "b c");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("args a,b c\n", r.out());
    }

    @Test
    void failedAssertionIsOneWithFileLineColumn() throws Exception {
        script("bad.js", "const net = nn.toy();\n\nassert(net.forward([0.5, 0.9])[0] > 0.9, 'ŷ should be above 0.9');\n");
        Launcher.Run r = Launcher.run(dir, "run", "bad.js");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().startsWith("bad.js:3:1: AssertionError: ŷ should be above 0.9"), r.toString());
        assertTrue(!r.err().contains("dev.backprop") && !r.err().contains("java."), r.toString());
    }

    @Test
    void scriptErrorAndSyntaxErrorAreOne() throws Exception {
        script("shape.js", "nn.toy().forward([1, 2, 3])\n");
        Launcher.Run shape = Launcher.run(dir, "run", "shape.js");
        assertEquals(1, shape.exit(), shape.toString());
        assertTrue(shape.err().contains("shape.js:1:1: ShapeError: forward expects 2 inputs"), shape.toString());
        script("syntax.js", "let x = (1 +;\n");
        Launcher.Run syntax = Launcher.run(dir, "run", "syntax.js");
        assertEquals(1, syntax.exit(), syntax.toString());
        assertTrue(syntax.err().startsWith("syntax.js:1:"), syntax.toString());
        assertTrue(syntax.err().contains("SyntaxError"), syntax.toString());
        // the line and a caret under the column, as the shell shows them
        String[] lines = syntax.err().split("\n");
        int col = Integer.parseInt(lines[0].split(":")[2]);
        assertEquals("  1 | let x = (1 +;", lines[1], syntax.toString());
        assertEquals("    | " + " ".repeat(col - 1) + "^", lines[2], syntax.toString());
    }

    @Test
    void usageErrorsAreTwo() throws Exception {
        Launcher.Run missing = Launcher.run(dir, "run", "nope.js");
        assertEquals(2, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("nope.js: no such file"), missing.toString());
        Launcher.Run option = Launcher.run(dir, "run", "--no-such-option", "x.js");
        assertEquals(2, option.exit(), option.toString());
        Launcher.Run limit = Launcher.run(dir, "run", "--time-limit", "soon", "x.js");
        assertEquals(2, limit.exit(), limit.toString());
        assertTrue(limit.err().contains("not a duration"), limit.toString());
        Launcher.Run zero = Launcher.run(dir, "run", "--time-limit", "0", "x.js");
        assertEquals(2, zero.exit(), zero.toString());
        assertTrue(zero.err().contains("write none for no limit"), zero.toString());
        Launcher.Run negative = Launcher.run(dir, "run", "--max-elements", "-1", "x.js");
        assertEquals(2, negative.exit(), negative.toString());
        assertTrue(negative.err().contains("'-1' is not a count"), negative.toString());
    }

    @Test
    void misspeltCommandsAndOptionsGetADidYouMean() throws Exception {
        Launcher.Run command = Launcher.run(dir, "rn", "x.js");
        assertEquals(2, command.exit(), command.toString());
        assertTrue(command.err().contains("'rn' is not a command"), command.toString());
        assertTrue(command.err().contains("Did you mean backprop run?"), command.toString());
        assertTrue(command.err().lines().count() <= 4, "no page of usage: " + command);
        Launcher.Run option = Launcher.run(dir, "run", "--max-element", "5", "x.js");
        assertEquals(2, option.exit(), option.toString());
        assertTrue(option.err().contains("Did you mean --max-elements?"), option.toString());
    }

    @Test
    void helpFitsOneScreen() throws Exception {
        for (String[] args : new String[][] {{"--help"}, {"run", "--help"}}) {
            Launcher.Run help = Launcher.run(dir, args);
            assertEquals(0, help.exit(), help.toString());
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
        Launcher.Run refused = Launcher.run(dir, "run", "code/read.js");
        assertEquals(1, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("asks to read " + data + "; not granted (not asked: not on a terminal)"),
                refused.toString());
        assertTrue(refused.err().contains("--read-root DIR (alias --allow-read"), refused.toString());
        Launcher.Run granted = Launcher.run(dir, "run", "--allow-read=" + data, "code/read.js");
        assertEquals(0, granted.exit(), granted.toString());
        assertEquals("2\n", granted.out(), granted.toString());
        assertTrue(granted.err().isEmpty(), granted.toString());
    }

    @Test
    void limitsAreThreeAndNameTheLimit() throws Exception {
        script("loop.js", "while (true) {}\n");
        long t0 = System.nanoTime();
        Launcher.Run time = Launcher.run(dir, "run", "--time-limit", "2s", "loop.js");
        assertEquals(3, time.exit(), time.toString());
        assertTrue(time.err().contains("LimitError: time limit of 2s reached"), time.toString());
        assertTrue((System.nanoTime() - t0) / 1e9 < 15, "the whole run should take seconds");
        script("big.js", "nn.net([100000, 100000])\n");
        Launcher.Run size = Launcher.run(dir, "run", "big.js");
        assertEquals(3, size.exit(), size.toString());
        assertTrue(size.err().contains("--max-elements N, or SandboxBuilder.maxElements in Java"), size.toString());
        script("chatty.js", "while (true) print('again and again')\n");
        Launcher.Run output = Launcher.run(dir, "run", "--max-output", "64K", "chatty.js");
        assertEquals(3, output.exit(), output.toString());
        assertTrue(output.err().contains("output limit of 64 KiB"), output.toString());
        script("bomb.js", "const keep = [];\nwhile (true) keep.push(new Float64Array(1e6));\n");
        Launcher.Run memory = Launcher.run(dir, "run", "--max-memory", "256M", "bomb.js");
        assertEquals(3, memory.exit(), memory.toString());
        assertTrue(memory.err().contains("memory limit of 256 MiB"), memory.toString());
        assertTrue(memory.err().contains("--max-memory BYTES, or SandboxBuilder.maxAllocatedBytes"), memory.toString());
    }

    @Test
    void recursionIsARangeErrorAndOne() throws Exception {
        script("deep.js", "function f() { return f() + 1 }\nf()\n");
        Launcher.Run r = Launcher.run(dir, "run", "deep.js");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("RangeError"), r.toString());
    }

    @Test
    void ctrlCIs130() throws Exception {
        script("spin.js", "print('spinning');\nwhile (true) {}\n");
        Process p = Launcher.start(dir, "run", "--time-limit", "60s", "spin.js");
        byte[] first = p.getInputStream().readNBytes("spinning\n".length());
        assertEquals("spinning\n", new String(first, StandardCharsets.UTF_8));
        Thread.sleep(200);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
        Launcher.Run r = Launcher.finish(p, 30);
        assertEquals(130, r.exit(), r.toString());
        assertTrue(r.err().contains("Interrupted"), r.toString());
    }

    @Test
    void versionSaysWhichRuntime() throws Exception {
        Launcher.Run r = Launcher.run(dir, "--version");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("backprop "), r.toString());
        assertTrue(r.out().contains("JavaScript runtime: "), r.toString());
        Launcher.Run help = Launcher.run(dir, "--help");
        assertEquals(0, help.exit(), help.toString());
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
        assertTrue(r.err().contains("BACKPROP_DEBUG=1"), r.toString());
        assertTrue(!r.err().contains("\tat "), "no Java stack trace: " + r);
    }

    @Test
    void modulesImportTheirNeighbours() throws Exception {
        script("util.mjs", "export const half = (v) => v / 2;\n");
        script("main.mjs", "import { half } from './util.mjs';\nprint(half(nn.toy().forward([0.5, 0.9])[0]).toFixed(3));\n");
        Launcher.Run r = Launcher.run(dir, "run", "main.mjs");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("0.381\n", r.out());
    }
}
