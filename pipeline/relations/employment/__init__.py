"""employed_by: jobs from Experience items (`items`), job titles in prose (`titles`, `named`, `appositions`), joins
and foundings (`joins`), career verbs in prose (`career`), a role added after the employer (`serving`), contact blocks (`contacts`) and speaker cards (`cards`). Internships count, with the stated title or "research intern"."""

from __future__ import annotations

import re
from dataclasses import replace

from ..base import Candidate
from ..registry import RelationSpec, fact_key, merge_policy, most_confident, relation
from . import appositions, cards, career, contacts, departures, items, joins, named, serving, teams, titles  # noqa: F401  (their rules register on import)

SPEC = relation(
    RelationSpec(
        "employed_by",
        ("PERSON",),
        ("ORG",),
        ("title", "start", "end"),
        distinct_by=("title",),
        merge_policy="drop_untitled",
        description="one fact per distinct role at one employer",
    )
)


@merge_policy("drop_untitled")
def drop_untitled(cands: list[Candidate]) -> list[Candidate]:
    """A job without a title goes when the same job is also stated with one; then as `most_confident`.

    A speaker card's employer is the same job as a titled one at an organisation whose
    name holds the card's words or is held in them ("Northfield University Linz" and
    "Northfield University").
    """
    titled = {fact_key(c)[:3] for c in cands if c.qualifiers.get("title")}
    words_of = {}
    for c in cands:
        if c.qualifiers.get("title"):
            words_of.setdefault(fact_key(c)[1], []).append(_words(c.object.canonical or c.object.text))
    def same_as_titled(c: Candidate) -> bool:
        if c.rule != "employment.card":
            return False
        card = _words(c.object.canonical or c.object.text)
        return any(card <= w or w <= card for w in words_of.get(fact_key(c)[1], []))

    kept = [c for c in cands if c.qualifiers.get("title") or fact_key(c)[:3] not in titled and not same_as_titled(c)]
    return most_confident(_into_compound_titles(kept))


_JOINED_TITLE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")


def _into_compound_titles(cands: list[Candidate]) -> list[Candidate]:
    """"co-founder" and "Chief Scientist" of X, where X's "co-founder and Chief Scientist" is stated too: one job."""
    compounds: dict[tuple, list[tuple[set[str], str]]] = {}
    for c in cands:
        title = c.qualifiers.get("title") or ""
        parts = {p.lower() for p in _JOINED_TITLE.split(title) if p}
        if len(parts) > 1:
            compounds.setdefault(fact_key(c)[:3], []).append((parts, title))
    out = []
    for c in cands:
        title = (c.qualifiers.get("title") or "").lower()
        whole = next((w for parts, w in compounds.get(fact_key(c)[:3], ()) if title in parts), None) if title else None
        out.append(replace(c, qualifiers={**c.qualifiers, "title": whole}) if whole else c)
    return out


def _words(name: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", name.lower()) if len(w) >= 3 and w not in ("the", "and", "for"))
