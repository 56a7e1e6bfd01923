package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java embedding API: networks shared with scripts, interrupt, snapshots, errors, the shell's helpers. */
class EmbeddingTest {

    /** The README's embedding example, as written there. */
    @Test
    void readmeExample() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Sandbox sandbox = Sandbox.builder().out(out).timeLimit(Duration.ofSeconds(10)).build()) {
            Network net = Network.toy(false);
            sandbox.put("net", net);
            sandbox.eval("""
                for (let i = 0; i < 100; i++) {
                  net.forward([0.5, 0.9]);
                  net.backward([1]);
                  net.step(0.5);
                }
                print('loss', net.loss([0.5, 0.9], [1]).toFixed(4));
                """);
            // the script trained Java's own object
            double loss = net.loss(Matrix.of(1, 2, 0.5, 0.9), Matrix.of(1, 1, 1.0));
            assertTrue(loss < 0.028, "loss " + loss);
            assertEquals("loss " + String.format("%.4f", loss) + "\n", out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void putAndGetShareOneObject() {
        try (Scripts s = Scripts.open()) {
            Network net = Network.toy(false);
            s.sandbox.put("net", net);
            s.eval("net.layers[0].W.value[0] = 0.5");
            assertEquals(0.5, net.layer(1).W().get(0, 0));
            net.layer(1).W().set(0, 1, 0.25);
            assertEquals(0.25, s.eval("net.layers[0].W.get(0, 1)").value().asDouble());
            assertSame(net, s.sandbox.getNetwork("net"));
            s.eval("var made = nn.net([3, 2]); var notNet = 5");
            Network made = s.sandbox.getNetwork("made");
            assertEquals(3, made.inputs());
            s.sandbox.put("again", made);
            assertTrue(s.eval("again === made").value().asBoolean(), "a network read from JS and put back is the same JS object");
            assertNull(s.sandbox.getNetwork("notNet"));
            assertNull(s.sandbox.getNetwork("absent"));
        }
    }

    @Test
    void interruptStopsAnEndlessLoopAndKeepsState() throws Exception {
        try (Scripts s = new Scripts(Sandbox.builder().timeLimit(null))) {
            s.sandbox.put("net", Network.toy(false));
            // the loop never ends on its own and the sandbox has no time limit: only the interrupt can end it
            Thread t = s.interruptOnceItPrints("spinning");
            ScriptError e = assertThrows(ScriptError.class,
                    () -> s.eval("var spins = 0; while (true) { if (++spins === 1000) print('spinning') }"));
            t.join();
            assertEquals(ScriptError.Kind.INTERRUPTED, e.kind());
            assertTrue(s.eval("spins").value().asLong() >= 1000, "globals survive");
            assertEquals(0.7620332930580278, s.eval("net.forward([0.5, 0.9])[0]").value().asDouble());
        }
    }

    @Test
    void interruptNeverLeavesAStepHalfApplied() throws Exception {
        try (Scripts s = new Scripts(Sandbox.builder().timeLimit(null))) {
            Network net = Network.builder(4, 64, 64, 2).activation("tanh").seed(3).build();
            Network start = net.copy();
            s.sandbox.put("net", net);
            Thread t = s.interruptOnceItPrints("stepping"); // after 100 whole steps, so surely while stepping
            assertThrows(ScriptError.class, () -> s.eval("""
                var steps = 0;
                const x = [[0.1, 0.2, 0.3, 0.4], [0.5, 0.6, 0.7, 0.8]], y = [[1, 0], [0, 1]];
                const opt = nn.adam({ lr: 0.01 });
                while (true) { net.forward(x); net.backward(y); net.step(opt); if (++steps === 100) print('stepping'); }
                """));
            t.join();
            long steps = s.eval("steps").value().asLong();
            assertTrue(steps >= 100, steps + " steps");
            // the same training in Java, step by step: the interrupted network equals a whole number of steps
            Matrix x = Matrix.of(2, 4, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8);
            Matrix y = Matrix.of(2, 2, 1, 0, 0, 1);
            var opt = new dev.backprop.optim.Adam(0.01, 0.9, 0.999, 1e-8);
            Network ref = start.copy();
            boolean matched = false;
            for (long k = 1; k <= steps + 1 && !matched; k++) {
                ref.forward(x);
                ref.backward(y);
                ref.step(opt);
                matched = k >= steps && sameParams(ref, net);
            }
            assertTrue(matched, "after " + steps + " counted steps the weights match neither " + steps + " nor "
                    + (steps + 1) + " whole steps");
        }
    }

    private static boolean sameParams(Network a, Network b) {
        for (int i = 0; i < a.params().size(); i++) {
            if (!a.params().get(i).value().sameBits(b.params().get(i).value())) {
                return false;
            }
        }
        return true;
    }

    @Test
    void snapshotAndRestoreUndoAnEvaluation() {
        try (Scripts s = Scripts.open()) {
            s.eval("var net = nn.toy(); const nets = { inner: [nn.net([2, 1], { seed: 1 })] }");
            Network net = s.sandbox.getNetwork("net");
            double before = net.layer(1).W().get(0, 0);
            double innerBefore = s.eval("nets.inner[0].layers[0].W.value[0]").value().asDouble();
            Snapshot snap = s.sandbox.snapshot();
            assertEquals(2, snap.networks().size());
            s.eval("""
                net.forward([0.5, 0.9]); net.backward([1]); net.step(10);
                nets.inner[0].layers[0].W.value[0] = 99;
                """);
            assertFalse(net.layer(1).W().get(0, 0) == before);
            s.sandbox.restore(snap);
            assertEquals(before, net.layer(1).W().get(0, 0));
            assertEquals(innerBefore, s.eval("nets.inner[0].layers[0].W.value[0]").value().asDouble());
        }
    }

    @Test
    void errorsCarryFileLineColumnAndAGuestOnlyTrace() {
        try (Scripts s = Scripts.open()) {
            ScriptError e = assertThrows(ScriptError.class, () -> s.sandbox.eval("""
                function train(net) {
                  net.forward([1, 2, 3]);
                }
                train(nn.toy());
                """, "demo.js"));
            assertEquals(ScriptError.Kind.ERROR, e.kind());
            assertEquals("ShapeError", e.errorName());
            assertEquals("demo.js", e.sourceName());
            assertEquals(2, e.line());
            assertEquals("demo.js:2:3", e.location());
            assertTrue(e.getMessage().startsWith("ShapeError: forward expects 2 inputs"), e.getMessage());
            assertTrue(e.fullTrace().contains("at train (demo.js:2:3)") && e.fullTrace().contains("demo.js:4"),
                    e.fullTrace());
            assertFalse(e.fullTrace().contains("prelude") || e.fullTrace().contains("java"), e.fullTrace());
            ScriptError syntax = assertThrows(ScriptError.class, () -> s.sandbox.eval("let x = (1 +;", "bad.js"));
            assertEquals(ScriptError.Kind.SYNTAX, syntax.kind());
            assertEquals("SyntaxError", syntax.errorName());
            assertEquals(1, syntax.line());
            ScriptError thrown = assertThrows(ScriptError.class, () -> s.eval("throw new TypeError('nope')"));
            assertEquals("TypeError: nope", thrown.getMessage());
        }
    }

    @Test
    void runTakesScriptsAndModules(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("helper.mjs"), "export function twice(v) { return 2 * v; }\n");
        Files.writeString(dir.resolve("main.mjs"), "import { twice } from './helper.mjs';\nprint(twice(21));\n");
        Files.writeString(dir.resolve("plain.js"), "print(nn.toy().forward([0.5, 0.9])[0].toFixed(3));\n");
        try (Scripts s = new Scripts(Sandbox.builder().writeRoot(dir))) {
            s.sandbox.run(dir.resolve("main.mjs"));
            s.sandbox.run(dir.resolve("plain.js"));
            assertEquals("42\n0.762\n", s.out());
        }
    }

    @Test
    void shellHelpers() {
        try (Scripts s = Scripts.open()) {
            s.eval("var net = nn.toy()");
            List<String> globals = s.sandbox.globals();
            assertTrue(globals.containsAll(List.of("nn", "print", "assert", "assertClose", "args", "net", "Math")), globals.toString());
            assertTrue(s.sandbox.members("net").containsAll(List.of("forward", "backward", "step", "layers", "params")));
            assertTrue(s.sandbox.members("net.layers[0]").containsAll(List.of("W", "b", "z", "a", "delta")));
            assertTrue(s.sandbox.members("nn").containsAll(List.of("net", "toy", "matrix", "sgd", "adam")));
            assertEquals(List.of(), s.sandbox.members("net.forward([1, 2])"));
            assertTrue(s.sandbox.isIncomplete("net.forward([0.5,"));
            assertTrue(s.sandbox.isIncomplete("const s = `abc"));
            assertTrue(s.sandbox.isIncomplete("/* comment"));
            assertFalse(s.sandbox.isIncomplete("net.forward([0.5, 0.9])"));
            assertFalse(s.sandbox.isIncomplete("let = = ;"));
            assertEquals("[0.7620332930580278]", s.sandbox.display(s.eval("net.forward([0.5, 0.9])").value(), false));
            assertEquals("Matrix [1, 2] [[1, 2]]", s.sandbox.display(s.eval("nn.matrix(1, 2, [1, 2])").value(), false));
            assertTrue(s.sandbox.display(s.eval("net").value(), false).startsWith("Network 2→2→1"));
            assertTrue(s.sandbox.display(s.eval("net.layers[0].W").value(), true).contains("\u001b["));
        }
    }

    @Test
    void hundredSandboxesLeaveNoThreadsOrMemoryBehind() {
        try (Scripts warm = Scripts.open()) {
            warm.eval("nn.toy().forward([0.5, 0.9])");
        }
        System.gc();
        int threadsBefore = Thread.activeCount();
        long heapBefore = usedHeap();
        for (int i = 0; i < 100; i++) {
            try (Sandbox sb = Sandbox.builder().build()) {
                sb.eval("const net = nn.net([4, 32, 2], { seed: " + i + " }); net.forward([1, 2, 3, 4]); "
                        + "var big = new Float64Array(100000)");
            }
        }
        int threadsAfter = Thread.activeCount();
        long heapAfter = usedHeap();
        assertTrue(threadsAfter <= threadsBefore, threadsBefore + " threads before, " + threadsAfter + " after");
        assertTrue(heapAfter - heapBefore < 64L << 20, "heap grew by " + (heapAfter - heapBefore) + " bytes");
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    @Test
    void closedSandboxSaysSo() {
        Sandbox sb = Sandbox.builder().build();
        sb.close();
        ScriptError e = assertThrows(ScriptError.class, () -> sb.eval("1"));
        assertTrue(e.getMessage().contains("closed"));
        assertArrayEquals(new int[] {0}, new int[] {0});
    }
}
