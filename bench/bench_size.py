"""`make bench-size`: seconds and peak memory of one document as it grows (0.1 to 4 MB).

Each document is real-looking Markdown: the seeds and the development pages (when
`../shared` is present) appended one after another, in a fixed order, until the file
reaches the size. Every size runs in a fresh process (the run of `extract` on the one
file, under the run's own default time limit, which grows with size above 1 MB), and
that process reports its wall time, its CPU time (user + system: what a shared machine's
load moves least) and its peak resident memory; model loading is included in all three. Near-linear means
the seconds per MB stay flat as the size grows.
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


def sources() -> list[Path]:
    files = sorted(p for p in (ROOT / "seeds").iterdir() if p.suffix in SUFFIXES)
    dev = ROOT.parent / "shared" / "corpus" / "dev"
    if dev.is_dir():
        files += sorted(p for p in dev.iterdir() if p.suffix in SUFFIXES)
    else:
        print("bench-size: ../shared/corpus/dev is absent; the documents are built from the seeds alone", file=sys.stderr)
    return files


def build(size: int) -> bytes:
    """Whole source documents, each under its own heading, until `size` bytes, then cut at a line end."""
    parts: list[bytes] = []
    total, i = 0, 0
    base = [p.read_bytes() for p in sources()]
    while total < size:
        chunk = f"\n\n# Part {i + 1}\n\n".encode() + base[i % len(base)]
        parts.append(chunk)
        total += len(chunk)
        i += 1
    data = b"".join(parts)[:size]
    cut = data.rfind(b"\n")
    data = data[: cut + 1] if cut > 0 else data
    return data.decode("utf-8", "ignore").encode("utf-8")


def one(path: str, out: str, timeout: float) -> None:
    """Child: run the pipeline on one file and print its seconds and peak memory as JSON."""
    sys.path.insert(0, str(ROOT))
    from pipeline.config import Settings
    from pipeline.runner import run

    t = time.perf_counter()
    res = run([path], out, Settings(timeout_s=timeout), force=True)
    seconds = time.perf_counter() - t
    ru = resource.getrusage(resource.RUSAGE_SELF)
    cpu = ru.ru_utime + ru.ru_stime
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    status = json.loads((Path(out) / "documents.jsonl").read_text().splitlines()[0])
    print(json.dumps({
        "seconds": round(seconds, 2), "cpu": round(cpu, 2), "peak_mb": round(peak_mb), "facts": res.facts,
        "status": status["status"], "code": (status.get("error") or {}).get("code"),
    }))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="0.1,0.5,1,2,4", help="document sizes in MB (default 0.1,0.5,1,2,4)")
    ap.add_argument("--timeout", type=float, default=60.0, help="the run's --timeout (default 60, the run's own default)")
    ap.add_argument("--one", nargs=2, metavar=("FILE", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        one(args.one[0], args.one[1], args.timeout)
        return 0
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-size-") as tmp:
        for mb in (float(x) for x in args.sizes.split(",")):
            doc = Path(tmp) / f"doc_{mb:g}mb.md"
            doc.write_bytes(build(int(mb * 1024 * 1024)))
            out = Path(tmp) / f"out_{mb:g}"
            proc = subprocess.run(
                [sys.executable, __file__, "--timeout", str(args.timeout), "--one", str(doc), str(out)],
                capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"},
            )
            if proc.returncode != 0:
                print(proc.stderr, file=sys.stderr)
                return 1
            row = json.loads(proc.stdout.strip().splitlines()[-1])
            row["mb"] = mb
            rows.append(row)
            print(f"{mb:g} MB: {row['seconds']} s ({row['cpu']} cpu s), {row['peak_mb']} MB peak, status {row['status']}"
                  f"{' (' + row['code'] + ')' if row['code'] else ''}, {row['facts']} facts", file=sys.stderr, flush=True)
    print("| size MB | seconds | cpu s | cpu s per MB | peak MB | status | facts |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        status = r["status"] + (f" ({r['code']})" if r["code"] else "")
        print(f"| {r['mb']:g} | {r['seconds']:.1f} | {r['cpu']:.1f} | {r['cpu'] / r['mb']:.1f} | {r['peak_mb']} | {status} | {r['facts']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
