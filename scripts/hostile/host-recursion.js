// Attack: recursion through host frames (fit → onEpoch → fit → …) to overflow the host's stack.
// run: --time-limit 60s
// expect: exit 1, RangeError: Maximum call stack size exceeded
const net = nn.net([2, 2, 1], { seed: 1 });
const xor = nn.data.xor();
function again() {
  net.fit(xor, { epochs: 1, lr: 0.1, onEpoch: () => { again(); } });
}
again();
