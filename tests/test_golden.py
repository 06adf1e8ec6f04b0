"""Whole-document check: the seeds' output equals the reviewed golden records, field by field."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="module")
def seed_output(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds_out")
    subprocess.run([sys.executable, "-m", "pipeline", "extract", "seeds", "--out", str(out)], cwd=ROOT, check=True, capture_output=True)
    return out


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _diff(expected, actual, path: str = "") -> list[str]:
    if isinstance(expected, dict) and isinstance(actual, dict):
        out = []
        for k in sorted(set(expected) | set(actual)):
            out += _diff(expected.get(k, "<missing>"), actual.get(k, "<missing>"), f"{path}.{k}")
        return out
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        return [d for i, (e, a) in enumerate(zip(expected, actual)) for d in _diff(e, a, f"{path}[{i}]")]
    return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]


def _fact_key(f: dict) -> tuple:
    return (f["doc_id"], f["relation"], f["subject"].get("canonical") or f["subject"]["text"], f["object"].get("canonical") or f["object"]["text"], f["evidence"]["start"])


def test_facts_match_golden(seed_output: Path) -> None:
    expected = {_fact_key(f): f for f in _lines(GOLDEN / "facts.jsonl")}
    actual = {_fact_key(f): f for f in _lines(seed_output / "facts.jsonl")}
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    changed = [d for k in sorted(set(expected) & set(actual)) for d in _diff(expected[k], actual[k], str(k[1:4]))]
    assert not (missing or extra or changed), "\n".join(
        [f"missing fact {k}" for k in missing] + [f"unexpected fact {k}" for k in extra] + changed
    )


def test_documents_match_golden(seed_output: Path) -> None:
    expected = {d["doc_id"]: d for d in _lines(GOLDEN / "documents.jsonl")}
    actual = {d["doc_id"]: d for d in _lines(seed_output / "documents.jsonl")}
    assert sorted(expected) == sorted(actual)
    problems = []
    for doc_id in sorted(expected):
        e, a = dict(expected[doc_id]), dict(actual[doc_id])
        e.pop("facts"), a.pop("facts")  # compared fact by fact above
        problems += _diff(e, a, doc_id)
    assert not problems, "\n".join(problems[:50])


def test_evidence_is_raw_slice(seed_output: Path) -> None:
    """Every offset points into the raw decoded seed and its text is exactly that slice."""
    docs = {d["doc_id"]: d for d in _lines(seed_output / "documents.jsonl")}
    for d in docs.values():
        raw = (ROOT / d["source"]).read_text(encoding="utf-8")
        for f in d["facts"]:
            ev = f["evidence"]
            assert raw[ev["start"] : ev["end"]] == ev["text"]
            for arg in (f["subject"], f["object"]):
                if arg.get("start") is not None:
                    assert 0 <= arg["start"] <= arg["end"] <= len(raw)
                    assert raw[arg["start"] : arg["end"]] == arg["text"]
        for ent in d["entities"]:
            assert raw[ent["start"] : ent["end"]] == ent["text"]
        for dm in d["dates"]:
            assert raw[dm["start"] : dm["end"]] == dm["text"]
