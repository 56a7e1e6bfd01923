package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * net.backwardFrom, net.inputGrad and nn.activation from a script: every check is a JS assertion
 * against an independent value (central differences, a network built in one piece, hand-worked
 * numbers), and every way user code inside f or df can misbehave ends in a clear error.
 */
class OwnLossAndActivationTest {
    private static void ok(String js) {
        try (Scripts s = Scripts.open()) {
            s.eval(js);
        }
    }

    /** {@code js} throws, and the sandbox stays usable after it. */
    private static ScriptError fails(Scripts s, String js) {
        ScriptError e = assertThrows(ScriptError.class, () -> s.eval(js));
        assertStillUsable(s);
        return e;
    }

    /** {@code js} throws the error named, saying each of {@code texts}, and the sandbox stays usable after it. */
    private static ScriptError failsWith(Scripts s, String name, String js, String... texts) {
        ScriptError e = s.failsWith(name, js, texts);
        assertStillUsable(s);
        return e;
    }

    private static void assertStillUsable(Scripts s) {
        assertEquals(0.7620332930580278, s.eval("nn.toy().forward([0.5, 0.9])[0]").value().asDouble(),
                "the sandbox stays usable");
    }

    @Test
    void backwardFromTakesEveryTargetFormAndDoesNotAverage() {
        ok("""
            const net = nn.net([2, 3, 2], { activation: 'tanh', output: 'sigmoid', seed: 3 });
            const x = [[0.5, -0.2], [0.1, 0.9], [-0.7, 0.3]];
            const g = [[0.3, -0.1], [0.2, 0.5], [-0.4, 0.6]];
            const grads = (form) => { net.forward(x); assert(net.backwardFrom(form) === net); return net.params().map(p => Array.from(p.grad)); };
            const want = grads(g);
            assertClose(grads(g.flat()), want, 0);
            assertClose(grads(new Float64Array(g.flat())), want, 0);
            assertClose(grads(nn.matrix(3, 2, g.flat())), want, 0);
            // no averaging: the same examples three times over give three times the gradients
            net.forward([...x, ...x, ...x]);
            net.backwardFrom([...g, ...g, ...g]);
            assertClose(net.params().map(p => Array.from(p.grad)), want.map(r => r.map(v => 3 * v)), 1e-12);
            // one example as a plain array: [1, outputs]
            net.forward(x[0]);
            net.backwardFrom(g[0]);
            const one = net.params().map(p => Array.from(p.grad));
            net.forward(x[1]);
            net.backwardFrom(g[1], { accumulate: true });
            net.forward(x[2]);
            net.backwardFrom(g[2], { accumulate: true });
            assertClose(net.params().map(p => Array.from(p.grad)), want, 1e-12);
            // layer.delta as after backward: δ of the output = g ⊙ σ'(z) = g·a(1 − a)
            net.forward(x);
            net.backwardFrom(g);
            const a = net.layers[1].a.toArray(), d = net.layers[1].delta.toArray();
            for (let i = 0; i < 3; i++) for (let k = 0; k < 2; k++) assertClose(d[i][k], g[i][k] * a[i][k] * (1 - a[i][k]), 1e-15);
            """);
    }

    @Test
    void backwardFromAHingeLossMatchesCentralDifferences() {
        ok("""
            const net = nn.net([2, 4, 1], { activation: 'tanh', output: 'identity', seed: 5 });
            const x = [[0.5, -0.2], [0.1, 0.9], [-0.7, 0.3], [0.2, 0.2]], y = [1, -1, 1, -1];
            const hinge = (out) => out.reduce((s, r, i) => s + Math.max(0, 1 - y[i] * r[0]), 0) / y.length;
            const out = net.forward(x);
            net.backwardFrom(out.map((r, i) => [1 - y[i] * r[0] > 0 ? -y[i] / y.length : 0]));
            const eps = 1e-6;
            for (const p of net.params()) {
              const analytic = Array.from(p.grad);
              for (let k = 0; k < p.size; k++) {
                const w = p.value[k];
                p.value[k] = w + eps; const plus = hinge(net.predict(x));
                p.value[k] = w - eps; const minus = hinge(net.predict(x));
                p.value[k] = w;
                assertClose(analytic[k], (plus - minus) / (2 * eps), 1e-7, p.name + '[' + k + ']');
              }
            }
            """);
    }

