package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What docs/scripting.md promises and a check against the reference once found broken: flat batches and bare
 * numbers as inputs, negative CSV target indices, strict true/false options everywhere, non-finite hand
 * gradients, opt.step's options, a matrix assigned to a parameter, a failed nn.net leaving the seed sequence,
 * targets missing from loss, and numbers in messages as JavaScript prints them.
 */
class ReferencePromisesTest {
    @Test
    void predictAnswersAFlatBatchWithOneOutputPerExample() {
        Scripts.passes("""
            const net = nn.toy();
            const rows = net.predict([[0, 0], [0, 1], [1, 1]]);
            const flat = net.predict([0, 0, 0, 1, 1, 1]); // three examples of two inputs, row after row
            assert(Array.isArray(flat) && flat.length === 3, 'three outputs, got ' + JSON.stringify(flat));
            for (let i = 0; i < 3; i++) {
              assert(Object.is(flat[i], rows[i][0]), 'example ' + i + ': ' + flat[i] + ' vs ' + rows[i][0]);
            }
            const one = net.predict([0.5, 0.9]);
            assert(one.length === 1 && Math.abs(one[0] - 0.76203) < 1e-5, 'the lesson: ' + one); // ŷ = σ(1.16385) ≈ 0.76203
            """);
    }

    @Test
    void aBareNumberIsOneExampleOfAOneInputNetwork() {
        Scripts.passes("""
            const net = nn.net([1, 3, 1], { seed: 4 });
            const a = net.predict(0.5), b = net.predict([0.5]);
            assert(a.length === 1 && Object.is(a[0], b[0]), a + ' vs ' + b);
            const f = net.forward(0.5);
            assert(Object.is(f[0], b[0]), 'forward(0.5) ' + f + ' vs predict([0.5]) ' + b);
            net.backward(1);
            net.step(0.1);
            const two = nn.toy();
            const e = errName(() => two.forward(0.5));
            assert(e.startsWith('ShapeError') && e.includes('2 inputs'), e);
            """);
    }

