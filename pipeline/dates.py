"""Temporal expressions: find them with compiled regexes, normalize them to ISO values.

Two conventions share one scanner. The default one is the project's: calendar
dates, months, years, seasons, halves, quarters, decades and ranges of them
("2020.09 - 2021.07" -> "2020-09/2021-07"); durations and bare "now" are not
mentions. `timeml=True` follows TimeML/TempEval-3 instead: DATE/TIME/DURATION/SET
types, PRESENT_REF, durations like P3M, extents as TimeBank annotates them.

No spaCy and no free-text date search: every candidate comes from a regex and is
normalized by the handlers below, so the stage is fast and deterministic.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Callable

from pipeline.schema import DateMention

_PATTERNS = Path(__file__).parent / "patterns" / "dates.jsonl"


def _load_lists() -> dict[str, dict[str, object]]:
    lists: dict[str, dict[str, object]] = {}
    for line in _PATTERNS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            lists.setdefault(row["list"], {})[row["word"]] = row.get("value")
    return lists


_L = _load_lists()
MONTHS: dict[str, int] = {k: int(v) for k, v in _L["month"].items()}  # type: ignore[arg-type]
SEASONS: dict[str, str] = {k: str(v) for k, v in _L["season"].items()}
WEEKDAYS: dict[str, int] = {k: int(v) for k, v in _L["weekday"].items()}  # type: ignore[arg-type]
ORDINALS: dict[str, int] = {k: int(v) for k, v in _L["ordinal"].items()}  # type: ignore[arg-type]
NUMBERS: dict[str, float | None] = {k: (None if v is None else float(v)) for k, v in _L["number"].items()}  # type: ignore[arg-type]
DECADE_WORDS: dict[str, int] = {k: int(v) for k, v in _L["decade_word"].items()}  # type: ignore[arg-type]
COUNT_NOUNS = frozenset(_L["count_noun"])
COUNT_CUES = frozenset(_L["count_cue"])


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# ---------------------------------------------------------------- regex atoms
MON = rf"(?:{_alt(MONTHS)})\b\.?"
SEA = rf"(?:{_alt(SEASONS)})\b"
WKD = rf"(?:{_alt(WEEKDAYS)})\b"
ORD = rf"(?:{_alt(ORDINALS)})\b"
NUM = rf"(?:{_alt(NUMBERS)}|\d+(?:\.\d+)?)\b"
Y4 = r"(?:1[0-9]|20)\d\d(?!\d)"
YN = r"(?:19|20)\d\d(?!\d)"  # years in all-numeric forms
YAP = r"['’‘]\d\d(?![\d'’‘%])"
YR = rf"(?:{Y4}|{YAP})"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
MM2 = r"(?:0[1-9]|1[0-2])"
DD2 = r"(?:0[1-9]|[12]\d|3[01])"
CLOCK = r"(?:[T ]\d{1,2}:\d\d(?::\d\d)?)"
OPEN = r"(?:present|now|current|currently|today|date|ongoing|the\s+present|till\s+now)\b"
MOD = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:early|mid|middle|late)(?:\s*-\s*|\s+)"
    r"|(?:the\s+)?(?:end|beginning|start|middle|close|turn|dawn|first\s+half|second\s+half)\s+of\s+(?:the\s+)?)"
)

_FLAGS = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class _Val:
    """A parsed point: ISO value, possibly with an unknown year written XXXX."""

    value: str
    yearless: bool = False


Handler = Callable[[re.Match, str], "_Val | None"]

# Each point form: a regex with named groups and a handler building the value.
# The same forms, with group names stripped, make up the two sides of ranges.
_POINTS: list[tuple[str, str, Handler]] = []


def _point(name: str, pattern: str):
    def deco(fn: Handler) -> Handler:
        _POINTS.append((name, pattern, fn))
        return fn

    return deco


def _year_of(tok: str) -> int:
    tok = tok.strip("'’‘")
    y = int(tok)
    if len(tok) == 2:
        y += 2000 if y <= 50 else 1900
    return y


def _month_of(tok: str) -> int:
    return MONTHS[re.sub(r"\W", "", tok.lower())]


def _day_of(tok: str) -> int:
    return int(re.match(r"\d+", tok).group())  # type: ignore[union-attr]


def _ymd(y: int, m: int, d: int) -> str | None:
    if not (1 <= m <= 12) or not (1 <= d <= calendar.monthrange(y if y > 0 else 2000, m)[1]):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _ymd_yearless(m: int, d: int) -> _Val | None:
    if not (1 <= m <= 12) or not (1 <= d <= calendar.monthrange(2000, m)[1]):
        return None
    return _Val(f"XXXX-{m:02d}-{d:02d}", True)


@_point("ymd", rf"(?P<y>{YN})(?P<s>[-/.])(?P<m>0?[1-9]|1[0-2])[-/.](?P<d>0?[1-9]|[12]\d|3[01])(?!\d)(?P<t>{CLOCK})?|(?P<y2>{Y4})年(?P<m2>\d{{1,2}})月(?P<d2>\d{{1,2}})日")
def _h_ymd(m: re.Match, _: str) -> _Val | None:
    if m.group("y2"):
        v = _ymd(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
        return _Val(v) if v else None
    txt = m.group(0)
    seps = re.findall(r"[-/.]", txt.split(" ")[0].split("T")[0])
    if len(set(seps)) != 1:
        return None
    v = _ymd(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if not v:
        return None
    t = m.group("t")
    if t:
        hh, mm = t.strip(" T").split(":")[:2]
        if int(hh) < 24 and int(mm) < 60:
            v += f"T{int(hh):02d}:{mm}"
    return _Val(v)


@_point("ymd8", rf"(?P<y>(?:19|20)\d\d)(?P<m>{MM2})(?P<d>{DD2})(?!\d)")
def _h_ymd8(m: re.Match, _: str) -> _Val | None:
    v = _ymd(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return _Val(v) if v else None


@_point("num_dmy", rf"(?P<a>\d{{1,2}})(?P<s>[/.-])(?P<b>\d{{1,2}})[/.-](?P<y>{YN})")
def _h_num_dmy(m: re.Match, _: str) -> _Val | None:
    if len(set(re.findall(r"[/.-]", m.group(0)))) != 1:
        return None
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    mo, d = (a, b) if a <= 12 and m.group("s") == "/" else (b, a)
    if mo > 12:
        mo, d = d, mo
    v = _ymd(y, mo, d)
    return _Val(v) if v else None


@_point("ym", rf"(?P<y>{YN})(?:[./-]|/\s|年)(?P<m>{MM2}|[1-9](?=月))月?(?![\d.])")
def _h_ym(m: re.Match, _: str) -> _Val | None:
    return _Val(f"{int(m.group('y')):04d}-{int(m.group('m')):02d}")


@_point("num_my", rf"(?P<m>{MM2}|[1-9])[/.](?P<y>{YN})")
def _h_num_my(m: re.Match, _: str) -> _Val | None:
    return _Val(f"{int(m.group('y')):04d}-{int(m.group('m')):02d}")


@_point("mdy", rf"(?:{WKD},?\s+)?(?P<m>{MON})\s*(?P<d>{DAY}),?\s*(?P<y>{YR})")
def _h_mdy(m: re.Match, _: str) -> _Val | None:
    v = _ymd(_year_of(m.group("y")), _month_of(m.group("m")), _day_of(m.group("d")))
    return _Val(v) if v else None


@_point("dmy", rf"(?:{WKD},?\s+)?(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MON}),?\s*(?P<y>{YR})")
def _h_dmy(m: re.Match, _: str) -> _Val | None:
    v = _ymd(_year_of(m.group("y")), _month_of(m.group("m")), _day_of(m.group("d")))
    return _Val(v) if v else None


@_point("my", rf"(?P<mod>{MOD})?(?P<m>{MON}),?\s*(?:of\s+)?(?P<y>{YR})")
def _h_my(m: re.Match, _: str) -> _Val | None:
    return _Val(f"{_year_of(m.group('y')):04d}-{_month_of(m.group('m')):02d}")


@_point("md", rf"(?:{WKD},?\s+)?(?P<m>{MON})\s*(?P<d>{DAY})(?!\s*[,:]?\s*\d)")
def _h_md(m: re.Match, _: str) -> _Val | None:
    if not m.group("m")[0].isupper():
        return None
    return _ymd_yearless(_month_of(m.group("m")), _day_of(m.group("d")))


@_point("dm", rf"(?:{WKD},?\s+)?(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MON})(?!,?\s*\d)")
def _h_dm(m: re.Match, _: str) -> _Val | None:
    if not m.group("m")[0].isupper():
        return None
    return _ymd_yearless(_month_of(m.group("m")), _day_of(m.group("d")))


@_point("season", rf"(?:the\s+)?(?P<s>{SEA})\s+(?:of\s+)?(?:(?:semester|term|quarter|session)\s+)?(?P<y>{YR})|(?P<y2>{Y4})\s+(?P<s2>{SEA})")
def _h_season(m: re.Match, _: str) -> _Val | None:
    s = m.group("s") or m.group("s2")
    y = m.group("y") or m.group("y2")
    return _Val(f"{_year_of(y):04d}-{SEASONS[s.lower()]}")


@_point(
    "quarter",
    rf"(?P<q>Q[1-4]|[1-4]Q)\s*(?:of\s+)?(?:FY\s*)?(?P<y>{YR})|(?P<y2>{Y4})\s*(?P<q2>Q[1-4])"
    rf"|(?:the\s+)?(?P<o>{ORD})\s+(?:fiscal\s+|calendar\s+)?quarter\s+(?:of\s+)?(?:fiscal\s+|calendar\s+)?(?:year\s+)?(?P<y3>{YR})",
)
def _h_quarter(m: re.Match, _: str) -> _Val | None:
    if m.group("o"):
        q, y = ORDINALS[m.group("o").lower()], m.group("y3")
    else:
        q = int((m.group("q") or m.group("q2")).upper().strip("Q"))
        y = m.group("y") or m.group("y2")
    return _Val(f"{_year_of(y):04d}-Q{q}") if 1 <= q <= 4 else None


@_point(
    "half",
    rf"(?P<h>H[12])\s*(?:of\s+)?(?P<y>{YR})|(?P<y2>{Y4})\s*(?P<h2>H[12])"
    rf"|(?:the\s+)?(?P<o>first|second|1st|2nd|latter|last)\s+half\s+(?:of\s+)?(?:the\s+year\s+)?(?P<y3>{YR})",
)
def _h_half(m: re.Match, _: str) -> _Val | None:
    if m.group("o"):
        h = 1 if m.group("o").lower() in ("first", "1st") else 2
        y = m.group("y3")
    else:
        h = int((m.group("h") or m.group("h2"))[1])
        y = m.group("y") or m.group("y2")
    return _Val(f"{_year_of(y):04d}-H{h}")


@_point(
    "decade",
    rf"(?P<mod>{MOD})?(?:the\s+)?(?:(?P<dec>(?:1[0-9]|20)\d0)['’]?s|['’‘](?P<d2>\d0)s|(?P<w>{_alt(DECADE_WORDS)}))\b",
)
def _h_decade(m: re.Match, _: str) -> _Val | None:
    if m.group("dec"):
        return _Val(m.group("dec")[:3] + "X")
    if m.group("d2"):
        return _Val(str(_year_of(m.group("d2")))[:3] + "X")
    if not m.group(0).lower().lstrip().startswith(("the", "mid", "early", "late")):
        return None  # "in his forties" is an age, "the nineties" a decade
    return _Val(f"19{DECADE_WORDS[m.group('w').lower()]}X")


@_point("century", rf"(?P<mod>{MOD})?(?:the\s+)?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<o>{ORD}))[\s-]+century\b")
def _h_century(m: re.Match, _: str) -> _Val | None:
    n = int(m.group("n")) if m.group("n") else ORDINALS[m.group("o").lower()]
    return _Val(f"{n - 1:02d}") if 1 <= n <= 21 else None


@_point("fiscal", rf"(?:fiscal(?:\s+year)?\s*|FY\s*)(?P<y>{Y4}|['’‘]?\d\d(?!\d))")
def _h_fiscal(m: re.Match, _: str) -> _Val | None:
    return _Val(f"{_year_of(m.group('y')):04d}")


@_point("year", rf"(?P<mod>{MOD})?(?P<y>{Y4})")
def _h_year(m: re.Match, text: str) -> _Val | None:
    y = int(m.group("y"))
    if not 1900 <= y <= 2099 and not (1000 <= y < 1900 and re.search(r"\b(?:in|since|of|from|by|until|year)\s*$", text[max(0, m.start() - 8) : m.start()], _FLAGS)):
        return None
    if not _year_context_ok(text, m.start(), m.end("y")):
        return None
    return _Val(f"{y:04d}")


@_point("yap", rf"(?<![\w'’‘]){YAP}")
def _h_yap(m: re.Match, text: str) -> _Val | None:
    s, e = m.start(), m.end()
    before = text[max(0, s - 1) : s]
    if before and not (before.isspace() or before in "(["):
        return None
    after = text[e : e + 2]
    if after[:1].isalnum() or re.match(r"\.\d", after):
        return None
    # a closing quote right after ('22') makes it a quoted number
    if re.match(r"\s*['’]", text[e : e + 2]):
        return None
    return _Val(f"{_year_of(m.group(0)):04d}")


_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_PREV_WORD = re.compile(r"([A-Za-z.#$]+)\s*$")


def _year_context_ok(text: str, s: int, e: int) -> bool:
    """A bare 4-digit number is a year unless it sits in an identifier or counts something."""
    before = text[max(0, s - 2) : s]
    after = text[e : e + 2]
    if before[-1:] and (before[-1].isalnum() or before[-1] in "_$€£¥#@/\\+=&%"):
        return False
    if re.match(r"\d[.:]", before) or (re.match(r"\w-", before) and not re.search(r"[A-Z]{2,}-$", text[max(0, s - 12) : s])):
        return False
    if before.endswith(",") and re.search(r"(?:^|\D)\d{1,3},$", text[max(0, s - 8) : s]):
        return False  # thousands separator
    if after[:1] and (after[0].isalnum() and after[0] not in "s") or after[:1] in ("%", "+", "_", "@", "×"):
        return False
    if re.match(r"[.:/-]\d", after) or re.match(r",\d{3}(?!\d)", text[e : e + 5]) or re.match(r"\.[A-Za-z]", after):
        return False
    nxt = _NEXT_WORD.match(text, e, min(len(text), e + 30))
    if nxt and nxt.group(1).lower() in COUNT_NOUNS and text[e : nxt.start(1)].strip() == "":
        return False
    prv = _PREV_WORD.search(text, max(0, s - 16), s)
    if prv and prv.group(1).lower() in COUNT_CUES:
        return False
    return True


def _strip_names(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", re.sub(r"\(\?P=\w+\)", "[-/.]", pattern))


_POINT_RES: list[tuple[str, re.Pattern, Handler]] = [(n, re.compile(p, _FLAGS), h) for n, p, h in _POINTS]
_ANY_POINT = "|".join(f"(?:{_strip_names(p)})" for n, p, _ in _POINTS if n not in ("yap", "century", "decade"))
_BARE_MONTH = rf"(?:{MON})"
_DASH = r"(?:-{1,2}|–|—|~|－)"
_RSEP = rf"\s*(?:{_DASH}|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b|\band\b)\s*"

_RANGE_RE = re.compile(
    rf"(?:(?P<pre>from|between|since|during|in)\s+)?(?P<L>{_ANY_POINT}|{_BARE_MONTH})(?P<sep>{_RSEP})(?:(?P<R>{_ANY_POINT})|\(?(?P<open>{OPEN})\)?)",
    _FLAGS,
)
_OPEN_END_RE = re.compile(rf"(?P<L>{_ANY_POINT})[ \t]*{_DASH}[ \t]*(?=$|[)\]|,;*]|<)", _FLAGS | re.MULTILINE)
_SINCE_RE = re.compile(rf"\b(?:since|starting(?:\s+in|\s+from)?|from)\s+(?P<L>{_ANY_POINT})(?!{_RSEP}(?:{_ANY_POINT}|{OPEN}))", _FLAGS)
_DAY_RANGE_RE = re.compile(
    rf"(?P<m>{MON})\s*(?P<d1>{DAY})\s*(?:{_DASH}|to|and)\s*(?:(?P<m2>{MON})\s*)?(?P<d2>{DAY}),?\s*(?P<y>{YR})"
    rf"|(?P<e1>{DAY})\s*(?:{_DASH}|to|and)\s*(?P<e2>{DAY})\s+(?:of\s+)?(?P<n>{MON}),?\s*(?P<z>{YR})",
    _FLAGS,
)
_YY_RANGE_RE = re.compile(rf"(?<![\w.])(?P<y>{Y4})\s*(?P<s>–|—|-|/)\s*(?P<yy>\d\d)(?![\d.\w])")
_SHORT_YM = r"\d\d\.(?:0[1-9]|1[0-2])"
_SHORT_YM_RANGE_RE = re.compile(rf"(?<![\w.])(?P<L>{_SHORT_YM})\s*{_DASH}\s*(?:(?P<R>{_SHORT_YM})(?![\d.])|(?P<open>{OPEN}))", _FLAGS)

_MASK_RE = re.compile(
    r"(?:https?|ftp)://[^\s)\]>\"'|{}<]+|www\.[^\s)\]>\"'|{}<]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[\w.-]*(?:/[\w.%-]+)+\.(?:png|jpe?g|gif|pdf|html?|md|svg|webp|bib|txt)\b"
    r"|\b\d{4}\.\d{4,5}(?:v\d+)?\b|\b10\.\d{4,9}/\S+|\+\d[\d ()-]{8,}\d|(?<!\d)\d{10,}(?!\d)|\(\d{3}\)\s*\d{3}-\d{4}\b|\b\d{3}-\d{3}-\d{4}\b",
    _FLAGS,
)


@lru_cache(maxsize=65536)
def _parse_point(s: str) -> _Val | None:
    """Value of a short phrase that is exactly one point form."""
    for _, rx, h in _POINT_RES:
        m = rx.fullmatch(s)
        if m:
            v = h(m, s)
            if v:
                return v
    m = re.fullmatch(_BARE_MONTH, s, _FLAGS)
    if m:
        return _Val(f"XXXX-{_month_of(s):02d}", True)
    return None


def _fill_year(v: _Val, year: str) -> _Val:
    return _Val(v.value.replace("XXXX", year, 1), False) if v.yearless else v


def _resolve_yearless(v: _Val, dct: date | None) -> _Val | None:
    """Year-less month/day: read in the document date's year."""
    if not v.yearless:
        return v
    if dct is None:
        return None
    return _Val(v.value.replace("XXXX", f"{dct.year:04d}"), False)


