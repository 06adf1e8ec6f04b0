"""Value arithmetic: ISO dates, weeks, quarters and durations, shifts against an anchor,
and the tense cues that pick the year of a year-less month or the week of a bare weekday.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from pipeline.dates.lexicon import MONTHS, NUMBERS, SEASONS, UNITS, WEEKDAYS


@dataclass(frozen=True, slots=True)
class Val:
    """A parsed point: ISO value, possibly with an unknown year written XXXX."""

    value: str
    yearless: bool = False


def ymd(y: int, m: int, d: int) -> str | None:
    if not (1 <= m <= 12) or not (1 <= d <= calendar.monthrange(y if y > 0 else 2000, m)[1]):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def ymd_yearless(m: int, d: int) -> Val | None:
    if not (1 <= m <= 12) or not (1 <= d <= calendar.monthrange(2000, m)[1]):
        return None
    return Val(f"XXXX-{m:02d}-{d:02d}", True)


def fill_year(v: Val, year: str) -> Val:
    return Val(v.value.replace("XXXX", year, 1), False) if v.yearless else v


def resolve_yearless(v: Val, dct: date | None, future: bool | None = None) -> Val | None:
    """Year-less month/day: the document date's year, or the one before/after when the tense says so."""
    if not v.yearless:
        return v
    if dct is None:
        return None
    return Val(v.value.replace("XXXX", f"{tense_year(v.value[5:], dct, future):04d}"), False)


def tense_year(md: str, dct: date, future: bool | None) -> int:
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


def num_of(tok: str) -> float | None:
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


def week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def rel_value(direction: str, unit: str, dct: date) -> str | None:
    d = direction.lower()
    k = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1, "following": 1}[d]
    u = unit.lower()
    if u == "year":
        return f"{dct.year + k:04d}"
    if u == "month":
        y, m = _shift_month(dct.year, dct.month, k)
        return f"{y:04d}-{m:02d}"
    if u in ("week", "weekend"):
        v = week_value(dct + timedelta(weeks=k))
        return v + "-WE" if u == "weekend" else v
    if u == "quarter":
        q = (dct.month - 1) // 3 + k
        y = dct.year + q // 4
        return f"{y:04d}-Q{q % 4 + 1}"
    if u in SEASONS:
        return f"{dct.year + k:04d}-{SEASONS[u]}"
    if u in WEEKDAYS:
        if d == "this":  # the day of the document date's week
            return (dct + timedelta(days=WEEKDAYS[u] - dct.weekday())).isoformat()
        return weekday_value(WEEKDAYS[u], dct, k)
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


def weekday_value(wd: int, dct: date, k: int, future: bool = False) -> str:
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


def ago_value(n: float, unit: str, dct: date) -> str | None:
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
        return week_value(dct - timedelta(weeks=n))
    if u == "day":
        return (dct - timedelta(days=n)).isoformat()
    return None


_FUTURE_RE = re.compile(r"(?i:\b(?:will|'ll|shall|going\s+to|plan(?:s|ned|ning)?\s+to|scheduled|expected\s+to|set\s+to|due\s+to|ready\s+to|is\s+to|are\s+to|next)\b)")
_STRICT_FUTURE_RE = re.compile(r"(?i:\b(?:will|'ll|shall|plan(?:s|ned|ning)?\s+to|(?:is|are|was|were)\s+(?:scheduled|set|due|expected)\s+to|(?:as\s+(?:soon|early)\s+as))\b)")
_PAST_RE = re.compile(r"(?i:\b(?:was|were|had|did|said|ago|\w{3,}(?<!e)ed)\b)")
_FUTURE_PREP_RE = re.compile(r"(?i:\b(?:by|through|until|till|effective|starting|beginning)\s+(?:the\s+)?(?:end\s+of\s+|early\s+|mid-?|late\s+)?)\Z")


def future_context(text: str, pos: int, strict: bool = False) -> bool:
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
    return not past or past[-1].start() < fut[-1].end()  # "is scheduled to": not a past tense


def dur_value(n: float | None, unit: str) -> str:
    code = UNITS[unit.lower()]
    num = "X" if n is None else (str(int(n)) if n == int(n) else str(n))
    if code.startswith("T"):
        return f"PT{num}{code[1:]}"
    if code == "2W":
        return f"P{'X' if n is None else int(n * 2)}W"
    return f"P{num}{code}"


