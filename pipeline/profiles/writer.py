"""Clusters of records -> Person models -> OUT/people.jsonl, sorted and replaced atomically."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..output import atomic_writer
from ..schema import Person, ProfileMention, dumps
from .merge import statements
from .names import fullness, written_name
from .records import Record

PEOPLE = "people.jsonl"


def person_id(members: list[Record]) -> str:
    """A hash of the cluster's first (document content, name) pair: the same inputs give the same id in any order."""
    anchor = min(((r.sha256 or r.doc_id), r.keys[0].full if r.keys else r.name) for r in members)
    return "P" + hashlib.sha256("\x1f".join(anchor).encode("utf-8")).hexdigest()[:12]


def person(members: list[Record]) -> Person:
    forms = set().union(*(r.forms for r in members))
    name = min(forms, key=fullness)
    forms |= {a for r in members for t, _, _ in r.mentions if (a := written_name(t))}
    mentions = sorted({(r.doc_id, s, e, t) for r in members for t, s, e in r.mentions})
    return Person(
        person_id=person_id(members),
        name=name,
        aliases=sorted(forms - {name}),
        mentions=[ProfileMention(doc_id=d, text=t, start=s, end=e) for d, s, e, t in mentions],
        statements=statements(members),
        documents=sorted({r.doc_id for r in members}),
    )


def write_people(out_dir: str | Path, people: list[Person]) -> Path:
    path = Path(out_dir) / PEOPLE
    with atomic_writer(path) as fh:
        for p in sorted(people, key=lambda p: (p.name, p.person_id)):
            fh.write(dumps(p) + "\n")
    return path
