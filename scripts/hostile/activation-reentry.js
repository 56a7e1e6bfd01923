// Attack: a custom activation that runs networks from inside its own f, to corrupt the caches of the
// forward that is calling it or to recurse through host frames until the host's stack overflows.
// run: --time-limit 60s
// expect: exit 1, ValueError: activation 'deep' was needed while the f of activation 'deep' was running
let other = null;
nn.activation('selfish', { f: (z) => { self.forward([z, z]); return z; }, df: () => 1 });
const self = nn.net([2, 3, 1], { activation: 'selfish', seed: 1 });
try {
  self.forward([0.1, 0.2]);
  throw new Error('the network ran inside its own forward');
} catch (e) {
  if (e.name !== 'ValueError' || !e.message.includes("this network's forward is still running")) throw e;
}
// the guard was released: the network works again once f behaves
nn.activation('deep', { f: (z) => other.forward([z])[0], df: () => 1 });
other = nn.net([1, 1], { activation: 'deep', seed: 2 });
const top = nn.net([1, 1], { activation: 'deep', seed: 3 });
top.forward([0.5]); // deep → other (deep) → other … ends at once with a ValueError, not a stack overflow
