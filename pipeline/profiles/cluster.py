"""Records -> people: average-linkage clustering under cannot-link constraints.

Pairs are taken strongest first; two clusters merge only when the mean match probability
over the pairs across them reaches the threshold, so one strong link cannot chain two
otherwise unrelated groups together ("no chaining through one weak link"). A pair that was
never compared counts as 0 when both records have names in one script (blocking would have
paired them had their names agreed); it is left out of the mean when they share no script
(a Han-only name and a Latin-only name, which only a third record's alias connects). Two
clusters never merge when they hold two people of one document, or records whose exact
identifiers conflict (two different birth years).
"""

from __future__ import annotations

from .link import Pair
from .names import has_han
from .records import Record

THRESHOLD = 0.5


def cannot_link(a: list[Record], b: list[Record]) -> bool:
    docs_a = {r.doc_id for r in a}
    if any(r.doc_id in docs_a for r in b):
        return True
    years_a = set().union(*(r.birth_years for r in a))
    years_b = set().union(*(r.birth_years for r in b))
    return bool(years_a and years_b and not years_a & years_b)


def cluster(records: list[Record], pairs: list[Pair], threshold: float = THRESHOLD) -> list[list[Record]]:
    """Clusters of records, each sorted by record id, in order of their first record."""
    prob = {(p.a, p.b): p.probability for p in pairs}
    members: dict[int, list[Record]] = {r.rid: [r] for r in records}
    owner = {r.rid: r.rid for r in records}
    scripts = {r.rid: {"han" if has_han(f) else "latin" for f in r.forms} for r in records}
    for p in sorted(pairs, key=lambda p: (-p.probability, p.a, p.b)):
        if p.probability < threshold:
            break
        ca, cb = owner[p.a], owner[p.b]
        if ca == cb:
            continue
        a, b = members[ca], members[cb]
        if cannot_link(a, b):
            continue
        counted = []
        for x in a:
            for y in b:
                q = prob.get((min(x.rid, y.rid), max(x.rid, y.rid)))
                if q is not None or scripts[x.rid] & scripts[y.rid]:
                    counted.append(q or 0.0)
        if sum(counted) / len(counted) < threshold:
            continue
        keep, gone = (ca, cb) if ca < cb else (cb, ca)
        members[keep] = sorted(members[keep] + members.pop(gone), key=lambda r: r.rid)
        for r in members[keep]:
            owner[r.rid] = keep
    return [members[k] for k in sorted(members)]
