#!/usr/bin/env python3
"""Turns the raw outputs of bench/run (one session) into a full report (bench/run writes it to OUT_DIR/report.md;
host_table.py puts the summary of this host kind into docs/PERFORMANCE.md).
usage: report.py OUT_DIR REPORT_MD"""
import json, os, re, statistics, sys

out, target = sys.argv[1], sys.argv[2]
SHAPES = [("affine:64x784x128", (64, 784, 128), "W2 layer-1 forward x·W1ᵀ"),
          ("gradW:784x64x128", (784, 64, 128), "W2 dW1 = xᵀ·δ1"),
          ("affine:64x128x64", (64, 128, 64), "W2 layer-2 forward"),
          ("affine:512x512x512", (512, 512, 512), "square")]


def read(name):
    p = os.path.join(out, name)
    return open(p).read() if os.path.exists(p) else ""


def stats(xs):
    return (statistics.median(xs), min(xs), max(xs)) if xs else None


def fmt(s, digits=1):
    if s is None:
        return "—"
    return f"**{s[0]:.{digits}f}** [{s[1]:.{digits}f}–{s[2]:.{digits}f}]"


def jmh(name):
    """shape -> GFLOP/s per measured iteration."""
    p = os.path.join(out, name)
    if not os.path.exists(p):
        return {}
    res = {}
    for b in json.load(open(p)):
        shape = b["params"]["shape"]
        m, k, n = (int(v) for v in shape.split(":")[1].split("x"))
        us = [x for fork in b["primaryMetric"]["rawData"] for x in fork]
        res[shape] = [2.0 * m * k * n / (t * 1e3) for t in us]
    return res


def numpy_gemm(*names):
    res = {}
    for name in names:
        for line in read(name).splitlines():
            if line.startswith("GEMM"):
                f = line.split()
                res.setdefault(tuple(int(v) for v in f[1:4]), []).extend(float(v) for v in f[4:])
    return res


def info(name):
    for line in read(name).splitlines():
        if line.startswith("INFO"):
            return line[5:]
    return ""


def w2(name):
    """epochs, eval accuracy, RSS, info of one W2 output file."""
    text = read(name)
    epochs = [float(m) for m in re.findall(r"^EPOCH (\S+)", text, re.M)]
    acc = re.findall(r"^EVAL \S+ (\S+)", text, re.M)
    rss = re.findall(r"RSS_KB (\d+)", text)
    return dict(epochs=epochs, acc=acc[-1] if acc else "—", rss=int(rss[-1]) // 1024 if rss else None,
                info=info(name), error=None if epochs else (text.strip().splitlines() or ["no output"])[-1][:160])


machine = dict(line.split(" ", 1) for line in read("machine.txt").splitlines() if " " in line)
scalar, vector = jmh("jmh_scalar.json"), jmh("jmh_vector.json")
npg = numpy_gemm("gemm_numpy_1.txt", "gemm_numpy_1b.txt")
vector_avx2 = jmh("jmh_vector_avx2.json")
np_avx2 = numpy_gemm("gemm_numpy_avx2_1.txt", "gemm_numpy_avx2_1b.txt")

L = []
L.append("# Performance\n")
L.append(f"Measured {machine.get('date', '?')} ({machine.get('mode', 'full')} run) on {machine.get('cpu', '?')}, flags "
         f"{machine.get('flags', '?')}; ours: {machine.get('ours', '?')}; Linux {machine.get('kernel', '?')}, "
         f"{machine.get('java', '?')}; numpy: {info('gemm_numpy_1.txt')}. Load average at the start: "
         f"{machine.get('load', '?')}. **The machine was shared** with other work during this run unless the load "
         "says otherwise, so single numbers are noisy: every table gives the median and min–max, and every "
         "ratio compares two runs taken in the same session, one right after the other.\n")
L.append(f"Produced by `bench/run` (see *How to reproduce*); raw outputs were in `{out}`.\n")
if read("goals.md").strip():  # a hand-checked summary of every goal, kept beside the raw outputs
    L.append(read("goals.md").strip() + "\n")

