package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Findings of the third attack pass (12-07), each the reproducer of what did not hold: values Java refuses
 * (-0, lengths past 2³¹) turning into InternalErrors or messages naming Java classes, an option's getter read twice,
 * a weight written from a custom activation's df during backward, the output limit tripped as a script ends, an
 * uncaught error's text of any size, a script faking a limit, and a chart title that kept the renderer busy.
 */
class ThirdAttackPassTest {
    @Test
    void negativeZeroIsZeroWhereTheEngineTakesAWholeNumber() {
        Scripts.passes("""
            const a = nn.net([2, 1], { seed: -0 }), b = nn.net([2, 1], { seed: 0 });
            assert(String(Array.from(a.params()[0].value)) === String(Array.from(b.params()[0].value)), 'seed -0 is 0');
            nn.seed(-0);
            assert(nn.seed() === 0, 'nn.seed(-0)');
            const m = nn.matrix(2, 2, [1, 2, 3, 4]);
            assert(m.get(-0, -0) === 1, 'm.get(-0, -0)');
            m.set(-0, 1, 9);
            assert(m.get(0, 1) === 9, 'm.set(-0, 1, 9)');
            const W1 = nn.toy().params()[0];
            assert(W1.get(-0, 0) === 0.15, 'W1.get(-0, 0)');
            assert(nn.matrix(-0, 3).rows === 0, 'nn.matrix(-0, 3)');
            const d = nn.data.xor();
            d.split(0.5, -0);
            d.shuffle(-0);
            for (const batch of d.batches(2, { shuffle: true, seed: -0 })) { }
            nn.data.circle({ n: 10, seed: -0 });
            nn.toy({ trainBiases: true }).fit(d, { epochs: 1, lr: 0.5, seed: -0 });
            """);
    }

    @Test
    void anOptionsGetterIsReadOnceSoWhatIsCheckedIsWhatIsUsed() {
        Scripts.passes("""
            let n = 0;
            const net = nn.net([2, 2, 1], { get seed() { return ++n > 1 ? 1.5 : 1; } });
            assert(n === 1, 'the getter ran ' + n + ' times');
            const same = nn.net([2, 2, 1], { seed: 1 });
            assert(String(Array.from(net.params()[0].value)) === String(Array.from(same.params()[0].value)), 'seed 1');
            let k = 0;
            const e = errName(() => nn.net([2, 2, 1], { get loss() { return ++k > 1 ? {} : 'squared'; } }));
            assert(e === 'none' && k === 1, 'loss getter: ' + e + ', read ' + k + ' times');
            Object.defineProperty(Object.prototype, 'seed', { get() { throw new Error('read from the prototype'); },
              configurable: true });
            try {
              nn.net([2, 2, 1]);               // no options: nothing read from Object.prototype
              nn.net([2, 2, 1], {});
            } finally {
              delete Object.prototype.seed;
            }
            """);
    }

    @Test
    void valuesJavaRefusesAreTypeErrorsThatNameNoJavaClass() {
        Scripts.passes("""
            const huge = [];
            huge.length = 2 ** 32 - 1;
            const cases = [() => nn.toy().forward(huge), () => nn.data.of([huge], [1]),
              () => nn.toy().predict(new Proxy([0, 0], { get: (t, k) => (k === 'length' ? 2.5 : t[k]) }))];
            for (const f of cases) {
              const e = errName(f);
              assert(e !== 'none' && !/java\\.|dev\\.backprop|com\\.oracle|Truffle|invokeMember|InternalError/.test(e), e);
            }
            """);
    }

    @Test
    void aWeightWrittenFromAnActivationsDfDuringBackwardDropsTheGradients() {
        Scripts.passes("""
            let net, armed = false;
            nn.activation('sneaky', { f: (z) => Math.tanh(z), df: (z, a) => {
              if (armed) { armed = false; net.layers[1].W.set(0, 0, net.layers[1].W.get(0, 0) + 3); }
              return 1 - a * a;
            } });
            net = nn.net([2, 3, 1], { activation: 'tanh', output: 'sneaky', seed: 1 });
            net.forward([0.5, 0.9]);
            armed = true;
            const e = errName(() => net.backward([1]));
            assert(e.startsWith('StaleForwardError') && e.includes('W2 changed during backward'), e);
            const s = errName(() => net.step(0.1));
            assert(s.startsWith('StaleGradientError'), 'no step on dropped gradients: ' + s);
            armed = false;
            net.forward([0.5, 0.9]);
            net.backward([1]);                 // an honest df: as before
            net.step(0.1);
            """);
    }

