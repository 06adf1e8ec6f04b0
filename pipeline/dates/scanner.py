"""The scanner: anchors, candidates from every pattern module, overlaps, and `extract_dates`.

For speed, one pass finds anchors (digit runs, and month, season, weekday... words via
a prefix-tree regex); each point form is tried only at anchors of its kind, ranges are
composed from the points found, and leading words ("the end of", "since", a weekday) are
attached by looking back from the core match. The longest candidate wins where
candidates overlap.
"""

from __future__ import annotations

import bisect
import re
from datetime import date

from pipeline.dates.candidate import Cand, Point
from pipeline.dates.lexicon import (
    DECADE_WORDS,
    MONTHS,
    ORDINALS,
    SEASONS,
    WEEKDAYS,
    first,
    month_of,
)
from pipeline.dates.patterns.absolute import BACK, BACK_TIMEML, BARE_MONTH_RE, POINT_RES
from pipeline.dates.patterns.false_positives import (
    masked_spans,
    overlaps_mask,
    year_context_ok,
)
from pipeline.dates.patterns.holidays import holidays
from pipeline.dates.patterns.narrative import KEYWORDS as NARRATIVE_KEYWORDS
from pipeline.dates.patterns.narrative import narrative
from pipeline.dates.patterns.ranges import ranges
from pipeline.dates.patterns.relative import (
    DIRS,
    YEAR_END_KEYWORDS,
    relatives,
    year_ends,
)
from pipeline.dates.timeml import timeml_forms
from pipeline.dates.values import (
    QUARTER_VALUE_RE,
    Val,
    future_context,
    resolve_yearless,
    shift_value,
)
from pipeline.schema import DateMention


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


_NUMERIC = frozenset(("ymd", "ymd8", "num_dmy", "ym", "num_my", "num_mdy2", "num_my2", "cjk_year"))


_KEYWORDS: dict[str, list[str]] = {}
for _kind, _words in (
    ("month", MONTHS),
    ("season", SEASONS),
    ("ord", list(ORDINALS) + ["latter", "last"]),
    ("decword", DECADE_WORDS),
    ("fiscal", ["fiscal", "fy"]),
    ("qh", ["q1", "q2", "q3", "q4", "h1", "h2"]),
    ("dir", DIRS),
    ("dayword", ["yesterday", "tomorrow", "today", "tonight"]),
    ("weekday", WEEKDAYS),
    ("ago", ["ago"]),
    *NARRATIVE_KEYWORDS.items(),
    *YEAR_END_KEYWORDS.items(),
):
    for _w in _words:
        _KEYWORDS.setdefault(_w, []).append(_kind)
_KEYWORD_RE = re.compile(rf"{first(_KEYWORDS)}(?![A-Za-z])")
_DIGITS_RE = re.compile(r"\d+")
_APOS_RE = re.compile(r"['’‘](?=\d)")


def _anchors(text: str, mask: list[tuple[int, int]]) -> dict[str, list[int]]:
    """Where each kind of form can start: digit runs by length, apostrophe years, keyword positions."""
    out: dict[str, list[int]] = {"d4": [], "d8": [], "d12": [], "apos": [m.start() for m in _APOS_RE.finditer(text)]}
    by_len = {1: out["d12"], 2: out["d12"], 4: out["d4"], 8: out["d8"]}
    j, nmask = 0, len(mask)
    for m in _DIGITS_RE.finditer(text):
        s, e = m.span()
        lst = by_len.get(e - s)
        if lst is None:
            continue
        while j < nmask and mask[j][1] <= s:
            j += 1
        if j < nmask and mask[j][0] < e:
            continue  # inside a URL, an address, an identifier
        if lst is not out["d4"] and s > 1 and text[s - 1] in "./" and text[s - 2].isdigit():
            continue  # the month or day part of 2023.08 / 05/03/2020, reached from its first number
        lst.append(s)
    for m in _KEYWORD_RE.finditer(text):
        s = m.start()
        if s > 0 and text[s - 1].isalnum() and not _is_cjk(text[s - 1]):
            continue
        for kind in _KEYWORDS.get(re.sub(r"\s+", " ", m.group(0).lower()), ()):
            out.setdefault(kind, []).append(s)
    return out


_PREFIX_ENDS = ("early", "mid", "middle", "late", "of", "the", "day", ",")


def _may_have_prefix(text: str, s: int) -> bool:
    """Cheap test before the look-back regexes: does a prefix word end right before `s`?"""
    return text[max(0, s - 10) : s].rstrip(" \t-").lower().endswith(_PREFIX_ENDS)


_BY_FOLLOW: dict[tuple[str, str], list] = {}


def _forms_for(kind: str, follow_char: str) -> list:
    """Point forms that can start at an anchor of `kind` followed by `follow_char` (memoized)."""
    key = (kind, follow_char)
    got = _BY_FOLLOW.get(key)
    if got is None:
        got = [r for r in POINT_RES if r[1] == kind and (r[5] is None or (follow_char != "" and follow_char in r[5]))]
        _BY_FOLLOW[key] = got
    return got


