// Attack: keep JS arrays beyond the memory limit.
// run: --max-memory 128M --time-limit 60s
// expect: exit 3, LimitError: memory limit
const keep = [];
for (;;) keep.push(new Array(1e6).fill(0.5));
