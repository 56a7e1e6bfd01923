package dev.backprop.script;

import org.junit.jupiter.api.Test;

/**
 * Targets for a batch given flat (array or Float64Array, B·outputs values or B class indices) must mean
 * the same as the nested rows: checked against losses worked out by hand from the lesson's toy net.
 */
class TargetFormsTest {
    /** Runs JS with a helper that expects `fn` to throw an error named `name`. */
    private static void ok(String js) {
        try (Scripts s = Scripts.open()) {
            s.eval("""
                function throwsName(fn, name) {
                  let caught = null;
                  try { fn(); } catch (e) { caught = e; }
                  assert(caught !== null, 'expected ' + name + ', nothing was thrown');
                  assert(caught.name === name, 'expected ' + name + ', got ' + caught.name + ': ' + caught.message);
                }
                """ + js);
        }
    }

    @Test
    void flatNestedAndTypedTargetsGiveTheSameBatchLoss() {
        ok("""
            const yhat = %s;                                          // ŷ of the toy net at [0.5, 0.9]
            const expected = (0.5 * (yhat - 1) ** 2 + 0.5 * yhat ** 2) / 2;  // mean of ½(ŷ − y)² for y = 1, 0
            const x = [[0.5, 0.9], [0.5, 0.9]];
            const grads = [];
            for (const y of [[[1], [0]], [1, 0], new Float64Array([1, 0])]) {
              const net = nn.toy();
              net.forward(x);
              assertClose(net.backward(y), expected, 1e-15);
              assertClose(net.loss(x, y), expected, 1e-15);
              grads.push(Array.from(net.params()[0].grad));
            }
            assertClose(grads[1], grads[0], 0);
            assertClose(grads[2], grads[0], 0);
            """.formatted(ApiExamplesTest.YHAT));
    }

    @Test
    void dataOfTakesFlatTargetsPerExample() {
        ok("""
            const x = [[0, 0], [0, 1], [1, 0], [1, 1]];
            assertClose(nn.data.of(x, [0, 1, 1, 0]).y, [[0], [1], [1], [0]], 0);
            assertClose(nn.data.of(x, new Float64Array([0, 1, 1, 0])).y, [[0], [1], [1], [0]], 0);
            assertClose(nn.data.of(x, [[0], [1], [1], [0]]).y, [[0], [1], [1], [0]], 0);
            throwsName(() => nn.data.of(x, new Float64Array(0)), 'ShapeError');
            """);
    }

    @Test
    void classIndicesAreReadPerExampleAndChecked() {
        ok("""
            // one softmax layer with W = I, b = 0: z = x, L = mean of −log softmax(z)[class]
            const net = nn.net([2, 2], { output: 'softmax', loss: 'crossEntropy', init: 'zeros' });
            net.params()[0].value.set([1, 0, 0, 1]);
            const x = [[1, 0], [0, 2]];
            const expected = (Math.log(1 + Math.exp(-1)) + Math.log(1 + Math.exp(-2))) / 2;
            for (const y of [[0, 1], new Float64Array([0, 1]), [[1, 0], [0, 1]]]) {
              net.forward(x);
              assertClose(net.backward(y), expected, 1e-15);
              assertClose(net.loss(x, y), expected, 1e-15);
            }
            net.forward(x);
            throwsName(() => net.backward([0, 5]), 'ValueError');
            throwsName(() => net.backward(new Float64Array([0, 5])), 'ValueError');
            throwsName(() => net.loss(x, [0, 5]), 'ValueError');
            """);
    }
}