L.append("## Dense kernels, float64, 1 thread (GFLOP/s; JMH, one fork, 1-s iterations)\n")
L.append("m×k×n as numpy's `A @ B`. *vector* is the Vector API kernel, what `./backprop` uses (it adds "
         "`--add-modules jdk.incubator.vector` and filters the JVM's incubator warning); *scalar* is plain Java "
         "(4×4 `Math.fma` register block), used with `BACKPROP_VECTOR=0` or by an embedding JVM without the module. "
         "Both give the same bits. "
         "numpy/OpenBLAS is run before and after ours, pooled. Goal: ≥ 0.85 of OpenBLAS.\n")
L.append("| shape | what | ours scalar | ours vector | numpy OpenBLAS | scalar / numpy | vector / numpy | goal ≥ 0.85 |")
L.append("|---|---|---:|---:|---:|---:|---:|---|")
for key, dims, what in SHAPES:
    s, v, p = stats(scalar.get(key, [])), stats(vector.get(key, [])), stats(npg.get(dims, []))
    rs = s[0] / p[0] if s and p else None
    rv = v[0] / p[0] if v and p else None
    goal = "—" if rv is None else ("met (vector)" if rv >= 0.85 else f"missed by {(0.85 - rv) * 100:.0f} points (vector)")
    L.append(f"| {'×'.join(map(str, dims))} | {what} | {fmt(s)} | {fmt(v)} | {fmt(p)} | "
             f"{'—' if rs is None else f'{rs:.2f}'} | {'—' if rv is None else f'{rv:.2f}'} | {goal} |")
L.append("")
if vector_avx2:
    L.append("The same shapes with AVX2 only, as on an AVX2 host: our JVM with `-XX:UseAVX=2` (256-bit vectors, 16 "
             f"registers) against numpy with `OPENBLAS_CORETYPE=Haswell` ({info('gemm_numpy_avx2_1.txt')}).\n")
    L.append("| shape | ours vector (AVX2) | numpy OpenBLAS Haswell | ours / numpy | goal ≥ 0.85 |")
    L.append("|---|---:|---:|---:|---|")
    for key, dims, what in SHAPES:
        v, p = stats(vector_avx2.get(key, [])), stats(np_avx2.get(dims, []))
        r = v[0] / p[0] if v and p else None
        goal = "—" if r is None else ("met" if r >= 0.85 else f"missed by {(0.85 - r) * 100:.0f} points")
        L.append(f"| {'×'.join(map(str, dims))} | {fmt(v)} | {fmt(p)} | {'—' if r is None else f'{r:.2f}'} | {goal} |")
    L.append("")

runs = [("ours, vector kernel (./backprop default), 1 thr", "w2_vector_1.txt"),
        ("ours, net.fit (Trainer.fit, own shuffle), vector, 1 thr", "w2_fit_vector_1.txt"), ("ours, scalar kernel (BACKPROP_VECTOR=0), 1 thr", "w2_scalar_1.txt"),
        ("ours, vector kernel (./backprop default), default threads", "w2_vector_default.txt"), ("ours, scalar kernel (BACKPROP_VECTOR=0), default threads", "w2_scalar_default.txt"),
        ("PyTorch 1.13 float64, 1 thr", "w2_torch_float64_1.txt"), ("PyTorch 1.13 float32, 1 thr", "w2_torch_float32_1.txt"),
        ("PyTorch 1.13 float64, 2 thr", "w2_torch_float64_2.txt"),
        ("numpy float64, 1 thr", "w2_numpy_float64_1.txt"), ("numpy float32, 1 thr", "w2_numpy_float32_1.txt"),
        ("numpy float64, 2 thr", "w2_numpy_float64_2.txt"), ("numpy float32, 2 thr", "w2_numpy_float32_2.txt")]
W = {name: w2(f) for name, f in runs}
warm = {name: stats(r["epochs"][1:]) for name, r in W.items()}

