// iris.js — Fisher's iris flowers from a CSV file: three species from four measurements.
//
// Reads scripts/data/iris.csv (150 flowers; source and licence in scripts/data/README.md) with
// nn.data.csv, the species column as the target (names become class indices in sorted order:
// setosa 0, versicolor 1, virginica 2). A 4 → 8 → 3 tanh network with a softmax output and
// cross-entropy trains with Adam on 80% of the flowers; the other 30 are the test set. Prints the
// loss curve and the test confusion matrix, and asserts at least 90% test accuracy.
//
// Run:  ./backprop run scripts/iris.js

const species = ['setosa', 'versicolor', 'virginica'];
const data = nn.data.csv('data/iris.csv', { target: 'species' });
print(`iris: ${data.size} flowers, ${data.features} features, ${data.classes} classes`);
assert(data.size === 150 && data.features === 4 && data.classes === 3, 'iris.csv should hold 150 flowers × 4 features, 3 species');

const [train, test] = data.split(0.8, 1);
const net = nn.net([4, 8, 3], { activation: 'tanh', output: 'softmax', loss: 'crossEntropy', seed: 1 });
const history = net.fit(train, { epochs: 100, batchSize: 16, optimizer: nn.adam({ lr: 0.01 }), seed: 2, validation: test });
const last = history.loss.length - 1;
print(`loss ${history.loss[0].toFixed(4)} → ${history.loss[last].toFixed(4)};`
  + ` training accuracy ${(100 * history.accuracy[last]).toFixed(1)}%, test accuracy ${(100 * history.valAccuracy[last]).toFixed(1)}%`);
print(plot.line({ train: history.loss, test: history.valLoss }, { title: 'iris: cross-entropy per epoch', width: 60, height: 12 }));

// The confusion matrix on the test flowers: rows the true species, columns the predicted one.
const outputs = net.predict(test.x).toArray();
const truth = test.y.toArray().map((r) => r[0]);
const confusion = species.map(() => species.map(() => 0));
outputs.forEach((o, i) => {
  const predicted = o.indexOf(Math.max(...o));
  confusion[truth[i]][predicted]++;
});
print('true \\ predicted' + species.map((s) => s.padStart(12)).join(''));
confusion.forEach((row, i) => print(species[i].padEnd(16) + row.map((c) => String(c).padStart(12)).join('')));

const accuracy = nn.accuracy(net, test);
const diagonal = confusion.reduce((sum, row, i) => sum + row[i], 0);
assertClose(accuracy, diagonal / test.size, 1e-15, 'nn.accuracy vs the confusion matrix\'s diagonal');
assert(accuracy >= 0.9, `at least 90% of the test flowers should be classified right, got ${accuracy}`);
print(`test accuracy ${(100 * accuracy).toFixed(1)}% (${diagonal} of ${test.size})`);
