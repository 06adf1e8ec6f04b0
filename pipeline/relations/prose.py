"""Relations stated in prose sentences (bios, news profiles, "About" paragraphs).

One stage walks the prose sentences once, in document order, and hands each to
the rule families; later sentences may use what earlier ones established (the
employer a promotion happens at, the join date "two months after joining"
counts from, the year a short "In 2023, ..." sentence sets).
"""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from ..coref import coref_of
from . import fact_key, stage
from .base import Candidate
from .prose_base import State, leading_date, prose_sentences
from .prose_education import educated
from .prose_employment import founded, joined, other_jobs, titles_jobs
from .prose_other import authored, awards, born, developed, leads, reports

FAMILIES = (born, educated, joined, titles_jobs, founded, developed, other_jobs, leads, reports, authored, awards)


@stage("prose.sentences")
def prose_stage(doc: Doc) -> Iterator[Candidate]:
    if doc._.people is None:
        return
    co = coref_of(doc)
    st = State()
    out: list[Candidate] = []
    for sent in prose_sentences(doc):
        for fam in FAMILIES:
            out.extend(fam(sent, co, st))
        d = leading_date(sent)
        if d is not None and d.value and "/" not in d.value:
            st.last_year = (d.value, sent.end)
    yield from _drop_untitled(out)


def _drop_untitled(cands: list[Candidate]) -> list[Candidate]:
    """A job without a title is dropped when the same job is also stated with one."""
    titled = {fact_key(c) for c in cands if c.relation == "employed_by" and c.qualifiers.get("title")}
    keep = []
    for c in cands:
        if c.relation == "employed_by" and not c.qualifiers.get("title") and fact_key(c) in titled:
            continue
        keep.append(c)
    return keep


__all__ = ["prose_stage", "re"]
