// activations.js — an activation of your own, written in JavaScript with nn.activation.
//
// nn.activation(name, { f, df }) defines an element-wise activation: f(z) gives a, df(z, a) gives
// f'(z) (a = f(z) is passed in, so derivatives like σ' = a(1 − a) cost nothing). Once defined, the
// name works wherever a built-in one does: nn.net, layer.activation, gradCheck, fit, toJSON.
//   swish(z) = z·σ(z)            swish'(z) = σ(z) + a·(1 − σ(z))
//   'swishWrong' uses σ(z) as its derivative, a plausible slip (the product rule's second term lost).
// net.gradCheck compares backprop with central differences: it accepts swish (relative error
// < 1e-6) and catches the slip. Then sigmoid, tanh, relu and swish train the same 2 → 16 → 16 → 1
// network on the two-arm spiral with Adam, and their loss curves are drawn side by side.
//
// Run:  ./backprop run scripts/activations.js

const sigma = (z) => 1 / (1 + Math.exp(-z));
nn.activation('swish', { f: (z) => z * sigma(z), df: (z, a) => sigma(z) + a * (1 - sigma(z)) });
nn.activation('swishWrong', { f: (z) => z * sigma(z), df: (z, a) => sigma(z) });

// ---- gradCheck: the right derivative passes, the wrong one is caught --------------------------------
const x = [[0.3, -0.5], [0.9, 0.2], [-0.4, 0.7], [1.5, -1.1]];
const y = [1, 0, 1, 0];
for (const name of ['swish', 'swishWrong']) {
  const net = nn.net([2, 5, 1], { activation: name, output: 'sigmoid', loss: 'bce', seed: 2 });
  const check = net.gradCheck(x, y);
  const worst = Object.entries(check.params).reduce((w, e) => (e[1] > w[1] ? e : w));
  print(`${name.padEnd(10)} gradCheck: max relative error ${check.maxRelError.toExponential(1)} (worst ${worst[0]})`
    + (check.maxRelError < 1e-6 ? ' — backprop is right' : ' — backprop is WRONG'));
  if (name === 'swish') {
    assert(check.maxRelError < 1e-6, 'swish with its true derivative should pass gradCheck');
    assert(net.layers[0].activation === 'swish', 'layer.activation reports the name');
  } else {
    assert(check.maxRelError > 1e-2, 'a wrong derivative should fail gradCheck clearly');
  }
}

// ---- as an output activation too, and saved by name -------------------------------------------------
const out = nn.net([2, 3], { activation: 'swish', seed: 3 });
assert(out.gradCheck(x, [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9], [1, 1.1, 1.2]]).maxRelError < 1e-6,
  'swish as the output activation');
const saved = out.toJSON();
assert(saved.layers[0].activation === 'swish', 'toJSON records the name');
assertClose(nn.fromJSON(saved).predict(x), out.predict(x), 0, 'and loads back where swish is defined');

// ---- training curves on the spiral ------------------------------------------------------------------
const spiral = nn.data.spiral({ n: 200, noise: 0, seed: 1 });
const curves = {};
for (const name of ['sigmoid', 'tanh', 'relu', 'swish']) {
  const net = nn.net([2, 16, 16, 1], { activation: name, output: 'sigmoid', loss: 'bce', seed: 4 });
  const history = net.fit(spiral, { epochs: 300, batchSize: 20, optimizer: nn.adam({ lr: 0.01 }), seed: 5 });
  curves[name] = history.loss;
  const accuracy = nn.accuracy(net, spiral);
  print(`${name.padEnd(8)} loss ${history.loss[0].toFixed(4)} → ${history.loss[299].toFixed(4)},`
    + ` training accuracy ${(100 * accuracy).toFixed(1)}%`);
  assert(history.loss[299] < history.loss[0], `${name} should learn something`);
}
print(plot.line(curves, { title: 'spiral: loss per epoch (bce)', width: 64, height: 16 }));
assert(curves.swish[299] < curves.sigmoid[299], 'swish should beat sigmoid on the spiral');
