// Attack: one forward pass so large that it runs for many seconds inside the host (not in JS).
// run: --time-limit 2s --max-elements 0 --max-memory 4G
// expect: exit 3, LimitError: time limit of 2s reached
const net = nn.net([784, 2048, 2048, 10], { seed: 1 });
const x = nn.matrix(20000, 784);
net.forward(x);
print('finished, which it must not');
