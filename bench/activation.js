// A custom activation written in JS (nn.activation) against the built-in tanh on the W2 shapes:
// 784 → 128 → 10 (hidden tanh or 'jsTanh', softmax + crossEntropy), batches of 64, SGD lr 0.1.
// jsTanh is f = Math.tanh, df = 1 − a²: the same numbers as tanh (asserted), so the difference is the
// per-layer call into JS and its per-element loop. Synthetic inputs (seeded uniform [0, 1)), 60 fixed batches.
// usage: backprop run bench/activation.js --max-elements 50000000 --time-limit none -- REPS STEPS
//   prints  <name> <ms per step (forward+backward+step)> <ms per forward>  per rep, tanh and jsTanh alternating
'use strict';
const reps = Number(args[0] || 7);
const steps = Number(args[1] || 300);
nn.activation('jsTanh', { f: Math.tanh, df: (z, a) => 1 - a * a });
let s = 12345;
const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
const batches = [];
for (let b = 0; b < 60; b++) {
  const x = nn.matrix(64, 784);
  for (let k = 0; k < x.size; k++) x.data[k] = rand();
  const y = Array.from({ length: 64 }, () => Math.floor(rand() * 10));
  batches.push({ x, y });
}
const fresh = (act) => nn.net([784, 128, 10], { activation: act, output: 'softmax', loss: 'crossEntropy', seed: 1 });
const a = fresh('tanh'), b = fresh('jsTanh');
assertClose(a.forward(batches[0].x), b.forward(batches[0].x), 1e-15, 'jsTanh computes what tanh does');

function run(act) {
  const net = fresh(act);
  let t = Date.now();
  for (let i = 0; i < steps; i++) {
    const { x, y } = batches[i % batches.length];
    net.forward(x);
    net.backward(y);
    net.step(0.1);
  }
  const train = (Date.now() - t) / steps;
  t = Date.now();
  for (let i = 0; i < steps; i++) {
    net.forward(batches[i % batches.length].x);
  }
  return [train, (Date.now() - t) / steps];
}
for (let r = 0; r < reps; r++) {
  for (const act of ['tanh', 'jsTanh']) {
    const [train, fwd] = run(act);
    print(`${act} ${train.toFixed(3)} ${fwd.toFixed(3)}`);
  }
}
