"""employed_by from teams: the members a text lists for a lab, group or team ("the three initial
members of the Riverbend Lab, A, B and C, ...", title "member"; a board, committee or council is
no workplace), and the team, group or lab a person led at an organisation ("led the team responsible
for search at Kestrel", "managed a team of 40 engineers at Quillon": employed there, no title)."""

from __future__ import annotations

import re
from typing import Iterator

from ...coref import Coref
from ..base import Candidate, text_of
from ..registry import sentence_rule
from ..toolkit import Name, Sent, State, cand, clause_subject, is_location, is_unit, name_at, negated, org_arg, person_refs, subj_arg

_MEMBERS_OF = re.compile(
    r"\b(?:(?:the|its|their)\s+)?(?:[a-z][\w-]*\s+){0,3}members\s+of\s+(?:the\s+)?"
    r"(?P<unit>[A-Z][\w&.-]*(?:\s+(?:[A-Z][\w&.-]*|of|for|and))*?\s+(?:[Ll]ab|[Ll]aboratory|[Gg]roup|[Tt]eam|[Cc]ent(?:er|re)|[Uu]nit))\s*,\s+"
)
_NOT_WORKPLACE = re.compile(r"\b(?:board|committee|council|jury|panel)\b", re.I)


@sentence_rule("employed_by", "employment.members", triggers=["member"], order=168)
def members(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    for m in _MEMBERS_OF.finditer(text, sent.start, sent.end):
        if _NOT_WORKPLACE.search(text[m.start() : m.end()]) or negated(sent, m.start()):
            continue
        us, ue = m.span("unit")
        unit = Name(us, ue, m.group("unit"))
        if not is_unit(unit.text):
            continue
        # the people in apposition: names separated by commas and "and", up to the closing comma
        pos = m.end()
        refs = [r for r in person_refs(sent, co) if r.start >= pos]
        for r in refs:
            if not re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)?", text[pos : r.start]):
                break
            yield cand("employed_by", subj_arg(sent, r), org_arg(sent, unit), sent, "prose.job_member", {"title": "member"})
            pos = r.end





_LED_TEAM_AT = re.compile(
    r"\b(?:led|leads|leading|heads|headed|directs|directed|managed|manages|managing|ran|runs|built|builds)\s+(?:a|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:teams?|groups?|labs?|division)\b"
    r"(?P<rest>[^.;:]{0,80}?)\s+(?:at|for)\s+(?=(?:the\s+)?[A-Z])"
)


@sentence_rule("employed_by", "employment.team_lead", triggers=["lead"], order=169)
def led_team_at(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    for m in _LED_TEAM_AT.finditer(text, sent.start, sent.end):
        if re.search(r"[,()]|\b(?:to|that|which|who|where|when|into|against)\b", m.group("rest")):
            continue  # another clause or a goal between the team and the organisation ("led the team to victory at X")
        org = name_at(sent, m.end())
        ref = clause_subject(sent, m.start(), co)
        if org is None or is_location(org.text) or ref is None or ref.start > m.start() or co.person_at(org.start, org.end) is not None or negated(sent, m.start()):
            continue
        yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, org), sent, "prose.job_team_lead")
