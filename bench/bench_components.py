"""Time per pipeline component, stock spaCy and ours, interleaved on the same cleaned texts.

    .venv/bin/python bench/bench_components.py [--words 100000] [--repeats 3]

Each round runs every stock component over all documents, then every stage of
ours (cleaning, our components, records); medians are printed. The tokenizer is
left out of both, since both pay it alike.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_pipeline import build_corpus, load_stock  # noqa: E402
from pipeline.config import Settings  # noqa: E402
from pipeline.document import new_doc, prepare  # noqa: E402
from pipeline.records import to_record  # noqa: E402
from pipeline.extract import Extractor, Input  # noqa: E402
from pipeline.ingest import decode, detect_format  # noqa: E402


def timed(times: dict[str, list[float]], name: str, fn):
    t = time.perf_counter()
    out = fn()
    times[name].append(time.perf_counter() - t)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=Settings().batch_size)
    ap.add_argument("--stock-matmul", choices=["blis", "numpy"], default="blis", help="the stock model's matrix backend (default blis, as installed)")
    a = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="bench_components_"))
    try:
        files, _ = build_corpus(work, a.words)
        items = []
        for p in files:
            text = decode(p.read_bytes()).text
            items.append(Input(text, p.stem, str(p), "", detect_format(p.name, text)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    settings = Settings()
    ours = Extractor(settings).nlp
    stock = load_stock(a.stock_matmul)
    texts = [prepare(i, settings).map.text for i in items]

    stock_t: dict[str, list[float]] = defaultdict(list)
    ours_t: dict[str, list[float]] = defaultdict(list)
    for _ in range(a.repeats):
        docs = [stock.make_doc(t) for t in texts]
        for name, proc in stock.pipeline:
            docs = timed(stock_t, name, lambda: list(proc.pipe(docs, batch_size=a.batch_size)))
        cleaned = timed(ours_t, "clean", lambda: [prepare(i, settings) for i in items])
        docs = [new_doc(ours, ct, ct.dct or settings.dct) for ct in cleaned]
        for name, proc in ours.pipeline:
            docs = timed(ours_t, name, lambda: list(proc.pipe(docs, batch_size=a.batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs])
        timed(ours_t, "records", lambda: [to_record(i, d, settings) for i, d in zip(items, docs)])

    stock_total = sum(statistics.median(v) for v in stock_t.values())
    print(f"{len(items)} documents; medians of {a.repeats} rounds, seconds and share of the stock total; matmul: stock {a.stock_matmul}, ours {settings.matmul}")
    for title, table in (("stock", stock_t), ("ours", ours_t)):
        total = sum(statistics.median(v) for v in table.values())
        print(f"\n{title}: {total:.2f} s ({100 * total / stock_total:.0f} %)")
        for name, ts in table.items():
            med = statistics.median(ts)
            print(f"  {name:22} {med:7.2f} {100 * med / stock_total:5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