def num_value(tok: str) -> float | None:
    t = re.sub(r"[\s-]+", " ", tok.lower()).strip()
    parts = t.split(" ")
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS and (NUMBERS[parts[0]] or 0) >= 20:
        return (NUMBERS[parts[0]] or 0) + (NUMBERS[parts[1]] or 0)
    if re.fullmatch(r"\d+ \d/\d", t):
        w, fr = t.split(" ")
        a, b = fr.split("/")
        return int(w) + int(a) / int(b)
    return num_of(t)


def quarter_ref(dct: date) -> tuple[int, int]:
    """The quarter a news report refers to as "the quarter": the last one completed."""
    q = (dct.month - 1) // 3
    return (dct.year, q) if q > 0 else (dct.year - 1, 4)


def closest_year(q: int, ref: tuple[int, int], per_year: int) -> int:
    best = None
    for y in (ref[0] - 1, ref[0], ref[0] + 1):
        d = (y * per_year + q) - (ref[0] * per_year + ref[1])
        key = (abs(d), d > 0)
        if best is None or key < best[0]:
            best = (key, y)
    return best[1]  # type: ignore[index]


_QUARTER_WORD_RE = re.compile(r"(?i:\bquarter)")
QUARTER_VALUE_RE = re.compile(r"\d{4}-Q[1-4]")


def year_ago_value(text: str, pos: int, dct: date, ref: tuple[int, int]) -> str:
    """"A year ago" in a quarterly report means the same quarter a year before."""
    if _QUARTER_WORD_RE.search(text, max(0, pos - 300), pos + 60):
        return f"{ref[0] - 1:04d}-Q{ref[1]}"
    return f"{dct.year - 1:04d}"


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_ANCHOR_RE = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d\d)(?:-(?P<d>\d\d))?|-(?P<s>SP|SU|FA|WI)|-[QH]\d)?")


def shift_value(anchor: str, k: int, unit: str) -> str | None:
    """The value `k` units after (before, when negative) an explicit date, at the unit's grain:
    "seven years later" after 2014 is 2021; "two months later" needs a month to count from."""
    m = _ANCHOR_RE.match(anchor)
    if m is None:
        return None
    y = int(m.group("y"))
    u = unit.lower()
    if u == "year":
        return f"{y + k:04d}"
    if u == "decade":
        return f"{y + 10 * k:04d}"[:3] + "X"
    if u in SEASONS:
        code = SEASONS[u]
        mo = int(m.group("m")) if m.group("m") else _SEASON_START.get(m.group("s") or "", 0)
        if k == 0:
            return f"{y:04d}-{code}"
        if k > 0:
            return f"{y + (0 if mo and mo < _SEASON_START[code] else 1):04d}-{code}"
        return f"{y - (0 if mo and mo > _SEASON_START[code] else 1):04d}-{code}"
    if m.group("m") is None:
        return None
    if u == "month":
        yy, mm = _shift_month(y, int(m.group("m")), k)
        return f"{yy:04d}-{mm:02d}"
    if m.group("d") is None:
        return None
    d = date(y, int(m.group("m")), int(m.group("d")))
    if u == "week":
        return week_value(d + timedelta(weeks=k))
    if u == "day":
        return (d + timedelta(days=k)).isoformat()
    return None


_WD_CODE = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}


def _easter(y: int) -> date:
    """Gregorian Easter Sunday (the anonymous computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    return date(y, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


def holiday_date(spec: str, y: int) -> date:
    """A holiday's date in year `y`: "12-25", "11-22+TH" (first Thursday from Nov 22), "easter-2"."""
    if spec.startswith("easter"):
        return _easter(y) + timedelta(days=int(spec[6:]))
    md, _, wd = spec.partition("+")
    d = date(y, int(md[:2]), int(md[3:5]))
    if wd:
        d += timedelta(days=(_WD_CODE[wd] - d.weekday()) % 7)
    return d


def holiday_value(spec: str, dct: date, k: int | None, future: bool) -> str:
    """The holiday nearest the document date (within two months), else the last one (the next when
    the tense is future); `k` = -1/+1 for "last"/"next Christmas", 0 for "this Christmas"."""
    days = [(holiday_date(spec, y) - dct, y) for y in (dct.year - 1, dct.year, dct.year + 1)]
    if k == 0:
        y = dct.year
    elif k == -1:
        y = max(y for dd, y in days if dd.days < 0)
    elif k == 1:
        y = min(y for dd, y in days if dd.days > 0)
    else:
        near = min(days, key=lambda t: (abs(t[0].days), t[0].days > 0))
        if abs(near[0].days) <= 62:
            y = near[1]
        elif future:
            y = min(y for dd, y in days if dd.days > 0)
        else:
            y = max(y for dd, y in days if dd.days <= 0)
    return holiday_date(spec, y).isoformat()
