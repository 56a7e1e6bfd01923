package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code param.value = values} is all or nothing: a wrong shape, width or value leaves every number as it was. */
class ParamValueTest {
    private static final String SETUP = """
            nn.seed(3);
            const net = nn.net([3, 2, 1]);
            const W = net.layers[0].W;
            const [R, C] = W.shape;
            assert(R === 2 && C === 3, 'W1 is [2, 3] here, got ' + W.shape);
            const before = W.toArray();
            function refused(values) {
              try {
                W.value = values;
              } catch (e) {
                assertClose(W.toArray(), before, 0, 'nothing written after ' + e.name + ': ' + e.message);
                return e.name + ': ' + e.message;
              }
              throw new Error('accepted ' + JSON.stringify(values));
            }
            """;

    @Test
    void refusedValuesLeaveTheParameterAsItWas() {
        try (Scripts s = Scripts.open()) {
            s.eval(SETUP + """
                    const cases = [
                      [[[1, 2, 3], [4, 5]], 'ShapeError', 'row 1 has 2'],
                      [[[1, 2], [3, 4], [5, 6]], 'ShapeError', '2 rows of 3'],
                      [[[1, 2, 3]], 'ShapeError', '2 rows of 3'],
                      [[1, 2, 3, 4, 5], 'ShapeError', 'expects 6 values'],
                      [new Float64Array(5), 'ShapeError', 'expects 6 values'],
                      [[[1, 2, 3], [4, NaN, 6]], 'ValueError', 'NaN at W1[1][1] (row 1, column 1)'],
                      [[1, 2, 3, 4, 5, Infinity], 'ValueError', 'Infinity at W1[5] (row 1, column 2)'],
                      [[[-Infinity, 2, 3], [4, 5, 6]], 'ValueError', '-Infinity at W1[0][0] (row 0, column 0)'],
                      [Float64Array.of(1, 2, 3, 4, 5, NaN), 'ValueError', 'row 1, column 2'],
                      [[[1, 2, 3], [4, 'x', 6]], 'TypeError', "'x' at W1[1][1] (row 1, column 1)"],
                      [[[1, 2, 3], [4, 5, 6, 7]], 'ShapeError', 'row 1 has 4'],
                      [[[1, 2, 3], null], 'ShapeError', 'row 1 has no values'],
                    ];
                    for (const [values, name, part] of cases) {
                      const m = refused(values);
                      assert(m.startsWith(name + ': ') && m.includes(part) && m.includes('nothing was written'), m);
                    }
                    // a row whose reading throws: the throw comes before any write
                    const m = refused([[1, 2, 3], { length: 3, get 0() { throw new RangeError('boom'); } }]);
                    assert(m === 'RangeError: boom', m);
                    """);
        }
    }

    @Test
    void acceptedValuesAreWrittenWhole() {
        try (Scripts s = Scripts.open()) {
            s.eval(SETUP + """
                    W.value = [[1, 2, 3], [4, 5, 6]];
                    assertClose(W.toArray(), [[1, 2, 3], [4, 5, 6]], 0);
                    W.value = [6, 5, 4, 3, 2, 1];
                    assertClose(W.toArray(), [[6, 5, 4], [3, 2, 1]], 0);
                    W.value = Float64Array.of(0.5, 0, -0.5, 1e-300, -1e300, 7);
                    assertClose(W.toArray(), [[0.5, 0, -0.5], [1e-300, -1e300, 7]], 0);
                    print(W.get(1, 2));
                    """);
            assertEquals("7\n", s.out());
        }
    }
}
