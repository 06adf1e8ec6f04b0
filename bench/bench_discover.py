"""Discovery at scale: the driver's work before any extraction, on generated small files.

Generates --files small Markdown files (1,000 per folder, each distinct), then times, in a
fresh process each: discovery with doc_ids (what every run does first), and discovery plus
hashing, de-duplication and the cache lookup (the whole driver side up to the first chunk),
with that process's peak resident memory. The run stops there: no extraction.

    .venv/bin/python bench/bench_discover.py                 # 1,000,000 files
    .venv/bin/python bench/bench_discover.py --files 100000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class _Stop(Exception):
    pass


def measure(folder: str, hashing: bool) -> dict:
    from pipeline import ingest, runner
    from pipeline.config import Settings

    t = time.perf_counter()
    found, _ = runner.discover([folder], ingest.SUPPORTED_SUFFIXES)
    runner.assign_doc_ids([f.source for f in found])
    discover_s = time.perf_counter() - t
    out: dict = {"files": len(found), "discover_s": discover_s}
    if hashing:
        # The real run, stopped when the first chunk would go to an engine: hashing, duplicates, cache lookups included.
        class Stop:
            def process(self, work):
                out["jobs"] = sum(len(c) for c in work.chunks)
                raise _Stop

        import pipeline.engines as engines

        engines.get_engine = lambda name, **kw: Stop()
        t = time.perf_counter()
        with tempfile.TemporaryDirectory() as outdir:
            try:
                runner.run([folder], outdir, Settings())
            except _Stop:
                pass
        out["run_until_extraction_s"] = time.perf_counter() - t
    for line in open("/proc/self/status", encoding="ascii"):
        if line.startswith("VmHWM:"):
            out["peak_mb"] = int(line.split()[1]) / 1024
    return out


def generate(root: Path, n: int) -> None:
    for i in range(n):
        if i % 1000 == 0:
            d = root / f"d{i // 1000:04d}"
            d.mkdir(parents=True)
        fd = os.open(f"{d}/p{i:07d}.md", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        os.write(fd, f"# Person {i}\n\nPerson {i} is an engineer at Company {i % 997}.\n".encode())
        os.close(fd)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=1_000_000)
    ap.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.one:
        print(json.dumps(measure(a.one[0], a.one[1] == "hash")))
        return 0
    work = Path(tempfile.mkdtemp(prefix="bench_discover_"))
    try:
        t = time.perf_counter()
        generate(work / "in", a.files)
        print(f"generated {a.files} files in {time.perf_counter() - t:.1f} s", flush=True)
        for mode in ("discover", "hash"):
            r = subprocess.run([sys.executable, __file__, "--one", str(work / "in"), mode], capture_output=True, text=True, check=True)
            print(mode, r.stdout.strip(), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
