"""employed_by from an organisation's hire with no title given: "Quillon hired P in 2020",
"Quillon poached P from Northwind Labs", "Kestrel lured P away from Quillon in 2019".

The hirer employs P from the date after the verb; the organisation P came "from" employed P
before. A hire with a title ("hired P as its CTO") is read by `named`; a plan, a negation, a
condition ("plans to hire P", "did not hire P", "if Quillon hires P") or a board seat states nothing.
"""

from __future__ import annotations

import re
from typing import Iterator

from ...coref import Coref
from ..base import Candidate, text_of
from ..mentions import org_ending_at, ref_right_after
from ..registry import sentence_rule
from ..toolkit import Sent, State, cand, date_after, name_at, negated, org_arg, person_refs, subj_arg

_HIRED = re.compile(r"\s+(?:has\s+|had\s+|have\s+)?(?:hired|hires|recruited|recruits|poached|poaches|lured|lures)\s+")
_FROM = re.compile(r"\s+(?:away\s+)?from\s+(?:the\s+)?(?=[A-Z])")


@sentence_rule("employed_by", "employment.hires", triggers=["hire"], order=137)
def hires(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    refs = person_refs(sent, co)
    for m in _HIRED.finditer(text, sent.start, sent.end):
        org = org_ending_at(sent, m.start())
        ref = ref_right_after(refs, m.end(), text)
        if org is None or ref is None or co.person_at(org.start, org.end) is not None or negated(sent, m.start() + 1):
            continue
        rest = text[ref.end : sent.end]
        if re.match(r"\s*(?:,\s*(?:a|an|the)\s+[^,;]{1,60},\s*)?(?:as|to\s+be)\b", rest):
            continue  # "hired P as its CTO": `named` reads the title
        if re.search(r"\b(?:for|to|on)\s+(?:its|the|their)\s+(?:advisory\s+)?board\b", rest):
            continue  # a board seat is no employment
        came = _FROM.match(text, ref.end, sent.end)
        before = name_at(sent, came.end()) if came is not None else None
        after = before.end if before is not None else ref.end
        d = date_after(sent, after, 10)
        q = {"start": d.value} if d is not None and d.value and "/" not in d.value else {}
        yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, org), sent, "prose.job_hired", q)
        if before is not None and co.person_at(before.start, before.end) is None:
            yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, before), sent, "prose.job_hired_from")
