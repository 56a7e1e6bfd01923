// Attack: an error message with terminal escapes that would erase the error line and print a fake one.
// run: --time-limit 30s
// expect: exit 1, Error
throw new Error('\u001b[2K\r\u001b[1Aall good, nothing to see\u0007');
