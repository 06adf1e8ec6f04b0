"""author_of (and published_in) from the owner's publication list, "our paper <title>" news lines, and prose.

A paper entry is a title line (bold, quoted, or followed by its author line)
plus up to three following lines that name authors and the venue.
"""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from ..coref import Coref
from .base import Arg, Candidate, Line, all_ents, lines, subject_arg, text_arg, text_of
from .registry import RelationSpec, doc_rule, relation, sentence_rule
from .toolkit import Sent, State, cand, clause_subject, date_after, leading_date, negated, subj_arg

SPEC = relation(RelationSpec("author_of", ("PERSON",), ("WORK",), ("venue", "date", "role")))
PUBLISHED_IN = relation(RelationSpec("published_in", ("WORK",), ("VENUE",), ("date",)))

_MARK = r"[*†‡#§¶✉]|\\\*|\^\S+|\d"
_NAME = re.compile(rf"^(?:{_MARK})*\s*[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){{0,3}}\s*(?:{_MARK}|\(.{{0,20}}\))*$")
_QUOTED = re.compile(r"[\"“”]([^\"“”]{12,300})[\"“”]")
_SENTENCE_START = re.compile(r"^(?:we|our|this|in this|the proposed|a |an |it |they|i )", re.I)
_NEWS_PAPER = re.compile(r"\b(?:our|my)\s+(?:\w+\s+){0,2}(?:paper|work|article|study)\b", re.I)


def is_author_line(text: str) -> bool:
    t = re.sub(r"\s*(?:,|\band\b|&)\s*", ",", text.strip().rstrip("."))
    parts = [p for p in t.split(",") if p.strip()]
    if len(parts) < 2:
        return False
    good = sum(1 for p in parts if _NAME.match(p.strip()) and len(p.split()) <= 4)
    return good >= max(2, int(0.7 * len(parts)))


def name_variants(full: str) -> list[re.Pattern[str]]:
    words = full.split()
    if len(words) < 2:
        return [re.compile(rf"\b{re.escape(full)}\b")]
    first, last = words[0], words[-1]
    forms = {full, f"{first} {last}", f"{last} {first}", f"{first[0]}. {last}", f"{last}, {first}", f"{last} {''.join(w for w in words[:-1])}"}
    return [re.compile(rf"(?<![\w]){re.escape(f)}(?![\w])", re.I) for f in forms]


def owner_in(text: str, variants: list[re.Pattern[str]]) -> re.Match[str] | None:
    for v in variants:
        m = v.search(text)
        if m:
            return m
    return None


def _title_span(doc: Doc, line: Line) -> tuple[int, int] | None:
    clean = doc._.clean
    bolds = [(s, e) for s, e in (getattr(clean, "bold", []) or []) if line.start <= s and e <= line.end]
    for s, e in bolds:
        t = text_of(doc)[s:e].strip(" .,:")
        if len(t.split()) >= 3 and not is_author_line(t):
            return s, e
    m = _QUOTED.search(line.text)
    if m and len(m.group(1).split()) >= 3:
        return line.start + m.start(1), line.start + m.end(1)
    # "- [Title](url), Authors, Venue, 2024": a link opening a list item is the paper's title
    for s, e, _href in getattr(clean, "links", []) or []:
        if line.start <= s <= line.start + 3 and e <= line.end and len(text_of(doc)[s:e].split()) >= 4:
            return s, e
    return None


def _looks_like_title(text: str) -> bool:
    t = text.strip()
    if t.startswith("- ") or len(t.split()) < 3 or len(t.split()) > 40:
        return False
    if t.endswith(".") and not t.endswith("et al."):
        return False
    return t[:1].isupper() and not _SENTENCE_START.match(t) and not is_author_line(t)


