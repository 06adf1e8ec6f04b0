"""`make bench-size`: seconds and peak memory of one document as it grows (0.1 to 4 MB).

Each document is real-looking Markdown: the seeds and the development pages (when
`../shared` is present) appended one after another, in a fixed order, until the file
reaches the size. Every size runs in a fresh process (the run of `extract` on the one
file, under the run's own default time limit, which grows with size above 1 MB), and
that process reports its wall time, its CPU time (user + system: what a shared machine's
load moves least) and its peak resident memory; model loading is included in all three. Near-linear means
the seconds per MB stay flat as the size grows.

`--workers 1,2` runs every size once per worker count: with several workers the model's
parts of the document run on the worker pool. CPU time then counts the workers too (and is given for the main process and the workers apart), and
peak memory is reported for the main process and for the largest worker; the outputs of
every worker count must be byte-identical. `parts s / document s`: of the seconds the main
process spent on the document, those it waited for the model's parts (the rest, markup,
cleaning and our components on the whole document, runs in the main process alone). The load average of the machine (1 minute,
before and after each run) goes with each row, since a shared machine's other jobs move
the wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = (".md", ".txt")


def sources(dev: Path | None = None) -> list[Path]:
    files = sorted(p for p in (ROOT / "seeds").iterdir() if p.suffix in SUFFIXES)
    dev = dev or ROOT.parent / "shared" / "corpus" / "dev"
    if dev.is_dir():
        files += sorted(p for p in dev.iterdir() if p.suffix in SUFFIXES)
    else:
        print("bench-size: ../shared/corpus/dev is absent; the documents are built from the seeds alone", file=sys.stderr)
    return files


def build(size: int, dev: Path | None = None) -> bytes:
    """Whole source documents, each under its own heading, until `size` bytes, then cut at a line end."""
    parts: list[bytes] = []
    total, i = 0, 0
    base = [p.read_bytes() for p in sources(dev)]
    while total < size:
        chunk = f"\n\n# Part {i + 1}\n\n".encode() + base[i % len(base)]
        parts.append(chunk)
        total += len(chunk)
        i += 1
    data = b"".join(parts)[:size]
    cut = data.rfind(b"\n")
    data = data[: cut + 1] if cut > 0 else data
    return data.decode("utf-8", "ignore").encode("utf-8")


def one(path: str, out: str, timeout: float, workers: int) -> None:
    """Child: run the pipeline on one file and print its seconds and peak memory as JSON."""
    sys.path.insert(0, str(ROOT))
    from pipeline.config import Settings
    from pipeline.runner import run

    load = os.getloadavg()[0]
    t = time.perf_counter()
    res = run([path], out, Settings(timeout_s=timeout), force=True, workers=workers)
    seconds = time.perf_counter() - t
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers, joined when the run ends
    cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    status = json.loads((Path(out) / "documents.jsonl").read_text().splitlines()[0])
    print(json.dumps({
        "seconds": round(seconds, 2), "cpu": round(cpu, 2), "cpu_main": round(me.ru_utime + me.ru_stime, 2), "peak_mb": round(me.ru_maxrss / 1024),
        "worker_peak_mb": round(kids.ru_maxrss / 1024) if workers > 1 else None, "facts": res.facts,
        "status": status["status"], "code": (status.get("error") or {}).get("code"),
        "load": [round(load, 1), round(os.getloadavg()[0], 1)],
        # With workers: the document's time in this process, and how much of it went waiting for the model's parts.
        "here_s": round(res.timings.get("long documents, parts on workers", 0.0), 2),
        "parts_s": round(res.timings.get("long documents, waiting for the parts", 0.0), 2),
    }))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="0.1,0.5,1,2,4", help="document sizes in MB (default 0.1,0.5,1,2,4)")
    ap.add_argument("--timeout", type=float, default=60.0, help="the run's --timeout (default 60, the run's own default)")
    ap.add_argument("--dev", type=Path, help="development documents to build from (default ../shared/corpus/dev)")
    ap.add_argument("--workers", default="1", help="worker counts to run each size with, e.g. 1,2 (default 1)")
    ap.add_argument("--keep", type=Path, help="also write the generated documents to this folder (to profile one: extract DOC --profile)")
    ap.add_argument("--one", nargs=2, metavar=("FILE", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    counts = [int(x) for x in args.workers.split(",")]
    if args.one:
        one(args.one[0], args.one[1], args.timeout, counts[0])
        return 0
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-size-") as tmp:
        for mb in (float(x) for x in args.sizes.split(",")):
            doc = Path(tmp) / f"doc_{mb:g}mb.md"
            doc.write_bytes(build(int(mb * 1024 * 1024), args.dev))
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / doc.name).write_bytes(doc.read_bytes())
            first: tuple[bytes, bytes] | None = None
            for n in counts:
                out = Path(tmp) / f"out_{mb:g}_{n}"
                proc = subprocess.run(
                    [sys.executable, __file__, "--timeout", str(args.timeout), "--workers", str(n), "--one", str(doc), str(out)],
                    capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"},
                )
                if proc.returncode != 0:
                    print(proc.stderr, file=sys.stderr)
                    return 1
                row = json.loads(proc.stdout.strip().splitlines()[-1])
                row["mb"], row["workers"] = mb, n
                rows.append(row)
                written = ((out / "documents.jsonl").read_bytes(), (out / "facts.jsonl").read_bytes())
                if first is None:
                    first = written
                elif written != first:
                    print(f"{mb:g} MB: the output with {n} workers differs from that with {counts[0]}", file=sys.stderr)
                    return 1
                worker = f" (largest worker {row['worker_peak_mb']} MB)" if row["worker_peak_mb"] else ""
                split = f", {row['parts_s']} s of its {row['here_s']} s waiting for the model's parts" if row["here_s"] else ""
                print(f"{mb:g} MB, {n} worker(s): {row['seconds']} s ({row['cpu']} cpu s){split}, {row['peak_mb']} MB peak{worker}, status {row['status']}"
                      f"{' (' + row['code'] + ')' if row['code'] else ''}, {row['facts']} facts, load {row['load'][0]} -> {row['load'][1]}",
                      file=sys.stderr, flush=True)
    print("| size MB | workers | wall s | cpu s | cpu s main / workers | cpu s per MB | parts s / document s | peak MB (main / largest worker) | status | facts | load avg before / after |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        status = r["status"] + (f" ({r['code']})" if r["code"] else "")
        peak = f"{r['peak_mb']}" + (f" / {r['worker_peak_mb']}" if r["worker_peak_mb"] else "")
        split = f"{r['parts_s']:.1f} / {r['here_s']:.1f}" if r["here_s"] else ""
        split_cpu = f"{r['cpu_main']:.1f} / {r['cpu'] - r['cpu_main']:.1f}" if r["workers"] > 1 else ""
        print(f"| {r['mb']:g} | {r['workers']} | {r['seconds']:.1f} | {r['cpu']:.1f} | {split_cpu} | {r['cpu'] / r['mb']:.1f} | {split} | {peak} | {status} | {r['facts']} | {r['load'][0]} / {r['load'][1]} |")
    if len(counts) > 1:
        print(f"\nThe outputs of {', '.join(map(str, counts))} workers were byte-identical at every size.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
