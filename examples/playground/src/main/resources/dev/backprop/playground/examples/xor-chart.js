// XOR learned by a 2 → 4 → 1 network, and its loss curve saved as an SVG chart.
const data = nn.data.xor();
const net = nn.net([2, 4, 1], { activation: 'tanh', output: 'sigmoid', loss: 'bce', seed: 7 });
const losses = [];
for (let epoch = 0; epoch < 300; epoch++) {
  net.forward(data.x);
  losses.push(net.backward(data.y));
  net.step(0.5);
}
print('loss', losses[0].toFixed(4), '→', losses[losses.length - 1].toFixed(4));
print('predictions', net.predict(data.x).toArray().map((r) => r[0].toFixed(3)).join(' '));
plot.save(plot.line(losses, { title: 'XOR loss' }), 'xor-loss.svg');
