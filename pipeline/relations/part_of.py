"""part_of from prose: units a person or organisation set up ("established a new lab X"), "X Lab at Y", possessives
("Uber's AI Labs"), subsidiaries and units ("X, a unit of Y", "X became part of Y", "X (now part of Y)"),
acquisitions ("Y acquired X", "X, which was acquired by Y") and holdings ("Y consists of A, B and C")."""

from __future__ import annotations

import re
from typing import Iterator

from ..coref import Coref
from .base import Arg, Candidate, ents_starting_in, text_of
from .registry import RelationSpec, relation, sentence_rule
from .mentions import org_ending_at, possessor
from .lexicon import words
from .toolkit import (
    Name,
    alt,
    Sent,
    State,
    cand,
    is_location,
    is_place,
    name_at,
    names_list,
    negated,
    nsubj_name,
    org_arg,
)

SPEC = relation(RelationSpec("part_of", ("ORG",), ("ORG",)))

_ESTABLISHED = re.compile(r"\b(?:established|set\s+up|created|formed|founded|launched)\s+(?:a|an|the)\s+(?:new\s+)?(?:[\w-]+\s+|-\s+){0,4}?(?:department|team|lab|laboratory|group|division|unit|center|centre)\s+(?P<name>[A-Z][\w-]*)")
_POSSESSIVE_UNIT = re.compile(r"\b(?P<org>[A-Z][\w-]+)['’]s\s+(?P<unit>(?:[A-Z][\w-]*\s+)*(?:AI\s+)?(?:Labs?|Research|Team|Group|Department|Division|Institute|Center|Centre))\b")
_UNIT_AT = re.compile(r"(?:the\s+)?(?P<unit>(?:[A-Z][\w-]*\s+){1,4}(?:Unit|Lab|Laboratory|Group|Center|Centre))\s+(?:at|of)\s+(?:the\s+)?")
_STRONG = re.compile(r"\b(?:University|College|Institute|Academy|Inc|Ltd|Corporation)\b")


