"""employed_by (and part_of) from a contact block, the way press releases end:

    Media Contact:
    Jane Roe
    Media Relations
    Quillon Labs
    jane.roe@quillon.com

The block is the run of short lines down to an e-mail address or a phone number.
Its first line names the person; the last line before the addresses is the
employer ("Matter for Quillon" is the agency Matter, working for its client); a
line between them is the person's title when it is one, else, written in title
case, a unit of the employer ("Media Relations").
"""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from ...people.names import clean_name
from ...people.subject import add_person
from ..base import Arg, Candidate, all_ents, ents_starting_in, person_arg, text_of
from ..registry import doc_rule

_ADDRESS = {"EMAIL", "PHONE", "URL"}
_LABEL = re.compile(r"(?i)^(?:media|press|investor|pr)?\s*(?:contacts?|inquiries|enquiries)\s*:?$")
_ORG_LINE = re.compile(r"[A-Z][\w&.,'’ -]{0,60}")
# A unit is written in title case ("Media Relations", "Department of Electrical Engineering"), a role is not ("Ph.D. student").
_UNIT_LINE = re.compile(r"[A-Z][\w&'’.-]*(?:\s+(?:of|and|for|the|&|[A-Z][\w&'’.-]*))*")
_STUDENT = re.compile(r"(?i)\b(?:student|candidate|undergraduate)\b")
_FOR = re.compile(r"^(.+?)\s+(?:for|on behalf of)\s+[A-Z].*$")
_MAX_LINES = 6


@doc_rule("employed_by", "employment.contact_block", order=60)
def contact_block(doc: Doc) -> Iterator[Candidate]:
    people = doc._.people
    if people is None:
        return
    text = text_of(doc)
    done: set[int] = set()
    for ent in all_ents(doc):
        if ent.label_ not in _ADDRESS:
            continue
        block = _block_above(text, ent.start_char, doc)
        if not block or block[0][0] in done:
            continue
        done.add(block[0][0])
        yield from _facts(doc, people, text, block, ent.end_char)


def _block_above(text: str, pos: int, doc: Doc) -> list[tuple[int, str]]:
    """The lines above the first address of a block, top first, without address lines and labels."""
    lines: list[tuple[int, str]] = []
    start = text.rfind("\n", 0, pos) + 1
    while len(lines) < _MAX_LINES and start > 0:
        start = text.rfind("\n", 0, start - 1) + 1
        end = text.find("\n", start)
        line = text[start : end if end >= 0 else len(text)].strip()
        if not line or _LABEL.match(line):
            break
        if ents_starting_in(doc, start, start + len(line) + 1, _ADDRESS):
            continue  # a second address above the first one we met
        lines.append((start + text[start:].find(line), line))
    return lines[::-1]


def _facts(doc: Doc, people, text: str, block: list[tuple[int, str]], end: int) -> Iterator[Candidate]:
    if len(block) < 2 or len(block) > 4:
        return
    (p_at, p_line), *middle = block
    name = clean_name(p_line)
    if name is None or name != p_line.strip(" ,"):
        return
    e_at, e_line = middle[-1]
    m = _FOR.match(e_line)
    employer = m.group(1) if m else e_line
    if not _ORG_LINE.fullmatch(employer) or people.get(employer, e_at) is not None or len(employer.split()) > 6 or _is_title(doc, e_at, e_at + len(e_line)):
        return
    title = None
    units = []
    for at, line in middle[:-1]:
        if _is_title(doc, at, at + len(line)):
            title = line
        elif _UNIT_LINE.fullmatch(line) and people.get(line, at) is None:
            units.append((at, line))
    # the block names its person even where the recognizer saw none ("Jo Brandt" tagged a facility),
    # when the address below spells their name ("khall@...")
    person = people.get(name, p_at)
    if person is None and _in_address(name, text[_next_line(text, e_at) : end]):
        person = add_person(people, name, p_at)
    if person is None:
        return
    evidence = (p_at, end)
    org = Arg(employer, "ORG", employer, e_at, e_at + len(employer))
    q = {"title": title} if title else {}
    # "Ph.D. student" under the name: the university teaches them, it does not employ them
    if not any(_STUDENT.search(line) for _at, line in middle):
        yield Candidate("employed_by", person_arg(doc, person, p_at, p_at + len(p_line)), org, evidence, "contact.block_employer", 0.7, q)
    for at, line in units:
        yield Candidate("part_of", Arg(line, "ORG", line, at, at + len(line)), org, evidence, "contact.block_unit", 0.6)


def _next_line(text: str, pos: int) -> int:
    """The start of the line after `pos`."""
    i = text.find("\n", pos)
    return len(text) if i < 0 else i + 1


def _in_address(name: str, addresses: str) -> bool:
    """An e-mail address of the block holds the person's first or last name ("khall@", "jeana.tahnk@")."""
    locals_ = [m.group(1).lower() for m in re.finditer(r"([\w.+-]+)@", addresses)]
    words = [w.lower() for w in name.split() if len(w) >= 3]
    return any(w in local for local in locals_ for w in words)


def _is_title(doc: Doc, start: int, end: int) -> bool:
    """The line is (mostly) a job title ("Director of Communications")."""
    return any(e.end_char >= end - 2 for e in ents_starting_in(doc, start, start + 3, ("TITLE",)))
