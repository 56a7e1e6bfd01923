// Attack: print without end.
// run: --max-output 64K --time-limit 30s
// expect: exit 3, LimitError: output limit of 64 KiB reached
const line = 'x'.repeat(1000);
for (;;) print(line);
