// xor.js — XOR, the problem a single layer cannot solve, learned by a 2 → 4 → 1 network.
//
// No straight line separates XOR's two classes, so a network without a hidden layer cannot get all
// four points right. Two ways to train the same seeded network: the lesson's loop written out
// (forward → backward → step) and net.fit. Both must reach the same weights, bit for bit, because
// fit with one full batch and no shuffling runs exactly that loop. Then every point is checked.
//
// Run:  ./backprop run scripts/xor.js

const data = nn.data.xor();
print('XOR:', data.size, 'examples,', data.features, 'features,', data.classes, 'classes');
const rows = data.x.toArray();
const labels = data.y.toArray().map((r) => r[0]);
for (let i = 0; i < data.size; i++) {
  print('  x =', rows[i], ' y =', labels[i]);
}

const options = { activation: 'tanh', output: 'sigmoid', loss: 'bce', seed: 7 };
const epochs = 500;
const lr = 0.5;

// 1. The lesson's loop, by hand: one full batch of 4 per step.
const byHand = nn.net([2, 4, 1], options);
const before = byHand.loss(data.x, data.y);
for (let epoch = 0; epoch < epochs; epoch++) {
  byHand.forward(data.x);
  byHand.backward(data.y);
  byHand.step(lr);
}
const after = byHand.loss(data.x, data.y);
print(`loop: loss ${before.toFixed(4)} → ${after.toFixed(4)} after ${epochs} steps of lr ${lr}`);

// 2. The same with net.fit: batchSize 4 and no shuffle means the same steps in the same order.
const byFit = nn.net([2, 4, 1], options);
const history = byFit.fit(data, { epochs, batchSize: 4, lr, shuffle: false });
print(`fit:  loss ${history.loss[0].toFixed(4)} → ${history.loss[epochs - 1].toFixed(4)} (mean loss of each epoch's forward)`);
assert(history.loss.length === epochs, 'fit reports one loss per epoch');
byHand.params().forEach((p, i) => {
  assertClose(byFit.params()[i].value, p.value, 0, `fit and the hand loop give the same ${p.name}`);
});
print('fit and the hand-written loop end with identical weights');

// 3. Every point right, with a clear margin.
const yHat = byHand.predict(rows);
for (let i = 0; i < data.size; i++) {
  print(`  ${JSON.stringify(rows[i])} → ŷ = ${yHat[i][0].toFixed(3)} (target ${labels[i]})`);
  assert(Math.abs(yHat[i][0] - labels[i]) < 0.2, `point ${i} should be within 0.2 of its label`);
}
assert(nn.accuracy(byHand, data) === 1, 'all four XOR points should be classified right');
assert(after < 0.1 * before, 'training should cut the loss at least tenfold');
print('accuracy', nn.accuracy(byHand, data), '— a hidden layer solves XOR');
