// fashion-mnist.js — a real data set: 70,000 28×28 grey images of clothes in 10 classes.
//
// The classic recipe: 784 → 128 → 64 → 10, ReLU with He init, softmax output with cross-entropy,
// plain SGD with lr 0.1 on shuffled mini-batches of 64, 3 epochs over the 60,000 training images;
// then the accuracy on the 10,000 test images must be at least 83% (PyTorch reaches 84–85% with
// this recipe). Pixels are scaled to [0, 1] by nn.data.idx.
//
// The IDX files come from Debian's package dataset-fashion-mnist (sudo apt-get install
// dataset-fashion-mnist puts them in /usr/share/datasets/fashion-mnist), or from any folder with
// the four files of https://github.com/zalandoresearch/fashion-mnist given after `--`. The folder
// must be readable by the script (--read-root, or answer the question on a terminal: the line below
// asks for it). The training images are 47,040,000 values (60,000 × 784), within the element limit
// backprop run derives from the JVM's heap (see `./backprop run --help`).
//
// backprop: --allow-read=/usr/share/datasets/fashion-mnist
// Run:  ./backprop run --read-root /usr/share/datasets/fashion-mnist scripts/fashion-mnist.js
//       (or: ./backprop run --read-root DIR scripts/fashion-mnist.js -- DIR)

const dir = args.length > 0 ? args[0] : '/usr/share/datasets/fashion-mnist';
const names = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];

/** Reads one images/labels pair, or stops with what to install or which flag to add. */
function load(images, labels) {
  try {
    return nn.data.idx(`${dir}/${images}`, `${dir}/${labels}`);
  } catch (e) {
    if (e.name === 'SecurityError') {
      throw new Error(`the script may not read ${dir} (${e.message}). Grant the folder with --read-root:`
        + ` ./backprop run --read-root ${dir} scripts/fashion-mnist.js`
        + (args.length > 0 ? ` -- ${dir}` : '')
        + '. If the folder does not exist, install the data first: sudo apt-get install dataset-fashion-mnist');
    }
    if (e.name === 'IOError') {
      throw new Error(`Fashion-MNIST was not found: ${e.message}. Install Debian's package with`
        + ' `sudo apt-get install dataset-fashion-mnist` (it puts train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz,'
        + ' t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz into /usr/share/datasets/fashion-mnist), or download'
        + ' those four files from https://github.com/zalandoresearch/fashion-mnist and pass their folder after --');
    }
    throw e;
  }
}

const train = load('train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz');
const test = load('t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz');
print(`Fashion-MNIST: ${train.size} training and ${test.size} test images of ${train.features} pixels, ${train.classes} classes`);
assert(train.size === 60000 && test.size === 10000 && train.features === 784 && train.classes === 10,
  'expected 60,000 + 10,000 images of 28×28 pixels in 10 classes');

const net = nn.net([784, 128, 64, 10], { activation: 'relu', output: 'softmax', loss: 'crossEntropy', init: 'he', seed: 1 });
print(net.summary());

const history = net.fit(train, {
  epochs: 3,
  batchSize: 64,
  lr: 0.1,
  shuffle: true,
  seed: 2,
  validation: test,
  onEpoch: (epoch, stats) => {
    print(`epoch ${epoch}: loss ${stats.loss.toFixed(4)}, training accuracy ${(100 * stats.accuracy).toFixed(2)}%,`
      + ` test accuracy ${(100 * stats.valAccuracy).toFixed(2)}%`);
  },
});
assert(history.loss.length === 3, 'three epochs');

// Per-class accuracy on the test set.
const predicted = net.predict(test.x).toArray().map((o) => o.indexOf(Math.max(...o)));
const truth = test.y.toArray().map((r) => r[0]);
const right = names.map(() => 0);
const total = names.map(() => 0);
truth.forEach((t, i) => {
  total[t]++;
  if (predicted[i] === t) {
    right[t]++;
  }
});
names.forEach((n, k) => print(`  ${n.padEnd(12)} ${(100 * right[k] / total[k]).toFixed(1).padStart(5)}%`));

const accuracy = nn.accuracy(net, test);
assertClose(accuracy, right.reduce((a, b) => a + b, 0) / test.size, 1e-15, 'nn.accuracy vs the per-class count');
print(`test accuracy after 3 epochs: ${(100 * accuracy).toFixed(2)}%`);
assert(accuracy >= 0.83, `the recipe should reach at least 83% test accuracy, got ${(100 * accuracy).toFixed(2)}%`);
