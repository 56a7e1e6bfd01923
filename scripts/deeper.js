// deeper.js — why deep sigmoid networks learn slowly: vanishing gradients.
//
// Two 8-layer networks (2 → 16 × 7 → 1) with the same data, one with sigmoid hidden layers and one
// with ReLU. One forward and backward each, then the L2 norm of ∂L/∂W per layer: each sigmoid
// layer multiplies δ by σ' ≤ 0.25, so the gradient shrinks on its way back to the first layer;
// ReLU passes it through (σ' = 1 where active).
//
// Run:  ./backprop run scripts/deeper.js

const sizes = [2, 16, 16, 16, 16, 16, 16, 16, 1];

// 64 points of a seeded pattern (a small linear congruential generator keeps the script self-contained)
let state = 12345;
function rand() {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
}
const x = [];
const y = [];
for (let i = 0; i < 64; i++) {
  const p = [rand() * 2 - 1, rand() * 2 - 1];
  x.push(p);
  y.push([p[0] * p[1] > 0 ? 1 : 0]);
}

function norms(activation) {
  const net = nn.net(sizes, { activation, output: 'sigmoid', seed: 3 });
  net.forward(x);
  net.backward(y);
  return net.gradNorms().map((g) => g.W);
}

const sig = norms('sigmoid');
const relu = norms('relu');
print('layer   ‖∂L/∂W‖ sigmoid   ‖∂L/∂W‖ relu');
for (let l = 0; l < sig.length; l++) {
  print(`${String(l + 1).padStart(5)}   ${sig[l].toExponential(3).padStart(15)}   ${relu[l].toExponential(3).padStart(12)}`);
}
const sigRatio = sig[0] / sig[sig.length - 1];
const reluRatio = relu[0] / relu[relu.length - 1];
print(`first/last layer: sigmoid ${sigRatio.toExponential(2)}, relu ${reluRatio.toExponential(2)}`);
assert(sigRatio < 0.01, 'with 7 sigmoid layers the first layer should get under 1% of the last layer\'s gradient');
assert(reluRatio > 100 * sigRatio, 'ReLU should keep far more of the gradient than sigmoid');
print('the sigmoid network\'s first layers barely learn: the gradient vanished on the way back');
