// bias-updates.js — moving the biases by hand: ∂L/∂b = δ.
//
// The lesson keeps the biases fixed. Here the toy network's biases stay frozen (step skips them)
// and the script updates them itself, b ← b − η·δ, using each layer's δ from backward (a bias is
// a weight whose input is always 1). A second toy network with trainBiases: true lets step do it;
// after every step both networks must hold the same numbers.
//
// Run:  ./backprop run scripts/bias-updates.js

const mine = nn.toy();                          // biases frozen: we update them
const auto = nn.toy({ trainBiases: true });     // step updates them
const x = [0.5, 0.9];
const y = [1];
const eta = 0.5;

for (let t = 1; t <= 5; t++) {
  mine.forward(x);
  const L = mine.backward(y);
  auto.forward(x);
  auto.backward(y);

  for (const layer of mine.layers) {
    const delta = layer.delta.row(0);             // δ of this layer for our one example
    assertClose(layer.b.grad, delta, 1e-15, `∂L/∂b${layer.index} = δ`);
    const b = layer.b.value;                      // live view: writing it edits the network
    for (let j = 0; j < b.length; j++) {
      b[j] -= eta * delta[j];                     // b ← b − η·∂L/∂b, with ∂L/∂b = δ
    }
  }
  mine.step(eta);                                 // the weights, as usual
  auto.step(eta);

  const pm = mine.params(), pa = auto.params();
  for (let i = 0; i < pm.length; i++) {
    assertClose(pm[i].value, pa[i].value, 1e-12, `step ${t}: ${pm[i].name}`);
  }
  print(`step ${t}: L = ${L.toFixed(6)}  b1 = [${Array.from(mine.layers[0].b.value, (v) => v.toFixed(6))}]`
    + `  b2 = ${mine.layers[1].b.value[0].toFixed(6)}  (same as trainBiases)`);
}
print('hand-made bias updates match trainBiases: ∂L/∂b = δ');
