package dev.backprop.script;

import org.junit.jupiter.api.Test;

/**
 * One example given as a plain array takes the prelude's fast paths (up to four numbers as arguments
 * of one host call, longer ones through the staging view); a Float64Array or nested rows take the
 * general path. Both must give the same bits (outputs, losses, every parameter after training), the
 * lesson's numbers, and the same errors with the same messages.
 */
class OneExampleFormsTest {
    private static void ok(String js) {
        try (Scripts s = Scripts.open()) {
            s.eval("""
                function same(a, b, what) {
                  const x = Array.from(a), y = Array.from(b);
                  assert(x.length === y.length, what + ': ' + x.length + ' numbers vs ' + y.length);
                  for (let k = 0; k < x.length; k++) {
                    assert(Object.is(x[k], y[k]), what + ' [' + k + ']: ' + x[k] + ' vs ' + y[k]);
                  }
                }
                function caught(fn) {
                  try { fn(); } catch (e) { return e.name + ': ' + e.message; }
                  throw new Error('expected an error from ' + fn + ', nothing was thrown');
                }
                function params(net) {
                  return net.params().flatMap((p) => Array.from(p.value));
                }
                """ + js);
        }
    }

    @Test
    void theLessonsFirstStepThroughThePlainArrayPath() {
        ok("""
            const net = nn.toy();
            same(net.forward([0.5, 0.9]), [%s], 'ŷ');
            const loss = net.backward([1]);
            assertClose(loss, 0.5 * (1 - %s) ** 2, 1e-15);
            assertClose(net.layers[1].W.grad, [-0.028, -0.029], 5e-4, 'dW2 (the lesson, 3 decimals)');
            assertClose(net.layers[0].W.grad, [-0.002, -0.004, -0.002, -0.004], 5e-4, 'dW1 (the lesson, 3 decimals)');
            """.formatted(ApiExamplesTest.YHAT, ApiExamplesTest.YHAT));
    }

    @Test
    void plainTypedAndNestedExamplesTrainToTheSameBits() {
        ok("""
            // [sizes, options, inputs of one example, targets of one example]
            const cases = [
              [[2, 2, 1], { activation: 'sigmoid', seed: 3 }, [0.5, -0.9], [1]],                   // small: arguments
              [[3, 4, 2], { activation: 'tanh', loss: 'mse', seed: 4 }, [0.1, 0.2, -0.3], [0.5, -1]],
              [[4, 5, 3], { activation: 'relu', output: 'softmax', loss: 'crossEntropy', seed: 5 },
                [1, -2, 0.5, 3], [2]],                                                          // class index
              [[6, 3, 5, 1], { activation: 'leakyRelu', seed: 6 }, [1, 2, 3, -4, 5, -6], [0.25]], // staged view
              [[2, 6], { activation: 'identity', loss: 'mse', seed: 7 }, [0.3, 0.7], [1, 2, 3, 4, 5, 6]],
            ];
            for (const [sizes, options, x, y] of cases) {
              const forms = [
                (v) => v,                        // a plain array: the fast paths
                (v) => new Float64Array(v),      // general path
                (v) => [v],                      // nested rows: general path
              ];
              const runs = forms.map((form, f) => {
                const net = nn.net(sizes, options);
                const outs = [], losses = [];
                for (let s = 0; s < 5; s++) {
                  outs.push(...Array.from(f === 2 ? net.forward(form(x))[0] : net.forward(form(x))));
                  losses.push(net.backward(f === 0 && y.length === 1 && s % 2 === 0 ? y[0] : form(y)));
                  net.step(0.1);
                }
                net.forward(form(x));
                losses.push(net.backward(form(y), { accumulate: true }));
                return { outs, losses, params: params(net), grads: net.params().flatMap((p) => Array.from(p.grad)) };
              });
              for (let f = 1; f < runs.length; f++) {
                const what = sizes.join('-') + ' form ' + f;
                same(runs[0].outs, runs[f].outs, what + ' outputs');
                same(runs[0].losses, runs[f].losses, what + ' losses');
                same(runs[0].params, runs[f].params, what + ' parameters');
                same(runs[0].grads, runs[f].grads, what + ' accumulated gradients');
              }
            }
            """);
    }

