"""leads: "heads / leads / directs / runs / oversees X", "the person in charge of X", "the leader of this model",
"PI of PROGRAMME", "X, led by P"."""

from __future__ import annotations

import re
from typing import Iterator

from ..coref import Coref
from .base import Arg, Candidate, text_of
from .mentions import org_ending_at
from .registry import RelationSpec, relation, sentence_rule
from .toolkit import (
    Name,
    Sent,
    State,
    alt,
    cand,
    clause_subject,
    is_location,
    name_at,
    negated,
    org_arg,
    person_refs,
    subj_arg,
    words,
)

SPEC = relation(RelationSpec("leads", ("PERSON",), ("ORG", "PRODUCT", "PROJECT"), ("role", "start")))

# ---------------------------------------------------------------- leads / reports_to

_LEAD_VERB = re.compile(rf"\b(?:{alt(words()['lead_verbs'])})\s+(?=(?:the\s+|his\s+|her\s+|their\s+)?[A-Z])")
# "led the company's "Skyline" project": a quoted name before the kind of effort it is
_QUOTED_LED = re.compile(
    rf"\b(?:{alt(words()['lead_verbs'])})\s+(?:(?:the|his|her|their|its|our|my)\s+)?(?:\w+['’]s\s+)?[\"“](?P<obj>[^\"“”]{{2,40}})[\"”]\s+"
    r"(?:project|initiative|team|effort|program|programme|group|lab)\b"
)
# "leads the widgetlab", "directs the nlpgroup": a lab written as one lower-case word ending in its kind
_LOWER_LAB = re.compile(
    rf"\b(?:{alt(words()['lead_verbs'])})\s+the\s+(?P<obj>(?!col+ab\b)[a-z][a-z0-9]{{1,15}}(?:lab|group))\b(?!\s+(?:of|for)\b)"
)
_LOWER_UNIT_AT = re.compile(
    rf"\b(?:{alt(words()['lead_verbs'])})\s+the\s+(?P<obj>(?:[a-z][\w-]*\s+){{1,3}}(?:group|team|lab|laboratory|division|unit|department))(?P<at>\s+(?:at|of|in)\s+(?=(?:the\s+)?[A-Z]))?"
)
# "leads the company's research, product, and safety functions", "oversees Quillon's sales and marketing teams":
# an organisation's functions without a name of their own, led as one
_POSSESSED_FUNCTIONS = re.compile(
    rf"\b(?:{alt(words()['lead_verbs'])})\s+(?:the\s+(?:company|firm|startup|organi[sz]ation|group)['’]s|its|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){{0,2}}['’]s?)\s+"
    r"(?P<obj>(?:[a-z][\w-]*,?\s+(?:and\s+)?){1,5}(?:functions|teams|divisions|groups|units|departments|operations|organi[sz]ations|businesses|team|division|group|unit|department|organi[sz]ation|business))\b"
)
_AT_HOST = re.compile(r"\s+at\s+(?:the\s+)?[A-Z]")


def _before_host(name: Name | None) -> Name | None:
    """"Vision Lab at Quillon University", tagged as one name: the unit is what comes before "at"."""
    if name is None:
        return None
    m = _AT_HOST.search(name.text)
    if m is None or m.start() == 0:
        return name
    return Name(name.start, name.start + m.start(), name.text[: m.start()])


_NAMELY = re.compile(r"\bled\s+(?:two|three|four|several|many|\d+)\s+[\w -]*?projects?\b[^.;]*?,?\s*namely\s+")
_IN_CHARGE = re.compile(r"\b(?:the\s+)?(?:core\s+)?person\s+in\s+charge\s+of\s+(?:the\s+)?(?P<what>[\w -]+?)\s+of\s+(?:the\s+)?(?P<obj>[A-Z][\w.-]*(?:\s+\d[\w.]*)?)")
_LEADER_OF = re.compile(r"\b(?:the\s+)?(?P<role>(?:core\s+)?(?:[A-Z&]+(?:\s*&\s*[A-Z]+)?\s+)?leader)\s+of\s+(?P<obj>(?:this|the|that)\s+(?:model|project|product|system|team))")


