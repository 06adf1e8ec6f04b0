"""Sections of a many-person page that each introduce one person.

A keynote page, a lab's "People" page, an organiser list or the author bios at
the end of a paper are about several people; inside the part that introduces a
person, statements without a named subject ("In her research she ...", "Her
interests are ...", a bare "Research interests: ...") are about that person.
A section starts at one of these markers and runs to the next marker or to a
heading that closes it:

- heading: a heading line that is a name ("## Prof. Jane Roe", "Jane Roe - MIT");
- bold: a line opening with a bold name ("**Jane Roe** (MIT) ...");
- label: "Speaker: Jane Roe", "Keynote speaker - Jane Roe", "Biography: Jane Roe is ...";
- card: a line that is only a name and an organisation ("Jane Roe, Northfield University");
- item: a list item opening with a name and a description ("- Jane Roe, professor at ...");
- paragraph: a bio paragraph opening with a full name and a verb ("Jane Roe is a ...").

Paragraph and item markers alone make sections only when the people they
introduce are named inside their own stretch of text (author bios), so a news
story that mentions its subject throughout keeps one subject.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from ..relations.base import all_ents, lines, text_of
from .names import clean_name, has_word
from .registry import People, PersonSection

_HONOR = r"(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?\s+)?"
_NAME = r"([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3})"
_LABEL = re.compile(
    r"^(?:(?:Keynote|Invited|Plenary|Guest|Featured)\s+)?(?:Speakers?|Talk\s+by|Presenter|Panell?ist|Keynote|Organi[sz]er|Author|Instructor|Lecturer|Host|Moderator|Chair|Bio(?:graphy)?(?:\s+of)?|About)"
    rf"\s*[:：–—-]?\s*{_HONOR}{_NAME}",
    re.IGNORECASE,
)
_BIO_VERB = r"(?:is|was|received|joined|serves|holds|has|currently|leads|works|obtained|earned|completed|graduated)\b"
_PARAGRAPH = re.compile(rf"^(?:(?:Bio(?:graphy)?|About)\s*[:：]\s*)?{_HONOR}{_NAME}\s*(?:\([^)]{{1,60}}\)\s*)?(?:,[^,]{{3,80}},\s*)?{_BIO_VERB}")
# A speaker card: the name and an organisation, alone on a line ("Jane Roe, Northfield University", "Jane Roe - Quillon Labs").
_CARD = re.compile(rf"{_HONOR}{_NAME}\s*(?:,|\s[-–—|·]\s|\()\s*[A-Z][^,;:.!?()\n]{{2,70}}\)?")
_ITEM = re.compile(rf"^[-*•]\s+{_HONOR}{_NAME}\s*(?:[,(:]|\s[-–—]\s)\s*\S+(?:\s+\S+){{2,}}")
_REFERENCE = re.compile(r"[ \t]*(?:\[\d{1,3}\]|\d{1,3}\.[ \t]+[A-Z]\.)")
# Sections of a one-person page whose lines start with names that introduce no one (authors, award names).
_SKIP_SECTIONS = {"publications", "awards", "news", "education", "experience", "service", "projects", "contact"}


@dataclass(frozen=True)
class _Marker:
    start: int
    name: str
    kind: str
    level: int = 0  # heading level for heading markers
    ner: bool = False  # the model tagged the name as a person


def find_sections(doc: Doc, people: People) -> list[PersonSection]:
    """Person sections of the page; empty unless at least two different people are introduced."""
    from ..relations.citation import is_author_line
    from .subject import add_person

    text = text_of(doc)
    clean = doc._.clean
    levels = {a: lvl for a, _b, lvl in getattr(clean, "headings", []) or []}
    bold_at = {a: b for a, b in getattr(clean, "bold", []) or []}
    person_starts = sorted(e.start_char for e in all_ents(doc) if e.label_ == "PERSON")
    markers: list[_Marker] = []
    closers: list[tuple[int, int]] = []  # (start, level) of headings that are not names
    body_starts = [ln.start for ln in lines(doc)]  # lines that are no heading
    for line in lines(doc, headings=True):
        if line.section in _SKIP_SECTIONS or is_author_line(line.text):
            if line.heading:
                closers.append((line.start, levels.get(line.start, 9)))
            continue
        m = _marker(line.text, line.heading, bold_at.get(line.start, -1) - line.start, _paragraph_len(text, line.start))
        if m is None:
            if line.heading:
                closers.append((line.start, levels.get(line.start, 9)))
            continue
        name, kind = m
        if kind == "card" and not _card_org(doc, line):
            continue
        if kind != "label" and not _is_person(doc, line.start, line.end, name, person_starts, people, kind in ("heading", "bold", "card")):
            if line.heading:
                closers.append((line.start, levels.get(line.start, 9)))
            continue
        markers.append(_Marker(line.start, name, kind, levels.get(line.start, 9) if kind == "heading" else 0, _ner_person(line.start, line.end, person_starts)))
    markers = _same_level(markers)
    strong = [m for m in markers if m.kind in ("heading", "bold", "label", "card")]
    if len({m.name for m in strong}) < 2:
        weak = [m for m in markers if m.kind in ("item", "paragraph")]
        if len({m.name for m in weak}) < 2 or not _self_contained(text, weak):
            return []
        markers = weak
    markers.sort(key=lambda m: m.start)
    closer_starts = [cs for cs, _ in closers]  # in document order, as the lines are
    sections: list[PersonSection] = []
    for i, mk in enumerate(markers):
        end = markers[i + 1].start if i + 1 < len(markers) else len(text)
        k = bisect_right(closer_starts, mk.start)
        while k < len(closers) and closers[k][0] < end:
            cs, lvl = closers[k]
            # a heading right under the name, before any text, is the talk's title, not the next part of the page
            if mk.kind != "heading" or lvl < mk.level or lvl == mk.level and _text_between(body_starts, mk.start, cs):
                end = cs
                break
            k += 1
        person = add_person(people, mk.name, None)
        if sections and sections[-1].person is person and sections[-1].end >= mk.start - 2:
            sections[-1] = PersonSection(sections[-1].start, end, person, sections[-1].kind)
        else:
            sections.append(PersonSection(mk.start, end, person, mk.kind))
    return sections


def _text_between(body_starts: list[int], start: int, end: int) -> bool:
    """A line of text that is no heading starts in (start, end)."""
    i = bisect_left(body_starts, start + 1)
    return i < len(body_starts) and body_starts[i] < end


def _paragraph_len(text: str, start: int) -> int:
    """Characters from `start` to the paragraph's end (a blank line): a hard-wrapped bio is one paragraph of short lines."""
    end = text.find("\n\n", start)
    return (len(text) if end < 0 else end) - start


