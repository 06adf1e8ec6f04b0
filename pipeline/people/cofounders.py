"""Founders named beside the subject: "A was a co-founder of X in 2015, alongside B, C and others".

A founding is shared by definition: the people a founder is said to have founded X
alongside (or together with) founded it too. Only founder titles are shared this way;
"worked at X alongside B" says nothing of B's job.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

_ALONGSIDE = re.compile(r"[\]\s]*,?\s+(?:alongside|together\s+with|along\s+with)\s+")
_FOUNDING = re.compile(r"\b(?:co-?)?found(?:er|ers|ing\s+member|ing\s+team)\b", re.I)
_BETWEEN = re.compile(r"[\]\[\s]*(?:,\s*(?:and\s+)?|\s+and\s+)[\[\s]*")


def shared_founding(doc: Doc, text: str, cands: list) -> list:
    """The founder facts of the people named after "alongside" in the sentence that states a founding."""
    from ..coref import coref_of

    co = coref_of(doc)
    have = {(c.relation, c.subject.canonical, c.object.canonical or c.object.text) for c in cands}
    out = []
    for c in cands:
        title = (c.qualifiers or {}).get("title") or ""
        if c.relation != "employed_by" or c.subject.label != "PERSON" or not c.rule.startswith("prose.") or not _FOUNDING.search(title):
            continue
        s, e = c.evidence
        m = _ALONGSIDE.search(text, c.object.end if c.object.end is not None else s, e)
        if m is None:
            continue
        pos = m.end()
        for mention in co.mentions_in(m.end(), e):
            gap = text[pos : mention.start]
            if gap.strip("[ ") and not _BETWEEN.fullmatch(gap):
                break
            key = (c.relation, mention.person.canonical, c.object.canonical or c.object.text)
            if key not in have and mention.person.canonical != c.subject.canonical:
                have.add(key)
                who = replace(c.subject, text=text[mention.start : mention.end], canonical=mention.person.canonical, start=mention.start, end=mention.end)
                out.append(replace(c, subject=who))
            pos = mention.end
    return out