_UNIT_NAME = re.compile(r"(?:the\s+)?(?:Chair|Department|Laboratory|Lab|Centre|Center|Institute|Division|Group|Unit)\s+(?:of|for)\s+[A-Z]")
_LED_NOUN = re.compile(r"(?:the\s+)?(?P<obj>[A-Z][^.;]{0,80}?\s(?:business|team|project|group|lab|laboratory|department|division|unit|effort|initiative|program|programme|organization|organisation))\b")
_MODIFIES = re.compile(r"\s+(?!(?:at|of|in|and|with|for|to|from|which|where|since|as|on|by|team|lab|group|project|department|division)\b)[a-z]")


_WHERE = re.compile(r"\s+at\s+(?P<host>[^,;]{2,80}?),\s*where\s+(?:he|she|they)\s+(?:also\s+|now\s+|currently\s+)?$")


def _where_host(sent: Sent, pos: int) -> Name | None:
    """"a lecturer at Orbit University, where he leads the tidelab": the unit is part of the place named before "where"."""
    text = text_of(sent.doc)
    m = _WHERE.search(text, sent.start, pos)
    if m is None:
        return None
    host = org_ending_at(sent, m.end("host"))
    return host if host is not None and host.start >= m.start("host") and not is_location(host.text) else None


def _asserted(sent: Sent, co: Coref, rx: re.Pattern[str]) -> Iterator[tuple[re.Match[str], object]]:
    """Each match of `rx` in the sentence whose clause has a person and is not negated, with that person."""
    for m in rx.finditer(text_of(sent.doc), sent.start, sent.end):
        ref = clause_subject(sent, m.start(), co)
        if ref is not None and not negated(sent, m.start()):
            yield m, ref


