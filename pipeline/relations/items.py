"""Reading one dated list item of a structured page ("2020.09 - 2021.07: Master's degree. NUS.").

An item is split into segments at commas, semicolons, sentence stops, " at "
and dashes; each segment is classed by the entities inside it. Education,
experience and award stages build their facts from the classed segments.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc

from typing import Iterator

from .base import Candidate, Line, all_ents, dates_in, ents_in, lines, split_range, text_arg, text_of

ORG_UNIT = re.compile(r"^(?:the\s+)?(?:Dept\.?|Department|School|Faculty|College|Institute|Lab|Laboratory|Center|Centre|Division|Group|Program|Programme)\b(?:\s+(?:of|for|on|in)\b)?", re.I)
_SPLIT = re.compile(r"\s*(?:[,;|•·\n]|，|；|(?<![A-Z])\.(?=\s+[A-Z(])|\s+(?:at|@|in)\s+(?=(?:the\s+)?[A-Z])|\s+[-–—]\s+|:\s+)\s*")
_LOCATION_WORDS = {"china", "usa", "us", "u.s.", "uk", "u.k.", "canada", "singapore", "japan", "korea", "germany", "france", "australia", "india", "hong kong", "taiwan", "remote", "online"}
_INTERN = re.compile(r"\bintern(?:ship)?s?\b", re.I)


@dataclass
class Segment:
    start: int
    end: int
    text: str
    kind: str  # org | title | degree | location | date | name | other
    label_spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    sep: str = ""  # the separator before the segment, stripped (",", "in", "at", ...)


@dataclass
class Item:
    line: Line
    start: str | None
    end: str | None
    date_value: str | None
    segments: list[Segment]

    def first(self, kind: str) -> Segment | None:
        return next((s for s in self.segments if s.kind == kind), None)

    def all(self, kind: str) -> list[Segment]:
        return [s for s in self.segments if s.kind == kind]


def parse_item(doc: Doc, line: Line) -> Item:
    text = text_of(doc)
    dates = [d for d in dates_in(doc, line.start, line.end) if d.value]
    item_date = dates[0] if dates else None
    # Only a date at the edge of the item dates it; a year inside a name ("ICLR 2025") does not.
    if item_date is not None:
        # each physical line of a multi-line item has edges ("Org, City | 2020 - 2024\nPh.D. ...")
        edges_s = [line.start] + [line.start + m.end() for m in re.finditer(r"\n", line.text)]
        edges_e = [line.start + m.start() for m in re.finditer(r"\n", line.text)] + [line.end]
        if not any(0 <= item_date.start - a <= 4 for a in edges_s) and not any(0 <= b - item_date.end <= 3 for b in edges_e):
            item_date = None
    start, end = split_range(item_date.value if item_date else None)
    body_spans: list[tuple[int, int]] = []
    cursor = line.start
    for d in ([item_date] if item_date else []):
        body_spans.append((cursor, d.start))
        cursor = d.end
    body_spans.append((cursor, line.end))
    segments: list[Segment] = []
    for bs, be in body_spans:
        pos, sep = bs, ""
        for m in list(_SPLIT.finditer(text, bs, be)) + [None]:
            seg_end = m.start() if m else be
            if m is not None and _inside_entity(doc, m.start(), m.end()):
                continue
            _add_segment(doc, segments, pos, seg_end, sep)
            pos = m.end() if m else be
            sep = m.group().strip().lower() if m else ""
    _fix_location_runs(segments)
    return Item(line, start, end, item_date.value if item_date else None, segments)


def _fix_location_runs(segments: list[Segment]) -> None:
    """"Unit, Company, City, Country": a place is at most city and country, so a longer run of places starts with a name."""
    run: list[Segment] = []
    for seg in segments + [None]:
        if seg is not None and seg.kind == "location":
            run.append(seg)
            continue
        if len(run) >= 3:
            for r in run[:-2]:
                r.kind = "name"
        run = []


_NOT_ORG_LABEL = re.compile(r"^(?:[-*•]\s+)?(?:co-?)?(?:advisors?|supervisors?|mentors?|hosts?|managers?|directors?|collaborators?|topics?|projects?|keywords?|thesis|dissertation)\s*[:：]", re.I)
# "Working with Prof. X", "Supervised by Y": a detail under an item, not part of it
_DETAIL = re.compile(r"^(?:\w+ing|\w+ed|with|under|by|for)\b", re.I)
_LABELLED = re.compile(r"^[\w ]{2,20}[:：]\s")


def records(doc: Doc, sections: set[str]) -> Iterator[Line]:
    """The items of `sections`, each with the short undated lines that continue it.

    A dated head line ("Eastfield University | 2015 - 2020") and the line under
    it ("Ph.D. in Physics") are one item however the page breaks them; bullets,
    "Label: value" lines and lines with a date of their own start new items.
    """
    text = text_of(doc)
    head: Line | None = None
    joined = 0
    for ln in lines(doc, sections):
        if head is not None and joined < 2 and ln.section == head.section and _continues(doc, head, ln):
            head = Line(head.start, ln.end, text[head.start : ln.end], head.section)
            joined += 1
            continue
        if head is not None:
            yield head
        head, joined = ln, 0
    if head is not None:
        yield head


def _continues(doc: Doc, head: Line, ln: Line) -> bool:
    if ln.text.startswith(("- ", "* ", "• ")) or _LABELLED.match(ln.text) or _DETAIL.match(ln.text) or len(ln.text.split()) > 8:
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


def _inside_entity(doc: Doc, s: int, e: int) -> bool:
    """A separator inside an organisation or degree name ("University of X at Y", "Ph.D.") does not split.

    doc.ents never overlap, so only the last entity starting before `s` can hold the
    separator: one binary search, not a walk over every entity of the document.
    """
    ents = all_ents(doc)
    i = bisect_left(doc.user_data["ents"][2], s) - 1
    if i < 0:
        return False
    ent = ents[i]
    return ent.label_ in ("ORG", "DEGREE", "TITLE", "VENUE") and ent.start_char < s and e < ent.end_char


def _add_segment(doc: Doc, segments: list[Segment], s: int, e: int, sep: str) -> None:
    raw = text_of(doc)[s:e]
    lead = len(raw) - len(raw.lstrip(" -–—*:()."))
    t = raw[lead:].rstrip(" -–—*:()")
    s += lead
    e = s + len(t)
    # A final stop goes, unless an entity ends with it ("Ph.D.", "Inc.").
    if t.endswith(".") and not any(x.end_char == e for x in ents_in(doc, s, e)):
        t, e = t[:-1].rstrip(" -–—*:()"), s + len(t[:-1].rstrip(" -–—*:()"))
    if not t:
        return
    ents = ents_in(doc, s, e)
    labels = {x.label_: (x.start_char, x.end_char) for x in reversed(ents)}
    low = t.lower()
    if low in _LOCATION_WORDS:
        kind = "location"
    elif "DEGREE" in labels:
        kind = "degree"
    elif "TITLE" in labels and "ORG" not in labels:
        kind = "title"
    elif "TITLE" in labels and "ORG" in labels and labels["TITLE"][0] < labels["ORG"][0] and ORG_UNIT.match(t) is None:
        # "Research Scientist Google": split the title from the organisation after it
        ts, te = labels["TITLE"]
        segments.append(Segment(ts, te, text_of(doc)[ts:te], "title", {"TITLE": (ts, te)}, sep))
        os_, oe = labels["ORG"]
        segments.append(Segment(os_, oe, text_of(doc)[os_:oe], "org", {"ORG": (os_, oe)}, "at"))
        return
    elif "ORG" in labels or ORG_UNIT.match(t):
        kind = "org"
    elif low in _LOCATION_WORDS or ("GPE" in labels and labels["GPE"] == (s, e)) or all(x.label_ in ("GPE", "LOC") for x in ents) and ents and len(t.split()) <= 3:
        kind = "location"
    elif re.fullmatch(r"[\d\s./\-–—~]+|present|now|current", low):
        kind = "date"
    elif t[:1].isupper() and len(t.split()) <= 6 and not re.search(r"\b(?:is|was|are|were|my|our|i)\b", t, re.I):
        kind = "name"  # capitalised, unclassified: an organisation the model did not know, or a title
    else:
        kind = "other"
    segments.append(Segment(s, e, t, kind, labels, sep))


def is_intern(text: str) -> bool:
    return bool(_INTERN.search(text))


INSTITUTION = re.compile(r"\b(?:University|Universit[äéy]|Institute|College|Academy|School|Polytechnic|Inc\.?|Corp\.?|Ltd\.?|Labs?|Laboratory|Research|Hospital|Center|Centre)\b")


def main_org(item: Item, exclude: Segment | None = None) -> tuple[Segment | None, list[Segment]]:
    """The school or employer of an item, and the units (departments, labs) named before it.

    The name right before the place ("Unit, Company, City") comes first; then a
    segment naming an institution ("... University") beats a bare ORG entity,
    which beats an unclassified capitalised segment.
    """
    if _NOT_ORG_LABEL.match(item.line.text):
        return None, []  # "Advisor: Dana Cole", "Topic: Video Models": a detail line of the item above
    cands = [s for s in item.segments if s.kind in ("org", "name") and s is not exclude]
    if not cands:
        return None, []
    units = [o for o in cands if ORG_UNIT.match(o.text) and o.kind == "org"]
    whole = [o for o in cands if o not in units]

    # "Unit, Company, City": the name right before the place is the employer, the names before it its units
    places = [i for i, sg in enumerate(item.segments) if sg.kind == "location"]
    before_place = item.segments[places[0] - 1] if places and places[0] > 0 else None

    def rank(seg: Segment) -> tuple[int, int]:
        if seg is before_place:
            return (0, item.segments.index(seg))
        return (1 if INSTITUTION.search(seg.text) else 2 if seg.kind == "org" else 3, item.segments.index(seg))

    if whole:
        main = min(whole, key=rank)
        if main is before_place:
            # the names listed right before it, with nothing between, are its units ("X-Lab, Quillon, Beijing")
            k = item.segments.index(main)
            while k > 0 and item.segments[k - 1] in cands and item.segments[k - 1].sep in (",", ""):
                k -= 1
                if item.segments[k] not in units:
                    units.append(item.segments[k])
            units.sort(key=lambda u: u.start)
        return main, [u for u in units if u is not main]
    return units[-1], units[:-1]


def part_of_facts(doc: Doc, units: list[Segment], org: Segment, evidence: tuple[int, int], rule: str) -> Iterator[Candidate]:
    for u in units:
        if u.start < org.start:
            yield Candidate("part_of", text_arg(doc, u.start, u.end, "ORG"), text_arg(doc, org.start, org.end, "ORG"), evidence, rule, 0.7)
