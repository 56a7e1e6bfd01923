package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A sandbox for tests: output captured, roots given, a generous time limit so a hung test fails. */
final class Scripts implements AutoCloseable {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Sandbox sandbox;

    /** JS for the tests' scripts: errName(f) is 'none', or the error f threw as 'Name: message'. */
    static final String ERR_NAME =
            "function errName(f) { try { f(); return 'none'; } catch (e) { return e.name + ': ' + e.message; } }\n";

    Scripts(SandboxBuilder b) {
        sandbox = b.out(out).err(err).build();
    }

    static Scripts open() {
        return new Scripts(Sandbox.builder().timeLimit(Duration.ofSeconds(60)));
    }

    static Scripts open(Path read, Path write) {
        return new Scripts(Sandbox.builder().timeLimit(Duration.ofSeconds(60)).readRoot(read).writeRoot(write));
    }

    /** Runs {@code js} (with errName defined) in a fresh sandbox: the test passes when the script's asserts do. */
    static void passes(String js) {
        try (Scripts s = open()) {
            s.eval(ERR_NAME + js);
        }
    }

    /** As {@link #passes(String)} in a sandbox whose read and write root is {@code dir}. */
    static void passesIn(Path dir, String js) {
        try (Scripts s = open(dir, dir)) {
            s.eval(ERR_NAME + js);
        }
    }

    Result eval(String code) {
        return sandbox.eval(code, "test.js");
    }

    /** Evaluates {@code js}, which must throw the error named {@code name} with a message that says each of {@code texts}. */
    ScriptError failsWith(String name, String js, String... texts) {
        ScriptError e = assertThrows(ScriptError.class, () -> eval(js), js);
        assertEquals(name, e.errorName(), e.getMessage());
        for (String text : texts) {
            assertTrue(e.getMessage().contains(text), () -> "expected '" + text + "' in: " + e.getMessage());
        }
        return e;
    }

    /**
     * A started thread that interrupts the sandbox once the script under test has printed {@code marker}, so
     * surely mid-run (an interrupt while nothing runs does nothing); join it. It waits at most a minute for the
     * marker, then interrupts anyway, so that a script that never prints it fails its test instead of hanging.
     */
    Thread interruptOnceItPrints(String marker) {
        Thread t = new Thread(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            try {
                while (!out.toString(StandardCharsets.UTF_8).contains(marker) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                return;
            }
            sandbox.interrupt();
        });
        t.start();
        return t;
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Closes the sandboxes a test made side by side (the slots not reached yet are null). */
    static void closeAll(Sandbox[] boxes) {
        for (Sandbox b : boxes) {
            if (b != null) {
                b.close();
            }
        }
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
