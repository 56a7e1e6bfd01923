package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code nn.explain} in a script: the lesson's numbers in the printed text, the beats as plain data, the net untouched. */
class ExplainScriptTest {
    @Test
    void printsTheLessonsStepAndLeavesTheNetworkAlone() {
        try (Scripts s = Scripts.open()) {
            s.eval("""
                const net = nn.toy();
                const before = net.params().map(p => Array.from(p.value));
                const w = nn.explain(net, [0.5, 0.9], 1, { lr: 0.5 });
                print(w);
                // the user's network is unchanged: same weights, and its forward still gives the lesson's ŷ
                net.params().forEach((p, i) => assertClose(p.value, before[i], 0));
                assertClose(net.forward([0.5, 0.9]), [0.7620332930580278], 1e-15);
                // steps are plain data in the lesson's order
                assert(w.steps.map(b => b.kind + '@' + b.layer).join() ===
                  'forward@1,forward@2,loss@2,outputDelta@2,gradient@2,hiddenDelta@1,gradient@1,update@0,recheck@2',
                  w.steps.map(b => b.kind).join());
                assert(w.steps[0].direction === 'forward' && w.steps[3].direction === 'backward');
                assertClose(w.steps[0].a, [0.6468, 0.6781], 5e-5);          // σ(0.605), σ(0.745)
                assertClose(w.steps[2].loss, 0.5 * (0.7620332930580278 - 1) ** 2, 1e-15);
                assert(typeof w.steps[3].narration === 'string');
                assert(String(w) === w.toString() && w.toString().startsWith(w.title));
                // lr defaults to 0.5
                assert(nn.explain(net, [0.5, 0.9], 1).toString() === w.toString());
                """);
            String text = s.out();
            for (String expected : List.of("0.647", "0.678", "ŷ = 0.762", "L = 0.028", "δ_o = −0.043",
                    "[−0.028, −0.029]", "−0.004", "[−0.002, −0.004, −0.002, −0.004]", "η = 0.5", "ŷ ≈ 0.766",
                    "L ≈ 0.027")) {
                assertTrue(text.contains(expected), () -> "missing '" + expected + "' in:\n" + text);
            }
        }
    }

    @Test
    void refusesBadArgumentsWithScriptErrors() {
        try (Scripts s = Scripts.open()) {
            s.eval("""
                const names = [];
                for (const f of [() => nn.explain({}, [0.5, 0.9], 1), () => nn.explain(nn.toy(), [0.5, 0.9], 1, { lr: -1 }),
                                 () => nn.explain(nn.toy(), [[0.5, 0.9], [0.1, 0.2]], [1, 0]), () => nn.explain(nn.toy(), [0.5, 0.9], 1, { rate: 1 })]) {
                  try { f(); names.push('none'); } catch (e) { names.push(e.name); }
                }
                assert(names.join() === 'TypeError,ValueError,ShapeError,ValueError', names.join());
                """);
        }
    }
}
