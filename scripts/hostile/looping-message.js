// Attack: throw an object whose message getter never returns, so that reporting the error hangs.
// run: --time-limit 2s
// expect: exit 3, LimitError: time limit of 2s reached
throw { get message() { for (;;) {} } };
