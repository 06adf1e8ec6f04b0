"""What relation stages produce, and the small helpers they share."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterator

from spacy.tokens import Doc, Span

from ..sections import section_index


@dataclass(frozen=True, slots=True)
class Arg:
    text: str
    label: str
    canonical: str | None = None
    start: int | None = None  # doc character offsets
    end: int | None = None


@dataclass(slots=True)
class Candidate:
    """A fact in doc coordinates; `records` maps it to raw offsets."""

    relation: str
    subject: Arg
    object: Arg
    evidence: tuple[int, int]
    rule: str
    confidence: float
    qualifiers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the doc; a list item knows its depth and the start of its parent item's line.

    `records` (items.py) also hangs on a record the lines nested under it
    (`children`) or, for an entry listed under a header bullet, that header (`context`).
    """

    start: int
    end: int
    text: str
    section: str | None
    heading: bool = False
    depth: int = 0
    parent: int | None = None
    item: bool = False  # the line opens a list item
    children: tuple["Line", ...] = ()
    context: "Line | None" = None


def lines(doc: Doc, sections: set[str] | None = None, headings: bool = False) -> Iterator[Line]:
    """Non-empty lines of the doc with the name of their section; heading lines only when asked."""
    for line in _lines_of(doc):
        if line.heading and not headings:
            continue
        if sections is None or line.section in sections:
            yield line


def _lines_of(doc: Doc) -> list[Line]:
    """Every non-empty line, headings included; made once per doc, since a dozen stages walk them."""
    cached = doc.user_data.get("lines")
    if cached is not None:
        return cached
    clean = doc._.clean
    secs = list(getattr(clean, "sections", []) or [])
    head_starts = {h[0] for h in getattr(clean, "headings", []) or []} | {sec.start for sec in secs}
    out: list[Line] = []
    pos = 0
    index = section_index(clean)
    items = getattr(clean, "items", None) or []
    nesting = {a: (d, items[p][0] if p >= 0 else None) for a, b, d, p in items if b > a}
    for raw_line in text_of(doc).split("\n"):
        start, end = pos, pos + len(raw_line)
        pos = end + 1
        stripped = raw_line.strip()
        if not stripped:
            continue
        s = start + len(raw_line) - len(raw_line.lstrip())
        sec = index.at(s)
        name = sec.name if sec is not None else None
        depth, parent = nesting.get(s, (0, None))
        out.append(Line(s, s + len(stripped), stripped, name, s in head_starts or start in head_starts, depth, parent, s in nesting))
    doc.user_data["lines"] = out
    return out


def heading_starts(doc: Doc) -> frozenset[int]:
    """Where the doc's headings start: a heading is a title, not a line of a CV or a sentence of prose."""
    cached = doc.user_data.get("heading_starts")
    if cached is None:
        cached = doc.user_data["heading_starts"] = frozenset(h[0] for h in getattr(doc._.clean, "headings", None) or [])
    return cached


def text_of(doc: Doc) -> str:
    """doc.text, built once: spaCy joins every token's text on each access."""
    t = doc.user_data.get("text")
    if t is None:
        t = doc.user_data["text"] = doc.text
    return t


def all_ents(doc: Doc) -> tuple[Span, ...]:
    """doc.ents, built once: spaCy rebuilds the tuple from the tokens on every access."""
    cached = doc.user_data.get("ents")
    if cached is None or cached[0] != len(doc):
        ents = tuple(doc.ents)
        cached = (len(doc), ents, [e.start_char for e in ents])
        doc.user_data["ents"] = cached
    return cached[1]


def ents_in(doc: Doc, start: int, end: int, labels: set[str] | tuple[str, ...] | None = None) -> list[Span]:
    """Entities lying wholly inside [start, end)."""
    return [e for e in ents_starting_in(doc, start, end, labels) if e.end_char <= end]


def ents_starting_in(doc: Doc, start: int, end: int, labels: set[str] | tuple[str, ...] | None = None) -> list[Span]:
    """Entities whose first character lies in [start, end): a binary search, not a walk over every entity."""
    ents = all_ents(doc)
    starts = doc.user_data["ents"][2]
    out = []
    for i in range(bisect_left(starts, start), len(ents)):
        e = ents[i]
        if e.start_char >= end:
            break
        if labels is None or e.label_ in labels:
            out.append(e)
    return out


def dates_in(doc: Doc, start: int, end: int) -> list:
    """Date mentions lying wholly inside [start, end) (doc._.dates is sorted and non-overlapping)."""
    dates = doc._.dates or []
    cached = doc.user_data.get("date_starts")
    if cached is None or cached[0] is not dates:
        cached = doc.user_data["date_starts"] = (dates, [d.start for d in dates])
    out = []
    for i in range(bisect_left(cached[1], start), len(dates)):
        d = dates[i]
        if d.start >= end:
            break
        if d.end <= end:
            out.append(d)
    return out


def subject_arg(doc: Doc, near: tuple[int, int] | None = None) -> Arg | None:
    people = doc._.people
    p = people.subject_at(near[0]) if people is not None and near is not None else getattr(people, "subject", None)
    if p is None:
        return None
    if near is not None:
        for s, e in p.mentions:
            if near[0] <= s and e <= near[1]:
                return Arg(text_of(doc)[s:e], "PERSON", p.canonical, s, e)
    return Arg(p.canonical, "PERSON", p.canonical)


def person_arg(doc: Doc, person, start: int | None = None, end: int | None = None) -> Arg:
    if start is not None and end is not None:
        return Arg(text_of(doc)[start:end], "PERSON", person.canonical, start, end)
    return Arg(person.canonical, "PERSON", person.canonical)


def text_arg(doc: Doc, start: int, end: int, label: str, canonical: str | None = None) -> Arg:
    # trim whitespace and edge punctuation so offsets frame exactly the argument
    t = text_of(doc)[start:end]
    lead = len(t) - len(t.lstrip(" \t,;:.-–—*|"))
    t2 = t.strip(" \t,;:.-–—*|")
    if label == "ORG":
        t2 = re.sub(r"\s*\(\s*[A-Z][A-Za-z&.-]{1,10}\s*\)?$", "", t2)  # "Shanghai Jiao Tong University (SJTU)"
    start += lead
    end = start + len(t2)
    return Arg(t2, label, canonical or t2, start, end)


_ISO = re.compile(r"^(?:\d{4}|\d{3}X|\d{2}XX)(?:-(?:\d{2}|H[12]|Q[1-4]|SP|SU|FA|WI))?(?:-\d{2})?(?:T\d{2}:\d{2})?$|^present$")


def split_range(value: str | None) -> tuple[str | None, str | None]:
    """'2020-09/2021-07' -> ('2020-09', '2021-07'); a single value is a start."""
    if not value:
        return None, None
    if "/" in value:
        a, b = value.split("/", 1)
        return (a if _ISO.match(a) else None), (b if _ISO.match(b) else None)
    return (value if _ISO.match(value) else None), None