@sentence_rule("part_of", "part_of.units", triggers=["unit"], order=155)
def units(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    for m in _ESTABLISHED.finditer(text, sent.start, sent.end):
        orgs = [e for e in sent.ents if e.label_ == "ORG" and e.end_char <= m.start()]
        host = Arg(orgs[-1].text, "ORG", orgs[-1].text, orgs[-1].start_char, orgs[-1].end_char) if orgs else nsubj_name(sent, m.start())
        if host is None or co.person_at(host.start or 0, host.end or 0) is not None:
            continue
        s, e = m.span("name")
        st.last_units.append((m.group("name"), s, e))
        yield cand("part_of", Arg(m.group("name"), "ORG", m.group("name"), s, e), host, sent, "prose.part_of_established")
    for m in _UNIT_AT.finditer(text, sent.start, sent.end):
        host = name_at(sent, m.end())
        if host is None or not _STRONG.search(host.text):
            continue
        s_, e_ = m.span("unit")
        yield cand("part_of", Arg(text[s_:e_], "ORG", text[s_:e_], s_, e_), org_arg(sent, host), sent, "prose.part_of_unit_at")
    for m in _POSSESSIVE_UNIT.finditer(text, sent.start, sent.end):
        owner = possessor(sent, m.start("org"), m.end("org"))
        person = co.person_at(owner.start, owner.end) is not None or any(e.label_ == "PERSON" and e.start_char < owner.end and owner.start < e.end_char for e in sent.ents)
        if person or is_location(owner.text) or is_place(sent, owner) or re.match(r"\s+(?:Award|Prize|Medal|Fellowship|Scholar)", text[m.end() :]):
            continue
        s, e = m.span("unit")
        unit = org_arg(sent, Name(owner.start, e, text[owner.start : e]))  # "Stanford's Robotics Institute", by its own name
        yield cand("part_of", unit, Arg(owner.text, "ORG", owner.text, owner.start, owner.end), sent, "prose.part_of_possessive")  # as written


# ---------------------------------------------------------------- subsidiaries, acquisitions, holdings

_UNIT_NOUNS = r"(?:unit|division|subsidiary|affiliate|arm|branch|department|lab|laboratory|institute|part|spin-?off|spinout|brand)"
# "X, a (wholly owned) subsidiary of Y", "X became part of Y", "X becomes (a) division of Y", "X (now part of Y)"
_IS_PART = re.compile(
    rf"(?:,\s*(?:now\s+)?|\s+(?:is|was|became|becomes|become|will\s+become|will\s+be|has\s+become|remains)\s+(?:now\s+)?|\s*\(\s*now\s+)"
    rf"(?:(?:a|an|the|one)\s+)?(?:[\w-]+\s+){{0,2}}?{_UNIT_NOUNS}\s+(?:of|at|within|in)\s+(?=(?:the\s+)?[A-Z])"
)
_NOW_PAREN = re.compile(r"\s*\(\s*now\s+(?=[A-Z])")
# "Y acquired X", "Y has acquired X", "Y bought X"; "X, which was acquired by Y", "X was acquired by Y"
# (the bought may be described first: "acquired the robotics startup Kestrel", "bought rival Orbis")
_ACQUIRED = re.compile(
    rf"\b(?:acquired|acquires|bought|buys|purchased|took\s+over)\s+"
    rf"(?:(?:(?:the|a|an|its|their|fellow)\s+)?(?:[a-z][\w-]*\s+){{0,3}}?(?:{alt(words()['company_nouns'])})\s+)?(?=(?:the\s+)?[A-Z])"
)
_ACQUIRED_BY = re.compile(
    r"(?:(?:,\s*which|\s+that)?\s+(?:was|were|is|has\s+been|had\s+been)\s+|,\s*)(?:later\s+|subsequently\s+|eventually\s+|recently\s+|ultimately\s+|now\s+|wholly\s+|fully\s+|majority[\s-])?"
    r"(?:acquired|bought|purchased|owned)\s+by\s+(?=(?:the\s+)?[A-Z])"
    r"|\s+(?:merged|was\s+merged|has\s+merged|was\s+folded|were\s+folded)\s+into\s+(?=(?:the\s+)?[A-Z])"
)
# "Quillon's acquisition of Brightline", "Quillon completed its purchase of Brightline"; "the takeover of Brightline by Quillon"
# (not one that was only planned, rumoured, blocked or called off)
_UNDONE = r"(?:planned|proposed|pending|potential|possible|rumou?red|failed|blocked|abandoned|attempted|hostile)"
_ACQUISITION_OF = re.compile(rf"(?P<own>['’]s|\b[Ii]ts|\b[Tt]heir)\s+(?P<undone>{_UNDONE}\s+)?(?:(?:\$[\d.,]+\s*(?:billion|million|bn|m)|[\w-]+-dollar)\s+)?(?:acquisition|purchase|takeover|buyout)\s+of\s+(?=(?:the\s+)?[A-Z])")
_ACQUISITION_BY = re.compile(rf"\b(?P<undone>{_UNDONE}\s+)?(?:acquisition|purchase|takeover|buyout)\s+of\s+(?=(?:the\s+)?[A-Z])")
# "X, which Y acquired in 2018, ...": the buyer between the relative pronoun and the verb
_WHICH_BOUGHT = re.compile(r",\s*which\s+(?P<buyer>(?:the\s+)?[A-Z][^,;]{1,60}?)\s+(?:later\s+|then\s+)?(?:acquired|bought|purchased)\b")
# "Y's research arm, X,", "Y's AI unit, X,": a possessive unit noun and the unit's name in apposition
_POSSESSED_UNIT = re.compile(rf"['’]s?\s+(?:[\w-]+\s+){{0,2}}?{_UNIT_NOUNS},\s+(?=(?:the\s+)?[A-Z])")
# "Y consists of A, B and C", "Y will include our X lab", "Y's subsidiaries include A and B"
_CONSISTS = re.compile(r"\b(?:consists?\s+of|comprises|comprised\s+of|is\s+made\s+up\s+of|will\s+(?:also\s+)?include|includes|owns)\s+(?:(?:the\s+following|two|three|four|five|six|several|many)\s+(?:entities|companies|units|businesses|subsidiaries|divisions)\s*:\s*|(?:our|its|their)\s+)?(?=[A-Z])")


_CAPITALISED = re.compile(r"(?<![\w.'’-])[A-Z][\w&'’-]*(?:\s+(?:(?:of|and|de|van|von)\s+)?[A-Z][\w&'’-]*)*")
_SENTENCE_OPENERS = {"in", "on", "at", "the", "a", "an", "after", "before", "since", "during", "later", "then", "he", "she", "they", "it", "its", "his", "her", "their", "this", "that", "when", "while", "as"}
# "the company was acquired by Y": the organisation named last before it
_THE_COMPANY = re.compile(r"\b(?:[Tt]he|[Tt]his)\s+(?:company|startup|start-up|firm)\s*$")


def _company_named_before(sent: Sent, pos: int, co: Coref) -> Arg | None:
    """The one organisation its paragraph names in the 300 characters before `pos` (a place or a person
    aside); with two or more the antecedent is ambiguous and nothing is read."""
    text = text_of(sent.doc)
    start = max(0, pos - 300, text.rfind("\n", 0, pos) + 1)
    # (any name counts against the others: the model calls a company a place or a person at times)
    orgs = [e for e in ents_starting_in(sent.doc, start, pos, ("ORG", "GPE", "FAC", "NORP", "PERSON")) if e.end_char <= pos]
    orgs = [e for e in orgs if not is_location(e.text) and co.person_at(e.start_char, e.end_char) is None]
    names = {re.sub(r"^the\s+|['’]s$", "", e.text) for e in orgs}
    if len(names) != 1 or orgs[-1].label_ != "ORG":
        return None
    e = orgs[-1]
    for run in _CAPITALISED.finditer(text, start, pos):  # a name the model did not tag ("co-founded Kestrel Robotics")
        a, b = run.span()
        if not (a >= e.start_char and b <= e.end_char or co.person_at(a, b) is not None or run.group().lower() in _SENTENCE_OPENERS):
            return None
    return org_arg(sent, Name(e.start_char, e.end_char, re.sub(r"['’]s$", "", e.text)))


# "Kestrel, a startup which was acquired by ...": a description of the organisation, then its relative clause
_DESCRIBED_BEFORE = re.compile(r",\s*(?:a|an)\s+(?:[\w-]+\s+){0,3}[a-z][\w-]*(?:\s+(?:which|that))?\s*$")
_RELATIVE_BEFORE = re.compile(r",\s*(?:which|that)\s+[^,;()]{1,80}(?:,\s*)?$")


def _name_before(sent: Sent, pos: int, co: Coref) -> Arg | None:
    """The organisation named right before `pos` ("Quillon, a unit of ...", "Quillon was acquired by"),
    past a relative clause ("Kestrel, which was founded in 2018, is now part of ...") or a description
    ("Kestrel, a startup which was acquired by ...")."""
    text = text_of(sent.doc)
    clause = _RELATIVE_BEFORE.search(text, sent.start, pos) or _DESCRIBED_BEFORE.search(text, sent.start, pos)
    if clause is not None and clause.end() == pos:
        pos = clause.start()
    said = _THE_COMPANY.search(text, sent.start, pos)
    if said is not None:
        return _company_named_before(sent, said.start(), co)
    org = org_ending_at(sent, pos)
    if org is None or co.person_at(org.start, org.end) is not None:
        return None
    return org_arg(sent, org)


def _subject_org(sent: Sent, pos: int, co: Coref) -> Arg | None:
    """The organisation that is the subject of the verb at `pos` ("Orbit has acquired ...")."""
    text = text_of(sent.doc)
    m = re.search(r"(?:\s+(?:has|have|had|also|then|later|recently|eventually|will|officially))*\s*$", text[sent.start : pos])
    end = sent.start + (m.start() if m else pos - sent.start)
    return _name_before(sent, end, co)


def _acquisitions(sent: Sent, co: Coref) -> Iterator[Candidate]:
    """An acquisition named as a noun: the buyer's possessive, or "its" after the buyer's verb, or "by" after the bought."""
    text = text_of(sent.doc)
    for m in _ACQUISITION_OF.finditer(text, sent.start, sent.end):
        bought = name_at(sent, m.end())
        if m.group("undone") or bought is None or negated(sent, m.start()) or co.person_at(bought.start, bought.end) is not None:
            continue
        if m.group("own")[0] in "'’":
            buyer = _name_before(sent, m.start(), co)
        else:  # "Quillon (has) completed its acquisition of": the subject of the verb before "its"
            verb = re.search(r"[a-z]+\s+$", text[sent.start : m.start()])
            buyer = _subject_org(sent, sent.start + verb.start(), co) if verb is not None else None
        if buyer is not None and buyer.text != bought.text:
            yield cand("part_of", org_arg(sent, bought), buyer, sent, "prose.part_of_acquired")
    for m in _ACQUISITION_BY.finditer(text, sent.start, sent.end):
        bought = name_at(sent, m.end())
        by = re.match(r"\s+by\s+", text[bought.end : sent.end]) if bought is not None else None
        buyer = name_at(sent, bought.end + by.end()) if by is not None else None
        if m.group("undone") or buyer is None or negated(sent, m.start()) or co.person_at(buyer.start, buyer.end) is not None:
            continue
        yield cand("part_of", org_arg(sent, bought), org_arg(sent, buyer), sent, "prose.part_of_acquired")


@sentence_rule("part_of", "part_of.holdings", triggers=["holding"], order=156)
def holdings(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    for m in _IS_PART.finditer(text, sent.start, sent.end):
        child = _name_before(sent, m.start(), co)
        parent = name_at(sent, m.end())
        if child is None or parent is None or negated(sent, m.start() + 1) or is_location(parent.text):
            continue
        yield cand("part_of", child, org_arg(sent, parent), sent, "prose.part_of_subsidiary")
    for m in _NOW_PAREN.finditer(text, sent.start, sent.end):
        child = _name_before(sent, m.start(), co)
        parent = name_at(sent, m.end())
        if child is None or parent is None or _IS_PART.match(text, m.start()) or is_location(parent.text):
            continue
        yield cand("part_of", child, org_arg(sent, parent), sent, "prose.part_of_now")
    for m in _ACQUIRED.finditer(text, sent.start, sent.end):
        buyer = _subject_org(sent, m.start(), co)
        bought = name_at(sent, m.end())
        if buyer is None or bought is None or negated(sent, m.start()) or co.person_at(bought.start, bought.end) is not None:
            continue
        yield cand("part_of", org_arg(sent, bought), buyer, sent, "prose.part_of_acquired")
    for m in _ACQUIRED_BY.finditer(text, sent.start, sent.end):
        bought_arg = _name_before(sent, m.start(), co)
        buyer = name_at(sent, m.end())
        if bought_arg is None or buyer is None or negated(sent, m.end() - 4) or co.person_at(buyer.start, buyer.end) is not None:
            continue
        yield cand("part_of", bought_arg, org_arg(sent, buyer), sent, "prose.part_of_acquired")
    yield from _acquisitions(sent, co)
    for m in _WHICH_BOUGHT.finditer(text, sent.start, sent.end):
        bought_arg = _name_before(sent, m.start(), co)
        buyer = name_at(sent, m.start("buyer"))
        if bought_arg is None or buyer is None or buyer.end != m.end("buyer") or negated(sent, m.end() - 4) or co.person_at(buyer.start, buyer.end) is not None:
            continue
        yield cand("part_of", bought_arg, org_arg(sent, buyer), sent, "prose.part_of_acquired")
    for m in _POSSESSED_UNIT.finditer(text, sent.start, sent.end):
        owner = _name_before(sent, m.start(), co)
        unit = name_at(sent, m.end())
        if owner is None or unit is None or not re.match(r"\s*,", text[unit.end : unit.end + 2]) or co.person_at(unit.start, unit.end) is not None:
            continue
        yield cand("part_of", org_arg(sent, unit), owner, sent, "prose.part_of_subsidiary")
    for m in _CONSISTS.finditer(text, sent.start, sent.end):
        whole = _subject_org(sent, re.match(r"\b\w+", text[m.start() :]) and m.start() or m.start(), co)
        if whole is None or negated(sent, m.start()):
            continue
        for n in names_list(sent, m.end()):
            org_entity = any(e.label_ == "ORG" and e.start_char == n.start and e.end_char == n.end for e in sent.ents)
            if (org_entity or co.person_at(n.start, n.end) is None) and not is_location(n.text) and n.text != whole.text:
                yield cand("part_of", org_arg(sent, n), whole, sent, "prose.part_of_holding")


# a named unit and the university or company of the same sentence: "Professor in the Department of X,
# and Associate Dean in the College of Y at the University of Z, where he led the W Center"
_UNIT_ENT = re.compile(
    r"^(?:the\s+)?(?:(?:Department|Dept\.?|School|Faculty|College|Division|Centre|Center|Institute|Laboratory|Lab|Chair)\s+(?:of|for)\s+[A-Z]"
    r"|(?:[A-Z&][\w&-]*\s+)+(?:Department|Lab|Laboratory|Group|Center|Centre|Unit)$)"
)
_HOST = re.compile(r"\b(?:University|Universit\w+|Inc\.?|Ltd\.?|Corporation|Company|Institute\s+of\s+Technology)\b")


# A named unit: capitalised words (an acronym in parentheses allowed) ending in a unit noun of either case.
_UNIT_NAME = r"(?:[A-Z][\w&.-]*\s+(?:(?:of|for|and|&|in)\s+)?){1,6}(?:\([A-Z][\w-]*\)\s+)?(?:[Rr]esearch\s+)?(?:[Uu]nit|[Ll]ab|[Ll]aboratory|[Gg]roup|[Dd]epartment|[Cc]ent(?:er|re)|[Dd]ivision|[Ss]chool|[Ff]aculty)"
_UNIT_THEN_HOST = re.compile(rf"\b(?:at|in|of|with|joined|leads?|led|ran|runs|heads?(?:\s+up)?|headed(?:\s+up)?|directs?|directed|founded|established)\s+the\s+(?P<unit>{_UNIT_NAME})\s+(?:at|of)\s+(?:the\s+)?(?=[A-Z])")
_HOST_THEN_UNIT = re.compile(rf"\b(?:at|of)\s+(?:the\s+)?(?P<host>[A-Z][\w&.-]*(?:\s+(?:(?:of|for|and|&|de)\s+)?[A-Z][\w&.-]*){{0,5}})\s+in\s+the\s+(?P<unit>{_UNIT_NAME})\b")


def _host_org(sent: Sent, n, co: Coref) -> bool:
    """What a named unit is "at": an organisation unless it is a place or a person (the model need not know its name)."""
    if is_location(n.text) or co.person_at(n.start, n.end) is not None:
        return False
    if n.text.split()[-1] in _DISCIPLINES and not _ORG_NOUN.search(n.text):
        return False  # "the Keller Department of Electrical Engineering": a field names the unit, it is no host (the School of Engineering is)
    return not any(e.label_ in ("GPE", "LOC", "PERSON", "DATE") and e.start_char <= n.start < e.end_char for e in sent.ents)


_DISCIPLINES = frozenset(w.split()[-1] for w in words()["disciplines"])
_ORG_NOUN = re.compile(r"\b(?:School|College|Faculty|Institute|University|Academy|Department|Center|Centre|Division|Laboratory|Lab)\b")
_AT = re.compile(r"\s+at\s+(?:the\s+)?(?=[A-Z])")
_MIDDLE_UNIT = re.compile(r"^(?:[A-Z][\w&-]*\s+)*(?:School|College|Faculty|Division|Institute)\b")


def _host_above(sent: Sent, host: Name, co: Coref) -> Name | None:
    """The university or company a unit's host is itself at: "the Moss College of Arts at Northfield University"."""
    text = text_of(sent.doc)
    at = next((m for m in _AT.finditer(text, host.start, host.end)), None) or _AT.match(text, host.end, sent.end)
    inner = text[host.start : at.start()] if at is not None else ""
    if at is None or not _MIDDLE_UNIT.match(inner) or _HOST.search(inner):
        return None
    top = name_at(sent, at.end())
    return top if top is not None and _HOST.search(top.text) and _host_org(sent, top, co) else None


@sentence_rule("part_of", "part_of.unit_host", triggers=["unit"], order=158)
def unit_beside_host(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"a researcher at the Retail Analytics Research Unit at X", "the SCIC research group at X",
    "at the University of Y in the Film Department": a unit and its host named together."""
    text = text_of(sent.doc)
    for m in _UNIT_THEN_HOST.finditer(text, sent.start, sent.end):
        host = name_at(sent, m.end())
        if host is None or not _host_org(sent, host, co):
            continue
        s_, e_ = m.span("unit")
        unit = Arg(text[s_:e_], "ORG", text[s_:e_], s_, e_)
        top = _host_above(sent, host, co)
        if top is not None:  # "the Film Department of the Moss College of Arts at Northfield University": a chain of units
            host = Name(host.start, host.start + len(text[host.start : top.start].rsplit(" at ", 1)[0]), text[host.start : top.start].rsplit(" at ", 1)[0])
            yield cand("part_of", org_arg(sent, host), org_arg(sent, top), sent, "prose.part_of_unit_host")
            yield cand("part_of", unit, org_arg(sent, top), sent, "prose.part_of_unit_host")
        yield cand("part_of", unit, org_arg(sent, host), sent, "prose.part_of_unit_host")
    for m in _HOST_THEN_UNIT.finditer(text, sent.start, sent.end):
        host = name_at(sent, m.start("host"))
        if host is None or not _host_org(sent, host, co):
            continue
        s_, e_ = m.span("unit")
        yield cand("part_of", Arg(text[s_:e_], "ORG", text[s_:e_], s_, e_), org_arg(sent, host), sent, "prose.part_of_unit_host")


@sentence_rule("part_of", "part_of.same_sentence", triggers=["unit"], order=157, entities=["ORG"])
def same_sentence(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    orgs = [e for e in sent.ents if e.label_ == "ORG"]
    hosts = [e for e in orgs if _HOST.search(e.text) and not _UNIT_ENT.match(e.text)]
    if len(hosts) != 1:
        return  # with two universities in a sentence, which unit belongs where is not read here
    host = hosts[0]
    for e in orgs:
        if e is host or not _UNIT_ENT.match(e.text) or _HOST.search(e.text):
            continue
        between = text[min(e.end_char, host.end_char) : max(e.start_char, host.start_char)]
        if e.start_char > host.end_char and not re.match(r"\s*,?\s*(?:where|in\s+which|whose)\b", between):
            continue  # after the host only in a relative clause about it
        if negated(sent, e.start_char):
            continue
        name = re.sub(r"^the\s+", "", e.text)
        yield cand("part_of", Arg(name, "ORG", name, e.end_char - len(name), e.end_char), Arg(host.text, "ORG", re.sub(r"^the\s+", "", host.text), host.start_char, host.end_char), sent, "prose.part_of_unit_at")
