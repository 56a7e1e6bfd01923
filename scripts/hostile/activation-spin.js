// Attack: a custom activation whose f never returns, called from deep inside the engine's forward.
// run: --time-limit 2s
// expect: exit 3, LimitError: time limit of 2s reached
nn.activation('forever', { f: (z) => { for (;;) {} }, df: () => 1 });
const net = nn.net([2, 8, 1], { activation: 'forever', seed: 1 });
net.fit(nn.data.xor(), { epochs: 1000, lr: 0.1 });