# ---------------------------------------------------------------- relative forms
_UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "decade": "DE", "quarter": "Q", "hour": "H", "minute": "MIN", "century": "CE"}
_REL_RE = re.compile(
    rf"\b(?P<mod>(?:(?:earlier|later)\s+(?:in\s+)?)|(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of\s+)?"
    rf"(?P<dir>last|this|next|coming|previous|following|current|past)\s+(?P<unit>year|month|week|quarter|weekend|{SEA}|{WKD}|{MON})(?![\w-])",
    _FLAGS,
)
_THE_REL_RE = re.compile(rf"\bthe\s+(?P<dir>coming|previous|following|next|past|current)\s+(?P<unit>year|month|week|quarter)\b(?!\s+(?:or|and)\b)", _FLAGS)
_AGO_RE = re.compile(rf"\b(?P<n>{NUM})\s*(?P<unit>years?|months?|weeks?|days?|decades?)\s+(?P<dir>ago)\b", _FLAGS)
_DAYWORD_RE = re.compile(r"\b(?P<w>yesterday|tomorrow|today|tonight)\b", _FLAGS)
_WEEKDAY_RE = re.compile(rf"(?<![\w-])(?:(?P<dir>last|next|this|on)\s+)?(?P<w>{WKD})(?![\w'’-])(?!,?\s+(?:{MON}|\d))", _FLAGS)


