"""Ranges composed from the points found: "2020.09 - 2021.07", "from 1998 to 2000",
"2019 - present", "since 2019", "June 3-5, 2021", "2019–21".
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.dates.candidate import Cand, Point, matches
from pipeline.dates.lexicon import (
    DASH,
    DAY,
    MON,
    MON_F,
    OPEN,
    Y4,
    YR,
    day_of,
    month_of,
    year_of,
)
from pipeline.dates.patterns.absolute import group
from pipeline.dates.values import Val, fill_year, resolve_yearless, ymd

_SEP_RE = re.compile(rf"[ \t]*(?:{DASH}|(?i:to|until|till|through|thru|and)\b)[ \t]*")
_OPEN_RE = re.compile(rf"\({OPEN}\)|{OPEN}")
_OPEN_END_RE = re.compile(rf"[ \t]*{DASH}[ \t]*(?=[)\]|,;*<\n）】，；]|\Z)")
_PRE_RANGE_RE = re.compile(r"(?i:\b(from|between|since|during|in)\s+)\Z")
_SINCE_BACK_RE = re.compile(r"(?i:\b(?:since|starting(?:\s+in|\s+from)?)\s+)\Z")
_DAY_RANGE_RES = [
    re.compile(rf"(?P<m>{MON_F})\s*(?P<d1>{DAY})\s*(?:{DASH}|(?i:to|and))\s*(?:(?P<m2>{MON})\s*)?(?P<d2>{DAY}),?\s*(?P<y>{YR})"),
    re.compile(rf"(?P<e1>{DAY})\s*(?:{DASH}|(?i:to|and))\s*(?P<e2>{DAY})\s+(?i:of\s+)?(?P<n>{MON}),?\s*(?P<z>{YR})"),
]
_YY_RANGE_RE = re.compile(rf"(?<![\w.])(?P<y>{Y4})\s*(?P<s>–|—|-|/)\s*(?P<yy>\d\d)(?![\d.\w])")
_DECADE_RANGE_RE = re.compile(r"(?<![\w.])(?P<a>(?:1[0-9]|20)\d0)(?:['’]?s)?\s*(?:–|—|-|to)\s*['’]?(?P<b>\d0)['’]?s\b")
_SHORT_YM = r"\d\d\.(?:0[1-9]|1[0-2])"
_SHORT_YM_RANGE_RE = re.compile(rf"(?<![\w.])(?P<L>{_SHORT_YM})\s*{DASH}\s*(?:(?P<R>{_SHORT_YM})(?![\d.])|(?P<open>{OPEN}))")


def _range_value(left: Val, right: Val | None, dct: date | None) -> str | None:
    if right is None:
        left2 = resolve_yearless(left, dct)
        return f"{left2.value}/present" if left2 else None
    if left.yearless and not right.yearless:
        left = fill_year(left, right.value[:4])
    if right.yearless and not left.yearless:
        right = fill_year(right, left.value[:4])
    left2, right2 = resolve_yearless(left, dct), resolve_yearless(right, dct)
    if not left2 or not right2:
        return None
    if left2.value[:4].isdigit() and right2.value[:4].isdigit() and left2.value[:4] > right2.value[:4]:
        return None
    return f"{left2.value}/{right2.value}"


_SEP_FIRST = " \t-–—~－"
_RANGE_WORDS = ("from", "between", "since", "during", "in", "starting")


def _may_have_range_word(text: str, s: int) -> bool:
    return text[max(0, s - 12) : s].rstrip().lower().endswith(_RANGE_WORDS)


def ranges(text: str, pts: list[Point], anchors: dict[str, list[int]], dct: date | None, out: list[Cand]) -> None:
    by_start: dict[int, Point] = {}
    for p in pts:
        for k in (p.start, p.core):
            q = by_start.get(k)
            if q is None or p.end > q.end:
                by_start[k] = p
    tail_of: dict[int, int] = {}  # end -> earliest start of a point ending there
    for p in pts:
        tail_of[p.end] = min(p.start, tail_of.get(p.end, p.start))
    for L in pts:
        if tail_of[L.end] < L.start:
            continue  # the year of "June 2, 2021" does not start a range of its own
        has_word = _may_have_range_word(text, L.start)
        pre_m = _PRE_RANGE_RE.search(text, max(0, L.start - 10), L.start) if has_word else None
        pre = pre_m.group(1).lower() if pre_m else ""
        c = text[L.end : L.end + 1]
        sep = _SEP_RE.match(text, L.end) if c and (c in _SEP_FIRST or c.isalpha()) else None
        done = False
        if sep:
            word = sep.group(0).strip().lower()
            R = by_start.get(sep.end())
            right: Val | None = None
            end = -1
            if R is not None and not (word == "and" and pre != "between"):
                right, end = R.val, R.end
            else:
                o = _OPEN_RE.match(text, sep.end())
                if o and word not in ("and",) and not (len(L.val.value) == 10 and o.group(0).lower() == "today"):  # a dateline: "June 2, 2021 - Today, ..."
                    end = o.end()
            if end > 0 and not (L.name == "month" and (right is None or right.yearless)):
                v = _range_value(L.val, right, dct)
                if v is not None:
                    start = pre_m.start() if pre in ("from", "between", "since") else L.start
                    out.append(Cand(start, end, v, prio=3))
                    done = True
        if done or L.name == "month" or L.val.yearless:
            continue
        oe = _OPEN_END_RE.match(text, L.end)
        if oe:
            out.append(Cand(L.start, oe.end(), f"{L.val.value}/present", prio=2))
        sb = _SINCE_BACK_RE.search(text, max(0, L.start - 16), L.start) if has_word else None
        if sb:
            out.append(Cand(sb.start(), L.end, f"{L.val.value}/present", prio=2))
    for rx, kind in zip(_DAY_RANGE_RES, ("month", "d12")):
        for m in matches(rx, text, anchors.get(kind, [])):
            if group(m, "m"):
                y = year_of(m.group("y"))
                m1 = month_of(m.group("m"))
                m2 = month_of(m.group("m2")) if m.group("m2") else m1
                a, b = ymd(y, m1, day_of(m.group("d1"))), ymd(y, m2, day_of(m.group("d2")))
            else:
                if m.start() > 0 and text[m.start() - 1].isalnum():
                    continue
                y = year_of(m.group("z"))
                mo = month_of(m.group("n"))
                a, b = ymd(y, mo, day_of(m.group("e1"))), ymd(y, mo, day_of(m.group("e2")))
            if a and b and a <= b:
                out.append(Cand(m.start(), m.end(), f"{a}/{b}", prio=3))
    for m in matches(_DECADE_RANGE_RE, text, anchors["d4"]):
        a = int(m.group("a"))
        b = (a // 100) * 100 + int(m.group("b"))
        if b > a:
            out.append(Cand(m.start(), m.end(), f"{a // 10}X/{b // 10}X", prio=3))
    for m in matches(_YY_RANGE_RE, text, anchors["d4"]):
        y = int(m.group("y"))
        yy = int(m.group("yy"))
        if m.group("s") in "-/" and yy <= 12:
            continue  # 2019-05 / 2023/08 are year-months
        end_year = (y // 100) * 100 + yy
        if not 1900 <= y <= 2099 or end_year <= y or end_year - y > 20:
            continue
        out.append(Cand(m.start(), m.end(), f"{y:04d}/{end_year:04d}", prio=3))
    for m in matches(_SHORT_YM_RANGE_RE, text, anchors["d12"]):
        ly, lm = m.group("L").split(".")
        lv = f"{2000 + int(ly):04d}-{lm}"
        if m.group("open"):
            out.append(Cand(m.start(), m.end(), f"{lv}/present", prio=3))
        else:
            ry, rm = m.group("R").split(".")
            rv = f"{2000 + int(ry):04d}-{rm}"
            if rv >= lv:
                out.append(Cand(m.start(), m.end(), f"{lv}/{rv}", prio=3))