@doc_rule("author_of", "publications.list", order=40)
def publication_list(doc: Doc) -> Iterator[Candidate]:
    subj = subject_arg(doc)
    if subj is None:
        return
    variants = name_variants(subj.canonical or subj.text)
    pub_lines = list(lines(doc, {"publications"}))
    for i, line in enumerate(pub_lines):
        following = pub_lines[i + 1 : i + 4]
        span = _title_span(doc, line)
        rule = "publications.bold_title"
        if span is None:
            nxt = following[0] if following else None
            if nxt is None or not _looks_like_title(line.text) or nxt.text.startswith("- ") and not is_author_line(nxt.text.lstrip("- ")):
                continue
            span = (line.start, line.end)
            rule = "publications.title_line"
        title = text_arg(doc, span[0], span[1], "WORK")
        if not title.text or is_author_line(title.text) or owner_in(title.text, variants) and len(title.text.split()) <= 4:
            continue
        context = [line] + following
        q: dict[str, str] = {}
        authors = next((ln for ln in context if is_author_line(re.sub(r"^- ", "", ln.text)) or owner_in(ln.text, variants) and ln is not line), None)
        if authors is not None:
            names = re.sub(r"^- ", "", authors.text)
            m = owner_in(names, variants)
            if m and m.start() <= 2 and not re.match(r"\s*(?:[*†‡#]|\\\*)", names[m.end() :]):
                q["role"] = "first author"
        venue_ents = [e for ln in context for e in all_ents(doc) if e.label_ == "VENUE" and ln.start <= e.start_char < ln.end and not (span[0] <= e.start_char < span[1])]
        if venue_ents:
            v = venue_ents[0]
            q["venue"] = v.text
            year = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)|'(\d\d)\b", text_of(doc)[v.end_char : v.end_char + 12])
            if year:
                q["date"] = year.group(1) or f"20{year.group(2)}"
        if "date" not in q:
            trailing = re.search(r"[,(]\s*((?:19|20)\d\d)\)?\.?\s*$", line.text)
            if trailing and rule == "publications.bold_title":
                q["date"] = trailing.group(1)
        ev_end = max(ln.end for ln in context[: 1 + (context.index(authors) if authors in context else 0)])
        yield Candidate("author_of", subj, title, (line.start, ev_end), rule, 0.85 if rule == "publications.bold_title" else 0.7, q)


@doc_rule("author_of", "publications.news", order=41)
def news_papers(doc: Doc) -> Iterator[Candidate]:
    subj = subject_arg(doc)
    if subj is None:
        return
    for line in lines(doc):
        if line.section == "publications" or not _NEWS_PAPER.search(line.text):
            continue
        m = _QUOTED.search(line.text)
        if not m or len(m.group(1).split()) < 3:
            continue
        title = text_arg(doc, line.start + m.start(1), line.start + m.end(1), "WORK")
        q: dict[str, str] = {}
        venues = [e for e in all_ents(doc) if e.label_ == "VENUE" and line.start <= e.start_char < line.end and e.start_char >= line.start + m.end()]
        if venues:
            q["venue"] = venues[0].text
        yield Candidate("author_of", subj, title, (line.start, line.end), "publications.news_our_paper", 0.8, q)


# ---------------------------------------------------------------- prose

# ---------------------------------------------------------------- author_of

_TITLED = re.compile(r"\b(?:published|wrote|authored|presented|released)\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+)?(?:paper|article|book|preprint|study)\s+(?:titled|entitled|called|named)\s+[“\"'‘](?P<title>[^”\"’]{5,250})[”\"'’]")
_ON_VENUE = re.compile(r"\s*(?:on|in|at)\s+(?P<venue>(?=[\w-]*[A-Z])[A-Za-z][\w-]*(?:\s+\d{4})?)")
_ROLE = re.compile(r"\bas\s+(?:the\s+|a\s+)?(?P<role>first|corresponding|last|senior|co-first)\s+author\b")
_AFTER_JOIN = re.compile(r"\b(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+(?P<unit>months?|years?|weeks?)\s+after\s+(?:joining|(?:she|he|I)\s+joined)\b", re.I)
_NUM = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}


def _shift(value: str, n: int, unit: str) -> str | None:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-\d{2})?", value)
    if not m:
        return None
    y = int(m.group(1))
    if unit.startswith("year"):
        return f"{y + n}" + (f"-{m.group(2)}" if m.group(2) else "")
    if not m.group(2) or unit.startswith("week"):
        return None
    mm = int(m.group(2)) - 1 + n
    return f"{y + mm // 12}-{mm % 12 + 1:02d}"