    @Test
    void inputGradChainsTwoNetworksIntoOne() {
        ok("""
            assert(nn.net([2, 1]).inputGrad === null);
            const whole = nn.net([3, 4, 2, 3], { activation: ['tanh', 'sigmoid'], output: 'sigmoid', loss: 'mse', seed: 9 });
            const enc = nn.net([3, 4, 2], { activation: 'tanh', output: 'sigmoid', seed: 1 });
            const dec = nn.net([2, 3], { activation: 'sigmoid', loss: 'mse', seed: 2 });
            enc.params().forEach((p, i) => { p.value = whole.params()[i].value; });
            dec.params().forEach((p, i) => { p.value = whole.params()[i + 4].value; });
            const x = [[0.1, 0.5, -0.3], [0.8, -0.2, 0.4]], y = [[0.2, 0.9, 0.1], [0.7, 0.3, 0.5]];
            whole.forward(x);
            const lw = whole.backward(y);
            const ld = dec.forward(enc.forward(x)) && dec.backward(y);
            assertClose(ld, lw, 1e-15);
            // dec.inputGrad is ∂L/∂h of the batch-mean loss; backwardFrom sums, so the 1/B is already in it
            enc.backwardFrom(dec.inputGrad);
            assertClose([...enc.params(), ...dec.params()].map(p => Array.from(p.grad)), whole.params().map(p => Array.from(p.grad)), 1e-12);
            assertClose(enc.inputGrad, whole.inputGrad, 1e-12);
            // ∂L/∂x by central differences on the whole net
            const eps = 1e-6, gx = whole.inputGrad.toArray();
            for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) {
              const xp = x.map(r => r.slice()), xm = x.map(r => r.slice());
              xp[i][j] += eps; xm[i][j] -= eps;
              assertClose(gx[i][j], (whole.loss(xp, y) - whole.loss(xm, y)) / (2 * eps), 1e-8);
            }
            """);
    }

    @Test
    void aSwishWrittenInJsTrainsAndPassesGradCheckWhileAWrongDerivativeFails() {
        ok("""
            const sig = (z) => 1 / (1 + Math.exp(-z));
            assert(nn.activation('swish', { f: (z) => z * sig(z), df: (z, a) => sig(z) + a * (1 - sig(z)) }) === 'swish');
            nn.activation('swishWrong', { f: (z) => z * sig(z), df: (z, a) => sig(z) });
            const x = [[0.3, -0.5], [0.9, 0.2], [-0.4, 0.7]], y = [1, 0, 1];
            const good = nn.net([2, 3, 1], { activation: 'swish', output: 'sigmoid', seed: 4 });
            assert(good.layers[0].activation === 'swish');
            assert(good.gradCheck(x, y).maxRelError < 1e-6);
            const bad = nn.net([2, 3, 1], { activation: 'swishWrong', output: 'sigmoid', seed: 4 });
            assert(bad.gradCheck(x, y).maxRelError > 1e-3);
            const xor = nn.data.xor();
            const net = nn.net([2, 4, 1], { activation: 'swish', output: 'sigmoid', seed: 1 });
            const before = net.loss(xor.x, xor.y);
            net.fit(xor, { epochs: 2000, batchSize: 4, lr: 0.5, shuffle: false });
            assert(net.loss(xor.x, xor.y) < before / 10, 'loss ' + net.loss(xor.x, xor.y) + ' from ' + before);
            // toJSON records the name; a sandbox where it is defined loads it back
            const back = nn.fromJSON(net.toJSON());
            assert(back.layers[0].activation === 'swish');
            assertClose(back.predict(xor.x), net.predict(xor.x), 0);
            // as an output activation too (element-wise: its derivative, no loss fusion)
            const out = nn.net([2, 2], { activation: 'swish', seed: 2 });
            assert(out.gradCheck(x, [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]).maxRelError < 1e-6);
            """);
    }

