// Attack: replace the built-ins the API might use, to catch the host objects it keeps.
// run: --time-limit 60s
// expect: exit 1, ShapeError
const caught = [];
const grab = (v) => { if (v !== null && typeof v === 'object') caught.push(v); };
const wmSet = WeakMap.prototype.set;
WeakMap.prototype.set = function (k, v) { grab(k); grab(v); return wmSet.call(this, k, v); };
const mSet = Map.prototype.set;
Map.prototype.set = function (k, v) { grab(k); grab(v); return mSet.call(this, k, v); };
const push = Array.prototype.push;
Array.prototype.push = function (...xs) { xs.forEach(grab); return push.apply(this, xs); };
const net = nn.net([2, 3, 1], { seed: 1 });
const xor = nn.data.xor();
net.fit(xor, { epochs: 2, lr: 0.1 });
net.forward(xor.x); net.backward(xor.y); net.step(0.1);
for (const v of caught) {
  const s = String(v);
  if (s.includes('dev.backprop') || s.includes('java.')) throw new Error('a host object leaked: ' + s);
}
net.forward([1, 2, 3]); // a ShapeError, whose message must not name Java classes either
