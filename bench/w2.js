// W2 from JavaScript: one Fashion-MNIST epoch (784-128-64-10, ReLU, softmax + crossEntropy, SGD lr 0.1,
// batch 64) trained by a user's JS loop and by net.fit, alternately in one process (bench/w2_js_ours.sh).
// Each epoch starts from the same He init (seed 1); both shuffle with seed 2 through the Dataset API.
// usage: backprop run bench/w2.js --read-root DIR --max-elements 50000000 --time-limit none -- DIR REPS
//   prints  LOOP <seconds> <mean loss>  and  FIT <seconds> <mean loss>  per epoch, one pair per repeat in alternating
//   order (the first pairs are warm-up)
// fit draws each epoch's shuffle from its seed and the loop uses seed 2 directly: same work, slightly different order.
'use strict';
const dir = args[0] || '/usr/share/datasets/fashion-mnist';
const reps = Number(args[1] || 5);
const train = nn.data.idx(`${dir}/train-images-idx3-ubyte.gz`, `${dir}/train-labels-idx1-ubyte.gz`);
const now = () => Date.now() / 1e3;
const fresh = () => nn.net([784, 128, 64, 10],
  { activation: 'relu', output: 'softmax', loss: 'crossEntropy', init: 'he', seed: 1 });

function loopEpoch() {
  const net = fresh();
  const t = now();
  let sum = 0;
  let n = 0;
  for (const b of train.batches(64, { shuffle: true, seed: 2 })) {
    net.forward(b.x);
    const rows = b.x.shape[0];
    sum += net.backward(b.y) * rows; // fit reports the mean over examples (the last batch has 32)
    net.step(0.1);
    n += rows;
  }
  return [now() - t, sum / n];
}

function fitEpoch() {
  const net = fresh();
  const t = now();
  const h = net.fit(train, { epochs: 1, batchSize: 64, lr: 0.1, shuffle: true, seed: 2 });
  return [now() - t, h.loss[0]];
}

// The order alternates (loop, fit, fit, loop, …): while the process is still warming up every epoch is faster
// than the one before, which a fixed order would credit to whichever runs second.
const loop = () => { const [t, l] = loopEpoch(); print(`LOOP ${t.toFixed(3)} ${l.toFixed(6)}`); };
const fit = () => { const [t, l] = fitEpoch(); print(`FIT ${t.toFixed(3)} ${l.toFixed(6)}`); };
for (let r = 0; r < reps; r++) {
  if (r % 2 === 0) {
    loop();
    fit();
  } else {
    fit();
    loop();
  }
}
