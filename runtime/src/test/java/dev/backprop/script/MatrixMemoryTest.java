package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Native matrix storage counts against the sandbox's memory budget: keeping matrices ends in a LimitError, not an OOM. */
class MatrixMemoryTest {
    @Test
    void keptMatricesHitTheMemoryLimitAndTheSandboxStaysUsable() {
        long budget = 64L << 20;
        try (Scripts s = new Scripts(Sandbox.builder().timeLimit(Duration.ofSeconds(60)).maxAllocatedBytes(budget))) {
            // each matrix holds 1000·1000·8 = 8,000,000 bytes of native memory, which the heap watchdog cannot see
            ScriptError e = assertThrows(ScriptError.class, () -> s.eval("""
                var keep = [];
                for (let i = 0; i < 1000; i++) { keep.push(nn.matrix(1000, 1000)); }
                """));
            assertEquals(ScriptError.Kind.LIMIT, e.kind(), e.getMessage());
            assertEquals("LimitError", e.errorName(), e.getMessage());
            assertTrue(e.getMessage().contains("memory limit of 64 MiB") && e.getMessage().contains("--max-memory"),
                    e.getMessage());
            assertTrue(!e.getMessage().contains("OutOfMemory") && !e.getMessage().contains("dev.backprop"), e.getMessage());
            // 8 fit (64,000,000 bytes ≤ 64 MiB = 67,108,864), the 9th is refused
            s.eval("assert(keep.length === 8, 'kept ' + keep.length)");
            // dropping them gives the bytes back: the sandbox can allocate again
            s.eval("""
                keep = null;
                const again = [];
                for (let i = 0; i < 6; i++) { again.push(nn.matrix(1000, 1000)); }
                assert(again[5].rows === 1000);
                """);
            // networks count too
            ScriptError n = assertThrows(ScriptError.class, () -> s.eval("nn.net([3000, 3000, 1])"));
            assertEquals("LimitError", n.errorName(), n.getMessage());
        }
    }
}
