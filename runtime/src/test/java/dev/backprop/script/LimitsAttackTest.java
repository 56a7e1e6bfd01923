package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Attacks on the sandbox's limits as an untrusted script would try them (issue: a sandbox you can hand to
 * strangers). Each ends in its documented error, and the sandbox stays usable afterwards. Bounds on how
 * long a stop takes are outcomes, not benchmarks: they are ten or more times what the stop needs, and
 * before the watchdog/allocator rework each of these ran for tens of seconds or for ever.
 */
class LimitsAttackTest {
    private static final long MiB = 1L << 20;

    private static Sandbox sandbox(SandboxBuilder b) {
        return b.out(new ByteArrayOutputStream()).err(new ByteArrayOutputStream()).build();
    }

    @Test
    void generatedDatasetsKeptBeyondTheBudgetAreALimitErrorAndTheSandboxStaysUsable() {
        try (Sandbox sb = sandbox(Sandbox.builder().timeLimit(Duration.ofSeconds(60)).maxAllocatedBytes(256 * MiB)
                .maxElements(0))) {
            // each circle of 1e6 points holds 3e6 doubles = 24 MB of native storage; 20 of them are 480 MB
            ScriptError e = assertThrows(ScriptError.class, () -> sb.eval(
                    "const keep = []; for (let i = 0; i < 20; i++) keep.push(nn.data.circle({ n: 1e6 }));"));
            assertEquals("LimitError", e.errorName(), e.getMessage());
            assertTrue(e.text().contains("memory limit of 256 MiB"), e.text());
            assertTrue(e.text().contains("--max-memory") && e.text().contains("maxAllocatedBytes"), e.text());
            assertEquals(2, sb.eval("1 + 1").value().asInt());
        }
    }

    @Test
    void predictionsAndClonesAreChargedToo() {
        try (Sandbox sb = sandbox(Sandbox.builder().timeLimit(Duration.ofSeconds(60)).maxAllocatedBytes(128 * MiB)
                .maxElements(0))) {
            sb.eval("globalThis.net = nn.net([100, 100, 100], { seed: 1 }); globalThis.x = nn.matrix(10000, 100);");
            ScriptError p = assertThrows(ScriptError.class, () -> sb.eval(
                    "const outs = []; for (let i = 0; i < 40; i++) outs.push(net.predict(x));")); // 8 MB each
            assertEquals("LimitError", p.errorName(), p.getMessage());
            ScriptError c = assertThrows(ScriptError.class, () -> sb.eval(
                    "const big = nn.net([2000, 2000, 10], { seed: 1 }); const clones = [];"
                            + " for (let i = 0; i < 40; i++) clones.push(big.clone());")); // 32 MB each (values + grads)
            assertEquals("LimitError", c.errorName(), c.getMessage());
            assertEquals(3, sb.eval("net.predict(nn.matrix(3, 100)).rows").value().asInt());
        }
    }

    @Test
    void garbageInsideTheBudgetIsNeverStopped() {
        try (Sandbox sb = sandbox(Sandbox.builder().timeLimit(Duration.ofSeconds(120)).maxAllocatedBytes(64 * MiB))) {
            // allocates and drops about 3 GB of arrays, 8 MB at a time, keeping at most one
            assertEquals(400, sb.eval("let last; let i = 0; for (; i < 400; i++) last = new Array(1e6).fill(i); i")
                    .value().asInt());
        }
    }

