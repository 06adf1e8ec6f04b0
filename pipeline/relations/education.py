"""educated_at (and part_of for "Unit, Organisation") from dated list items of Education/Experience sections."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from . import stage
from .base import Arg, Candidate, lines, subject_arg, text_arg
from .items import ORG_UNIT, Item, Segment, parse_item

_STUDENT = re.compile(r"\s+(?:student|candidate|researcher|program|programme)$", re.I)
_VISITING = re.compile(r"\b(?:visiting|exchange)\b", re.I)


def degree_text(seg: Segment, doc: Doc) -> tuple[str, tuple[int, int]]:
    s, e = seg.label_spans.get("DEGREE", (seg.start, seg.end))
    t = doc.text[s:e]
    if _VISITING.search(seg.text):
        return "visiting student", (seg.start, seg.end)
    stripped = _STUDENT.sub("", t)
    return stripped, (s, s + len(stripped))


def field_of(item: Item, deg: Segment, doc: Doc) -> str | None:
    ds, de = deg.label_spans.get("DEGREE", (deg.start, deg.end))
    rest = doc.text[de : deg.end]
    m = re.match(r"\s*(?:student|candidate|degree)?\s*(?:in|of)\s+(.+)$", rest)
    if m and m.group(1)[:1].isupper() or m and m.group(1)[:1].islower() and len(m.group(1).split()) <= 4:
        return m.group(1).strip()
    i = item.segments.index(deg)
    nxt = item.segments[i + 1] if i + 1 < len(item.segments) else None
    if nxt is not None and nxt.sep == "in" and nxt.kind in ("name", "other"):
        return nxt.text
    return None


def main_org(item: Item) -> tuple[Segment | None, list[Segment]]:
    """The school or employer of an item, and the units (departments, labs) named before it."""
    orgs = item.all("org") or item.all("name")
    if not orgs:
        return None, []
    units = [o for o in orgs if ORG_UNIT.match(o.text)]
    whole = [o for o in orgs if not ORG_UNIT.match(o.text)]
    if whole:
        return whole[0], units
    return orgs[-1], orgs[:-1]


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
        org, units = main_org(item)
        if org is None:
            continue
        q: dict[str, str] = {}
        if deg is not None:
            q["degree"], _ = degree_text(deg, doc)
            fld = field_of(item, deg, doc)
            if fld:
                q["field"] = fld
        if item.start:
            q["start"] = item.start
        if item.end:
            q["end"] = item.end
        ev = (line.start, line.end)
        yield Candidate("educated_at", subj, text_arg(doc, org.start, org.end, "ORG"), ev, "education.item", 0.85 if deg else 0.6, q)
        yield from part_of_facts(doc, units, org, ev, "education.item_unit")
