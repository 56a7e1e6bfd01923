package dev.backprop.script;

import org.junit.jupiter.api.Test;

/** A negative learning rate is refused (as PyTorch does) by nn.sgd, nn.adam and net.step; 0 is allowed. */
class LearningRateTest {
    @Test
    void negativeRatesAreValueErrorsAndZeroLeavesWeightsAlone() {
        try (Scripts s = Scripts.open()) {
            s.eval(Scripts.ERR_NAME + """
                for (const f of [() => nn.sgd({ lr: -1 }), () => nn.adam({ lr: -1 }), () => nn.adam({ lr: -0.001 })]) {
                  const r = errName(f);
                  assert(r.startsWith('ValueError') && r.includes('-'), r);
                }
                const net = nn.toy();
                net.forward([0.5, 0.9]);
                net.backward([1]);
                const before = Array.from(net.params()[0].value);
                const r = errName(() => net.step(-1));
                assert(r.startsWith('ValueError'), r);
                assertClose(net.params()[0].value, before, 0);     // refused before touching anything
                net.step(0);                                        // lr = 0: allowed, nothing moves
                assertClose(net.params()[0].value, before, 0);
                nn.sgd({ lr: 0 });
                nn.adam({ lr: 0 });
                """);
        }
    }
}
