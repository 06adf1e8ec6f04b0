"""employed_by from departures and stays that name the role: "P will depart as CEO", "P stepped
down as chief scientist of X in 2020", "P resigned as CFO", "P will remain in her role at the
company". The employer is the organisation after the title ("as CEO of X"), else the one
the story is about. A wish or a demand ("investors want P to step down as CEO"), a negation
or a condition states nothing.
"""

from __future__ import annotations

import re
from typing import Iterator

from ...coref import Coref
from ..base import Candidate, text_of
from ..mentions import company_in_context
from ..registry import sentence_rule
from ..toolkit import Sent, State, cand, clause_subject, date_after, name_at, negated, org_arg, subj_arg

_LEAVES_AS = re.compile(r"\b(?:depart(?:s|ed)?|step(?:s|ped)?\s+down|stepping\s+down|resign(?:s|ed)?|retire[sd]?)\s+as\s+(?:(?:the|its|their)\s+)?")
_STAYS = re.compile(
    r"\bremain(?:s|ed)?\s+(?:in\s+(?:his|her|their)\s+(?:current\s+)?(?:role|position)\s+)?(?:at|with)\s+(?:the\s+(?=(?:company|firm|startup)\b))?"
)
_THE_COMPANY = re.compile(r"(?:company|firm|startup)\b")
_OF_ORG = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?(?=[A-Z])")


def _employer(sent: Sent, pos: int):
    """The organisation named at `pos`, or the story's company when the text says "the company"."""
    text = text_of(sent.doc)
    if _THE_COMPANY.match(text, pos, sent.end):
        return company_in_context(sent.doc, pos)
    n = name_at(sent, pos)
    return org_arg(sent, n) if n is not None else None


def _wished(text: str, start: int, pos: int) -> bool:
    """"... want P to step down", "calls for P to resign": an infinitive states no event."""
    return bool(re.search(r"\bto\s+$", text[max(start, pos - 4) : pos]))


@sentence_rule("employed_by", "employment.departures", triggers=["depart"], order=165)
def departures(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    for m in _LEAVES_AS.finditer(text, sent.start, sent.end):
        tits = [e for e in sent.ents if e.label_ == "TITLE" and e.start_char == m.end()]
        ref = clause_subject(sent, m.start(), co)
        if not tits or ref is None or ref.start > m.start() or negated(sent, m.start()) or _wished(text, sent.start, m.start()):
            continue
        title, title_end = tits[0].text, tits[0].end_char
        inner = re.search(r"\s(?:of|at)\s+(?:the\s+)?(?=[A-Z])", title)
        if inner:  # "as chief scientist of Quillon" tagged as one title: the employer is inside it
            title, title_end = title[: inner.start()], tits[0].start_char + inner.start()
        of = _OF_ORG.match(text, title_end, sent.end)
        org = _employer(sent, of.end()) if of else company_in_context(sent.doc, m.start())
        if org is None or co.person_at(org.start or 0, org.end or 0) is not None:
            continue
        q = {"title": title}
        d = date_after(sent, org.end if of and org.end else title_end, 20)
        if d is not None and d.value and "/" not in d.value:
            q["end"] = d.value
        yield cand("employed_by", subj_arg(sent, ref), org, sent, "prose.job_departed", q)
    for m in _STAYS.finditer(text, sent.start, sent.end):
        ref = clause_subject(sent, m.start(), co)
        if ref is None or ref.start > m.start() or negated(sent, m.start()) or _wished(text, sent.start, m.start()):
            continue
        org = _employer(sent, m.end())
        if org is None or co.person_at(org.start or 0, org.end or 0) is not None:
            continue
        yield cand("employed_by", subj_arg(sent, ref), org, sent, "prose.job_remains", {"end": "present"})
