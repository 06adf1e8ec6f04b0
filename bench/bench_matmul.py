"""Matrix-product speed of the two backends the model can run on, on one thread.

    .venv/bin/python bench/bench_matmul.py [--repeats 50]

The shape is a tok2vec layer's over a batch: 3,140 token rows of 288 inputs (3
window positions x 96) times 288 outputs (96 x 3 maxout pieces).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import numpy as np
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits


def gflops(ops: NumpyOps, x: np.ndarray, w: np.ndarray, repeats: int) -> float:
    ops.gemm(x, w, trans2=True)  # warm-up
    t = time.perf_counter()
    for _ in range(repeats):
        ops.gemm(x, w, trans2=True)
    return repeats * 2 * x.shape[0] * x.shape[1] * w.shape[0] / (time.perf_counter() - t) / 1e9


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args(argv)
    threadpool_limits(limits=1, user_api="blas")
    rng = np.random.default_rng(0)
    x = rng.random((3140, 288), dtype=np.float32)
    w = rng.random((288, 288), dtype=np.float32)
    backends = {"blis (thinc default)": NumpyOps(), "numpy BLAS, 1 thread": NumpyOps(use_blis=False)}
    results: dict[str, list[float]] = {name: [] for name in backends}
    for _ in range(a.rounds):  # alternate, so machine drift hits both
        for name, ops in backends.items():
            results[name].append(gflops(ops, x, w, a.repeats))
    for name, r in results.items():
        print(f"{name:22} {statistics.median(r):6.1f} GFLOPS (median of {a.rounds}; {min(r):.1f}-{max(r):.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
