#!/usr/bin/env python3
"""numpy/OpenBLAS GEMM C = A @ B in float64 at the shapes of KernelBench (m×k×n): W2's 64×784×128,
784×64×128, 64×128×64 and 512³. Threads from OPENBLAS_NUM_THREADS (set it before starting).
usage: OPENBLAS_NUM_THREADS=1 python3 gemm_numpy.py [SAMPLES] [SECONDS_PER_SAMPLE] [wall|cpu]
Prints 'GEMM m k n gflops_sample1 gflops_sample2 ...' lines and an INFO line. With cpu the samples are timed by
the thread's CPU time (time.thread_time: one OpenBLAS thread runs on the caller), to compare with
KernelCpuTime on a shared machine."""
import os, sys, time
import numpy as np

samples = int(sys.argv[1]) if len(sys.argv) > 1 else 7
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 0.3
clock = time.thread_time if len(sys.argv) > 3 and sys.argv[3] == "cpu" else time.perf_counter
rng = np.random.default_rng(0)
for m, k, n in [(64, 784, 128), (784, 64, 128), (64, 128, 64), (512, 512, 512)]:
    a = rng.uniform(-1, 1, (m, k)); b = rng.uniform(-1, 1, (k, n)); c = np.empty((m, n))
    reps = 1
    while True:  # calibrate: calls per sample
        t = time.perf_counter()
        for _ in range(reps):
            np.matmul(a, b, out=c)
        if time.perf_counter() - t > seconds / 4:
            break
        reps *= 2
    reps = max(1, int(reps * seconds / max(1e-9, time.perf_counter() - t)))
    g = []
    for _ in range(samples):
        t = clock()
        for _ in range(reps):
            np.matmul(a, b, out=c)
        g.append(2.0 * m * k * n * reps / (clock() - t) / 1e9)
    print("GEMM", m, k, n, " ".join(f"{x:.2f}" for x in g), flush=True)
cfg = np.show_config(mode="dicts") if hasattr(np, "show_config") else {}
try:
    blas = cfg["Build Dependencies"]["blas"]
    blas = f"{blas.get('name')} {blas.get('version')}"
except Exception:
    blas = "?"
def corename():
    """The kernel family OpenBLAS picked (Haswell = AVX2, SkylakeX/Cooperlake/Zen = AVX-512, ...), or '?'."""
    import ctypes, glob
    libs = glob.glob(os.path.join(os.path.dirname(np.__file__), "..", "numpy.libs", "*openblas*"))
    for lib in libs + ["libopenblas.so.0"]:
        try:
            so = ctypes.CDLL(lib)
        except OSError:
            continue
        for name in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename", "openblas_get_corename64_",
                     "openblas_get_corename"):
            if hasattr(so, name):
                f = getattr(so, name)
                f.restype = ctypes.c_char_p
                return f().decode()
    return "?"


print(f"INFO numpy {np.__version__} blas {blas} core {corename()} OPENBLAS_NUM_THREADS="
      f"{os.environ.get('OPENBLAS_NUM_THREADS')} OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}")
