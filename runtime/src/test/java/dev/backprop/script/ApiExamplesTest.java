package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of docs/scripting.md, run as written inside a sandbox. Each check is a JS assertion against an
 * independent value: the lesson's numbers (2→2→1 toy net, x = [0.5, 0.9], y = 1) or a value worked
 * out by hand in the comment. Data, fit, plots and explain are bound by their own helpers' tests.
 */
class ApiExamplesTest {
    /** ŷ of the toy net at x = [0.5, 0.9]: σ(0.40·σ(0.15·0.5 + 0.20·0.9 + 0.35) + 0.45·σ(0.25·0.5 + 0.30·0.9 + 0.35) + 0.60). */
    static final String YHAT = "0.7620332930580278";

    private static void ok(String js) {
        try (Scripts s = Scripts.open()) {
            s.eval(js);
        }
    }

    private static ScriptError fails(String js) {
        try (Scripts s = Scripts.open()) {
            return assertThrows(ScriptError.class, () -> s.eval(js));
        }
    }

    @Test
    void netBuildsFromSizesAndOptions() {
        ok("""
            const a = nn.net([2, 2, 1]);
            assert(a.layers.length === 2 && a.layers[0].activation === 'sigmoid' && a.layers[1].activation === 'sigmoid');
            const b = nn.net([2, 3, 3, 2], { activation: ['relu', 'tanh'], output: 'softmax', loss: 'crossEntropy', init: 'he', seed: 1 });
            assert(b.layers.map(l => l.activation).join() === 'relu,tanh,softmax');
            assert(b.layers[0].inputs === 2 && b.layers[0].outputs === 3);
            const c = nn.net([2, 4, 1], { activation: 'leakyRelu', output: 'sigmoid', loss: 'bce', init: 'zeros' });
            assertClose(c.layers[0].W.value, [0, 0, 0, 0, 0, 0, 0, 0]);
            // the same seed gives the same weights, different seeds different ones
            const s1 = nn.net([2, 3, 1], { seed: 5 }), s2 = nn.net([2, 3, 1], { seed: 5 }), s3 = nn.net([2, 3, 1], { seed: 6 });
            assertClose(s1.layers[0].W.value, s2.layers[0].W.value, 0);
            assert(s1.layers[0].W.value[0] !== s3.layers[0].W.value[0]);
            nn.seed(42);
            assert(nn.seed() === 42);
            """);
    }

    @Test
    void toyIsTheLessonsNetwork() {
        ok("""
            const net = nn.toy();
            const [W1, b1, W2, b2] = net.params();
            assertClose(W1.value, [0.15, 0.20, 0.25, 0.30], 0);
            assertClose(b1.value, [0.35, 0.35], 0);
            assertClose(W2.value, [0.40, 0.45], 0);
            assertClose(b2.value, [0.60], 0);
            assert(!b1.trainable && !b2.trainable && W1.trainable);
            const t = nn.toy({ trainBiases: true });
            assert(t.params().every(p => p.trainable));
            """);
    }

    @Test
    void trainingTrioFollowsTheLesson() {
        ok("""
            const net = nn.toy();
            const out = net.forward([0.5, 0.9]);
            assert(Array.isArray(out) && out.length === 1);
            assertClose(out, [%s], 1e-15);
            const L = net.backward([1]);
            assertClose(L, 0.5 * (%s - 1) ** 2, 1e-15);     // L = ½(ŷ − y)²
            assertClose(L, 0.028, 5e-4);
            assert(net.step(0.5) === net, 'step returns net');
            assertClose(net.forward([0.5, 0.9]), [0.766], 5e-4);
            """.formatted(YHAT, YHAT));
    }

    @Test
    void inputFormsComeBackInTheSameForm() {
        ok("""
            const net = nn.toy();
            const rows = net.forward([[0.5, 0.9], [0.5, 0.9]]);
            assert(Array.isArray(rows) && Array.isArray(rows[0]) && rows.length === 2);
            assertClose(rows, [[%1$s], [%1$s]], 1e-15);
            const flat = net.forward(new Float64Array([0.5, 0.9, 0.5, 0.9]));
            assert(flat instanceof Float64Array && flat.length === 2);
            assertClose(flat, [%1$s, %1$s], 1e-15);
            const m = net.forward(nn.matrix(2, 2, [0.5, 0.9, 0.5, 0.9]));
            assert(m instanceof nn.Matrix);
            assert(m.shape[0] === 2 && m.shape[1] === 1);
            assertClose(m.get(1, 0), %1$s, 1e-15);
            net.backward(nn.matrix(2, 1, [1, 1]));
            """.formatted(YHAT));
    }

