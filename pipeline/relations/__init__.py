"""Rule-based relation extraction: the registered rules of every relation, run over one Doc.

Item rules read the list items of their sections, sentence rules read the prose
sentences that hold one of their trigger words, once each in document order
(later sentences may use what earlier ones established: the employer a promotion
happens at, the year a short "In 2023, ..." sentence sets), document rules read
the whole document. Their candidates
are merged per relation by the relation's policy (`registry.merge`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .base import Candidate, text_of
from .nesting import records
from .registry import RULES, SPECS, fact_key, merge, rules, trigger_index
from ..coref import coref_of
from ..people import reattribute
from .toolkit import State, leading_date, prose_sentences

__all__ = ["RULES", "SPECS", "extract_relations", "fact_key", "merge"]


def extract_relations(doc: Doc, names: list[str] | None = None) -> list[Candidate]:
    """Candidates of the rules named in `names` (all when None), merged."""
    chosen = [r for r in rules() if names is None or r.name in names]
    cands: list[Candidate] = []
    for r in chosen:
        if r.kind == "doc":
            cands.extend(r.fn(doc))
        elif r.kind == "item":
            for line in records(doc, set(r.sections or ())):
                cands.extend(r.fn(doc, line))
    sentence_rules = [r for r in chosen if r.kind == "sentence"]
    if sentence_rules and doc._.people is not None:
        co = coref_of(doc)
        st = State()
        gate, text = trigger_index(), text_of(doc)
        plans: dict[tuple, list] = {}  # (trigger lists, entity labels) -> the rules that read such a sentence
        for sent in prose_sentences(doc):
            key = (gate.lists_in(text, sent.start, sent.end), frozenset(e.label_ for e in sent.ents))
            if key not in plans:
                plans[key] = [r for r in sentence_rules if r.reads(*key)]
            for r in plans[key]:
                cands.extend(r.fn(sent, co, st))
            d = leading_date(sent)
            if d is not None and d.value and "/" not in d.value:
                st.last_year = (d.value, sent.end)
    text = text_of(doc)
    return merge(reattribute(doc, [c for c in cands if not _placeholder(text, c)]))


# "Lorem ipsum dolor sit amet": a template's filler text, left where the owner never wrote their own
_FILLER = re.compile(r"\blorem\s+ipsum\b|^(?:lorem|ipsum)\b", re.I)


def _placeholder(text: str, c: Candidate) -> bool:
    """A fact whose object or evidence is template filler states nothing."""
    return bool(_FILLER.search(c.object.text) or _FILLER.search(text, c.evidence[0], c.evidence[1]))
