// minibatch.js — a mini-batch gradient is the average of the per-example gradients.
//
// Real training backpropagates a batch at once. With the mean loss L = (1/B)·Σᵢ Lᵢ, the chain rule
// gives ∂L/∂w = (1/B)·Σᵢ ∂Lᵢ/∂w: one backward over the batch must equal B separate backwards,
// averaged. This script checks that three ways on a 3 → 5 → 2 network and a batch of 6:
//   1. one batch backward vs the mean of 6 single-example backwards (copied out of param.grad);
//   2. backward(y, { accumulate: true }) summing the 6 into param.grad, then divided by B;
//   3. layer.delta of the batch holds each example's own δ row (∂Lᵢ/∂zᵢ, not divided by B).
// The batch loss is the mean of the per-example losses too.
//
// Run:  ./backprop run scripts/minibatch.js

const B = 6;
const x = [];
const y = [];
for (let i = 0; i < B; i++) {
  x.push([Math.sin(i + 1), Math.cos(2 * i + 1), (i - 2.5) / 3]);
  y.push([i % 2, (i * 7) % 5 / 5]);
}
const net = nn.net([3, 5, 2], { activation: 'tanh', output: 'sigmoid', loss: 'squared', seed: 11 });
const params = net.params();

// One backward over the whole batch.
net.forward(x);
const batchLoss = net.backward(y);
const batchGrad = params.map((p) => Float64Array.from(p.grad));
const batchDelta = net.layers.map((l) => l.delta.toArray());

// 1. B single-example backwards, averaged by hand.
const mean = params.map((p) => new Float64Array(p.size));
let lossSum = 0;
const exampleDelta = net.layers.map(() => []);
for (let i = 0; i < B; i++) {
  net.forward(x[i]);
  lossSum += net.backward(y[i]);
  params.forEach((p, k) => {
    for (let j = 0; j < p.size; j++) {
      mean[k][j] += p.grad[j] / B;
    }
  });
  net.layers.forEach((l, k) => exampleDelta[k].push(l.delta.row(0)));
}
print('batch loss', batchLoss.toFixed(12), '= mean of the per-example losses', (lossSum / B).toFixed(12));
assertClose(batchLoss, lossSum / B, 1e-12, 'batch loss vs mean of per-example losses');
params.forEach((p, k) => {
  assertClose(batchGrad[k], mean[k], 1e-12, `∂L/∂${p.name}: batch vs mean of per-example gradients`);
  print(`∂L/∂${p.name.padEnd(2)}  batch     ${fmt(batchGrad[k])}`);
  print(`        mean of ${B} ${fmt(mean[k])}`);
});

// 2. The same through accumulate: param.grad sums the per-example gradients.
net.zeroGrad();
for (let i = 0; i < B; i++) {
  net.forward(x[i]);
  net.backward(y[i], { accumulate: true });
}
params.forEach((p, k) => {
  const averaged = Array.from(p.grad, (g) => g / B);
  assertClose(averaged, batchGrad[k], 1e-12, `accumulated ∂L/∂${p.name} divided by B vs batch gradient`);
});
print('accumulate: the summed gradients divided by B match the batch gradients');

// 3. layer.delta: per-example rows, not divided by B.
net.layers.forEach((l, k) => {
  assertClose(batchDelta[k], exampleDelta[k], 1e-12, `layer ${k + 1} δ rows vs single-example δ`);
});
print('layer.delta after a batch backward: row i is example i\'s own δ (∂Lᵢ/∂zᵢ)');
print('so: gradient of the mean loss = mean of the per-example gradients, to 1e-12');

/** The first four numbers of a gradient, for the eye. */
function fmt(values) {
  return Array.from(values).slice(0, 4).map((v) => v.toFixed(6).padStart(10)).join(' ') + (values.length > 4 ? ' …' : '');
}