    @Test
    void gradientsAreBatchMeansAndDeltaIsPerExample() {
        ok("""
            const net = nn.toy();
            net.forward([0.5, 0.9]);
            net.backward([1]);
            const g1 = Array.from(net.layers[1].W.grad);
            const d1 = net.layers[1].delta.toArray();
            // two identical examples: the mean gradient is the same, δ has one row per example
            net.forward([[0.5, 0.9], [0.5, 0.9]]);
            net.backward([[1], [1]]);
            assertClose(net.layers[1].W.grad, g1, 1e-15);
            assertClose(net.layers[1].delta.toArray(), [d1[0], d1[0]], 1e-15);
            // accumulate adds, zeroGrad clears
            net.forward([0.5, 0.9]);
            net.backward([1], { accumulate: true });
            assertClose(net.layers[1].W.grad, g1.map(g => 2 * g), 1e-15);
            net.zeroGrad();
            assertClose(net.layers[1].W.grad, [0, 0], 0);
            """);
    }

    @Test
    void lessonGradientsAreReadRowMajor() {
        ok("""
            const net = nn.toy();
            net.forward([0.5, 0.9]);
            net.backward([1]);
            assertClose(net.layers[1].delta.get(0, 0), -0.043, 5e-4);
            assertClose(net.layers[1].W.grad, [-0.028, -0.029], 5e-4);
            assertClose(net.layers[0].delta.row(0), [-0.004, -0.004], 5e-4);
            // ∂L/∂W1 = δ_h ⊗ x = [h1·x1, h1·x2, h2·x1, h2·x2]
            const d = net.layers[0].delta.row(0);
            assertClose(net.layers[0].W.grad, [d[0] * 0.5, d[0] * 0.9, d[1] * 0.5, d[1] * 0.9], 1e-15);
            assertClose(net.layers[0].W.grad, [-0.002, -0.004, -0.002, -0.004], 5e-4);
            """);
    }

    @Test
    void staleForwardGuardSeesStepsAndViewWrites() {
        ScriptError noForward = fails("nn.toy().backward([1])");
        assertEquals("StaleForwardError", noForward.errorName());
        assertTrue(noForward.getMessage().contains("forward"), noForward.getMessage());
        ok("""
            const net = nn.toy();
            net.forward([0.5, 0.9]); net.backward([1]); net.step(0.5);
            try { net.backward([1]); assert(false, 'backward after step must throw'); }
            catch (e) { assert(e instanceof StaleForwardError && e.name === 'StaleForwardError', String(e)); }
            net.forward([0.5, 0.9]);
            net.layers[0].W.value[0] = 0.5;          // a write through the live view
            try { net.backward([1]); assert(false, 'backward after a view write must throw'); }
            catch (e) { assert(e instanceof StaleForwardError, String(e)); assert(/forward/.test(e.message)); }
            """);
    }

    @Test
    void readingAViewBetweenForwardAndBackwardIsNotAChange() {
        ok("""
            const net = nn.toy();
            net.forward([0.5, 0.9]);
            print(net.layers[0].W.value, net.layers[1].W.value[0]);   // first look at the views
            net.layers[0].W.value[1] = net.layers[0].W.value[1];       // the same value written back
            assertClose(net.backward([1]), 0.028, 5e-4);
            """);
    }

    @Test
    void spentGradientGuardAndReuse() {
        ok("""
            const net = nn.toy();
            net.forward([0.5, 0.9]); net.backward([1]); net.step(0.5);
            try { net.step(0.5); assert(false); } catch (e) { assert(e instanceof StaleGradientError, String(e)); }
            net.step(0.5, { reuse: true });
            """);
    }

    @Test
    void shapeAndValueErrorsNameWhatIsWrong() {
        ScriptError shape = fails("nn.toy().forward([1, 2, 3])");
        assertEquals("ShapeError", shape.errorName());
        assertTrue(shape.getMessage().contains("2 inputs") && shape.getMessage().contains("3"), shape.getMessage());
        assertEquals("test.js:1:1", shape.location());
        ScriptError value = fails("nn.toy().forward([0.5, NaN])");
        assertEquals("ValueError", value.errorName());
        assertTrue(value.getMessage().contains("[0][1]"), value.getMessage());
        ScriptError target = fails("const n = nn.toy(); n.forward([0.5, 0.9]); n.backward([Infinity])");
        assertEquals("ValueError", target.errorName());
        assertTrue(!shape.getMessage().contains("dev.backprop") && !shape.fullTrace().contains("java."), shape.fullTrace());
    }

