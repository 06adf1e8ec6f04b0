"""Relative expressions resolved against the document date: "last year", "next month",
"three weeks ago", "yesterday", "on Friday", and the news forms of TimeML mode
("the weekend", "a year earlier", a bare "March").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.dates.candidate import Cand, matches
from pipeline.dates.lexicon import (
    MON,
    MONTHS,
    NUM,
    NUMBERS,
    SEA,
    WEEKDAYS,
    WKD,
    first,
)
from pipeline.dates.patterns.durations import APPROX_BACK
from pipeline.dates.values import (
    ago_value,
    future_context,
    num_of,
    rel_value,
    weekday_value,
)

DIRS = ["last", "this", "next", "coming", "previous", "following", "current", "past"]
_REL_RE = re.compile(
    rf"(?P<dir>{first(DIRS)})\s+(?P<unit>(?i:year|month|week|quarter|weekend)\b|{SEA}|{WKD}|{MON})(?![\w-])"
)
REL_MOD_BACK = re.compile(r"(?i:(?:early|late|mid|earlier|later)(?:\s*-\s*|\s+)|(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of\s+)\Z")
_THE_BACK_RE = re.compile(r"(?i:\bthe\s+)\Z")
_AGO_BACK_RE = re.compile(rf"(?P<n>{NUM})\s*(?P<unit>(?i:years?|months?|weeks?|days?|decades?))\s+\Z")
_DAYWORD_RE = re.compile(rf"(?P<w>{first(['yesterday', 'tomorrow', 'today', 'tonight'])})\b")
_WEEKDAY_RE = re.compile(rf"(?<![\w-])(?P<w>{first(WEEKDAYS)})(?![\w-])(?!,?\s+(?:{MON}|\d))")
_WEEKDAY_BACK = re.compile(r"(?i:\b(?P<dir>last|next|this|on)\s+)\Z")


_NEWS_VERB_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:[a-z]+ed|said|says|announces|unveils|launches|reports|named|made|won|became|began|took)\b")
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[\n.!?]|\s[-–—]+)[\s*_]*\Z")


def _today_is_date(text: str, m: re.Match) -> bool:
    """In the project's mentions, "today" is the release's day ("X today announced", "Today, X...")
    and not the "nowadays" of "where they are today" or "today's AI"."""
    if text[m.end() : m.end() + 1] in "'’":
        return False
    if _NEWS_VERB_AFTER.match(text, m.end()):
        return True
    return m.group("w")[0] == "T" and bool(_SENTENCE_START_BEFORE.search(text, max(0, m.start() - 6), m.start()))


YEAR_END_KEYWORDS = {"yearend": ["end", "beginning", "start", "middle"], "year": ["year"]}
_YEAR_END_FWD = re.compile(r"(?i:end|beginning|start|middle)\s+of\s+(?:(?i:the|this)\s+)?(?i:year)(?![\w-])")
_YEAR_END_WORD = re.compile(r"(?i:year)(?:-end|\s+end|['’]s\s+end)(?![\w-])")


def year_ends(text: str, anchors: dict[str, list[int]], dct: date | None, out: list[Cand], timeml: bool) -> None:
    """"By the end of year", "the beginning of the year", "by year-end": the document date's year."""
    if dct is None:
        return
    for pos in anchors.get("yearend", ()):
        m = _YEAR_END_FWD.match(text, pos)
        if m:
            the = _THE_BACK_RE.search(text, max(0, pos - 6), pos)
            out.append(Cand(the.start() if the else pos, m.end(), f"{dct.year:04d}", prio=1))
    if not timeml:
        return  # "the year-end review" in a biography is no date of a fact
    for pos in anchors.get("year", ()):
        m = _YEAR_END_WORD.match(text, pos)
        if m and not (pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] == "-")):
            out.append(Cand(pos, m.end(), f"{dct.year:04d}", prio=1))


WEEKEND_RE = re.compile(rf"(?<![\w-]){first(['the weekend'])}(?![\w-])")
YEAR_AGO_RE = re.compile(rf"(?<![\w-])(?P<w>{first(['year-earlier', 'year-ago', 'a year earlier', 'a year ago', 'year earlier'])})(?![\w-])")
MONTH_ALONE_RE = re.compile(rf"(?<!\w)(?P<m>{first([m for m in MONTHS if len(m) > 3] + ['jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec'])})(?![\w-])")


def relatives(text: str, anchors: dict[str, list[int]], dct: date | None, out: list[Cand], timeml: bool) -> None:
    if dct is None and not timeml:
        return
    for m in matches(_REL_RE, text, anchors.get("dir", [])):
        s = m.start()
        d = m.group("dir").lower()
        unit = m.group("unit")
        the = _THE_BACK_RE.search(text, max(0, s - 6), s)
        if the and not re.fullmatch(r"(?i:year|month|week|quarter)", unit):
            continue
        if d == "past" and not (the and timeml):
            continue  # "the past year" is a stretch of time, not a date
        if d == "this" and the:
            continue
        if re.fullmatch(MON, unit) and not unit[0].isupper():
            continue
        if the and re.match(r"\s+(?i:or|and)\b", text[m.end() : m.end() + 5]):
            continue
        v = rel_value(d, unit, dct) if dct else None
        if v is None and not timeml:
            continue
        if the:
            s = the.start()
        b = REL_MOD_BACK.search(text, max(0, s - 30), s)
        out.append(Cand(b.start() if b else s, m.end(), v, prio=1))
    for pos in anchors.get("ago", []):
        m = _AGO_BACK_RE.search(text, max(0, pos - 40), pos)
        if m is None or (m.start() > 0 and text[m.start() - 1].isalnum()):
            continue
        n = num_of(m.group("n"))
        if n is None:
            if timeml and m.group("n").lower() in NUMBERS:
                out.append(Cand(m.start(), pos + 3, "PAST_REF", prio=1))  # "several years ago"
            continue
        v = ago_value(n, m.group("unit"), dct) if dct else None
        if v is None and not timeml:
            continue
        approx = APPROX_BACK.search(text, max(0, m.start() - 20), m.start()) if timeml else None
        out.append(Cand(approx.start() if approx else m.start(), pos + 3, v, prio=1))
    for m in matches(_DAYWORD_RE, text, anchors.get("dayword", [])):
        w = m.group("w").lower()
        if not timeml and (w == "tonight" or (w == "today" and not _today_is_date(text, m))):
            continue
        if not dct:
            out.append(Cand(m.start(), m.end(), None, prio=1))
            continue
        k = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[w]
        out.append(Cand(m.start(), m.end(), (dct + timedelta(days=k)).isoformat(), prio=1))
    for m in matches(_WEEKDAY_RE, text, anchors.get("weekday", [])):
        if not m.group("w")[0].isupper():
            continue
        b = _WEEKDAY_BACK.search(text, max(0, m.start() - 10), m.start())
        d = b.group("dir").lower() if b else ""
        start = b.start() if b and d != "on" and (timeml or d in ("last", "next", "this")) else m.start()
        if not dct:
            if timeml:
                out.append(Cand(start, m.end(), None, prio=1))
            continue
        k = {"last": -1, "next": 1}.get(d, 0)
        v = weekday_value(WEEKDAYS[m.group("w").lower()], dct, k, future=future_context(text, m.start(), strict=True))
        out.append(Cand(start, m.end(), v, prio=1))
