// gradcheck.js — backprop's gradients against finite differences.
//
// The derivative is the limit of a difference quotient, so any gradient can be checked without
// calculus: nudge one weight by ±ε, measure the loss, and (L(w+ε) − L(w−ε)) / 2ε approximates
// ∂L/∂w with an error of order ε². First that check is written out by hand for every parameter of
// the lesson's toy network (frozen biases included: they get gradients too). Then net.gradCheck
// does the same for four networks covering every activation and loss; the relative error must
// stay below 1e-6 everywhere.
//
// Run:  ./backprop run scripts/gradcheck.js

// 1. By hand, on the lesson's network and example.
const toy = nn.toy();
const x = [0.5, 0.9];
const y = [1];
toy.forward(x);
toy.backward(y);
const eps = 1e-6;
print('param   backprop ∂L/∂w      (L(w+ε) − L(w−ε)) / 2ε   rel. error');
let worstByHand = 0;
for (const p of toy.params()) {
  const grad = Float64Array.from(p.grad);
  for (let k = 0; k < p.size; k++) {
    const w = p.value[k];
    p.value[k] = w + eps;
    const up = toy.loss(x, y);
    p.value[k] = w - eps;
    const down = toy.loss(x, y);
    p.value[k] = w; // put the weight back exactly
    const numeric = (up - down) / (2 * eps);
    const rel = Math.abs(numeric - grad[k]) / Math.max(1e-12, Math.abs(numeric) + Math.abs(grad[k]));
    worstByHand = Math.max(worstByHand, rel);
    print(`${(p.name + '[' + k + ']').padEnd(7)} ${grad[k].toExponential(9).padStart(17)}   ${numeric.toExponential(9).padStart(22)}   ${rel.toExponential(1)}`);
  }
}
assert(worstByHand < 1e-6, `hand-made finite differences should agree with backprop to 1e-6, worst ${worstByHand}`);
print(`the toy network: worst relative error ${worstByHand.toExponential(1)}`);

// 2. net.gradCheck over every activation and loss.
const cases = [
  { name: 'sigmoid + squared', sizes: [2, 3, 1], options: { activation: 'sigmoid', loss: 'squared' } },
  { name: 'tanh + mse', sizes: [3, 4, 2], options: { activation: 'tanh', output: 'identity', loss: 'mse' } },
  { name: 'relu + softmax + crossEntropy', sizes: [4, 5, 3], options: { activation: 'relu', output: 'softmax', loss: 'crossEntropy' } },
  { name: 'leakyRelu + sigmoid + bce', sizes: [3, 6, 2], options: { activation: 'leakyRelu', output: 'sigmoid', loss: 'bce' } },
];
for (const c of cases) {
  const net = nn.net(c.sizes, { ...c.options, seed: 21 });
  const inputs = c.sizes[0];
  const outputs = c.sizes[c.sizes.length - 1];
  const xs = [];
  const ys = [];
  for (let i = 0; i < 5; i++) {
    xs.push(Array.from({ length: inputs }, (_, j) => Math.sin(3 * i + j + 1)));
    if (c.options.loss === 'crossEntropy') {
      ys.push(Array.from({ length: outputs }, (_, j) => (j === i % outputs ? 1 : 0)));
    } else if (c.options.loss === 'bce') {
      ys.push(Array.from({ length: outputs }, (_, j) => (i + j) % 2));
    } else {
      ys.push(Array.from({ length: outputs }, (_, j) => Math.cos(i + 2 * j) / 2));
    }
  }
  const report = net.gradCheck(xs, ys);
  const perParam = Object.entries(report.params).map(([k, v]) => `${k} ${v.toExponential(1)}`).join(', ');
  print(`${c.name.padEnd(30)} max rel. error ${report.maxRelError.toExponential(1)}  (${perParam})`);
  assert(report.maxRelError < 1e-6, `${c.name}: gradCheck's relative error should be below 1e-6, got ${report.maxRelError}`);
}
print('backprop agrees with finite differences for every activation and loss');
