#!/usr/bin/env bash
# W1 beside node in one session: the toy step driven from JS through ./backprop run (bench/w1.js), with
# the optimizing Truffle runtime (the launcher's default) and interpreted (Truffle's fallback runtime), and node's
# hand-written plain-JS loop (bench/peers/w1/w1_plain.js). Each first-step CHECK is verified
# with the peers' check_toy.py. Prints the raw lines, then one summary line per configuration.
#   bench/w1_ours.sh            (PEERS=... to point at the peer scripts; RUNS=5)
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PEERS="${PEERS:-$HERE/peers}" # bench/peers
RUNS="${RUNS:-5}"
OUT="$(mktemp -d)"
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
one() { # name command...
  local name=$1; shift
  "$@" > "$OUT/$name.txt" 2> "$OUT/$name.err"
  echo "--- $name: $*"
  grep -E '^(RUN|SINK)' "$OUT/$name.txt"
  printf 'check: '; python3 "$PEERS/check_toy.py" f64 < "$OUT/$name.txt"
}
one node node "$PEERS/w1/w1_plain.js" 10000000 "$RUNS" 2000000
one ours_optimizing "$ROOT/backprop" run "$HERE/w1.js" --time-limit none -- 2000000 "$RUNS" 2000000
BACKPROP_JAVA_OPTS="-Dtruffle.UseFallbackRuntime=true" \
  one ours_interpreted "$ROOT/backprop" run "$HERE/w1.js" --time-limit none -- 50000 "$RUNS" 10000
python3 - "$OUT" <<'PY'
import os, statistics, sys
out = sys.argv[1]
def us(name):
    xs = []
    for line in open(os.path.join(out, name + ".txt")):
        if line.startswith("RUN "):
            _, s, n = line.split()
            xs.append(float(s) / int(n) * 1e6)
    return (statistics.median(xs), min(xs), max(xs)) if xs else None
node = us("node")
for name in ("node", "ours_optimizing", "ours_interpreted"):
    m = us(name)
    if m is None:
        print(f"W1 {name}: no RUN lines (see {out}/{name}.err)")
        continue
    ratio = ""
    if node and name != "node":
        goal = " (goal ≤ 1.10)" if name == "ours_optimizing" else ""
        ratio = f"; × node {m[0] / node[0]:.2f}{goal}, best run × node {m[1] / node[0]:.2f}"
    print(f"W1 {name}: {m[0]:.4f} µs/step median [{m[1]:.4f}–{m[2]:.4f}]{ratio}")
PY
