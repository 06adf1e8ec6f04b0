"""Rule-based relation stages. Each module registers its stages with `@stage`.

A stage is a function `Doc -> Iterable[Candidate]`. `run_stages` runs them in
registration order and merges repeated statements of one fact (the gold
counts "repeated mentions of the same education/job" once).
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from typing import Callable, Iterable

from spacy.tokens import Doc

from .base import Candidate

StageFn = Callable[[Doc], Iterable[Candidate]]
STAGES: dict[str, StageFn] = {}

# Modules holding stages, imported in this order.
MODULES = ("contact", "education", "employment", "publications", "awards", "interests", "products", "prose")


def stage(name: str) -> Callable[[StageFn], StageFn]:
    def register(fn: StageFn) -> StageFn:
        STAGES[name] = fn
        return fn

    return register


_loaded = False


def _load() -> None:
    global _loaded
    for mod in MODULES:
        importlib.import_module(f"{__name__}.{mod}")
    _loaded = True


def fact_key(c: Candidate) -> tuple[str, str, str]:
    def norm(s: str | None) -> str:
        s = unicodedata.normalize("NFKD", s or "").lower()
        s = re.sub(r"\s*-\s*", "-", s)
        s = re.sub(r"^(the|a|an) ", "", s)
        return re.sub(r"[^\w@.+-]+", " ", s).strip()

    return c.relation, norm(c.subject.canonical or c.subject.text), norm(c.object.canonical or c.object.text)


def merge(cands: Iterable[Candidate]) -> list[Candidate]:
    """One candidate per (relation, subject, object); the most confident keeps its evidence, qualifiers are united."""
    out: dict[tuple, Candidate] = {}
    for c in cands:
        key = fact_key(c)
        if c.relation in ("employed_by", "award_received") and c.qualifiers.get("title" if c.relation == "employed_by" else "date"):
            key = key + (c.qualifiers.get("title" if c.relation == "employed_by" else "date", "").lower(),)
        if c.relation == "educated_at" and c.qualifiers.get("degree"):
            key = key + (_degree_family(c.qualifiers["degree"]),)
        old = out.get(key)
        if old is None:
            out[key] = c
            continue
        best, other = (c, old) if c.confidence > old.confidence else (old, c)
        for k, v in other.qualifiers.items():
            best.qualifiers.setdefault(k, v)
        out[key] = best
    return sorted(out.values(), key=lambda c: (c.evidence[0], c.relation, c.object.start or 0))


def _degree_family(degree: str) -> str:
    d = degree.lower().replace(".", "").replace(" ", "")
    for fam, marks in (("phd", ("phd", "doctor", "dphil")), ("master", ("master", "ms", "msc", "meng", "mba", "mphil", "ma")), ("bachelor", ("bachelor", "bs", "bsc", "beng", "ba", "be", "btech", "bachelar"))):
        if any(d.startswith(m) for m in marks):
            return fam
    return d


def run_stages(doc: Doc, names: list[str] | None = None) -> list[Candidate]:
    if not _loaded:
        _load()
    cands: list[Candidate] = []
    for name, fn in STAGES.items():
        if names is None or name in names:
            cands.extend(fn(doc))
    from ..people import reattribute

    return merge(reattribute(doc, cands))
