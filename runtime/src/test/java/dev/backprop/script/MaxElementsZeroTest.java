package dev.backprop.script;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** maxElements 0 means "no limit" (as Limits documents): only one matrix's own maximum applies, not a hidden default. */
class MaxElementsZeroTest {
    @Test
    void zeroLiftsTheLimitUpToOneMatrixsMaximum() {
        try (Scripts s = new Scripts(Sandbox.builder().timeLimit(Duration.ofSeconds(60)).maxElements(0))) {
            s.eval("""
                // W1 alone is 20000·30000 = 600,000,000 elements, above one matrix's maximum (268,435,455): the refusal
                // must name that maximum, not the engine's hidden 50,000,000 builder default (nothing is allocated)
                let msg = 'none';
                try { nn.net([30000, 20000, 1]); } catch (e) { msg = e.name + ': ' + e.message; }
                assert(msg.includes('268435455') && !msg.includes('50000000'), msg);
                """);
        }
    }
}
