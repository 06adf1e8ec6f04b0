"""Date-stage benchmark on TimeML documents: our tagger (TimeML mode) against HeidelTime and dateparser.

usage: python bench/bench_dates.py [--corpus DIR] [--limit N] [--systems ours,heideltime,dateparser] [--json OUT]

Each system runs as its own process on the same documents (TEXT content of each
.tml file, with the DCT from its DCT TIMEX3), so docs/sec is end to end, start-up
included. Peers live in bench/.venv-peers, installed by bench/peers/setup.sh.
Prints extent strict/relaxed P, R, F1, value F1 (relaxed match, equal value), type F1, docs/sec.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.timeml import Counts, iter_corpus, read_timeml, score  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "bench" / "timebank"
PEERS_VENV = ROOT / "bench" / ".venv-peers"
PEERS_PY = PEERS_VENV / "bin" / "python"


def _run_ours(src: str, dst: str) -> None:
    from datetime import date

    from pipeline.dates import extract_dates

    docs = json.loads(Path(src).read_text(encoding="utf-8"))
    out = {}
    for d in docs:
        dct = date.fromisoformat(d["dct"]) if d.get("dct") else None
        out[d["id"]] = [m.model_dump() for m in extract_dates(d["text"], dct, timeml=True)]
    Path(dst).write_text(json.dumps(out), encoding="utf-8")


def _ensure_peers() -> bool:
    if (PEERS_VENV / ".installed").exists():
        return True
    print("installing peers into bench/.venv-peers ...", file=sys.stderr)
    r = subprocess.run(["bash", str(ROOT / "bench" / "peers" / "setup.sh")])
    return r.returncode == 0


def _system_cmd(system: str, src: str, dst: str) -> list[str]:
    if system == "ours":
        return [sys.executable, str(Path(__file__).resolve()), "--run-ours", src, dst]
    return [str(PEERS_PY), str(ROOT / "bench" / "peers" / "run_peers.py"), system, src, dst]


_FORMS = [  # (form, regex on a gold TIMEX3's text), first match wins
    ("time of day", r"(?i)\b(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\b|noon|midnight|midday|morning|afternoon|evening|night|tonight|overnight)"),
    ("set", r"(?i)\b(?:every|each|per|daily|weekly|monthly|quarterly|annually|yearly|hourly|nightly)\b"),
    ("ago / later / earlier", r"(?i)\b(?:ago|later|earlier|before|after|afterwards)\b"),
    ("duration", r"(?i)\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|some|recent|past|next|last|coming)[\s-]+(?:\w+\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies)|quarters?)\b"),
    ("duration", r"(?i)\b(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b|-long\b|\b(?:a|an)\s+(?:hour|day|week|month|year|decade)\b"),
    ("quarter / half / fiscal", r"(?i)\b(?:quarter|half|fiscal|period|year-(?:ago|earlier|end))\b"),
    ("decade / century", r"(?i)(?:\d0'?s|\b(?:decade|century|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)"),
    ("weekday", r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\bweekend\b"),
    ("day word", r"(?i)\b(?:today|yesterday|tomorrow)\b"),
    ("season / holiday", r"(?i)\b(?:spring|summers?|fall|autumn|winters?|christmas|easter|thanksgiving|new year)\b|\b(?-i:[A-Z][a-z]+ Day)\b"),
    ("month / day", r"(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"),
    ("last / this / next unit", r"(?i)\b(?:last|this|next|past|previous|current|coming|following)\s+(?:week|month|year)\b"),
    ("year", r"\b(?:1[0-9]|20)\d\d\b|['’]\d\d\b"),
    ("the / that + unit", r"(?i)\b(?:the|that|this|full)\s+(?:\w+\s+)?(?:year|month|week|day|quarter|morning)\b"),
    ("present / past / future", r"(?i)\b(?:now|current(?:ly)?|recent(?:ly)?|future|past|former(?:ly)?|soon|present|nowadays)\b"),
]


def _form(text: str) -> str:
    return next((name for name, rx in _FORMS if re.search(rx, text)), "other")


def _found_by(gold: list, found: list[dict]) -> set[int]:
    """Indexes of the gold TIMEX3s that a system's mentions overlap."""
    return {i for i, g in enumerate(gold) if any(min(g.end, m["end"]) > max(g.start, m["start"]) for m in found)}


