package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many tenants in one JVM: hostile scripts beside honest ones, all at once, and hundreds of sandboxes made
 * and closed. Every attack gets its own outcome, the honest scripts print exactly what they print alone,
 * and the JVM returns to its baseline.
 */
class TenantsTest {
    private static final String HONEST = """
            const net = nn.net([2, 4, 1], { activation: 'tanh', output: 'sigmoid', loss: 'bce', seed: 7 });
            const xor = nn.data.xor();
            for (let epoch = 0; epoch < 300; epoch++) {
              net.forward(xor.x); const loss = net.backward(xor.y); net.step(0.5);
              if (epoch % 50 === 0) print(epoch, loss.toFixed(12));
            }
            print(net.predict(xor.x).toArray().flat().map((v) => v.toFixed(12)).join(' '));
            """;

    /**
     * One tenant: its script and the error name it must end with (null: it must finish and print as alone);
     * one interrupted from outside prints {@link #INTERRUPT_ME} when it is inside what the interrupt must stop.
     */
    record Tenant(String name, String script, String expectedError, boolean interruptFromOutside) {
    }

    private static final String INTERRUPT_ME = "inside the loop: interrupt me";

    private static final List<Tenant> TENANTS = List.of(
            new Tenant("honest-1", HONEST, null, false),
            new Tenant("spin", "for (;;) {}", "LimitError", false),
            new Tenant("native-memory", "const k = []; for (;;) k.push(nn.data.circle({ n: 1e6 }));", "LimitError", false),
            new Tenant("heap", "const k = []; for (;;) k.push(new Array(1e6).fill(0.5));", "LimitError", false),
            new Tenant("output-flood", "const s = 'x'.repeat(1e5); for (;;) print(s);", "LimitError", false),
            new Tenant("looping-message", "throw { get message() { for (;;) {} } }", "*", false),
            new Tenant("host-recursion", "const n = nn.net([2, 2, 1], { seed: 1 }); const d = nn.data.xor();"
                    + " function f() { n.fit(d, { epochs: 1, lr: 0.1, onEpoch: () => { f(); } }); } f();",
                    "RangeError", false),
            new Tenant("read-passwd", "nn.data.csv('/etc/passwd')", "SecurityError", false),
            new Tenant("long-host-call", "const n = nn.net([784, 2048, 2048, 10], { seed: 1 });"
                    + " const x = nn.matrix(5000, 784); print('" + INTERRUPT_ME + "'); for (;;) n.forward(x);",
                    "Interrupted", true),
            new Tenant("honest-2", HONEST, null, false));