def _num_of(tok: str) -> float | None:
    tok = re.sub(r"\s+", " ", tok.lower())
    if tok in NUMBERS:
        return NUMBERS[tok]
    try:
        return float(tok)
    except ValueError:
        return None


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _rel_value(direction: str, unit: str, dct: date) -> str | None:
    d = direction.lower()
    k = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1, "following": 1}[d]
    u = unit.lower()
    if u == "year":
        return f"{dct.year + k:04d}"
    if u == "month":
        y, m = _shift_month(dct.year, dct.month, k)
        return f"{y:04d}-{m:02d}"
    if u in ("week", "weekend"):
        v = _week_value(dct + timedelta(weeks=k))
        return v + "-WE" if u == "weekend" else v
    if u == "quarter":
        q = (dct.month - 1) // 3 + k
        y = dct.year + q // 4
        return f"{y:04d}-Q{q % 4 + 1}"
    if u in SEASONS:
        return f"{dct.year + k:04d}-{SEASONS[u]}"
    if u in WEEKDAYS:
        return _weekday_value(WEEKDAYS[u], dct, k if d != "this" else 0)
    key = re.sub(r"\W", "", u)
    if key in MONTHS:
        mo = MONTHS[key]
        y = dct.year + k if k else dct.year
        return f"{y:04d}-{mo:02d}"
    return None


