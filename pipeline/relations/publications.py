"""author_of from the owner's publication list and from "our paper <title>" news lines.

A paper entry is a title line (bold, quoted, or followed by its author line)
plus up to three following lines that name authors and the venue.
"""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from . import stage
from .base import Candidate, Line, lines, subject_arg, text_arg, ents_starting_in, text_of

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


@stage("publications.list")
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
        venue_ents = [e for ln in context for e in ents_starting_in(doc, ln.start, ln.end, ("VENUE",)) if not (span[0] <= e.start_char < span[1])]
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


@stage("publications.news")
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
        venues = ents_starting_in(doc, line.start + m.end(), line.end, ("VENUE",))
        if venues:
            q["venue"] = venues[0].text
        yield Candidate("author_of", subj, title, (line.start, line.end), "publications.news_our_paper", 0.8, q)