    @Test
    void negativeCsvTargetIndicesCountFromTheEnd(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("d.csv"), "a,b,c\n1,2,0\n3,4,1\n5,6,1\n");
        Scripts.passesIn(dir, """
                const last = nn.data.csv('d.csv', { target: -1 }), named = nn.data.csv('d.csv', { target: 'c' });
                assert(last.features === 2 && String(Array.from(last.y.data)) === '0,1,1', 'target -1: ' + last);
                assert(String(Array.from(named.y.data)) === String(Array.from(last.y.data)), 'same as the name');
                const mid = nn.data.csv('d.csv', { target: -2 });
                assert(String(Array.from(mid.y.data)) === '2,4,6', 'target -2 is column b: ' + Array.from(mid.y.data));
                const e = errName(() => nn.data.csv('d.csv', { target: -4 }));
                assert(e.startsWith('FormatError') && e.includes('does not exist'), e);
                """);
    }

    @Test
    void trueOrFalseOptionsTakeOnlyBooleans(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("d.csv"), "a,b\n1,0\n2,1\n");
        Scripts.passesIn(dir, """
                const cases = [
                  ['nn.toy trainBiases', () => nn.toy({ trainBiases: 'yes' }), 'trainBiases'],
                  ['param.trainable', () => { nn.toy().params()[0].trainable = 'no'; }, 'W1.trainable'],
                  ['csv oneHot', () => nn.data.csv('d.csv', { oneHot: 1 }), 'oneHot'],
                  ['csv header', () => nn.data.csv('d.csv', { header: 'off' }), 'header'],
                  ['batches shuffle', () => nn.data.xor().batches(2, { shuffle: 'yes' }), 'shuffle'],
                  ['fit shuffle', () => nn.toy().fit(nn.data.xor(), { epochs: 1, lr: 0.5, shuffle: 0 }), 'shuffle'],
                ];
                for (const [what, f, name] of cases) {
                  const e = errName(f);
                  assert(e.startsWith('TypeError') && e.includes(name) && e.includes('true or false'), what + ': ' + e);
                }
                const p = nn.toy().params()[1];
                p.trainable = true;
                assert(p.trainable === true, 'a boolean is taken');
                assert(nn.toy({ trainBiases: true }).params()[1].trainable === true, 'trainBiases: true');
                """);
    }

    @Test
    void aNonFiniteHandGradientIsAValueErrorThatNamesIt() {
        Scripts.passes("""
            const net = nn.toy();
            net.forward([0.5, 0.9]);
            net.backward([1]);
            for (const bad of [NaN, Infinity]) {
              const e = errName(() => net.checkGrads({ W2: [bad, 1] }));
              assert(e.startsWith('ValueError') && e.includes('W2[0]') && e.includes(String(bad)), e);
            }
            const g = Array.from(net.layers[1].W.grad);
            assert(net.checkGrads({ W2: g }).ok === true, 'backward\\'s own gradient passes');
            """);
    }

    @Test
    void optStepTakesStepsOptions() {
        Scripts.passes("""
            const net = nn.toy(), opt = nn.sgd({ lr: 0.5 });
            net.forward([0.5, 0.9]);
            net.backward([1]);
            opt.step(net);
            const before = Array.from(net.params()[0].value);
            const spent = errName(() => opt.step(net));
            assert(spent.startsWith('StaleGradientError'), spent);
            opt.step(net, { reuse: true });
            assert(String(Array.from(net.params()[0].value)) !== String(before), 'reuse stepped again');
            const typo = errName(() => opt.step(net, { resue: true }));
            assert(typo.startsWith('ValueError') && typo.includes('resue'), typo);
            """);
    }

    @Test
    void aMatrixOfTheRightShapeCanBeAssignedToAParameter() {
        Scripts.passes("""
            const W1 = nn.toy().params()[0];
            W1.value = nn.matrix(2, 2, [1, 2, 3, 4]);
            assert(String(Array.from(W1.value)) === '1,2,3,4', 'written: ' + Array.from(W1.value));
            const wrong = errName(() => { W1.value = nn.matrix(4, 1, [5, 6, 7, 8]); });
            assert(wrong.startsWith('ShapeError') && wrong.includes('[2, 2]') && wrong.includes('[4, 1]'), wrong);
            const number = errName(() => { W1.value = 0.35; });
            assert(number.startsWith('TypeError') && number.includes('W1') && number.includes('0.35')
              && !number.includes('one example'), number);
            assert(String(Array.from(W1.value)) === '1,2,3,4', 'nothing written by the failures');
            """);
    }

    @Test
    void aFailedNnNetLeavesTheSeedSequenceAsItWas() {
        Scripts.passes("""
            const first = nn.net([2, 3, 1]);                     // seed 0 of the session
            nn.seed(0);
            const e = errName(() => nn.net([2, 3, 1], { loss: 'bogus' }));
            assert(e.startsWith('ValueError'), e);
            const again = nn.net([2, 3, 1]);                     // still seed 0: the failed call took none
            assert(String(Array.from(again.params()[0].value)) === String(Array.from(first.params()[0].value)),
              'the failed call used up a seed');
            const next = nn.net([2, 3, 1]);
            assert(String(Array.from(next.params()[0].value)) !== String(Array.from(first.params()[0].value)),
              'the next one takes the next seed');
            """);
    }

    @Test
    void lossAndGradCheckWithoutTargetsSayTheTargetsAreMissing() {
        Scripts.passes("""
            const net = nn.toy();
            for (const [what, f] of [['loss', () => net.loss([0.5, 0.9])], ['gradCheck', () => net.gradCheck([0.5, 0.9])]]) {
              const e = errName(f);
              assert(e.startsWith('TypeError') && e.includes('needs the targets y') && !e.includes('one example'), what + ': ' + e);
            }
            assertClose(net.loss([0.5, 0.9], [1]), 0.5 * (1 - net.predict([0.5, 0.9])[0]) ** 2, 1e-15);
            """);
    }

    @Test
    void messagesAboutMisshapenDatasetsAndImportsSayWhatToDo() {
        try (Scripts s = Scripts.open()) {
            s.failsWith("ShapeError", "nn.data.of([[0, 0], [1, 1]], [0, 1, 1])", "x has 2 rows, y has 1 row of 3 values",
                    "give 2 targets");
            s.failsWith("ShapeError", "nn.data.of([], [])", "at least one example, got an empty x");
            s.failsWith("SyntaxError", "import x from './y.mjs';", "name the file .mjs");
        }
    }

    @Test
    void numbersInMessagesReadAsInJavaScript() {
        try (Scripts s = Scripts.open()) {
            s.failsWith("ValueError", "nn.sgd({ lr: 0.1, weightDecay: -1 })", "weightDecay must be ≥ 0, got -1");
            s.failsWith("ValueError", "nn.adam({ eps: -0.5 })", "eps must be ≥ 0, got -0.5");
            s.failsWith("ValueError", "nn.toy().step(NaN)", "got NaN (try 0.1)");
            s.failsWith("ValueError", """
                const net = nn.net([2, 3], { output: 'softmax', loss: 'crossEntropy', seed: 1 });
                net.forward([0.5, 0.9]);
                net.backward([3]);
                """, "class index y[0] is 3;");
        }
    }

    @Test
    void jsFormatsLikeJavaScriptsString() {
        // String(v) in JavaScript (ECMAScript Number::toString), written out by hand
        String[][] cases = {
            {"3", "3"}, {"-1", "-1"}, {"0", "0"}, {"-0.0", "0"}, {"0.5", "0.5"}, {"0.1", "0.1"},
            {"1e-7", "1e-7"}, {"1.5e-7", "1.5e-7"}, {"0.000001", "0.000001"}, {"-0.0001", "-0.0001"},
            {"123456789012", "123456789012"}, {"1e21", "1e+21"}, {"1.7976931348623157e308", "1.7976931348623157e+308"},
            {"0.30000000000000004", "0.30000000000000004"}, {"100", "100"}, {"2.5e-5", "0.000025"},
            {"NaN", "NaN"}, {"Infinity", "Infinity"}, {"-Infinity", "-Infinity"}, {"4.9e-324", "5e-324"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], dev.backprop.nn.Checks.js(Double.parseDouble(c[0])), c[0]);
        }
    }
}
