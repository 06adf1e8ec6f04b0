"""Who the document is about, from the layouts pages use to say so.

In order: a declared name (page metadata); a name heading on top that the text
names again; a self-introduction or "Jane Roe is ..." opening; "Talk by Jane Roe"
headings and any name heading on top; a news headline's person named in the story;
the bold name of author lists; the owner of a publication list; the page title
("Welcome to Jane Roe's homepage", "Jane Roe | Home"); a news lead ("Jane Roe, the
new CEO of X, ..."); the first person of a many-person page. A first-person page
that names no one of these ways is its own address's ("jane.roe AT host"), else it
has no subject (the people it names are advisors and colleagues); elsewhere the
most-mentioned person, unless named only as someone's advisor, supervisor or collaborator.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from ..relations.base import ents_in, lines, text_of
from .names import FUNCTION_WORDS, HONORIFICS, ORG_WORDS, clean_name, has_word, looks_like_name, names_in, strip_honorifics
from .registry import People, Person

_HONOR = r"(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?\s+)?"
_NAME = r"([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3}?)"
_FIRST_SENTENCE = re.compile(
    rf"(?:^|\n)\s*(?:Hi[,!]?\s*)?(?:I am|I'm|I’m|My name is|This is|Welcome to)\s+{_HONOR}"
    rf"{_NAME}(?=['’]s\b|\s*[\(（,.!]|\s+(?:is|and|from|at|a|an|the)\b|$)"
)
_NAME_IS = re.compile(rf"(?:^|\n)\s*{_HONOR}{_NAME}\s*(?:\([^)]{{1,40}}\)\s*)?(?:\[\d+\]\s*)?(?:is|was|received|joined|serves|has been|holds)\b")
# A news lead: "Jane Roe, the new CEO of X, ..." / "Jane Roe, 37, ..."
_LEAD = re.compile(rf"(?:^|\n)\s*{_HONOR}{_NAME},\s+(?:the|a|an|who|\d{{2}},)\s")
_HEADING_NAME = re.compile(r"(?:by|about|with|:)\s+((?:Dr\.|Prof\.)?\s*[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3})\s*$")
_FIRST_PERSON_PAGE = re.compile(r"^\s*(?:[^.\n]{1,40}\n\s*)?(?:Hi[,!]?\s+|Hello[,!]?\s+)?(?:I am|I'm|I’m|I have|I work|I was|My (?:name|research|work))\b")
_SPEAKS = re.compile(r"(?:^|[.!?]\s+|\n\s*)(?:I am|I'm|I’m|I was|I work|I received|I joined)\b")
_MARKS = re.compile(r"[*†‡#§¶✉^\\\d]+")


def add_person(people: People, name: str, pos: int | None = None) -> Person:
    """The registered person of this name, registering it when new."""
    if name.isupper():
        name = name.title()
    name = strip_honorifics(name)
    p = people.get(name, pos)
    if p is None:
        p = Person(canonical=name)
        if pos is not None:
            p.mentions.append((pos, pos + len(name)))
        people.persons.append(p)
    elif len(name.split()) > len(p.canonical.split()) and set(p.tokens) <= {t.lower().rstrip(".") for t in name.split()}:
        p.aliases.add(p.canonical)
        p.canonical = name
        people.changed()
    return p


def find_subject(doc: Doc, people: People, meta_name: str | None) -> Person | None:
    """Who the document is about, or None for a page about no single person."""
    if meta_name:
        return people.get(meta_name) or add_person(people, meta_name)
    text = text_of(doc)
    clean = doc._.clean
    head = text[:4000]
    headings = list(getattr(clean, "headings", []) or [])
    if headings and headings[0][0] < 300:
        hs, he, _level = headings[0]
        name = clean_name(text[hs:he])
        if name and (people.get(name) is not None or has_word(text, name.split()[-1], he)):
            return add_person(people, name, hs)  # "# Jane Roe", "Prof. Jane Roe - Eastfield University" on top, named again
    first_person = bool(_FIRST_PERSON_PAGE.search(text[:600]))
    for rx in (_FIRST_SENTENCE, _NAME_IS):
        for m in rx.finditer(head):
            if rx is _NAME_IS and first_person and people.section_at(m.start(1)) is not None:
                continue  # an "I am ..." page: "X is a PhD student" in a Students section is someone else
            name = clean_name(m.group(1))
            if name:
                return add_person(people, name, m.start(1) + m.group(1).find(name.split()[0]))
            if rx is _FIRST_SENTENCE:
                break
    for hs, he, _level in headings[:3]:
        m = _HEADING_NAME.search(text[hs:he])
        if m and looks_like_name(m.group(1).strip()):
            return add_person(people, strip_honorifics(m.group(1).strip()), hs + m.start(1))
    for hs, he, _level in headings[:2]:
        if hs < 300 and (name := clean_name(text[hs:he])):
            return add_person(people, name, hs)  # a name heading on top, named nowhere else
    top = _name_line_on_top(text)
    if top is not None:
        return add_person(people, *top)  # a plain-text page that opens with its owner's name alone on a line
    headline = _headline_person(doc, people)
    if headline is not None:
        return headline
    bold = _bold_name(doc, people)
    if bold is not None:
        return bold
    owner = _author_list_owner(doc)
    if owner is not None:
        return add_person(people, owner)
    if clean is not None and clean.title:
        name = clean_name(re.sub(r"(?i)^\s*(?:welcome\s+to|about|home\s*[-|:]|homepage\s+of|home\s+page\s+of|the\s+homepage\s+of)\s+", "", clean.title))
        if name:
            return add_person(people, name)
    m = _LEAD.search(text[:1500])
    if m and clean_name(m.group(1)):
        name = clean_name(m.group(1))
        return add_person(people, name, m.start(1))
    if people.sections:
        return people.sections[0].person
    given = _given_name_owner(text, clean, headings)
    if given is not None:
        return _given_person(people, text, given)
    # the owner speaks but is never named: the page's own address may still spell the name ("wei.wang AT bjtu.edu.cn");
    # else the people named are the owner's advisors and colleagues
    owner = _address_owner(text) if first_person or _SPEAKS.search(text, 0, 3000) else None
    most = None if first_person else _most_mentioned(people, text)
    if most is None and owner is not None:
        return add_person(people, owner)
    return most


# The owner named by a given name alone, where the layout marks them as the owner:
# "Welcome to Ana's Homepage" (a title or the first heading), "Hi, I'm Ana." opening the page.
_GIVEN = r"([A-Z][^\W\d_]+(?:-[A-Z]?[^\W\d_]+)?)"
_GIVEN_PAGE = re.compile(
    rf"^\s*(?i:welcome\s+to\s+)?{_GIVEN}['’]s\s+(?i:(?:personal|academic|official|professional)\s+)?"
    r"(?i:home\s*page|web\s*site|web\s*page|site|page|blog)\b[\s!.]*$"
)
_GIVEN_INTRO = re.compile(rf"(?:^|\n)[ \t]*(?:(?:Hi|Hello|Hey)(?:\s+there)?[,!.]?\s+)?(?:I am|I'm|I’m|[Mm]y name is)\s+{_GIVEN}(?=[ \t]*[,.!;:—–]|[ \t]*$|[ \t]+and\b)")


def _given_name_owner(text: str, clean, headings: list) -> str | None:
    """The owner's given name when the page names them by it alone, in a place that marks the owner."""
    places = [getattr(clean, "title", None) or ""] + [text[hs:he] for hs, he, _level in headings[:1] if hs < 300]
    for place in places:
        m = _GIVEN_PAGE.match(place.strip())
        if m and _given_word(m.group(1), text):
            return m.group(1)
    m = _GIVEN_INTRO.search(text[:600])
    if m and _given_word(m.group(1), text):
        return m.group(1)
    return None


