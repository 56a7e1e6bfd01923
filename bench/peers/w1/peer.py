"""The W1 peer protocol run_w1.py reads, once for every Python peer: the last three arguments are
STEPS RUNS WARMUP_STEPS; it prints CHECK {json}, then one warm-up and RUNS timed trials as RUN seconds steps,
then SINK (the sum of the trials' losses, so no work can be optimised away) and a note."""
import json
import sys


def main(check, trial, note=""):
    """check() -> the dict check_toy.py compares; trial(steps) -> (seconds, loss sum), from a fresh net."""
    steps, runs, warm = (int(a) for a in sys.argv[-3:])
    print("CHECK " + json.dumps(check()), flush=True)
    sink = 0.0
    trial(warm)
    for _ in range(runs):
        dt, s = trial(steps)
        sink += s
        print(f"RUN {dt:.6f} {steps}", flush=True)
    print(f"SINK {sink!r}" + (f" {note}" if note else ""))