    @Test
    void aBatchAndThenOneExampleAgain() {
        ok("""
            const a = nn.toy({ trainBiases: true }), b = nn.toy({ trainBiases: true });
            const X = [[0, 0], [0, 1], [1, 0], [1, 1]], Y = [0, 1, 1, 0];
            for (const net of [a, b]) {
              net.forward(X);
              net.backward(Y);  // four class-free targets, one per example
              net.step(0.5);
            }
            for (let i = 0; i < 8; i++) {
              same(a.forward(X[i & 3]), b.forward([X[i & 3]])[0], 'output ' + i);
              same([a.backward([Y[i & 3]])], [b.backward([[Y[i & 3]]])], 'loss ' + i);
              a.step(0.5);
              b.step(0.5);
            }
            same(params(a), params(b), 'parameters');
            """);
    }

    @Test
    void errorsAreTheGeneralPathsWordForWord() {
        ok("""
            const net = nn.toy();
            const big = nn.net([6, 2, 1], { seed: 1 });
            big.forward([1, 2, 3, 4, 5, 6]);   // binds the staging view for one example of six
            const none = caught(() => net.backward([1]));                             // no forward yet
            assert(none === caught(() => net.backward([[1]])), none);
            assert(none.startsWith('StaleForwardError: backward needs a forward pass first'), none);
            const pairs = [
              [() => net.forward([0.5, NaN]), () => net.forward([[0.5, NaN]])],
              [() => net.forward([0.5, Infinity]), () => net.forward(new Float64Array([0.5, Infinity]))],
              [() => big.forward([1, 2, 3, NaN, 5, 6]), () => big.forward([[1, 2, 3, NaN, 5, 6]])],
              [() => net.forward([0.5, 0.9, 1]), () => net.forward([[0.5, 0.9, 1]])],
              [() => net.forward([0.5]), () => net.forward([[0.5]])],
            ];
            assert(caught(() => net.forward([0.5, 'a'])) === "TypeError: forward expects numbers, got 'a' at x[1]");
            net.forward([0.5, 0.9]);
            pairs.push(
              [() => net.backward([NaN]), () => net.backward([[NaN]])],
              [() => net.backward(NaN), () => net.backward(new Float64Array([NaN]))],
              [() => net.backward([1, 0]), () => net.backward([[1, 0]])],
              [() => net.backward([1, 0, 1, 0, 1]), () => net.backward([[1, 0, 1, 0, 1]])],
            );
            assert(caught(() => net.backward(['1'])) === "TypeError: backward expects numbers, got '1' at y[0]");
            for (const [fast, general] of pairs) {
              const m = caught(fast);
              assert(m === caught(general), 'fast path said "' + m + '", general path "' + caught(general) + '"');
            }
            // the guards: a step between forward and backward, and a second step on spent gradients
            net.forward([0.5, 0.9]);
            net.backward([1]);
            net.step(0.5);
            const stale = caught(() => net.backward([1]));
            assert(stale.startsWith('StaleForwardError: W1 changed after the forward pass'), stale);
            const spent = caught(() => net.step(0.5));
            assert(spent.startsWith('StaleGradientError: these gradients were already used'), spent);
            const view = net.params()[0].value;
            net.forward([0.5, 0.9]);
            view[0] = view[0];                 // writing the same bits changes nothing
            net.backward([1]);
            net.forward([0.5, 0.9]);
            view[0] += 1e-3;                   // a write through the live view is a change
            const written = caught(() => net.backward([1]));
            assert(written.startsWith('StaleForwardError: W1 changed after the forward pass'), written);
            """);
    }
}
