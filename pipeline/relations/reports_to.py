"""reports_to: "reports to P", "her manager is P", "reporting to the CEO" (whoever the document made CEO),
"P's deputy", "joins P's leadership team"."""

from __future__ import annotations

import re
from typing import Iterator

from ..coref import Coref
from .base import Arg, Candidate, text_of
from .mentions import company_in_context
from .registry import RelationSpec, relation, sentence_rule
from .toolkit import (
    Sent,
    State,
    cand,
    clause_subject,
    negated,
    person_refs,
    subj_arg,
)

SPEC = relation(RelationSpec("reports_to", ("PERSON",), ("PERSON",), ("level",)))

_REPORTS = re.compile(r"\b(?P<who>[Hh]is|[Hh]er|[Mm]y|[Tt]heir)\s+(?P<level>\+\d\s+)?(?:direct\s+)?(?:leader|manager|boss|supervisor|superior|report)\s+(?:is|was)\s+")
_REPORTS_TO = re.compile(r"\breports?\s+(?:directly\s+)?to\s+|\breport(?:ed|ing)\s+(?:directly\s+)?to\s+")


def _titled_before(sent: Sent, start: int, name: int) -> bool:
    """Only a title, perhaps after its organisation, between "reports to" and the name ("to Quillon CEO Mira Olsen")."""
    text = text_of(sent.doc)
    title = next((e for e in sent.ents if e.label_ == "TITLE" and start <= e.start_char and 0 <= name - e.end_char <= 1), None)
    return title is not None and re.fullmatch(r"(?:the\s+)?(?:[A-Z][\w&.-]*(?:['’]s)?\s+){0,3}", text[start : title.start_char]) is not None


@sentence_rule("reports_to", "reports_to.prose", triggers=["report"], order=180)
def reports(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    mentions = co.mentions_in(sent.start, sent.end)
    for m in list(_REPORTS.finditer(text, sent.start, sent.end)) + list(_REPORTS_TO.finditer(text, sent.start, sent.end)):
        boss = next((x for x in mentions if x.start >= m.end() and (x.start - m.end() <= 2 or _titled_before(sent, m.end(), x.start))), None)
        if boss is None:
            continue
        if "who" in m.groupdict() and m.groupdict().get("who"):
            p = co.resolve_word(m.group("who"), m.start())
            if p is None:
                continue
            subj = Arg(text[m.start("who") : m.end("who")], "PERSON", p.canonical, m.start("who"), m.end("who"))
        else:
            ref = clause_subject(sent, m.start(), co)
            if ref is None:
                continue
            subj = subj_arg(sent, ref)
        if subj.canonical == boss.person.canonical or negated(sent, m.start()):
            continue
        q = {}
        if m.groupdict().get("level"):
            q["level"] = m.group("level").strip()
        yield cand("reports_to", subj, Arg(text[boss.start : boss.end], "PERSON", boss.person.canonical, boss.start, boss.end), sent, "prose.reports_to", q)




_TO_TITLE = re.compile(r"\breport(?:s|ed|ing)?\s+(?:directly\s+)?to\s+(?:the\s+|our\s+|its\s+)(?:(?:interim|acting|new)\s+)?(?P<title>[A-Za-z][\w -]{1,40}?)(?=[,.;]|\s+(?:and|who|at|of)\b|$)")
_DEPUTY = re.compile(r"(?P<who>[Hh]is|[Hh]er|[Tt]heir)?\s*\b(?:deputy|second-in-command|right-hand)\b")
_TEAM_OF = re.compile(r"\b(?:join(?:s|ed|ing)?|is\s+(?:a\s+)?(?:member\s+of|part\s+of|on))\s+")


@sentence_rule("reports_to", "reports_to.roles", triggers=["report"], order=181)
def to_roles(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    for m in _TO_TITLE.finditer(text, sent.start, sent.end):
        company = company_in_context(sent.doc, m.start())
        boss = st.holder(m.group("title"), company.text if company is not None else None)
        ref = clause_subject(sent, m.start(), co)
        if boss is None or ref is None or negated(sent, m.start()):
            continue
        if boss.canonical == ref.person.canonical:
            continue
        yield cand("reports_to", subj_arg(sent, ref), Arg(boss.canonical, "PERSON", boss.canonical), sent, "prose.reports_to_title")
    # "Ana Ruiz, Peter Vance's deputy,", "joins Peter Vance's leadership team"
    for r in person_refs(sent, co):
        tail = text[r.end : r.end + 40]
        m = re.match(r"['’]s\s+(?:(?:new|longtime|long-time)\s+)?(?:deputy|second-in-command|(?:senior\s+)?leadership\s+team|direct\s+reports?)\b", tail)
        if not m:
            continue
        pos = r.end + m.end()
        sub = None
        if "team" in m.group() or "reports" in m.group():
            j = _TEAM_OF.search(text, max(sent.start, r.start - 30), r.start)
            if j is not None:
                sub = clause_subject(sent, j.start(), co)
        else:
            for q in person_refs(sent, co):
                if q.end <= r.start and re.fullmatch(r"\s*,\s*", text[q.end : r.start]):
                    sub = q
            if sub is None:
                lk = re.search(r"\b(?:is|was|as|became|named|appointed)\s+(?:the\s+|a\s+)?$", text[sent.start : r.start])
                sub = clause_subject(sent, sent.start + lk.start(), co) if lk else None
        if sub is None or sub.person.canonical == r.person.canonical or negated(sent, pos - 1):
            continue
        yield cand("reports_to", subj_arg(sent, sub), Arg(text[r.start : r.end], "PERSON", r.person.canonical, r.start, r.end), sent, "prose.reports_to_deputy")
