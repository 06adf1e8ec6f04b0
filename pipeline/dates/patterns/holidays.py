"""Holidays: "Thanksgiving Day", "last Christmas", "Easter 1998", "Election Day".

The dates are computed (fixed days, nth weekdays, Easter), and the year comes from
the document date and the tense like a bare month's.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.dates.candidate import Cand
from pipeline.dates.lexicon import HOLIDAYS, Y4, first
from pipeline.dates.values import future_context, holiday_date, holiday_value

_NAMES = "|".join(re.escape(w).replace("'", "['’]").replace(r"\ ", r"\s+") for w in sorted(HOLIDAYS, key=len, reverse=True))
_HOLIDAY_RE = re.compile(
    rf"(?<![\w-])(?:(?P<dir>{first(['last', 'next', 'this', 'this past', 'this coming'])})\s+)?(?P<h>(?i:{_NAMES}))(?![\w-])(?:,?\s+(?P<y>{Y4}))?"
)


def holidays(text: str, dct: date | None, out: list[Cand]) -> None:
    for m in _HOLIDAY_RE.finditer(text):
        w = re.sub(r"\s+", " ", m.group("h").lower()).replace("’", "'")
        if not m.group("h")[0].isupper() and not w.startswith("the "):
            continue  # "christmas" in lower case is rarely the day: "christmas shopping"
        spec = HOLIDAYS[w]
        if m.group("y"):
            out.append(Cand(m.start("h"), m.end(), holiday_date(spec, int(m.group("y"))).isoformat(), prio=2))
            continue
        if dct is None:
            continue
        d = (m.group("dir") or "").lower()
        k = {"last": -1, "this past": -1, "next": 1, "this coming": 1, "this": 0}.get(d)
        out.append(Cand(m.start(), m.end(), holiday_value(spec, dct, k, future_context(text, m.start())), prio=2))
