"""Reading one dated list item of a structured page ("2020.09 - 2021.07: Master's degree. NUS.").

An item is split into segments at commas, semicolons, sentence stops, " at "
and dashes (table cells too); each segment is classed by the entities inside it.
Education, experience and award stages build their facts from the classed
segments. A record's sub-bullets (`nesting.records`) fill what its own line
leaves out (a date, a degree, a role); an entry under a header bullet takes the
header's date and organisation when it names none.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from typing import Iterator

from ..dates.lexicon import MONTHS, SEASONS
from .nesting import DETAIL, LABELLED, MARKER, only_dates
from .lexicon import degree_words, words
from .base import Candidate, Line, all_ents, dates_in, ents_in, split_range, text_arg, text_of

ORG_UNIT = re.compile(r"^(?:the\s+)?(?:Dept\.?|Department|School|Faculty|College|Institute|Lab|Laboratory|Center|Centre|Division|Group|Program|Programme)\b(?:\s+(?:of|for|on|in)\b)?", re.I)
# separators of an item's segments; a label run into the line ("X Labs Topic: Retrieval", soft-wrapped) starts one too
_SPLIT = re.compile(
    r"\s*(?:[,;|•·\n]|，|；|(?<![A-Z])\."
    + "".join(rf"(?<!\b{re.escape(w)}\.)" for w in words()["abbreviations"])  # "Sr. Research Scientist", "St. Jude": no end of a segment
    + r"(?=\s+[A-Z(])|\s+(?:at|@|in)\s+(?=(?:the\s+)?[A-Z])|\s+[-–—]\s+|:\s+"
    rf"|\s+(?=(?:{'|'.join(map(re.escape, words()['item_labels'] + words()['time_labels']))}):\s))\s*"
)
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
            if m is not None and _inside_entity(doc, m.start(), m.end()) and not degree_words().search(text, pos, m.start()):
                continue  # a separator inside a name holds; after a degree ("Bachelor in X University") it splits
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


_FINITE = ("VBD", "VBZ", "VBP", "MD")


def a_sentence(doc: Doc, line: Line, min_words: int = 12) -> bool:
    """A line of prose, not an entry: no list item or table row, `min_words` words or more, a sentence whose
    main verb is finite and has a subject ("Reyes studied physics at Quillon University for two years
    before ..."); a verb inside a thesis title ("Graphs that learn") is no main verb. The prose rules read it."""
    if line.item or " | " in line.text or len(line.text.split()) < min_words:
        return False
    span = doc.char_span(line.start, line.end, alignment_mode="expand") or []
    return any(t.dep_ == "ROOT" and not t.ent_type_ and _finite(t) and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in span)


def _finite(verb) -> bool:
    """A finite verb, or a participle with a finite auxiliary ("was appointed", "has received")."""
    return verb.tag_ in _FINITE or verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in verb.children)


def _alone(line: Line) -> Line:
    return replace(line, children=(), context=None)


def _read_context(doc: Doc, item: Item, header: Line) -> None:
    """An entry under a header bullet takes the header's date when it states none; the header's
    organisation stands in when the entry names none (`main_org`)."""
    ctx = item.context = parse_item(doc, replace(header, children=()))  # the header's own header reads into it
    if item.date_value is None and ctx.date_value is not None:
        item.start, item.end, item.date_value = ctx.start, ctx.end, ctx.date_value
        item.evidence = (min(ctx.evidence[0], item.evidence[0]), item.evidence[1])


_CONNECTORS = frozenset({"of", "for", "and", "the", "de", "at", "in", "on", "&"})


def _names_only(text: str) -> bool:
    """A short line of names ("Quillon Labs, Springfield", "University of Eastfield"): every word capitalised or a connector."""
    words = re.findall(r"[^\W\d_][\w'’.&-]*|&", text)
    return 0 < len(words) <= 8 and all(w[0].isupper() or w.lower() in _CONNECTORS for w in words)


