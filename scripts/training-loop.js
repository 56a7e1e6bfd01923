// training-loop.js — XOR with a hand-written training loop.
//
// No fit(): the loop is the lesson's forward → backward → step, repeated over the whole batch of
// four examples until the loss drops below 0.01. Shows that one hidden layer learns XOR, which no
// single neuron can.
//
// Run:  ./backprop run scripts/training-loop.js

const x = [[0, 0], [0, 1], [1, 0], [1, 1]];
const y = [[0], [1], [1], [0]];

const net = nn.net([2, 4, 1], { activation: 'tanh', output: 'sigmoid', loss: 'squared', seed: 7 });
const lr = 0.5;
let loss = Infinity;
let epoch = 0;
while (loss >= 0.01) {
  net.forward(x);
  loss = net.backward(y);
  net.step(lr);
  epoch++;
  if (epoch % 500 === 0) {
    print('epoch', epoch, 'loss', loss.toFixed(5));
  }
  assert(epoch < 20000, 'XOR should train in well under 20000 epochs; the loss is stuck at ' + loss);
}
print('loss', loss.toFixed(5), '< 0.01 after', epoch, 'epochs');

const out = net.predict(x);
x.forEach((row, i) => {
  print(`  ${row[0]} xor ${row[1]} → ${out[i][0].toFixed(3)} (want ${y[i][0]})`);
  assert(Math.round(out[i][0]) === y[i][0], `${row[0]} xor ${row[1]} should be ${y[i][0]}, got ${out[i][0]}`);
});
