"""Names in a table's column of people: the layout of member, author and speaker tables.

A header row that names a column of people ("Name", "Author", "Speaker", "Member")
makes each cell under it that holds a name-shaped run a person, whatever the model
calls it ("Lena Ortiz | Quillon Labs" is often one organisation to it). A cell may add
an affiliation after a comma or in parentheses. A table without such a header, or a
cell that is not a name, yields nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..relations.lexicon import words
from .names import looks_like_name

_ROW = re.compile(r"^[^\n|]*\|[^\n]*$", re.M)
_CELL = re.compile(r"[^|]+")
_MARKS = " \t*_:"
_NAME_END = re.compile(r"[ \t]*(?:$|[,(]|[ \t][-–—][ \t])")


@lru_cache(maxsize=1)
def _people_columns() -> frozenset[str]:
    return frozenset(words()["person_columns"])


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each cell of a row, trimmed of spaces and emphasis marks."""
    out = []
    for m in _CELL.finditer(text, start, end):
        s, e = m.start(), m.end()
        while s < e and text[s] in _MARKS:
            s += 1
        while e > s and text[e - 1] in _MARKS:
            e -= 1
        out.append((s, e))
    return out


def _tables(text: str) -> Iterator[list[tuple[int, int]]]:
    """Runs of consecutive table rows, each row as (start, end)."""
    block: list[tuple[int, int]] = []
    for m in _ROW.finditer(text):
        if block and "\n\n" in text[block[-1][1] : m.start()]:  # (a line without bars inside is a wrapped cell's rest)
            yield block
            block = []
        block.append((m.start(), m.end()))
    if block:
        yield block


def column_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each name that opens a cell of a column of people."""
    if "|" not in text:
        return []
    out = []
    for rows in _tables(text):
        header = _cells(text, *rows[0])
        columns = {k for k, (s, e) in enumerate(header) if any(w.strip() in _people_columns() for w in text[s:e].lower().split("/"))}  # "PI/Supervisor"
        if not columns:
            continue
        for row in rows[1:]:
            cells = _cells(text, *row)
            for k in sorted(columns):
                if k >= len(cells):
                    continue
                s, e = cells[k]
                cut = _NAME_END.search(text, s, e)
                name_end = cut.start() if cut is not None else e
                name = text[s:name_end]
                if looks_like_name(name):
                    out.append((s, name_end, name))
    return out
