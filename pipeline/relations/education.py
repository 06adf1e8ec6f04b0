"""educated_at (and part_of for "Unit, Organisation") from dated list items of Education/Experience sections."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from . import stage
from .base import Candidate, lines, subject_arg, text_arg, text_of
from .items import ORG_UNIT, Item, Segment, parse_item

_STUDENT = re.compile(r"\s+(?:student|candidate|researcher|program|programme)$", re.I)
_VISITING = re.compile(r"\b(?:visiting|exchange)\b", re.I)


def degree_text(seg: Segment, doc: Doc) -> tuple[str, tuple[int, int]]:
    s, e = seg.label_spans.get("DEGREE", (seg.start, seg.end))
    t = text_of(doc)[s:e]
    if _VISITING.search(seg.text):
        return "visiting student", (seg.start, seg.end)
    stripped = _STUDENT.sub("", t)
    return stripped, (s, s + len(stripped))


def field_of(item: Item, deg: Segment, doc: Doc) -> str | None:
    ds, de = deg.label_spans.get("DEGREE", (deg.start, deg.end))
    rest = text_of(doc)[de : deg.end]
    m = re.match(r"\s*(?:student|candidate|degree)?\s*(?:in|of)\s+(.+)$", rest)
    if m and m.group(1)[:1].isupper() or m and m.group(1)[:1].islower() and len(m.group(1).split()) <= 4:
        return m.group(1).strip()
    i = item.segments.index(deg)
    nxt = item.segments[i + 1] if i + 1 < len(item.segments) else None
    if nxt is not None and (nxt.sep == "in" or nxt.kind in ("name", "other", "org")) and not _INSTITUTION.search(nxt.text) and not ORG_UNIT.match(nxt.text):
        return nxt.text
    return None


_INSTITUTION = re.compile(r"\b(?:University|Universit[äéy]|Institute|College|Academy|School|Polytechnic|Inc\.?|Corp\.?|Ltd\.?|Labs?|Laboratory|Research|Hospital|Center|Centre)\b")


def main_org(item: Item, exclude: Segment | None = None) -> tuple[Segment | None, list[Segment]]:
    """The school or employer of an item, and the units (departments, labs) named before it.

    A segment naming an institution ("... University") beats a bare ORG entity,
    which beats an unclassified capitalised segment.
    """
    cands = [s for s in item.segments if s.kind in ("org", "name") and s is not exclude]
    if not cands:
        return None, []
    units = [o for o in cands if ORG_UNIT.match(o.text) and o.kind == "org"]
    whole = [o for o in cands if o not in units]

    def rank(seg: Segment) -> tuple[int, int]:
        return (0 if _INSTITUTION.search(seg.text) else 1 if seg.kind == "org" else 2, item.segments.index(seg))

    if whole:
        return min(whole, key=rank), units
    return units[-1], units[:-1]


def part_of_facts(doc: Doc, units: list[Segment], org: Segment, evidence: tuple[int, int], rule: str) -> Iterator[Candidate]:
    for u in units:
        if u.start < org.start:
            yield Candidate("part_of", text_arg(doc, u.start, u.end, "ORG"), text_arg(doc, org.start, org.end, "ORG"), evidence, rule, 0.7)


@stage("education.items")
def education_items(doc: Doc) -> Iterator[Candidate]:
    subj = subject_arg(doc)
    if subj is None:
        return
    for line in lines(doc, {"education", "experience"}):
        item = parse_item(doc, line)
        deg = item.first("degree")
        if deg is None and line.section != "education":
            continue
        fld = field_of(item, deg, doc) if deg is not None else None
        field_seg = next((s for s in item.segments if s.text == fld), None) if fld else None
        org, units = main_org(item, exclude=field_seg)
        if org is None:
            continue
        q: dict[str, str] = {}
        if deg is not None:
            q["degree"], _ = degree_text(deg, doc)
            if fld:
                q["field"] = fld
        if item.start:
            q["start"] = item.start
        if item.end:
            q["end"] = item.end
        ev = (line.start, line.end)
        yield Candidate("educated_at", subj, text_arg(doc, org.start, org.end, "ORG"), ev, "education.item", 0.85 if deg else 0.6, q)
        yield from part_of_facts(doc, units, org, ev, "education.item_unit")