def _read_children(doc: Doc, item: Item, children: tuple[Line, ...]) -> None:
    """What a parent item leaves out, its sub-bullets may state: a line of only dates dates it,
    the first child naming a degree (or a role) supplies it, and a line of only names ("Quillon
    Labs, Springfield") is the place of an item that names none. Descriptions, labelled details
    ("Advisor: ...") and "Worked with ..." lines give nothing, so they never become names."""
    text = text_of(doc)
    for c in children:
        body = c.start + (m.end() if (m := MARKER.match(c.text)) else 0)
        if item.date_value is None and only_dates(doc, body, c.end):
            d = next(x for x in dates_in(doc, body, c.end) if x.value)
            item.start, item.end = split_range(d.value)
            item.date_value = d.value
            item.evidence = (item.evidence[0], max(item.evidence[1], c.end))
            continue
        inner = text[body : c.end]
        if _NOT_ORG_LABEL.match(inner) or LABELLED.match(inner) or DETAIL.match(inner):
            continue
        for kind in ("degree", "title"):
            if item.first(kind) is None and ents_in(doc, c.start, c.end, (kind.upper(),)):
                sub = parse_item(doc, _alone(c))
                if sub.first(kind) is not None:
                    item.segments.extend(sg for sg in sub.segments if sg.kind not in ("org", "name") or sg.sep in ("in", "of"))
                    item.evidence = (item.evidence[0], max(item.evidence[1], c.end))
                    if item.date_value is None and sub.date_value is not None:
                        item.start, item.end, item.date_value = sub.start, sub.end, sub.date_value
        if not any(sg.kind in ("org", "name") for sg in item.segments):
            # "2022 - 2023: Widget Engineer" over "Quillon Labs, Springfield": the line that is only a place of work
            sub = parse_item(doc, _alone(c))
            kinds = {sg.kind for sg in sub.segments}
            if sub.segments and kinds <= {"org", "name", "location"} and len(sub.segments) <= 3 and _names_only(inner) and not _names_a_person(doc, c.start, c.end):
                item.segments.extend(sub.segments)
                item.evidence = (item.evidence[0], max(item.evidence[1], c.end))


def _names_a_person(doc: Doc, start: int, end: int) -> bool:
    """A person the people stage knows lies in [start, end); the recognizer's label alone is not enough
    ("Quillon Labs", tagged a person, is an organisation's name)."""
    people = doc._.people
    found = ents_in(doc, start, end, ("PERSON",))
    return bool(found) and (people is None or any(people.resolve(e.start_char, e.end_char) is not None for e in found))


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
    if not labels and len(t.split()) <= 4 and not INSTITUTION.search(t) and (dm := degree_words().search(t)):
        labels["DEGREE"] = (s + dm.start(), s + dm.end())  # "Bachelor", "Joint PhD Student" split off a name that held them
    low = t.lower()
    if _is_person(doc, s, e):
        kind = "person"  # "Lena Ortiz | Postdoc", a row of a table of people: no organisation, whatever the model says
    elif low.rstrip(".") in SEASONS or low.rstrip(".") in MONTHS:
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


def _is_person(doc: Doc, start: int, end: int) -> bool:
    """The segment is, whole, a mention of a person the people stage knows."""
    people = doc._.people
    return people is not None and people.mentioned_at(start, end) is not None


def is_intern(text: str) -> bool:
    return bool(_INTERN.search(text))


_ACRONYM_LIKE = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z]{1,5}")  # "BIGAI", "NLCo": two capitals or more, no space
_UNIT_WORD = re.compile(r"\b(?:Lab|Labs|Laboratory|Department|Dept\.?|School|College|Faculty|Institute|Group|Team|Center|Centre|Division|Unit|Program|Programme)\b|(?:lab|team|group|department|center|centre)\b", re.I)
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
                item.evidence = (min(item.evidence[0], org.start), item.evidence[1])
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
    """Each unit named before its organisation is part of it ("Seed, Bytedance"); of two acronyms ("BIGAI, NLCo,
    Beijing") which holds which is not said, unless one says it is a unit or the other an institution."""
    for u in units:
        bare = _ACRONYM_LIKE.fullmatch(u.text) and _ACRONYM_LIKE.fullmatch(org.text)
        if u.start < org.start and (not bare or _UNIT_WORD.search(u.text) or INSTITUTION.search(org.text)):
            yield Candidate("part_of", text_arg(doc, u.start, u.end, "ORG"), text_arg(doc, org.start, org.end, "ORG"), evidence, rule, 0.7)
