"""People in a document: canonical full names, aliases, who the document is about.

A person is known by the longest form of their name in the document; shorter
mentions ("Zeng", "Ms. Zeng", "Dr. Ng") resolve to the one person whose name
contains that token, and to the nearest preceding full mention when several do
(so "Luo Fuli" and "Yao Luo" stay apart).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language

from .relations.base import text_of
from spacy.tokens import Doc

HONORIFICS = {"dr", "dr.", "prof", "prof.", "professor", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "miss", "sir", "dame", "lord", "madam"}
_NAME_TOKEN = re.compile(r"^[A-Z][a-zA-Z'’\-]*\.?$|^[A-Z]\.$")
_PAREN_ALIAS = re.compile(r"^\s*[\(（]\s*([^\)）]{1,30})\s*[\)）]")
FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "our", "us"}
PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself", "they", "their", "them"}


@dataclass
class Person:
    canonical: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)

    @property
    def tokens(self) -> set[str]:
        return {t.lower().rstrip(".") for t in self.canonical.split()}


@dataclass
class People:
    persons: list[Person] = field(default_factory=list)
    subject: Person | None = None
    _by_span: dict[tuple[int, int], Person] = field(default_factory=dict)
    # Name key -> index of the first person with it, and name token -> indices of the persons
    # holding it: looking a mention up stays cheap however many people a long document names.
    _by_key: dict[str, int] = field(default_factory=dict, repr=False)
    _by_token: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _indexed: int = field(default=0, repr=False)

    def _index(self) -> None:
        for i in range(self._indexed, len(self.persons)):
            p = self.persons[i]
            self._by_key.setdefault(_name_key(p.canonical), i)
            for a in p.aliases:
                self._by_key.setdefault(_name_key(a), i)
            for t in p.tokens:
                self._by_token.setdefault(t, []).append(i)
        self._indexed = len(self.persons)

    def add_alias(self, person: Person, alias: str) -> None:
        person.aliases.add(alias)
        self._index()
        i = next(i for i, p in enumerate(self.persons) if p is person)
        key = _name_key(alias)
        if self._by_key.get(key, i + 1) > i:
            self._by_key[key] = i

    def get(self, name: str, pos: int | None = None) -> Person | None:
        """The person a name mention refers to (full name, alias, surname, honorific form)."""
        key = _name_key(name)
        if not key:
            return None
        self._index()
        i = self._by_key.get(key)
        if i is not None:
            return self.persons[i]
        words = set(key.split())
        found: set[int] | None = None
        for w in words:
            holders = self._by_token.get(w)
            if not holders:
                return None
            found = set(holders) if found is None else found & set(holders)
        cands = [self.persons[i] for i in sorted(found or ())]
        if len(cands) == 1:
            return cands[0]
        if len(cands) > 1 and pos is not None:
            return self.nearest(pos, cands)
        return None

    def at(self, start: int, end: int) -> Person | None:
        for (s, e), p in self._by_span.items():
            if s <= start and end <= e or start <= s and e <= end:
                return p
        return None

    def nearest(self, pos: int, among: list[Person] | None = None) -> Person | None:
        """The person mentioned last before `pos` (mentions are kept in document order)."""
        best, best_pos = None, -1
        for p in among or self.persons:
            k = bisect_left(p.mentions, (pos, -1)) - 1
            if k >= 0 and p.mentions[k][0] > best_pos:
                best, best_pos = p, p.mentions[k][0]
        return best


@lru_cache(maxsize=65536)
def _name_key(name: str) -> str:
    words = [w for w in re.split(r"\s+", name.replace("’s", "").replace("'s", "").strip()) if w]
    words = [w for w in words if w.lower() not in HONORIFICS]
    return " ".join(w.lower().rstrip(".,") for w in words)


def looks_like_name(text: str) -> bool:
    if "\n" in text:
        return False
    words = text.split()
    return 2 <= len(words) <= 4 and all(_NAME_TOKEN.match(w) for w in words)


def build_people(doc: Doc) -> People:
    people = People()
    mentions: list[tuple[int, int, str]] = []
    from .relations.base import all_ents

    for ent in all_ents(doc):
        if ent.label_ != "PERSON":
            continue
        name = ent.text.replace("’s", "").replace("'s", "").strip()
        mentions.append((ent.start_char, ent.start_char + len(name), name))
    clean = doc._.clean
    meta_name = None
    if clean is not None:
        meta = getattr(clean, "meta", {}) or {}
        for key in ("name", "author", "title"):
            v = (meta.get(key) or "").strip()
            if looks_like_name(v):
                meta_name = v
                break
    # Longest forms first so that short mentions attach to them.
    full_forms = sorted({m[2] for m in mentions if len(_name_key(m[2]).split()) >= 2}, key=lambda n: (-len(n.split()), n))
    if meta_name:
        full_forms.insert(0, meta_name)
    for name in full_forms:
        if people.get(name) is None or (len(name.split()) > len(people.get(name).canonical.split())):
            existing = people.get(name)
            if existing is None:
                people.persons.append(Person(canonical=" ".join(w for w in name.split() if w.lower() not in HONORIFICS)))
    text = text_of(doc)
    for s, e, name in mentions:
        p = people.get(name, s)
        if p is None:
            continue
        p.mentions.append((s, e))
        people._by_span[(s, e)] = p
        alias = _PAREN_ALIAS.match(text, e)
        if alias and not alias.group(1).isascii():
            people.add_alias(p, alias.group(1).strip())
    people.subject = _find_subject(doc, people, meta_name)
    return people


_FIRST_SENTENCE = re.compile(
    r"(?:^|\n)\s*(?:Hi[,!]?\s*)?(?:I am|I'm|I’m|My name is|This is|Welcome to)\s+(?:Dr\.\s+|Prof\.\s+)?"
    r"([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3}?)(?=['’]s\b|\s*[\(（,.!]|\s+(?:is|and|from|at|a|an|the)\b|$)"
)
_NAME_IS = re.compile(r"(?:^|\n)\s*(?:Dr\.\s+|Prof\.\s+)?([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3}?)\s*(?:\([^)]{1,40}\)\s*)?(?:\[\d+\]\s*)?(?:is|was|received|joined|serves)\b")


_HEADING_NAME = re.compile(r"(?:by|about|with|:)\s+((?:Dr\.|Prof\.)?\s*[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3})\s*$")


def _person(people: People, name: str, pos: int | None = None) -> Person:
    if name.isupper():
        name = name.title()
    name = " ".join(w for w in name.split() if w.lower() not in HONORIFICS)
    p = people.get(name)
    if p is None:
        p = Person(canonical=name)
        if pos is not None:
            p.mentions.append((pos, pos + len(name)))
        people.persons.append(p)
    return p


def _find_subject(doc: Doc, people: People, meta_name: str | None) -> Person | None:
    """Who the document is about: declared name, self-introduction, the bold name of author lists, the most mentioned person."""
    from .relations.base import ents_in
    from .relations.publications import is_author_line

    if meta_name:
        return people.get(meta_name)
    text = text_of(doc)
    clean = doc._.clean
    for rx in (_FIRST_SENTENCE, _NAME_IS):
        m = rx.search(text[:4000])
        if m and looks_like_name(m.group(1).rstrip(".,")):
            return _person(people, m.group(1).rstrip(".,"), m.start(1))
    for hs, he, _level in (getattr(clean, "headings", []) or [])[:3]:
        m = _HEADING_NAME.search(text[hs:he])
        if m and looks_like_name(m.group(1).strip()):
            return _person(people, m.group(1).strip(), hs + m.start(1))
    bold_names: Counter[str] = Counter()
    for s, e in getattr(clean, "bold", []) or []:
        name = _MARKS.sub("", text[s:e]).strip(" *,.")
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or not looks_like_name(name):
            continue
        labels = {x.label_ for x in ents_in(doc, span.start_char, span.end_char)}
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", e)
        in_authors = is_author_line(text[line_start : line_end if line_end >= 0 else len(text)])
        if "PERSON" in labels or in_authors and not labels & {"TITLE", "DEGREE", "ORG", "VENUE", "GPE"}:
            bold_names[name] += 1
    if bold_names:
        name, n = max(bold_names.items(), key=lambda kv: (kv[1], kv[0]))
        if n >= 2:
            return _person(people, name)
    owner = _author_list_owner(doc)
    if owner is not None:
        return _person(people, owner)
    if clean is not None and clean.title:
        title = re.sub(r"(?i)['’]s\s+(?:home\s*page|homepage|website|page)$|\s*[-|:].*$", "", clean.title).strip()
        if looks_like_name(title):
            return _person(people, title)
    counts = Counter({i: len(p.mentions) for i, p in enumerate(people.persons)})
    if not counts:
        return None
    best, n = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))
    first_mention = min((s for s, _ in people.persons[best].mentions), default=len(text))
    if n >= 2 or first_mention < 600:
        return people.persons[best]
    return None


_MARKS = re.compile(r"[*†‡#§¶✉^\\\d]+")


def _author_list_owner(doc: Doc) -> str | None:
    """On a publication list the owner is the name on most author lines, first position breaking ties."""
    from .relations.base import lines
    from .relations.publications import is_author_line

    seen: Counter[str] = Counter()
    first: Counter[str] = Counter()
    n_lines = 0
    for line in lines(doc, {"publications"}):
        text = re.sub(r"^- ", "", line.text)
        if not is_author_line(text):
            continue
        n_lines += 1
        chunks = [_MARKS.sub("", c).strip(" .") for c in re.split(r",|\band\b|&", text)]
        names = [c for c in chunks if looks_like_name(c)]
        for i, name in enumerate(dict.fromkeys(names)):
            seen[name] += 1
            first[name] += i == 0
    if n_lines < 2 or not seen:
        return None
    name, n = max(seen.items(), key=lambda kv: (kv[1], first[kv[0]], kv[0]))
    return name if n >= max(2, 0.6 * n_lines) else None


@Language.component("people")
def people_component(doc: Doc) -> Doc:
    doc._.people = build_people(doc)
    return doc
