// Attack: read a file outside the read roots through every reader.
// run: --time-limit 30s
// expect: exit 1, SecurityError
let refused = 0;
for (const read of [() => nn.data.csv('/etc/passwd'), () => nn.load('/etc/passwd'),
  () => nn.data.idx('/etc/passwd', '/etc/passwd')]) {
  try { read(); } catch (e) { if (e.name === 'SecurityError') refused++; else throw e; }
}
print('refused', refused);
nn.data.csv('../../../../../../etc/passwd');
