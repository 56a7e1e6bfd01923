// optimizers.js — plain SGD, SGD with momentum and Adam on the two-arm spiral; and Adam by hand.
//
// The same seeded 2 → 32 → 32 → 1 ReLU network (three clones of one network) trains on the spiral
// for the same epochs, batches and order with three optimizers at the same base rate; their loss
// curves are printed as a chart. Plain SGD crawls along the spiral's long narrow valleys; momentum
// and Adam get through them and separate both arms. Then Adam is written out in JavaScript
// over net.params()' live views (Kingma & Ba, Algorithm 1) and run side by side with nn.adam on two
// clones for two epochs of mini-batches: every weight must match to 1e-12.
//
// Run:  ./backprop run scripts/optimizers.js

const data = nn.data.spiral({ n: 200, noise: 0, seed: 1 });
const base = nn.net([2, 32, 32, 1], { activation: 'relu', output: 'sigmoid', loss: 'bce', seed: 5 });
print(`spiral: ${data.size} points; network ${base.params().map((p) => p.name + ' [' + p.shape + ']').join(', ')}`);

const epochs = 200;
const runs = {
  sgd: nn.sgd({ lr: 0.05 }),
  momentum: nn.sgd({ lr: 0.05, momentum: 0.9 }),
  adam: nn.adam({ lr: 0.01 }),
};
const curves = {};
const finalLoss = {};
const accuracy = {};
for (const name of Object.keys(runs)) {
  const net = base.clone();
  const history = net.fit(data, { epochs, batchSize: 20, optimizer: runs[name], seed: 8 });
  curves[name] = history.loss;
  finalLoss[name] = history.loss[epochs - 1];
  accuracy[name] = nn.accuracy(net, data);
  print(`${name.padEnd(8)}: loss ${history.loss[0].toFixed(4)} → ${finalLoss[name].toFixed(4)},`
    + ` accuracy ${(100 * accuracy[name]).toFixed(1)}%`);
}
print(plot.line(curves, { title: 'spiral: training loss per epoch', width: 60, height: 16 }));
assert(finalLoss.momentum < 0.5 * finalLoss.sgd, 'momentum should end far below plain SGD');
assert(finalLoss.adam < 0.5 * finalLoss.sgd, 'Adam should end far below plain SGD');
assert(accuracy.momentum >= 0.95 && accuracy.adam >= 0.95, 'momentum and Adam should separate the two arms (≥ 95%)');

/** Adam (Kingma & Ba 2015, Algorithm 1) over a network's parameters, written against the live views. */
class HandAdam {
  constructor(net, { lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8 } = {}) {
    Object.assign(this, { lr, beta1, beta2, eps, t: 0 });
    this.params = net.params().filter((p) => p.trainable);
    this.m = this.params.map((p) => new Float64Array(p.size)); // first moment
    this.v = this.params.map((p) => new Float64Array(p.size)); // second moment
  }

  step() {
    const { lr, beta1, beta2, eps } = this;
    this.t++;
    this.params.forEach((p, i) => {
      const w = p.value, g = p.grad, m = this.m[i], v = this.v[i];
      for (let k = 0; k < p.size; k++) {
        m[k] = beta1 * m[k] + (1 - beta1) * g[k];           // m ← β₁m + (1−β₁)g
        v[k] = beta2 * v[k] + (1 - beta2) * g[k] * g[k];    // v ← β₂v + (1−β₂)g²
        const mHat = m[k] / (1 - Math.pow(beta1, this.t));  // bias corrections
        const vHat = v[k] / (1 - Math.pow(beta2, this.t));
        w[k] -= lr * mHat / (Math.sqrt(vHat) + eps);        // w ← w − α·m̂/(√v̂ + ε)
      }
    });
  }
}

const theirs = base.clone();
const mine = base.clone();
const adam = nn.adam({ lr: 0.01 });
const hand = new HandAdam(mine, { lr: 0.01 });
let steps = 0;
for (let epoch = 0; epoch < 2; epoch++) {
  for (const batch of data.batches(20, { shuffle: true, seed: 100 + epoch })) {
    theirs.forward(batch.x);
    theirs.backward(batch.y);
    theirs.step(adam);
    mine.forward(batch.x);
    mine.backward(batch.y);
    hand.step();
    steps++;
  }
}
let worst = 0;
theirs.params().forEach((p, i) => {
  const q = mine.params()[i];
  assertClose(q.value, p.value, 1e-12, `hand-written Adam vs nn.adam, ${p.name} after ${steps} steps`);
  for (let k = 0; k < p.size; k++) {
    worst = Math.max(worst, Math.abs(q.value[k] - p.value[k]));
  }
});
assert(steps === 20, `two epochs of 10 batches each, got ${steps} steps`);
print(`hand-written Adam matches nn.adam after ${steps} steps: largest difference ${worst === 0 ? '0' : worst.toExponential(1)}`
  + ' (tolerance 1e-12)');
