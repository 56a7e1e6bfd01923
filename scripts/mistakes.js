// mistakes.js — the lesson's common mistakes, made on purpose, and caught.
//
// Part 1, the guards: the training trio must run as forward → backward → step. Calling backward
// with no forward, or after the weights changed (a step, a write through a view: "using updated
// weights mid-backward"), throws StaleForwardError; stepping twice on the same gradients throws
// StaleGradientError unless asked for with { reuse: true }.
// Part 2, net.checkGrads: the lesson's gradients are computed by hand in JavaScript for the toy
// network (x = [0.5, 0.9], y = 1), once right and once with each classic mistake — a flipped sign,
// a dropped σ', a sum instead of a batch mean, a transposed ∂L/∂W, δ sent back through weights
// already updated — and checkGrads must name each one.
//
// Run:  ./backprop run scripts/mistakes.js

/** Runs fn, requires it to throw the error called `name`, and prints the message a learner sees. */
function expectError(name, what, fn) {
  let caught = null;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert(caught !== null, `${what}: expected ${name}, but nothing was thrown`);
  assert(caught.name === name, `${what}: expected ${name}, got ${caught.name}: ${caught.message}`);
  print(`✓ ${what}\n    ${caught.name}: ${caught.message}`);
}

const x = [0.5, 0.9];
const y = [1];

print('— Part 1: the guards —');
expectError('StaleForwardError', 'backward with no forward', () => nn.toy().backward(y));
expectError('StaleForwardError', 'backward after a step (updated weights mid-backward)', () => {
  const net = nn.toy();
  net.forward(x);
  net.backward(y);
  net.step(0.5);
  net.backward(y);
});
expectError('StaleForwardError', 'backward after editing a weight through its view', () => {
  const net = nn.toy();
  net.forward(x);
  net.layers[0].W.value[0] += 0.1;
  net.backward(y);
});
expectError('StaleGradientError', 'a second step on the same gradients', () => {
  const net = nn.toy();
  net.forward(x);
  net.backward(y);
  net.step(0.5);
  net.step(0.5);
});
const reused = nn.toy();
reused.forward(x);
reused.backward(y);
reused.step(0.5).step(0.5, { reuse: true });
print('✓ step(lr, { reuse: true }) takes a second step on purpose');

print('\n— Part 2: checkGrads names the mistake —');
const sigmoid = (z) => 1 / (1 + Math.exp(-z));

/**
 * The toy network's gradients by hand for a batch, the lesson's way, with switches for the mistakes.
 * Returns { W1, W2 } flat and row-major (W1 reads [h1·x1, h1·x2, h2·x1, h2·x2]).
 */
function handGradients(net, xs, ys, mistake = {}) {
  const [W1, b1] = [net.layers[0].W, net.layers[0].b];
  const [W2, b2] = [net.layers[1].W, net.layers[1].b];
  const gW1 = [0, 0, 0, 0];
  const gW2 = [0, 0];
  const B = xs.length;
  for (let n = 0; n < B; n++) {
    const xn = xs[n];
    // forward: a = σ(W₁x + b₁), ŷ = σ(W₂a + b₂)
    const a = [0, 1].map((j) => sigmoid(W1.get(j, 0) * xn[0] + W1.get(j, 1) * xn[1] + b1.get(0, j)));
    const yHat = sigmoid(W2.get(0, 0) * a[0] + W2.get(0, 1) * a[1] + b2.get(0, 0));
    // δ_o = (ŷ − y)·σ'(z_o), with σ'(z) = ŷ(1 − ŷ)
    const error = mistake.signFlipped ? ys[n][0] - yHat : yHat - ys[n][0];
    const dOut = mistake.outputDerivativeDropped ? error : error * yHat * (1 - yHat);
    const gW2n = [dOut * a[0], dOut * a[1]];
    // the weights δ goes back through: W₂, or W₂ after the update w ← w − η·∂L/∂w (the mistake)
    const w2 = mistake.staleLr ? [0, 1].map((j) => W2.get(0, j) - mistake.staleLr * gW2n[j]) : [W2.get(0, 0), W2.get(0, 1)];
    // δ_h = (W₂ᵀδ_o) ⊙ a(1 − a)
    const dHidden = [0, 1].map((j) => w2[j] * dOut * (mistake.hiddenDerivativeDropped ? 1 : a[j] * (1 - a[j])));
    const scale = mistake.notAveraged ? 1 : 1 / B;
    for (let j = 0; j < 2; j++) {
      gW2[j] += scale * gW2n[j];
      for (let i = 0; i < 2; i++) {
        // ∂L/∂W₁[j][i] = δ_h[j]·x[i]; transposed writes it at [i][j]
        gW1[mistake.transposed ? i * 2 + j : j * 2 + i] += scale * dHidden[j] * xn[i];
      }
    }
  }
  return { W1: gW1, W2: gW2 };
}

/** Forward and backward on the network, then checkGrads on `mine`; requires the expected statuses. */
function diagnose(title, xs, ys, mistake, expected) {
  const net = nn.toy();
  net.forward(xs);
  net.backward(ys);
  const mine = handGradients(net, xs, ys, mistake);
  const verdict = net.checkGrads(pick(mine, Object.keys(expected)));
  print(`${title}:`);
  for (const [param, status] of Object.entries(expected)) {
    const v = verdict[param];
    print(`    ${param}: ${v.status}${v.status === 'ok' ? '' : ' (index ' + v.index + ') — ' + v.message}`);
    assert(v.status === status, `${title}: expected ${param} to be '${status}', checkGrads said '${v.status}': ${v.message}`);
  }
  assert(verdict.ok === Object.values(expected).every((s) => s === 'ok'), `${title}: ok should be ${!verdict.ok}`);
}
function pick(o, keys) {
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}

const batchX = [[0.5, 0.9], [0.1, 0.3], [0.7, 0.2]];
const batchY = [[1], [0], [1]];
diagnose('right, as in the lesson', [x], [y], {}, { W1: 'ok', W2: 'ok' });
diagnose('sign error: δ_o = (y − ŷ)·σ\'', [x], [y], { signFlipped: true }, { W1: 'signFlipped', W2: 'signFlipped' });
diagnose('σ\' dropped at the output', [x], [y], { outputDerivativeDropped: true }, { W2: 'derivativeDropped' });
diagnose('σ\' dropped in the hidden layer', [x], [y], { hiddenDerivativeDropped: true }, { W1: 'derivativeDropped', W2: 'ok' });
diagnose('batch of 3 summed, not averaged', batchX, batchY, { notAveraged: true }, { W1: 'notAveraged', W2: 'notAveraged' });
diagnose('∂L/∂W₁ transposed', [x], [y], { transposed: true }, { W1: 'transposed', W2: 'ok' });
diagnose('δ_h sent back through W₂ already updated (η = 0.5)', [x], [y], { staleLr: 0.5 }, { W1: 'staleWeights', W2: 'ok' });
diagnose('right, batch of 3', batchX, batchY, {}, { W1: 'ok', W2: 'ok' });
print('\nevery mistake was caught and named');