    @Test
    void theOutputLimitTrippedAsTheScriptEndsIsStillALimit() {
        for (int i = 0; i < 5; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (Sandbox s = Sandbox.builder().out(out).err(new ByteArrayOutputStream()).maxOutputBytes(1024)
                    .timeLimit(Duration.ofSeconds(60)).build()) {
                ScriptError e = assertThrows(ScriptError.class, () -> s.eval("print('a'.repeat(5000)); print('done');",
                        "o.js"), "round " + i);
                assertEquals(ScriptError.Kind.LIMIT, e.kind(), e.getMessage());
                assertTrue(e.getMessage().contains("output limit"), e.getMessage());
                assertTrue(out.size() <= 1024, "cut at the limit: " + out.size());
            }
        }
    }

    @Test
    void anUncaughtErrorsTextIsCut() {
        try (Scripts s = Scripts.open()) {
            ScriptError e = assertThrows(ScriptError.class, () -> s.eval(
                    "throw new Error('x'.repeat(5_000_000));"));
            assertTrue(e.getMessage().length() < 20_000, "message of " + e.getMessage().length() + " characters");
            assertTrue(e.getMessage().contains("5000000 characters in all"), e.getMessage().substring(0, 200));
            ScriptError n = assertThrows(ScriptError.class, () -> s.eval(
                    "const e = new Error('m'); e.name = 'N'.repeat(1_000_000); throw e;"));
            assertTrue(n.errorName().length() < 1_000, "name of " + n.errorName().length() + " characters");
        }
    }

    @Test
    void aScriptCannotFakeALimit() {
        try (Scripts s = Scripts.open()) {
            for (String fake : new String[] {"throw { name: 'LimitError', message: 'time limit of 2s reached' };",
                "throw new LimitError('time limit of 2s reached');",
                "class E extends Error { get name() { return 'LimitError'; } }; throw new E('x');"}) {
                ScriptError e = assertThrows(ScriptError.class, () -> s.eval(fake), fake);
                assertEquals(ScriptError.Kind.ERROR, e.kind(), fake);
            }
            // the engine's own limits still are: an element limit refused by the engine, and one by the prelude
            ScriptError real = assertThrows(ScriptError.class, () -> s.eval("nn.matrix(2 ** 31, 2)"));
            assertEquals(ScriptError.Kind.LIMIT, real.kind(), real.getMessage());
            ScriptError layer = assertThrows(ScriptError.class, () -> s.eval("nn.net([2, 2 ** 40, 1])"));
            assertEquals(ScriptError.Kind.LIMIT, layer.kind(), layer.getMessage());
        }
        try (Sandbox s = Sandbox.builder().out(new ByteArrayOutputStream()).err(new ByteArrayOutputStream())
                .maxElements(100).build()) {
            ScriptError e = assertThrows(ScriptError.class, () -> s.eval("nn.net([2, 50, 1])", "limit.js"));
            assertEquals(ScriptError.Kind.LIMIT, e.kind(), e.getMessage());
            ScriptError caught = assertThrows(ScriptError.class, () -> s.eval(
                    "let kept; try { nn.net([2, 50, 1]); } catch (e) { kept = e; } throw kept;", "rethrow.js"));
            assertEquals(ScriptError.Kind.LIMIT, caught.kind(), "a limit caught and thrown again is still one");
        }
    }

    @Test
    void aChartTitleOrSeriesNameHoldsAtMost200Characters() {
        Scripts.passes("""
            const long = 'T'.repeat(20000);
            for (const f of [() => plot.line([1, 2], { title: long }), () => plot.histogram([1, 2], { title: long }),
                () => plot.line({ [long]: [1, 2] })]) {
              const e = errName(f);
              assert(e.startsWith('ValueError') && e.includes('20000 characters') && e.includes('200'), e);
            }
            const c = plot.line([1, 2], { title: 'T'.repeat(200) });
            assert(c.title.length === 200, 'a title of 200 is taken');
            """);
    }

