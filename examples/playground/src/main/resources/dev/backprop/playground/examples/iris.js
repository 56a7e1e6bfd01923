// Iris from the sample-data folder: a 4 → 8 → 3 network trained with fit, and its loss curve.
const iris = nn.data.csv('iris.csv', { target: 'species' });
print(iris.size, 'flowers,', iris.features, 'features,', iris.classes, 'classes');
const net = nn.net([4, 8, 3], { activation: 'tanh', output: 'softmax', loss: 'crossEntropy', seed: 1 });
const history = net.fit(iris, { epochs: 60, batchSize: 16, optimizer: nn.adam({ lr: 0.01 }), seed: 2 });
print('loss', history.loss[0].toFixed(3), '→', history.loss[history.loss.length - 1].toFixed(3));
plot.save(plot.line({ loss: history.loss }, { title: 'iris loss' }), 'iris-loss.svg');
