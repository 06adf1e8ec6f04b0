"""Temporal expressions: find them with compiled regexes, normalize them to ISO values.

Two conventions share one scanner. The default one is the project's: calendar
dates, months, years, seasons, halves, quarters, decades and ranges of them
("2020.09 - 2021.07" -> "2020-09/2021-07"); durations and bare "now" are not
mentions. `timeml=True` follows TimeML/TempEval-3 instead: DATE/TIME/DURATION/SET
types, PRESENT_REF, durations like P3M, extents as TimeBank annotates them.

No spaCy and no free-text date search: every candidate comes from a regex and is
normalized by the handlers below. For speed, one pass finds anchors (digit runs,
and month, season, weekday... words via a prefix-tree regex); each point form is
tried only at anchors of its kind, ranges are composed from the points found, and
leading words ("the end of", "since", a weekday) are attached by looking back
from the core match. The longest candidate wins where candidates overlap.
"""

from __future__ import annotations

import bisect
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
REFS: dict[str, str] = {k: str(v) for k, v in _L["ref"].items()}
SETS: dict[str, str] = {k: str(v) for k, v in _L["set"].items()}
UNITS: dict[str, str] = {k: str(v) for k, v in _L["unit"].items()}
DAYPARTS: dict[str, str] = {k: str(v) for k, v in _L["daypart"].items()}


def _esc(w: str) -> str:
    return re.escape(w).replace(r"\ ", r"\s+")