def _diff_by_form(gold: dict, a: str, fa: dict, b: str, fb: dict) -> None:
    """Gold expressions one system finds (relaxed) and the other misses, counted by form."""
    from collections import Counter, defaultdict

    only = {a: Counter(), b: Counter()}
    examples: dict = {a: defaultdict(list), b: defaultdict(list)}
    for doc_id, g in gold.items():
        sa, sb = _found_by(g, fa.get(doc_id, [])), _found_by(g, fb.get(doc_id, []))
        for who, idx in ((a, sa - sb), (b, sb - sa)):
            for i in sorted(idx):
                f = _form(g[i].text)
                only[who][f] += 1
                if len(examples[who][f]) < 4:
                    examples[who][f].append(g[i].text)
    for who, other in ((a, b), (b, a)):
        print(f"found by {who}, missed by {other}: {sum(only[who].values())}")
        for f, n in only[who].most_common():
            print(f"  {n:4}  {f:26} e.g. {', '.join(repr(x) for x in examples[who][f])}")


class _M:
    __slots__ = ("start", "end", "value", "type")

    def __init__(self, d: dict) -> None:
        self.start, self.end, self.value, self.type = d["start"], d["end"], d.get("value"), d.get("type")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--limit", type=int, default=0, help="first N documents only (0: all)")
    ap.add_argument("--systems", default="ours,heideltime,dateparser")
    ap.add_argument("--json", help="also write the table as JSON here")
    ap.add_argument("--keep", help="save each system's raw output and run time in this folder")
    ap.add_argument("--reuse", help="score the outputs saved by --keep in this folder instead of running those systems again")
    ap.add_argument("--diff", metavar="A,B", help="also list the gold expressions one of two systems finds and the other misses, by form")
    ap.add_argument("--run-ours", nargs=2, metavar=("IN", "OUT"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.run_ours:
        _run_ours(*a.run_ours)
        return 0
    corpus = Path(a.corpus)
    if not corpus.is_dir():
        print(f"skipped: TimeML corpus folder {corpus} is not present")
        return 0
    files = iter_corpus(corpus)
    if a.limit:
        files = files[: a.limit]
    docs = [read_timeml(f) for f in files]
    gold = {d.doc_id: d.timexes for d in docs}
    systems = [s.strip() for s in a.systems.split(",") if s.strip()]
    if any(s != "ours" for s in systems) and not _ensure_peers():
        print("peer setup failed; running ours only", file=sys.stderr)
        systems = ["ours"]
    rows = []
    outputs: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "docs.json"
        src.write_text(json.dumps([{"id": d.doc_id, "text": d.text, "dct": d.dct.isoformat() if d.dct else None} for d in docs]), encoding="utf-8")
        for system in systems:
            saved = Path(a.reuse) / f"{system}.json" if a.reuse else None
            if saved is not None and saved.exists():
                rec = json.loads(saved.read_text(encoding="utf-8"))
                found, dt = rec["mentions"], rec["seconds"]
            else:
                dst = Path(tmp) / f"{system}.json"
                t0 = time.perf_counter()
                r = subprocess.run(_system_cmd(system, str(src), str(dst)))
                dt = time.perf_counter() - t0
                if r.returncode != 0 or not dst.exists():
                    print(f"{system}: failed (exit {r.returncode})", file=sys.stderr)
                    continue
                found = json.loads(dst.read_text(encoding="utf-8"))
            if a.keep:
                Path(a.keep).mkdir(parents=True, exist_ok=True)
                (Path(a.keep) / f"{system}.json").write_text(json.dumps({"seconds": dt, "docs": len(docs), "mentions": found}), encoding="utf-8")
            outputs[system] = found
            total = Counts()
            for doc_id, g in gold.items():
                total.add(score(g, [_M(x) for x in found.get(doc_id, [])]))
            rows.append({"system": system, "docs": len(docs), "seconds": dt, "docs_per_s": len(docs) / dt if dt else 0.0, **total.table(), "gold": total.gold, "found": total.system})
    print(f"TimeML benchmark: {len(docs)} documents, {sum(len(g) for g in gold.values())} gold TIMEX3")
    head = f"{'system':12} {'strict P':>8} {'R':>6} {'F1':>6} {'relax P':>8} {'R':>6} {'F1':>6} {'value F1':>8} {'type F1':>7} {'docs/s':>8}"
    print(head)
    for r in rows:
        print(
            f"{r['system']:12} {100 * r['strict_p']:8.1f} {100 * r['strict_r']:6.1f} {100 * r['strict_f1']:6.1f} "
            f"{100 * r['relaxed_p']:8.1f} {100 * r['relaxed_r']:6.1f} {100 * r['relaxed_f1']:6.1f} {100 * r['value_f1']:8.1f} "
            f"{100 * r['type_f1']:7.1f} {r['docs_per_s']:8.2f}"
        )
    if a.diff:
        x, y = a.diff.split(",")
        if x in outputs and y in outputs:
            _diff_by_form(gold, x, outputs[x], y, outputs[y])
    if a.json:
        Path(a.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
