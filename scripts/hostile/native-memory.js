// Attack: keep generated datasets (native matrix storage, not JS heap) beyond the memory limit.
// run: --max-memory 256M --max-elements 0 --time-limit 60s
// expect: exit 3, LimitError: memory limit of 256 MiB reached
const keep = [];
for (let i = 0; i < 100; i++) keep.push(nn.data.circle({ n: 1e6 }));
