"""Expressions counted from the last explicit date in the text, not from the document date:
"seven years later", "the following spring", "the previous year", "that same year".

A biography or a story moves its own clock: "She joined in 2014. Two years later she
left" means 2016 whenever it was written. The scanner fills in the value once it knows
which explicit date came last; news text with no such date falls back on the document date.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.dates.candidate import Cand
from pipeline.dates.lexicon import SEA, SEASONS, alt, first
from pipeline.dates.patterns.durations import NUMW
from pipeline.dates.values import ago_value, num_value, rel_value

_UNITS = ["year", "month", "week", "day", "decade"]
KEYWORDS = {"later": ["later", "earlier", "afterwards"], "follow": ["following", "previous", "preceding", "same"], "that": ["that"]}
_LATER_BACK = re.compile(rf"(?<![\w-])(?P<n>{NUMW}|{first(['a', 'an', 'one'])})[\s-]+(?P<unit>{alt(_UNITS)})s?\s+\Z")
_FOLLOWING_FWD = re.compile(rf"(?P<dir>{first(KEYWORDS['follow'])})\s+(?P<unit>(?i:year|month|week|day)\b|{SEA})(?![\w-])")
_THE_BACK = re.compile(r"(?<![\w-])(?i:the)\s+\Z")
_THAT_FWD = re.compile(rf"(?i:that)\s+(?:(?i:same)\s+)?(?P<unit>(?i:year)\b|{SEA})(?![\w-])")
_LATER_THAT_BACK = re.compile(r"(?<![\w-])(?i:later|earlier)\s+\Z")
_K = {"following": 1, "previous": -1, "preceding": -1, "same": 0}


def narrative(text: str, anchors: dict[str, list[int]], dct: date | None, out: list[Cand], timeml: bool) -> None:
    """Candidates whose value the scanner sets from the last explicit date (`Cand.shift`);
    the value given here is the document-date reading, used when the text has no such date."""
    for pos in anchors.get("later", ()):
        m = _LATER_BACK.search(text, max(0, pos - 40), pos)
        if m is None:
            continue
        word = text[pos : pos + 10].split()[0].lower().rstrip(".,;:")
        n = num_value(m.group("n")) if m.group("n").lower() not in ("a", "an", "one") else 1.0
        if n is None or n != int(n) or word not in KEYWORDS["later"]:
            continue
        unit = m.group("unit").lower()
        k = -int(n) if word == "earlier" else int(n)
        if timeml and k == -1 and unit == "year" and m.group("n").lower() in ("a", "an"):
            continue  # news's "a year earlier" is the same quarter a year before (timeml.py)
        fallback = ago_value(-k, unit, dct) if dct and timeml else None
        out.append(Cand(m.start(), pos + len(word), fallback, prio=2, shift=(k, unit)))
    for pos in anchors.get("follow", ()):
        m = _FOLLOWING_FWD.match(text, pos)
        the = _THE_BACK.search(text, max(0, pos - 5), pos) if m else None
        if the is None:
            continue
        unit = m.group("unit").lower()
        d = m.group("dir").lower()
        if unit in ("week", "day") and d == "same":
            continue
        fallback = rel_value({"following": "next", "same": "this"}.get(d, "last"), unit, dct) if dct and timeml and unit in ("year", "month", *SEASONS) else None
        out.append(Cand(the.start(), m.end(), fallback, prio=2, shift=(_K[d], unit)))
    for pos in anchors.get("that", ()):
        m = _THAT_FWD.match(text, pos)
        if m is None:
            continue
        b = _LATER_THAT_BACK.search(text, max(0, pos - 9), pos)
        out.append(Cand(b.start() if b else pos, m.end(), None, prio=2, shift=(0, m.group("unit").lower())))
