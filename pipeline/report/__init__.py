"""Static HTML review report of an output folder.

`python -m pipeline report OUT_DIR [--gold GOLD_DIR]` writes OUT_DIR/report/index.html
and one page per document: the document text with entities, dates and evidence
marked, the facts table, a small graph and, with gold, every fact's verdict. When the
folder holds people.jsonl, people.html lists the people and each gets a page.
The pages open straight from disk and load nothing but report.js and report.css.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from pydantic import ValidationError

from ..manifest import check_outputs
from ..names import to_bytes
from ..evaluate import Scores, doc_key, load_gold, load_jsonl, match_document, score
from ..schema import DocumentRecord, Fact
from .people import write_people_pages
from .render import DocView, render_document, render_index

STATIC = Path(__file__).parent
STATIC_FILES = ("report.js", "report.css")
PAGE_PREFIX = "doc-"


@dataclass
class Report:
    directory: Path
    index: Path
    views: list[DocView]
    scores: Scores | None


def page_names(doc_ids: Sequence[str]) -> list[str]:
    """A file name per document: readable, safe on every file system, unique even when ids differ only by case.

    Names are ASCII (a normalising file system cannot merge two of them), compared
    case-folded (nor can a case-insensitive one), and any id the slug does not
    spell exactly gets a hash of its own bytes (NFC and NFD forms differ there).
    """
    names: list[str] = []
    seen: set[str] = set()
    for doc_id in doc_ids:
        slug = re.sub(r"[^A-Za-z0-9._-]+", "_", doc_id).strip("._")[:80] or "doc"
        name = slug
        if slug != doc_id or slug.casefold() in seen:
            name = f"{slug}-{hashlib.sha1(doc_id.encode('utf-8')).hexdigest()[:8]}"
        while name.casefold() in seen:
            name += "_"
        seen.add(name.casefold())
        names.append(f"{PAGE_PREFIX}{name}.html")
    return names


def _decode(data: bytes) -> str:
    try:
        from ..ingest import decode

        return decode(data, max_bytes=max(len(data), 1)).text
    except Exception:  # the report shows what it can, even for a file the pipeline refused
        return data.decode("utf-8", errors="replace")


def _span_mismatches(text: str, record: DocumentRecord, facts: Sequence[Fact]) -> int:
    items: list[tuple[int, int, str]] = [(f.evidence.start, f.evidence.end, f.evidence.text) for f in facts]
    items += [(x.start, x.end, x.text) for x in record.entities]
    items += [(x.start, x.end, x.text) for x in record.dates]
    return sum(1 for s, e, t in items if text[s:e] != t)


def run_inputs(out_dir: Path) -> dict[str, str]:
    """source -> sha256 of every input of the run that wrote `out_dir`, from its manifest."""
    try:
        body = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
        return {str(d["source"]): str(d["sha256"]) for d in body["documents"] if d.get("sha256")}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def load_text(record: DocumentRecord, facts: Sequence[Fact], out_dir: Path, inputs: dict[str, str]) -> tuple[str | None, list[str]]:
    """The raw document, read only when it was an input of the run and its bytes still hash to the record's sha256.

    The report renders what the output folder holds: a record naming some other
    file (or a file that changed since) gets its evidence snippets, never that file.
    """
    snippets = "showing the evidence snippets only."
    if inputs.get(record.source) != record.sha256 or not record.sha256:
        return None, [f"The source ({record.source}) is not an input of the run that wrote this folder; {snippets}"]
    src = Path(os.fsdecode(to_bytes(record.source)))
    candidates = [src] if src.is_absolute() else [src, out_dir / src, out_dir.parent / src]
    for path in candidates:
        try:
            if not path.is_file():
                continue
            data = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() != record.sha256:
            return None, [f"The source file changed since extraction ({record.source}); {snippets}"]
        text = _decode(data)
        bad = _span_mismatches(text, record, facts)
        return text, [f"{bad} spans do not match the text at their offsets."] if bad else []
    return None, [f"Source file not found ({record.source}); {snippets}"]


def _facts_by_doc(out_dir: Path) -> tuple[dict[str, list[Fact]] | None, int]:
    path = out_dir / "facts.jsonl"
    if not path.exists():
        return None, 0
    grouped: dict[str, list[Fact]] = {}
    invalid = 0
    for raw in load_jsonl(path):
        try:
            fact = Fact.model_validate(raw)
        except ValidationError:
            invalid += 1
            continue
        grouped.setdefault(fact.doc_id, []).append(fact)  # the exact doc_id: "Alice" and "alice" are two documents
    return grouped, invalid


def build_views(out_dir: Path, gold_dir: Path | None) -> tuple[list[DocView], list[str], list[str]]:
    """Document views in output order, the gold keys with no output record, and notes for the index."""
    notes: list[str] = []
    raw_docs = load_jsonl(out_dir / "documents.jsonl")
    if not raw_docs:
        notes.append("documents.jsonl is missing or empty.")
    facts_by_doc, invalid_facts = _facts_by_doc(out_dir)
    if invalid_facts:
        notes.append(f"{invalid_facts} lines of facts.jsonl are not valid facts and are not shown.")
    golds = load_gold(gold_dir) if gold_dir else {}
    inputs = run_inputs(out_dir)
    ids = [str(d.get("doc_id", "")) for d in raw_docs]
    views: list[DocView] = []
    seen_ids: set[str] = set()
    seen_keys: set[str] = set()
    for raw, doc_id, name in zip(raw_docs, ids, page_names(ids)):
        key = doc_key(doc_id)
        try:
            record = DocumentRecord.model_validate(raw)
        except ValidationError as exc:
            views.append(DocView(doc_id=doc_id, page=name, record=None, invalid=_short_error(exc)))
            continue
        facts = facts_by_doc.get(doc_id, []) if facts_by_doc is not None else list(record.facts)
        if doc_id in seen_ids:
            facts = []  # facts.jsonl cannot tell two records with one doc_id apart; the first shows them
        seen_ids.add(doc_id)
        view = DocView(doc_id=doc_id, page=name, record=record, facts=facts)
        if record.status == "ok" or facts:
            view.text, view.notes = load_text(record, facts, out_dir, inputs)
        if key in golds and key not in seen_keys:
            view.gold = golds[key]
            view.match = match_document(view.gold, [f.model_dump(mode="json") for f in facts])
        seen_keys.add(key)
        views.append(view)
    missing = [str(g.get("doc_id") or k) for k, g in golds.items() if k not in seen_keys]
    return views, missing, notes


def _short_error(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ()))
    return f"{exc.error_count()} schema errors, first at {where or 'top level'}: {first.get('msg', '')}"


def build_report(out_dir: Path, gold_dir: Path | None = None) -> Report:
    out_dir = Path(out_dir)
    target = out_dir / "report"
    target.mkdir(parents=True, exist_ok=True)
    for stale in target.glob(f"{PAGE_PREFIX}*.html"):
        stale.unlink()
    for name in STATIC_FILES:
        shutil.copyfile(STATIC / name, target / name)
    views, missing, notes = build_views(out_dir, gold_dir)
    scores = score(gold_dir, out_dir) if gold_dir else None
    for view in views:
        (target / view.page).write_text(render_document(view), encoding="utf-8")
    n_people = write_people_pages(target, out_dir, views)
    index = target / "index.html"
    index.write_text(render_index(views, scores, missing, notes, people=n_people), encoding="utf-8")
    return Report(target, index, views, scores)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline report", description="Write OUT_DIR/report/: static HTML pages for review.")
    ap.add_argument("out_dir", type=Path, help="output folder holding documents.jsonl and facts.jsonl")
    ap.add_argument("--gold", type=Path, default=None, help="folder of *.gold.json: mark every fact correct, wrong or missing")
    a = ap.parse_args(list(argv) if argv is not None else None)
    if not a.out_dir.is_dir():
        print(f"report: output folder not found: {a.out_dir}", file=sys.stderr)
        return 2
    if not (a.out_dir / "documents.jsonl").is_file():
        print(f"report: {a.out_dir} holds no documents.jsonl; run `extract` into it first", file=sys.stderr)
        return 2
    problem = check_outputs(a.out_dir)
    if problem is not None:
        print(f"report: {problem}", file=sys.stderr)
        return 2
    if a.gold is not None and not a.gold.is_dir():
        print(f"report: gold folder not found: {a.gold}", file=sys.stderr)
        return 2
    rep = build_report(a.out_dir, a.gold)
    line = f"report: {len(rep.views)} documents -> {rep.index}"
    if rep.scores is not None:
        line += f" (facts F1 {rep.scores.facts.f1:.3f})"
    print(line)
    return 0
