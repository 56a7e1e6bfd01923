#!/usr/bin/env bash
# W2 driven from JavaScript beside net.fit (bench/w2.js), through ./backprop run with its defaults
# (optimizing Truffle runtime, Vector API kernel) with 1 kernel thread (BACKPROP_THREADS=1, so the second core
# is left to Truffle's compiler). Goal of issue 6: the JS loop within 5 % of fit. Prints the raw lines, then the
# medians of the warm epochs and the ratio. The first WARM pairs are dropped: the JS loop, the prelude and the
# Graal compiler itself are still being compiled during them (epochs 2-3 × slower than steady state). w2.js alternates
# the order of each pair (loop first, then fit first), so the warm-up that is left does not favour one of them.
#   bench/w2_js_ours.sh       (DATA=/usr/share/datasets/fashion-mnist, REPS=9, WARM=3)
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
DATA="${DATA:-/usr/share/datasets/fashion-mnist}"
REPS="${REPS:-9}"
WARM="${WARM:-3}"
OUT="$(mktemp)"
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
BACKPROP_THREADS=1 "$ROOT/backprop" run --read-root "$DATA" --max-elements 50000000 --time-limit none "$HERE/w2.js" -- "$DATA" "$REPS" \
  | tee "$OUT"
python3 - "$OUT" "$WARM" <<'PY'
import statistics, sys
rows = {"LOOP": [], "FIT": []}
for line in open(sys.argv[1]):
    kind, s, loss = line.split()
    rows[kind].append((float(s), float(loss)))
warm = int(sys.argv[2])
loop = [s for s, _ in rows["LOOP"][warm:]]
fit = [s for s, _ in rows["FIT"][warm:]]
if not loop or not fit:
    sys.exit(f"w2_js_ours: no warm epochs (REPS must be more than WARM={warm})")
ml, mf = statistics.median(loop), statistics.median(fit)
paired = statistics.median([a / b for a, b in zip(loop, fit)]) # each pair ran back to back: less of the drift
print(f"W2 JS loop: {ml:.3f} s/epoch median [{min(loop):.3f}-{max(loop):.3f}], n={len(loop)} after {warm} warm-up pairs; "
      f"net.fit: {mf:.3f} s median [{min(fit):.3f}-{max(fit):.3f}]; loop / fit = {ml / mf:.3f} (goal <= 1.05); "
      f"median of the pairs' loop / fit = {paired:.3f}")
PY