    @Test
    void layersParamsAndViews() {
        ok("""
            const net = nn.toy();
            const names = net.params().map(p => p.name);
            assert(names.join() === 'W1,b1,W2,b2', names.join());
            const W1 = net.layers[0].W;
            assert(W1.name === 'W1' && W1.shape[0] === 2 && W1.shape[1] === 2 && W1.size === 4);
            assert(W1.get(1, 0) === 0.25);
            W1.set(1, 0, 0.5);
            assert(W1.value[2] === 0.5, 'value is a live view');
            W1.value[3] = 0.75;
            assert(W1.get(1, 1) === 0.75, 'writing the view edits the network');
            assertClose(W1.toArray(), [[0.15, 0.20], [0.5, 0.75]], 0);
            const fresh = nn.toy();
            const l = fresh.layers[1];
            assert(l.z === null && l.a === null && l.delta === null, 'no caches before forward');
            fresh.forward([0.5, 0.9]);
            assertClose(l.a.data, [%s], 1e-15);
            assert(l.inputs === 2 && l.outputs === 1 && l.activation === 'sigmoid');
            W1.freeze(); assert(!W1.trainable); W1.unfreeze(); assert(W1.trainable);
            // frozen params still get gradients; step skips them
            const t = nn.toy(); t.forward([0.5, 0.9]); t.backward([1]);
            assert(t.layers[0].b.grad[0] !== 0);
            t.step(0.5);
            assertClose(t.layers[0].b.value, [0.35, 0.35], 0);
            """.formatted(YHAT));
    }

    @Test
    void predictAndLossTouchNoCaches() {
        ok("""
            const net = nn.toy();
            net.forward([0.1, 0.1]);
            const a = Array.from(net.layers[1].a.data);
            assertClose(net.predict([0.5, 0.9]), [%1$s], 1e-15);
            assertClose(net.predict([[0.5, 0.9]]), [[%1$s]], 1e-15);
            assertClose(net.loss([0.5, 0.9], [1]), 0.5 * (%1$s - 1) ** 2, 1e-15);
            assertClose(net.layers[1].a.data, a, 0);
            net.backward([1]);                         // the cached forward is still usable
            """.formatted(YHAT));
    }

    @Test
    void diagnosticsSummaryCloneAndJson(@TempDir Path dir) throws Exception {
        try (Scripts s = Scripts.open(dir, dir)) {
            s.eval("""
                const net = nn.toy();
                net.forward([0.5, 0.9]); net.backward([1]);
                const norms = net.gradNorms();
                assert(norms.length === 2 && norms[1].layer === 2);
                assertClose(norms[1].W, Math.hypot(...net.layers[1].W.grad), 1e-15);
                const stats = net.stats();
                assert(stats.length === 2 && typeof stats[0].mean === 'number');
                const check = net.gradCheck([0.5, 0.9], [1]);
                assert(check.maxRelError < 1e-6 && 'W1' in check.params, JSON.stringify(check));
                const g = net.layers[1].W.grad;
                const mine = net.checkGrads({ W2: [-g[0], -g[1]] });
                assert(!mine.ok && mine.W2.status === 'signFlipped', JSON.stringify(mine));
                assert(net.checkGrads({ W2: Array.from(g) }).ok);
                assert(/W1/.test(net.summary()) || /2→2/.test(net.summary()));
                const c = net.clone();
                c.layers[0].W.value[0] = 9;
                assert(net.layers[0].W.value[0] === 0.15, 'clone is a copy');
                const text = JSON.stringify(net);
                const back = nn.fromJSON(text);
                assertClose(back.forward([0.5, 0.9]), [%1$s], 0);
                assertClose(nn.fromJSON(net.toJSON()).forward([0.5, 0.9]), [%1$s], 0);
                net.save('toy.json');
                assertClose(nn.load('toy.json').forward([0.5, 0.9]), [%1$s], 0);
                """.formatted(YHAT));
            assertTrue(Files.exists(dir.resolve("toy.json")));
        }
    }

