"""Sections of a cleaned page: where Education, Experience, Publications ... start and end.

Found once per document by the cleaning stage from headings and short standalone
lines; every later stage that asks "which section is this position in" uses
`section_at`, a binary search over these.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import regex

from .config import PATTERNS_DIR


def _jsonl(name: str) -> list[dict]:
    with open(PATTERNS_DIR / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@dataclass
class Section:
    name: str
    heading: str
    start: int
    end: int
    level: int = 1
    heading_end: int = -1  # end of the heading line (start + len(heading))




class SectionIndex:
    """Which section a position is in, by binary search over the section starts.

    Sections come in document order and never overlap (each ends where the next
    begins, or at a heading of a higher level), so one start list answers for all.
    """

    def __init__(self, sections: Iterable[Section]) -> None:
        self.sections = list(sections)
        self.starts = [s.start for s in self.sections]

    def at(self, pos: int) -> Section | None:
        k = bisect_right(self.starts, pos) - 1
        if k >= 0 and pos < self.sections[k].end:
            return self.sections[k]
        return None

    def touching(self, start: int, end: int) -> list[Section]:
        """The sections that share a character with [start, end)."""
        lo = max(0, bisect_right(self.starts, start) - 1)
        return [s for s in self.sections[lo : bisect_left(self.starts, end)] if s.end > start]


def section_index(clean: object) -> SectionIndex:
    """The index of the sections of a cleaned text (anything with `.sections`), built once and kept on it."""
    sections = getattr(clean, "sections", None) or []
    idx = getattr(clean, "_section_index", None)
    if idx is None or idx.sections != sections:
        idx = SectionIndex(sections)
        try:
            setattr(clean, "_section_index", idx)
        except AttributeError:  # an object that takes no attributes: the index is simply not kept
            pass
    return idx


def section_at(sections: list[Section], pos: int) -> Section | None:
    """The section whose span holds clean-text position `pos`."""
    starts = [s.start for s in sections]
    k = bisect_right(starts, pos) - 1
    if k >= 0 and sections[k].start <= pos < sections[k].end:
        return sections[k]
    return None



@lru_cache(maxsize=1)
def _column_vocab() -> dict[str, str]:
    """Table column name -> section name ("Position" -> experience, "Degree" -> education)."""
    return {w.lower(): row["name"] for row in _jsonl("sections.jsonl") for w in row.get("columns", ())}


def column_section(line: str) -> str | None:
    """The section a table's header row names by its columns ("Year | Position | Institution"), or None.

    Every cell is a short label without digits, and the known column names agree on one section."""
    cells = [c.strip().lower() for c in line.split(" | ")]
    if len(cells) < 2 or any(not c or len(c.split()) > 3 or any(ch.isdigit() for ch in c) for c in cells):
        return None
    cols = _column_vocab()
    names = {cols[w] for c in cells for w in regex.findall(r"\w+", c) if w in cols}
    return names.pop() if len(names) == 1 else None


@lru_cache(maxsize=1)
def _section_vocab() -> tuple[dict[str, str], dict[str, str]]:
    """(whole heading phrase -> name, single keyword -> name)."""
    vocab: dict[str, str] = {}
    keywords: dict[str, str] = {}
    for row in _jsonl("sections.jsonl"):
        for p in row["phrases"]:
            vocab.setdefault(norm_heading(p), row["name"])
        for w in row.get("keywords", ()):
            keywords.setdefault(w.lower(), row["name"])
    return vocab, keywords


_HEAD_STRIP = regex.compile(r"^[\W\d_]+|[\W_]+$")
_MAX_HEADING_CHARS = 48


def norm_heading(s: str) -> str:
    s = _HEAD_STRIP.sub("", s.strip().lower())
    s = s.replace("&", " and ")
    return " ".join(s.split())


def section_name(line: str, keywords_ok: bool = True) -> str | None:
    """Canonical section name of a heading text, or None when it names no known section.

    The whole heading is looked up first ("Honors and Awards"); failing that,
    the first known keyword in it decides ("Experiences & Educations" -> experience).
    """
    if len(line) > _MAX_HEADING_CHARS:
        return None
    key = norm_heading(line)
    vocab, keywords = _section_vocab()
    if key in vocab:
        return vocab[key]
    for word in regex.findall(r"\w+", key) if keywords_ok else ():
        if word in keywords:
            return keywords[word]
    return None


_SHORT_LINE = re.compile(r"^[^\n]{1,%d}$" % _MAX_HEADING_CHARS, re.M)


def find_sections(
    text: str, headings: list[tuple[int, int, int]], bold: list[tuple[int, int]], links: list[tuple[int, int, str]]
) -> list[Section]:
    """Sections start at headings and at short standalone lines that name a section.

    A standalone line that is all one link is a navigation entry, not a heading.
    """
    heading_at = {a: (b, lvl) for a, b, lvl in headings}
    bold_at = {a: b for a, b in bold}
    link_at = {a: b for a, b, _ in links}
    starts: list[tuple[int, int, str, str, int]] = []  # (line start, heading end, name, heading, level)
    cur_level = 99
    n = len(text)
    candidates = sorted(set(heading_at) | {m.start() for m in _SHORT_LINE.finditer(text)})
    for pos in candidates:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        line = text[pos:end]
        h = heading_at.get(pos)
        is_bold = bold_at.get(pos, -1) >= end - 1
        # a heading by its type: marked up, bold, or a standalone line in capitals ("ACTIVITIES AND SERVICES")
        shouted = line.isupper() and _standalone(text, pos, end)
        name = section_name(line, keywords_ok=h is not None or is_bold or shouted) if line else None
        if h is not None and h[0] >= end - 1:
            level = h[1]
            if name is not None or level <= cur_level:
                starts.append((pos, end, name or "other", line, level))
                cur_level = level
        elif name is not None and (is_bold or _standalone(text, pos, end)) and link_at.get(pos, -1) < end:
            level = 1 if cur_level == 99 else cur_level
            starts.append((pos, end, name, line, level))
            cur_level = level
        elif " | " in line and (col := column_section(line)) is not None and not (starts and starts[-1][2] == col):
            # a table whose header row names its columns is that section, as far as its rows go
            level = 1 if cur_level == 99 else cur_level
            starts.append((pos, end, col, line, level))
            after = _table_end(text, end)
            if after < n:
                starts.append((after, after, "other", "", level))
    # Text before the first heading belongs to no section (section_at gives None there).
    sections: list[Section] = []
    for k, (s, he, name, head, lvl) in enumerate(starts):
        e = starts[k + 1][0] if k + 1 < len(starts) else n
        sections.append(Section(name, head, s, e, lvl, he))
    return sections


def _table_end(text: str, pos: int) -> int:
    """Where the rows (lines with cell separators) after a header row at `pos` stop."""
    while pos < len(text):
        nl = text.find("\n", pos + 1)
        line_end = len(text) if nl < 0 else nl
        if " | " not in text[pos + 1 : line_end]:
            return pos + 1
        pos = line_end
    return len(text)


def _standalone(text: str, s: int, e: int) -> bool:
    """A short line that does not end like a sentence and reads as a heading."""
    line = text[s:e]
    if line.endswith((".", ",", ";")) or line.startswith("- "):
        return False
    return len(line.split()) <= 5

