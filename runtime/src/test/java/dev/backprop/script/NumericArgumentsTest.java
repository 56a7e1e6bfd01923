package dev.backprop.script;

import org.junit.jupiter.api.Test;

/**
 * Every count, size, index and seed the API takes, given a number the host cannot hold (above 2³¹ or
 * 2⁵³, negative, fractional, NaN, ±Infinity): an error in the API's words naming the argument and its
 * range, never an interop message naming Java classes.
 */
class NumericArgumentsTest {
    @Test
    void outOfRangeNumbersAreErrorsALearnerCanActOn() {
        try (Scripts s = Scripts.open()) {
            s.eval("""
                    nn.seed(1);
                    const net = nn.net([2, 2, 1]);
                    const d = nn.data.xor();
                    const m = nn.matrix(2, 2);
                    const W = net.layers[0].W;
                    const COUNT = 'must be a whole number between 1 and 2147483647, got ';
                    const SEED = 'must be a whole number between -9007199254740991 and 9007199254740991';
                    const cases = [
                      // [what the script does, error name, part of the message]
                      [() => net.fit(d, { epochs: 1e12 }), 'ValueError', "net.fit's epochs " + COUNT + '1000000000000'],
                      [() => net.fit(d, { epochs: 2 ** 31 }), 'ValueError', 'epochs ' + COUNT + '2147483648'],
                      [() => net.fit(d, { epochs: 0 }), 'ValueError', 'epochs ' + COUNT + '0'],
                      [() => net.fit(d, { epochs: -3 }), 'ValueError', 'epochs ' + COUNT + '-3'],
                      [() => net.fit(d, { epochs: 1.5 }), 'ValueError', 'epochs ' + COUNT + '1.5'],
                      [() => net.fit(d, { epochs: NaN }), 'ValueError', 'epochs ' + COUNT + 'NaN'],
                      [() => net.fit(d, { epochs: Infinity }), 'ValueError', 'epochs ' + COUNT + 'Infinity'],
                      [() => net.fit(d, { epochs: '3' }), 'TypeError', "epochs " + COUNT + "'3'"],
                      [() => net.fit(d, { epochs: 1, batchSize: 2 ** 40 }), 'ValueError', 'batchSize ' + COUNT + '1099511627776'],
                      [() => net.fit(d, { epochs: 1, seed: 2 ** 70 }), 'ValueError', "net.fit's seed " + SEED],
                      [() => net.fit(d, { epochs: 1, seed: 0.5 }), 'ValueError', "net.fit's seed " + SEED],
                      [() => d.batches(2 ** 40), 'ValueError', 'batch size (like 32) ' + COUNT + '1099511627776'],
                      [() => d.batches(-1), 'ValueError', 'batch size (like 32) ' + COUNT + '-1'],
                      [() => d.batches(NaN), 'ValueError', COUNT + 'NaN'],
                      [() => d.batches(2, { seed: -(2 ** 60) }), 'ValueError', "data.batches's seed " + SEED],
                      [() => d.oneHot(2 ** 40), 'ValueError', 'number of classes k ' + COUNT + '1099511627776'],
                      [() => d.oneHot(0.5), 'ValueError', 'number of classes k ' + COUNT + '0.5'],
                      [() => d.split(0.5, 2 ** 70), 'ValueError', "data.split's seed " + SEED],
                      [() => d.shuffle(NaN), 'ValueError', "data.shuffle's seed " + SEED],
                      [() => nn.data.circle({ n: 2 ** 40 }), 'ValueError', "nn.data.circle's n (the number of points) " + COUNT],
                      [() => nn.data.moons({ n: 1e12 }), 'ValueError', 'n (the number of points) ' + COUNT + '1000000000000'],
                      [() => nn.data.spiral({ n: -5 }), 'ValueError', COUNT + '-5'],
                      [() => nn.data.gaussian({ seed: 2 ** 70 }), 'ValueError', "nn.data.gaussian's seed " + SEED],
                      [() => nn.data.csv('x.csv', { target: 2 ** 40 }), 'ValueError',
                        "nn.data.csv's target column index (negative counts from the end) must be a whole number between -2147483647 and 2147483647"],
                      [() => nn.data.csv('x.csv', { target: -(2 ** 40) }), 'ValueError', 'target column index'],
                      [() => nn.net([2, 1], { seed: 2 ** 70 }), 'ValueError', "nn.net's seed " + SEED],
                      [() => nn.net([2, 1], { seed: NaN }), 'ValueError', "nn.net's seed " + SEED],
                      [() => nn.seed(2 ** 70), 'ValueError', 'nn.seed(n): the seed ' + SEED],
                      [() => nn.seed(-Infinity), 'ValueError', 'nn.seed(n): the seed ' + SEED],
                      [() => nn.matrix(1e10, 1), 'LimitError', 'rows is larger than any matrix can be'],
                      [() => nn.matrix(1, 2 ** 40), 'LimitError', 'cols is larger than any matrix can be'],
                      [() => nn.matrix(-1, 1), 'TypeError', 'whole-number rows and cols'],
                      [() => nn.net([2, 2 ** 33, 1]), 'LimitError', 'sizes[1]'],
                      [() => m.get(2 ** 33, 0), 'RangeError', 'row index i'],
                      [() => W.set(0, 2 ** 33, 1), 'RangeError', 'column index j'],
                      [() => m.row(2 ** 33), 'ShapeError', 'row 8589934592 is outside'],
                      [() => plot.line([1, 2], { width: 2 ** 40 }), 'ValueError', "plot.line's width " + COUNT],
                      [() => plot.line([1, 2], { height: 1e12 }), 'ValueError', "plot.line's height " + COUNT],
                      [() => plot.histogram([1, 2], { bins: 2 ** 31 }), 'ValueError', "plot.histogram's bins " + COUNT],
                      [() => plot.boundary(net, d, { width: -2 }), 'ValueError', "plot.boundary's width " + COUNT],
                    ];
                    const JAVA = /dev\\.backprop|java|polyglot|Cannot convert|ClassCast|interop|Integer|Long|Double|lossy/;
                    for (let i = 0; i < cases.length; i++) {
                      const [f, name, part] = cases[i];
                      let m = 'no error';
                      try {
                        f();
                      } catch (e) {
                        m = e.name + ': ' + e.message;
                      }
                      assert(m.startsWith(name + ': ') && m.includes(part), 'case ' + i + ': expected ' + name + ' with "'
                        + part + '", got ' + m);
                      assert(!JAVA.test(m), 'case ' + i + ' names Java: ' + m);
                    }
                    // an index far out of range of a script-side array is just undefined, as for any array
                    assert(net.layers[2 ** 33] === undefined && net.layers[-1] === undefined);
                    """);
        }
    }
}
