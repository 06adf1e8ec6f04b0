"""`make bench`: the whole pipeline against stock spaCy on the same corpus, in one process.

The corpus is built here: the seeds and the development documents (when
`../shared` is present), repeated and shuffled with a fixed seed until it holds
`--words` words. Runs alternate baseline / ours / ours with 2 workers, so a
change in machine load hits all three alike; medians and spreads are printed.

    baseline  stock `nlp.pipe(texts)` of the same model, all components, on the cleaned texts
              (thinc's blis as installed, or numpy's BLAS with --baseline-matmul numpy)
    ours      pipeline.runner.run over the raw files: every stage, validation, written JSONL
    ours x2   the same with --workers 2
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.config import Settings  # noqa: E402
from pipeline.document import prepare  # noqa: E402
from pipeline.extract import Input  # noqa: E402
from pipeline.ingest import SUPPORTED_SUFFIXES, decode, detect_format  # noqa: E402
from pipeline.nlp import load_model  # noqa: E402


DEV = ROOT.parent / "shared" / "corpus" / "dev"


def sources(dev: Path = DEV) -> list[Path]:
    files = sorted(p for p in (ROOT / "seeds").iterdir() if p.suffix in SUPPORTED_SUFFIXES)
    if dev.is_dir():
        files += sorted(p for p in dev.iterdir() if p.suffix in SUPPORTED_SUFFIXES)
    else:
        print("bench: ../shared/corpus/dev is absent; the corpus is built from the seeds alone", file=sys.stderr)
    return files


def build_corpus(folder: Path, min_words: int, seed: int = 13, min_docs: int = 0, dev: Path = DEV) -> tuple[list[Path], list[str]]:
    """Copies of the source documents, shuffled, until the cleaned texts hold `min_words` words (and there are `min_docs`)."""
    rng = random.Random(seed)
    base = []
    for p in sources(dev):
        raw = p.read_bytes()
        text = decode(raw).text
        clean_text = prepare(Input(text, p.stem, str(p), "", detect_format(p.name, text)), Settings()).map.text
        base.append((p, raw, clean_text, len(clean_text.split())))
    files, texts, words, i = [], [], 0, 0
    while words < min_words or len(files) < min_docs:
        batch = base[:]
        rng.shuffle(batch)
        for p, raw, clean_text, n in batch:
            i += 1
            # A line with the copy number keeps every copy's sha256 distinct, so none is skipped as a duplicate.
            dst = folder / f"{i:05d}_{p.stem}{p.suffix}"
            dst.write_bytes(raw + f"\n\ncopy {i}\n".encode())
            files.append(dst)
            texts.append(clean_text)
            words += n
            if words >= min_words and len(files) >= min_docs:
                break
    return files, texts


def cpu_seconds() -> float:
    """User + system CPU time of this process and its reaped children (a run's worker processes).

    Beside wall time because a shared host slows wall time by whatever else it runs;
    CPU time moves much less with that.
    """
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def load_stock(matmul: str = "blis"):
    """The stock model with all its components: as installed (thinc's blis), or on the
    matrix backend ours uses, to show what that backend alone is worth."""
    return load_model(Settings().model, matmul)


def run_baseline(nlp, texts: list[str], batch_size: int) -> float:
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t


def tune_batch_size(nlp, texts: list[str], sizes: tuple[int, ...] = (8, 16, 32, 64, 128), words: int = 40_000) -> int:
    """The baseline's fastest nlp.pipe batch size on a sample of the corpus (two passes, best of each)."""
    sample, n = [], 0
    for t in texts:
        sample.append(t)
        n += len(t.split())
        if n >= words:
            break
    best: dict[int, float] = {}
    for _ in range(2):
        for size in sizes:
            best[size] = min(best.get(size, float("inf")), run_baseline(nlp, sample, size))
    print("baseline batch size: " + ", ".join(f"{k} {v:.1f} s" for k, v in best.items()), flush=True)
    return min(best, key=best.__getitem__)


def run_ours(corpus: Path, out: Path, workers: int, settings: Settings | None = None) -> float:
    from pipeline.runner import run

    shutil.rmtree(out, ignore_errors=True)
    t = time.perf_counter()
    res = run([str(corpus)], out, settings or Settings(), workers=workers, force=True)
    dt = time.perf_counter() - t
    if res.failed:
        raise SystemExit(f"bench: {res.failed} documents failed: {res.summary()}")
    return dt


def facts_of(out: Path) -> list[str]:
    return (out / "facts.jsonl").read_text(encoding="utf-8").splitlines()


def first_record_seconds(doc: Path) -> float:
    """Wall time of a fresh `python -m pipeline extract` on one document: start-up to its record on disk."""
    with tempfile.TemporaryDirectory() as out:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pipeline", "extract", str(doc), "--out", out], cwd=ROOT, check=True, capture_output=True)
        dt = time.perf_counter() - t
        assert (Path(out) / "documents.jsonl").stat().st_size > 0
    return dt


def model_load_seconds() -> float:
    """Wall time of a fresh process that only imports spaCy and loads the model: the floor under start-up."""
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", f"import spacy; spacy.load({Settings().model!r})"], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - t


def peak_rss_mb(corpus: Path, workers: int) -> tuple[float, float]:
    """Peak resident memory of a fresh run: (main process, largest worker) in MB."""
    code = (
        "import resource, sys, tempfile; sys.path.insert(0, %r)\n"
        "from pipeline.runner import run\n"
        "from pipeline.config import Settings\n"
        "run([%r], tempfile.mkdtemp(), Settings(), workers=%d, force=True)\n"
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent (this benchmark, with its own model loaded).
        "hwm = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
        "print(hwm, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    ) % (str(ROOT), str(corpus), workers)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True).stdout.split()
    return int(out[-2]) / 1024, int(out[-1]) / 1024


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=300_000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--batch-size", type=int, help="baseline nlp.pipe batch size (default: the fastest of 8-128 on a sample)")
    ap.add_argument("--baseline-matmul", choices=["blis", "numpy"], default="blis", help="the baseline's matrix backend (default blis: stock spaCy as installed)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    a = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="bench_"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        files, texts = build_corpus(corpus, a.words)
        words = sum(len(t.split()) for t in texts)
        print(f"corpus: {len(files)} documents, {words} words (cleaned text); {os.cpu_count()} cores, {cpu_model()}")
        stock = load_stock(a.baseline_matmul)
        batch_size = a.batch_size or tune_batch_size(stock, texts)
        print(f"baseline: nlp.pipe(texts, batch_size={batch_size}) with {', '.join(stock.pipe_names)}; matmul {a.baseline_matmul}", flush=True)
        runs = {
            "baseline": lambda: run_baseline(stock, texts, batch_size),
            "ours": lambda: run_ours(corpus, work / "out1", 1),
            "ours x2": lambda: run_ours(corpus, work / "out2", 2),
        }
        times: dict[str, list[float]] = {name: [] for name in runs}
        cpu: dict[str, list[float]] = {name: [] for name in runs}
        reference: list[str] | None = None
        for r in range(a.repeats):
            for name, go in runs.items():
                c = cpu_seconds()
                times[name].append(go())
                cpu[name].append(cpu_seconds() - c)
            facts1, facts2 = facts_of(work / "out1"), facts_of(work / "out2")
            assert facts1 == facts2, "2 workers changed the facts"
            assert reference is None or facts1 == reference, "a repeat changed the facts"
            reference = facts1
            print(f"  round {r + 1}: " + ", ".join(f"{k} {v[-1]:.1f} s" for k, v in times.items()), flush=True)
        # A plain run: a fresh process with the default settings, no cache.
        plain = work / "plain"
        subprocess.run([sys.executable, "-m", "pipeline", "extract", str(corpus), "--out", str(plain)], cwd=ROOT, check=True, capture_output=True)
        assert facts_of(plain) == reference, "the benchmark run and a plain run disagree"
        # The syntax components run on part of the text only; the facts must be those of a whole-document parse.
        run_ours(corpus, work / "full", 1, Settings(full_parse=True))
        assert facts_of(work / "full") == reference, "parsing only where rules need it changed the facts"

        rows = {}
        for name, ts in times.items():
            med = statistics.median(ts)
            rows[name] = {"median_s": med, "min_s": min(ts), "max_s": max(ts), "words_per_s": words / med, "docs_per_s": len(files) / med,
                          "cpu_s": statistics.median(cpu[name])}
        ratio = rows["baseline"]["median_s"] / rows["ours"]["median_s"]
        cpu_ratio = rows["baseline"]["cpu_s"] / rows["ours"]["cpu_s"]
        speedup = rows["ours"]["median_s"] / rows["ours x2"]["median_s"]
        main1, _ = peak_rss_mb(corpus, 1)
        main2, worker2 = peak_rss_mb(corpus, 2)
        first = statistics.median(first_record_seconds(sorted((ROOT / "seeds").iterdir())[0]) for _ in range(3))
        floor = statistics.median(model_load_seconds() for _ in range(3))

        print(f"\n{'run':10} {'median s':>9} {'spread s':>13} {'words/s':>9} {'docs/s':>8} {'cpu s':>8}")
        for name, row in rows.items():
            print(f"{name:10} {row['median_s']:9.1f} {row['min_s']:6.1f}-{row['max_s']:<6.1f} {row['words_per_s']:9.0f} {row['docs_per_s']:8.1f} {row['cpu_s']:8.1f}")
        print("per round, baseline/ours: " + ", ".join(f"{b / o:.2f}" for b, o in zip(times["baseline"], times["ours"])))
        print(f"\nours/baseline throughput: {ratio:.2f} (by CPU time {cpu_ratio:.2f})   2-worker speed-up: {speedup:.2f}x")
        print(f"peak RSS: single process {main1:.0f} MB; with 2 workers: main {main2:.0f} MB, largest worker {worker2:.0f} MB")
        print(f"first record of a one-page document: {first:.2f} s from process start (median of 3); "
              f"a process that only imports spaCy and loads the model: {floor:.2f} s")
        print("facts identical across repeats, with 2 workers, in a plain run, and with --full-parse: yes")
        if a.json:
            a.json.write_text(json.dumps({"rows": rows, "ratio": ratio, "cpu_ratio": cpu_ratio, "speedup": speedup, "rss_mb": {"single": main1, "main_2w": main2, "worker_2w": worker2},
                                          "first_record_s": first, "model_load_s": floor, "baseline_batch_size": batch_size, "baseline_matmul": a.baseline_matmul, "documents": len(files), "words": words}, indent=1))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
