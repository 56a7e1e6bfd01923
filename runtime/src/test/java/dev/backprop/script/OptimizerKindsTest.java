package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.optim.Optimizer;
import org.junit.jupiter.api.Test;

/**
 * Scripts get one {@code nn.<name>} per update rule the engine has ({@link Optimizer#kinds()}), with the
 * rule's defaults and display: a new rule needs no line of the binding.
 */
class OptimizerKindsTest {

    @Test
    void everyRuleIsAScriptFunctionWithItsDefaultsItsMessagesAndItsDisplay() {
        for (Optimizer.Kind k : Optimizer.kinds()) {
            try (Scripts s = Scripts.open()) {
                StringBuilder given = new StringBuilder();
                StringBuilder checks = new StringBuilder();
                for (Optimizer.Setting st : k.settings()) {
                    double v = st.defaultValue() == null ? st.example() : st.defaultValue();
                    if (st.defaultValue() == null) {
                        given.append(given.length() == 0 ? "" : ", ").append(st.name()).append(": ").append(v);
                        checks.append("assert(errOf(() => nn.%1$s({})) === 'ValueError: nn.%1$s needs %2$s: nn.%1$s({ %3$s: %4$s })',"
                                .formatted(k.name(), st.meaning(), st.name(), fmt(st.example())))
                                .append(" errOf(() => nn.").append(k.name()).append("({})));\n");
                    }
                    checks.append("assert(st['").append(st.name()).append("'] === ").append(v).append(", 'setting ")
                            .append(st.name()).append(" is ' + st['").append(st.name()).append("']);\n");
                }
                s.eval("""
                        function errOf(f) { try { f(); return 'none'; } catch (e) { return e.name + ': ' + e.message; } }
                        const opt = nn.%1$s({ %2$s });
                        assert(opt instanceof nn.Optimizer && opt.kind === '%1$s', String(opt.kind));
                        const st = opt.state();
                        assert(st.type === '%1$s', st.type);
                        %3$s
                        assert(errOf(() => nn.%1$s({ nope: 1 })).startsWith("ValueError: nn.%1$s has no option 'nope'"));
                        const net = nn.toy();
                        net.forward([0.5, 0.9]);
                        net.backward([1]);
                        net.step(opt);
                        print(opt);
                        """.formatted(k.name(), given, checks));
                String shown = s.out().strip();
                assertTrue(shown.startsWith(k.title() + " { "), shown);
                for (Optimizer.Setting st : k.settings()) {
                    assertTrue(shown.contains(st.name() + ": "), shown);
                }
            }
        }
    }

    /** The two rules of the lesson keep the defaults and display docs/scripting.md gives them (PyTorch's defaults). */
    @Test
    void sgdAndAdamAsTheDocsSayThem() {
        try (Scripts s = Scripts.open()) {
            s.eval("""
                    print(nn.sgd({ lr: 0.1 }));
                    print(nn.adam());
                    function errOf(f) { try { f(); return 'none'; } catch (e) { return e.name + ': ' + e.message; } }
                    print(errOf(() => nn.sgd()));
                    print(errOf(() => nn.toy().step('fast')));
                    print(errOf(() => nn.toy().fit(nn.data.xor(), { epochs: 1, optimizer: {} })));
                    """);
            String[] lines = s.out().split("\n");
            assertEquals("SGD { lr: 0.1, momentum: 0, weightDecay: 0 }", lines[0]);
            assertEquals("Adam { lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8 }", lines[1]);
            assertEquals("ValueError: nn.sgd needs a learning rate: nn.sgd({ lr: 0.1 })", lines[2]);
            assertEquals("TypeError: step expects a learning rate like net.step(0.5) or an optimizer like"
                    + " net.step(nn.sgd({ lr: 0.1 })), got 'fast'", lines[3]);
            // the list grows with the registry: sgd and adam stay in it, each with what a script must give
            assertTrue(lines[4].startsWith("TypeError: net.fit's optimizer comes from nn.sgd({ lr }), nn.adam()")
                    || lines[4].equals("TypeError: net.fit's optimizer comes from nn.sgd({ lr }) or nn.adam(), got {}"),
                    lines[4]);
        }
    }

    @Test
    void anUnknownRuleNamesTheOnesThereAre() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.backprop.nn.ValueError.class,
                () -> Optimizer.kind("nesterovish"));
        assertTrue(e.getMessage().startsWith("unknown optimizer 'nesterovish'; use 'sgd', 'adam'"), e.getMessage());
        for (Optimizer.Kind k : Optimizer.kinds()) {
            assertTrue(e.getMessage().contains("'" + k.name() + "'"), e.getMessage());
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
