#!/usr/bin/env bash
# Start-up beside node in one session: wall time from launch to the first byte on stdout of a one-line
# script (`print(1 + 1)` / `console.log(1 + 1)`), N runs after 2 warm-ups, median [min–max].
#   bench/startup_ours.sh       (N=15)
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
N="${N:-15}"
T="$(mktemp -d)"
echo 'print(1 + 1)' > "$T/one.js"
echo 'console.log(1 + 1)' > "$T/one_node.js"
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
# the default start-up is the prepared fast-start runtime (see docs/PERFORMANCE.md); make sure it is there
"$ROOT/backprop" --prepare > /dev/null || echo "bench/startup_ours.sh: ./backprop --prepare failed" >&2
"$ROOT/backprop" --version | grep '^Start-up'

python3 - "$N" "$ROOT/backprop" "$T" <<'PY'
import os, statistics, subprocess, sys, time
n, bp, t = int(sys.argv[1]), sys.argv[2], sys.argv[3]
def first_output(cmd, env=None):
    e = dict(os.environ, **(env or {}))
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=e, cwd=t)
    b = p.stdout.read(1)
    first = time.perf_counter() - t0
    _, err = p.communicate()
    if p.returncode != 0 or (b != b"2" and "run" in cmd):
        sys.exit(f"{cmd} failed (exit {p.returncode}): {err.decode()[:300]}")
    return first, time.perf_counter() - t0
cases = [
    ("node one-line script", ["node", "one_node.js"], None),
    ("backprop run, default (optimizing runtime, vector kernel)", [bp, "run", "one.js"], None),
    ("backprop run, BACKPROP_AOT=0 (installed JDK, --upgrade-module-path, no AOT cache)", [bp, "run", "one.js"],
     {"BACKPROP_AOT": "0"}),
    ("backprop run, BACKPROP_VECTOR=0", [bp, "run", "one.js"], {"BACKPROP_VECTOR": "0"}),
    ("backprop run, interpreted (Truffle fallback runtime)", [bp, "run", "one.js"],
     {"BACKPROP_JAVA_OPTS": "-Dtruffle.UseFallbackRuntime=true"}),
    ("backprop --version (JVM + engine, no context)", [bp, "--version"], None),
]
res = {}
for name, cmd, env in cases:
    for _ in range(2):
        first_output(cmd, env)
    xs = [first_output(cmd, env) for _ in range(n)]
    f = [x[0] * 1e3 for x in xs]; w = [x[1] * 1e3 for x in xs]
    res[name] = statistics.median(f)
    print(f"START {name}: first output {statistics.median(f):.0f} ms median [{min(f):.0f}–{max(f):.0f}], "
          f"exit {statistics.median(w):.0f} ms, n={n}")
node = res["node one-line script"]
ours = res["backprop run, default (optimizing runtime, vector kernel)"]
print(f"START ratio: backprop run ÷ node = {ours / node:.1f}; goal ≤ 300 ms: "
      + ("met" if ours <= 300 else f"missed by {ours - 300:.0f} ms ({ours / 300:.1f}×)"))
PY