    @Test
    void keepingTheJsHeapBeyondTheBudgetIsALimitError() {
        try (Sandbox sb = sandbox(Sandbox.builder().timeLimit(Duration.ofSeconds(120)).maxAllocatedBytes(64 * MiB))) {
            ScriptError e = assertThrows(ScriptError.class, () -> sb.eval(
                    "globalThis.keep = []; for (let i = 0; i < 1000; i++) keep.push(new Array(1e6).fill(i + 0.5));"));
            assertEquals("LimitError", e.errorName(), e.getMessage());
            assertTrue(e.text().contains("memory limit"), e.text());
            sb.eval("keep = null");
            assertEquals(2, sb.eval("1 + 1").value().asInt());
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aTenantIsNeverStoppedForAnotherTenantsMemory() throws Exception {
        try (Sandbox keeper = sandbox(Sandbox.builder().timeLimit(Duration.ofSeconds(120)).maxAllocatedBytes(512 * MiB));
             Sandbox churner = sandbox(Sandbox.builder().timeLimit(Duration.ofSeconds(120))
                     .maxAllocatedBytes(64 * MiB))) {
            // the keeper holds ~320 MB (inside its own 512 MiB), far beyond the churner's 64 MiB
            keeper.eval("globalThis.keep = []; for (let i = 0; i < 40; i++) keep.push(new Array(1e6).fill(i + 0.5)); 0");
            CountDownLatch started = new CountDownLatch(1);
            Thread other = new Thread(() -> {
                started.countDown();
                // grows by another 160 MB, slowly, so that it grows while the churner runs
                keeper.eval("for (let i = 0; i < 20; i++) { keep.push(new Array(1e6).fill(i + 0.25));"
                        + " const t = Date.now(); while (Date.now() - t < 150) {} } keep.length");
            });
            other.start();
            started.await();
            System.gc(); // a clean heap to start from, as on a quiet server
            // meanwhile the churner makes garbage for 4 s (gigabytes) and keeps nothing
            assertTrue(churner.eval("let last; let i = 0; const end = Date.now() + 4000;"
                    + " while (Date.now() < end) last = new Array(1e6).fill(i++); i").value().asInt() > 10);
            other.join();
            assertEquals(60, keeper.eval("keep.length").value().asInt());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aTimeLimitEndsOneLongForwardInsideTheHost() {
        try (Sandbox sb = sandbox(Sandbox.builder().timeLimit(Duration.ofSeconds(1)).maxElements(0)
                .maxAllocatedBytes(4L << 30))) { // the caches of a 20000-row batch hold 1.3 GB
            sb.eval("globalThis.net = nn.net([784, 2048, 2048, 10], { seed: 1 });"
                    + " globalThis.x = nn.matrix(20000, 784); 0"); // one forward: ~230 GFLOP, many seconds
            ScriptError e = assertThrows(ScriptError.class, () -> sb.eval("net.forward(x); 'finished'"));
            assertEquals("LimitError", e.errorName(), e.getMessage());
            assertTrue(e.text().contains("time limit of 1s"), e.text());
            // the network is as it was: a forward stopped half-way leaves no cache for backward. This is also what
            // shows that the limit ended the forward inside the host: one that ran to its end would have left one
            ScriptError stale = assertThrows(ScriptError.class, () -> sb.eval("net.backward(nn.matrix(20000, 10))"));
            assertEquals("StaleForwardError", stale.errorName(), stale.getMessage());
            assertEquals(10, sb.eval("net.forward(nn.matrix(2, 784)).cols").value().asInt());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void interruptDuringALongHostCallKeepsTheSandboxAndItsVariables() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Sandbox sb = Sandbox.builder().timeLimit(null).maxElements(0).maxAllocatedBytes(4L << 30).out(out)
                .err(new ByteArrayOutputStream()).build()) {
            sb.eval("globalThis.kept = 42; globalThis.net = nn.net([784, 2048, 2048, 10], { seed: 1 });"
                    + " globalThis.x = nn.matrix(20000, 784); 0");
            long[] askedAt = new long[1];
            Thread stopper = new Thread(() -> {
                try {
                    while (!out.toString(java.nio.charset.StandardCharsets.UTF_8).contains("forwarding")) {
                        Thread.sleep(20); // until the loop has started: it printed, and goes on into a long forward
                    }
                } catch (InterruptedException ignored) {
                    return;
                }
                askedAt[0] = System.nanoTime();
                sb.interrupt();
            });
            stopper.start();
            ScriptError e = assertThrows(ScriptError.class,
                    () -> sb.eval("print('forwarding');"
                            + " for (;;) { try { net.forward(x); } catch (e) { /* swallow and go on */ } }"));
            long latency = (System.nanoTime() - askedAt[0]) / 1_000_000;
            stopper.join();
            System.out.println("interrupt inside one long forward [20000x784 through 784-2048-2048-10] returned after "
                    + latency + " ms");
            assertEquals("Interrupted", e.errorName(), e.getMessage());
            assertEquals(ScriptError.Kind.INTERRUPTED, e.kind());
            assertEquals(42, sb.eval("kept").value().asInt(), "Ctrl-C never closes the sandbox");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void oneStuckSandboxNeverDelaysTheLimitsOfTheOthers() throws Exception {
        int n = 8;
        Sandbox[] boxes = new Sandbox[n];
        ScriptError[] errors = new ScriptError[n];
        Thread[] threads = new Thread[n];
        try {
            for (int i = 0; i < n; i++) {
                boxes[i] = sandbox(Sandbox.builder().timeLimit(Duration.ofSeconds(1)).maxElements(0));
            }
            for (int i = 0; i < n; i++) {
                int k = i;
                // half spin in JS, half sit in long host products; none ends on its own, so each that ends was
                // stopped by its own limit, and a limit held up behind a stuck sandbox leaves its loop to the @Timeout
                String code = k % 2 == 0 ? "for (;;) {}"
                        : "const net = nn.net([784, 2048, 2048, 10], { seed: 1 }); const x = nn.matrix(5000, 784);"
                        + " for (;;) net.forward(x);";
                threads[i] = new Thread(() -> {
                    try {
                        boxes[k].eval(code);
                    } catch (ScriptError e) {
                        errors[k] = e;
                    }
                });
                threads[i].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            for (int i = 0; i < n; i++) {
                assertEquals("LimitError", errors[i].errorName(), "sandbox " + i + ": " + errors[i].getMessage());
                assertTrue(errors[i].text().contains("time limit of 1s"), "sandbox " + i + ": " + errors[i].text());
                assertEquals(2, boxes[i].eval("1 + 1").value().asInt());
            }
        } finally {
            Scripts.closeAll(boxes);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aSecondThreadInsideTheSameSandboxIsToldItIsBusy() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (Sandbox sb = Sandbox.builder().timeLimit(null).out(out).build()) {
            Thread first = new Thread(() -> {
                try {
                    sb.eval("print('inside'); for (;;) {}");
                } catch (ScriptError expected) {
                    // interrupted below
                }
            });
            first.start();
            while (!out.toString(java.nio.charset.StandardCharsets.UTF_8).contains("inside")) {
                Thread.sleep(20); // the first evaluation has started: it printed
            }
            ScriptError e = assertThrows(ScriptError.class, () -> sb.eval("1 + 1"));
            assertEquals("Error", e.errorName(), e.getMessage());
            assertTrue(e.text().contains("already running an evaluation"), e.text());
            sb.interrupt();
            first.join();
            assertEquals(2, sb.eval("1 + 1").value().asInt());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aThrownObjectWhoseMessageGetterLoopsIsAScriptError() {
        try (Sandbox sb = sandbox(Sandbox.builder().timeLimit(Duration.ofSeconds(1)))) {
            ScriptError e = assertThrows(ScriptError.class, () -> sb.eval("throw { get message() { for (;;) {} } }"));
            assertTrue(e.errorName().equals("LimitError") || e.errorName().equals("Error"), e.getMessage());
            assertFalse(e.getMessage().contains("Execution got interrupted"), e.getMessage());
            assertEquals(2, sb.eval("1 + 1").value().asInt());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void displayOfAValueWithALoopingGetterFallsBackInsteadOfHanging() {
        try (Sandbox sb = sandbox(Sandbox.builder().timeLimit(null))) {
            Result r = sb.eval("({ a: 1, get b() { for (;;) {} } })");
            assertEquals(Sandbox.UNDISPLAYABLE, sb.display(r.value(), false));
            Result p = sb.eval("new Proxy({}, { ownKeys() { for (;;) {} }, get() { for (;;) {} } })");
            assertEquals(Sandbox.UNDISPLAYABLE, sb.display(p.value(), false));
            assertEquals(2, sb.eval("1 + 1").value().asInt());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void snapshotAndCompletionNeverRunAHangingTrap() {
        try (Sandbox sb = sandbox(Sandbox.builder().timeLimit(null))) {
            sb.eval("globalThis.net = nn.net([2, 2, 1], { seed: 1 });"
                    + " globalThis.trap = new Proxy({}, { getPrototypeOf() { for (;;) {} }, ownKeys() { for (;;) {} },"
                    + "   get() { for (;;) {} }, getOwnPropertyDescriptor() { for (;;) {} } });"
                    + " Object.defineProperty(globalThis, 'slow', { get() { for (;;) {} }, enumerable: true });");
            sb.snapshot(); // returns: either the networks or, if a trap held it past its time, none
            sb.members("trap");
            sb.members("slow");
            assertNull(sb.getNetwork("trap"));
            assertEquals(2, sb.eval("1 + 1").value().asInt());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void recursionThroughHostCallbacksIsARangeErrorAndLaterSandboxesAreUnharmed() {
        try (Sandbox sb = sandbox(Sandbox.builder().timeLimit(Duration.ofSeconds(60)))) {
            ScriptError e = assertThrows(ScriptError.class, () -> sb.eval(
                    "const net = nn.net([2, 2, 1], { seed: 1 }); const xor = nn.data.xor();"
                            + " function again() { net.fit(xor, { epochs: 1, lr: 0.1, onEpoch: () => { again(); } }); }"
                            + " again();"));
            assertEquals("RangeError", e.errorName(), e.getMessage());
            assertTrue(e.text().contains("nested"), e.text());
        }
        try (Sandbox deep = sandbox(Sandbox.builder().timeLimit(Duration.ofSeconds(60)))) {
            // deep JS recursion whose every level calls the host (and makes it throw): the stack runs out in or
            // near host frames
            ScriptError e = assertThrows(ScriptError.class, () -> deep.eval(
                    "function f(n) { try { nn.net([2, 0]); } catch (e) { } return f(n + 1) + 1; } f(0)"));
            assertEquals("RangeError", e.errorName(), e.getMessage());
            assertEquals(2, deep.eval("1 + 1").value().asInt());
        }
        try (Sandbox later = sandbox(Sandbox.builder().timeLimit(Duration.ofSeconds(60)))) {
            ScriptError e = assertThrows(ScriptError.class, () -> later.eval("nn.net([2, 0])"));
            assertFalse(e.getMessage().contains("NoClassDefFoundError"), e.getMessage());
            assertEquals(2, later.eval("1 + 1").value().asInt());
        }
    }
}