def _alt(words) -> str:
    """Case-insensitive alternation, for words that never start a pattern."""
    return "(?i:" + "|".join(_esc(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _trie(words) -> str:
    """Regex for a set of literals as a prefix tree, so matching dispatches on each next character."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [(_esc(ch) if ch != " " else r"\s+") + emit(sub) for ch, sub in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return "(?:" + emit(tree) + ")"


def _first(words) -> str:
    """Lower, Capitalized and UPPER forms as a prefix tree: a fast, literal-led pattern start."""
    forms: set[str] = set()
    for w in words:
        w = re.sub(r"\s+", " ", w)
        forms.update((w.lower(), w[:1].upper() + w[1:].lower(), w.upper()))
    return _trie(forms)


# ---------------------------------------------------------------- regex atoms
MON_F = rf"{_first(MONTHS)}\b\.?"
MON = rf"{_alt(MONTHS)}\b\.?"
SEA_F = rf"{_first(SEASONS)}\b"
SEA = rf"{_alt(SEASONS)}\b"
WKD = rf"{_alt(WEEKDAYS)}\b"
ORD_F = rf"{_first(ORDINALS)}\b"
ORD = rf"{_alt(ORDINALS)}\b"
NUM = rf"(?:{_alt(NUMBERS)}\b|\d+(?:\.\d+)?\b)"
Y4 = r"(?:1[0-9]|20)\d\d(?!\d)"
YN = r"(?:19|20)\d\d(?!\d)"  # years in all-numeric forms
YAP = r"['’‘]\d\d(?![\d'’‘%])"
YR = rf"(?:{Y4}|{YAP})"
DAY = r"(?:[12]\d|3[01]|0[1-9]|[1-9])(?:st|nd|rd|th)?(?!\d)"
MM2 = r"(?:0[1-9]|1[0-2])"
DD2 = r"(?:0[1-9]|[12]\d|3[01])"
CLOCK = r"(?:[T ]\d{1,2}:\d\d(?::\d\d)?)"
DASH = r"(?:-{1,2}|–|—|~|－)"
OPEN = r"(?i:present|now|current|currently|today|date|ongoing|the\s+present|till\s+now)\b"

# words that may precede a core match; each is searched ending right at the core's start
_MOD_BACK = (
    r"(?i:(?:the\s+)?(?:very\s+)?(?:early|mid|middle|late)(?:\s*-\s*|\s+)"
    r"|(?:the\s+)?(?:end|beginning|start|middle|close|turn|dawn)\s+of\s+(?:the\s+)?|the\s+)\Z"
)
_THE_BACK = r"(?i:the\s+)\Z"
_WKD_BACK = rf"(?:{WKD},?\s+)\Z"
_WKD_THE_BACK = rf"(?:(?:{WKD},?\s+)?(?i:the\s+)|{WKD},?\s+)\Z"
_BACK = {k: re.compile(v) for k, v in {"mod": _MOD_BACK, "the": _THE_BACK, "wkd": _WKD_BACK, "wkd_the": _WKD_THE_BACK}.items()}
# TimeBank leaves a bare "the" out of year and month extents ("the 1996 budget" -> "1996")
_BACK_TIMEML = {**_BACK, "mod": re.compile(_MOD_BACK.replace("|the\\s+)\\Z", ")\\Z"))}


@dataclass(frozen=True, slots=True)
class _Val:
    """A parsed point: ISO value, possibly with an unknown year written XXXX."""

    value: str
    yearless: bool = False


Handler = Callable[[re.Match, str], "_Val | None"]

# Each point form: regexes with named groups, the look-back prefix it accepts, and a handler.
_POINTS: list[tuple[str, list[tuple[str, str]], str | None, Handler]] = []


def _point(name: str, patterns: list[tuple[str, str]], back: str | None = None):
    """Register a point form; each pattern is tried where its kind of anchor occurs (a digit, a month name...)."""
    def deco(fn: Handler) -> Handler:
        _POINTS.append((name, patterns, back, fn))
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


def _g(m: re.Match, name: str) -> str | None:
    return m.groupdict().get(name)


@_point("ymd", [("digit", rf"(?P<y>{YN})(?:(?P<s>[-/.])(?P<m>0?[1-9]|1[0-2])[-/.](?P<d>0?[1-9]|[12]\d|3[01])(?!\d)(?P<t>{CLOCK})?|年(?P<m2>\d{{1,2}})月(?P<d2>\d{{1,2}})日)")])
def _h_ymd(m: re.Match, _: str) -> _Val | None:
    if m.group("m2"):
        v = _ymd(int(m.group("y")), int(m.group("m2")), int(m.group("d2")))
        return _Val(v) if v else None
    txt = m.group(0)
    if len(set(re.findall(r"[-/.]", txt.split(" ")[0].split("T")[0]))) != 1:
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


@_point("ymd8", [("digit", rf"(?P<y>(?:19|20)\d\d)(?P<m>{MM2})(?P<d>{DD2})(?!\d)")])
def _h_ymd8(m: re.Match, _: str) -> _Val | None:
    v = _ymd(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return _Val(v) if v else None


@_point("num_dmy", [("digit", rf"(?P<a>\d{{1,2}})(?P<s>[/.-])(?P<b>\d{{1,2}})[/.-](?P<y>{YN})")])
def _h_num_dmy(m: re.Match, _: str) -> _Val | None:
    if len(set(re.findall(r"[/.-]", m.group(0)))) != 1:
        return None
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    mo, d = (a, b) if a <= 12 and m.group("s") == "/" else (b, a)
    if mo > 12:
        mo, d = d, mo
    v = _ymd(y, mo, d)
    return _Val(v) if v else None


@_point("ym", [("digit", rf"(?P<y>{YN})(?:[./-]|年)(?P<m>{MM2}|[1-9](?=月))月?(?![\d.])")])
def _h_ym(m: re.Match, _: str) -> _Val | None:
    return _Val(f"{int(m.group('y')):04d}-{int(m.group('m')):02d}")


@_point("num_my", [("digit", rf"(?P<m>{MM2}|[1-9])[/.](?P<y>{YN})")])
def _h_num_my(m: re.Match, _: str) -> _Val | None:
    return _Val(f"{int(m.group('y')):04d}-{int(m.group('m')):02d}")


@_point("mdy", [("month", rf"(?P<m>{MON_F})\s*(?P<d>{DAY}),?\s*(?P<y>{YR})")], "wkd")
def _h_mdy(m: re.Match, _: str) -> _Val | None:
    v = _ymd(_year_of(m.group("y")), _month_of(m.group("m")), _day_of(m.group("d")))
    return _Val(v) if v else None


@_point("dmy", [("digit", rf"(?P<d>{DAY})\s+(?i:of\s+)?(?P<m>{MON}),?\s*(?P<y>{YR})")], "wkd_the")
def _h_dmy(m: re.Match, _: str) -> _Val | None:
    v = _ymd(_year_of(m.group("y")), _month_of(m.group("m")), _day_of(m.group("d")))
    return _Val(v) if v else None


@_point("my", [("month", rf"(?P<m>{MON_F}),?\s*(?i:of\s+)?(?P<y>{YR})")], "mod")
def _h_my(m: re.Match, _: str) -> _Val | None:
    return _Val(f"{_year_of(m.group('y')):04d}-{_month_of(m.group('m')):02d}")


@_point("md", [("month", rf"(?P<m>{MON_F})\s*(?P<d>{DAY})(?!\s*[,:]?\s*\d)")], "wkd")
def _h_md(m: re.Match, _: str) -> _Val | None:
    if not m.group("m")[0].isupper():
        return None
    return _ymd_yearless(_month_of(m.group("m")), _day_of(m.group("d")))


@_point("dm", [("digit", rf"(?P<d>{DAY})\s+(?i:of\s+)?(?P<m>{MON})(?!,?\s*\d)")], "wkd_the")
def _h_dm(m: re.Match, _: str) -> _Val | None:
    if not m.group("m")[0].isupper():
        return None
    return _ymd_yearless(_month_of(m.group("m")), _day_of(m.group("d")))


@_point("season", [("season", rf"(?P<s>{SEA_F})\s+(?i:of\s+)?(?:(?i:semester|term|quarter|session)\s+)?(?P<y>{YR})"), ("digit", rf"(?P<y>{Y4})\s+(?P<s>{SEA})")], "the")
def _h_season(m: re.Match, _: str) -> _Val | None:
    return _Val(f"{_year_of(m.group('y')):04d}-{SEASONS[m.group('s').lower()]}")


@_point(
    "quarter",
    [
        ("qh", rf"(?P<q>Q[1-4])\s*(?i:of\s+)?(?:FY\s*)?(?P<y>{YR})"),
        ("digit", rf"(?P<q>[1-4]Q)\s*(?i:of\s+)?(?:FY\s*)?(?P<y>{YR})"),
        ("digit", rf"(?P<y>{Y4})\s*(?P<q>Q[1-4])"),
        ("ord", rf"(?P<o>{ORD_F})\s+(?i:fiscal\s+|calendar\s+)?(?i:quarter)\s+(?i:of\s+)?(?i:fiscal\s+|calendar\s+)?(?i:year\s+)?(?P<y>{YR})"),
    ],
    "the",
)
def _h_quarter(m: re.Match, _: str) -> _Val | None:
    q = ORDINALS[m.group("o").lower()] if _g(m, "o") else int(m.group("q").upper().strip("Q"))
    return _Val(f"{_year_of(m.group('y')):04d}-Q{q}") if 1 <= q <= 4 else None


@_point(
    "half",
    [
        ("qh", rf"(?P<h>H[12])\s*(?i:of\s+)?(?P<y>{YR})"),
        ("digit", rf"(?P<y>{Y4})\s*(?P<h>H[12])"),
        ("ord", rf"(?P<o>{_first(['first', 'second', '1st', '2nd', 'latter', 'last'])})\s+(?i:half)\s+(?i:of\s+)?(?i:the\s+year\s+)?(?P<y>{YR})"),
    ],
    "the",
)
def _h_half(m: re.Match, _: str) -> _Val | None:
    if _g(m, "o"):
        h = 1 if m.group("o").lower() in ("first", "1st") else 2
    else:
        h = int(m.group("h")[1])
    return _Val(f"{_year_of(m.group('y')):04d}-H{h}")


@_point("decade", [("digit", r"(?P<dec>(?:1[0-9]|20)\d0)['’]?s\b"), ("apos", r"['’‘](?P<d2>\d0)s\b"), ("decword", rf"(?P<w>{_first(DECADE_WORDS)})\b")], "mod")
def _h_decade(m: re.Match, text: str) -> _Val | None:
    if _g(m, "dec"):
        return _Val(m.group("dec")[:3] + "X")
    if _g(m, "d2"):
        return _Val(str(_year_of(m.group("d2")))[:3] + "X")
    if not _BACK["mod"].search(text, max(0, m.start() - 40), m.start()):
        return None  # "in his forties" is an age, "the nineties" a decade
    return _Val(f"19{DECADE_WORDS[m.group('w').lower()]}X")


@_point("century", [("digit", r"(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+(?i:century)\b"), ("ord", rf"(?P<o>{ORD_F})[\s-]+(?i:century)\b")], "mod")
def _h_century(m: re.Match, _: str) -> _Val | None:
    n = int(m.group("n")) if _g(m, "n") else ORDINALS[m.group("o").lower()]
    return _Val(f"{n - 1:02d}") if 1 <= n <= 21 else None


@_point("fiscal", [("fiscal", rf"(?:{_first(['fiscal'])}(?i:\s+year)?\s*|FY\s*)(?P<y>{Y4}|['’‘]?\d\d(?!\d))")])
def _h_fiscal(m: re.Match, _: str) -> _Val | None:
    return _Val(f"{_year_of(m.group('y')):04d}")


@_point("year", [("digit", rf"(?P<y>{Y4})")], "mod")
def _h_year(m: re.Match, text: str) -> _Val | None:
    y = int(m.group("y"))
    if 1900 <= y <= 2099:
        return _Val(f"{y:04d}")
    if 1000 <= y < 1900 and re.search(r"(?i:\b(?:in|since|of|from|by|until|year)\s*)\Z", text[max(0, m.start() - 8) : m.start()]):
        return _Val(f"{y:04d}")
    return None


@_point("yap", [("apos", rf"(?<![\w'’‘]){YAP}")])
def _h_yap(m: re.Match, text: str) -> _Val | None:
    s, e = m.start(), m.end()
    before = text[max(0, s - 1) : s]
    if before and not (before.isspace() or before in "(["):
        return None
    after = text[e : e + 2]
    if after[:1].isalnum() or re.match(r"\.\d", after):
        return None
    if re.match(r"\s*['’]", text[e : e + 2]):
        return None  # a closing quote right after ('22') makes it a quoted number
    return _Val(f"{_year_of(m.group(0)):04d}")


_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_PREV_WORD = re.compile(r"([A-Za-z.#$]+)\s*\Z")


_ACRONYM_DASH_RE = re.compile(r"[A-Z]{2,}-\Z")
_MOD_DASH_RE = re.compile(r"(?i:\b(?:mid|early|late|pre|post)-)\Z")
_THOUSANDS_BEFORE_RE = re.compile(r"(?:^|\D)\d{1,3},\Z")
_THOUSANDS_AFTER_RE = re.compile(r",\d{3}(?!\d)")


def _year_context_ok(text: str, s: int, e: int) -> bool:
    """A bare 4-digit number is a year unless it sits in an identifier or counts something."""
    b1 = text[s - 1] if s > 0 else ""
    b2 = text[s - 2] if s > 1 else ""
    a1 = text[e : e + 1]
    a2 = text[e + 1 : e + 2]
    if b1 and (b1.isalnum() or b1 in "_$€£¥#@/\\+=&%"):
        return False
    if b1 in ".:" and b2.isdigit():
        return False
    if b1 == "-" and (b2.isalnum() or b2 == "_") and not _ACRONYM_DASH_RE.search(text, max(0, s - 12), s) and not _MOD_DASH_RE.search(text, max(0, s - 8), s):
        return False
    if b1 == "," and _THOUSANDS_BEFORE_RE.search(text, max(0, s - 8), s):
        return False  # thousands separator
    if a1 and ((a1.isalnum() and a1 != "s") or a1 in "%+_@×"):
        return False
    if (a1 in ".:/-" and a1 and a2.isdigit()) or (a1 == "." and a2.isalpha()) or (a1 == "," and _THOUSANDS_AFTER_RE.match(text, e)):
        return False
    nxt = _NEXT_WORD.match(text, e, min(len(text), e + 30))
    if nxt and nxt.group(1).lower() in COUNT_NOUNS:
        return False
    prv = _PREV_WORD.search(text, max(0, s - 16), s)
    if prv and prv.group(1).lower() in COUNT_CUES:
        return False
    return True




def _digit_kind(name: str, kind: str, pattern: str) -> str:
    """Digit-led forms are tried only on digit runs of the length they start with."""
    if kind != "digit":
        return kind
    if name == "ymd8":
        return "d8"
    return "d4" if pattern.startswith(("(?P<y>", "(?P<dec>")) else "d12"


_WS = " \t\n\u00a0"
_FOLLOW = {  # characters that may follow the leading digit run of a form
    ("d4", "ymd"): "-/.年", ("d4", "ym"): "-/.年", ("d4", "season"): _WS, ("d4", "quarter"): _WS + "Q",
    ("d4", "half"): _WS + "H", ("d4", "decade"): "s'’", ("d12", "num_dmy"): "/.-", ("d12", "num_my"): "/.",
    ("d12", "dmy"): _WS + "snrt", ("d12", "dm"): _WS + "snrt", ("d12", "quarter"): "Q", ("d12", "century"): "snrt",
}


_POINT_RES: list[tuple[str, str, re.Pattern, re.Pattern | None, Handler, str | None]] = [
    (n, dk, re.compile(p), _BACK[b] if b else None, h, _FOLLOW.get((dk, n)))
    for n, ps, b, h in _POINTS
    for k, p in ps
    for dk in (_digit_kind(n, k, p),)
]
_BARE_MONTH_RE = re.compile(rf"(?P<m>{MON_F})")
_SEP_RE = re.compile(rf"[ \t]*(?:{DASH}|(?i:to|until|till|through|thru|and)\b)[ \t]*")
_OPEN_RE = re.compile(rf"\({OPEN}\)|{OPEN}")
_OPEN_END_RE = re.compile(rf"[ \t]*{DASH}[ \t]*(?=[)\]|,;*<\n]|\Z)")
_PRE_RANGE_RE = re.compile(r"(?i:\b(from|between|since|during|in)\s+)\Z")
_SINCE_BACK_RE = re.compile(r"(?i:\b(?:since|starting(?:\s+in|\s+from)?)\s+)\Z")
_DAY_RANGE_RES = [
    re.compile(rf"(?P<m>{MON_F})\s*(?P<d1>{DAY})\s*(?:{DASH}|(?i:to|and))\s*(?:(?P<m2>{MON})\s*)?(?P<d2>{DAY}),?\s*(?P<y>{YR})"),
    re.compile(rf"(?P<e1>{DAY})\s*(?:{DASH}|(?i:to|and))\s*(?P<e2>{DAY})\s+(?i:of\s+)?(?P<n>{MON}),?\s*(?P<z>{YR})"),
]
_YY_RANGE_RE = re.compile(rf"(?<![\w.])(?P<y>{Y4})\s*(?P<s>–|—|-|/)\s*(?P<yy>\d\d)(?![\d.\w])")
_SHORT_YM = r"\d\d\.(?:0[1-9]|1[0-2])"
_SHORT_YM_RANGE_RE = re.compile(rf"(?<![\w.])(?P<L>{_SHORT_YM})\s*{DASH}\s*(?:(?P<R>{_SHORT_YM})(?![\d.])|(?P<open>{OPEN}))")

_MASK_RES = [
    re.compile(r"(?:https?|ftp)://[^\s)\]>\"'|{}<]+"),
    re.compile(r"www\.[^\s)\]>\"'|{}<]+"),
    re.compile(r"\d{4}\.\d{4,5}(?:v\d+)?(?!\d)"),
    re.compile(r"10\.\d{4,9}/[^\s)\]>\"']+"),
    re.compile(r"\+\d[\d ()-]{8,}\d"),
    re.compile(r"\d{10,}"),
    re.compile(r"\(\d{3}\)\s*\d{3}-\d{4}(?!\d)"),
    re.compile(r"\d{3}-\d{3}-\d{4}(?!\d)"),
]
_EMAIL_RE = re.compile(r"@[\w-]+(?:\.[\w-]+)+")
_PATH_RE = re.compile(r"/[\w.%-]+\.(?:png|jpe?g|gif|pdf|html?|md|svg|webp|bib|txt)\b")
_TOKEN_LEFT_RE = re.compile(r"[\w.+%/-]*\Z")


def _fill_year(v: _Val, year: str) -> _Val:
    return _Val(v.value.replace("XXXX", year, 1), False) if v.yearless else v


def _resolve_yearless(v: _Val, dct: date | None, future: bool | None = None) -> _Val | None:
    """Year-less month/day: the document date's year, or the one before/after when the tense says so."""
    if not v.yearless:
        return v
    if dct is None:
        return None
    return _Val(v.value.replace("XXXX", f"{_tense_year(v.value[5:], dct, future):04d}"), False)


def _tense_year(md: str, dct: date, future: bool | None) -> int:
    """Year for month(-day) `md` ("11" or "11-25"): the nearest one within two months of the
    document date, else the last one before it (past tense) or the next one after (future)."""
    parts = [int(x) for x in md.split("-")]
    mo, d = parts[0], (parts[1] if len(parts) > 1 else 15)
    cands = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            cands.append(((date(y, mo, min(d, calendar.monthrange(y, mo)[1])) - dct).days, y))
        except ValueError:
            continue
    near = min(cands, key=lambda c: (abs(c[0]), c[0] > 0))
    if abs(near[0]) <= 62 or future is None:
        return near[1] if abs(near[0]) <= 62 else dct.year
    if future:
        return min((c for c in cands if c[0] > 0), default=near)[1]
    return max((c for c in cands if c[0] <= 0), default=near)[1]


# ---------------------------------------------------------------- relative forms
_DIRS = ["last", "this", "next", "coming", "previous", "following", "current", "past"]
_REL_RE = re.compile(
    rf"(?P<dir>{_first(_DIRS)})\s+(?P<unit>(?i:year|month|week|quarter|weekend)\b|{SEA}|{WKD}|{MON})(?![\w-])"
)
_REL_MOD_BACK = re.compile(r"(?i:(?:early|late|mid|earlier|later)(?:\s*-\s*|\s+)|(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of\s+)\Z")
_THE_BACK_RE = re.compile(r"(?i:\bthe\s+)\Z")
_AGO_BACK_RE = re.compile(rf"(?P<n>{NUM})\s*(?P<unit>(?i:years?|months?|weeks?|days?|decades?))\s+\Z")
_DAYWORD_RE = re.compile(rf"(?P<w>{_first(['yesterday', 'tomorrow', 'today', 'tonight'])})\b")
_WEEKDAY_RE = re.compile(rf"(?<![\w-])(?P<w>{_first(WEEKDAYS)})(?![\w-])(?!,?\s+(?:{MON}|\d))")
_WEEKDAY_BACK = re.compile(r"(?i:\b(?P<dir>last|next|this|on)\s+)\Z")


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
        y = dct.year
        if k < 0 and mo >= dct.month:
            y -= 1
        elif k > 0 and mo <= dct.month:
            y += 1
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
    year_back: bool = False  # "a year earlier": the same period a year before the last one mentioned


@dataclass(slots=True)
class _Pt:
    """A point form found in the text, before context checks (ranges use these)."""

    start: int  # including accepted leading words
    core: int  # where the form itself starts
    end: int
    val: _Val
    name: str
    strict: bool


def _masked_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for rx in _MASK_RES for m in rx.finditer(text)]
    for rx in (_EMAIL_RE, _PATH_RE):
        for m in rx.finditer(text):
            left = _TOKEN_LEFT_RE.search(text, max(0, m.start() - 80), m.start())
            spans.append((left.start() if left else m.start(), m.end()))
    spans.sort()
    return spans


def _overlaps_mask(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    i = bisect.bisect_right(spans, (s, 1 << 62))
    j = i - 1
    while j >= 0 and i - j <= 8:
        if spans[j][1] > s:
            return True
        j -= 1
    return i < len(spans) and spans[i][0] < e


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


_NUMERIC = frozenset(("ymd", "ymd8", "num_dmy", "ym", "num_my"))


_KEYWORDS: dict[str, list[str]] = {}
for _kind, _words in (
    ("month", MONTHS),
    ("season", SEASONS),
    ("ord", list(ORDINALS) + ["latter", "last"]),
    ("decword", DECADE_WORDS),
    ("fiscal", ["fiscal", "fy"]),
    ("qh", ["q1", "q2", "q3", "q4", "h1", "h2"]),
    ("dir", _DIRS),
    ("dayword", ["yesterday", "tomorrow", "today", "tonight"]),
    ("weekday", WEEKDAYS),
    ("ago", ["ago"]),
):
    for _w in _words:
        _KEYWORDS.setdefault(_w, []).append(_kind)
_KEYWORD_RE = re.compile(rf"{_first(_KEYWORDS)}(?![A-Za-z])")
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
        got = [r for r in _POINT_RES if r[1] == kind and (r[5] is None or (follow_char != "" and follow_char in r[5]))]
        _BY_FOLLOW[key] = got
    return got


def _find_points(text: str, anchors: dict[str, list[int]], timeml: bool = False) -> list[_Pt]:
    pts: list[_Pt] = []
    backs = _BACK_TIMEML if timeml else _BACK
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
                        if prev.isdigit() or prev in "./-" or (prev.isalpha() and name != "ymd"):
                            continue
                    elif name not in ("yap", "year") and (prev.isalnum() or prev in "_./-"):
                        if not (name == "decade" and prev in "-"):
                            continue
                if e < n and text[e - 1].isalnum() and text[e].isalnum() and not _is_cjk(text[e]) and name != "decade":
                    continue
                v = h(m, text)
                if v is None:
                    continue
                strict = True
                if name == "year":
                    strict = _year_context_ok(text, s, e)
                    if not strict and prev.isalnum() or (e < n and text[e].isalpha()):
                        continue
                start = s
                if back is not None and _may_have_prefix(text, s):
                    if timeml and back is _BACK["mod"]:
                        back = backs["mod"]
                    b = back.search(text, max(0, s - 40), s)
                    if b:
                        start = b.start()
                pts.append(_Pt(start, s, e, v, name, strict))
    for s in anchors.get("month", ()):
        m = _BARE_MONTH_RE.match(text, s)
        if m and m.group(0)[0].isupper():
            pts.append(_Pt(s, s, m.end(), _Val(f"XXXX-{_month_of(m.group(0)):02d}", True), "month", False))
    return pts


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


def _matches(rx: re.Pattern, text: str, positions: list[int]):
    for pos in positions:
        m = rx.match(text, pos)
        if m is not None:
            yield m


_SEP_FIRST = " \t-–—~－"
_RANGE_WORDS = ("from", "between", "since", "during", "in", "starting")


def _may_have_range_word(text: str, s: int) -> bool:
    return text[max(0, s - 12) : s].rstrip().lower().endswith(_RANGE_WORDS)


def _ranges(text: str, pts: list[_Pt], anchors: dict[str, list[int]], dct: date | None, out: list[_Cand]) -> None:
    by_start: dict[int, _Pt] = {}
    for p in pts:
        for k in (p.start, p.core):
            q = by_start.get(k)
            if q is None or p.end > q.end:
                by_start[k] = p
    for L in pts:
        has_word = _may_have_range_word(text, L.start)
        pre_m = _PRE_RANGE_RE.search(text, max(0, L.start - 10), L.start) if has_word else None
        pre = pre_m.group(1).lower() if pre_m else ""
        c = text[L.end : L.end + 1]
        sep = _SEP_RE.match(text, L.end) if c and (c in _SEP_FIRST or c.isalpha()) else None
        done = False
        if sep:
            word = sep.group(0).strip().lower()
            R = by_start.get(sep.end())
            right: _Val | None = None
            end = -1
            if R is not None and not (word == "and" and pre != "between"):
                right, end = R.val, R.end
            else:
                o = _OPEN_RE.match(text, sep.end())
                if o and word not in ("and",):
                    end = o.end()
            if end > 0 and not (L.name == "month" and (right is None or right.yearless)):
                v = _range_value(L.val, right, dct)
                if v is not None:
                    start = pre_m.start() if pre in ("from", "between", "since") else L.start
                    out.append(_Cand(start, end, v, prio=3))
                    done = True
        if done or L.name == "month" or L.val.yearless:
            continue
        oe = _OPEN_END_RE.match(text, L.end)
        if oe:
            out.append(_Cand(L.start, oe.end(), f"{L.val.value}/present", prio=2))
        sb = _SINCE_BACK_RE.search(text, max(0, L.start - 16), L.start) if has_word else None
        if sb:
            out.append(_Cand(sb.start(), L.end, f"{L.val.value}/present", prio=2))
    for rx, kind in zip(_DAY_RANGE_RES, ("month", "d12")):
        for m in _matches(rx, text, anchors.get(kind, [])):
            if _g(m, "m"):
                y = _year_of(m.group("y"))
                m1 = _month_of(m.group("m"))
                m2 = _month_of(m.group("m2")) if m.group("m2") else m1
                a, b = _ymd(y, m1, _day_of(m.group("d1"))), _ymd(y, m2, _day_of(m.group("d2")))
            else:
                if m.start() > 0 and text[m.start() - 1].isalnum():
                    continue
                y = _year_of(m.group("z"))
                mo = _month_of(m.group("n"))
                a, b = _ymd(y, mo, _day_of(m.group("e1"))), _ymd(y, mo, _day_of(m.group("e2")))
            if a and b and a <= b:
                out.append(_Cand(m.start(), m.end(), f"{a}/{b}", prio=3))
    for m in _matches(_YY_RANGE_RE, text, anchors["d4"]):
        y = int(m.group("y"))
        yy = int(m.group("yy"))
        if m.group("s") in "-/" and yy <= 12:
            continue  # 2019-05 / 2023/08 are year-months
        end_year = (y // 100) * 100 + yy
        if not 1900 <= y <= 2099 or end_year <= y or end_year - y > 20:
            continue
        out.append(_Cand(m.start(), m.end(), f"{y:04d}/{end_year:04d}", prio=3))
    for m in _matches(_SHORT_YM_RANGE_RE, text, anchors["d12"]):
        ly, lm = m.group("L").split(".")
        lv = f"{2000 + int(ly):04d}-{lm}"
        if m.group("open"):
            out.append(_Cand(m.start(), m.end(), f"{lv}/present", prio=3))
        else:
            ry, rm = m.group("R").split(".")
            rv = f"{2000 + int(ry):04d}-{rm}"
            if rv >= lv:
                out.append(_Cand(m.start(), m.end(), f"{lv}/{rv}", prio=3))


def _points(text: str, pts: list[_Pt], dct: date | None, out: list[_Cand], timeml: bool) -> None:
    for p in pts:
        if not p.strict:
            continue
        v: _Val | None = p.val
        if v.yearless:
            v = _resolve_yearless(v, dct, _future_context(text, p.start)) if dct or not timeml else v
            if v is None:
                continue
        out.append(_Cand(p.start, p.end, v.value, prio=1))


def _relatives(text: str, anchors: dict[str, list[int]], dct: date | None, out: list[_Cand], timeml: bool) -> None:
    if dct is None and not timeml:
        return
    for m in _matches(_REL_RE, text, anchors.get("dir", [])):
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
        v = _rel_value(d, unit, dct) if dct else None
        if v is None and not timeml:
            continue
        if the:
            s = the.start()
        b = _REL_MOD_BACK.search(text, max(0, s - 30), s)
        out.append(_Cand(b.start() if b else s, m.end(), v, prio=1))
    for pos in anchors.get("ago", []):
        m = _AGO_BACK_RE.search(text, max(0, pos - 40), pos)
        if m is None or (m.start() > 0 and text[m.start() - 1].isalnum()):
            continue
        n = _num_of(m.group("n"))
        if n is None:
            if timeml and m.group("n").lower() in NUMBERS:
                out.append(_Cand(m.start(), pos + 3, "PAST_REF", prio=1))  # "several years ago"
            continue
        v = _ago_value(n, m.group("unit"), dct) if dct else None
        if v is None and not timeml:
            continue
        approx = _APPROX_BACK.search(text, max(0, m.start() - 20), m.start()) if timeml else None
        out.append(_Cand(approx.start() if approx else m.start(), pos + 3, v, prio=1))
    for m in _matches(_DAYWORD_RE, text, anchors.get("dayword", [])):
        w = m.group("w").lower()
        if w in ("today", "tonight") and not timeml:
            continue
        if not dct:
            out.append(_Cand(m.start(), m.end(), None, prio=1))
            continue
        k = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[w]
        out.append(_Cand(m.start(), m.end(), (dct + timedelta(days=k)).isoformat(), prio=1))
    for m in _matches(_WEEKDAY_RE, text, anchors.get("weekday", [])):
        if not m.group("w")[0].isupper():
            continue
        b = _WEEKDAY_BACK.search(text, max(0, m.start() - 8), m.start())
        d = b.group("dir").lower() if b else ""
        start = b.start() if b and d != "on" else m.start()
        if not dct:
            if timeml:
                out.append(_Cand(start, m.end(), None, prio=1))
            continue
        k = {"last": -1, "next": 1}.get(d, 0)
        v = _weekday_value(WEEKDAYS[m.group("w").lower()], dct, k, future=_future_context(text, m.start(), strict=True))
        out.append(_Cand(start, m.end(), v, prio=1))


_FUTURE_RE = re.compile(r"(?i:\b(?:will|'ll|shall|going\s+to|plan(?:s|ned|ning)?\s+to|scheduled|expected\s+to|set\s+to|due\s+to|ready\s+to|is\s+to|are\s+to|next)\b)")
_STRICT_FUTURE_RE = re.compile(r"(?i:\b(?:will|'ll|shall)\b)")
_PAST_RE = re.compile(r"(?i:\b(?:was|were|had|did|said|ago|\w{3,}(?<!e)ed)\b)")
_FUTURE_PREP_RE = re.compile(r"(?i:\b(?:by|through|until|till|effective|starting|beginning)\s+(?:the\s+)?(?:end\s+of\s+|early\s+|mid-?|late\s+)?)\Z")
_ABBREV_END = re.compile(r"\b(?i:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|[ap]\.m|etc|jr|st|co|inc)\.\Z")


def _future_context(text: str, pos: int, strict: bool = False) -> bool:
    """Tense cue for a year-less date or a bare weekday: a future auxiliary in the clause before it.
    `strict` (weekdays, which news mostly uses for the days just past): only will/shall, close by."""
    if not strict and _FUTURE_PREP_RE.search(text, max(0, pos - 30), pos):
        return True
    lo = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos), pos - (40 if strict else 80))
    clause = text[lo + 1 : pos]
    fut = list((_STRICT_FUTURE_RE if strict else _FUTURE_RE).finditer(clause))
    if not fut:
        return False
    past = list(_PAST_RE.finditer(clause))
    return not past or past[-1].start() < fut[-1].start()


_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SMALL = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_UNIT_WORDS = [u for u in UNITS if u not in ("weekend",)]
_NUMW = rf"(?:{_alt(_TENS)}[\s-]+{_alt(_SMALL)}\b|{NUM}|\d+(?:\.\d+)?|\d+\s+\d/\d)"
_UNIT_RE_S = rf"(?P<unit>{_alt(_UNIT_WORDS)})(?P<pl>s)?\b"
_APPROX_BACK = re.compile(r"(?i:\b(?:almost|more\s+than|less\s+than|at\s+least|at\s+most|up\s+to)\s+)\Z")
_DUR_RE = re.compile(
    rf"(?<![\w-])(?P<pre>(?i:the\s+)(?i:(?:past|last|next|first|previous|coming|latest|final|initial|following|remaining|last|other)\s+)?|(?i:(?:past|last|next|first|previous|coming|latest|final|initial|following|remaining|other)\s+))?"
    rf"(?P<n>{_NUMW})[\s-]+(?:(?i:more|additional|straight|consecutive)\s+)?{_UNIT_RE_S}(?![\w-])"
)
_THE_DUR_RE = re.compile(rf"(?<![\w-])(?P<the>{_first(['the'])})\s+(?P<dir>{_alt(['past', 'last', 'next', 'previous', 'coming', 'following', 'full', 'whole', 'entire'])})\s+{_UNIT_RE_S}(?![\w-])")
_FEW_RE = re.compile(rf"(?<![\w-])(?P<pre>{_first(['several', 'many', 'few', 'a few', 'recent', 'the past few', 'the last few', 'the past several', 'the last several', 'some', 'a couple of'])})\s+{_UNIT_RE_S}(?![\w-])")
_FOR_PLURAL_RE = re.compile(rf"(?<=\b(?:for|For) )(?P<unit>years|months|decades|weeks|days|centuries)\b")
_REF_RE = re.compile(rf"(?<![\w-])(?P<w>{_first(REFS)})(?![\w-])")
_SET_RE = re.compile(rf"(?<![\w-])(?P<w>{_first(SETS)})(?![\w-])")
_EVERY_RE = re.compile(rf"(?<![\w-])(?P<w>{_first(['every', 'each', 'per'])})\s+(?:(?P<n>{_NUMW})\s+)?{_UNIT_RE_S}(?![\w-])")
_PART_RE = re.compile(
    rf"(?<![\w-])(?:(?P<wd>{_first(WEEKDAYS)})|(?P<rel>{_first(['yesterday', 'today', 'tomorrow', 'this', 'last', 'early', 'late'])}))\s+(?P<part>{_alt(DAYPARTS)})\b"
)
_CLOCK_RE = re.compile(
    r"(?:(?<![\w:.])(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|am\b|pm\b))|(?<![\w-])(?P<w>noon|midnight|midday)\b)"
    rf"(?:\s+(?:[A-Z][DS]T\s+)?(?P<wd>{_first(WEEKDAYS)})(?![\w-]))?"
)
_QUARTER_RE = re.compile(
    rf"(?<![\w-])(?P<pre>{_first(['the'])}\s+(?:(?i:fiscal|calendar|current|latest|past|last|year-ago|year-earlier|previous|comparable|same)\s+)*"
    rf"|(?=(?i:first|second|third|fourth|1st|2nd|3rd|4th|fiscal)))"
    rf"(?:(?P<o>{ORD})[\s-]+)?(?P<u>(?i:quarter|half|period))(?![\w])"
)
_WEEKEND_RE = re.compile(rf"(?<![\w-]){_first(['the weekend'])}(?![\w-])")
_YEAR_AGO_RE = re.compile(rf"(?<![\w-])(?P<w>{_first(['year-earlier', 'year-ago', 'a year earlier', 'a year ago', 'year earlier'])})(?![\w-])")
_EARLIER_RE = re.compile(rf"(?<![\w-])(?P<n>{_NUMW})\s+(?P<unit>{_alt(['year', 'month', 'week', 'day', 'decade'])})s?\s+(?P<dir>{_alt(['earlier', 'later'])})\b")
_MONTH_ALONE_RE = re.compile(rf"(?<!\w)(?P<m>{_first([m for m in MONTHS if len(m) > 3] + ['jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec'])})(?![\w-])")


def _dur_value(n: float | None, unit: str) -> str:
    code = UNITS[unit.lower()]
    num = "X" if n is None else (str(int(n)) if n == int(n) else str(n))
    if code.startswith("T"):
        return f"PT{num}{code[1:]}"
    if code == "2W":
        return f"P{'X' if n is None else int(n * 2)}W"
    return f"P{num}{code}"


def _num_value(tok: str) -> float | None:
    t = re.sub(r"[\s-]+", " ", tok.lower()).strip()
    parts = t.split(" ")
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS and (NUMBERS[parts[0]] or 0) >= 20:
        return (NUMBERS[parts[0]] or 0) + (NUMBERS[parts[1]] or 0)
    if re.fullmatch(r"\d+ \d/\d", t):
        w, fr = t.split(" ")
        a, b = fr.split("/")
        return int(w) + int(a) / int(b)
    return _num_of(t)


def _quarter_ref(dct: date) -> tuple[int, int]:
    """The quarter a news report refers to as "the quarter": the last one completed."""
    q = (dct.month - 1) // 3
    return (dct.year, q) if q > 0 else (dct.year - 1, 4)


def _closest_year(q: int, ref: tuple[int, int], per_year: int) -> int:
    best = None
    for y in (ref[0] - 1, ref[0], ref[0] + 1):
        d = (y * per_year + q) - (ref[0] * per_year + ref[1])
        key = (abs(d), d > 0)
        if best is None or key < best[0]:
            best = (key, y)
    return best[1]  # type: ignore[index]


_QUARTER_WORD_RE = re.compile(r"(?i:\bquarter)")
_QUARTER_VALUE_RE = re.compile(r"\d{4}-Q[1-4]")


def _year_ago_value(text: str, pos: int, dct: date, ref: tuple[int, int]) -> str:
    """"A year ago" in a quarterly report means the same quarter a year before."""
    if _QUARTER_WORD_RE.search(text, max(0, pos - 300), pos + 60):
        return f"{ref[0] - 1:04d}-Q{ref[1]}"
    return f"{dct.year - 1:04d}"


_FUNCTION_WORDS = frozenset("and or but in on at by for to from since until with as the a an than through during".split())


_UNIT_NUM = {w: i for i, w in enumerate(_SMALL, 1)}
_TEEN_NUM = {w: int(NUMBERS[w] or 0) for w in ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")}
_TENS_NUM = {w: int(NUMBERS[w] or 0) for w in _TENS}
_SPELLED_YEAR_RE = re.compile(
    rf"(?<![\w-])(?:(?P<the>{_first(['the year'])})\s+)?(?:(?P<c>{_first(['nineteen', 'eighteen', 'twenty'])})[\s-]+(?:(?P<t>{_alt(_TENS)})(?:[\s-]+(?P<u>{_alt(_SMALL)}))?|(?P<teen>{_alt(_TEEN_NUM)})|(?i:oh)[\s-]+(?P<ou>{_alt(_SMALL)}))"
    rf"|(?P<tt>{_first(['two thousand'])})(?:(?:\s+and)?[\s-]+(?P<tu>{_alt(list(_SMALL) + list(_TEEN_NUM))}))?)(?![\w-])"
)


def _spelled_year(m: re.Match) -> int | None:
    if m.group("tt"):
        if not m.group("the") and not m.group("tu"):
            return None  # "two thousand people"
        tu = (m.group("tu") or "").lower()
        return 2000 + (_UNIT_NUM.get(tu) or _TEEN_NUM.get(tu) or 0)
    century = {"nineteen": 1900, "eighteen": 1800, "twenty": 2000}[m.group("c").lower()]
    if m.group("t"):
        return century + _TENS_NUM[m.group("t").lower()] + (_UNIT_NUM[m.group("u").lower()] if m.group("u") else 0)
    if m.group("teen"):
        return century + _TEEN_NUM[m.group("teen").lower()]
    return century + _UNIT_NUM[m.group("ou").lower()]


def _timeml_forms(text: str, dct: date | None, out: list[_Cand]) -> None:
    """TimeML-only expressions: durations, sets, times of day, present/past/future references."""
    for m in _SPELLED_YEAR_RE.finditer(text):
        y = _spelled_year(m)
        if y is None:
            continue
        start, value = m.start(), f"{y:04d}"
        pre = re.search(rf"(?:(?P<mon>{MON})|(?i:the\s+)?(?P<sea>{SEA})\s+(?i:of\s+))\s*\Z", text[max(0, start - 24) : start])
        if pre:
            start -= len(pre.group(0))
            value = f"{y:04d}-{_month_of(pre.group('mon')):02d}" if pre.group("mon") else f"{y:04d}-{SEASONS[pre.group('sea').lower()]}"
        out.append(_Cand(start, m.end(), value, "DATE", 2))
    for m in _REF_RE.finditer(text):
        w = re.sub(r"\s+", " ", m.group("w").lower())
        if w in ("recent", "future"):
            continue  # as adjectives these are rarely annotated
        if w == "current" and re.match(r"\s+(?:account|events?|status|issue|price|contract|members?|plans?|generations?)\b", text[m.end() : m.end() + 14]):
            continue
        out.append(_Cand(m.start(), m.end(), REFS[w], "DATE", 0))
    for m in _SET_RE.finditer(text):
        nxt = _NEXT_WORD.match(text, m.end(), min(len(text), m.end() + 20))
        if nxt and text[m.end() : nxt.start(1)].strip() == "" and (nxt.group(1)[0].isupper() or nxt.group(1) not in _FUNCTION_WORDS):
            continue  # "the quarterly dividend", "the daily Granma": adjectives, not frequencies
        out.append(_Cand(m.start(), m.end(), SETS[m.group("w").lower()], "SET", 1))
    for m in _EVERY_RE.finditer(text):
        n = _num_value(m.group("n")) if m.group("n") else 1
        out.append(_Cand(m.start(), m.end(), _dur_value(n, m.group("unit")), "SET", 2))
    for m in _DUR_RE.finditer(text):
        unit = m.group("unit").lower()
        n = _num_value(m.group("n"))
        ntok = m.group("n").lower()
        if ntok in ("a", "an") and (unit in ("second", "quarter") or re.search(r"(?:\$|\d|\bcents?|\bdollars?|\btimes|\bseats|\bflights)\s*\S*\s*\Z", text[max(0, m.start() - 20) : m.start()])):
            continue  # "$1.76 a year", "a second group", "a quarter of"
        if unit == "quarter" and (m.group("pl") or re.match(r"\s+of\b", text[m.end() : m.end() + 4])):
            continue
        if re.match(r"\s+(?i:ago|earlier|later|old)\b", text[m.end() : m.end() + 8]):
            continue
        if unit == "second" and not m.group("pl") and ntok in ORDINALS:
            continue
        start = m.start("pre") if m.group("pre") else m.start("n")
        approx = _APPROX_BACK.search(text, max(0, start - 20), start)
        if approx:
            start = approx.start()
        out.append(_Cand(start, m.end(), _dur_value(n, unit), "DURATION", 1))
    for m in _THE_DUR_RE.finditer(text):
        out.append(_Cand(m.start(), m.end(), _dur_value(1 if not m.group("pl") else None, m.group("unit")), "DURATION", 0))
    for m in _FEW_RE.finditer(text):
        pre = m.group("pre").lower()
        unit = m.group("unit")
        if pre == "recent" and unit.lower() == "year":
            out.append(_Cand(m.start(), m.end(), "PAST_REF", "DATE", 2))
            continue
        if not m.group("pl") and pre not in ("a few",):
            continue
        out.append(_Cand(m.start(), m.end(), _dur_value(None, unit), "DURATION", 1))
    for m in _FOR_PLURAL_RE.finditer(text):
        out.append(_Cand(m.start(), m.end(), _dur_value(None, m.group("unit")[:-1] if not m.group("unit").endswith("ies") else "century"), "DURATION", 0))
    for m in _CLOCK_RE.finditer(text):
        day = dct.isoformat() if dct else "XXXX-XX-XX"
        if m.group("w"):
            hm = "12:00" if m.group("w").lower() in ("noon", "midday") else "24:00"
        else:
            h = int(m.group("h"))
            ap = m.group("ap").lower()
            if h > 12:
                continue
            h = (h % 12) + (12 if ap.startswith("p") else 0)
            hm = f"{h:02d}:{m.group('m') or '00'}"
        if m.group("wd") and dct:
            day = _weekday_value(WEEKDAYS[m.group("wd").lower()], dct, 0, future=_future_context(text, m.start(), strict=True))
        out.append(_Cand(m.start(), m.end(), f"{day}T{hm}", "TIME", 2))
    for m in _PART_RE.finditer(text):
        part = DAYPARTS[m.group("part").lower()]
        base: str | None = None
        if dct:
            if m.group("wd"):
                base = _weekday_value(WEEKDAYS[m.group("wd").lower()], dct, 0, future=_future_context(text, m.start(), strict=True))
            else:
                rel = m.group("rel").lower()
                if rel in ("early", "late"):
                    continue
                k = {"yesterday": -1, "today": 0, "this": 0, "tomorrow": 1, "last": -1}[rel]
                if rel == "last" and part != "NI":
                    continue
                base = (dct + timedelta(days=k)).isoformat()
        if part == "NI" and m.group("wd"):
            out.append(_Cand(m.start(), m.end(), base, "DATE", 2))  # "Friday night" is annotated as the day
            continue
        out.append(_Cand(m.start(), m.end(), f"{base}T{part}" if base else None, "TIME", 2))
    if dct is None:
        return
    ref = _quarter_ref(dct)
    for m in _QUARTER_RE.finditer(text):
        u = m.group("u").lower()
        pre = (m.group("pre") or "").lower()
        o = m.group("o")
        if u == "period" and not re.search(r"\b(?:latest|year-ago|year-earlier|comparable|same)\b", pre):
            continue
        if not o and not pre.strip():
            continue
        if u == "half":
            if not o or ORDINALS.get(o.lower(), 9) > 2:
                continue
            h = ORDINALS[o.lower()]
            y = _closest_year(h, (dct.year, 1 if dct.month <= 6 else 2), 2)
            out.append(_Cand(m.start(), m.end(), f"{y:04d}-H{h}", "DATE", 1))
            continue
        q = ORDINALS.get(o.lower(), 9) if o else ref[1]
        if q > 4:
            continue
        y = _closest_year(q, ref, 4) if o else ref[0]
        if re.search(r"year-ago|year-earlier|comparable|same", pre):
            y -= 1
        elif "current" in pre and not o:
            y, q = dct.year, (dct.month - 1) // 3 + 1
        if re.fullmatch(r"\s*", text[m.end() : m.end() + 1]) and re.match(r"\s+(?:of\s+)?(?:fiscal\s+)?(?:1[89]|20)\d\d", text[m.end() : m.end() + 20]):
            continue  # "the third quarter of 1989" is a point form
        start = m.start("o") if o and pre.strip() == "the" and text[m.end("o") : m.end("o") + 1] == "-" else m.start()
        out.append(_Cand(start, m.end(), f"{y:04d}-Q{q}", "DATE", 1))  # "the third-quarter profit": the adjective alone
    for m in _WEEKEND_RE.finditer(text):
        back = 0 if dct.weekday() >= 5 else 1  # on a weekday, "the weekend" is the one just past
        out.append(_Cand(m.start(), m.end(), _week_value(dct - timedelta(weeks=back)) + "-WE", "DATE", 1))
    for m in _YEAR_AGO_RE.finditer(text):
        out.append(_Cand(m.start(), m.end(), _year_ago_value(text, m.start(), dct, ref), "DATE", 2, True))
    for m in _EARLIER_RE.finditer(text):
        n = _num_value(m.group("n"))
        if n is None or n != int(n):
            continue
        sign = -1 if m.group("dir").lower() in ("earlier", "before") else 1
        if sign < 0:
            v = _ago_value(n, m.group("unit"), dct)
        else:
            v = _ago_value(-n, m.group("unit"), dct)
        out.append(_Cand(m.start(), m.end(), v, "DATE", 1))
    for m in _MONTH_ALONE_RE.finditer(text):
        w = m.group("m")
        if not w[0].isupper():
            continue
        if w.lower() not in ("may", "june", "july", "march", "april") and len(w) <= 4 and text[m.end() : m.end() + 1] != ".":
            continue  # an abbreviation needs its period: "Jan Kavan" is a name
        if w.lower() == "may" and (m.start() == 0 or re.search(r"[.!?\"\n]\s*\Z", text[max(0, m.start() - 3) : m.start()]) or re.match(r"\s+(?:be|have|not|also|well|want|take|make|seek|face|need|see|get|lose|become|try|come|go)\b", text[m.end() : m.end() + 8])):
            continue
        if m.start() > 0 and text[m.start() - 1] == "-" and not re.search(r"(?i:\b(?:mid|early|late)-)\Z", text[max(0, m.start() - 6) : m.start()]):
            continue
        mo = _month_of(w)
        y = _tense_year(f"{mo:02d}", dct, _future_context(text, m.start()))
        b = _REL_MOD_BACK.search(text, max(0, m.start() - 30), m.start()) or _BACK["mod"].search(text, max(0, m.start() - 30), m.start())
        start = b.start() if b and not b.group(0).lower().startswith("the") else m.start()
        out.append(_Cand(start, m.end() + (1 if text[m.end() : m.end() + 1] == "." and len(w) <= 4 else 0), f"{y:04d}-{mo:02d}", "DATE", 0))


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest match wins; ties go to the richer form, then the earlier start."""
    cands.sort(key=lambda c: (-(c.end - c.start), -c.prio, c.start))
    taken: list[tuple[int, int]] = []
    chosen: list[_Cand] = []
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
    if e > s and text[e - 1] == "." and not _ABBREV_END.search(text, max(s, e - 6), e):
        e -= 1  # a sentence's full stop, not an abbreviation's
    while s < e and text[s].isspace():
        s += 1
    c.start, c.end = s, e
    return c


def extract_dates(text: str, dct: date | None = None, timeml: bool = False) -> list[DateMention]:
    """All temporal expressions in `text`, sorted, non-overlapping, with ISO values."""
    if not text:
        return []
    cands: list[_Cand] = []
    mask = _masked_spans(text)
    anchors = _anchors(text, mask)
    pts = _find_points(text, anchors, timeml)
    if not timeml:  # TimeBank annotates the ends of "from 1998 to 2000" separately
        _ranges(text, pts, anchors, dct, cands)
    _points(text, pts, dct, cands, timeml)
    _relatives(text, anchors, dct, cands, timeml)
    if timeml:
        _timeml_forms(text, dct, cands)
    if mask:
        cands = [c for c in cands if not _overlaps_mask(mask, c.start, c.end)]
    out = []
    last_quarter: tuple[int, str] | None = None
    for c in _select([_trim(text, c) for c in cands]):
        if c.end <= c.start:
            continue
        if c.year_back and last_quarter and c.start - last_quarter[0] < 500:
            y, q = last_quarter[1].split("-")
            c.value = f"{int(y) - 1:04d}-{q}"
        elif c.value and _QUARTER_VALUE_RE.fullmatch(c.value) and not c.year_back:
            last_quarter = (c.end, c.value)
        out.append(DateMention.model_construct(start=c.start, end=c.end, text=text[c.start : c.end], value=c.value, type=c.type))
    return out


_PRESENT_WORDS = re.compile(r"(?i:now|present|current|currently|today|ongoing|till\s+now|to\s+date|the\s+present|\(?now\)?)")


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
