"""reports_to: "reports to P", "her manager is P"."""

from __future__ import annotations

import re
from typing import Iterator

from ..coref import Coref
from .base import Arg, Candidate, text_of
from .registry import RelationSpec, relation, sentence_rule
from .toolkit import (
    Sent,
    State,
    cand,
    clause_subject,
    negated,
    subj_arg,
)

SPEC = relation(RelationSpec("reports_to", ("PERSON",), ("PERSON",), ("level",)))

_REPORTS = re.compile(r"\b(?P<who>[Hh]is|[Hh]er|[Mm]y|[Tt]heir)\s+(?P<level>\+\d\s+)?(?:direct\s+)?(?:leader|manager|boss|supervisor|superior|report)\s+(?:is|was)\s+")
_REPORTS_TO = re.compile(r"\breports?\s+(?:directly\s+)?to\s+|\breported\s+(?:directly\s+)?to\s+")


@sentence_rule("reports_to", "reports_to.prose", triggers=["report"], order=180)
def reports(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    mentions = co.mentions_in(sent.start, sent.end)
    for m in list(_REPORTS.finditer(text, sent.start, sent.end)) + list(_REPORTS_TO.finditer(text, sent.start, sent.end)):
        boss = next((x for x in mentions if x.start >= m.end() and x.start - m.end() <= 2), None)
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


