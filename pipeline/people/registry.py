"""The people of one document: who they are, where they are named, whose section a position is in.

A person is known by the longest form of their name in the document; shorter
mentions ("Zeng", "Ms. Zeng", "Dr. Ng") resolve to the one person whose name
contains that token, and to the nearest preceding full mention when several do
(so "Luo Fuli" and "Yao Luo" stay apart).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .names import name_key
from .orgs import Orgs


@dataclass
class Person:
    canonical: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    gender: str | None = None  # "m" / "f" when the text's pronouns say so
    by_context: bool = False  # named only where the recognizer saw no person (a title or a list marks them)

    @property
    def tokens(self) -> frozenset[str]:
        return _tokens(self.canonical)

    def starts(self) -> list[int]:
        """Where the person's mentions start, sorted; kept until a mention is added."""
        cached = self.__dict__.get("_starts")
        if cached is None or len(cached) != len(self.mentions):
            cached = sorted(s for s, _ in self.mentions)
            self.__dict__["_starts"] = cached
        return cached


@lru_cache(maxsize=65536)
def _tokens(canonical: str) -> frozenset[str]:
    return frozenset(t.lower().rstrip(".") for t in canonical.split())


@dataclass(frozen=True)
class PersonSection:
    """A stretch of a many-person page that introduces one person (a speaker's heading and bio)."""

    start: int
    end: int
    person: Person
    kind: str  # heading | bold | label | item | paragraph


@dataclass
class People:
    persons: list[Person] = field(default_factory=list)
    subject: Person | None = None
    sections: list[PersonSection] = field(default_factory=list)
    orgs: Orgs = field(default_factory=Orgs)
    text: str = field(default="", repr=False)  # the doc text the offsets refer to
    _by_span: dict[tuple[int, int], Person] = field(default_factory=dict)
    _section_starts: list[int] = field(default_factory=list, repr=False)
    # Name key -> first person with it, name token -> persons holding it; rebuilt when a person is
    # added or removed or `changed` is called, so looking a mention up stays cheap however many
    # people a long document names.
    _index: tuple[tuple[int, int], dict[str, Person], dict[str, list[Person]]] | None = field(default=None, repr=False)
    _version: int = field(default=0, repr=False)

    def changed(self) -> None:
        """A person's name or aliases changed: the next look-up rebuilds the name index."""
        self._version += 1

    def _lookup(self) -> tuple[dict[str, Person], dict[str, list[Person]]]:
        size = (len(self.persons), self._version)
        if self._index is None or self._index[0] != size:
            by_key: dict[str, Person] = {}
            by_token: dict[str, list[Person]] = {}
            for p in self.persons:
                by_key.setdefault(name_key(p.canonical), p)
            for p in self.persons:
                for a in sorted(p.aliases):
                    by_key.setdefault(name_key(a), p)
                for t in p.tokens:
                    by_token.setdefault(t, []).append(p)
            self._index = (size, by_key, by_token)
        return self._index[1], self._index[2]

    def get(self, name: str, pos: int | None = None) -> Person | None:
        """The person a name mention refers to (full name, alias, surname, honorific form)."""
        key = name_key(name)
        if not key:
            return None
        by_key, by_token = self._lookup()
        if key in by_key:
            return by_key[key]
        words = set(key.split())
        holders = [by_token.get(w, []) for w in words]
        cands = [p for p in min(holders, key=len) if words <= p.tokens] if holders else []
        if len(cands) == 1:
            return cands[0]
        if len(cands) > 1 and pos is not None:
            sec = self.section_at(pos)
            if sec is not None and sec.person in cands:
                return sec.person
            return self.nearest(pos, cands)
        return None

    def mentioned_at(self, start: int, end: int) -> Person | None:
        """The person a mention spans exactly [start, end), in constant time."""
        return self._by_span.get((start, end))

    def at(self, start: int, end: int) -> Person | None:
        for (s, e), p in self._by_span.items():
            if s <= start and end <= e or start <= s and e <= end:
                return p
        return None

    def resolve(self, start: int, end: int) -> Person | None:
        """The person a name mention at [start, end) refers to ("Bruno Okafor", "Okafor", "Dr. Okafor"), if we know them."""
        p = self.at(start, end)
        if p is None and self.text:
            p = self.get(self.text[start:end], start)
        return p

    def nearest(self, pos: int, among: list[Person] | None = None) -> Person | None:
        """The person mentioned last before `pos`."""
        best, best_pos = None, -1
        for p in among or self.persons:
            starts = p.starts()
            k = bisect_left(starts, pos) - 1
            if k >= 0 and starts[k] > best_pos:
                best, best_pos = p, starts[k]
        return best

    def section_at(self, pos: int) -> PersonSection | None:
        """The person section holding character `pos`, if the page has such sections."""
        if not self.sections:
            return None
        if len(self._section_starts) != len(self.sections):
            self._section_starts = [s.start for s in self.sections]
        i = bisect_right(self._section_starts, pos) - 1
        if i >= 0 and self.sections[i].start <= pos < self.sections[i].end:
            return self.sections[i]
        return None

    def subject_at(self, pos: int | None) -> Person | None:
        """The default subject at a position: the section's person on a many-person page, else the document's."""
        if pos is not None:
            sec = self.section_at(pos)
            if sec is not None:
                return sec.person
        return self.subject

    def by_name(self, canonical: str) -> Person | None:
        for p in self.persons:
            if p.canonical == canonical:
                return p
        return None