def _given_word(word: str, text: str) -> bool:
    """A capitalised word that is no function word, title, organisation word, nor a word the text writes in lower case."""
    low = word.lower()
    if low in FUNCTION_WORDS or low in ORG_WORDS or low in HONORIFICS or word.isupper():
        return False
    return re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text) is None


def _given_person(people: People, text: str, given: str) -> Person:
    """The person the given name opens ("Ana" on a page that also writes "Ana Roe"), else a person known by it alone."""
    holders = [p for p in people.persons if p.canonical.split()[0] == given and len(p.canonical.split()) > 1]
    if len(holders) == 1:
        return holders[0]
    m = re.search(rf"(?<![\w-]){re.escape(given)}(?![\w-])", text)
    return add_person(people, given, m.start() if m else None)


def _name_line_on_top(text: str) -> tuple[str, int] | None:
    """The first non-empty line, when it is a person's name and nothing else ("Jane Roe", "Dr. Jane Roe, PhD")."""
    m = re.match(r"\s*([^\n]{3,60})\n", text)
    if m is None:
        return None
    line = m.group(1).strip()
    name = clean_name(line)
    if not name or len(name.split()) < 2 or len(line.split()) > len(name.split()) + 2:
        return None
    return name, m.start(1) + max(line.find(name.split()[0]), 0)


