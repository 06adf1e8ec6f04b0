"""People in a document: canonical full names, aliases, who the document is about.

    names.py     what a name looks like; titles and headings reduced to the name
    registry.py  Person, PersonSection and People (lookup, `subject_at`, `resolve`)
    subject.py   who the document is about
    sections.py  the sections of a many-person page, one person each
    cofounders.py  founders named beside the subject ("a co-founder of X, alongside B and C")
    written.py   names the entity recognizer misses (Han script, wiki links, quoted nicknames)
    context.py   names it mislabels or misses that a title, a speech verb or a list of people marks
    zh_names.py  the person of a Chinese page ("姓名：X", "X，男，...", "X简介" on top)

The `people` component leaves a `People` in `doc._.people`; relation rules ask it
for the default subject at a position (`people.subject_at(pos)`), which is the
section's person on many-person pages and the document's subject elsewhere.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..relations.base import all_ents, text_of
from .cofounders import shared_founding
from .context import context_names
from .names import (
    FIRST_PERSON,
    HONORIFICS,
    NAME_TOO,
    NOT_NAME_WORDS,
    PRONOUNS,
    clean_name,
    initials_alias,
    looks_like_name,
    name_key,
    whole_word_at,
)
from .orgs import Orgs, find_orgs
from .registry import People, Person, PersonSection
from .sections import find_sections
from .subject import find_subject
from .written import written_names
from .zh_names import page_subject

__all__ = [
    "FIRST_PERSON",
    "HONORIFICS",
    "PRONOUNS",
    "Orgs",
    "People",
    "Person",
    "PersonSection",
    "build_people",
    "clean_name",
    "looks_like_name",
    "reattribute",
]

_PAREN_ALIAS = re.compile(r"\s*[\(（]\s*([^\)）,，;；]{1,30}?)\s*[\)）,，;；]")


def _mention(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """A PERSON entity reduced to the name: no possessive, no leading function word ("If Roe" -> "Roe")."""
    name = text[start:end].replace("’s", "").replace("'s", "").rstrip()
    words = name.split()
    while len(words) > 2 and words[0].lower().rstrip(".,:") in NAME_TOO or words and (words[0].lower().rstrip(".,:") in NOT_NAME_WORDS or words[0].lower() in HONORIFICS and len(words) > 1):
        start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
        words.pop(0)
    if not words or not words[0][:1].isupper():
        return None
    name = " ".join(words)
    if text[start : start + len(name)] != name:
        return None
    if len(words) >= 2 and not looks_like_name(name):
        short = clean_name(name)
        if short is None or not name.startswith(short):
            return None  # "TU Wien", "Keynote Smart": not a person
        name = short  # "Jane Roe - MIT", "Jane Roe, PhD"
    return start, start + len(name), name


def build_people(doc: Doc) -> People:
    text = text_of(doc)
    people = People(text=text)
    mentions: list[tuple[int, int, str]] = []
    for ent in all_ents(doc):
        if ent.label_ == "PERSON":
            m = _mention(text, ent.start_char, ent.end_char)
            if m is not None:
                mentions.append(m)
    from_context = context_names(doc, [(s, e) for s, e, _ in mentions])
    mentions += from_context
    clean = doc._.clean
    meta_name = None
    if clean is not None:
        meta = getattr(clean, "meta", {}) or {}
        for key in ("name", "author", "title"):
            v = clean_name((meta.get(key) or "").strip())
            if v:
                meta_name = v
                break
    # Longest forms first so that short mentions attach to them.
    orgs_alone = _organisation_words(doc)
    full_forms = sorted({m[2] for m in mentions if len(name_key(m[2]).split()) >= 2 and m[2].split()[0] not in orgs_alone}, key=lambda n: (-len(n.split()), n))
    if meta_name:
        full_forms.insert(0, meta_name)
    ner_names = {m[2] for m in mentions[: len(mentions) - len(from_context)]}
    for name in full_forms:
        if people.get(name) is None:
            people.persons.append(Person(canonical=" ".join(w for w in name.split() if w.lower() not in HONORIFICS), by_context=name not in ner_names and name != meta_name))
    for s, e, name in mentions:
        p = people.get(name, s)
        if p is None:
            continue
        p.mentions.append((s, e))
        people._by_span[(s, e)] = p
        if name_key(name) != name_key(p.canonical) and len(name.split()) >= 2:
            p.aliases.add(name)
            people.changed()
    _add_written(doc, people, text)
    _merge_initials(people)
    people.orgs = find_orgs(text, [(e.start_char, e.end_char) for e in all_ents(doc) if e.label_ == "ORG"])
    people.sections = find_sections(doc, people)
    people.subject = find_subject(doc, people, meta_name)
    people.subject = page_subject(text, people, people.subject)  # a Chinese page's own naming
    middles = [m.start() for m in _MIDDLE_START.finditer(text)]
    initials = _initial_starts(text)
    for p in people.persons:
        _add_middle_initials(p, text, middles)
        for _s, e in p.mentions:
            alias = _PAREN_ALIAS.match(text, e)
            if alias and not alias.group(1).isascii():  # "Luo Yao (罗尧)"
                p.aliases.add(alias.group(1).strip())
        init = initials_alias(p.canonical)
        if init and init != p.canonical and any(text.startswith(init, i) and whole_word_at(text, i, len(init)) for i in initials.get(init[0], ())):
            p.aliases.add(init)
        p.mentions.sort()
    people.changed()
    return people


def _organisation_words(doc: Doc) -> set[str]:
    """Words the document names, on their own, as an organisation at least twice ("Google", "Alphabet"):
    a "person" whose first word is one of them ("What is Google Alphabet?", "Google Glass") is no person."""
    counts: dict[str, int] = {}
    for ent in all_ents(doc):
        if ent.label_ == "ORG" and " " not in ent.text.strip():
            counts[ent.text.strip()] = counts.get(ent.text.strip(), 0) + 1
    return {w for w, n in counts.items() if n >= 2}


def _add_written(doc: Doc, people: People, text: str) -> None:
    """Names the recognizer missed (Han script, wiki links, quoted nicknames), unless another entity holds the span."""
    others = [(e.start_char, e.end_char) for e in all_ents(doc) if e.label_ != "PERSON"]
    for s, e, canonical, aliases in sorted(written_names(text)):
        if people.at(s, e) is not None and people.at(s, e) is not people.get(canonical, s):
            continue
        if text[s:e].isascii() and any(s <= a and b <= e for a, b in others):
            continue  # "[[Y Combinator]]" tagged as an organisation
        p = people.get(canonical, s) or next((q for q in map(lambda a: people.get(a, s), aliases) if q is not None), None)
        if p is None:
            p = Person(canonical=canonical)
            people.persons.append(p)
        if (s, e) not in p.mentions:
            p.mentions.append((s, e))
            people._by_span[(s, e)] = p
        for a in (*aliases, text[s:e]):
            if name_key(a) != name_key(p.canonical) and (len(a.split()) >= 2 or not a.isascii()):
                p.aliases.add(a)
                people.changed()


def _merge_initials(people: People) -> None:
    """"J. Roe" (a cited author) is "Jane Roe" when she is the one person of the page with that surname and initial."""
    for p in list(people.persons):
        words = p.canonical.split()
        if len(words) < 2 or not all(re.fullmatch(r"[A-Z]\.", w) for w in words[:-1]):
            continue
        full = [q for q in people.persons if q is not p and q.canonical.split()[-1] == words[-1] and initials_alias(q.canonical) in (p.canonical, " ".join([q.canonical[0] + ".", words[-1]]))]
        if len(full) != 1:
            continue
        q = full[0]
        q.aliases.add(p.canonical)
        q.mentions.extend(p.mentions)
        for span in p.mentions:
            people._by_span[span] = q
        people.persons.remove(p)
        people.changed()


_MIDDLE = re.compile(r"((?:[A-Z]\.[ \t]*){1,2})[ \t]*")
_MIDDLE_START = re.compile(r"(?<= )(?=[A-Z]\.)")  # where _MIDDLE may match after "First "


def _add_middle_initials(p: Person, text: str, middles: list[int]) -> None:
    """"Jane Roe" becomes "Jane Q. Roe" when the text gives the middle initial.

    `middles` are the text's `_MIDDLE_START` offsets, found once per page: a long page
    holds few initials but a first name hundreds of times.
    """
    words = p.canonical.split()
    if len(words) != 2:
        return
    first, last = words
    for j in middles:
        if j <= len(first) or not text.startswith(first + " ", j - len(first) - 1):
            continue
        m = _MIDDLE.match(text, j)
        if m and text.startswith(last, m.end()) and not text[m.end() + len(last) : m.end() + len(last) + 1].isalnum():
            full = " ".join([first, *m.group(1).split(), last])
            p.aliases.add(p.canonical)
            p.canonical = full
            return


def _initial_starts(text: str) -> dict[str, list[int]]:
    """Where an initial ("J. ") may start, by its letter: every initials alias ("J. Roe") starts so."""
    out: dict[str, list[int]] = {}
    for m in re.finditer(r"(?<=.)\. ", text, re.S):
        out.setdefault(text[m.start() - 1], []).append(m.start() - 1)
    return out


def reattribute(doc: Doc, cands: list) -> list:
    """Facts made for the default subject move to the person whose section states them.

    Structured-page rules (interest lines, list items) name no subject and take the
    document's; on a many-person page the section's person is the right one, and a
    contact detail belongs to the person heading its contact block. Organisation
    arguments given as an acronym or "the company" take the organisation's full name.
    """
    people: People | None = doc._.people
    if people is None:
        return cands
    from ..relations.base import Arg

    default = people.subject.canonical if people.subject is not None else None
    text = text_of(doc)
    cands = cands + _shared_by_coordinated(doc, text, cands)
    cands = cands + shared_founding(doc, text, cands)
    for c in cands:
        c.object = _org_canonical(people, c.object)
        c.subject = _org_canonical(people, c.subject)
        if c.subject.label != "PERSON" or c.subject.start is not None or c.subject.canonical != default:
            continue
        p = _contact_owner(people, text, c.evidence[0]) if c.relation == "contact" else None
        p = p or people.subject_at(c.evidence[0])
        if p is not None and p.canonical != default:
            c.subject = Arg(p.canonical, "PERSON", p.canonical)
    return cands


# Between members of a coordinated subject ("A, B and C"); before the first, the sentence start, a comma or
# a colon ("The founders, A and B, ..."); after the last, the predicate ("A and B joined", "A, B and C, currently work").
_COORD_GAP = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)")
_COORD_BEFORE = re.compile(r"(?:^|[.!?:,][ \t]*|\n[ \t]*)$")
_COORD_AFTER = re.compile(r",?[ \t]+(?:(?:both|all|together|jointly|also|currently|later|then|now)[ \t]+)*[a-z]")
_DISTRIBUTED = ("prose.", "interests.sentence")


def _shared_by_coordinated(doc: Doc, text: str, cands: list) -> list:
    """What a sentence says of "A, B and C" as a subject holds for each of them.

    A rule reads one person as the clause subject ("A, B and C joined X" gives A's
    job); the others of the coordination get the same fact, unless a rule already
    gave them one with the same object. Only prose rules, and never authorship
    (a list of authors is no clause subject).
    """
    from dataclasses import replace

    from ..coref import coref_of

    co = coref_of(doc)
    have = {(c.relation, c.subject.canonical, c.object.canonical or c.object.text) for c in cands}
    out = []
    for c in cands:
        if c.subject.label != "PERSON" or c.subject.start is None or c.relation == "author_of" or not c.rule.startswith(_DISTRIBUTED):
            continue
        members = _coordination(text, co.mentions_in(c.evidence[0], c.evidence[1]), c.subject.start)
        for m in members:
            key = (c.relation, m.person.canonical, c.object.canonical or c.object.text)
            if key in have:
                continue
            have.add(key)
            out.append(replace(c, subject=replace(c.subject, text=text[m.start : m.end], canonical=m.person.canonical, start=m.start, end=m.end)))
    return out


def _coordination(text: str, mentions: list, at: int) -> list:
    """The person mentions coordinated with the one starting at `at`, when together they open a clause."""
    i = next((k for k, m in enumerate(mentions) if m.start == at), None)
    if i is None:
        return []
    lo = hi = i
    while lo > 0 and _COORD_GAP.fullmatch(text, mentions[lo - 1].end, mentions[lo].start):
        lo -= 1
    while hi + 1 < len(mentions) and _COORD_GAP.fullmatch(text, mentions[hi].end, mentions[hi + 1].start):
        hi += 1
    chain = mentions[lo : hi + 1]
    if len({m.person.canonical for m in chain}) < 2 or " and " not in text[chain[0].start : chain[-1].end].replace("\n", " "):
        return []
    line_start = text.rfind("\n", 0, chain[0].start) + 1
    if not _COORD_BEFORE.search(text, max(line_start, chain[0].start - 4), chain[0].start) or not _COORD_AFTER.match(text, chain[-1].end):
        return []
    return [m for m in chain if m.person.canonical != mentions[i].person.canonical]


def _org_canonical(people: People, arg):
    """An acronym or "the company" argument reported under the organisation's full name."""
    if arg.label != "ORG":
        return arg
    full = people.orgs.resolve(arg.text, arg.start)
    if full is None or full == arg.canonical:
        return arg
    from dataclasses import replace

    return replace(arg, canonical=full)


def _contact_owner(people: People, text: str, pos: int) -> Person | None:
    """The person whose name heads a contact block ("Media contact: / Jane Roe / Press Office / jane@x.org").

    The block is the run of non-blank lines (at most four) above the address; its
    first line, or a line that is a known person's name, names the owner.
    """
    from .subject import add_person

    block: list[tuple[int, str]] = []
    start = pos
    while len(block) < 5 and start > 0:
        start = text.rfind("\n", 0, start - 1) + 1
        line_end = text.find("\n", start)
        line = text[start : line_end if line_end >= 0 else len(text)].strip()
        if not line:
            break
        block.append((start, line))
    for i, (at, line) in enumerate(block):
        name = clean_name(line)
        if not name or len(line) > len(name) + 4:
            continue
        p = people.get(name, at)
        if p is None and i == len(block) - 1 and len(block) < 5:
            p = add_person(people, name, at)
        if p is not None:
            return p if p is not people.subject else None
    return None


if not Doc.has_extension("people"):
    Doc.set_extension("people", default=None)


@Language.component("people", assigns=["doc._.people"], requires=["doc.ents"])
def people_component(doc: Doc) -> Doc:
    doc._.people = build_people(doc)
    return doc
