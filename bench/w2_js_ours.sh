#!/usr/bin/env bash
# W2 driven from JavaScript beside net.fit (bench/w2.js), through ./backprop run with its defaults
# (optimizing Truffle runtime, Vector API kernel, 1 kernel thread). Goal of issue 6: the JS loop within 5 %
# of fit. Prints the raw lines, then the medians of the warm epochs (the first pair is dropped) and the ratio.
#   bench/w2_js_ours.sh       (DATA=/usr/share/datasets/fashion-mnist, REPS=5)
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
DATA="${DATA:-/usr/share/datasets/fashion-mnist}"
REPS="${REPS:-5}"
OUT="$(mktemp)"
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
"$ROOT/backprop" run --read-root "$DATA" --max-elements 50000000 --time-limit none "$HERE/w2.js" -- "$DATA" "$REPS" \
  | tee "$OUT"
python3 - "$OUT" <<'PY'
import statistics, sys
rows = {"LOOP": [], "FIT": []}
for line in open(sys.argv[1]):
    kind, s, loss = line.split()
    rows[kind].append((float(s), float(loss)))
loop = [s for s, _ in rows["LOOP"][1:]]
fit = [s for s, _ in rows["FIT"][1:]]
if not loop or not fit:
    sys.exit("w2_js_ours: no warm epochs (REPS must be at least 2)")
ml, mf = statistics.median(loop), statistics.median(fit)
print(f"W2 JS loop: {ml:.3f} s/epoch median [{min(loop):.3f}-{max(loop):.3f}], n={len(loop)}; "
      f"net.fit: {mf:.3f} s median [{min(fit):.3f}-{max(fit):.3f}]; loop / fit = {ml / mf:.3f} (goal <= 1.05)")
PY
