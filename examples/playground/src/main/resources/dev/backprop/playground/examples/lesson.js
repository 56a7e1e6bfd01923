// lesson.js — the lesson's "Step By Step", one number at a time.
//
// The toy network (2 → 2 → 1, sigmoid, biases frozen) with x = [0.50, 0.90] and y = 1:
// forward, loss, δ at the output, the output-weight gradients, δ back to the hidden layer, the
// input-weight gradients, one step with η = 0.5, and the forward pass that shows it helped.
// Every number is printed and asserted against the lesson to its printed precision (3 decimals).
//
// Run:  ./backprop run scripts/lesson.js

const net = nn.toy();
const x = [0.5, 0.9];
const y = [1];
const eta = 0.5;

/** Prints a value with 3 decimals and checks it against the lesson's printed number. */
function show(label, actual, lesson) {
  const values = typeof actual === 'number' ? [actual] : Array.from(actual instanceof nn.Matrix ? actual.data : actual);
  print(label.padEnd(12), '=', values.map((v) => v.toFixed(3)).join(', '));
  assertClose(actual, lesson, 0.0005, label);
}

const [hidden, output] = net.layers;

// Forward · hidden: a = σ(W₁·x + b₁)
const yHat = net.forward(x);
show('a', hidden.a, [0.647, 0.678]);

// Forward · output: ŷ = σ(W₂·a + b₂)
show('ŷ', yHat, [0.762]);

// Loss: L = ½(ŷ − y)²
const L = net.backward(y);
show('L', L, 0.028);

// δ at the output: δ_o = (ŷ − y)·σ'(z_o)
show('δ_o', output.delta, [-0.043]);

// Output weights: ∂L/∂W₂ = δ_o · a
show('∂L/∂W₂', output.W.grad, [-0.028, -0.029]);

// δ back to the hidden layer: δ_h = (W₂·δ_o) ⊙ a(1 − a)
show('δ_h', hidden.delta, [-0.004, -0.004]);

// Input weights: ∂L/∂W₁ = δ_h ⊗ x, row-major [h1·x1, h1·x2, h2·x1, h2·x2]
show('∂L/∂W₁', hidden.W.grad, [-0.002, -0.004, -0.002, -0.004]);

// Update: w ← w − η·∂L/∂w (the biases stay fixed, as in the lesson)
net.step(eta);

// Did it help? A new forward pass with the updated weights.
show('ŷ after', net.forward(x), [0.766]);
show('L after', net.loss(x, y), 0.027);
assert(net.loss(x, y) < L, 'one step should lower the loss');
print('one step: ŷ went up and L went down — every number matches the lesson');