@sentence_rule("leads", "leads.verbs", triggers=["lead"], order=170)
def leads(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    bad = [e for e in sent.ents if e.label_ in ("TITLE", "GPE", "LOC", "NORP", "DATE")]
    for m in _LEAD_VERB.finditer(text, sent.start, sent.end):
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        p = m.end()
        ln = _LED_NOUN.match(text, p, sent.end)
        if ln and not re.search(r"[,;]\s+(?:which|who|where)\b", ln.group()):
            s_, e_ = ln.span("obj")
            yield cand("leads", subj_arg(sent, ref), Arg(text[s_:e_], "ORG", text[s_:e_], s_, e_), sent, "prose.leads_verb")
            continue
        for _ in range(3):
            whole = name_at(sent, p)
            obj = _before_host(whole)  # its host is read by the part_of and employment rules
            if obj is not None and _UNIT_NAME.match(obj.text):
                pass  # "leads the Chair of Database Systems": a unit, though it reads like a title
            elif obj is None or any(b.start_char <= obj.start < b.end_char for b in bad) or _MODIFIES.match(text, obj.end, sent.end):
                break
            yield cand("leads", subj_arg(sent, ref), org_arg(sent, obj, "ORG"), sent, "prose.leads_verb")
            last = obj.end
            # "leads the X Department at DFKI": the unit is part of the organisation, which employs the person
            at = re.compile(r"\s+(?:at|of|in)\s+(?:the\s+)?").match(text, obj.end, sent.end) if obj == whole else None
            if at:
                host = name_at(sent, at.end())
                if host is not None and (re.search(r"\b[A-Z]{2,}\b", host.text) and not is_location(host.text) or not any(b.start_char <= host.start < b.end_char for b in bad)):
                    yield cand("part_of", org_arg(sent, obj), org_arg(sent, host), sent, "prose.part_of_unit_at")
                    yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, host), sent, "prose.job_title")
                    last = host.end
            elif obj == whole:
                where = _where_host(sent, m.start())
                if where is not None:
                    yield cand("part_of", org_arg(sent, obj), org_arg(sent, where), sent, "prose.part_of_unit_at")
            nx = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?=[A-Z])").match(text, last, sent.end)
            if not nx:
                break
            p = nx.end()
    for m in _LOWER_UNIT_AT.finditer(text, sent.start, sent.end):
        # "leads the robotics group at Helix Labs", "at Helix Labs, where he leads the language team": a unit
        # without a name of its own, at a named host (the employment rules read the host)
        host = name_at(sent, m.end()) if m.group("at") else _where_host(sent, m.start())
        if not m.group("at") and not re.match(r"\s*(?:[,.;]|$)", text[m.end() : m.end() + 2]):
            continue
        ref = clause_subject(sent, m.start(), co)
        if host is None or ref is None or negated(sent, m.start()) or is_location(host.text):
            continue
        s_, e_ = m.span("obj")
        yield cand("leads", subj_arg(sent, ref), Arg(text[s_:e_], "ORG", text[s_:e_], s_, e_), sent, "prose.leads_verb")
    for m, ref in _asserted(sent, co, _POSSESSED_FUNCTIONS):
        s_, e_ = m.span("obj")
        yield cand("leads", subj_arg(sent, ref), Arg(text[s_:e_], "ORG", text[s_:e_], s_, e_), sent, "prose.leads_verb")
    for m, ref in _asserted(sent, co, _LOWER_LAB):
        s_, e_ = m.span("obj")
        unit = Arg(text[s_:e_], "ORG", text[s_:e_], s_, e_)
        yield cand("leads", subj_arg(sent, ref), unit, sent, "prose.leads_verb")
        host = _where_host(sent, m.start())
        if host is not None:
            yield cand("part_of", unit, org_arg(sent, host), sent, "prose.part_of_unit_at")
    for m, ref in _asserted(sent, co, _QUOTED_LED):
        s_, e_ = m.span("obj")
        yield cand("leads", subj_arg(sent, ref), Arg(text[s_:e_], "PROJECT", text[s_:e_], s_, e_), sent, "prose.leads_quoted")
    for m, ref in _asserted(sent, co, _NAMELY):
        seg_end = next((i for i in (text.find(".", m.end(), sent.end), text.find(";", m.end(), sent.end)) if i > 0), sent.end)
        for pm in re.finditer(r"[A-Z][\w.-]*(?:\s+\d[\w.]*)?", text[m.end() : seg_end]):
            s_, e_ = m.end() + pm.start(), m.end() + pm.end()
            yield cand("leads", subj_arg(sent, ref), Arg(text[s_:e_], "PROJECT", text[s_:e_], s_, e_), sent, "prose.leads_namely")
    for m in _IN_CHARGE.finditer(text, sent.start, sent.end):
        ref = None
        for r in person_refs(sent, co):
            if r.end <= m.start() and re.fullmatch(r"\s*(?:,|is|was|became|as|,\s*the)?\s*(?:the|officially|recognized\s+by\s+[\w ]+?\s+as)?\s*", text[r.end : m.start()]):
                ref = r
        if ref is None:
            ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        n = name_at(sent, m.start("obj"))
        if n is None:
            continue
        nn = re.match(r"[A-Z][\w.-]*(?:\s+\d[\w.]*)?", n.text)
        obj = Name(n.start, n.start + nn.end(), nn.group()) if nn else n
        role = "person in charge of " + re.sub(r"\s*-\s*", "-", m.group("what")).strip()
        q = {"role": role}
        yield cand("leads", subj_arg(sent, ref), Arg(obj.text, "PRODUCT", obj.text, obj.start, obj.end), sent, "prose.leads_in_charge", q)
    for m in _LEADER_OF.finditer(text, sent.start, sent.end):
        ref = None
        for r in person_refs(sent, co):
            if r.end <= m.start():
                ref = r
        if ref is None or negated(sent, m.start()):
            continue
        prods = [e for e in sent.ents if e.label_ == "PRODUCT" and e.end_char <= m.start()]
        if not prods:
            continue
        p = prods[-1]
        role = re.sub(r"\s*&\s*", "&", m.group("role"))
        yield cand("leads", subj_arg(sent, ref), Arg(p.text, "PRODUCT", p.text, p.start_char, p.end_char), sent, "prose.leads_in_charge", {"role": role})


# "PI of DARPA X and DARPA Y", "co-PI for Orbit's efforts in A and B programs", "principal investigator of X"
_PI_OF = re.compile(
    r"\b(?P<role>(?:[Cc]o-?)?PI|(?:[Cc]o-)?[Pp]rincipal\s+[Ii]nvestigator|[Pp]roject\s+(?:[Ll]ead|[Ll]eader|[Cc]oordinator))\s+(?:of|for|on)\s+"
    r"(?:(?:[A-Z][\w-]*['’]s\s+)?(?:efforts?|work|participation)\s+(?:on|in|for)\s+)?(?:the\s+)?(?=[A-Z])"
)
_PAREN = re.compile(r"\s*\([^()]{0,120}\)")
# "X, led by P", "X is headed by P"
# "The Orca team", "Her Graph Mining group", "the Nimbus project": a name, then a unit word (or an effort's)
_NAMED_UNIT = re.compile(
    rf"(?<![\w-])((?!(?:The|Her|His|Their|Our|Its|My|A|An|This|That)\b)[A-Z][\w.+-]*(?:\s+[A-Z\d][\w.+-]*){{0,2}}\s+(?:{alt(words()['unit_words'] + ['project', 'initiative'])}))$"
)
_LED_BY = re.compile(r"(?:,\s*(?:which\s+(?:is|was)\s+)?|\s+(?:is|was|are)\s+)?(?:(?:now|currently|jointly)\s+)?(?:led|headed|directed|run|managed|co-led)\s+by\s+")