L.append("## W2: one Fashion-MNIST epoch (784-128-64-10, ReLU, softmax + cross-entropy, SGD lr 0.1, batch 64, float64 unless said)\n")
L.append("Every configuration starts each epoch from the peers' shared init (`fmnist.py`: He-uniform seed 0, "
         "shuffle seed 1), trains the same 938 batches and is evaluated on the 10,000 test images. Each process "
         "runs its epochs back to back; the first one (cold JIT, first touch of the data) is shown apart and the "
         "others give the median [min–max]. Peak RSS is the whole process (`/usr/bin/time`). Ours goes through "
         "the Java API: the `forward/backward/step` loop, and `Trainer.fit` (what `net.fit` runs; its own "
         "shuffle, hence a slightly different accuracy). The JS loop needs the sandbox (slot below).\n")
L.append("| configuration | first epoch s | warm epochs s | n | test acc | peak RSS MiB |")
L.append("|---|---:|---:|---:|---|---:|")
for name, _ in runs:
    r = W[name]
    if not r["epochs"]:
        if machine.get("mode") == "quick":
            continue  # not run in a quick run
        L.append(f"| {name} | — | not measured: {r['error']} | 0 | — | — |")
        continue
    L.append(f"| {name} | {r['epochs'][0]:.3f} | {fmt(warm[name], 3)} | {len(r['epochs']) - 1} | {r['acc']} | "
             f"{'—' if r['rss'] is None else r['rss']} |")
L.append("")


def ratio(a, b):
    return warm[a][0] / warm[b][0] if warm.get(a) and warm.get(b) else None


goals = [("1 thr: no slower than PyTorch float32 (goal)", "ours, vector kernel (./backprop default), 1 thr", "ours, scalar kernel (BACKPROP_VECTOR=0), 1 thr", "PyTorch 1.13 float32, 1 thr"),
         ("1 thr: faster than PyTorch float64 (floor)", "ours, vector kernel (./backprop default), 1 thr", "ours, scalar kernel (BACKPROP_VECTOR=0), 1 thr", "PyTorch 1.13 float64, 1 thr"),
         ("2 thr: no slower than numpy float32 2 thr (goal)", "ours, vector kernel (./backprop default), default threads", "ours, scalar kernel (BACKPROP_VECTOR=0), default threads", "numpy float32, 2 thr"),
         ("2 thr: faster than PyTorch float64 2 thr (floor)", "ours, vector kernel (./backprop default), default threads", "ours, scalar kernel (BACKPROP_VECTOR=0), default threads", "PyTorch 1.13 float64, 2 thr"),
         ("default threads: no slower than 1 thread (issue 15)", "ours, vector kernel (./backprop default), default threads", None, "ours, vector kernel (./backprop default), 1 thr"),
         ("(context) net.fit vs the forward/backward/step loop, 1 thr", "ours, net.fit (Trainer.fit, own shuffle), vector, 1 thr", None, "ours, vector kernel (./backprop default), 1 thr"),
         ("(context) 1 thr vs numpy float64 1 thr", "ours, vector kernel (./backprop default), 1 thr", "ours, scalar kernel (BACKPROP_VECTOR=0), 1 thr", "numpy float64, 1 thr")]
L.append("W2 goals as ratios of warm-epoch medians (ours ÷ peer; below 1 means we are faster):\n")
L.append("| goal | vector (./backprop default) | scalar (BACKPROP_VECTOR=0) |")
L.append("|---|---:|---:|")
for g, v, s, peer in goals:
    cells = []
    for ours in (v, s):
        r = ratio(ours, peer) if ours else None
        if r is None:
            cells.append("—")
        elif g.startswith("(context)"):
            cells.append(f"{r:.2f}")
        else:
            cells.append(f"{r:.2f} ({'met' if r <= 1.0 else f'missed: {(r - 1) * 100:.0f}% slower'})")
    L.append(f"| {g} | {cells[0]} | {cells[1]} |")
L.append("")