def _find_points(text: str, anchors: dict[str, list[int]], timeml: bool = False) -> list[Point]:
    pts: list[Point] = []
    backs = BACK_TIMEML if timeml else BACK
    n = len(text)
    for kind, positions in anchors.items():
        for pos in positions:
            if kind in ("d4", "d8", "d12"):
                k = pos + (4 if kind == "d4" else 8 if kind == "d8" else 1)
                if kind == "d12" and text[k : k + 1].isdigit():
                    k += 1
                fc = text[k : k + 1]
            else:
                fc = ""
            for name, _kind, rx, back, h, _f in _forms_for(kind, fc):
                m = rx.match(text, pos)
                if m is None:
                    continue
                s, e = m.start(), m.end()
                prev = text[s - 1] if s > 0 else ""
                if prev and not _is_cjk(prev):
                    if name in _NUMERIC:
                        if prev.isdigit() or prev in "./" or (prev == "-" and not text[s - 2 : s - 1].isspace()) or (prev.isalpha() and name != "ymd"):
                            continue
                    elif name not in ("yap", "year") and (prev.isalnum() or prev in "_./-") and not (name == "decade" and prev == "-"):
                        continue
                if e < n and text[e - 1].isalnum() and text[e].isalnum() and not _is_cjk(text[e]) and name != "decade":
                    continue
                if name == "century" and not timeml and re.search(r"-(?i:century)", m.group(0)):
                    continue  # "21st-century businesspeople": a compound adjective, no date of anything
                v = h(m, text)
                if v is None:
                    continue
                strict = True
                if name == "year":
                    strict = year_context_ok(text, s, e)
                    if not strict and prev.isalnum() or (e < n and text[e].isalpha()):
                        continue
                start = s
                if back is not None and _may_have_prefix(text, s):
                    if timeml and back is BACK["mod"] and name != "decade":  # TimeML keeps "the" of "the 1990s" only
                        back = backs["mod"]
                    b = back.search(text, max(0, s - 40), s)
                    if b:
                        start = b.start()
                pts.append(Point(start, s, e, v, name, strict))
    for s in anchors.get("month", ()):
        m = BARE_MONTH_RE.match(text, s)
        if m and m.group(0)[0].isupper():
            pts.append(Point(s, s, m.end(), Val(f"XXXX-{month_of(m.group(0)):02d}", True), "month", False))
    return pts


def _points(text: str, pts: list[Point], dct: date | None, out: list[Cand], timeml: bool) -> None:
    for p in pts:
        if not p.strict:
            continue
        v: Val | None = p.val
        if v.yearless:
            v = resolve_yearless(v, dct, future_context(text, p.start)) if dct or not timeml else v
            if v is None:
                continue
        out.append(Cand(p.start, p.end, v.value, prio=1))


_ABBREV_END = re.compile(r"\b(?i:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|[ap]\.m|etc|jr|st|co|inc)\.\Z")


def _select(cands: list[Cand]) -> list[Cand]:
    """Longest match wins; ties go to the richer form, then the earlier start."""
    cands.sort(key=lambda c: (-(c.end - c.start), -c.prio, c.start))
    taken: list[tuple[int, int]] = []
    chosen: list[Cand] = []
    for c in cands:
        i = bisect.bisect_left(taken, (c.start, c.end))
        if i > 0 and taken[i - 1][1] > c.start:
            continue
        if i < len(taken) and taken[i][0] < c.end:
            continue
        taken.insert(i, (c.start, c.end))
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _trim(text: str, c: Cand) -> Cand:
    s, e = c.start, c.end
    while e > s and text[e - 1] in " \t\n,;:":
        e -= 1
    if e > s and text[e - 1] == "." and not _ABBREV_END.search(text, max(s, e - 6), e):
        e -= 1  # a sentence's full stop, not an abbreviation's
    while s < e and text[s].isspace():
        s += 1
    c.start, c.end = s, e
    return c


def _anchor_of(value: str | None) -> str | None:
    """The point a later narrative form counts from: a date itself, a range's end, an open range's start."""
    if not value or not value[:4].isdigit():
        return None
    return value.split("/")[0] if value.endswith("/present") else value.rsplit("/", 1)[-1]


def extract_dates(text: str, dct: date | None = None, timeml: bool = False) -> list[DateMention]:
    """All temporal expressions in `text`, sorted, non-overlapping, with ISO values."""
    if not text:
        return []
    cands: list[Cand] = []
    mask = masked_spans(text)
    anchors = _anchors(text, mask)
    pts = _find_points(text, anchors, timeml)
    if not timeml:  # TimeBank annotates the ends of "from 1998 to 2000" separately
        ranges(text, pts, anchors, dct, cands)
    _points(text, pts, dct, cands, timeml)
    for c in cands:  # explicit dates, which "two years later" counts from
        c.anchor = _anchor_of(c.value)
    relatives(text, anchors, dct, cands, timeml)
    narrative(text, anchors, dct, cands, timeml)
    year_ends(text, anchors, dct, cands, timeml)
    if timeml:
        timeml_forms(text, dct, cands)
        holidays(text, dct, cands)
    if mask:
        cands = [c for c in cands if not overlaps_mask(mask, c.start, c.end)]
    out = []
    last_quarter: tuple[int, str] | None = None
    last_anchor: str | None = None
    for c in _select([_trim(text, c) for c in cands]):
        if c.end <= c.start:
            continue
        if c.shift is not None:
            if last_anchor is not None:
                c.value = shift_value(last_anchor, *c.shift) or c.value
            if c.value is None and not timeml:
                continue
        elif c.anchor is not None:
            last_anchor = c.anchor
        if c.year_back and last_quarter and c.start - last_quarter[0] < 500:
            y, q = last_quarter[1].split("-")
            c.value = f"{int(y) - 1:04d}-{q}"
        elif c.value and QUARTER_VALUE_RE.fullmatch(c.value) and not c.year_back:
            last_quarter = (c.end, c.value)
        out.append(DateMention.model_construct(start=c.start, end=c.end, text=text[c.start : c.end], value=c.value, type=c.type))
    return out