def _programmes(sent: Sent, pos: int) -> list[Name]:
    """Names after a PI role: "DARPA X (what it does) and DARPA Y", "DARPA's A and B programs"."""
    text = text_of(sent.doc)
    out: list[Name] = []
    p = pos
    while len(out) < 6:
        m = re.compile(r"(?:[A-Z][\w-]*['’]s\s+)?").match(text, p, sent.end)
        p = m.end() if m else p
        n = re.compile(r"[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}").match(text, p, sent.end)
        if n is None or n.group().endswith("-") or re.match(r"['’]s\b", text[n.end() : n.end() + 2]) or _PI_OF.match(text, n.start()):
            break  # "DARPA-funded", "PI of ISI's ...", the next role of a list ("PI of X, Co-PI of Y")
        out.append(Name(n.start(), n.end(), n.group()))
        q = _PAREN.match(text, n.end(), sent.end)
        e = q.end() if q else n.end()
        nx = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?=[A-Z])").match(text, e, sent.end)
        if not nx:
            break
        p = nx.end()
    return out


@sentence_rule("leads", "leads.programmes", triggers=["pi"], order=171)
def programmes(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    for m in _PI_OF.finditer(text, sent.start, sent.end):
        ref = None
        for r in person_refs(sent, co):
            if r.end <= m.start() and re.fullmatch(r"\s*,\s*(?:the\s+)?", text[r.end : m.start()]):
                ref = r
        ref = ref or clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        role = m.group("role")
        for n in _programmes(sent, m.end()):
            if co.person_at(n.start, n.end) is not None:
                break
            yield cand("leads", subj_arg(sent, ref), Arg(n.text, "PROJECT", n.text, n.start, n.end), sent, "prose.leads_pi", {"role": role})
    for m in _LED_BY.finditer(text, sent.start, sent.end):
        boss = next((r for r in person_refs(sent, co) if 0 <= r.start - m.end() <= 1), None)
        if boss is None or negated(sent, m.end() - 3):
            continue
        led = org_ending_at(sent, m.start())
        if led is None:  # "The Orca team, led by P": a named unit in lower case
            u = _NAMED_UNIT.search(text, sent.start, m.start())
            led = Name(u.start(1), u.end(1), u.group(1)) if u is not None else None
        if led is None or co.person_at(led.start, led.end) is not None:
            continue
        yield cand("leads", subj_arg(sent, boss), org_arg(sent, led), sent, "prose.leads_led_by")


# "projects such as DARPA Harbor (PI), DARPA Kite (co-PI) and IARPA Lumen (PI)": each name with its role after it
_ROLE_AFTER = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})\s*\(\s*(?P<role>(?:[Cc]o-?)?PI|(?:[Cc]o-)?[Pp]rincipal\s+[Ii]nvestigator)\s*\)"
)


@sentence_rule("leads", "leads.role_marks", triggers=["pi"], order=172)
def role_marks(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """Projects listed with the person's role in parentheses after each: the clause's person leads them in that role."""
    text = text_of(sent.doc)
    for m in _ROLE_AFTER.finditer(text, sent.start, sent.end):
        n = Name(m.start("name"), m.end("name"), m.group("name"))
        if co.person_at(n.start, n.end) is not None or is_location(n.text):
            continue
        ref = clause_subject(sent, m.start(), co)
        if ref is None or ref.start >= n.start or negated(sent, n.start):
            continue
        yield cand("leads", subj_arg(sent, ref), Arg(n.text, "PROJECT", n.text, n.start, n.end), sent, "prose.leads_pi", {"role": m.group("role")})
