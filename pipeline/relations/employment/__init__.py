"""employed_by: jobs from Experience items (`items`), job titles in prose (`titles`), career
verbs in prose (`career`) and contact blocks (`contacts`). Internships count, with the stated title or "research intern"."""

from __future__ import annotations

from ..base import Candidate
from ..registry import RelationSpec, fact_key, merge_policy, most_confident, relation
from . import career, contacts, departures, items, named, teams, titles  # noqa: F401  (their rules register on import)

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
    """A job without a title goes when the same job is also stated with one; then as `most_confident`."""
    titled = {fact_key(c)[:3] for c in cands if c.qualifiers.get("title")}
    return most_confident([c for c in cands if c.qualifiers.get("title") or fact_key(c)[:3] not in titled])
