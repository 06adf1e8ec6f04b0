"""educated_at (and part_of for "Unit, Organisation") from dated list items of Education/Experience
sections, and from prose: "received the Ph.D. degree in X from Y in 2009", "graduated from Y with a
bachelor's degree", "holds degrees from A, B and C", "studied at Y", "a Ph.D. student at Y", "Y alumnus"."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from ..coref import Coref
from .base import Arg, Candidate, Line, subject_arg, text_arg, text_of
from .items import INSTITUTION, ORG_UNIT, Item, Segment, a_sentence, main_org, parse_item, part_of_facts
from .registry import RelationSpec, key_policy, relation, sentence_rule, item_rule
from .toolkit import Name, Sent, State, alt, cand, clause_subject, date_after, is_location, leading_date, name_at, names_list, negated, org_arg, org_with_parent, person_refs, subj_arg, words

SPEC = relation(
    RelationSpec("educated_at", ("PERSON",), ("ORG",), ("degree", "field", "start", "end"), distinct_by=("degree",), key_policies={"degree": "degree_family"})
)


@key_policy("degree_family")
def degree_family(degree: str) -> str:
    """Two statements of one degree are one fact however the degree is written ("Ph.D." / "PhD")."""
    d = degree.lower().replace(".", "").replace(" ", "")
    for fam, marks in (("phd", ("phd", "doctor", "dphil")), ("master", ("master", "ms", "msc", "meng", "mba", "mphil", "ma")), ("bachelor", ("bachelor", "bs", "bsc", "beng", "ba", "be", "btech", "bachelar"))):
        if any(d.startswith(m) for m in marks):
            return fam
    return d

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
    if nxt is not None and (nxt.sep == "in" or nxt.kind in ("name", "other", "org")) and not INSTITUTION.search(nxt.text) and not ORG_UNIT.match(nxt.text):
        return nxt.text
    return None


@item_rule("educated_at", "education.items", sections=["education", "experience"], order=20)
def education_items(doc: Doc, line: Line) -> Iterator[Candidate]:
    subj = subject_arg(doc)
    if subj is None:
        return
    if a_sentence(doc, line):
        return  # a paragraph under the heading: the prose rules read it
    item = parse_item(doc, line)
    deg = item.first("degree")
    if deg is None and line.section != "education":
        return
    fld = field_of(item, deg, doc) if deg is not None else None
    field_seg = next((s for s in item.segments if s.text == fld), None) if fld else None
    org, units = main_org(item, exclude=field_seg)
    if org is None:
        return
    if deg is None and item.start is None and not INSTITUTION.search(org.text):
        return  # an undated line without a degree names a school only if it says so ("... University")
    q: dict[str, str] = {}
    if deg is not None:
        q["degree"], _ = degree_text(deg, doc)
        if fld:
            q["field"] = fld
    if item.start:
        q["start"] = item.start
    if item.end:
        q["end"] = item.end
    ev = item.evidence
    for s, e in _joint(org.text, org.start):
        yield Candidate("educated_at", subj, text_arg(doc, s, e, "ORG"), ev, "education.item", 0.85 if deg else 0.6, dict(q))
    yield from part_of_facts(doc, units, org, ev, "education.item_unit")


_JOINT = re.compile(r"^(?P<a>.+?)\s+(?:and|&)\s+(?P<b>(?:the\s+)?[A-Z].+)$")


def _joint(name: str, start: int) -> list[tuple[int, int]]:
    """"X University and Y Lab" (a joint programme): two schools when each half names an institution."""
    m = _JOINT.match(name)
    if m and INSTITUTION.search(m.group("a")) and INSTITUTION.search(m.group("b")) and m.group("a")[:1].isupper():
        return [(start + m.start("a"), start + m.end("a")), (start + m.start("b"), start + m.end("b"))]
    return [(start, start + len(name))]


# ---------------------------------------------------------------- prose

_FROM_AT = re.compile(
    r"\s*(?:degrees?|diploma)?\s*(?:with\s+(?:high\s+|highest\s+)?(?:[Hh]onou?rs|[Dd]istinction)\s+)?(?:(?:in|of)\s+(?P<field>[\w/&,' -]+?)\s+)?(?:\([^()]{1,30}\)\s+)?"
    # "a Ph.D. degree in Quillon University": "in" before a school's name names the school
    r"(?P<prep>from|at|by|in(?=\s+(?:the\s+)?(?:[A-Z][\w&.'’-]*\s+){0,6}?(?:University|College|Institute|Universit\w*)\b))\s+(?=(?:the\s+)?[A-Z])"
)
# "joined Quillon University to pursue the Ph.D. degree": the school one joins to study at
_JOINED_TO_STUDY = re.compile(r"\bjoin(?:ed|s|ing)?\s+(?=(?:the\s+)?[A-Z])")
_TO_PURSUE = re.compile(r"\s*(?:in\s+(?:19|20)\d\d\s+)?to\s+(?:pursue|study\s+for|do|complete|start|begin|earn|work\s+towards?)\s+(?:(?:a|an|the|my|his|her|their)\s+)?")
_AWARDED = re.compile(r"\b(?:awarded|conferred|granted)\b")
_STUDENT = re.compile(r"\s+(?:student|candidate)$", re.I)
_GRADUATED = re.compile(r"\bgraduat(?:ed|ing)\s+(?:(?:summa|magna)\s+cum\s+laude\s+|cum\s+laude\s+|with\s+(?:high(?:est)?\s+)?(?:honou?rs|distinction)\s+|first\s+in\s+(?:his|her|their)\s+class\s+)?(?:from|at)\s+")
_WITH_DEGREE = re.compile(r"\s*(?:,\s*)?with\s+(?:a|an|the|his|her|my)\s+")
_STUDIED = re.compile(
    r"\b(?:(?:studied|studying)(?:\s+(?!(?:the|a|an|how|with|under|there|abroad)\b)(?P<field>[a-z][a-z -]{2,40}?))?|[Ee]ducated|was\s+educated"
    r"|did\s+(?:his|her|their|my)\s+(?:undergraduate|graduate|doctoral|postgraduate|PhD|master's|bachelor's)\s+(?:studies|work|degree|education))\s+at\s+"
)
# "a Quillon University alumna", "Lena Okafor, an Orbit College graduate, ...": the school before the noun
_ALUMNUS_BEFORE = re.compile(r"\b(?:an?|the)\s+(?P<org>[A-Z][\w&.'’-]*(?:\s+(?:of\s+)?[A-Z][\w&.'’-]*){0,5})\s+(?:alumnus|alumna|alum|graduate)\b")
_HOLDS_DEGREES = re.compile(r"\b(?:holds?|held|received|earned|has)\s+(?:\w+\s+)?degrees\s+from\s+")
_STUDIES = re.compile(
    r"\b(?:completed|did|pursued|finished|began|started|undertook)\s+(?:his|her|their|my)\s+(?P<level>undergraduate|graduate|postgraduate|doctoral|master['’]s|PhD|Ph\.D\.)\s+"
    r"(?:studies|education|work)(?:\s+in\s+(?P<field>[a-z][\w -]{1,40}?))?\s+(?:at|from)\s+(?=(?:the\s+)?[A-Z])"
)
_ALUMNUS = re.compile(r"\b(?:alumnus|alumna|alumni|alum|graduate|dropped\s+out)\s+of\s+")
_RESPECTIVELY = re.compile(r"\brespectively\b")


def _degree_text(t: str, before: str = "") -> str:
    """The degree as written, without "student"/"degree" after an abbreviation ("Ph.D. degree" -> "Ph.D.")."""
    if re.search(r"\b(?:visiting|exchange)\b", t, re.I) or re.search(r"\b(?:visiting|exchange)\s*$", before, re.I):
        return "visiting student"
    t = _STUDENT.sub("", t)
    return re.sub(r"(?<=[A-Za-z.])\s+degrees?$", "", t) if re.match(r"^[A-Z][A-Za-z.]*\.?(?:\s+degrees?)?$", t) else t


def _orgs_after(sent: Sent, pos: int) -> list[tuple[Name, Name | None]]:
    r = org_with_parent(sent, pos)
    return [r] if r else []


@sentence_rule("educated_at", "education.prose", triggers=["education"], order=110, entities=["DEGREE"])
def educated(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    doc = sent.doc
    text = text_of(doc)
    degrees = [e for e in sent.ents if e.label_ == "DEGREE" and "honorary" not in e.text.lower()]
    done: set[int] = set()
    lead = leading_date(sent)
    for i, deg in enumerate(degrees):
        if deg.start_char in done:
            continue
        # "the B.S. and Ph.D. degrees in X from Y, in 2014 and 2019, respectively"
        group = [deg]
        j = i
        while j + 1 < len(degrees) and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[degrees[j].end_char : degrees[j + 1].start_char]):
            group.append(degrees[j + 1])
            j += 1
        last = group[-1]
        m = _FROM_AT.match(text, last.end_char, sent.end)
        if not m or m.group("prep") == "by" and not _AWARDED.search(text, max(sent.start, deg.start_char - 20), deg.start_char):
            continue  # "by" names the school only of a degree "awarded by" it
        r = org_with_parent(sent, m.end())
        if r is None:
            continue
        org, parent = r
        ref = clause_subject(sent, deg.start_char, co)
        if ref is None or negated(sent, deg.start_char):
            continue
        for g in group:
            done.add(g.start_char)
        field_ = re.sub(r"^the\s+(?:Department|School|Faculty)\s+of\s+", "", (m.group("field") or "").strip(" ,")) or None
        unit = _UNIT_AS_FIELD.fullmatch(field_) if field_ else None
        if unit is not None:  # "a PhD student in the Robotics Institute at X": a unit of X, no field
            field_ = None
        year_before = None
        if field_ and re.fullmatch(r"(?:in\s+)?(?:19|20)\d\d", field_):
            year_before, field_ = field_[-4:], None  # "received her doctorate in 1988 from X": a year, not a field
        end_at = parent.end if parent else org.end
        tail = text[end_at : sent.end]
        years = [d for d in sent.dates if d.value and d.start >= end_at]
        years = [d for d in years if re.fullmatch(r"[\w\s,()]*", text[end_at : d.start]) and d.start - end_at < 60]
        values: list[str | None]
        if len(group) > 1 and _RESPECTIVELY.search(tail) and len(years) >= len(group):
            values = [d.value for d in years[: len(group)]]
        else:
            d = years[0] if years and not re.search(r"\b(?:and|while|where|then)\b", text[end_at : years[0].start]) else None
            if d is None and lead is not None:
                d = lead
            values = [d.value if d else year_before] * len(group)
        obj_name = parent or org
        for g, v in zip(group, values):
            q = {"degree": _degree_text(g.text, text[max(sent.start, g.start_char - 12) : g.start_char])}
            if field_ and len(field_.split()) <= 6:
                q["field"] = field_
            if v and "/" not in v:
                q["end"] = v
            elif v:
                s, e = v.split("/", 1)
                q["start"], q["end"] = s, e
            if re.search(r"\b(?:student|candidate)$", g.text, re.I):
                q.pop("end", None)
                rule = "prose.edu_student"
            else:
                rule = "prose.edu_degree"
            for js, je in _joint(obj_name.text, obj_name.start):
                yield cand("educated_at", subj_arg(sent, ref), org_arg(sent, Name(js, je, text[js:je])), sent, rule, dict(q))
        if parent is not None:
            yield cand("part_of", org_arg(sent, org), org_arg(sent, parent), sent, "prose.part_of_unit_at")
        if unit is not None:
            us = m.start("field") + (m.group("field") or "").find(unit.group(1))
            yield cand("part_of", Arg(unit.group(1), "ORG", unit.group(1), us, us + len(unit.group(1))), org_arg(sent, parent or org), sent, "prose.part_of_unit_at")

    # "graduated from X (with a bachelor's degree)", "Q, who moved to Oslo after graduating from X"
    for m in _GRADUATED.finditer(text, sent.start, sent.end):
        r = org_with_parent(sent, m.end())
        if r is None:
            continue
        org, parent = r
        ref = _relative_antecedent(sent, m.start(), co) or clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        q: dict[str, str] = {}
        last_end = (parent or org).end
        w = _WITH_DEGREE.match(text, last_end, sent.end)
        if w:
            for e in degrees:
                if e.start_char == w.end():
                    q["degree"] = _degree_text(e.text)
        d = date_after(sent, last_end) or leading_date(sent)
        if d is not None and d.value and "/" not in d.value:
            q["end"] = d.value
        yield cand("educated_at", subj_arg(sent, ref), org_arg(sent, parent or org), sent, "prose.edu_graduated", q)
        if parent is not None:
            yield cand("part_of", org_arg(sent, org), org_arg(sent, parent), sent, "prose.part_of_unit_at")

    # "studied at X", "was educated at X"; "worked and studied at" lists do not say which is which
    for m in _STUDIED.finditer(text, sent.start, sent.end):
        if re.search(r"\bworked\s+and\s+$|\bworked\s+and\s+studied", text[max(sent.start, m.start() - 15) : m.end()]):
            continue
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        q = {}
        if lead is not None:
            q.update(_range(lead.value))
        for deg in degrees:
            if deg.start_char > m.end() and re.search(r"\b(?:received|obtained|earned|got)\b", text[m.end() : deg.start_char]):
                q["degree"] = _degree_text(deg.text)
                break
        if m.group("field"):
            q["field"] = m.group("field")  # "studied computer science at X"
        # "Educated at A and B, P ...": every school; after "studied at" the first (a city may follow)
        schools = [n for n in names_list(sent, m.end()) if not is_location(n.text) and co.person_at(n.start, n.end) is None]
        for n in schools if m.group().lower().startswith("educated") else schools[:1]:
            for a, b in _joint(n.text, n.start):
                yield cand("educated_at", subj_arg(sent, ref), org_arg(sent, Name(a, b, text[a:b])), sent, "prose.edu_studied", q)

    # "completed her undergraduate studies in physics at X": a degree of that level, and its field
    for m in _STUDIES.finditer(text, sent.start, sent.end):
        ref = clause_subject(sent, m.start(), co)
        n = names_list(sent, m.end())[:1]
        if ref is None or not n or negated(sent, m.start()):
            continue
        q = {"degree": m.group("level")}
        if m.group("field"):
            q["field"] = m.group("field")
        yield cand("educated_at", subj_arg(sent, ref), org_arg(sent, n[0]), sent, "prose.edu_studies", q)

    yield from _where_degrees(sent, co, degrees)

    # "attended the X School", "enrolled at the University of Y": a school by its name
    for m in _ATTENDED.finditer(text, sent.start, sent.end):
        n = name_at(sent, m.end())
        if n is None or not _SCHOOL.search(n.text):
            continue
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        yield cand("educated_at", subj_arg(sent, ref), org_arg(sent, n), sent, "prose.edu_attended")

    for m in _HOLDS_DEGREES.finditer(text, sent.start, sent.end):
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        for n in names_list(sent, m.end()):
            yield cand("educated_at", subj_arg(sent, ref), org_arg(sent, n), sent, "prose.edu_degrees_list")

    for m in _JOINED_TO_STUDY.finditer(text, sent.start, sent.end):
        r = org_with_parent(sent, m.end())
        if r is None:
            continue
        school = r[1] or r[0]
        to = _TO_PURSUE.match(text, school.end, sent.end)
        deg = next((d for d in degrees if to is not None and d.start_char == to.end()), None)
        ref = clause_subject(sent, m.start(), co)
        if deg is None or ref is None or negated(sent, m.start()) or not _SCHOOL.search(school.text):
            continue
        yield cand("educated_at", subj_arg(sent, ref), org_arg(sent, school), sent, "prose.edu_joined", {"degree": _degree_text(deg.text)})
    for m in _ALUMNUS.finditer(text, sent.start, sent.end):
        # "an alumna of A and B", "dropped out of A": each school named
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        schools = names_list(sent, m.end(), several=True)[:4]
        for k, school in enumerate(schools):
            if k == 0 or _SCHOOL.search(school.text):
                yield cand("educated_at", subj_arg(sent, ref), org_arg(sent, school), sent, "prose.edu_alumnus")
    for m in _ALUMNUS_BEFORE.finditer(text, sent.start, sent.end):
        org = name_at(sent, m.start("org"))
        ref = clause_subject(sent, m.start(), co)
        if org is None or org.end > m.end("org") or not _SCHOOL.search(org.text) or ref is None or negated(sent, m.start()):
            continue
        yield cand("educated_at", subj_arg(sent, ref), org_arg(sent, org), sent, "prose.edu_alumnus")


_ATTENDED = re.compile(r"\b(?:attended|attending|enrolled\s+(?:at|in)|enrolling\s+(?:at|in))\s+")
_SCHOOL = re.compile(r"\b(?:University|Universit[äéy]|College|School|Polytechnic|Gymnasium|Lyc[ée]e|Academy|Institute\s+of\s+Technology)\b")
_WHERE_EARNED = re.compile(r"\s*,\s*where\s+(?:he|she|they|I|we)\s+(?:later\s+|also\s+|then\s+)?(?:earned|received|obtained|completed|got)\b")
# a capitalised name ending in a unit word ("the Robotics Institute", "the Graph Systems Lab")
_UNIT_AS_FIELD = re.compile(
    rf"(?:the\s+)?([A-Z][\w&-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&-]*)*\s+(?:{alt([w.capitalize() for w in words()['unit_words']])}))"
)
_DEG_FIELD = re.compile(r"\s*(?:degrees?\s+)?in\s+(?P<field>[A-Za-z][\w&' -]*?)(?=\s*(?:\(|,|;|\.|$)|\s+(?:and|in|from|at)\b)")


def _where_degrees(sent: Sent, co: Coref, degrees: list) -> Iterator[Candidate]:
    """"... at the University of X, where she earned her bachelor's degree in physics (2005) and PhD (2010)":
    each degree of the relative clause is one from the school it follows, with its field and year."""
    text = text_of(sent.doc)
    for e in sent.ents:
        if e.label_ not in ("ORG", "FAC"):
            continue
        m = _WHERE_EARNED.match(text, e.end_char, sent.end)
        if m is None:
            continue
        ref = clause_subject(sent, m.end(), co)
        if ref is None or negated(sent, m.end()):
            continue
        clause_end = next((k for k in (text.find(";", m.end(), sent.end),) if k > 0), sent.end)
        mine = [d for d in degrees if m.end() <= d.start_char < clause_end]
        for k, deg in enumerate(mine):
            upto = mine[k + 1].start_char if k + 1 < len(mine) else clause_end
            q = {"degree": _degree_text(deg.text)}
            f = _DEG_FIELD.match(text, deg.end_char, upto)
            if f and len(f.group("field").split()) <= 6 and not re.fullmatch(r"(?:19|20)\d\d", f.group("field")):
                q["field"] = f.group("field").strip()
            d = next((d for d in sent.dates if deg.end_char <= d.start < upto and d.value and d.start - deg.end_char < 60), None)
            if d is not None:
                q.update({"end": d.value} if "/" not in d.value else dict(zip(("start", "end"), d.value.split("/", 1))))
            yield cand("educated_at", subj_arg(sent, ref), org_arg(sent, Name(e.start_char, e.end_char, e.text)), sent, "prose.edu_where_earned", q)


def _relative_antecedent(sent: Sent, pos: int, co: Coref):
    """The person a relative clause holding `pos` is about ("met Q who had moved ... after graduating from X")."""
    tok = next((t for t in sent.span if t.idx >= pos), None)
    for _ in range(6):
        if tok is None or tok.head is tok:
            return None
        if tok.dep_ == "relcl":
            head = tok.head
            return next((r for r in person_refs(sent, co) if r.start <= head.idx < r.end), None)
        tok = tok.head
    return None


def _range(value: str | None) -> dict[str, str]:
    if not value:
        return {}
    if "/" in value:
        s, e = value.split("/", 1)
        return {"start": s, "end": e}
    return {"start": value}


__all__ = ["educated", "Arg"]
