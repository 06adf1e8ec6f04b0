"""What the pattern modules hand the scanner: candidate mentions and the point forms found before context checks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.dates.values import Val


@dataclass(slots=True)
class Cand:
    start: int
    end: int
    value: str | None
    type: str = "DATE"
    prio: int = 0
    year_back: bool = False  # "a year earlier": the same period a year before the last one mentioned
    anchor: str | None = None  # an explicit date's value, which later narrative forms count from
    shift: tuple[int, str] | None = None  # "two years later": (2, "year") from the last anchor before it


@dataclass(slots=True)
class Point:
    """A point form found in the text, before context checks (ranges use these)."""

    start: int  # including accepted leading words
    core: int  # where the form itself starts
    end: int
    val: Val
    name: str
    strict: bool


def around(rx: re.Pattern, text: str, needle: re.Pattern, back: int = 48, ahead: int = 16):
    """Matches of `rx` that contain a match of `needle`: a cheap literal scan finds the few places
    a costly pattern can match, and the pattern runs only there."""
    last = -1
    for n in needle.finditer(text):
        if n.start() < last:
            continue
        for m in rx.finditer(text, max(0, n.start() - back), min(len(text), n.end() + ahead)):
            if m.start() <= n.start() < m.end() and m.end() <= n.end() + ahead - 1:
                last = m.end()
                yield m
                break


def matches(rx: re.Pattern, text: str, positions: list[int]):
    for pos in positions:
        m = rx.match(text, pos)
        if m is not None:
            yield m