L.append("## W1 (toy step from JS), start-up and W2 from JS\n")
L.append("**W1** (`bench/w1_ours.sh`): `bench/w1.js` runs the peers' workload through the script API, "
         "`net.forward(X[i & 3]); s += net.backward(Y[i & 3]); net.step(0.5)` on `nn.toy({ trainBiases: true })` "
         "(all nine parameters), with `./backprop run` (optimizing Truffle runtime) and with Truffle's fallback "
         "runtime (`BACKPROP_JAVA_OPTS=-Dtruffle.UseFallbackRuntime=true`, interpreted), beside node's "
         "hand-written loop `w1_plain.js`; each first-step `CHECK` is verified by the peers' `check_toy.py`. "
         "Goal: optimizing ≤ 1.1 × node.\n")
L.append("**Start-up** (`bench/startup_ours.sh`): wall time from launch to the first byte of stdout of a "
         "one-line script, beside node. Goal: ≤ 300 ms median (also for the shell's first prompt).\n")
L.append("**Shell prompt** (`bench/prompt_ours.sh`): the shell in a real terminal (tmux), beside node's REPL: "
         "wall time from launch to the first `> ` on the screen, and to the answer of `1 + 1` typed as soon as the "
         "prompt shows (the first answer needs the sandbox: engine, context and prelude).\n")
L.append("**W2 from JavaScript** (`bench/w2_js_ours.sh`): `bench/w2.js` trains W2 epochs through `./backprop run`, "
         "with 1 kernel thread, alternately with a user's loop (`for (const b of train.batches(64, { shuffle: true, "
         "seed: 2 })) { net.forward(b.x); net.backward(b.y); net.step(0.1); }`) and with `net.fit` (same init, same "
         "batch size; fit also counts accuracy, and draws each epoch's shuffle from its seed, so its order, hence its "
         "mean loss, differs slightly), and prints the time and mean loss of each epoch; the first 3 pairs are "
         "warm-up (Truffle and the Graal compiler still compiling). Goal: the JS loop within 5 % of `fit`.\n")
for slot, title in (("w1.txt", "W1"), ("startup.txt", "Start-up"), ("prompt.txt", "Shell prompt"),
                    ("w2_js.txt", "W2 from JavaScript")):
    text = read(slot).strip()
    L.append(f"{title} output of this run:" + (f"\n\n```\n{text}\n```\n" if text else
             f" not measured in this run (`bench/{slot[:-4]}_ours.sh` was missing or failed).\n"))
for extra in ("w1_extra.md", "startup_extra.md", "w2_js_extra.md"):
    text = read(extra).strip()
    if text:
        L.append(text + "\n")

L.append("## Memory\n")
L.append("A training step in steady state allocates nothing: `AllocationTest` counts "
         "`com.sun.management.ThreadMXBean.getThreadAllocatedBytes` on the calling thread and every kernel "
         "worker over 1,000 steps of a 196-128-64-10 net (threaded products included) with `step(lr)`, SGD with "
         "momentum and Adam, and requires 0 bytes. Peak RSS of the W2 processes is in the W2 table.\n")

L.append("## Why the numbers are what they are\n")
L.append("- **Kernel in `./backprop` = vector.** The JVM prints `WARNING: Using incubator modules: "
         "jdk.incubator.vector` on stderr during boot whenever the module is resolved, and no flag or code of ours "
         "can silence it. The launcher therefore adds the module and drops exactly that line from the JVM's "
         "stderr: the filter reads the first lines (the warning comes before any output, after at most "
         "`Picked up …` lines), drops the warning, then passes the stream through with `cat` (no line buffering, "
         "so progress bars with `\\r` still show at once) and ignores SIGINT, so Ctrl-C still reaches the JVM "
         "and an interrupted run exits 130. `BACKPROP_VECTOR=0` opts out (plain-Java scalar kernel, same bits, "
         "no module); `backprop --version` names the kernel. The scalar kernel is what an embedding JVM gets "
         "without the module: C2 does not vectorize a register-blocked microkernel, so it is a 4×4 block of "
         "scalar `Math.fma` chains, capped at two scalar FMAs per cycle (≈ 14.7 GFLOP/s at 3.67 GHz).\n")
