"""part_of from prose: units a person or organisation set up ("established a new lab X"), "X Lab at Y", possessives ("Uber's AI Labs")."""

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
    name_at,
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
        if co.person_at(m.start("org"), m.end("org")) is not None:
            continue
        s, e = m.span("unit")
        yield cand("part_of", Arg(text[m.start("org") : e], "ORG", text[m.start("org") : m.end("org")] + " " + text[s:e], m.start("org"), e), Arg(m.group("org"), "ORG", m.group("org"), m.start("org"), m.end("org")), sent, "prose.part_of_possessive")