    /** A definition nn.activation refuses, with the error it throws (and what it says); 'mine' stays free after it. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # error    | the definition                                                    | what the message says (blank: any)
            ValueError | nn.activation('relu', { f: (z) => z, df: () => 1 })                 | 'relu' is a built-in activation
            TypeError  | nn.activation('mine', { f: 1, df: () => 1 })                       |
            TypeError  | nn.activation('mine', (z) => z)                                    |
            TypeError  | nn.activation(42, { f: (z) => z, df: () => 1 })                    |
            ValueError | nn.activation('no spaces', { f: (z) => z, df: () => 1 })           |
            ValueError | nn.activation('mine', { f: (z) => z, df: () => 1, d2f: () => 0 }) |
            """)
    void aBadDefinitionIsRefused(String error, String js, String says) {
        try (Scripts s = Scripts.open()) {
            failsWith(s, error, js, Stream.ofNullable(says).toArray(String[]::new));
            s.eval("nn.activation('mine', { f: (z) => z, df: () => 1 })");
        }
    }

    @Test
    void definitionsAreCheckedAndLoadingAnUndefinedActivationSaysHowToDefineIt() {
        try (Scripts s = Scripts.open()) {
            // a name that nn.activation would refuse is not quoted back from a document
            s.eval("globalThis.odd = nn.net([2, 1], { seed: 1 }).toJSON(); odd.layers[0].activation = 'x y';");
            ScriptError odd = fails(s, "nn.fromJSON(odd)");
            assertTrue(odd.getMessage().contains("nn.activation(it, {") && !odd.getMessage().contains("x y"),
                    odd.getMessage());
            s.eval("nn.activation('mine', { f: (z) => z, df: () => 1 })");
            ScriptError e = fails(s, "nn.activation('mine', { f: (z) => 2 * z, df: () => 2 })");
            assertTrue(e.getMessage().contains("'mine' is already defined"), e.getMessage());
            e = fails(s, "nn.net([2, 1], { activation: 'mish' })");
            assertTrue(e.getMessage().contains("nn.activation('mish'"), e.getMessage());
            s.eval("globalThis.saved = nn.net([2, 2, 1], { activation: 'mine', seed: 1 }).toJSON(); saved.layers[0].activation = 'gelu';");
            failsWith(s, "FormatError", "nn.fromJSON(saved)", "layers[0].activation is not a known activation",
                    "nn.activation('gelu', { f: (z) => …, df: (z, a) => … })");
        }
    }

    @Test
    void whatFAndDfReturnIsChecked() {
        try (Scripts s = Scripts.open()) {
            s.eval("""
                nn.activation('blowUp', { f: (z) => Math.exp(1000 + Math.abs(z)), df: (z, a) => a });
                nn.activation('nanDf', { f: (z) => z, df: (z) => (z > 0 ? NaN : 1) });
                nn.activation('text', { f: (z) => String(z), df: () => 1 });
                nn.activation('throws', { f: () => { throw new RangeError('mine broke'); }, df: () => 1 });
                """);
            failsWith(s, "ValueError", "nn.net([1, 1], { activation: 'blowUp', seed: 1 }).forward([[0], [1]])",
                    "activation 'blowUp': f(", "returned Infinity");
            ScriptError e = fails(s, "const n = nn.net([1, 1], { activation: 'nanDf', seed: 1 }); n.forward([[1], [2]]);"
                    + " n.backward([[0], [0]])");
            assertTrue(e.getMessage().contains("activation 'nanDf': df(") && e.getMessage().contains("returned NaN"),
                    e.getMessage());
            failsWith(s, "TypeError", "nn.net([1, 1], { activation: 'text', seed: 1 }).forward([0.5])",
                    "activation 'text': f(", "must return a number");
            failsWith(s, "RangeError", "nn.net([1, 1], { activation: 'throws', seed: 1 }).forward([0.5])", "mine broke");
        }
    }

    @Test
    void fCannotUseANetworkAndTheNetworkStaysUsable() {
        try (Scripts s = Scripts.open()) {
            s.eval("""
                let inner = null;
                nn.activation('selfish', { f: (z) => { net.forward([z]); return z; }, df: () => 1 });
                nn.activation('plain', { f: (z) => z, df: () => 1 });
                nn.activation('nested', { f: (z) => inner.forward([z])[0], df: () => 1 });
                const net = nn.net([1, 1], { activation: 'selfish', seed: 1 });
                inner = nn.net([1, 1], { activation: 'plain', seed: 1 });
                const outer = nn.net([1, 1], { activation: 'nested', seed: 1 });
                """);
            failsWith(s, "ValueError", "net.forward([0.5])",
                    "net.forward was called while this network's forward is still running");
            failsWith(s, "ValueError", "outer.forward([0.5])",
                    "activation 'plain' was needed while the f of activation 'nested' was running");
            assertEquals(0.25, s.eval("inner.forward([0.5]); inner.layers[0].W.value[0] = 0.5; inner.layers[0].b.value[0] = 0;"
                    + " inner.forward([0.5])[0]").value().asDouble(), "both guards were released");
        }
    }

    @Test
    void anEndlessFStopsAtTheTimeLimit() {
        try (Scripts s = new Scripts(Sandbox.builder().timeLimit(Duration.ofSeconds(2)))) {
            s.eval("nn.activation('forever', { f: (z) => { while (true) {} }, df: () => 1 });"
                    + " globalThis.net = nn.net([2, 3, 1], { activation: 'forever', seed: 1 });");
            ScriptError e = fails(s, "net.forward([[0.1, 0.2], [0.3, 0.4]])");
            assertEquals(ScriptError.Kind.LIMIT, e.kind());
            assertTrue(e.getMessage().contains("time limit of 2s"), e.getMessage());
            e = fails(s, "net.gradCheck([0.1, 0.2], [1])");
            assertEquals(ScriptError.Kind.LIMIT, e.kind());
        }
    }

    @Test
    void optionsAreStrict() {
        try (Scripts s = Scripts.open()) {
            s.eval("globalThis.net = nn.toy(); net.forward([0.5, 0.9]);");
            ScriptError e = failsWith(s, "ValueError", "net.backward([1], { acumulate: true })");
            assertEquals("ValueError: net.backward has no option 'acumulate'; the options are accumulate", e.getMessage());
            e = fails(s, "net.forward([0.5, 0.9]); net.backwardFrom([0.1], { acumulate: true })");
            assertEquals("ValueError: net.backwardFrom has no option 'acumulate'; the options are accumulate", e.getMessage());
            e = fails(s, "net.forward([0.5, 0.9]); net.backward([1]); net.step(0.5, { resue: true })");
            assertEquals("ValueError: net.step has no option 'resue'; the options are reuse", e.getMessage());
            failsWith(s, "TypeError", "net.forward([0.5, 0.9]); net.backward([1], { accumulate: 1 })");
            failsWith(s, "TypeError", "net.forward([0.5, 0.9]); net.backward([1]); net.step(0.5, true)");
        }
    }

    @Test
    void backwardFromRefusesBadGradients() {
        try (Scripts s = Scripts.open()) {
            s.eval("globalThis.net = nn.net([2, 3, 2], { seed: 1 });");
            failsWith(s, "StaleForwardError", "net.backwardFrom([0.1, 0.2])");
            s.eval("net.forward([[0.1, 0.2], [0.3, 0.4]])");
            failsWith(s, "ShapeError", "net.backwardFrom([[0.1, 0.2, 0.3], [0.1, 0.2, 0.3]])", "[2, 2]");
            failsWith(s, "ValueError", "net.backwardFrom([[0.1, NaN], [0.1, 0.2]])");
            failsWith(s, "TypeError", "net.backwardFrom([[0.1, 'x'], [0.1, 0.2]])");
            failsWith(s, "TypeError", "net.backwardFrom()");
            failsWith(s, "TypeError", "net.backwardFrom('0.1')");
            s.eval("net.backwardFrom([[0.1, 0.2], [0.3, 0.4]]); net.step(0.1)");
            failsWith(s, "StaleGradientError", "net.step(0.1)");
            failsWith(s, "StaleForwardError", "net.backwardFrom([[0.1, 0.2], [0.3, 0.4]])");
        }
    }

    @Test
    void anErrorHalfWayLeavesNoForwardAndNoGradientsToUse() {
        try (Scripts s = Scripts.open()) {
            s.eval("""
                let failF = false, failDf = false;
                nn.activation('fragile', { f: (z) => { if (failF) throw new Error('f failed'); return z; },
                                           df: () => { if (failDf) throw new Error('df failed'); return 1; } });
                const net = nn.net([2, 3, 1], { activation: 'fragile', output: 'sigmoid', seed: 1 });
                net.forward([[0.1, 0.2], [0.3, 0.4]]);
                net.backward([1, 0]);
                failF = true;
                """);
            assertTrue(fails(s, "net.forward([[0.5, 0.6], [0.7, 0.8]])").getMessage().contains("f failed"));
            failsWith(s, "StaleForwardError", "net.backward([1, 0])");
            s.eval("failF = false; net.forward([[0.1, 0.2], [0.3, 0.4]]); failDf = true;");
            assertTrue(fails(s, "net.backward([1, 0])").getMessage().contains("df failed"));
            failsWith(s, "StaleGradientError", "net.step(0.1)", "step needs gradients");
            assertEquals("null", s.eval("String(net.inputGrad)").value().asString());
            // a write to the weights from inside f (after they were used) shows as a stale forward
            s.eval("""
                failDf = false;
                let poke = null;
                nn.activation('poking', { f: (z) => { if (poke) poke.layers[0].W.value[0] += 1; return z; }, df: () => 1 });
                poke = nn.net([2, 2, 1], { activation: 'poking', seed: 1 });
                poke.forward([0.1, 0.2]);
                """);
            failsWith(s, "StaleForwardError", "poke.backward([1])");
        }
    }
}
