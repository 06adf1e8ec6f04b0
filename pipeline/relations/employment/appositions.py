"""employed_by from the appositions news stories set around a name:

- "P, a former Orbit researcher,", "P, an Orbit engineer,": the organisation between the
  article and the title;
- "Orbit's head of AI, P,", "Brenner Systems' chief scientist, P,": a possessive organisation,
  its title, then the person;
- "P, formerly of Orbit,", "P, previously at Orbit,": a past employer without a title.

The `named` rules read a title written right beside the name ("Orbit CEO P", "P, Orbit's CFO,");
these read the forms with an article, a possessive before the title, or no title at all.
"""

from __future__ import annotations

import re
from typing import Iterator

from ...coref import Coref
from ..base import Candidate, text_of
from ..mentions import org_ending_at
from ..registry import sentence_rule
from ..toolkit import Sent, State, cand, is_location, is_place, name_at, negated, org_arg, person_refs, subj_arg
from .titles import non_job

# ", a former ", ", an ", ", the longtime ": what sets an apposition with an article off from the name
_ARTICLE = re.compile(r"\s*,\s*(?:a|an|the)\s+(?:(?:former|longtime|long-time|veteran|senior)\s+)?")
# "'s " or the plural "' " after an organisation
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])\s+")
# the title's own "of X" ("head of AI") before the comma that sets the person off
_TITLE_OF = re.compile(r"\s+(?:of|for)\s+(?:[A-Z][\w&-]*|AI|ML)(?:\s+(?:[A-Z][\w&-]*|and|&))*")
_FORMERLY = re.compile(r"\s*,\s*(?:formerly|previously|most\s+recently|until\s+recently)\s+(?:of|at|with)\s+(?=(?:the\s+)?[A-Z])")
_CLOSES = re.compile(r"\s*(?:[,.;:)”\"]|$)")


@sentence_rule("employed_by", "employment.appositions", triggers=["title_mention", "apposition"], order=136, entities=["TITLE"])
def appositions(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    refs = person_refs(sent, co)
    for t in (e for e in sent.ents if e.label_ == "TITLE"):
        if non_job(t.text) or not _CLOSES.match(text, t.end_char, sent.end):
            continue
        org = org_ending_at(sent, t.start_char)
        if org is None or is_location(org.text) or co.person_at(org.start, org.end) is not None:
            continue
        # "P, a former Orbit researcher,"
        ref = next((r for r in reversed(refs) if r.end <= org.start and _ARTICLE.fullmatch(text, r.end, org.start)), None)
        if ref is not None and not negated(sent, t.start_char):
            yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, org), sent, "prose.job_appositive_article", {"title": t.text})
    for t in (e for e in sent.ents if e.label_ == "TITLE"):
        # "Orbit's head of AI, P,": the organisation's possessive right before the title
        poss = _POSSESSIVE.search(text, max(sent.start, t.start_char - 4), t.start_char)
        if poss is None or poss.end() != t.start_char or non_job(t.text):
            continue
        org = org_ending_at(sent, t.start_char)
        if org is None or is_location(org.text) or co.person_at(org.start, org.end) is not None:
            continue
        end = t.end_char
        tail = _TITLE_OF.match(text, end, sent.end)
        if tail:
            end = tail.end()
        ref = next((r for r in refs if r.start > end and re.fullmatch(r"\s*,\s*", text[end : r.start])), None)
        if ref is None or not _CLOSES.match(text, ref.end, sent.end) or negated(sent, t.start_char):
            continue
        yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, org), sent, "prose.job_possessive_title", {"title": text[t.start_char : end]})
    for m in _FORMERLY.finditer(text, sent.start, sent.end):
        # "P, formerly of Orbit,"
        ref = next((r for r in reversed(refs) if r.end == m.start() or text[r.end : m.start()].strip() == ""), None)
        org = name_at(sent, m.end())
        if ref is None or org is None or is_location(org.text) or co.person_at(org.start, org.end) is not None or is_place(sent, org):
            continue
        if _CLOSES.match(text, org.end, sent.end):
            yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, org), sent, "prose.job_formerly")
