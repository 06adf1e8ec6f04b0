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

from .base import Line, dates_in, ents_in, split_range, all_ents, text_of

ORG_UNIT = re.compile(r"^(?:the\s+)?(?:Dept\.?|Department|School|Faculty|College|Institute|Lab|Laboratory|Center|Centre|Division|Group|Program|Programme)\b(?:\s+(?:of|for|on|in)\b)?", re.I)
_SPLIT = re.compile(r"\s*(?:[,;|•·]|，|；|(?<![A-Z])\.(?=\s+[A-Z(])|\s+(?:at|@|in)\s+(?=(?:the\s+)?[A-Z])|\s+[-–—]\s+|:\s+)\s*")
_LOCATION_WORDS = {"china", "usa", "us", "u.s.", "uk", "u.k.", "canada", "singapore", "japan", "korea", "germany", "france", "australia", "india", "hong kong", "taiwan", "remote", "online"}
_INTERN = re.compile(r"\bintern(?:ship)?\b", re.I)


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
    if item_date is not None and not (item_date.start - line.start <= 4 or line.end - item_date.end <= 3):
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
    return Item(line, start, end, item_date.value if item_date else None, segments)


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
    if "DEGREE" in labels:
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
