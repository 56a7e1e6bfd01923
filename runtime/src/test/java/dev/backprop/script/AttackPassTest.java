package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.nn.Network;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Findings of an attack pass on the hardened sandbox (issue 10), each the exact reproducer of something
 * that does not hold yet. They are disabled so the branch stays green; each {@code @Disabled} says what the
 * attack does. A stuck evaluation runs on a daemon thread, so a failing test never hangs the build.
 */
class AttackPassTest {
    /** How long a stop may take here: many times what the watchdog needs (10 ms ticks, a 2 s limit). */
    private static final long WAIT_MILLIS = 30_000;

    private static Sandbox sandbox(Duration timeLimit) {
        return Sandbox.builder().out(new ByteArrayOutputStream()).err(new ByteArrayOutputStream())
                .timeLimit(timeLimit).build();
    }

    /** Runs {@code work} on a daemon thread; returns what it threw (or null), failing if it did not end in time. */
    private static Throwable endsInTime(String what, ThrowingRunnable work) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "attack-" + what);
        t.setDaemon(true);
        t.start();
        t.join(WAIT_MILLIS);
        assertFalse(t.isAlive(), what + " was still running " + WAIT_MILLIS / 1000 + " s later");
        return thrown.get();
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void builtinArrayLoopsOverAHugeArrayLikeStopAtTheTimeLimit() throws InterruptedException {
        for (String loop : new String[] {
                "Array.prototype.forEach.call({ length: 2 ** 53 - 1 }, () => {})",
                "Array.prototype.indexOf.call({ length: 2 ** 53 - 1 }, 1)",
                "Array.prototype.some.call({ length: 2 ** 53 - 1 }, (x) => x)",
                "Array.prototype.every.call({ length: 2 ** 53 - 1 }, (x) => false)",
                "Array.prototype.lastIndexOf.call({ length: 2 ** 53 - 1 }, 1)",
                "Array.prototype.filter.call({ length: 2 ** 53 - 1 }, (x) => x)",
                "Array.prototype.reduce.call({ length: 2 ** 53 - 1 }, (a, b) => a, 0)",
                "Array.prototype.reduceRight.call({ length: 2 ** 53 - 1 }, (a, b) => a, 0)",
                "Array.prototype.map.call({ length: 2 ** 32 - 1 }, (x) => x)",
                "const a = []; a.length = 2 ** 32 - 1; a.forEach(() => {}); a.indexOf(1)"}) {
            Sandbox sb = sandbox(Duration.ofSeconds(2));
            Throwable t = endsInTime(loop, () -> sb.eval(loop));
            assertTrue(t instanceof ScriptError, loop + " ended with " + t);
            assertEquals("LimitError", ((ScriptError) t).errorName(), loop + ": " + t.getMessage());
            assertEquals(2, sb.eval("1 + 1").value().asInt());
            sb.close();
        }
    }

    /** Was: getNetwork read the global before entering the watchdog, so the embedder (and the shell's .explain NAME) hung. */
    @Test
    void getNetworkOfAGlobalWithALoopingGetterEnds() throws InterruptedException {
        try (Sandbox sb = sandbox(Duration.ofSeconds(2))) {
            sb.eval("Object.defineProperty(globalThis, 'net', { get() { for (;;) {} } })");
            AtomicReference<Network> got = new AtomicReference<>(Network.toy(false));
            Throwable t = endsInTime("getNetwork", () -> got.set(sb.getNetwork("net")));
            assertNull(t, "getNetwork threw " + t);
            assertNull(got.get(), "a getter that does not return is no network");
        }
    }

    /** Was: put wrote the global before entering the watchdog, so a setter the script defined hung the embedder. */
    @Test
    void putOverAGlobalWithALoopingSetterEnds() throws InterruptedException {
        try (Sandbox sb = sandbox(Duration.ofSeconds(2))) {
            sb.eval("Object.defineProperty(globalThis, 'net', { get() { return 1; }, set(v) { for (;;) {} } })");
            Throwable t = endsInTime("put", () -> sb.put("net", Network.toy(false)));
            assertTrue(t == null || t instanceof ScriptError, "put ended with " + t);
            assertEquals(2, sb.eval("1 + 1").value().asInt());
        }
    }

    @Test
    void poisonedWeakMapSetCatchesNoHostFacade() {
        try (Sandbox sb = sandbox(Duration.ofSeconds(30))) {
            String caught = sb.eval("""
                    const got = [];
                    const set = WeakMap.prototype.set;
                    WeakMap.prototype.set = function (k, v) { got.push(v); return set.call(this, k, v); };
                    nn.matrix(2, 2).data;
                    const net = nn.net([2, 2, 1], { seed: 1 });
                    net.layers[0].W.value;
                    net.layers[0].W.grad;
                    got.filter((v) => typeof v === 'object' && typeof v.bytes === 'function')
                       .map((v) => { try { v.get(99, 99); return 'no error'; } catch (e) { return String(e); } })
                       .join(' | ')
                    """).value().asString();
            assertEquals("", caught, "host facades reached the script; their errors read: " + caught);
        }
    }

    @Test
    void replacedArrayBuiltinsDoNotSkipTheChecksOfNnNet() {
        try (Sandbox sb = sandbox(Duration.ofSeconds(30))) {
            String errors = sb.eval("""
                    Array.prototype.forEach = function () {};
                    Array.prototype.every = function () { return true; };
                    const out = [];
                    for (const f of [() => nn.net([2, 2.5, 1]), () => nn.net([2, 1e10, 1]), () => nn.net([2, 'x', 1]),
                                     () => nn.net([2, 2, 1], { activation: [{}] })]) {
                      try { f(); out.push('made'); } catch (e) { out.push(e.name + ': ' + e.message); }
                    }
                    out.join('\\n')
                    """).value().asString();
            for (String line : errors.split("\n")) {
                assertFalse(line.startsWith("InternalError") || line.contains("java") || line.contains("Value.as")
                        || line.contains("TruffleString") || line.equals("made"), line);
            }
        }
    }

    @Test
    void countsAboveTheIntRangeAreValueErrors(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("d.csv"), "a,label\n1,0\n2,1\n");
        try (Sandbox sb = Sandbox.builder().out(new ByteArrayOutputStream()).err(new ByteArrayOutputStream())
                .timeLimit(Duration.ofSeconds(30)).readRoot(dir).build()) {
            String errors = sb.eval("""
                    const xor = nn.data.xor();
                    const net = nn.net([2, 2, 1], { seed: 1 });
                    const out = [];
                    for (const f of [() => nn.data.circle({ n: 2 ** 53 }), () => [...xor.batches(2 ** 40)],
                                     () => net.fit(xor, { epochs: 2 ** 31, lr: 0.1 }),
                                     () => net.fit(xor, { epochs: 1, lr: 0.1, batchSize: 2 ** 40 }),
                                     () => nn.data.csv('%s', { target: 1e10 })]) {
                      try { f(); out.push('accepted'); } catch (e) { out.push(e.name + ': ' + e.message); }
                    }
                    out.join('\\n')
                    """.formatted(dir.resolve("d.csv").toString().replace("\\", "/"))).value().asString();
            for (String line : errors.split("\n")) {
                assertTrue(line.startsWith("ValueError") || line.startsWith("RangeError") || line.startsWith("LimitError"),
                        line);
                assertFalse(line.contains("java") || line.contains("invokeMember") || line.contains("Value.as"), line);
            }
        }
    }

    /** Runs {@link PoisonedClassInitMain} in a fresh JVM: what the second tenant got after the first's script. */
    private static String nextTenantAfter(String attack, String honest) throws Exception {
        String cp = System.getProperty("java.class.path");
        String mp = System.getProperty("jdk.module.path");
        if (mp != null && !mp.isEmpty()) {
            cp = cp + java.io.File.pathSeparator + mp;
        }
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "--add-modules", "jdk.incubator.vector", "-cp", cp,
                PoisonedClassInitMain.class.getName(), attack, honest).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), out);
        return out.lines().filter(l -> l.startsWith("NEXT: ")).findFirst().orElse("no answer:\n" + out);
    }

    @Test
    void deepJsRecursionLeavesNoHalfInitialisedClassForTheNextTenant() throws Exception {
        String next = nextTenantAfter(
                "function deep(n) { try { deep(n + 1); } catch (e) {} try { String(new Error('x').message).slice(0, 3); }"
                        + " catch (e) {} } deep(0);",
                "new String('abc').length");
        assertEquals("NEXT: ok 3", next);
    }

    @Test
    void deepJsRecursionIntoHostErrorsLeavesTheNextTenantsErrorsIntact() throws Exception {
        String next = nextTenantAfter(
                "function deep(n) { try { deep(n + 1); } catch (e) {} try { nn.fromJSON('{\"a\":1}'); } catch (e) {} }"
                        + " deep(0);",
                "try { nn.fromJSON('{}'); 'accepted' } catch (e) { e.name }");
        assertEquals("NEXT: ok FormatError", next);
    }
}
