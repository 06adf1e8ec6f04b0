"""employed_by: jobs from Experience items (`items`), job titles in prose (`titles`, `named`, `appositions`), joins
and foundings (`joins`), career verbs in prose (`career`), contact blocks (`contacts`) and speaker cards (`cards`). Internships count, with the stated title or "research intern"."""

from __future__ import annotations

import re

from ..base import Candidate
from ..registry import RelationSpec, fact_key, merge_policy, most_confident, relation
from . import appositions, cards, career, contacts, departures, items, joins, named, teams, titles  # noqa: F401  (their rules register on import)

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

    return most_confident([c for c in cands if c.qualifiers.get("title") or fact_key(c)[:3] not in titled and not same_as_titled(c)])


def _words(name: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", name.lower()) if len(w) >= 3 and w not in ("the", "and", "for"))
