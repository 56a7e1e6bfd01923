package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Completion (Sandbox.members) lists members without running user getters, so a looping getter cannot hang it. */
class CompletionTest {
    @Test
    void userGettersAreNeverRun() {
        // the 30 s guard only turns a hang into a failure; nothing here is timed
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (Scripts s = Scripts.open()) {
                s.eval("""
                    var calls = 0;
                    Object.defineProperty(globalThis, 'loop', { get() { calls++; for (;;) {} } });
                    const o = { get bad() { calls++; for (;;) {} }, ok: { x: 1, y: [{ deep: 2 }] } };
                    const net = nn.toy();
                    """);
                assertEquals(List.of(), s.sandbox.members("loop"));
                assertEquals(List.of(), s.sandbox.members("o.bad"));
                assertEquals(List.of(), s.sandbox.members("o.bad.x"));
                assertTrue(s.sandbox.members("o").containsAll(List.of("bad", "ok")), s.sandbox.members("o").toString());
                assertTrue(s.sandbox.members("o.ok").containsAll(List.of("x", "y")));
                assertTrue(s.sandbox.members("o.ok.y[0]").contains("deep"));
                // the prelude's own getters are still followed
                assertTrue(s.sandbox.members("net.layers[0]").contains("W"), s.sandbox.members("net.layers[0]").toString());
                assertTrue(s.sandbox.members("net").contains("forward"));
                s.eval("assert(calls === 0, 'a getter ran ' + calls + ' times')");
            }
        });
    }
}
