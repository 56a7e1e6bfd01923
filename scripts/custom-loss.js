// custom-loss.js — your own loss, written in JavaScript, backpropagated with net.backwardFrom.
//
// The engine knows four losses; any other is a few lines of JS. A loss L(ŷ, y) needs two things:
// its value, and its gradient ∂L/∂ŷ for every output of every example. net.backwardFrom(grad) takes
// that gradient ([B, outputs], like targets) and does the rest: the output activation's derivative,
// δ for every layer and ∂L/∂p for every parameter. It does NOT divide by B: grad is the derivative
// of your L, so a mean over the batch brings its own 1/B (here: every ∂Lᵢ/∂ŷ is divided by B).
//
// Two losses, each checked against central differences (L(p + ε) − L(p − ε)) / 2ε on every weight:
//   Huber (δ = 1) on a 3 → 6 → 2 regression net:  Lᵢ = ½r² if |r| ≤ 1, else |r| − ½, with r = ŷ − y;
//     ∂L/∂ŷ = r / B (clipped to ±1/B outside the quadratic zone)
//   hinge on a 2 → 8 → 1 classifier with labels ±1: Lᵢ = max(0, 1 − y·ŷ); ∂L/∂ŷ = −y / B where 1 − y·ŷ > 0
// Then the hinge net trains on the moons with the hand-written loss, and Huber with δ = ∞ is shown
// to be the built-in 'squared' loss (same gradients to 1e-15).
//
// Run:  ./backprop run scripts/custom-loss.js

const EPS = 1e-6;

/** Central differences of lossOf(net) for every parameter element, compared with what backwardFrom left. */
function checkAgainstDifferences(name, net, lossOf) {
  let worst = 0;
  for (const p of net.params()) {
    const analytic = Float64Array.from(p.grad);
    for (let k = 0; k < p.size; k++) {
      const w = p.value[k];
      p.value[k] = w + EPS;
      const plus = lossOf(net);
      p.value[k] = w - EPS;
      const minus = lossOf(net);
      p.value[k] = w;
      const numeric = (plus - minus) / (2 * EPS);
      const err = Math.abs(analytic[k] - numeric) / Math.max(1, Math.abs(numeric));
      worst = Math.max(worst, err);
      assertClose(analytic[k], numeric, 1e-7, `${name}: ∂L/∂${p.name}[${k}]`);
    }
  }
  print(`${name}: backwardFrom's gradients match central differences on every weight (largest relative difference`
    + ` ${worst.toExponential(1)})`);
}

// ---- Huber ------------------------------------------------------------------------------------------
function huber(out, y, delta) {
  let sum = 0;
  out.forEach((row, i) => row.forEach((v, k) => {
    const r = Math.abs(v - y[i][k]);
    sum += r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
  }));
  return sum / out.length;
}
function huberGrad(out, y, delta) {
  return out.map((row, i) => row.map((v, k) => Math.max(-delta, Math.min(delta, v - y[i][k])) / out.length));
}

const xr = [];
const yr = [];
for (let i = 0; i < 8; i++) {
  xr.push([Math.sin(i), Math.cos(1.7 * i), (i - 3.5) / 4]);
  yr.push([3 * Math.sin(2 * i), i % 3 - 1]); // some residuals land outside |r| ≤ 1, some inside
}
const reg = nn.net([3, 6, 2], { activation: 'tanh', output: 'identity', seed: 4 });
const outR = reg.forward(xr);
const inside = outR.flat().filter((v, j) => Math.abs(v - yr.flat()[j]) <= 1).length;
print(`Huber: ${inside} of ${outR.length * 2} residuals in the quadratic zone, loss ${huber(outR, yr, 1).toFixed(6)}`);
assert(inside > 0 && inside < outR.length * 2, 'both branches of Huber should be exercised');
reg.backwardFrom(huberGrad(outR, yr, 1));
checkAgainstDifferences('Huber', reg, (n) => huber(n.predict(xr), yr, 1));

// With δ = ∞ Huber is ½r² averaged over the batch: the built-in 'squared' loss.
const sq = nn.net([3, 6, 2], { activation: 'tanh', output: 'identity', loss: 'squared', seed: 4 });
sq.forward(xr);
sq.backward(yr);
reg.backwardFrom(huberGrad(reg.forward(xr), yr, Infinity));
assertClose(reg.params().map((p) => Array.from(p.grad)), sq.params().map((p) => Array.from(p.grad)), 1e-15,
  'Huber with δ = ∞ vs loss \'squared\'');
print("Huber with δ = ∞ gives the built-in 'squared' loss's gradients (to 1e-15)");

// ---- hinge ------------------------------------------------------------------------------------------
function hinge(out, y) {
  return out.reduce((s, row, i) => s + Math.max(0, 1 - y[i] * row[0]), 0) / out.length;
}
function hingeGrad(out, y) {
  return out.map((row, i) => [1 - y[i] * row[0] > 0 ? -y[i] / out.length : 0]);
}

const moons = nn.data.moons({ n: 100, noise: 0.1, seed: 3 });
const xm = moons.x.toArray();
const ym = moons.y.toArray().map((r) => (r[0] === 1 ? 1 : -1));
const clf = nn.net([2, 8, 1], { activation: 'tanh', output: 'identity', seed: 6 });
const few = xm.slice(0, 10), fewY = ym.slice(0, 10);
clf.backwardFrom(hingeGrad(clf.forward(few), fewY));
checkAgainstDifferences('hinge', clf, (n) => hinge(n.predict(few), fewY));

const before = hinge(clf.predict(xm), ym);
for (let k = 0; k < 200; k++) {
  const out = clf.forward(xm);
  clf.backwardFrom(hingeGrad(out, ym));
  clf.step(0.3);
}
const scores = clf.predict(xm);
const after = hinge(scores, ym);
const right = scores.filter((row, i) => Math.sign(row[0]) === ym[i]).length;
print(`hinge on the moons, 200 full-batch steps: loss ${before.toFixed(4)} → ${after.toFixed(4)}, ${right} of ${ym.length} right`);
assert(after < before / 3, 'training on the hand-written hinge loss should lower it');
assert(right >= 85, 'at least 85 of the 100 moons should end on the right side');
