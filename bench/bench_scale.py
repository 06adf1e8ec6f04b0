"""`make bench-scale`: throughput over 1-16 workers, local processes and Ray actors, beside stock spaCy.

The corpus is built like `make bench`'s (the seeds and the development documents, copies shuffled),
at least --docs documents. A run with N workers reads the first min(all, N x --per-worker)
documents, so each run lasts about as long and the largest reads them all. Every run is a fresh
process (imports and model load included), with no cache:

    local N   python -m pipeline's runner, --workers N (forked workers)
    ray N     the same with --engine ray, on a Ray instance started once for the benchmark
              (actors: N, or the CPUs less the one the engine keeps free)
    stock N   stock spaCy `nlp.pipe(texts, n_process=N)` of the same model on the cleaned texts

Figures per run:
    docs/s     steady state: the documents finished between 10 % and 90 % of the run, over the
               time between (start-up and the last stragglers left out)
    e2e docs/s documents over the whole run's wall time, start-up included
    speed-up   docs/s over the 1-worker docs/s of the same kind; efficiency = speed-up / workers
    start-up   seconds from the run's start to its first extracted document; `load` is the
               slowest worker's time to have its extractor ready (forked workers: near 0)
    peak MB    the largest worker's peak resident memory (shared pages count in each worker)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def steady_rate(progress: list[tuple[float, int]], total: int, lo: float = 0.1, hi: float = 0.9) -> float:
    """Documents per second between the moments `lo` and `hi` of the documents were done."""

    def when(frac: float) -> float:
        target = frac * total
        prev_t, prev_n = 0.0, 0
        for t, n in progress:
            if n >= target:
                return prev_t + (t - prev_t) * (target - prev_n) / max(n - prev_n, 1)
            prev_t, prev_n = t, n
        return progress[-1][0]

    span = when(hi) - when(lo)
    return (hi - lo) * total / span if span > 0 else float("nan")


def vm_hwm_mb() -> float:
    for line in open("/proc/self/status", encoding="ascii"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# ---------------------------------------------------------------- one run, in its own process


def one_ours(engine: str, workers: int, corpus: Path, out: Path, address: str | None) -> dict:
    t0 = time.perf_counter()
    from pipeline.config import Settings
    from pipeline.lean_imports import keep_gpu_libraries_out
    from pipeline.runner import run

    keep_gpu_libraries_out(Settings().model)  # as `python -m pipeline extract` does

    res = run([str(corpus)], out, Settings(), workers=workers, force=True, engine=engine, ray_address=address)
    wall = time.perf_counter() - t0
    if res.failed:
        raise SystemExit(f"bench-scale: {res.failed} documents failed: {res.summary()}")
    digest = hashlib.sha256((out / "documents.jsonl").read_bytes() + (out / "facts.jsonl").read_bytes()).hexdigest()
    imports = wall - res.seconds
    return {
        "docs": res.processed, "wall_s": wall, "docs_per_s": steady_rate(res.progress, res.processed),
        "e2e_docs_per_s": res.processed / wall, "first_doc_s": imports + (res.first_result_s or 0.0),
        "load_s": max(res.worker_start_s.values(), default=float("nan")), "actors": len(res.worker_start_s),
        "peak_mb": max(res.worker_peak_mb.values(), default=float("nan")), "driver_mb": vm_hwm_mb(),
        "write_s": res.timings.get("write", 0.0), "hash_s": res.timings.get("hash+cache lookup", 0.0), "output_sha256": digest,
    }


def one_stock(workers: int, texts_file: Path) -> dict:
    t0 = time.perf_counter()
    from bench_pipeline import load_stock

    texts = json.loads(texts_file.read_text(encoding="utf-8"))
    nlp = load_stock()
    progress, n, first = [], 0, None
    for _ in nlp.pipe(texts, batch_size=16, n_process=workers):
        n += 1
        now = time.perf_counter() - t0
        first = first if first is not None else now
        if n % 8 == 0 or n == len(texts):
            progress.append((now, n))
    wall = time.perf_counter() - t0
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"docs": n, "wall_s": wall, "docs_per_s": steady_rate(progress, n), "e2e_docs_per_s": n / wall,
            "first_doc_s": first, "load_s": float("nan"), "actors": workers,
            "peak_mb": kids if workers > 1 else vm_hwm_mb(), "driver_mb": vm_hwm_mb()}


# ---------------------------------------------------------------- the benchmark


def subset(corpus: list[Path], k: int, work: Path) -> Path:
    """A folder holding (hard links to) the first k documents."""
    d = work / f"first{k}"
    if not d.exists():
        d.mkdir()
        for p in corpus[:k]:
            os.link(p, d / p.name)
    return d


def child(args: list[str], timeout: float) -> dict:
    r = subprocess.run([sys.executable, __file__, "--one", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        raise SystemExit(f"bench-scale: run {args} failed:\n{r.stderr[-3000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=3200, help="documents in the corpus (default 3200)")
    ap.add_argument("--per-worker", type=int, default=200, help="documents per worker in each run (default 200)")
    ap.add_argument("--workers", default="1,2,4,8,16")
    ap.add_argument("--kinds", default="local,ray,stock", help="which of local, ray, stock to run")
    ap.add_argument("--stock-workers", default="1,16", help="n_process values for stock spaCy")
    ap.add_argument("--dev", type=Path, help="development documents to build the corpus from (default ../shared/corpus/dev)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds allowed per run")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--one", nargs="+", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)

    if a.one:
        kind, workers, *rest = a.one
        if kind == "stock":
            out = one_stock(int(workers), Path(rest[0]))
        else:
            out = one_ours(kind, int(workers), Path(rest[0]), Path(rest[1]), rest[2] if len(rest) > 2 else None)
        print(json.dumps(out))
        return 0

    from bench_pipeline import DEV, build_corpus, cpu_model

    kinds = a.kinds.split(",")
    counts = [int(w) for w in a.workers.split(",")]
    work = Path(tempfile.mkdtemp(prefix="bench_scale_"))
    address = None
    try:
        (work / "corpus").mkdir()
        t = time.perf_counter()
        files, texts = build_corpus(work / "corpus", 0, min_docs=a.docs, dev=a.dev or DEV)
        words = sum(len(x.split()) for x in texts)
        print(f"corpus: {len(files)} documents, {words} words (cleaned text), built in {time.perf_counter() - t:.1f} s; "
              f"{os.cpu_count()} cores, {cpu_model()}, Python {sys.version.split()[0]}", flush=True)
        if "ray" in kinds:
            import logging

            import ray

            t = time.perf_counter()
            os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
            ray.init(num_cpus=os.cpu_count(), include_dashboard=False, logging_level=logging.WARNING)
            address = ray.get_runtime_context().gcs_address
            print(f"ray {ray.__version__}: local instance with {os.cpu_count()} CPUs started in {time.perf_counter() - t:.1f} s", flush=True)
        rows: dict[str, dict] = {}
        for n in counts:
            k = min(len(files), n * a.per_worker)
            folder = subset(files, k, work)
            for kind in ("local", "ray"):
                if kind in kinds:
                    args = [kind, str(n), str(folder), str(work / f"out_{kind}_{n}")] + ([address] if kind == "ray" else [])
                    rows[f"{kind} {n}"] = row = child(args, a.timeout)
                    shutil.rmtree(work / f"out_{kind}_{n}", ignore_errors=True)
                    print(f"  {kind} {n}: {row['docs']} docs, {row['docs_per_s']:.1f} docs/s steady, {row['wall_s']:.1f} s", flush=True)
            if "local" in kinds and "ray" in kinds:
                assert rows[f"local {n}"]["output_sha256"] == rows[f"ray {n}"]["output_sha256"], f"the engines disagree at {n} workers"
        if "stock" in kinds:
            for n in (int(w) for w in a.stock_workers.split(",")):
                k = min(len(files), n * a.per_worker)
                tf = work / f"texts{k}.json"
                tf.write_text(json.dumps(texts[:k]), encoding="utf-8")
                rows[f"stock {n}"] = row = child(["stock", str(n), str(tf)], a.timeout)
                print(f"  stock {n}: {row['docs']} docs, {row['docs_per_s']:.1f} docs/s steady, {row['wall_s']:.1f} s", flush=True)

        print(f"\n{'run':9} {'workers':>7} {'docs':>5} {'docs/s':>7} {'speed-up':>8} {'effic.':>6} {'e2e docs/s':>10} {'e2e x':>6} "
              f"{'start-up s':>10} {'load s':>6} {'peak MB':>7}")
        for name, row in rows.items():
            kind, n = name.split()
            base = rows.get(f"{kind} 1")
            sp = row["docs_per_s"] / base["docs_per_s"] if base else float("nan")
            e2e = row["e2e_docs_per_s"] / base["e2e_docs_per_s"] if base else float("nan")
            row.update(speedup=sp, efficiency=sp / int(n), e2e_speedup=e2e)
            shown = f"{n} ({row['actors']})" if kind == "ray" else n
            print(f"{kind:9} {shown:>7} {row['docs']:5d} {row['docs_per_s']:7.1f} {sp:7.2f}x {sp / int(n):6.2f} {row['e2e_docs_per_s']:10.1f} "
                  f"{e2e:5.2f}x {row['first_doc_s']:10.2f} {row['load_s']:6.2f} {row['peak_mb']:7.0f}")
        print("output byte-identical between the local and Ray engines at every worker count: " + ("yes" if "local" in kinds and "ray" in kinds else "not checked"))
        if a.json:
            a.json.write_text(json.dumps({"rows": rows, "documents": len(files), "words": words, "cores": os.cpu_count(), "cpu": cpu_model()}, indent=1))
    finally:
        if address is not None:
            import ray

            ray.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