def _weekday_value(wd: int, dct: date, k: int, future: bool = False) -> str:
    delta = wd - dct.weekday()
    if k == 1:
        delta = delta + 7 if delta <= 0 else delta
    elif k == -1:
        delta = delta - 7 if delta >= 0 else delta
    elif future:
        delta = delta + 7 if delta < 0 else delta
    else:
        delta = delta - 7 if delta > 0 else delta
    return (dct + timedelta(days=delta)).isoformat()


def _ago_value(n: float, unit: str, dct: date) -> str | None:
    u = unit.lower().rstrip("s")
    if n != int(n):
        return None
    n = int(n)
    if u == "year":
        return f"{dct.year - n:04d}"
    if u == "decade":
        return f"{dct.year - 10 * n:04d}"[:3] + "X"
    if u == "month":
        y, m = _shift_month(dct.year, dct.month, -n)
        return f"{y:04d}-{m:02d}"
    if u == "week":
        return _week_value(dct - timedelta(weeks=n))
    if u == "day":
        return (dct - timedelta(days=n)).isoformat()
    return None


# ---------------------------------------------------------------- the scanner
@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    value: str | None
    type: str = "DATE"
    prio: int = 0


def _masked_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _MASK_RE.finditer(text)]


def _overlaps_mask(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    import bisect

    i = bisect.bisect_right(spans, (s, 1 << 62)) - 1
    for j in (i, i + 1):
        if 0 <= j < len(spans) and spans[j][0] < e and s < spans[j][1]:
            return True
    return False


def _range_value(left: _Val, right: _Val | None, dct: date | None) -> str | None:
    if right is None:
        left2 = _resolve_yearless(left, dct)
        return f"{left2.value}/present" if left2 else None
    if left.yearless and not right.yearless:
        left = _fill_year(left, right.value[:4])
    if right.yearless and not left.yearless:
        right = _fill_year(right, left.value[:4])
    left2, right2 = _resolve_yearless(left, dct), _resolve_yearless(right, dct)
    if not left2 or not right2:
        return None
    if left2.value[:4].isdigit() and right2.value[:4].isdigit() and left2.value[:4] > right2.value[:4]:
        return None
    return f"{left2.value}/{right2.value}"


def _ranges(text: str, dct: date | None, out: list[_Cand]) -> None:
    for m in _RANGE_RE.finditer(text):
        sep = m.group("sep").strip().lower()
        pre = (m.group("pre") or "").lower()
        if sep == "and" and pre != "between":
            continue
        left = _parse_point(m.group("L"))
        if not left:
            continue
        if m.group("open"):
            right = None
            if sep in ("and",):
                continue
        else:
            right = _parse_point(m.group("R"))
            if not right:
                continue
        if left.yearless and re.fullmatch(_BARE_MONTH, m.group("L"), _FLAGS) and (right is None or right.yearless):
            continue
        v = _range_value(left, right, dct)
        if v is None:
            continue
        start = m.start() if pre in ("from", "between", "since") else m.start("L")
        out.append(_Cand(start, m.end(), v, prio=3))
    for m in _DAY_RANGE_RE.finditer(text):
        if m.group("m"):
            y = _year_of(m.group("y"))
            m1 = _month_of(m.group("m"))
            m2 = _month_of(m.group("m2")) if m.group("m2") else m1
            a, b = _ymd(y, m1, _day_of(m.group("d1"))), _ymd(y, m2, _day_of(m.group("d2")))
        else:
            y = _year_of(m.group("z"))
            mo = _month_of(m.group("n"))
            a, b = _ymd(y, mo, _day_of(m.group("e1"))), _ymd(y, mo, _day_of(m.group("e2")))
        if a and b and a <= b:
            out.append(_Cand(m.start(), m.end(), f"{a}/{b}", prio=3))
    for m in _YY_RANGE_RE.finditer(text):
        y = int(m.group("y"))
        yy = int(m.group("yy"))
        if m.group("s") in "-/" and yy <= 12:
            continue  # 2019-05 / 2023/08 are year-months
        end_year = (y // 100) * 100 + yy
        if not 1900 <= y <= 2099 or end_year <= y or end_year - y > 20:
            continue
        out.append(_Cand(m.start(), m.end(), f"{y:04d}/{end_year:04d}", prio=3))
    for m in _SHORT_YM_RANGE_RE.finditer(text):
        ly, lm = m.group("L").split(".")
        lv = f"{2000 + int(ly):04d}-{lm}"
        if m.group("open"):
            out.append(_Cand(m.start(), m.end(), f"{lv}/present", prio=3))
        else:
            ry, rm = m.group("R").split(".")
            rv = f"{2000 + int(ry):04d}-{rm}"
            if rv >= lv:
                out.append(_Cand(m.start(), m.end(), f"{lv}/{rv}", prio=3))
    for m in _OPEN_END_RE.finditer(text):
        left = _parse_point(m.group("L").strip())
        if left and not left.yearless:
            out.append(_Cand(m.start(), m.end(), f"{left.value}/present", prio=2))
    for m in _SINCE_RE.finditer(text):
        left = _parse_point(m.group("L"))
        if left and not left.yearless and m.group(0).lower().startswith("since"):
            out.append(_Cand(m.start(), m.end(), f"{left.value}/present", prio=2))


def _points(text: str, dct: date | None, out: list[_Cand], timeml: bool) -> None:
    for name, rx, h in _POINT_RES:
        for m in rx.finditer(text):
            s = m.start()
            if s > 0 and name not in ("ymd", "yap", "year") and (text[s - 1].isalnum() or text[s - 1] in "_./-") and not _is_cjk(text[s - 1]):
                continue
            if name in ("ymd", "ymd8", "num_dmy", "ym", "num_my") and s > 0 and (text[s - 1].isdigit() or text[s - 1] in "./-"):
                continue
            e = m.end()
            if e < len(text) and name not in ("year",) and text[e - 1].isalnum() and text[e].isalnum() and not _is_cjk(text[e]):
                continue
            v = h(m, text)
            if v is None:
                continue
            if v.yearless:
                v = _resolve_yearless(v, dct) if dct or not timeml else v
                if v is None:
                    continue
            out.append(_Cand(s, e, v.value, prio=1))


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _relatives(text: str, dct: date | None, out: list[_Cand], timeml: bool) -> None:
    if dct is None and not timeml:
        return
    for rx in (_REL_RE, _THE_REL_RE):
        for m in rx.finditer(text):
            if rx is _THE_REL_RE and m.group("dir").lower() == "past" and not timeml:
                continue  # "the past year" is a stretch of time, not a date
            if rx is _REL_RE and m.group("dir").lower() == "past":
                continue
            unit = m.group("unit")
            if re.fullmatch(MON, unit, _FLAGS) and not unit[0].isupper():
                continue
            v = _rel_value(m.group("dir"), unit, dct) if dct else None
            if v is None and not timeml:
                continue
            out.append(_Cand(m.start(), m.end(), v, prio=1))
    for m in _AGO_RE.finditer(text):
        n = _num_of(m.group("n"))
        if n is None:
            continue
        v = _ago_value(n, m.group("unit"), dct) if dct else None
        if v is None and not timeml:
            continue
        out.append(_Cand(m.start(), m.end(), v, prio=1))
    for m in _DAYWORD_RE.finditer(text):
        w = m.group("w").lower()
        if w in ("today", "tonight") and not timeml:
            continue
        if not dct:
            if timeml:
                out.append(_Cand(m.start(), m.end(), None, prio=1))
            continue
        k = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[w]
        out.append(_Cand(m.start(), m.end(), (dct + timedelta(days=k)).isoformat(), prio=1))
    for m in _WEEKDAY_RE.finditer(text):
        if not m.group("w")[0].isupper():
            continue
        if not dct:
            if timeml:
                out.append(_Cand(m.start(), m.end(), None, prio=1))
            continue
        d = (m.group("dir") or "").lower()
        k = {"last": -1, "next": 1}.get(d, 0)
        v = _weekday_value(WEEKDAYS[m.group("w").lower()], dct, k, future=_future_context(text, m.start()))
        start = m.start("w") if d == "on" else m.start()
        out.append(_Cand(start, m.end(), v, prio=1))


_FUTURE_RE = re.compile(r"\b(?:will|'ll|shall|going\s+to|plans?\s+to|scheduled|expected\s+to|is\s+to|are\s+to|next)\b", _FLAGS)
_PAST_RE = re.compile(r"\b(?:was|were|had|did|said|\w+ed)\b", _FLAGS)


def _future_context(text: str, pos: int) -> bool:
    """Tense cue for a bare weekday: a future auxiliary in the clause before it."""
    lo = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos), pos - 80)
    clause = text[lo + 1 : pos]
    fut = list(_FUTURE_RE.finditer(clause))
    if not fut:
        return False
    past = list(_PAST_RE.finditer(clause))
    return not past or past[-1].start() < fut[-1].start()


