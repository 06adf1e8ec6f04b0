"""Reading one dated list item of a structured page ("2020.09 - 2021.07: Master's degree. NUS.").

An item is split into segments at commas, semicolons, sentence stops, " at "
and dashes; each segment is classed by the entities inside it. Education,
experience and award stages build their facts from the classed segments.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from typing import Iterator

from ..dates.lexicon import MONTHS, SEASONS
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
    context: "Item | None" = None  # the header bullet the item is listed under
    evidence: tuple[int, int] = (0, 0)  # the item's line, widened to the header or child lines it drew on

    def first(self, kind: str) -> Segment | None:
        return next((s for s in self.segments if s.kind == kind), None)

    def all(self, kind: str) -> list[Segment]:
        return [s for s in self.segments if s.kind == kind]


def parse_item(doc: Doc, line: Line) -> Item:
    text = text_of(doc)
    dates = [d for d in dates_in(doc, line.start, line.end) if d.value]
    # a month or season word alone ("Fall" in its own cell) was placed by the document date, not the row
    dates = [d for d in dates if any(ch.isdigit() for ch in d.text)] or dates
    item_date = dates[0] if dates else None
    # Only a date at the edge of the item dates it; a year inside a name ("ICLR 2025") does not.
    if item_date is not None:
        # each physical line of a multi-line item has edges ("Org, City | 2020 - 2024\nPh.D. ...")
        edges_s = [line.start] + [line.start + m.end() for m in re.finditer(r"\n", line.text)]
        edges_e = [line.start + m.start() for m in re.finditer(r"\n", line.text)] + [line.end]
        if not any(0 <= item_date.start - a <= 4 for a in edges_s) and not any(0 <= b - item_date.end <= 3 for b in edges_e) and not _own_cell(text, line, item_date.start, item_date.end):
            item_date = None
    value = item_date.value if item_date else None
    if item_date is not None:
        value = _with_cell_month(text, line, item_date.start, item_date.end, value)
    start, end = split_range(value)
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
    item = Item(line, start, end, value, segments, evidence=(line.start, line.end))
    if line.context is not None:
        _read_context(doc, item, line.context)
    if line.children:
        _read_children(doc, item, line.children)
    return item


def _alone(line: Line) -> Line:
    return replace(line, children=(), context=None)


def _read_context(doc: Doc, item: Item, header: Line) -> None:
    """An entry under a header bullet takes the header's date when it states none; the header's
    organisation stands in when the entry names none (`main_org`)."""
    ctx = item.context = parse_item(doc, _alone(header))
    if item.date_value is None and ctx.date_value is not None:
        item.start, item.end, item.date_value = ctx.start, ctx.end, ctx.date_value
        item.evidence = (header.start, item.evidence[1])


def _read_children(doc: Doc, item: Item, children: tuple[Line, ...]) -> None:
    """What a parent item leaves out, its sub-bullets may state: a line of only dates dates it,
    and the first child naming a degree (or a role) supplies it. Descriptions, labelled details
    ("Advisor: ...") and "Worked with ..." lines give nothing, so they never become names."""
    text = text_of(doc)
    for c in children:
        body = c.start + (m.end() if (m := _MARKER_ONLY.match(c.text)) else 0)
        if item.date_value is None and _only_dates(doc, body, c.end):
            d = next(x for x in dates_in(doc, body, c.end) if x.value)
            item.start, item.end = split_range(d.value)
            item.date_value = d.value
            item.evidence = (item.evidence[0], max(item.evidence[1], c.end))
            continue
        inner = text[body : c.end]
        if _NOT_ORG_LABEL.match(inner) or _LABELLED.match(inner) or _DETAIL.match(inner):
            continue
        for kind in ("degree", "title"):
            if item.first(kind) is None and ents_in(doc, c.start, c.end, (kind.upper(),)):
                sub = parse_item(doc, _alone(c))
                if sub.first(kind) is not None:
                    item.segments.extend(sg for sg in sub.segments if sg.kind not in ("org", "name") or sg.sep in ("in", "of"))
                    item.evidence = (item.evidence[0], max(item.evidence[1], c.end))
                    if item.date_value is None and sub.date_value is not None:
                        item.start, item.end, item.date_value = sub.start, sub.end, sub.date_value


_CELL_AFTER = re.compile(r"[ \t]*\|[ \t]*([A-Za-z]+)\.?[ \t]*(?=\||$)")
_CELL_BEFORE = re.compile(r"(?:^|\|)[ \t]*([A-Za-z]+)\.?[ \t]*\|[ \t]*$", re.M)


def _own_cell(text: str, line: Line, s: int, e: int) -> bool:
    """Whether text[s:e] fills a table cell of the line by itself ("Spring | 2010 | B.S., X")."""
    before = text[line.start : s]
    after = text[e : line.end]
    return "|" in before + after and not before[before.rfind("|") + 1 :].strip(" \t-*•") and not after.split("|", 1)[0].strip()


def _with_cell_month(text: str, line: Line, s: int, e: int, value: str) -> str:
    """A year alone in its cell, with a season or month alone in the cell beside it
    ("2015 | Fall | Ph.D., X"), is that season or month of the year: "2015-FA", as "Fall 2015" reads."""
    if not re.fullmatch(r"\d{4}", value):
        return value
    if not _own_cell(text, line, s, e):
        return value  # the year shares its cell with other words
    m = _CELL_AFTER.match(text, e, line.end) or _CELL_BEFORE.search(text, line.start, s)
    word = m.group(1).lower() if m else ""
    if word in SEASONS:
        return f"{value}-{SEASONS[word]}"
    if word in MONTHS:
        return f"{value}-{MONTHS[word]:02d}"
    return value


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
            for c in ch:
                yield from emit(c, u)
            return
        yield replace(u, children=tuple(below(k)), context=context)

    for k in roots:
        yield from emit(k, None)


def _joined(doc: Doc, sections: set[str]) -> Iterator[tuple[Line, list[int]]]:
    """Lines of `sections` with their continuation lines joined, and the starts of the lines each holds."""
    text = text_of(doc)
    head: Line | None = None
    starts: list[int] = []
    for ln in lines(doc, sections):
        if head is not None and len(starts) < 3 and ln.parent is None and ln.section == head.section and _continues(doc, head, ln):
            head = replace(head, end=ln.end, text=text[head.start : ln.end])
            starts.append(ln.start)
            continue
        if head is not None:
            yield head, starts
        head, starts = ln, [ln.start]
    if head is not None:
        yield head, starts


_MARKER_ONLY = re.compile(r"^(?:[-*•]\s+|\d+[.)]\s+)")


def _is_header(doc: Doc, parent: Line, children: list[Line]) -> bool:
    """Whether a parent item only heads the entries nested under it.

    A parent that is only a date ("2019" over that year's entries) is a header;
    so is a short undated parent without a role or degree whose children are
    mostly entries of their own (a role or degree, or a date with words beside it).
    """
    s = parent.start + (m.end() if (m := _MARKER_ONLY.match(parent.text)) else 0)
    if _only_dates(doc, s, parent.end):
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


def _only_dates(doc: Doc, start: int, end: int) -> bool:
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
    if low.rstrip(".") in SEASONS or low.rstrip(".") in MONTHS:
        kind = "date"  # a season or month alone ("Fall" in its own cell) names no organisation or role
    elif low in _LOCATION_WORDS:
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
        if item.context is not None:
            org, units = main_org(item.context)  # "Quillon Labs" over its dated roles
            if org is not None:
                item.evidence = (min(item.evidence[0], item.context.line.start), item.evidence[1])
            return org, units
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
