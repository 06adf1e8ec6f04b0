"""Names the entity recognizer tags as something else or misses, found by how the sentence treats them.

The small English model often calls an unfamiliar name an organisation or a
nationality ("Aram Petrosyan" NORP, "Jane Roe (Northfield University)" ORG), most
of all in lists. A capitalised run that looks like a name is a person when the
sentence says so:

- a title stands right after it, set off by a comma ("Aram Petrosyan, founder of
  Quillpay", "Ada Quist, Quillon's chief financial officer");
- a title stands right before it ("chief scientist Ivo Stanek");
- a bio opens with it ("Jane Roe (Northfield University) is an associate professor", "Jane Roe received her PhD",
  "TARIQ OSEI (M'10) received the B.S. degree", a paper's author bio with the name in capitals);
- an honorific stands before it ("along with Dr. Jon Park");
- a speech verb frames it ("said Tomas Berg", "Tomas Berg said"), or "who" follows it;
- it opens its paragraph as the subject of a sentence, and the next sentence opens with "she" or "he";
- it opens its sentence and a verb of a career follows ("Mira Lund joined Quillon", "Tarek Osei has left"),
  or an appointment names it before a title ("Quillon named Ana Ruiz chief executive");
- it opens a speaker card, a line that adds only an organisation, and is named again below;
- a list label opens the line with it ("Organizers: Jane Roe (Northfield University), ...");
- it is an entry of a list under a heading that names who made something ("## Core contributors", "## The team"),
  or under a line that does ("Helix is developed and maintained by:", "The authors of Helix are:"):
  it opens its line or follows a comma or "and", and ends the line or its entry;
- it opens a cell of a table's column of people ("Name | Affiliation", see `columns`);
- it is a member of an enumeration ("A, B and C") that holds a person.

Runs tagged as a place, a date or a title are never names here.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc

from ..relations.base import all_ents, text_of
from ..sections import section_index
from .columns import column_names
from .names import HONORIFICS, NOT_NAME_WORDS, clean_name, has_word, looks_like_name

_TOKEN = r"(?:[A-Z]\.|[A-Z][\w’'-]*)"  # a period only after an initial: "NorthHealth. Please" is two sentences
_RUN = re.compile(rf"(?<![\w’'.-]){_TOKEN}(?:[ \t]+{_TOKEN}){{1,7}}(?![\w’'-])")
_POSSESSIVE = re.compile(r"['’]s$")
_SPEECH = r"(?:said|says|added|adds|explained|noted|told|commented|stated|according\s+to)"
_HONORIFIC_BEFORE = re.compile(r"(?<![\w-])(?:Dr|Prof|Professor|Mr|Ms|Mrs|Mx)\.?[ \t]+$")
_SPEECH_BEFORE = re.compile(rf"(?<![\w-]){_SPEECH}[ \t]+$", re.I)
_SPEECH_AFTER = re.compile(rf"^,?[ \t]+(?:{_SPEECH}|who|whose)(?![\w-])", re.I)
# Who a list of people are: "Invited speakers", "Core contributors", "Organizers", "The team"
_PEOPLE_ROLE = (
    r"(?:(?:core|key|main|lead|major|general|program|programme|workshop|local|steering|organi[sz]ing|keynote|invited|confirmed|project|development|research)[ \t]+)?"
    r"(?:organi[sz]ers?|speakers?|panell?ists?|authors?|co-?chairs?|chairs?|committee|members?|team[ \t]+members|instructors?|presenters?|hosts?|moderators?"
    r"|contributors?|maintainers?|developers?|team)"
)
_LIST_LABEL = re.compile(
    rf"(?:^|\n)[ \t]*(?:[-*•][ \t]*)?(?:[*_]{{1,2}})?{_PEOPLE_ROLE}(?:[*_]{{1,2}})?"
    r"[ \t]*[:：][ \t]*(?:[*_]{1,2})?(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?[ \t]+)?$",
    re.I,
)
# A heading over a list of people: "Core contributors", "Maintainers", "Invited speakers", "The team"
# A heading over a list of the people who made something: "Core contributors", "Orca-2 maintainers", "The team".
# (Speaker and organiser pages put organisations and talk titles on lines of their own too: their names need a card or a label.)
_PEOPLE_HEADING = re.compile(
    r"[ \t]*(?:the[ \t]+)?(?:[A-Z][\w.+-]*[ \t]+){0,2}(?:(?:core|key|main|lead|major|project|development|research)[ \t]+)?"
    r"(?:contributors|maintainers|developers|authors|creators|team|team[ \t]+members)(?:[ \t]+(?:to|of|for|behind)[ \t]+[^\n]{1,60})?[ \t]*[:：]?[ \t]*",
    re.I,
)
_ENTRY_BEFORE = re.compile(r"(?:^[ \t]*(?:[-*+•][ \t]*|\d+[.)][ \t]*)?|(?:,|;|[ \t]and|[ \t]&)[ \t]*)$")
_ENTRY_AFTER = re.compile(r"[ \t]*(?:$|[,;(|·]|[ \t][-–—][ \t]|[ \t]+(?:and|&)[ \t])", re.M)
# Between two members of a list of people: a comma, "and", perhaps an affiliation in parentheses first;
# before the first member, the start of a line, a colon or a verb; after the last, the end of a sentence.
_LIST_GAP = re.compile(r"(?:[ \t]*\([^()\n]{1,80}\))?[ \t]*(?:,[ \t]*(?:and[ \t]+|&[ \t]*)?|[ \t]+(?:and|&)[ \t]+)(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?[ \t]+)?$")
# A bio's opening: "Jane Roe (Northfield University) is an associate professor", "Jane Roe received her PhD".
_BIO_OPENING = re.compile(
    r"[ \t]*(?:\([^()\n]{1,80}\)[ \t]*)?(?:,[^,\n]{1,80},[ \t]*)?"
    r"(?:(?:is|was|has[ \t]+been|serves[ \t]+as|works[ \t]+as)[ \t]+(?:(?:currently|now|also)[ \t]+)?(?:(?:an?|the)[ \t]+)?"
    r"|(?:received|obtained|earned|completed)[ \t]+(?P<poss>his|her|their)\b)"
)
# A verb of a career right after a name that opens its sentence: "Mira Lund joined Quillon", "Tarek Osei has left".
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?][\"”’)]?[ \t]+)$")
_CAREER_AFTER = re.compile(
    r"[ \t]+(?:(?:has|had|have|will|was|is|later|then|also|recently)[ \t]+)?(?:joined|join|left|founded|co-?founded|(?:leads|led|heads|headed|directs|directed)(?![ \t]+to\b)"
    r"|appointed|hired|promoted|serves[ \t]+as|served[ \t]+as|co-?developed|retired|stepped[ \t]+down)\b"
)
_APPOINTED_BEFORE = re.compile(r"(?<![\w-])(?:named|appointed|hired|tapped|elected|promoted|made|names|appoints|hires)[ \t]+$")
_AS_TITLE = re.compile(r"[ \t]+(?:as[ \t]+)?(?:(?:its|the|their|our|a|an)[ \t]+)?(?:(?:new|next|first|interim|acting)[ \t]+)?")
# the name's sentence (a verb right after the name), then a next sentence in the same paragraph that opens with "she" or "he"
# (a pronoun in the name's own sentence is someone else's: "Sensor Fusion was her first course. She ...")
_PRONOUN_NEXT = re.compile(
    r"[ \t]+(?:[a-z][\w-]*[ \t]+)?(?:is|was|has|had|joined|received|works|worked|leads|led|serves|served)\b"
    r"(?:(?!\b(?:she|he|her|his|him)\b)[^\n]){0,300}?[.!?][ \t]+(?:She|He|Her|His)[ \t]"
)
_SHOUTED = re.compile(r"(?:^|\n)[ \t]*(?:[-*•][ \t]*)?([A-Z][A-Z'’-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][A-Z'’-]+)){1,3})(?![\w'’-])")
_BIO_VERB = re.compile(r"[ \t]*(?:\([^()\n]{1,80}\)[ \t]*)?,?[ \t]*(?:received|obtained|earned|is|was|joined|has[ \t]+been|serves)[ \t]+(?:the|his|her|a|an|currently|with|pursuing)\b")
_LINE_OPEN = re.compile(r"[ \t]*(?:[-*•][ \t]*)?")
_CV_SECTIONS = {"teaching", "experience", "education", "projects", "service", "talks", "awards", "publications", "news"}
_LIST_START = re.compile(r"(?:(?:^|\n)[ \t]*(?:[-*•][ \t]*)?|[:：][ \t]*|(?<![\w-])(?:are|were|is|was|include|includes|included|including|by|with)[ \t]+)$")
_LIST_END = re.compile(r"[ \t]*(?:\([^()\n]{1,80}\))?[ \t]*(?:[.;:!?]|,?[ \t]+(?:who|are|were|work|will|have|had|said)\b|$)", re.M)
# What the model calls an unfamiliar name in a list (never a date, place or title)
_NAME_LIKE = {"PERSON", "ORG", "NORP", "PRODUCT", "FAC", "WORK_OF_ART"}
_NOT_NAMES = {"GPE", "LOC", "DATE", "TIME", "TITLE", "DEGREE", "VENUE", "EMAIL", "URL", "PHONE", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "EVENT", "LAW", "LANGUAGE"}


class _Spans:
    """Sorted non-overlapping spans, asked whether a position or a range touches one."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]

    def covers(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and self.spans[i][1] > pos

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1
        return i >= 0 and self.spans[i][1] > start or self.covers(start)


_WORD = re.compile(r"\S+")
_PLURAL_VERB = re.compile(r"[ \t]+(?:are|were|have)\b")


def _runs(text: str, blocked: _Spans) -> list[tuple[int, int, str]]:
    """Name-shaped capitalised runs: leading function words, honorifics and titles dropped, a possessive tail cut."""
    out = []
    for m in _RUN.finditer(text):
        s = m.start()
        words = m.group().split()
        starts = [m.start() + w.start() for w in _WORD.finditer(m.group())]
        cut = max((k for k, ws in enumerate(starts) if k and blocked.covers(ws)), default=0)
        if cut:  # "Quillon CTO Ana Ruiz": the name is what follows a title inside the run
            s, words = starts[cut], words[cut:]
        while words and (words[0].lower().rstrip(".,:") in NOT_NAME_WORDS or words[0].lower() in HONORIFICS or blocked.covers(s)):
            s = text.index(words[1], s + len(words[0])) if len(words) > 1 else m.end()
            words.pop(0)
        if words and _POSSESSIVE.search(words[-1]):
            continue  # "Quillon's" opens an organisation's title, it is no name
        if not 2 <= len(words) <= 4:
            continue
        name = " ".join(words)
        e = s + len(name)
        if text[s:e] != name or not looks_like_name(name):
            continue
        if blocked.overlaps(s, e):
            continue
        out.append((s, e, name))
    return out


def context_names(doc: Doc, known: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, name) of names the sentence marks as persons, beyond the `known` person spans."""
    text = text_of(doc)
    ents = all_ents(doc)
    titles = [(e.start_char, e.end_char) for e in ents if e.label_ == "TITLE"]
    dates = [(d.start, d.end) for d in doc._.dates or []] if doc.has_extension("dates") else []
    blocked = _Spans([(e.start_char, e.end_char) for e in ents if e.label_ in _NOT_NAMES] + dates + list(known))
    tagged = {(e.start_char, e.end_char) for e in ents if e.label_ in _NAME_LIKE}
    orgs: dict[int, set[int]] = {}  # start -> ends of the organisations (and places) starting there
    for e in ents:
        if e.label_ in ("ORG", "GPE", "FAC"):
            orgs.setdefault(e.start_char, set()).add(e.end_char)
    title_starts = {s for s, _ in titles}
    title_ends = {e for _, e in titles}
    found: dict[tuple[int, int], str] = {}
    runs = _runs(text, blocked)
    lists = _Spans(_people_lists(doc))
    for s, e, name in runs:
        line_start = text.rfind("\n", 0, s) + 1
        before = text[line_start:s]
        after = text[e : e + 80]
        label = _LIST_LABEL.search(text, max(0, line_start - 1), s)
        # a résumé line opens with a course or a project and a role after it ("Sensor Design, Teaching Assistant")
        titled = _title_after(text, e, title_starts) and not (_LINE_OPEN.fullmatch(before) and _section(doc, s) in _CV_SECTIONS)
        # a title then a name that ends the line is a heading or a role, not a person ("ML Engineer Hiring Roadmap")
        # (and one that takes a plural verb is a thing: "the CTO Office Hours are held")
        titled = titled or _title_before(text, s, title_ends) and text[e : e + 1] not in ("\n", "") and not _PLURAL_VERB.match(text, e)
        bio = _BIO_OPENING.match(text, e)
        titled = titled or bio is not None and (bio.group("poss") is not None or _title_within(text, bio.end(), title_starts))
        honored = _HONORIFIC_BEFORE.search(before) is not None
        entry = lists.covers(s) and _ENTRY_BEFORE.search(before) is not None and _ENTRY_AFTER.match(text, e) is not None
        # a career verb after a name that opens its sentence, the model's organisations aside ("Quillon joined the index")
        career = _SENTENCE_OPEN.search(before) is not None and _CAREER_AFTER.match(text, e) is not None and (s, e) not in orgs
        # "Quillon named Ana Ruiz chief executive", "has appointed Tom Berg as its CFO": an appointment's object
        appointed = _APPOINTED_BEFORE.search(before) is not None and (m := _AS_TITLE.match(text, e)) is not None and m.end() in title_starts
        career = career or appointed
        # "Ana Ruiz has been a contributor to Helix. She ...": a paragraph about the name goes on with "she" or "he"
        career = career or _LINE_OPEN.fullmatch(before) is not None and _PRONOUN_NEXT.match(text, e) is not None and (s, e) not in orgs
        if titled or honored or entry or career or _SPEECH_BEFORE.search(before) or _SPEECH_AFTER.match(after) or label is not None or _card(text, s, e, name, before, orgs):
            found[(s, e)] = name
    # a bio that opens with the name in capitals ("TARIQ OSEI (M'10) received the B.S. degree ...")
    for m in _SHOUTED.finditer(text):
        name = clean_name(m.group(1))
        bio = _BIO_OPENING.match(text, m.end(1)) or _BIO_VERB.match(text, m.end(1))
        if name and bio is not None and not blocked.overlaps(m.start(1), m.end(1)):
            found.setdefault((m.start(1), m.end(1)), name)
    # the cells of a table's column of people ("Name | Affiliation")
    for s, e, name in column_names(text):
        if not blocked.overlaps(s, e):
            found.setdefault((s, e), name)
    # members of an enumeration that holds a person, each tagged by the model as some name
    items = sorted({(a, b, True) for a, b in known} | {(a, b, True) for a, b in found} | {(s, e, False) for s, e, _ in runs if (s, e) in tagged and (s, e) not in found})
    chain: list[tuple[int, int, bool]] = []
    for i, item in enumerate(items + [(len(text) + 1, len(text) + 1, False)]):
        if chain and i < len(items) and _LIST_GAP.match(text, chain[-1][1], item[0]):
            chain.append(item)
            continue
        if len(chain) >= 2 and any(p for _, _, p in chain) and (_LIST_END.match(text, chain[-1][1]) or _LIST_START.search(text, max(0, chain[0][0] - 12), chain[0][0])):
            for cs, ce, p in chain:
                if not p:
                    found[(cs, ce)] = text[cs:ce]
        chain = [item] if i < len(items) else []
    return sorted((s, e, n) for (s, e), n in found.items())


def _people_lists(doc: Doc) -> list[tuple[int, int]]:
    """The text under each heading that names people, up to the next heading of its level or above,
    and the list under each line that introduces its makers."""
    text = text_of(doc)
    heads = sorted(getattr(doc._.clean, "headings", None) or [])
    out = []
    for k, (start, end, level) in enumerate(heads):
        if _PEOPLE_HEADING.fullmatch(text, start, end):
            out.append((end, next((s for s, _, lvl in heads[k + 1 :] if lvl <= level), len(text))))
    head_starts = {s for s, _, _ in heads}
    for colon in _COLON_LINE.finditer(text):
        if colon.start() not in head_starts and _MAKERS_INTRO.search(colon.group()):
            out.append((colon.end(), _list_end(text, colon.end())))
    return sorted(out)


# A line that ends in a colon and says its list made something: "Helix is developed and maintained by:",
# "The main authors of Helix are:", "Contributors to Helix include:".
_COLON_LINE = re.compile(r"^[^\n]*:[ \t*_]*$", re.M)
_MAKERS_INTRO = re.compile(
    r"\b(?:(?:developed|written|created|maintained|built|designed|implemented|authored)[ \t]+by"
    r"|(?:authors|contributors|developers|maintainers|creators)[ \t]+(?:of|to)[ \t]+[^\n]{1,60}"
    r"|[\w-]+['’]s?[ \t]+(?:[a-z]+[ \t]+)?(?:authors|contributors|developers|maintainers|creators)"
    r"|contributed[ \t]+(?:[a-z]+[ \t]+)?to[ \t]+[^\n]{1,60})[ \t]*(?:(?:are|were|include|includes)[ \t]*)?:[ \t*_]*$",
    re.I,
)
_FIRST_LINE = re.compile(r"\n(?:[ \t]*\n)+[ \t]*[^\s][^\n]*")
_LIST_LINE = re.compile(r"\n(?:[ \t]*\n)*[ \t]*(?:[-*+•]|\d+[.)])[ \t][^\n]*|\n[ \t]*[^\s][^\n]*")


def _list_end(text: str, pos: int) -> int:
    """The end of the lines right under `pos`: list items (blank lines between them allowed) or unbroken lines,
    the first of which may stand after a blank line (a table's rows, a paragraph of names)."""
    first = _FIRST_LINE.match(text, pos)
    pos = first.end() if first is not None else pos
    while (m := _LIST_LINE.match(text, pos)) is not None:
        pos = m.end()
    return pos


_TITLE_LEAD = re.compile(r",[ \t]*(?:(?:the|a|an|its|their)[ \t]+)?(?:(?:[A-Z][\w&.-]*[ \t]+){0,3}[A-Z][\w&.-]*['’]s[ \t]+)?(?:(?:former|new|then|interim|acting|current|longtime|newly[ \t]+appointed)[ \t]+)?")


_CARD = re.compile(r"[ \t]*(?:,|[ \t][-–—|·][ \t]|\()[ \t]*")


def _card(text: str, start: int, end: int, name: str, before: str, orgs: dict[int, set[int]]) -> bool:
    """A speaker card: a line that is only the name and an organisation ("Jane Roe, Northfield University"),
    with the name's first or last word again in the lines below."""
    if not _LINE_OPEN.fullmatch(before):
        return False
    sep = _CARD.match(text, end)
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if sep is None or not any(text[b:line_end].strip(" \t)") == "" for b in orgs.get(sep.end(), ())):
        return False
    words = name.split()
    return any(len(w) >= 3 and has_word(text, w, line_end, line_end + 2000) for w in (words[0], words[-1]))


def _section(doc: Doc, pos: int) -> str | None:
    sec = section_index(doc._.clean).at(pos)
    return sec.name if sec is not None else None


def _title_after(text: str, end: int, title_starts: set[int]) -> bool:
    """", founder of Quillpay", ", Quillon's chief financial officer": a title right after a comma."""
    m = _TITLE_LEAD.match(text, end)
    return m is not None and m.end() in title_starts


_FILLER = re.compile(r"([\w-]+)[ \t]+")
_NOT_FILLER = {"by", "of", "in", "at", "for", "with", "from", "to", "on", "under", "and", "or", "its", "their", "our"}


def _title_within(text: str, pos: int, title_starts: set[int]) -> bool:
    """A title at `pos` or one or two words on ("an associate professor", "a senior research scientist")."""
    for _ in range(3):
        if pos in title_starts:
            return True
        m = _FILLER.match(text, pos)
        if m is None or m.group(1).lower() in _NOT_FILLER or m.group(1).endswith("ed"):
            return False  # "was founded by CEO Jane Roe": the title is someone else's
        pos = m.end()
    return False


def _title_before(text: str, start: int, title_ends: set[int]) -> bool:
    """"chief scientist Ivo Stanek": a title ending right before the name."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i < start and i in title_ends