    @Test
    void valuesTooFarApartToDrawAreAValueErrorOfOurOwn() {
        Scripts.passes("""
            for (const f of [() => plot.line([-1.797e308, 1.797e308]), () => plot.histogram([-1.797e308, 1.797e308]),
                () => plot.line([1.7e308, 1.7e308])]) {
              const e = errName(f);
              assert(e.startsWith('ValueError') && e.includes('too far apart') && !e.includes('Must be finite'), e);
            }
            const ok = plot.line([-1e300, 1e300]);
            assert(String(ok).length > 0, 'a wide but finite span draws');
            """);
    }

    @Test
    void anEmptyOrUnwritableFileNameIsAValueErrorThatSaysSo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (Scripts s = Scripts.open(dir, dir)) {
            s.failsWith("ValueError", "nn.toy().save('')", "cannot write a file without a name");
            s.failsWith("ValueError", "nn.data.csv(' ')", "cannot read a file without a name");
            s.failsWith("ValueError", "nn.toy().save('a\\u0000b.json')", "NUL");
            s.failsWith("ValueError", "nn.toy().save('\\uD800.json')", "surrogate");
        }
    }

    @Test
    void aNegativeTimeLimitIsRefusedNotNoLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sandbox.builder().timeLimit(Duration.ofMillis(-1)).build());
        assertTrue(e.getMessage().contains("timeLimit must be positive"), e.getMessage());
        try (Sandbox zero = Sandbox.builder().timeLimit(Duration.ZERO).out(new ByteArrayOutputStream()).build()) {
            assertEquals(null, zero.limits().timeLimit(), "zero still means none, as documented");
        }
    }

    @Test
    void whileAnotherThreadEvaluatesEveryEntryPointSaysBusy() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Sandbox s = Sandbox.builder().out(out).err(new ByteArrayOutputStream()).timeLimit(Duration.ofSeconds(60))
                .build()) {
            s.put("n", dev.backprop.nn.Network.toy(false));
            Thread runner = new Thread(() -> {
                try {
                    s.eval("print('started'); while (true) { }", "spin.js");
                } catch (ScriptError stopped) {
                    // interrupted below
                }
            });
            runner.start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!out.toString(StandardCharsets.UTF_8).contains("started") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            try {
                for (var call : java.util.List.<org.junit.jupiter.api.function.Executable>of(() -> s.parses("1 +"),
                        () -> s.isIncomplete("(1 +"), () -> s.getNetwork("n"))) {
                    ScriptError e = assertThrows(ScriptError.class, call);
                    assertTrue(e.getMessage().contains("already running an evaluation"), e.getMessage());
                }
            } finally {
                s.interrupt();
                runner.join(60_000);
            }
            assertFalse(runner.isAlive());
            assertTrue(s.getNetwork("n") != null, "once the run ended, the network is there");
            assertFalse(s.parses("1 +"));
            assertTrue(s.isIncomplete("(1 +"));
            assertThrows(NullPointerException.class, () -> s.put("x", null));
        }
    }

    @Test
    void aRejectedPromiseNobodyHandlesIsTheRunsError() {
        try (Scripts s = Scripts.open()) {
            s.failsWith("ShapeError", "async function main() { await null; nn.net([2, -1]); } main(); print('end');",
                    "sizes[1] is -1");
            s.eval("const p = Promise.reject(new Error('late')); p.catch((e) => print('caught', e.message));");
            s.eval("const q = Promise.reject(new Error('later'));"
                    + " Promise.resolve().then(() => q.catch((e) => print('caught', e.message)));");
            org.junit.jupiter.api.Assertions.assertEquals("end\ncaught late\ncaught later\n",
                    s.out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void messagesReadNoLongerNameJava() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Sandbox s = Sandbox.builder().out(out).err(new ByteArrayOutputStream()).build()) {
            s.eval("""
                const huge = []; huge.length = 2 ** 32 - 1;
                try { nn.toy().forward(huge); } catch (e) { print(e.name + ': ' + e.message); }
                """, "leak.js");
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("dev.backprop") || printed.contains("java.lang"), printed);
        assertTrue(printed.startsWith("TypeError") || printed.startsWith("ShapeError"), printed);
    }
}
