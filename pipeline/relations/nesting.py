"""Records of list sections: an item with the lines that continue it and the items nested under it.

Item rules read records, not lines. A dated head line and the short undated
line under it are one record however the page breaks them; a sub-bullet belongs
to its parent (markup keeps each list item's depth and parent, `Line.parent`),
unless the parent only heads the entries under it (a year bullet over that
year's papers, an organisation over its dated roles).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from typing import Iterator

from spacy.tokens import Doc

from .base import Line, dates_in, ents_in, lines, text_of
from .lexicon import words

# "Working with Prof. X", "Supervised by Y": a detail under an item, not part of it
DETAIL = re.compile(r"^(?:\w+ing|\w+ed|with|under|by|for)\b", re.I)
LABELLED = re.compile(r"^[\w ]{2,20}[:：]\s")


def records(doc: Doc, sections: set[str]) -> Iterator[Line]:
    """The items of `sections`, each with the short undated lines that continue it and the items nested under it.

    A dated head line ("Eastfield University | 2015 - 2020") and the line under
    it ("Ph.D. in Physics") are one item however the page breaks them; bullets,
    "Label: value" lines and lines with a date of their own start new items.

    An item's sub-bullets belong to it: they come as the record's `children`
    (a description, an advisor, a thesis, a scholarship won during a degree)
    and are not items of their own. When the parent is only a header (a year,
    or an organisation over dated roles), each child is an entry, read with
    the header as its `context`.
    """
    units = list(_joined(doc, sections))
    owner: dict[int, int] = {}  # line start -> index of the unit holding it
    for k, (u, starts) in enumerate(units):
        for st in starts:
            owner[st] = k
    kids: dict[int, list[int]] = {}
    roots: list[int] = []
    for k, (u, _) in enumerate(units):
        p = owner.get(u.parent) if u.parent is not None else None
        if p is not None and p != k and units[p][0].section == u.section:
            kids.setdefault(p, []).append(k)
        else:
            roots.append(k)

    def below(k: int) -> list[Line]:
        out: list[Line] = []
        for c in kids.get(k, []):
            out.append(units[c][0])
            out.extend(below(c))
        return out

    def emit(k: int, context: Line | None) -> Iterator[Line]:
        u = units[k][0]
        ch = kids.get(k, [])
        if ch and _is_header(doc, u, [units[c][0] for c in ch]):
            head = replace(u, context=context)  # a header under a header ("2021" over an employer over its roles)
            for c in ch:
                yield from emit(c, head)
            return
        # a dated role or degree nested under an entry is an entry too ("- Visiting student, X, 2018" under a Ph.D.)
        own = [c for c in ch if _is_dated_role(doc, units[c][0])]
        kids[k] = [c for c in ch if c not in own]
        yield replace(u, children=tuple(below(k)), context=context)
        for c in own:
            yield from emit(c, u)

    for k in roots:
        yield from emit(k, None)


def _joined(doc: Doc, sections: set[str]) -> Iterator[tuple[Line, list[int]]]:
    """Lines of `sections` with their continuation lines joined, and the starts of the lines each holds."""
    text = text_of(doc)
    head: Line | None = None
    starts: list[int] = []
    for ln in lines(doc, sections):
        if head is not None and len(starts) < 3 and not ln.item and ln.section == head.section and _continues(doc, head, ln):
            head = replace(head, end=ln.end, text=text[head.start : ln.end])
            starts.append(ln.start)
            continue
        if head is not None:
            yield head, starts
        head, starts = ln, [ln.start]
    if head is not None:
        yield head, starts


MARKER = re.compile(r"^(?:[-*•]\s+|\d+[.)]\s+)")


def _is_header(doc: Doc, parent: Line, children: list[Line]) -> bool:
    """Whether a parent item only heads the entries nested under it.

    A parent that is only a date ("2019" over that year's entries) is a header;
    so is a short undated parent without a role or degree whose children are
    mostly entries of their own (a role or degree, or a date with words beside it).
    """
    s = parent.start + (m.end() if (m := MARKER.match(parent.text)) else 0)
    if only_dates(doc, s, parent.end):
        return True
    if _has_date(doc, parent.start, parent.end) or ents_in(doc, parent.start, parent.end, ("TITLE", "DEGREE")) or len(parent.text.split()) > 8:
        return False
    entries = sum(1 for c in children if _is_entry(doc, c))
    return entries * 2 > len(children)


def _is_entry(doc: Doc, ln: Line) -> bool:
    if ents_in(doc, ln.start, ln.end, ("TITLE", "DEGREE")):
        return True
    dated = [d for d in dates_in(doc, ln.start, ln.end) if d.value]
    if not dated:
        return False
    rest = text_of(doc)[ln.start : dated[0].start] + text_of(doc)[dated[0].end : ln.end]
    return len(re.findall(r"[A-Za-z]{2,}", rest)) >= 2


def _is_dated_role(doc: Doc, ln: Line) -> bool:
    """A line naming a role or degree with its own date; a labelled detail or a "Working with ..." line is none."""
    skip = m.end() if (m := MARKER.match(ln.text)) else 0
    body = ln.text[skip:]
    roles = ents_in(doc, ln.start, ln.end, ("TITLE", "DEGREE"))
    if not roles or LABELLED.match(body) or DETAIL.match(body) and roles[0].start_char > ln.start + skip:
        return False
    return _has_date(doc, ln.start, ln.end)


def only_dates(doc: Doc, start: int, end: int) -> bool:
    """Whether text[start:end] holds dates and nothing else but punctuation."""
    text = text_of(doc)
    dated = [d for d in dates_in(doc, start, end) if d.value]
    if not dated:
        return False
    pos, rest = start, []
    for d in dated:
        rest.append(text[pos : d.start])
        pos = d.end
    rest.append(text[pos:end])
    return not any(ch.isalnum() for piece in rest for ch in piece)


def _continues(doc: Doc, head: Line, ln: Line) -> bool:
    if ln.text.startswith(("- ", "* ", "• ")) or LABELLED.match(ln.text) or DETAIL.match(ln.text) or len(ln.text.split()) > 8:
        return False
    if _has_date(doc, ln.start, ln.end):
        return False
    first = head.text.split("\n", 1)[0]
    return _has_date(doc, head.start, head.start + len(first))


def _has_date(doc: Doc, start: int, end: int) -> bool:
    """Whether a dated mention lies inside [start, end); the mentions are sorted once per doc."""
    spans = doc.user_data.get("dated_spans")
    if spans is None:
        spans = doc.user_data["dated_spans"] = sorted((d.start, d.end) for d in (doc._.dates or []) if d.value)
    k = bisect_left(spans, (start, -1))
    return k < len(spans) and spans[k][1] <= end


_TIME_LABEL = re.compile(rf"^(?:{'|'.join(map(re.escape, words()['time_labels']))})\s*[:：]\s*", re.I)


def labelled_period(doc: Doc, line: Line) -> str | None:
    """The date of an undated item written on a labelled line below it, before the next item:
    "- Research Intern @ X" / "Topic: ..." / "Time: 2023.07 -- 2024.08"."""
    cached = doc.user_data.get("lines_in_order")
    if cached is None:
        in_order = list(lines(doc))
        cached = doc.user_data["lines_in_order"] = (in_order, [ln.start for ln in in_order])
    all_lines, starts = cached
    k = bisect_left(starts, line.end)
    for ln in all_lines[k : k + 4]:
        if ln.item or ln.section != line.section:
            return None
        m = _TIME_LABEL.match(ln.text)
        if m and only_dates(doc, ln.start + m.end(), ln.end):
            d = next((x for x in dates_in(doc, ln.start + m.end(), ln.end) if x.value), None)
            return d.value if d is not None else None
    return None


def parent_date(doc: Doc, line: Line) -> str | None:
    """The date of the bullet a line is nested under, when that bullet is only a date ("- 2023" over that year's papers)."""
    if line.parent is None:
        return None
    by_start = doc.user_data.get("lines_by_start")
    if by_start is None:
        by_start = doc.user_data["lines_by_start"] = {ln.start: ln for ln in lines(doc)}
    p = by_start.get(line.parent)
    if p is None:
        return None
    s = p.start + (m.end() if (m := MARKER.match(p.text)) else 0)
    if not only_dates(doc, s, p.end):
        return None
    d = next(x for x in dates_in(doc, s, p.end) if x.value)
    return d.value if "/" not in d.value else None
