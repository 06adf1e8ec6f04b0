"""Absolute points: dates, months, years, seasons, quarters, halves, decades, centuries.

Each form registers its regexes, the kind of anchor it starts at, the leading words
it may take ("the end of", a weekday) and a handler that turns a match into a value.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.dates.lexicon import (
    CLOCK,
    DAY,
    DD2,
    DECADE_WORDS,
    MM2,
    MON,
    MON_F,
    ORD_F,
    ORDINALS,
    SEA,
    SEA_F,
    SEASONS,
    WKD,
    Y4,
    YAP,
    YN,
    YR,
    day_of,
    first,
    month_of,
    year_of,
)
from pipeline.dates.values import Val, ymd, ymd_yearless

# words that may precede a core match; each is searched ending right at the core's start
_MOD_BACK = (
    r"(?i:(?:the\s+)?(?:very\s+)?(?:early|mid|middle|late)(?:\s*-\s*|\s+)"
    r"|(?:the\s+)?(?:end|beginning|start|middle|close|turn|dawn)\s+of\s+(?:the\s+)?|the\s+)\Z"
)
_THE_BACK = r"(?i:the\s+)\Z"
_WKD_BACK = rf"(?:{WKD},?\s+)\Z"
_WKD_THE_BACK = rf"(?:(?:{WKD},?\s+)?(?i:the\s+)|{WKD},?\s+)\Z"
BACK = {k: re.compile(v) for k, v in {"mod": _MOD_BACK, "the": _THE_BACK, "wkd": _WKD_BACK, "wkd_the": _WKD_THE_BACK}.items()}
# TimeBank leaves a bare "the" out of year and month extents ("the 1996 budget" -> "1996")
BACK_TIMEML = {**BACK, "mod": re.compile(_MOD_BACK.replace("|the\\s+)\\Z", ")\\Z"))}


Handler = Callable[[re.Match, str], "Val | None"]

# Each point form: regexes with named groups, the look-back prefix it accepts, and a handler.
_POINTS: list[tuple[str, list[tuple[str, str]], str | None, Handler]] = []


def _point(name: str, patterns: list[tuple[str, str]], back: str | None = None):
    """Register a point form; each pattern is tried where its kind of anchor occurs (a digit, a month name...)."""
    def deco(fn: Handler) -> Handler:
        _POINTS.append((name, patterns, back, fn))
        return fn

    return deco


def group(m: re.Match, name: str) -> str | None:
    return m.groupdict().get(name)


@_point("ymd", [("digit", rf"(?P<y>{YN})(?:(?P<s>[-/.])(?P<m>0?[1-9]|1[0-2])[-/.](?P<d>0?[1-9]|[12]\d|3[01])(?!\d)(?P<t>{CLOCK})?|年(?P<m2>\d{{1,2}})月(?P<d2>\d{{1,2}})日)")])
def _h_ymd(m: re.Match, _: str) -> Val | None:
    if m.group("m2"):
        v = ymd(int(m.group("y")), int(m.group("m2")), int(m.group("d2")))
        return Val(v) if v else None
    txt = m.group(0)
    if len(set(re.findall(r"[-/.]", txt.split(" ")[0].split("T")[0]))) != 1:
        return None
    v = ymd(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if not v:
        return None
    t = m.group("t")
    if t:
        hh, mm = t.strip(" T").split(":")[:2]
        if int(hh) < 24 and int(mm) < 60:
            v += f"T{int(hh):02d}:{mm}"
    return Val(v)


@_point("ymd8", [("digit", rf"(?P<y>(?:19|20)\d\d)(?P<m>{MM2})(?P<d>{DD2})(?!\d)")])
def _h_ymd8(m: re.Match, _: str) -> Val | None:
    v = ymd(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return Val(v) if v else None


@_point("num_dmy", [("digit", rf"(?P<a>\d{{1,2}})(?P<s>[/.-])(?P<b>\d{{1,2}})[/.-](?P<y>{YN})")])
def _h_num_dmy(m: re.Match, _: str) -> Val | None:
    if len(set(re.findall(r"[/.-]", m.group(0)))) != 1:
        return None
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    mo, d = (a, b) if a <= 12 and m.group("s") == "/" else (b, a)
    if mo > 12:
        mo, d = d, mo
    v = ymd(y, mo, d)
    return Val(v) if v else None


@_point("ym", [("digit", rf"(?P<y>{YN})(?:[./-]|年)(?P<m>{MM2}|[1-9](?=月))月?(?![\d.])")])
def _h_ym(m: re.Match, _: str) -> Val | None:
    return Val(f"{int(m.group('y')):04d}-{int(m.group('m')):02d}")


@_point("num_my", [("digit", rf"(?P<m>{MM2}|[1-9])[/.](?P<y>{YN})")])
def _h_num_my(m: re.Match, _: str) -> Val | None:
    return Val(f"{int(m.group('y')):04d}-{int(m.group('m')):02d}")


_LIST_HEAD_RE = re.compile(r"(?:^|\n)[ \t]*(?:[-*•][ \t]*)?\Z|(?i:\b(?:as\s+of|since|until|by|in|from|through)\s+)\Z")


@_point("num_mdy2", [("digit", r"(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>\d\d)(?![\d/.]\d)")])
def _h_num_mdy2(m: re.Match, _: str) -> Val | None:
    """US short dates in lists and notes: 4/18/24."""
    v = ymd(year_of(m.group("y")), int(m.group("m")), int(m.group("d")))
    return Val(v) if v else None


@_point("num_my2", [("digit", r"(?P<m>0?[1-9]|1[0-2])/(?P<y>\d\d)(?![\d/%])")])
def _h_num_my2(m: re.Match, text: str) -> Val | None:
    """Month/two-digit year heading a list item ("11/24 proposal") or after "as of": elsewhere it reads as a fraction."""
    if not _LIST_HEAD_RE.search(text, max(0, m.start() - 12), m.start()):
        return None
    if not re.match(r"[ \t]+[A-Za-z]|[ \t]*(?:[\n.,;)]|\Z)", text[m.end() : m.end() + 2]):
        return None
    return Val(f"{year_of(m.group('y')):04d}-{int(m.group('m')):02d}")


@_point("mdy", [("month", rf"(?P<m>{MON_F})\s*(?P<d>{DAY}),?\s*(?P<y>{YR})")], "wkd")
def _h_mdy(m: re.Match, _: str) -> Val | None:
    v = ymd(year_of(m.group("y")), month_of(m.group("m")), day_of(m.group("d")))
    return Val(v) if v else None


@_point("dmy", [("digit", rf"(?P<d>{DAY})\s+(?i:of\s+)?(?P<m>{MON}),?\s*(?P<y>{YR})")], "wkd_the")
def _h_dmy(m: re.Match, _: str) -> Val | None:
    v = ymd(year_of(m.group("y")), month_of(m.group("m")), day_of(m.group("d")))
    return Val(v) if v else None


@_point("my", [("month", rf"(?P<m>{MON_F}),?\s*(?i:of\s+)?(?P<y>{YR})")], "mod")
def _h_my(m: re.Match, _: str) -> Val | None:
    return Val(f"{year_of(m.group('y')):04d}-{month_of(m.group('m')):02d}")


@_point("md", [("month", rf"(?P<m>{MON_F})\s*(?P<d>{DAY})(?!\s*[,:]?\s*\d)")], "wkd")
def _h_md(m: re.Match, _: str) -> Val | None:
    if not m.group("m")[0].isupper():
        return None
    return ymd_yearless(month_of(m.group("m")), day_of(m.group("d")))


@_point("dm", [("digit", rf"(?P<d>{DAY})\s+(?i:of\s+)?(?P<m>{MON})(?!,?\s*\d)")], "wkd_the")
def _h_dm(m: re.Match, _: str) -> Val | None:
    if not m.group("m")[0].isupper():
        return None
    return ymd_yearless(month_of(m.group("m")), day_of(m.group("d")))


@_point("season", [("season", rf"(?P<s>{SEA_F}),?\s+(?i:of\s+)?(?:(?i:semester|term|quarter|session)\s+)?(?P<y>{YR})"), ("digit", rf"(?P<y>{Y4})\s+(?P<s>{SEA})"), ("digit", rf"(?P<y>{Y4})\s*\((?P<s>{SEA})\)")], "the")
def _h_season(m: re.Match, _: str) -> Val | None:
    return Val(f"{year_of(m.group('y')):04d}-{SEASONS[m.group('s').lower()]}")


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
def _h_quarter(m: re.Match, _: str) -> Val | None:
    q = ORDINALS[m.group("o").lower()] if group(m, "o") else int(m.group("q").upper().strip("Q"))
    return Val(f"{year_of(m.group('y')):04d}-Q{q}") if 1 <= q <= 4 else None


@_point(
    "half",
    [
        ("qh", rf"(?P<h>H[12])\s*(?i:of\s+)?(?P<y>{YR})"),
        ("digit", rf"(?P<y>{Y4})\s*(?P<h>H[12])"),
        ("ord", rf"(?P<o>{first(['first', 'second', '1st', '2nd', 'latter', 'last'])})\s+(?i:half)\s+(?i:of\s+)?(?i:the\s+year\s+)?(?P<y>{YR})"),
    ],
    "the",
)
def _h_half(m: re.Match, _: str) -> Val | None:
    if group(m, "o"):
        h = 1 if m.group("o").lower() in ("first", "1st") else 2
    else:
        h = int(m.group("h")[1])
    return Val(f"{year_of(m.group('y')):04d}-H{h}")


@_point("decade", [("digit", r"(?P<dec>(?:1[0-9]|20)\d0)(?:['’]?s\b|年代)"), ("d12", r"(?P<cn>\d0)年代"), ("apos", r"['’‘](?P<d2>\d0)s\b"), ("decword", rf"(?P<w>{first(DECADE_WORDS)})\b")], "mod")
def _h_decade(m: re.Match, text: str) -> Val | None:
    if group(m, "dec"):
        return Val(m.group("dec")[:3] + "X")
    if group(m, "cn"):  # "上世纪80年代": the 1980s
        return Val("19" + m.group("cn")[0] + "X") if re.search(r"上个?世纪\Z", text[max(0, m.start() - 4) : m.start()]) else None
    if group(m, "d2"):
        return Val(str(year_of(m.group("d2")))[:3] + "X")
    if not BACK["mod"].search(text, max(0, m.start() - 40), m.start()):
        return None  # "in his forties" is an age, "the nineties" a decade
    return Val(f"19{DECADE_WORDS[m.group('w').lower()]}X")


@_point("century", [("digit", r"(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+(?i:century)\b"), ("ord", rf"(?P<o>{ORD_F})[\s-]+(?i:century)\b")], "mod")
def _h_century(m: re.Match, _: str) -> Val | None:
    n = int(m.group("n")) if group(m, "n") else ORDINALS[m.group("o").lower()]
    return Val(f"{n - 1:02d}") if 1 <= n <= 21 else None


@_point("fiscal", [("fiscal", rf"(?:{first(['fiscal'])}(?i:\s+year)?\s*|FY\s*)(?P<y>{Y4}|['’‘]?\d\d(?!\d))")])
def _h_fiscal(m: re.Match, _: str) -> Val | None:
    return Val(f"{year_of(m.group('y')):04d}")


@_point("cjk_year", [("digit", rf"(?P<y>{YN})年(?![\d０-９])")])
def _h_cjk_year(m: re.Match, _: str) -> Val | None:
    return Val(m.group("y"))


@_point("year", [("digit", rf"(?P<y>{Y4})")], "mod")
def _h_year(m: re.Match, text: str) -> Val | None:
    y = int(m.group("y"))
    if 1900 <= y <= 2099:
        return Val(f"{y:04d}")
    if 1700 <= y < 1900 and text[m.start() - 1 : m.start()] == "(" and text[m.end() : m.end() + 1] == ")":
        return Val(f"{y:04d}")  # "(1894)": a year in parentheses
    if 1000 <= y < 1900 and re.search(r"(?i:\b(?:in|since|of|from|by|until|year)\s*)\Z", text[max(0, m.start() - 8) : m.start()]):
        return Val(f"{y:04d}")
    return None


_ACRONYM_BEFORE_RE = re.compile(r"(?<![\w'’])(?=[A-Z])[A-Za-z]{2,12}\Z")  # KDD'25, NeurIPS'22, Award’14


@_point("yap", [("apos", rf"(?<!['’‘]){YAP}")])
def _h_yap(m: re.Match, text: str) -> Val | None:
    s, e = m.start(), m.end()
    before = text[max(0, s - 1) : s]
    if before and not (before.isspace() or before in "([") and not _ACRONYM_BEFORE_RE.search(text, max(0, s - 12), s):
        return None
    after = text[e : e + 2]
    if after[:1].isalnum() or re.match(r"\.\d", after):
        return None
    if re.match(r"\s*['’]", text[e : e + 2]):
        return None  # a closing quote right after ('22') makes it a quoted number
    return Val(f"{year_of(m.group(0)):04d}")


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
    ("d4", "half"): _WS + "H", ("d4", "decade"): "s'’年", ("d12", "decade"): "年", ("d12", "num_dmy"): "/.-", ("d12", "num_my"): "/.",
    ("d12", "dmy"): _WS + "snrt", ("d12", "dm"): _WS + "snrt", ("d12", "quarter"): "Q", ("d12", "century"): "snrt",
    ("d4", "cjk_year"): "年", ("d12", "num_mdy2"): "/", ("d12", "num_my2"): "/",
}


POINT_RES: list[tuple[str, str, re.Pattern, re.Pattern | None, Handler, str | None]] = [
    (n, dk, re.compile(p), BACK[b] if b else None, h, _FOLLOW.get((dk, n)))
    for n, ps, b, h in _POINTS
    for k, p in ps
    for dk in (_digit_kind(n, k, p),)
]
BARE_MONTH_RE = re.compile(rf"(?P<m>{MON_F})")
