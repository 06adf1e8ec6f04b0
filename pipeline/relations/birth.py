"""date_of_birth from prose: "was born in 1981", "born on 6 December 1947", "(b. 1962)", "Born in 1981, P ...",
"Born 26 March 1962, City." opening a biography's line (its subject), "born in Leeds in 1975", and a life
span after the name ("P (1815–1852)")."""

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
    person_refs,
    subj_arg,
)

SPEC = relation(RelationSpec("date_of_birth", ("PERSON",), ("DATE",), description="the object is the ISO value of the date"))


_BORN = re.compile(r"\b[Bb]orn\s+(?:in\s+|on\s+)?|\(\s*b\.\s*")
# "was born in Leeds in 1975", "born at Oslo, Norway, on 3 May 1980": the place, then the date
_PLACE_THEN = re.compile(r"(?:(?:in|at)\s+)?(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*){0,2},?\s+(?:in|on)\s+")
# "Ada Lovelace (1815–1852)": a life span right after the name gives the year of birth
_LIFESPAN = re.compile(r"\s*\(\s*(?P<born>(?:1[6-9]|20)\d\d)\s*[–—-]\s*(?P<died>(?:1[6-9]|20)\d\d)\s*\)")
_LIFETIME_YEARS = 25  # "Jane Roe (2018–2020)" on a lab's alumni list is a stay, not a life


@sentence_rule("date_of_birth", "birth.born", triggers=["birth"], order=100, entities=["PERSON"])
def born(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    for m in _BORN.finditer(text, sent.start, sent.end):
        at = m.end()
        place = _PLACE_THEN.match(text, at, sent.end) if not m.group().startswith("(") else None
        if place is not None:
            at = place.end()
        d = next((d for d in sent.dates if d.value and 0 <= d.start - at <= 1 and "/" not in d.value), None)
        if d is None:
            continue
        ref = clause_subject(sent, m.start(), co)
        if ref is None:
            refs = person_refs(sent, co)
            ref = next((r for r in refs if r.end <= m.start()), None)
        if ref is None and m.start() == sent.start and sent.doc._.people is not None and sent.doc._.people.subject is not None:
            # "Born 26 March 1962, Jammu." opening a line of a biography: its subject
            p = sent.doc._.people.subject
            yield cand("date_of_birth", Arg(p.canonical, "PERSON", p.canonical), Arg(d.text, "DATE", d.value, d.start, d.end), sent, "prose.date_of_birth")
            continue
        if ref is None or negated(sent, m.start()):
            continue
        yield cand("date_of_birth", subj_arg(sent, ref), Arg(d.text, "DATE", d.value, d.start, d.end), sent, "prose.date_of_birth")
    for r in person_refs(sent, co):
        life = _LIFESPAN.match(text, r.end, sent.end)
        if life is None or int(life.group("died")) - int(life.group("born")) < _LIFETIME_YEARS:
            continue
        if text[r.start : r.end][:1].isupper() and not negated(sent, r.start):
            s_, e_ = life.span("born")
            yield cand("date_of_birth", subj_arg(sent, r), Arg(text[s_:e_], "DATE", text[s_:e_], s_, e_), sent, "prose.date_of_birth")
