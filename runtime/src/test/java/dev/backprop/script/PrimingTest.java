package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import org.graalvm.polyglot.SandboxPolicy;
import org.junit.jupiter.api.Test;

/**
 * The once-per-JVM warm-up before the engine is published (Sandbox.prime): every step of it runs to its end,
 * and what tenants get is still a CONSTRAINED context (only the warm-up's own sandbox runs under TRUSTED, on the
 * priming engine, which never compiles).
 */
class PrimingTest {
    @Test
    void everyStepOfPrimingRunsToItsEnd() {
        try (Sandbox sb = Sandbox.builder().out(new ByteArrayOutputStream()).build()) {
            assertEquals(2, sb.eval("1 + 1").value().asInt());
        }
        // a warm-up script that throws halfway (a name GraalJS does not define, say) skips the rest of it, silently
        assertEquals(java.util.List.of(), Sandbox.primingFailures());
        // the runtime's own classes (over a hundred: nn, kernel, io, script…) are initialised on priming's shallow stack
        assertTrue(Priming.initialised > 100, "initialised " + Priming.initialised + " classes of the runtime");
    }

    @Test
    void tenantsGetConstrainedContexts() {
        try (Sandbox a = Sandbox.builder().out(new ByteArrayOutputStream()).build();
             Sandbox b = Sandbox.builder().out(new ByteArrayOutputStream()).build()) {
            assertEquals(SandboxPolicy.CONSTRAINED, a.policy());
            assertEquals(SandboxPolicy.CONSTRAINED, b.policy());
        }
    }
}