def _headline_person(doc: Doc, people: People) -> Person | None:
    """A news headline's person, named again in the story ("Meet Jane Roe, the new CEO of X")."""
    text = text_of(doc)
    clean = doc._.clean
    title = (getattr(clean, "title", None) or "").strip()
    headings = [h for h in getattr(clean, "headings", []) or [] if h[0] < 200]
    heads = [title] + [text[hs:he] for hs, he, _ in headings[:1]]
    for head in heads:
        for name in names_in(head):
            body_at = text.find(head) + len(head) if head and head in text else 0
            if people.get(name) is not None or has_word(text, name, body_at):
                return add_person(people, name)
    return None


def _bold_name(doc: Doc, people: People) -> Person | None:
    from ..relations.citation import is_author_line

    text = text_of(doc)
    clean = doc._.clean
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
            return add_person(people, name)
    return None


_ROLE_BEFORE = re.compile(
    r"(?:advis[oe]rs?|supervisors?|mentors?|committee|hosts?|managers?|co-?authors?|collaborat\w*|advised\s+by|supervised\s+by|"
    r"mentored\s+by|hosted\s+by|working\s+with|work\s+with|worked\s+with|under|with|and)\W{0,3}(?:(?:Dr|Prof|Professor)\.?\s+)?$",
    re.IGNORECASE,
)


_ROLE_LINE = re.compile(r"\b(?:advis[oe]rs?|supervisors?|mentors?|committee|hosts?|managers?|collaborators?|advised\s+by|supervised\s+by|mentored\s+by|hosted\s+by)\b", re.IGNORECASE)


def _in_role(text: str, pos: int) -> bool:
    """A mention that names someone's advisor, supervisor or colleague ("advised by Prof. X", "Supervisor: A, B, X")."""
    line_start = max(text.rfind("\n", 0, pos) + 1, pos - 160)
    return bool(_ROLE_BEFORE.search(text[max(0, pos - 40) : pos]) or _ROLE_LINE.search(text, line_start, pos))


def _most_mentioned(people: People, text: str) -> Person | None:
    """The person named most, unless every mention casts them as someone's advisor, supervisor or colleague."""
    # a person the recognizer never tagged (named beside a title or in a list) is a minor one
    minor = any(not p.by_context for p in people.persons)
    counts = Counter(
        {
            i: len(p.mentions)
            for i, p in enumerate(people.persons)
            if not (minor and p.by_context) and (not p.mentions or not all(_in_role(text, s) for s, _ in p.mentions))
        }
    )
    text_len = len(text)
    if not counts:
        return None
    best, n = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))
    first_mention = min((s for s, _ in people.persons[best].mentions), default=text_len)
    if n >= 2 or first_mention < 600:
        return people.persons[best]
    return None


def _author_list_owner(doc: Doc) -> str | None:
    """On a publication list the owner is the name on most author lines, first position breaking ties."""
    from ..relations.citation import is_author_line

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


# "first.last@host", "first_last [at] host", "first.last AT host": a personal address spells the owner's name
_ADDRESS = re.compile(r"(?<![\w.+-])([a-z]{2,})[._]([a-z]{2,})\s*(?:@|\[at\]|\(at\)|\s(?:at|AT)\s)\s*[a-z0-9-]+(?:\.|\s*\[dot\]\s*|\s(?:dot|DOT)\s)[a-z]")
# local parts that name a role or a mailbox, not a person ("info.desk@", "contact_us@")
_MAILBOX_WORDS = {
    "info", "contact", "admin", "office", "support", "hello", "team", "lab", "dept", "department", "research", "jobs",
    "press", "media", "mail", "email", "webmaster", "noreply", "reply", "no", "first", "last", "name", "firstname",
    "lastname", "your", "my", "us", "help", "desk", "group", "center", "centre", "secretary", "events", "news",
}


def _address_owner(text: str) -> str | None:
    """The name a page's first personal e-mail address spells, or None (no address, a mailbox's, or two people's)."""
    found = {(a, b) for a, b in _ADDRESS.findall(text[:20000]) if a not in _MAILBOX_WORDS and b not in _MAILBOX_WORDS}
    if len(found) != 1:
        return None
    first, last = found.pop()
    return f"{first.title()} {last.title()}"
