"""Forms only TimeML mode emits: durations, sets, times of day, PRESENT_REF and the like,
quarters and "a year earlier" of financial news, spelled-out years and bare months.

The project's own mentions leave these out (a duration is not a date of a fact);
TempEval-3 scores them.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.dates.candidate import Cand, around
from pipeline.dates.lexicon import (
    DAYPARTS,
    MON,
    MONTHS,
    NUMBERS,
    ORDINALS,
    REFS,
    SEA,
    SEASONS,
    SETS,
    SMALL,
    TENS,
    WEEKDAYS,
    alt,
    first,
    month_of,
)
from pipeline.dates.patterns.absolute import BACK
from pipeline.dates.patterns.durations import (
    AGE_LONG_RE,
    APPROX_BACK,
    DUR_RE,
    EVERY_RE,
    FEW_RE,
    FOR_PLURAL_RE,
    REF_RE,
    SET_RE,
    THE_DUR_RE,
)
from pipeline.dates.patterns.false_positives import NEXT_WORD
from pipeline.dates.patterns.relative import (
    MONTH_ALONE_RE,
    REL_MOD_BACK,
    WEEKEND_RE,
    YEAR_AGO_RE,
)
from pipeline.dates.patterns.times import CLOCK_RE, PART_RE, QUARTER_RE
from pipeline.dates.values import (
    closest_year,
    dur_value,
    future_context,
    num_value,
    quarter_ref,
    tense_year,
    week_value,
    weekday_value,
    year_ago_value,
)

_FUNCTION_WORDS = frozenset(["and", "or", "but", "in", "on", "at", "by", "for", "to", "from", "since", "until", "with", "as", "the", "a", "an", "than", "through", "during"])


_UNIT_NUM = {w: i for i, w in enumerate(SMALL, 1)}
_TEEN_NUM = {w: int(NUMBERS[w] or 0) for w in ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")}
_TENS_NUM = {w: int(NUMBERS[w] or 0) for w in TENS}
_SPELLED_YEAR_RE = re.compile(
    rf"(?<![\w-])(?:(?P<the>{first(['the year'])})\s+)?(?:(?P<c>{first(['nineteen', 'eighteen', 'twenty'])})[\s-]+(?:(?P<t>{alt(TENS)})(?:[\s-]+(?P<u>{alt(SMALL)}))?|(?P<teen>{alt(_TEEN_NUM)})|(?i:oh)[\s-]+(?P<ou>{alt(SMALL)}))"
    rf"|(?P<tt>{first(['two thousand'])})(?:(?:\s+and)?[\s-]+(?P<tu>{alt(list(SMALL) + list(_TEEN_NUM))}))?)(?![\w-])"
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


_EVERY_DAY_RE = re.compile(rf"(?<![\w-]){first(['every', 'each'])}\s+(?P<w>{alt(list(WEEKDAYS) + [m for m in MONTHS if len(m) > 3])})(?![\w-])")
_VAGUE_PLURAL_RE = re.compile(rf"(?<![\w-])(?P<w>{first(['coming', 'future', 'past'])})\s+(?i:months|quarters|years)(?![\w-])")
_THE_YEAR_RE = re.compile(
    rf"(?<=[\w,] )(?:{first(['the'])}\s+(?:(?P<k>(?i:latest|current|past|last))\s+)?(?P<fy>(?i:fiscal\s+))?(?i:year)|(?P<c>{first(['this century'])}))(?![\w'’-])(?!\s+(?:of|before|after|ago|earlier|later|to|in\s+which|when|that)\b)"
)
_LONG_NEEDLE = re.compile(r"-long\b")
_WHICH_YEAR_RE = re.compile(r"\s+(?i:(last|this|next)\s+year)\b(?![\w'’-])")
_SEASON_ALONE_RE = re.compile(
    rf"(?<![\w-])(?P<pre>(?i:the\s+|this\s+past\s+|this\s+coming\s+|(?:the\s+)?(?:early|late|mid)[\s-]+)|(?<=\b[Ii]n\s))?(?P<s>{first(SEASONS)})(?![\w-])"
)


def _spelled_years(text: str, out: list[Cand]) -> None:
    """Years written out: "nineteen ninety-eight", "the year two thousand"."""
    for m in _SPELLED_YEAR_RE.finditer(text):
        y = _spelled_year(m)
        if y is None:
            continue
        start, value = m.start(), f"{y:04d}"
        pre = re.search(rf"(?:(?P<mon>{MON})|(?i:the\s+)?(?P<sea>{SEA})\s+(?i:of\s+))\s*\Z", text[max(0, start - 24) : start])
        if pre:
            start -= len(pre.group(0))
            value = f"{y:04d}-{month_of(pre.group('mon')):02d}" if pre.group("mon") else f"{y:04d}-{SEASONS[pre.group('sea').lower()]}"
        out.append(Cand(start, m.end(), value, "DATE", 2))


def _references_and_sets(text: str, dct: date | None, out: list[Cand]) -> None:
    """PRESENT_REF and its kin, "the year", and frequencies: "daily", "every Monday", "each week"."""
    for m in REF_RE.finditer(text):
        w = re.sub(r"\s+", " ", m.group("w").lower())
        if w in ("recent", "future"):
            continue  # as adjectives these are rarely annotated
        if w == "current" and re.match(r"\s+(?:account|events?|status|issue|price|contract|members?|plans?|generations?)\b", text[m.end() : m.end() + 14]):
            continue
        out.append(Cand(m.start(), m.end(), REFS[w], "DATE", 0))
    for m in SET_RE.finditer(text):
        nxt = NEXT_WORD.match(text, m.end(), min(len(text), m.end() + 20))
        adjective = nxt and text[m.end() : nxt.start(1)].strip() == "" and (nxt.group(1)[0].isupper() or nxt.group(1) not in _FUNCTION_WORDS)
        if adjective and (m.group("w").lower() != "daily" or nxt.group(1)[0].isupper() or re.search(r"(?i:\b(?:the|a|an)\s+)\Z", text[max(0, m.start() - 5) : m.start()])):
            continue  # "the quarterly dividend", "the daily Granma": adjectives, not frequencies ("daily trading" is one)
        out.append(Cand(m.start(), m.end(), SETS[m.group("w").lower()], "SET", 1))
    for m in _THE_YEAR_RE.finditer(text):
        if m.group("fy") and not dct:
            continue
        pre = text[max(0, m.start() - 12) : m.start()].lower()
        if m.group("c"):
            out.append(Cand(m.start(), m.end(), "P1CE", "DATE", 1))  # "this century"
        elif dct and (m.group("k") or re.search(r"\b(?:in|by|of)\s*\Z", pre)):
            k = {"latest": -1, "past": -1, "last": -1, "current": 0}.get((m.group("k") or "").lower(), 0)
            out.append(Cand(m.start(), m.end(), f"{dct.year + k:04d}", "DATE", 1))
        else:
            out.append(Cand(m.start(), m.end(), "P1Y", "DURATION", 0))  # "for the year", "during the fiscal year"
    for m in _EVERY_DAY_RE.finditer(text):
        w = m.group("w").lower().rstrip(".")
        v = f"XXXX-WXX-{WEEKDAYS[w] + 1}" if w in WEEKDAYS else f"XXXX-{MONTHS[w]:02d}"
        out.append(Cand(m.start(), m.end(), v, "SET", 2))
    for m in EVERY_RE.finditer(text):
        n = num_value(m.group("n")) if m.group("n") else 1
        out.append(Cand(m.start(), m.end(), dur_value(n, m.group("unit")), "SET", 2))


def _durations(text: str, out: list[Cand]) -> None:
    """Stretches of time: "three years", "the past decade", "several months", "decades-long"."""
    for m in DUR_RE.finditer(text):
        unit = m.group("unit").lower()
        n = num_value(m.group("n"))
        ntok = m.group("n").lower()
        if re.fullmatch(r"(?:1[89]|20)\d\d", ntok):
            continue  # "the 1988 quarter" is a year's quarter, not 1,988 of them
        if ntok in ("a", "an") and (unit in ("second", "quarter") or re.search(r"(?:\$|\d|\bcents?|\bdollars?|\btimes|\bseats|\bflights)\s*\S*\s*\Z", text[max(0, m.start() - 20) : m.start()])):
            continue  # "$1.76 a year", "a second group", "a quarter of"
        if unit == "quarter" and ((m.group("pl") and not m.group("pre")) or re.match(r"\s+of\b", text[m.end() : m.end() + 4])):
            continue  # "three quarters of", but "the next three quarters"
        after = re.match(r"\s+(?i:(ago|earlier|later|old))\b", text[m.end() : m.end() + 8])
        if after and not (after.group(1).lower() in ("earlier", "later") and unit in ("hour", "minute", "second")):
            continue  # "an hour later" is annotated as its duration; "two years later" is a date (narrative.py)
        if unit == "second" and not m.group("pl") and ntok in ORDINALS:
            continue
        start = m.start("pre") if m.group("pre") else m.start("n")
        approx = APPROX_BACK.search(text, max(0, start - 20), start)
        if approx:
            start = approx.start()
        out.append(Cand(start, m.end(), dur_value(n, unit), "DURATION", 1))
    for m in around(AGE_LONG_RE, text, _LONG_NEEDLE):
        n = num_value(m.group("n")) if m.group("n") else (None if m.group("pl") else 1)
        if m.group("n") and n is None:
            continue
        out.append(Cand(m.start(), m.end(), dur_value(n, m.group("unit")), "DURATION", 1))
    for m in THE_DUR_RE.finditer(text):
        out.append(Cand(m.start(), m.end(), dur_value(1 if not m.group("pl") else None, m.group("unit")), "DURATION", 0))
    for m in FEW_RE.finditer(text):
        pre = m.group("pre").lower()
        unit = m.group("unit")
        if pre == "recent" and unit.lower() == "year":
            out.append(Cand(m.start(), m.end(), "PAST_REF", "DATE", 2))
            continue
        if not m.group("pl") and pre not in ("a few",):
            continue
        out.append(Cand(m.start(), m.end(), dur_value(None, unit), "DURATION", 1))
    for m in _VAGUE_PLURAL_RE.finditer(text):
        if re.search(r"(?i:\bthe\s+)\Z", text[max(0, m.start() - 4) : m.start()]):
            continue  # "the coming years" is a stretch of time (THE_DUR_RE)
        out.append(Cand(m.start(), m.end(), "PAST_REF" if m.group("w").lower() == "past" else "FUTURE_REF", "DATE", 0))
    for m in FOR_PLURAL_RE.finditer(text):
        out.append(Cand(m.start(), m.end(), dur_value(None, m.group("unit")[:-1] if not m.group("unit").endswith("ies") else "century"), "DURATION", 0))


def _times_of_day(text: str, dct: date | None, out: list[Cand]) -> None:
    """Clock times and parts of days: "2 p.m. Friday", "this morning", "Friday night"."""
    for m in CLOCK_RE.finditer(text):
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
            day = weekday_value(WEEKDAYS[m.group("wd").lower()], dct, 0, future=future_context(text, m.start(), strict=True))
        out.append(Cand(m.start(), m.end(), f"{day}T{hm}", "TIME", 2))
    for m in PART_RE.finditer(text):
        part = DAYPARTS[m.group("part").lower()]
        base: str | None = None
        if dct:
            if m.group("wd"):
                base = weekday_value(WEEKDAYS[m.group("wd").lower()], dct, 0, future=future_context(text, m.start(), strict=True))
            else:
                rel = m.group("rel").lower()
                if rel in ("early", "late"):
                    continue
                k = {"yesterday": -1, "today": 0, "this": 0, "tomorrow": 1, "last": -1}[rel]
                if rel == "last" and part != "NI":
                    continue
                base = (dct + timedelta(days=k)).isoformat()
        if part == "NI" and m.group("wd"):
            out.append(Cand(m.start(), m.end(), base, "DATE", 2))  # "Friday night" is annotated as the day
            continue
        out.append(Cand(m.start(), m.end(), f"{base}T{part}" if base else None, "TIME", 2))


def _news_periods(text: str, dct: date, out: list[Cand]) -> None:
    """Financial news's periods: "the third quarter", "the weekend", "a year earlier"."""
    ref = quarter_ref(dct)
    for m in QUARTER_RE.finditer(text):
        u = m.group("u").lower()
        pre = (m.group("pre") or "").lower()
        o = m.group("o")
        yr = m.group("y")
        if u == "period" and not yr and not re.search(r"\b(?:latest|year-ago|year-earlier|comparable|same)\b", pre):
            continue
        if not o and not pre.strip():
            continue
        if u == "half":
            if not o or ORDINALS.get(o.lower(), 9) > 2:
                continue
            h = ORDINALS[o.lower()]
            y = closest_year(h, (dct.year, 1 if dct.month <= 6 else 2), 2)
            out.append(Cand(m.start(), m.end(), f"{y:04d}-H{h}", "DATE", 1))
            continue
        q = ORDINALS.get(o.lower(), 9) if o else ref[1]
        if q > 4:
            continue
        y = int(yr) if yr else closest_year(q, ref, 4) if o else ref[0]
        if re.search(r"year-ago|year-earlier|comparable|same", pre):
            y -= 1
        elif "current" in pre and not o:
            y, q = dct.year, (dct.month - 1) // 3 + 1
        if re.fullmatch(r"\s*", text[m.end() : m.end() + 1]) and re.match(r"\s+(?:of\s+)?(?:fiscal\s+)?(?:1[89]|20)\d\d", text[m.end() : m.end() + 20]):
            continue  # "the third quarter of 1989" is a point form
        start = m.start("o") if o and pre.strip() == "the" and text[m.end("o") : m.end("o") + 1] == "-" else m.start()
        out.append(Cand(start, m.end(), f"{y:04d}-Q{q}", "DATE", 1))  # "the third-quarter profit": the adjective alone
    for m in WEEKEND_RE.finditer(text):
        back = 0 if dct.weekday() >= 5 else 1  # on a weekday, "the weekend" is the one just past
        out.append(Cand(m.start(), m.end(), week_value(dct - timedelta(weeks=back)) + "-WE", "DATE", 1))
    for m in YEAR_AGO_RE.finditer(text):
        out.append(Cand(m.start(), m.end(), year_ago_value(text, m.start(), dct, ref), "DATE", 2, True))


