// circle-boundary.js — watching a decision boundary form: a disc inside a ring.
//
// 200 points of the TensorFlow Playground's "circle" set (label 1 inside radius 0.5, label 0 in the
// ring 0.7–1). A 2 → 8 → 8 → 1 tanh network starts with a boundary that cuts the plane almost at
// random; after training it closes into a loop around the inner disc. The boundary is drawn before
// and after, and saved with the loss curve as PNG files into the write root (the current folder
// under `backprop run`): circle-boundary.png and circle-loss.png.
//
// Run:  ./backprop run scripts/circle-boundary.js

const data = nn.data.circle({ n: 200, noise: 0, seed: 1 });
const [train, test] = data.split(0.8, 2);
print(`circle: ${train.size} training and ${test.size} test points, ${data.features} features, ${data.classes} classes`);

const net = nn.net([2, 8, 8, 1], { activation: 'tanh', output: 'sigmoid', loss: 'bce', seed: 3 });

const accBefore = nn.accuracy(net, test);
print(`before training: test accuracy ${(100 * accBefore).toFixed(1)}%`);
print(plot.boundary(net, data, { width: 48, height: 20 }));

const history = net.fit(train, { epochs: 300, batchSize: 16, lr: 0.1, seed: 4, validation: test });

const accAfter = nn.accuracy(net, test);
print(`after ${history.loss.length} epochs: loss ${history.loss[0].toFixed(4)} → ${history.loss[history.loss.length - 1].toFixed(4)},`
  + ` test accuracy ${(100 * accAfter).toFixed(1)}%`);
const boundary = plot.boundary(net, data, { width: 48, height: 20 });
print(boundary);

const loss = plot.line({ train: history.loss, validation: history.valLoss }, { title: 'circle: loss per epoch' });
print(loss);

plot.save(boundary, 'circle-boundary.png');
plot.save(loss, 'circle-loss.png');
print('saved circle-boundary.png and circle-loss.png');

assert(accBefore < 0.8, 'an untrained network should not already separate the circle');
assert(accAfter >= 0.95, `the trained network should classify at least 95% of the test points, got ${accAfter}`);
assert(history.valLoss[history.valLoss.length - 1] < 0.5 * history.valLoss[0], 'the validation loss should at least halve');