def _timeml_forms(text: str, dct: date | None, out: list[_Cand]) -> None:
    """TimeML-only expressions: durations, sets, times of day, present/past/future references."""


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest match wins; ties go to the richer form, then the earlier start."""
    cands.sort(key=lambda c: (-(c.end - c.start), -c.prio, c.start))
    taken: list[tuple[int, int]] = []
    chosen: list[_Cand] = []
    import bisect

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


def _trim(text: str, c: _Cand) -> _Cand:
    s, e = c.start, c.end
    while e > s and text[e - 1] in " \t\n,;:":
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    c.start, c.end = s, e
    return c


def extract_dates(text: str, dct: date | None = None, timeml: bool = False) -> list[DateMention]:
    """All temporal expressions in `text`, sorted, non-overlapping, with ISO values."""
    if not text:
        return []
    cands: list[_Cand] = []
    _ranges(text, dct, cands)
    _points(text, dct, cands, timeml)
    _relatives(text, dct, cands, timeml)
    if timeml:
        _timeml_forms(text, dct, cands)
    mask = _masked_spans(text)
    if mask:
        cands = [c for c in cands if not _overlaps_mask(mask, c.start, c.end)]
    out = []
    for c in _select([_trim(text, c) for c in cands]):
        if c.end <= c.start:
            continue
        out.append(DateMention(start=c.start, end=c.end, text=text[c.start : c.end], value=c.value, type=c.type))  # type: ignore[arg-type]
    return out


_PRESENT_WORDS = re.compile(r"(?:now|present|current|currently|today|ongoing|till\s+now|to\s+date|the\s+present|\(?now\)?)", _FLAGS)


@lru_cache(maxsize=8192)
def normalize_date(phrase: str, dct: date | None = None) -> str | None:
    """Value of a short date phrase ("Sep 2019" -> "2019-09", "now" -> "present"), None when it is not one."""
    p = phrase.strip().strip(".,;:()[]*_ ")
    if not p:
        return None
    if _PRESENT_WORDS.fullmatch(p):
        return "present"
    ms = extract_dates(p, dct)
    if not ms:
        return None
    best = max(ms, key=lambda m: m.end - m.start)
    covered = len(re.sub(r"\W", "", best.text)) / max(1, len(re.sub(r"\W", "", p)))
    return best.value if covered >= 0.5 else None
