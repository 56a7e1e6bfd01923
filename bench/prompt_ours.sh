#!/usr/bin/env bash
# The shell's start-up beside node's REPL, in a real terminal (tmux, which answers the terminal queries JLine
# sends at start): wall time from launch to the first prompt `> ` on the screen, and to the answer of the first
# line typed at once (`1 + 1` → 2, which needs the sandbox: engine, context and prelude). N runs after one
# warm-up, median [min–max]. Polls the screen every 5 ms, so times are ±5 ms.
#   bench/prompt_ours.sh      (N=9)
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
N="${N:-9}"
command -v tmux >/dev/null || { echo "bench/prompt_ours.sh: needs tmux" >&2; exit 2; }
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
"$ROOT/backprop" --prepare > /dev/null || echo "bench/prompt_ours.sh: ./backprop --prepare failed" >&2
python3 - "$N" "$ROOT/backprop" <<'PY'
import os, statistics, subprocess, sys, tempfile, time
n, bp = int(sys.argv[1]), sys.argv[2]
sock = None
def tmux(*a):
    return subprocess.run(["tmux", "-S", sock, *a], capture_output=True, text=True).stdout
def screen():
    return tmux("capture-pane", "-p", "-t", "b")
def once(cmd, answer):
    # a fresh HOME (history file) and tmux server per run, so runs do not depend on each other
    global sock
    home = tempfile.mkdtemp()
    sock = os.path.join(home, "tmux")
    t0 = time.perf_counter()
    tmux("new-session", "-d", "-s", "b", "-x", "120", "-y", "40",
         f"env HOME={home} TERM=xterm-256color {cmd}")
    prompt = first = None
    deadline = t0 + 60
    while time.perf_counter() < deadline:
        s = screen()
        lines = [l for l in s.splitlines() if l.strip()]
        if prompt is None and any(l.startswith("> ") or l == ">" for l in lines):
            prompt = time.perf_counter() - t0
            tmux("send-keys", "-t", "b", "1 + 1", "Enter")
        if prompt is not None and any(l.strip() == answer for l in lines):
            first = time.perf_counter() - t0
            break
        time.sleep(0.005)
    last = screen()
    tmux("kill-server")
    if prompt is None or first is None:
        sys.exit(f"{cmd}: no prompt or answer within 60 s; screen:\n{last}")
    return prompt, first
cases = [("node REPL (node -i)", "node -i", "2"), ("backprop shell (default)", bp, "2"),
         ("backprop shell, BACKPROP_AOT=0", f"env BACKPROP_AOT=0 {bp}", "2")]
for name, cmd, answer in cases:
    once(cmd, answer)
    runs = [once(cmd, answer) for _ in range(n)]
    p = sorted(r[0] * 1000 for r in runs)
    f = sorted(r[1] * 1000 for r in runs)
    print(f"PROMPT {name}: first prompt {statistics.median(p):.0f} ms median [{p[0]:.0f}–{p[-1]:.0f}], "
          f"first answer {statistics.median(f):.0f} ms median [{f[0]:.0f}–{f[-1]:.0f}], n={n}")
PY
