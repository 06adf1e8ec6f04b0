"""employed_by from a speaker card: the organisation written beside a speaker's name on a many-person page.

    ### Jane Roe - Northfield University          Jane Roe
    Jane Roe is a professor of ...                 Northfield University
                                                   Jane Roe is a professor of ...

The name opens the person's section (`people.sections`); the organisation is the
rest of that line ("Jane Roe - X", "Jane Roe, X", "Jane Roe (X)") or the line right
under the name, alone or after a title ("Chief Scientist, X", "Professor at X"). Only a speaker with a bio in the section counts: a bare list of
names and affiliations says where people were, not whom the page is about. When the
bio states the same job with a title, that statement is kept instead (the
`drop_untitled` merge of employed_by).
"""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from ..base import Arg, Candidate, ents_starting_in, person_arg, text_of
from ..registry import doc_rule

_SEP = re.compile(r"[ \t]*(?:[-–—|·:,]|\()[ \t]*")
_SESSION_WORDS = {"keynote", "keynotes", "talk", "invited", "tutorial", "panel", "panelist", "session", "lecture", "plenary", "speaker", "abstract", "bio", "slides", "video", "chair", "opening", "closing", "remarks", "moderator", "tba", "tbd"}
_JOINERS = {"of", "for", "and", "the", "de", "at", "in", "für", "&", "-"}
_ORG_WORD = re.compile(r"Univers|Institut|College|School|Lab|Laborator|Cent(?:er|re)|Academy|Inc\b|Corp|Ltd|GmbH|Research|Foundation|Hochschule|[EÉ]cole|Polytechnic|Company|Group", re.I)
_ORG_LABELS = ("ORG", "FAC")
_BIO_CHARS = 120
_CARD_KINDS = ("heading", "card", "bold", "label")


@doc_rule("employed_by", "employment.card", order=70)
def speaker_cards(doc: Doc) -> Iterator[Candidate]:
    people = doc._.people
    if people is None or not people.sections:
        return
    text = text_of(doc)
    for sec in people.sections:
        if sec.kind not in _CARD_KINDS:
            continue
        line_end = text.find("\n", sec.start, sec.end)
        line_end = sec.end if line_end < 0 else line_end
        org, title = _org_beside(doc, text, sec, line_end), None
        if org is None:  # "Chief Scientist, Quillon" on the line under the name, else an organisation alone there
            title, org = _titled_org_under(doc, text, line_end, sec.end)
            org = org or _org_under(doc, text, line_end, sec.end)
        if org is None or not _has_bio(text, org[1], sec.end):
            continue
        s, e = org
        name_at = next(((a, b) for a, b in sec.person.mentions if sec.start <= a < line_end), None)
        subj = person_arg(doc, sec.person, *name_at) if name_at else person_arg(doc, sec.person)
        obj = Arg(text[s:e], "ORG", text[s:e], s, e)
        yield Candidate("employed_by", subj, obj, (sec.start, line_end if e <= line_end else e), "employment.card", 0.6, {"title": title} if title else {})


def _org_beside(doc: Doc, text: str, sec, line_end: int) -> tuple[int, int] | None:
    """"Jane Roe - Northfield University": what follows a separator after the name, to the end of its line."""
    first = next(((a, b) for a, b in sec.person.mentions if sec.start <= a < line_end), None)
    name_end = first[1] if first else sec.start + text[sec.start:line_end].find(sec.person.canonical.split()[-1]) + len(sec.person.canonical.split()[-1])
    m = _SEP.match(text, name_end, line_end)
    if m is None or name_end <= sec.start:
        return None
    return _org_span(doc, text, m.end(), line_end, beside=True)


def _org_under(doc: Doc, text: str, line_end: int, sec_end: int) -> tuple[int, int] | None:
    """The line right under the name, when it is an organisation's name and nothing else."""
    start = line_end + 1
    while start < sec_end and text[start] in " \t\n":
        start += 1
    end = text.find("\n", start, sec_end)
    return _org_span(doc, text, start, sec_end if end < 0 else end, beside=False)


def _titled_org_under(doc: Doc, text: str, line_end: int, sec_end: int) -> tuple[str | None, tuple[int, int] | None]:
    """"Chief Scientist, Quillon" / "Professor at Lund University" right under the name: the title and the organisation."""
    start = line_end + 1
    while start < sec_end and text[start] in " \t\n*_":
        start += 1
    end = text.find("\n", start, sec_end)
    end = sec_end if end < 0 else end
    title = next((t for t in ents_starting_in(doc, start, start + 1, ("TITLE",))), None)
    sep = _TITLE_SEP.match(text, title.end_char, end) if title is not None else None
    org = _org_span(doc, text, sep.end(), end, beside=True) if sep is not None else None
    return (title.text, org) if org is not None else (None, None)


_TITLE_SEP = re.compile(r"[ \t]*(?:,|\bat\b|[-–—|·@])[ \t]*")


def _org_span(doc: Doc, text: str, start: int, end: int, beside: bool) -> tuple[int, int] | None:
    """[start, end) trimmed, if it reads as an organisation: capitalised words (with of/for/and), and an
    organisation word or the model's ORG tag; beside a name an acronym alone will do ("QX7")."""
    raw = text[start:end]
    name = raw.strip(" \t)*_")
    if not name:
        return None
    s = start + raw.find(name)
    e = s + len(name)
    words = name.replace(",", " ").split()
    if not 1 <= len(words) <= 8 or not all(w[:1].isupper() or w[:1].isdigit() or w in _JOINERS for w in words) or re.search(r"[.!?:;]$", name):
        return None
    if any(w.lower() in _SESSION_WORDS for w in words):
        return None  # "Jane Roe - Keynote": the session, not an employer
    tagged = any(x.start_char <= s + 1 and x.end_char >= e - 1 for x in ents_starting_in(doc, s, s + 2, _ORG_LABELS))
    acronym = beside and len(words) == 1 and (words[0].isupper() or any(ch.isdigit() for ch in words[0]))
    if tagged or acronym or _ORG_WORD.search(name):
        return s, e
    return None


def _has_bio(text: str, after: int, end: int) -> bool:
    """A line of prose in the rest of the section."""
    return any(len(line.strip()) >= _BIO_CHARS or len(line.strip()) >= 60 and line.rstrip().endswith(".") for line in text[after:end].split("\n"))
