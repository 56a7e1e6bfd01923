// autoencoder.js — two networks chained through net.inputGrad: an encoder and a decoder.
//
// The iris measurements (scripts/data/iris.csv, 150 flowers × 4 features, standardised here) are
// squeezed through a 2-number code and rebuilt: encoder 4 → 3 → 2 (tanh), decoder 2 → 3 → 4 (tanh,
// linear output, loss 'mse' against the input itself). Training one step by hand:
//     code = enc.forward(x);  dec.forward(code);  dec.backward(x);        // ∂L/∂p of the decoder
//     enc.backwardFrom(dec.inputGrad);                                   // ∂L/∂code → the encoder
// dec.inputGrad is ∂L/∂code of the batch-mean loss (the 1/B is in it), and backwardFrom does not
// divide again, so the encoder gets exactly the gradients of one network 4 → 3 → 2 → 3 → 4: checked
// to 1e-12 against that combined network, before and after 300 steps taken side by side. The
// reconstruction loss falls, and the codes of the three species are printed.
//
// Run:  ./backprop run scripts/autoencoder.js

const iris = nn.data.csv('data/iris.csv', { target: 'species' });
const raw = iris.x.toArray();
const F = iris.features;
const mean = [];
const std = [];
for (let j = 0; j < F; j++) {
  const col = raw.map((r) => r[j]);
  mean.push(col.reduce((s, v) => s + v, 0) / col.length);
  std.push(Math.sqrt(col.reduce((s, v) => s + (v - mean[j]) ** 2, 0) / col.length));
}
const x = raw.map((r) => r.map((v, j) => (v - mean[j]) / std[j]));
print(`iris: ${x.length} flowers × ${F} features, standardised (mean 0, std 1 per feature)`);

const enc = nn.net([4, 3, 2], { activation: 'tanh', seed: 1 });
const dec = nn.net([2, 3, 4], { activation: ['tanh'], output: 'identity', loss: 'mse', seed: 2 });
const whole = nn.net([4, 3, 2, 3, 4], { activation: ['tanh', 'tanh', 'tanh'], output: 'identity', loss: 'mse', seed: 3 });
const chained = [...enc.params(), ...dec.params()];
whole.params().forEach((p, i) => {
  p.value = chained[i].value; // the combined network starts from the same weights
});

const grads = (ps) => ps.map((p) => Array.from(p.grad));
function chainedStep() {
  const code = enc.forward(x);
  dec.forward(code);
  const loss = dec.backward(x);
  enc.backwardFrom(dec.inputGrad);
  return loss;
}
function wholeStep() {
  whole.forward(x);
  return whole.backward(x);
}

const first = chainedStep();
assertClose(wholeStep(), first, 1e-15, 'the same loss');
assertClose(grads(chained), grads(whole.params()), 1e-12, 'chained gradients vs one network');
assertClose(enc.inputGrad, whole.inputGrad, 1e-12, '∂L/∂x through the chain vs one network');
print('before training: the chained gradients equal the combined network\'s (to 1e-12), ∂L/∂x too');

const LR = 0.1;
const losses = [first];
enc.step(LR);
dec.step(LR);
whole.step(LR);
for (let k = 1; k < 300; k++) {
  losses.push(chainedStep());
  wholeStep();
  enc.step(LR);
  dec.step(LR);
  whole.step(LR);
}
const last = chainedStep();
assertClose(wholeStep(), last, 1e-12, 'the same loss after 300 steps');
assertClose(grads(chained), grads(whole.params()), 1e-9, 'and still the same gradients');
assertClose(chained.map((p) => Array.from(p.value)), whole.params().map((p) => Array.from(p.value)), 1e-10,
  'the weights after 300 side-by-side steps');
print(`reconstruction loss (mse) ${first.toFixed(4)} → ${last.toFixed(4)} in 300 steps of lr ${LR}`);
assert(last < first / 2, 'the reconstruction loss should fall to less than half');
print(plot.line(losses, { title: 'autoencoder: reconstruction loss per step', width: 60, height: 10 }));

// The 2-number codes, averaged per species: the encoder separates them without ever seeing a label.
const codes = enc.predict(x);
const species = iris.classNames;
const labels = iris.y.toArray().map((r) => r[0]);
species.forEach((name, c) => {
  const mine = codes.filter((_, i) => labels[i] === c);
  const avg = [0, 1].map((j) => mine.reduce((s, r) => s + r[j], 0) / mine.length);
  print(`${name.padEnd(11)} mean code (${avg.map((v) => v.toFixed(3).padStart(6)).join(', ')})`);
});
