#!/usr/bin/env python3
"""Writes this host kind's table into docs/PERFORMANCE.md (section "Hosts"), from the raw outputs of one
bench/run: kernels and W2 as ratios to the peers measured in the same session, with the host line (CPU
model and family, vector flags, the kernel and threads ours ran with), the load and the command. A table of
another host kind is left as it is; the table of this kind is replaced.
usage: host_table.py OUT_DIR PERFORMANCE_MD"""
import os, re, sys

sys.argv, argv = sys.argv[:1] + [sys.argv[1], os.devnull], sys.argv  # report.py's readers, without writing a report
out, target = argv[1], argv[2]
import report  # noqa: E402  (reads OUT_DIR; its report goes to /dev/null here)

machine = report.machine
end = report.read("machine_end.txt").strip().split(" ", 1)[-1] if report.read("machine_end.txt").strip() else "?"
key = f"{machine.get('cpu', '?')}; {machine.get('flags', '?')}"
core = re.search(r"core (\S+)", report.info("gemm_numpy_1.txt"))
core = core.group(1) if core else "?"
ours_kernel = re.search(r"kernel (\S+)", machine.get("ours", ""))
ours_kernel = ours_kernel.group(1) if ours_kernel else "vector"
threads = re.search(r"threads (\d+)", machine.get("ours", ""))
threads = threads.group(1) if threads else "?"
quick = machine.get("mode") == "quick"


def row(what, ours, peer, goal_min=None, goal_max=None, digits=1):
    if not ours or not peer:
        return f"| {what} | {'—' if not ours else f'{ours[0]:.{digits}f}'} | {'—' if not peer else f'{peer[0]:.{digits}f}'} | — | not measured |"
    r = ours[0] / peer[0]
    if goal_min is not None:
        goal = f"≥ {goal_min}: " + ("met" if r >= goal_min else "missed")
    elif goal_max is not None:
        goal = f"≤ {goal_max}: " + ("met" if r <= goal_max else "missed")
    else:
        goal = "context"
    return f"| {what} | {ours[0]:.{digits}f} | {peer[0]:.{digits}f} | {r:.2f} | {goal} |"


L = [f"<!-- host: {key} -->", f"### {machine.get('cpu', '?')}", "",
     f"Flags {machine.get('flags', '?')}; ours ran `{machine.get('ours', '?')}`; numpy's OpenBLAS picked its `{core}` "
     f"kernels. Last run {machine.get('date', '?')} (`bench/run{' --quick' if quick else ''}`), load {machine.get('load', '?')} "
     f"at the start, {end} at the end; {machine.get('java', '?')}. Medians; ours and the peer measured one after the "
     "other in that run. GEMM in GFLOP/s (higher is better, goal ours ÷ peer ≥ 0.85), W2 in seconds per warm epoch "
     "(lower is better, goal ≤ 1).", "",
     "| measure | ours | peer | ours ÷ peer | goal |", "|---|---:|---:|---:|---|"]
for key_, dims, what in report.SHAPES:
    shape = "×".join(map(str, dims))
    L.append(row(f"GEMM {shape} ({what}), 1 thr: {ours_kernel} vs OpenBLAS {core}",
                 report.stats(report.vector.get(key_, [])), report.stats(report.npg.get(dims, [])), goal_min=0.85))
if report.vector_avx2:
    for key_, dims, what in report.SHAPES:
        shape = "×".join(map(str, dims))
        L.append(row(f"GEMM {shape}, AVX2 only: vector-256 (`-XX:UseAVX=2`) vs OpenBLAS Haswell",
                     report.stats(report.vector_avx2.get(key_, [])), report.stats(report.np_avx2.get(dims, [])), goal_min=0.85))
w = report.warm
v1 = "ours, vector kernel (./backprop default), 1 thr"
vd = "ours, vector kernel (./backprop default), default threads"
L.append(row("W2 epoch, 1 thr vs PyTorch float64 1 thr", w.get(v1), w.get("PyTorch 1.13 float64, 1 thr"), goal_max=1, digits=3))
L.append(row("W2 epoch, 1 thr vs numpy float64 1 thr", w.get(v1), w.get("numpy float64, 1 thr"), digits=3))
L.append(row(f"W2 epoch, default threads ({threads}) vs ours 1 thr", w.get(vd), w.get(v1), goal_max=1, digits=3))
if w.get("PyTorch 1.13 float32, 1 thr"):
    L.append(row("W2 epoch, 1 thr vs PyTorch float32 1 thr", w.get(v1), w.get("PyTorch 1.13 float32, 1 thr"), goal_max=1, digits=3))
L += ["", f"<!-- /host: {key} -->"]
block = "\n".join(L)

doc = open(target).read() if os.path.exists(target) else "# Performance\n"
HEAD = "## Hosts (one table per host kind, written by `bench/run`)"
if HEAD not in doc:
    intro = ("Each `bench/run` (also `--quick`) replaces the table of the host kind it ran on and leaves the others; "
             "the full report of a run is in its output folder (`bench/target/run-*/report.md`).")
    first = doc.find("\n## ")
    section = f"\n{HEAD}\n\n{intro}\n\n"
    doc = doc + section if first < 0 else doc[:first + 1] + section.lstrip("\n") + "\n" + doc[first + 1:]
pattern = re.compile(r"<!-- host: " + re.escape(key) + r" -->.*?<!-- /host: " + re.escape(key) + r" -->", re.S)
if pattern.search(doc):
    doc = pattern.sub(lambda _: block, doc)
else:  # a new host kind: after the section's last table (or its intro)
    start = doc.index(HEAD)
    nxt = doc.find("\n## ", start + len(HEAD))
    nxt = len(doc) if nxt < 0 else nxt + 1
    doc = doc[:nxt].rstrip("\n") + "\n\n" + block + "\n\n" + doc[nxt:]
open(target, "w").write(doc)
print(block)
