"""Hard-wrapped paragraphs become one line: a plain-text bio or talk announcement wrapped at a
fixed width breaks its sentences across lines, and every later stage takes a line break for the
end of a sentence ("... a Research Assistant Professor in the Computer" / "Science Department
at USC").

A run of prose lines is a wrapped paragraph when every line but the last is long (a wrap width)
and most breaks fall inside a sentence: after a comma or a function word, or before a word in
lower case. A list of short entries, an address card or a CV's dated lines never is: their lines
are short, or their breaks end phrases. Each joined break becomes one space, so offsets stay.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from .rewrite import Edit

MIN_WIDTH = 40  # a wrapped line is at least this long; entries, names and addresses are shorter
_FUNCTION_END = re.compile(
    r"(?:,|\b(?:the|a|an|of|and|or|in|at|on|to|for|with|from|by|as|his|her|their|its|our|my|is|was|are|were|has|have|that|which|who))$",
    re.I,
)
_NOT_PROSE = re.compile(r"^\s*(?:[-*+•|>#]|\d+[.)]\s|(?:19|20)\d\d\b)")


def _mid_sentence(line: str, nxt: str) -> bool:
    """Whether the break between two lines falls inside a sentence."""
    return _FUNCTION_END.search(line.rstrip()) is not None or nxt.lstrip()[:1].islower()


def _paragraphs(text: str, fixed: set[int]) -> Iterator[list[tuple[int, int]]]:
    """Runs of consecutive non-blank lines as (start, end) pairs, cut at any line in `fixed`."""
    run: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        if not raw.strip() or start in fixed or _NOT_PROSE.match(raw):
            if len(run) >= 2:
                yield run
            run = []
            continue
        run.append((start, end))
    if len(run) >= 2:
        yield run


def unwrap_edits(text: str, fixed: Iterable[int] = ()) -> Iterator[Edit]:
    """Edits that turn the line breaks of hard-wrapped paragraphs into spaces; lines starting at
    an offset in `fixed` (headings, list items) are never joined."""
    fixed = set(fixed)
    for run in _paragraphs(text, fixed):
        lines = [text[s:e] for s, e in run]
        if any(len(ln.strip()) < MIN_WIDTH for ln in lines[:-1]):
            continue
        inside = sum(_mid_sentence(a, b) for a, b in zip(lines, lines[1:]))
        if 2 * inside < len(lines) - 1:
            continue
        for _, e in run[:-1]:
            yield e, e + 1, " "
