"""date_of_birth from Chinese text: "1980年出生", "1980年生", "出生于/生于1980年", and a year opening the
parenthesis after a name ("杰弗里·辛顿（Geoffrey Hinton，1947-）", "王小明（1960—2020）")."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from ..base import Arg, Candidate, dates_in, text_of
from ..registry import doc_rule
from .clauses import clauses
from .spans import W, display_name, fact, find_words, has_han, iso, negated, subject_ok, word_at

_LIFESPAN = re.compile(r"\**[ \t]*（(?:[^（）\n]{0,40}[，,][ \t]*)?((?:1[6-9]|20)\d\d)[ \t]*年?[ \t]*[-–—~～－][ \t]*(?:(?:1[6-9]|20)\d\d[ \t]*年?)?[ \t]*）")


def _year(value: str | None) -> str | None:
    return value if value and re.fullmatch(r"\d{4}(?:-\d\d){0,2}", value) else None


@doc_rule("date_of_birth", "zh.birth", order=60)
def birth(doc: Doc) -> Iterator[Candidate]:
    text = text_of(doc)
    for c in clauses(doc):
        if not subject_ok(c):
            continue
        for pos, w in find_words(text, c.body if c.body < c.end else c.start, c.end, W("birth_cues")):
            if negated(text, c.start, pos):
                continue
            d = None
            if w in ("出生于", "生于"):
                d = next((d for d in dates_in(doc, pos + len(w), c.end) if d.start - (pos + len(w)) <= 1), None)
            if d is None:  # "1980年出生", "1980年生", "1982年生于南方"
                d = next((d for d in dates_in(doc, c.start, pos) if 0 <= pos - d.end <= (0 if w == "生" else 1)), None)
                if w == "生" and word_at(text, pos, ["生活", "生产", "生成", "生涯", "生物"]):
                    d = None
            if d is not None and _year(iso(d)):
                yield fact(doc, "date_of_birth", c, Arg(d.text, "DATE", iso(d), d.start, d.end), "zh.birth_cue", 0.8)
                break
    yield from _lifespans(doc, text)


def _lifespans(doc: Doc, text: str) -> Iterator[Candidate]:
    """A birth year opening the parenthesis right after a Han-script name, or a name set in Han-script text."""
    for p in doc._.people.persons if doc._.people is not None else ():
        for s, e in p.mentions:
            m = _LIFESPAN.match(text, e)
            if m is None or not (has_han(text[s:e]) or has_han(text[max(0, s - 20) : s])):
                continue
            year = m.group(1)
            line_start = text.rfind("\n", 0, s) + 1
            line_end = text.find("\n", m.end())
            name = display_name(p, text)
            yield Candidate(
                relation="date_of_birth",
                subject=Arg(text[s:e], "PERSON", name, s, e),
                object=Arg(year, "DATE", year, m.start(1), m.start(1) + 4),
                evidence=(line_start, len(text) if line_end < 0 else line_end),
                rule="zh.birth_lifespan",
                confidence=0.75,
            )