def _bare_months_and_seasons(text: str, dct: date, out: list[Cand]) -> None:
    """A month or a season without its year, placed by the document date and the tense."""
    for m in MONTH_ALONE_RE.finditer(text):
        w = m.group("m")
        if not w[0].isupper():
            continue
        if w.lower() not in ("may", "june", "july", "march", "april") and len(w) <= 4 and text[m.end() : m.end() + 1] != ".":
            continue  # an abbreviation needs its period: "Jan Kavan" is a name
        if w.lower() == "may" and (m.start() == 0 or re.search(r"[.!?\"\n]\s*\Z", text[max(0, m.start() - 3) : m.start()]) or re.match(r"\s+(?:be|have|not|also|well|want|take|make|seek|face|need|see|get|lose|become|try|come|go)\b", text[m.end() : m.end() + 8])):
            continue
        if m.start() > 0 and text[m.start() - 1] == "-" and not re.search(r"(?i:\b(?:mid|early|late)-)\Z", text[max(0, m.start() - 6) : m.start()]):
            continue
        mo = month_of(w)
        y = tense_year(f"{mo:02d}", dct, future_context(text, m.start()))
        b = REL_MOD_BACK.search(text, max(0, m.start() - 30), m.start()) or BACK["mod"].search(text, max(0, m.start() - 30), m.start())
        start = b.start() if b and not b.group(0).lower().startswith("the") else m.start()
        end = m.end() + (1 if text[m.end() : m.end() + 1] == "." and len(w) <= 4 else 0)
        yr = _WHICH_YEAR_RE.match(text, end)
        if yr:  # "April next year", "June last year"
            y, end = dct.year + {"last": -1, "this": 0, "next": 1}[yr.group(1).lower()], yr.end()
        out.append(Cand(start, end, f"{y:04d}-{mo:02d}", "DATE", 0 if not yr else 2))
    for m in _SEASON_ALONE_RE.finditer(text):
        s = m.group("s").lower()
        if m.group("s")[0].islower() and s == "fall" and not m.group("pre"):
            continue  # "prices fall"
        if re.match(r"\s+(?:of\s+)?(?:(?:19|20)\d\d|['’]\d\d)", text[m.end() : m.end() + 9]):
            continue  # "summer 1998" is a point form
        code = SEASONS[s]
        pre = re.sub(r"\s+", " ", (m.group("pre") or "").lower())
        k = -1 if "past" in pre else 1 if "coming" in pre else None
        begins = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        future = k == 1 if k is not None else future_context(text, m.start())
        if future:  # the next one not yet over; in the past tense the last one begun
            y = dct.year if dct.month <= begins else dct.year + 1
        else:
            y = dct.year if dct.month >= begins else dct.year - 1
        out.append(Cand(m.start(), m.end(), f"{y:04d}-{code}", "DATE", 0))


def timeml_forms(text: str, dct: date | None, out: list[Cand]) -> None:
    """TimeML-only expressions: durations, sets, times of day, present/past/future references."""
    _spelled_years(text, out)
    _references_and_sets(text, dct, out)
    _durations(text, out)
    _times_of_day(text, dct, out)
    if dct is None:
        return
    _news_periods(text, dct, out)
    _bare_months_and_seasons(text, dct, out)
