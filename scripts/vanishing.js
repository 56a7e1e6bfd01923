// vanishing.js — vanishing gradients in a deep sigmoid network, and why ReLU helps.
//
// Three 10-layer networks (2 → 16 × 9 → 1) look at the same 200 circle points:
//   sigmoid      Xavier init: every layer multiplies δ by σ'(z) ≤ 0.25 on its way back;
//   sigmoid ×8   the same weights times 8 (a careless init): Wᵀδ now grows faster than σ' shrinks
//                it, but a third of the units saturate (σ near 0 or 1, σ' ≈ 0) and pass back
//                almost nothing: their δ is throttled to a small fraction of the others';
//   relu         He init: σ' is 1 wherever a unit is active, so δ keeps its size.
// For each, one forward and backward over the batch, then per layer the gradient norm ‖∂L/∂W‖
// (net.gradNorms()) and the fraction of saturated units (net.stats(): sigmoid beyond 0.99 of its
// range; for ReLU the dead units). Both are printed as a table and plotted per layer, with a
// histogram of one saturated layer's activations.
//
// Run:  ./backprop run scripts/vanishing.js

const data = nn.data.circle({ n: 200, noise: 0, seed: 1 });
const sizes = [2, 16, 16, 16, 16, 16, 16, 16, 16, 16, 1];
const L = sizes.length - 1;

function probe(net) {
  net.forward(data.x);
  net.backward(data.y);
  const norms = net.gradNorms().map((g) => g.W);
  const saturated = net.stats().map((s) => s.saturated);
  return { norms, saturated, net };
}

const sigmoid = nn.net(sizes, { activation: 'sigmoid', loss: 'bce', seed: 2 });
const careless = sigmoid.clone();
for (const layer of careless.layers) {
  const w = layer.W.value;
  for (let k = 0; k < w.length; k++) {
    w[k] *= 8;
  }
}
const relu = nn.net(sizes, { activation: 'relu', output: 'sigmoid', loss: 'bce', seed: 2 });
const runs = { 'sigmoid': probe(sigmoid), 'sigmoid ×8': probe(careless), 'relu': probe(relu) };

print('layer │ ‖∂L/∂W‖ sigmoid  sigmoid ×8        relu │ saturated sigmoid  sigmoid ×8  relu (dead)');
for (let l = 0; l < L; l++) {
  const n = Object.values(runs).map((r) => r.norms[l].toExponential(2).padStart(10));
  const s = Object.values(runs).map((r) => (100 * r.saturated[l]).toFixed(1).padStart(6) + '%');
  print(`${String(l + 1).padStart(5)} │     ${n.join('  ')} │           ${s.join('      ')}`);
}

const log10 = (v) => Math.log10(v);
print(plot.line({
  'sigmoid': runs['sigmoid'].norms.map(log10),
  'sigmoid ×8': runs['sigmoid ×8'].norms.map(log10),
  'relu': runs['relu'].norms.map(log10),
}, { title: 'log10 ‖∂L/∂W‖ per layer (input side left)', width: 60, height: 14 }));
print(plot.line({
  'sigmoid': runs['sigmoid'].saturated.slice(0, L - 1),
  'sigmoid ×8': runs['sigmoid ×8'].saturated.slice(0, L - 1),
}, { title: 'fraction of saturated hidden units per layer', width: 60, height: 10 }));
print(plot.histogram(careless.layers[4].a.data));
print('(activations of layer 5 in sigmoid ×8: piled up near 0 and 1, where σ\' ≈ 0)');

// δ of saturated units vs the others, over the hidden layers of sigmoid ×8 (δ = (Wᵀδ_next) ⊙ σ'(z))
let [satSum, satCount, freeSum, freeCount] = [0, 0, 0, 0];
for (const layer of careless.layers.slice(0, L - 1)) {
  const a = layer.a.data;
  const delta = layer.delta.data;
  for (let k = 0; k < a.length; k++) {
    if (a[k] < 0.01 || a[k] > 0.99) {
      [satSum, satCount] = [satSum + Math.abs(delta[k]), satCount + 1];
    } else {
      [freeSum, freeCount] = [freeSum + Math.abs(delta[k]), freeCount + 1];
    }
  }
}
const throttle = (satSum / satCount) / (freeSum / freeCount);
print(`sigmoid ×8: mean |δ| of saturated units is ${(100 * throttle).toFixed(2)}% of the unsaturated units' mean |δ|`);

const ratio = (r) => r.norms[0] / r.norms[L - 1];
for (const name of Object.keys(runs)) {
  print(`${name.padEnd(10)}: first/last layer gradient ${ratio(runs[name]).toExponential(2)}`);
}
const meanSaturated = (r) => r.saturated.slice(0, L - 1).reduce((a, b) => a + b, 0) / (L - 1);
assert(ratio(runs['sigmoid']) < 1e-3, 'nine sigmoid layers should shrink the first layer\'s gradient below 1/1000 of the last');
assert(throttle < 0.05, 'saturated units should pass back under 5% of the δ of unsaturated ones');
assert(ratio(runs['relu']) > 1000 * ratio(runs['sigmoid']), 'ReLU should keep orders of magnitude more of the gradient');
assert(meanSaturated(runs['sigmoid']) < 0.05, 'with Xavier init few sigmoid units should be saturated');
assert(meanSaturated(runs['sigmoid ×8']) > 0.2, 'with weights ×8 many sigmoid units should be saturated');
print('deep sigmoid: the gradient vanishes on the way back and saturated units pass nothing back; ReLU keeps it');