    @Test
    void optimizersFollowPyTorchRules() {
        ok("""
            // SGD with momentum μ: buf = g first, then buf = μ·buf + g; p ← p − lr·buf
            const net = nn.toy(), ref = nn.toy();
            const opt = nn.sgd({ lr: 0.1, momentum: 0.9 });
            net.forward([0.5, 0.9]); net.backward([1]);
            const g = Array.from(net.layers[1].W.grad);
            opt.step(net);
            assertClose(net.layers[1].W.value, [0.40 - 0.1 * g[0], 0.45 - 0.1 * g[1]], 1e-15);
            const st = opt.state();
            assert(st.lr === 0.1 && st.momentum === 0.9);
            // Adam's first step moves each weight by lr·sign(g) (m̂/√v̂ = g/|g|)
            const adam = nn.adam({ lr: 0.01 });
            ref.forward([0.5, 0.9]); ref.backward([1]);
            const s = ref.layers[1].W.grad.map(Math.sign);
            ref.step(adam);
            assertClose(ref.layers[1].W.value, [0.40 - 0.01 * s[0], 0.45 - 0.01 * s[1]], 1e-6);
            assert(adam.state().beta1 === 0.9);
            // nn.axpy: y += alpha·x over live views, a hand-written SGD step
            const h = nn.toy(); h.forward([0.5, 0.9]); h.backward([1]);
            const before = Array.from(h.layers[1].W.value), gr = Array.from(h.layers[1].W.grad);
            nn.axpy(-0.5, h.layers[1].W.grad, h.layers[1].W.value);
            assertClose(h.layers[1].W.value, [before[0] - 0.5 * gr[0], before[1] - 0.5 * gr[1]], 1e-15);
            const plain = [1, 2];
            nn.axpy(2, [1, 1], plain);
            assertClose(plain, [3, 4], 0);
            """);
    }

    @Test
    void matrices() {
        ok("""
            const m = nn.matrix(2, 3, [1, 2, 3, 4, 5, 6]);
            assert(m.shape[0] === 2 && m.shape[1] === 3);
            assert(m.get(1, 2) === 6);
            m.set(0, 0, 10);
            assert(m.data[0] === 10, 'data is live');
            m.data[1] = 20;
            assert(m.get(0, 1) === 20);
            assertClose(m.row(1), [4, 5, 6], 0);
            assertClose(m.toArray(), [[10, 20, 3], [4, 5, 6]], 0);
            assertClose(nn.matrix(2, 2, [[1, 2], [3, 4]]).toArray(), [[1, 2], [3, 4]], 0);
            assertClose(nn.matrix(1, 2).data, [0, 0], 0);
            """);
    }

    @Test
    void aScriptCannotMakeTheApiObjectsItselfAndIsToldHow() {
        String[][] cases = {
            {"new nn.Matrix()", "matrices are made with nn.matrix(rows, cols, values?)"},
            {"new nn.Param(Symbol('backprop'), {})", "parameters come from a network: net.params() or net.layers[i].W"},
            {"new nn.Layer()", "layers come from a network: net.layers[i]"},
            {"new nn.Network({}, {})", "networks are made with nn.net(sizes, options), nn.toy() or net.clone()"},
            {"new nn.Dataset()",
                "datasets are made with nn.data.xor(), nn.data.circle(…), nn.data.csv(…) or nn.data.of(x, y)"},
            {"new nn.Chart()", "charts are made with plot.line, plot.boundary or plot.histogram"},
            {"new nn.Walkthrough()", "walkthroughs are made with nn.explain(net, x, y, { lr })"},
        };
        for (String[] c : cases) {
            ScriptError e = fails(c[0]);
            assertEquals("TypeError", e.errorName(), c[0]);
            assertEquals("TypeError: " + c[1], e.getMessage(), c[0]);
        }
        // the optimizer's text names every rule the engine has (worked out only when a script gets it wrong)
        ScriptError o = fails("new nn.Optimizer()");
        assertEquals("TypeError", o.errorName());
        assertTrue(o.getMessage().startsWith("TypeError: optimizers are made with nn.sgd({ lr })")
                && o.getMessage().contains("nn.adam()"), o.getMessage());
    }

    @Test
    void printConsoleAndArgs() {
        try (Scripts s = new Scripts(Sandbox.builder().args(java.util.List.of("a", "b")))) {
            s.eval("print('x', 1, [1, 2]); console.log('log'); console.error('oops'); print(args.join('+'), args.length);"
                    + " print(Array.isArray(args), Object.isFrozen(args), typeof args[0])");
            assertEquals("x 1 [1, 2]\nlog\na+b 2\ntrue true string\n", s.out());
            assertEquals("oops\n", s.err());
        }
    }

    @Test
    void assertAndAssertCloseNameTheFirstDifference() {
        ScriptError a = fails("assert(1 === 2, 'one is not two')");
        assertEquals("AssertionError", a.errorName());
        assertEquals("AssertionError: one is not two", a.getMessage());
        ScriptError c = fails("assertClose([[1, 2], [3, 4]], [[1, 2], [3, 5]], 1e-9, 'grid')");
        assertEquals("AssertionError", c.errorName());
        assertTrue(c.getMessage().contains("[1][1]") && c.getMessage().contains("4") && c.getMessage().contains("5"),
                c.getMessage());
        ok("assertClose(1 + 1e-10, 1); assertClose([0.1 + 0.2], [0.3]); assertClose(1000.0000001, 1000, 1e-9)");
    }
}
