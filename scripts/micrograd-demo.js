// micrograd-demo.js — Karpathy's micrograd demo, reproduced with a loss written in JavaScript.
//
// micrograd's demo.ipynb: 100 points of make_moons (noise 0.1), labels turned into −1 / +1, an MLP
// 2 → 16 → 16 → 1 with ReLU and a linear output, the max-margin (SVM) loss with L2 regularisation
//     L = (1/B)·Σᵢ max(0, 1 − yᵢ·sᵢ)  +  α·Σ_p p²,   α = 1e-4,
// 100 full-batch steps of plain gradient descent with the learning rate 1.0 − 0.9·k/100.
// The data term's gradient goes through net.backwardFrom (∂L/∂sᵢ = −yᵢ/B where the margin is violated);
// the L2 term's, 2α·p, is added into param.grad by hand (nn.axpy) before each step. The demo ends
// with 100% training accuracy; here at least 95% is asserted, and the boundary is drawn.
//
// Run:  ./backprop run scripts/micrograd-demo.js

const data = nn.data.moons({ n: 100, noise: 0.1, seed: 1 });
const x = data.x;
const y = data.y.toArray().map((r) => (r[0] === 1 ? 1 : -1)); // make_moons' 0 / 1 as −1 / +1
const B = y.length;
const ALPHA = 1e-4;

const net = nn.net([2, 16, 16, 1], { activation: 'relu', output: 'identity', seed: 1 });
const params = net.params();

/** The max-margin loss, its gradient with respect to the scores, and the accuracy. */
function svm(scores) {
  let data = 0;
  let right = 0;
  const grad = new Float64Array(B);
  for (let i = 0; i < B; i++) {
    const s = scores.data[i];
    const margin = 1 - y[i] * s;
    if (margin > 0) {
      data += margin / B;
      grad[i] = -y[i] / B; // ∂/∂sᵢ of (1/B)·max(0, 1 − yᵢ·sᵢ)
    }
    right += (s > 0) === (y[i] > 0) ? 1 : 0;
  }
  let reg = 0;
  for (const p of params) {
    for (const w of p.value) {
      reg += w * w;
    }
  }
  return { loss: data + ALPHA * reg, grad, accuracy: right / B };
}

const losses = [];
let last;
for (let k = 0; k < 100; k++) {
  const scores = net.forward(x);
  last = svm(scores);
  losses.push(last.loss);
  net.backwardFrom(last.grad); // a Float64Array of B values: one per example
  for (const p of params) {
    nn.axpy(2 * ALPHA, p.value, p.grad); // + ∂(α·Σp²)/∂p = 2α·p
  }
  net.step(1.0 - 0.9 * k / 100);
  if (k % 10 === 0 || k === 99) {
    print(`step ${String(k).padStart(2)} loss ${last.loss.toFixed(6)}, accuracy ${(100 * last.accuracy).toFixed(0)}%`);
  }
}
const final = svm(net.predict(x));
print(`after 100 steps: loss ${final.loss.toFixed(6)}, training accuracy ${(100 * final.accuracy).toFixed(0)}%`);
assert(final.accuracy >= 0.95, `the demo should reach at least 95% training accuracy, got ${final.accuracy}`);
assert(final.loss < losses[0] / 5, 'the loss should fall well below its start');
print(plot.line(losses, { title: 'max-margin loss + L2 per step', width: 60, height: 10 }));

// plot.boundary colours ŷ ≥ 0.5; the same weights with a sigmoid output give σ(s) ≥ 0.5 exactly where s ≥ 0.
const shown = nn.net([2, 16, 16, 1], { activation: 'relu', output: 'sigmoid', seed: 1 });
shown.params().forEach((p, i) => {
  p.value = params[i].value;
});
assertClose(nn.accuracy(shown, data), final.accuracy, 0, 'the plotted network classifies as the trained one');
print(plot.boundary(shown, data, { title: 'moons: the decision boundary s = 0', width: 56, height: 22 }));
