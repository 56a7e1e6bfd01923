// Attack: integers far above 2^31 where the API takes counts, to reach Java's interop messages.
// run: --time-limit 30s
// expect: exit 1, ValueError
const xor = nn.data.xor();
const net = nn.net([2, 2, 1], { seed: 1 });
net.fit(xor, { epochs: 1e12, lr: 0.1 });
