"""A page's owner named by a given name alone joins a person only on evidence, never on the name.

A homepage may call its owner "Ana" and nothing more ("Welcome to Ana's Homepage"). Such a
record has no surname, so no blocking key brings it to anyone; after clustering, it joins the
one person whose first name it is and whose records share with it an e-mail address, a
homepage, two organisations (employers or schools, an acronym meeting its long form:
"UCSD", "University of California, San Diego"), or one school with the same degree year.
When no person, or more than one, has such evidence it stays a person of its own: two
people called Wei never meet through the given name.
"""

from __future__ import annotations

from typing import Any, Iterable

from .cluster import cannot_link
from .names import fold
from .objects import is_acronym, object_key, object_name
from .records import Record


def same_org(a: str, b: str) -> bool:
    """Two organisation keys name one organisation: equal, or one the acronym of the other."""
    return a == b or is_acronym(a, b) or is_acronym(b, a)


def _shared(a: Iterable[str], b: Iterable[str]) -> int:
    """How many of `a` meet some value of `b`."""
    bs = list(b)
    return sum(1 for x in set(a) if any(same_org(x, y) for y in bs))


def _degrees(records: Iterable[Record]) -> set[tuple[str, str]]:
    """(school key, year) of each degree a record states with its year."""
    out: set[tuple[str, str]] = set()
    for r in records:
        for f in r.facts:
            if f.get("relation") != "educated_at":
                continue
            q: dict[str, Any] = f.get("qualifiers") or {}
            year = str(q.get("end") or q.get("date") or "")[:4]
            obj = f.get("object") or {}
            key = object_key(object_name("educated_at", obj.get("canonical") or obj.get("text") or ""))
            if key and year.isdigit():
                out.add((key, year))
    return out


def evidence(owner: Record, members: list[Record]) -> bool:
    """Whether a person's records share more than a given name with the page owner."""
    if any(owner.emails & r.emails or owner.homepages & r.homepages for r in members):
        return True
    orgs = owner.employers | owner.schools
    theirs = set().union(*(r.employers | r.schools for r in members))
    if _shared(orgs, theirs) >= 2:
        return True
    mine = _degrees([owner])
    return any(y == y2 and same_org(k, k2) for k, y in mine for k2, y2 in _degrees(members))


def _first_names(members: list[Record]) -> set[str]:
    return {k.first for r in members if not r.given_only for k in r.keys}


def attach_given(clusters: list[list[Record]]) -> list[list[Record]]:
    """Clusters with each lone given-name owner moved into the one person its evidence points to."""
    out = [list(c) for c in clusters]
    for c in list(out):
        if len(c) != 1 or not c[0].given_only:
            continue
        owner = c[0]
        given = fold(owner.name).replace("-", "")
        hosts = [h for h in out if h is not c and given in _first_names(h) and not cannot_link([owner], h) and evidence(owner, h)]
        if len(hosts) == 1:
            hosts[0].append(owner)
            hosts[0].sort(key=lambda r: r.rid)
            out.remove(c)
    return out
