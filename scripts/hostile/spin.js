// Attack: spin for ever in JS.
// run: --time-limit 2s
// expect: exit 3, LimitError: time limit of 2s reached
for (;;) {}