L.append("- **The vector kernel** is an MR × (2 vectors) broadcast-FMA block on packed, zero-padded panels: 8 × 2 at "
         "512 bits (8×16 doubles, 16 of AVX-512's 32 registers), 6 × 2 at 256 and 128 bits (12 accumulators in AVX2's 16 "
         "registers). The loops follow GotoBLAS: per block of ≤ 128 output rows (A in L2) and range of ≤ 256 steps of k, "
         "each panel of B (in L1) meets every row panel of the block; a range continues each element's fma chain from "
         "the value the previous one stored, so the bits are those of one chain. `BACKPROP_VECTOR_BITS=256` (or "
         "`-Dbackprop.vector.bits`) runs the 256-bit kernel on an AVX-512 host; `-XX:UseAVX=2` goes further and hides "
         "AVX-512 from the JVM (16 registers), as on an AVX2 host, which is how the AVX2 rows are measured.\n")
L.append("- **Where a W2 step goes** (JFR sampling, vector kernel, 1 thread, 2026-11-28): microkernel ≈ 50 %, "
         "packing ≈ 19 %, `step` ≈ 7 %, the batch gather ≈ 5 %, activations ≈ 8 %. The rest is spread thin. "
         "Since then `step` sums ‖Δw‖² in four running sums instead of one chain of dependent adds.\n")
L.append("- **float64 against float32.** The W2 goals against PyTorch and numpy *float32* ask float64 code to beat "
         "code that moves half the bytes and does twice the multiply-adds per vector instruction. Our float64 "
         "kernels run at or above OpenBLAS's float64 speed, so the remaining gap (≈ 1.5 × on one thread) is the "
         "price of float64, not of Java; a float32 mode would break the bit-for-bit agreement with the lesson and "
         "the PyTorch float64 references, so it is not built.\n")
L.append("- **Threads.** A product is split over the threads only from 16 M multiply-adds (`Kernels.THREAD_MIN_WORK`): "
         "every product of a W2 step (the largest is 6.4 M) runs on the calling thread whatever `BACKPROP_THREADS` says, "
         "so the default can never be slower than one thread on W2; evaluation over 10,000 images (1 G) and large "
         "products are split by blocks of output rows. On the 2-vCPU hosts measured, a second thread did not pay for "
         "its hand-offs at W2's sizes (docs/PERFORMANCE.md, issue 15 section).\n")

L.append("## How to reproduce\n")
L.append("```sh\n# once: the peers' setup (bench/peers/README.md): python3-torch, OpenBLAS openmp, Fashion-MNIST\n"
         "bench/run            # ~25 min (slots included); bench/run --quick: < 5 min once built (BUILD=0 skips the build)\n"
         "# single pieces:\n"
         "./mvnw -B -q clean package -pl runtime,bench -am -DskipTests\n"
         "CP=bench/target/classes:$(cat bench/target/classpath.txt)\n"
         "java -cp $CP dev.backprop.bench.W2Epoch 1 5                                   # W2, scalar kernel, 1 thread\n"
         "java --add-modules=jdk.incubator.vector -cp $CP dev.backprop.bench.W2Epoch 2 5 # W2, vector kernel, 2 threads\n"
         "java -cp $CP org.openjdk.jmh.Main KernelBench [-jvmArgsAppend --add-modules=jdk.incubator.vector]\n"
         "java -cp $CP org.openjdk.jmh.Main W2EpochBench\n"
         "OPENBLAS_NUM_THREADS=1 python3 bench/gemm_numpy.py\n"
         "bench/w1_ours.sh; bench/startup_ours.sh; bench/prompt_ours.sh; bench/w2_js_ours.sh   # the sandbox slots\n```\n")
L.append("Settings: `-Dbackprop.threads=N` or `BACKPROP_THREADS` (default: available processors), "
         "`-Dbackprop.kernel=auto|scalar|vector` (auto = vector only when the module is present), "
         "`-Dbackprop.vector.bits=128|256|512` or `BACKPROP_VECTOR_BITS` (default: the CPU's widest). None changes "
         "a bit of any result: every output element is one `Math.fma` chain with k ascending, split across "
         "threads by blocks of output rows (tests: `KernelsTest`, `KernelDeterminismTest`).\n")
os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
open(target, "w").write("\n".join(L))