@sentence_rule("author_of", "authorship.prose", triggers=["author"], order=190)
def authored(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    for m in _TITLED.finditer(text, sent.start, sent.end):
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        s, e = m.span("title")
        title = re.sub(r"\s*-\s*", "-", text[s:e]).strip()
        q: dict[str, str] = {}
        v = _ON_VENUE.match(text, m.end(), sent.end)
        if v:
            q["venue"] = v.group("venue")
        r = _ROLE.search(text, m.end(), sent.end)
        if r:
            q["role"] = r.group("role") + " author"
        d = leading_date(sent) or date_after(sent, m.end(), 30)
        if d is not None and d.value and "/" not in d.value:
            q["date"] = d.value
        else:
            aj = _AFTER_JOIN.search(text, sent.start, m.start())
            anchor = st.join_dates.get(ref.person.canonical)
            if aj and anchor:
                n = int(aj.group("n")) if aj.group("n").isdigit() else _NUM[aj.group("n").lower()]
                val = _shift(anchor[0], n, aj.group("unit").lower())
                if val:
                    q["date"] = val
        yield cand("author_of", subj_arg(sent, ref), Arg(text[s:e], "WORK", title, s, e), sent, "prose.author_titled", q)


# "published the paper T in 1998", "wrote the book T", "is the author of T", "for his thesis T";
# co-authors named with "together with A, B and C"
_WORK_VERB = re.compile(
    r"\b(?:published|publishes|wrote|writes|authored|co-?authored|co-?wrote|(?:is|was)\s+(?:also\s+)?the\s+(?:co-?)?author\s+of|(?:his|her|their)\s+(?:doctoral\s+|PhD\s+|Ph\.D\.\s+|master['’]s\s+)?(?:thesis|dissertation))"
    r"\s*(?:,\s*)?(?:(?:the|a|an|his|her|their)\s+)?(?:(?:best-?selling|popular|influential|seminal|widely\s+used|first|second|new)\s+)?"
    r"(?:(?P<kind>book|paper|article|textbook|monograph|thesis|dissertation|report|novel)\s*(?:,\s*)?)?(?:(?:titled|entitled|called|on)\s+)?(?=[“\"‘'A-Z])"
)
_QUOTED_TITLE = re.compile(r"[“\"‘']([^”\"’']{5,250})[”\"’']")
_TITLE_RUN = re.compile(r"[A-Z][^.;()]*?(?=\s+(?:in|with|for|at|on)\s+(?:19|20)\d\d\b|\s*\((?:19|20)\d\d\)|,\s+(?:which|a|an|the|and|with|published|co-?authored|together)\b|[.;](?:\s|$)|$)")
_WITH = re.compile(r"\b(?:together\s+with|along\s+with|jointly\s+with|with)\s+")


def _work_title(sent: Sent, pos: int) -> tuple[int, int] | None:
    text = text_of(sent.doc)
    q = _QUOTED_TITLE.match(text, pos, sent.end)
    if q:
        return q.span(1)
    r = _TITLE_RUN.match(text, pos, sent.end)
    if r is None:
        return None
    t = r.group().rstrip(" ,:")
    if len(t.split()) < 3 or any(e.label_ in ("PERSON", "GPE") and e.start_char == pos and e.end_char >= pos + len(t) for e in sent.ents):
        return None  # a title has several words and is not just a name
    return pos, pos + len(t)


@sentence_rule("author_of", "authorship.works", triggers=["author"], order=191)
def works(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    for m in _WORK_VERB.finditer(text, sent.start, sent.end):
        span = _work_title(sent, m.end())
        if span is None:
            continue
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        s, e = span
        title = re.sub(r"\s*-\s*", "-", text[s:e]).strip()
        q: dict[str, str] = {}
        d = date_after(sent, e + (1 if text[e : e + 1] in "”\"’'" else 0), 12) or leading_date(sent)
        if d is None and re.search(r"thesis|dissertation", m.group()):
            years = [x for x in sent.dates if x.value and "/" not in x.value]
            d = years[0] if len(years) == 1 else None  # "received his PhD in 1988 for his thesis T"
        if d is not None and d.value and "/" not in d.value:
            q["date"] = d.value[:4] if re.match(r"\d{4}-\d\d-\d\d$", d.value) is None else d.value
        r = _ROLE.search(text, e, sent.end)
        if r:
            q["role"] = r.group("role") + " author"
        work = Arg(text[s:e], "WORK", title, s, e)
        yield cand("author_of", subj_arg(sent, ref), work, sent, "prose.author_work", q)
        # "P, together with A, B and C, published ...": each co-author
        w = _WITH.search(text, max(sent.start, ref.end), m.start())
        if w is not None:
            for other in co.mentions_in(w.end(), m.start()):
                if other.person.canonical != ref.person.canonical:
                    who = Arg(text[other.start : other.end], "PERSON", other.person.canonical, other.start, other.end)
                    yield cand("author_of", who, work, sent, "prose.author_work", q)