    private static Sandbox sandbox(ByteArrayOutputStream out) {
        return Sandbox.builder().timeLimit(Duration.ofSeconds(3)).maxAllocatedBytes(512L << 20).maxElements(0)
                .maxOutputBytes(1L << 20).out(out).err(out).build();
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void tenAttacksAndHonestScriptsAtOnceEachGetTheirOwnOutcome() throws Exception {
        String alone;
        ByteArrayOutputStream soloOut = new ByteArrayOutputStream();
        try (Sandbox solo = Sandbox.builder().timeLimit(Duration.ofSeconds(60)).out(soloOut).build()) {
            solo.eval(HONEST);
            alone = soloOut.toString(StandardCharsets.UTF_8);
        }
        int n = TENANTS.size();
        String[] outcome = new String[n];
        String[] printed = new String[n];
        Sandbox[] boxes = new Sandbox[n];
        ByteArrayOutputStream[] outs = new ByteArrayOutputStream[n];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                outs[i] = new ByteArrayOutputStream();
                boxes[i] = sandbox(outs[i]);
            }
            for (int i = 0; i < n; i++) {
                int k = i;
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        boxes[k].eval(TENANTS.get(k).script(), TENANTS.get(k).name() + ".js");
                        outcome[k] = "ok";
                    } catch (ScriptError e) {
                        outcome[k] = e.errorName();
                    } catch (InterruptedException e) {
                        outcome[k] = "test interrupted";
                    }
                    printed[k] = outs[k].toString(StandardCharsets.UTF_8);
                });
                threads.add(t);
                t.start();
            }
            go.countDown();
            for (int i = 0; i < n; i++) {
                if (TENANTS.get(i).interruptFromOutside()) {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    // an interrupt before the loop has started would stop nothing
                    while (!outs[i].toString(StandardCharsets.UTF_8).contains(INTERRUPT_ME)
                            && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    boxes[i].interrupt();
                }
            }
            for (Thread t : threads) {
                t.join();
            }
            for (int i = 0; i < n; i++) {
                Tenant t = TENANTS.get(i);
                if (t.expectedError() == null) {
                    assertEquals("ok", outcome[i], t.name());
                    assertEquals(alone, printed[i], t.name() + " printed something else beside the attackers");
                } else if (!t.expectedError().equals("*")) {
                    assertEquals(t.expectedError(), outcome[i], t.name());
                } else {
                    assertTrue(outcome[i] != null && !outcome[i].equals("ok"), t.name() + ": " + outcome[i]);
                }
                // every sandbox, attacked or not, is fit for its next script
                assertEquals(2, boxes[i].eval("1 + 1").value().asInt(), t.name());
            }
        } finally {
            Scripts.closeAll(boxes);
        }
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void fiveHundredSandboxesMadeAndClosedLeaveThreadsHeapAndNativeMemoryAtBaseline() throws Exception {
        // warm up: the engine, the watchdog, a stopper thread and the kernel pool exist before the baseline
        for (int i = 0; i < 5; i++) {
            oneShortLife(i);
        }
        Usage before = Usage.settled();
        for (int i = 0; i < 500; i++) {
            oneShortLife(i);
        }
        Usage after = Usage.settledUntil(u -> u.threads() <= before.threads() + 4
                && u.heap() - before.heap() < 64L << 20 && u.direct() - before.direct() < 4L << 20);
        String change = "threads " + before.threads() + " → " + after.threads() + ", heap after GC "
                + (before.heap() >> 20) + " → " + (after.heap() >> 20) + " MiB, direct memory "
                + (before.direct() >> 10) + " → " + (after.direct() >> 10) + " KiB";
        System.out.println("soak of 500 sandboxes: " + change);
        assertTrue(after.threads() <= before.threads() + 4, change);
        assertTrue(after.heap() - before.heap() < 64L << 20, change);
        assertTrue(after.direct() - before.direct() < 4L << 20, change);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aClosedSandboxGivesBackTheNativeMemoryItKept() throws Exception {
        settle();
        long before = directBytes();
        for (int i = 0; i < 3; i++) {
            try (Sandbox sb = Sandbox.builder().timeLimit(Duration.ofSeconds(60)).maxElements(0).build()) {
                // kept in globals, then the sandbox closes: 3 × 256 MB that must not stay with the JVM
                sb.eval("globalThis.big = nn.matrix(4000, 8000); globalThis.net = nn.net([8000, 10]);"
                        + " net.forward(big); big.rows");
            }
        }
        long after = Usage.settledUntil(u -> u.direct() - before < 64L << 20).direct();
        System.out.println("direct memory around three closed sandboxes of 256 MB each: " + (before >> 20) + " → "
                + (after >> 20) + " MiB");
        assertTrue(after - before < 64L << 20, "direct memory " + (before >> 20) + " MiB → " + (after >> 20) + " MiB");
    }

    /** One tenant's whole life: a net, a matrix, one training step, an interrupted loop, close. */
    private static void oneShortLife(int i) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Sandbox sb = Sandbox.builder().timeLimit(Duration.ofSeconds(i % 50 == 0 ? 60 : 20)).out(out).build()) {
            sb.eval("const net = nn.net([8, 16, 2], { seed: " + i + " }); const x = nn.matrix(32, 8);"
                    + " net.forward(x); net.backward(nn.matrix(32, 2)); net.step(0.1); print(net.layers.length)");
            if (i % 50 == 0) { // now and then a run the watchdog must stop
                java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();
                Thread stop = new Thread(() -> {
                    while (!over.get()) { // until the loop has surely started and been stopped
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException ignored) {
                            return;
                        }
                        sb.interrupt();
                    }
                });
                stop.start();
                try {
                    sb.eval("for (;;) {}");
                } catch (ScriptError expected) {
                    assertEquals("Interrupted", expected.errorName());
                }
                over.set(true);
                try {
                    stop.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        assertEquals("2\n", out.toString(StandardCharsets.UTF_8));
    }

    private static void settle() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100); // cleaners free the collected matrices' native storage on their own thread
        }
    }

    /** Live threads, heap in use and direct (native) buffer memory, read after {@link #settle()}. */
    private record Usage(int threads, long heap, long direct) {
        static Usage settled() throws InterruptedException {
            settle();
            return new Usage(Thread.activeCount(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                    directBytes());
        }

        /**
         * Settles again and again until {@code back} holds, for at most a minute, and returns the last usage read:
         * closed sandboxes' threads end, and their native storage is freed, on threads of their own, so on a busy
         * machine the usage comes back some time after the last close, not after a fixed pause.
         */
        static Usage settledUntil(Predicate<Usage> back) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Usage u = settled();
            while (!back.test(u) && System.nanoTime() < deadline) {
                u = settled();
            }
            return u;
        }
    }

    private static long directBytes() {
        for (BufferPoolMXBean b : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (b.getName().equals("direct")) {
                return b.getMemoryUsed();
            }
        }
        throw new IllegalStateException("no direct buffer pool");
    }
}
