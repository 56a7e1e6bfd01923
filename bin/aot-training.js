// aot-training.js — the workload the launcher runs once, in the background, to build the JDK's
// ahead-of-time cache (bin/prepare-runtime.sh). It touches what most scripts use in their first
// second (the prelude, a network, forward/backward/step, fit, display, an error) so that later starts
// find those classes already loaded and linked. Its output goes to shell/target/app/prepare.log.
const net = nn.toy({ trainBiases: true });
const X = [[0, 0], [0, 1], [1, 0], [1, 1]];
const Y = [[0], [1], [1], [0]];
let loss = 0;
for (let i = 0; i < 2000; i++) {
  net.forward(X[i & 3]);
  loss += net.backward(Y[i & 3]);
  net.step(0.5);
}
print('toy loop', loss.toFixed(6));
const data = nn.data.circle({ n: 64, noise: 0.1, seed: 1 });
const deep = nn.net([2, 8, 1], { activation: 'tanh', output: 'sigmoid', loss: 'bce', seed: 1 });
const history = deep.fit(data, { epochs: 3, batchSize: 16, lr: 0.1 });
print('fit epochs', history.loss.length);
console.log(net, net.layers[0].W, [1, 2, 3], { a: 1 });
try {
  net.forward([1, 2, 3]);
} catch (e) {
  print(e.name, e instanceof ShapeError);
}
