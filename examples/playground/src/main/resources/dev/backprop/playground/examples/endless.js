// A loop that never ends: the time limit stops it, or press Stop.
let n = 0;
while (true) {
  n++;
}
