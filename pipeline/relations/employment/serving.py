"""employed_by from a role the sentence adds after its employer: "P was a founding member of X in
December 2015, serving as a research scientist until 2017", "P joined X in 2015, serving as its
chief scientist". The organisation is the employer the sentence's own rules found before the
comma (this rule runs after them), the start a date between it and the comma, the end the date
after "until". Serving coffee is no role: the words after "as" must be a title.
"""

from __future__ import annotations

import re
from typing import Iterator

from ...coref import Coref
from ..base import Candidate, text_of
from ..registry import sentence_rule
from ..toolkit import Name, Sent, State, cand, clause_subject, date_after, negated, org_arg, subj_arg

_SERVING_AS = re.compile(r",\s+(?:serving|working|acting)\s+as\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?=[A-Za-z])")
_UNTIL = re.compile(r"\s+(?:until|till|through)\s+")


@sentence_rule("employed_by", "employment.serving_as", triggers=["title_link"], order=170)
def serving_as(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    for m in _SERVING_AS.finditer(text, sent.start, sent.end):
        title = next((e for e in sent.ents if e.label_ == "TITLE" and e.start_char == m.end()), None)
        ref = clause_subject(sent, m.start(), co)
        if title is None or ref is None or negated(sent, m.start()) or re.match(r"['’]s\b", text[title.end_char : title.end_char + 2]):
            continue
        named = [(o, at) for o, at in st.employers.get(ref.person.canonical, []) if sent.start <= at < m.start()]
        if not named:
            continue
        org_text, at = named[-1]
        q = {"title": title.text}
        start = next((d for d in sent.dates if at < d.start < m.start() and d.value and "/" not in d.value), None)
        if start is not None:
            q["start"] = start.value
        until = _UNTIL.match(text, title.end_char, sent.end)
        end = date_after(sent, until.end(), 0) if until else None
        if end is not None and end.value and "/" not in end.value:
            q["end"] = end.value
        yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, Name(at, at + len(org_text), org_text)), sent, "prose.job_serving_as", q)