def _marker(line: str, heading: bool, bold_len: int, para_len: int = 0) -> tuple[str, str] | None:
    """The name a line introduces, and how it does so."""
    if heading:
        lab = _LABEL.match(line)
        if lab and (name := clean_name(lab.group(1))):
            return name, "label"
        name = clean_name(line) if len(line) <= 80 else None
        return (name, "heading") if name else None
    if 0 < bold_len <= 60:
        name = clean_name(line[:bold_len])
        if name:
            return name, "bold"
    lab = _LABEL.match(line)
    if lab and len(line) < 120 and (name := clean_name(lab.group(1))):
        return name, "label"
    m = _CARD.fullmatch(line)
    if m and (name := clean_name(m.group(1))) and name == m.group(1):
        return name, "card"
    m = _PARAGRAPH.match(line)
    if m and max(len(line), para_len) >= 60 and (name := clean_name(m.group(1))):
        return name, "paragraph"
    m = _ITEM.match(line)
    if m and (name := clean_name(m.group(1))):
        return name, "item"
    return None


def _card_org(doc: Doc, line) -> bool:
    """The rest of a card line after the name is one organisation the model tagged."""
    ents = [e for e in all_ents(doc) if line.start <= e.start_char and e.end_char <= line.end]
    return any(e.label_ in ("ORG", "GPE", "FAC") and line.text[e.end_char - line.start :].strip(" )") == "" for e in ents)


def _same_level(markers: list[_Marker]) -> list[_Marker]:
    """Name headings of one page share a level; a heading name at another level is a talk title unless the model says person."""
    levels = Counter(m.level for m in markers if m.kind == "heading")
    if not levels:
        return markers
    top = max(levels.items(), key=lambda kv: (kv[1], -kv[0]))[0]
    return [m for m in markers if m.kind != "heading" or m.level == top or m.ner]


def _ner_person(start: int, end: int, person_starts: list[int]) -> bool:
    i = bisect_left(person_starts, start)
    return i < len(person_starts) and person_starts[i] < end


def _is_person(doc: Doc, start: int, end: int, name: str, person_starts: list[int], people: People, named_below: bool) -> bool:
    """The model or the registry agrees that the name is a person's."""
    if _ner_person(start, end, person_starts):
        return True
    if people.get(name) is not None:
        return True
    if not named_below:
        return False
    # a heading or bold name the model missed, named again below it ("## Jane Roe - MIT" ... "About Jane", "Dr Roe")
    text = text_of(doc)
    words = name.split()
    return any(len(w) >= 3 and has_word(text, w, end, end + 3000) for w in (words[0], words[-1]))


def _self_contained(text: str, markers: list[_Marker]) -> bool:
    """Each introduced person is named mostly inside their own stretch (author bios), not all over (a news story).

    Author bios that close a paper come after its byline and body, which name the
    authors too; there only the names from the first bio on count.
    """
    from ..relations.citation import is_author_line

    ordered = sorted(markers, key=lambda m: m.start)
    floor = ordered[0].start if ordered[0].start > 0.4 * len(text) else 0
    surnames = sorted({m.name.split()[-1] for m in ordered}, key=len, reverse=True)
    hits: dict[str, list[int]] = {n: [] for n in surnames}
    forms = sorted({f for n in surnames for f in (n, n.upper())}, key=len, reverse=True)
    rx = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")
    canon = {n.lower(): n for n in surnames}
    for m in rx.finditer(text):  # one pass over the text, however many people ("Roe", and "ROE" in a bio in capitals)
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.start() < floor or _REFERENCE.match(text, line_start):  # a cited author is no mention
            continue
        line_end = text.find("\n", m.start())
        if not is_author_line(text[line_start : line_end if line_end >= 0 else len(text)]):  # nor a byline's
            hits[canon[m.group(1).lower()]].append(m.start())
    good = 0
    for i, mk in enumerate(ordered):
        end = ordered[i + 1].start if i + 1 < len(ordered) else len(text)
        own = hits[mk.name.split()[-1]]
        inside = sum(1 for h in own if mk.start <= h < end)
        good += inside >= 0.75 * len(own)
    return good >= 0.75 * len(ordered)
