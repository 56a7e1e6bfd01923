// W1 toy step driven from JS through the script API (bench/w1_ours.sh runs it with ./backprop run).
// The peers' workload (bench/peers/README.md): 2-2-1 sigmoid net, ½(ŷ−y)², per-example SGD,
// lr 0.5, XOR examples in order; one timed step = forward + backward + step of all nine parameters.
// usage: backprop run bench/w1.js --time-limit none -- STEPS RUNS WARMUP_STEPS   (prints CHECK / RUN / SINK)
'use strict';
const LR = 0.5;
const X = [[0, 0], [0, 1], [1, 0], [1, 1]];
const Y = [[0], [1], [1], [0]];
const now = () => Date.now() / 1e3; // the sandbox has no performance.now(); runs last ≥ 0.5 s, so ms are enough

function check() {
  const net = nn.toy(); // the lesson: biases frozen for the first-step check, as the reference
  const yhat = net.forward([0.5, 0.9])[0];
  const loss = net.backward([1]);
  const g = Object.fromEntries(net.params().map((p) => [p.name, Array.from(p.grad)]));
  net.step(LR);
  const ya = net.predict([0.5, 0.9])[0];
  const q = nn.toy({ trainBiases: true });
  for (let s = 0; s < 1000; s++) { q.forward(X[s & 3]); q.backward(Y[s & 3]); q.step(LR); }
  let xor = 0;
  for (let i = 0; i < 4; i++) { const v = q.predict(X[i])[0] - Y[i][0]; xor += 0.5 * v * v / 4; }
  return { yhat, loss, dW1: g.W1, db1: g.b1, dW2: g.W2, db2: g.b2[0],
    yhat_after: ya, loss_after: 0.5 * (ya - 1) ** 2, xor_1000: xor };
}

function run(steps) {
  const net = nn.toy({ trainBiases: true });
  let s = 0;
  const t = now();
  for (let i = 0; i < steps; i++) { net.forward(X[i & 3]); s += net.backward(Y[i & 3]); net.step(LR); }
  return [now() - t, s];
}

const [steps, runs, warm] = (args.length >= 3 ? args : ['1000000', '5', '200000']).map(Number);
print('CHECK ' + JSON.stringify(check()));
let sink = run(warm)[1];
for (let r = 0; r < runs; r++) {
  const [dt, s] = run(steps);
  sink += s;
  print(`RUN ${dt.toFixed(6)} ${steps}`);
}
print(`SINK ${sink} backprop`);
