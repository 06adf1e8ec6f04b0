"""The document date a byline states ("Published March 3, 2024", a news dateline), using the
date stage's month words; a byline in another language ("Veröffentlicht am 3. März 2024",
"Publié le 12 février 2023") is read by dateparser, which knows those languages' month names."""

from __future__ import annotations

import datetime
import re
from functools import lru_cache


from ..dates.lexicon import MONTHS, alt, month_of
from .rewrite import jsonl

_MONTHS_RE = alt(MONTHS)  # the date stage's month words
_DATE_FORMS = [
    (r"(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?", "ymd"),
    (r"(?P<y>(?:19|20)\d\d)年(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:\s*\d{1,2}:\d{2})?", "ymd"),
    (r"(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)", "ymd"),
    (r"(?P<mon>" + _MONTHS_RE + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)", "mdy"),
    (r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon>" + _MONTHS_RE + r")\.?,?\s+(?P<y>(?:19|20)\d\d)", "dmy"),
]
_BYLINE_SCAN_LINES = 15
_BYLINE_MAX_LINE = 80


# Languages of the labelled bylines dateparser reads; English ones never get that far.
_OTHER_LANGUAGES = ["de", "fr", "es", "it", "pt", "nl"]


@lru_cache(maxsize=1)
def _other_language_byline() -> re.Pattern[str]:
    labels = sorted((w for row in jsonl("byline.jsonl") if row["kind"] == "label_other_languages" for w in row["words"]), key=len, reverse=True)
    return re.compile(
        r"^\W*(?:" + "|".join(re.escape(w) for w in labels) + r")\b\s*[:：]?\s*(?:(?:am|le|el|il|em|op|on)\s+)?(?P<date>[^\n]{6,40}?)\s*$",
        re.I,
    )


@lru_cache(maxsize=256)
def other_language_date(s: str) -> datetime.date | None:
    """A date in another language with day, month and year ("3. März 2024"), else None."""
    import dateparser  # imported on first use: most documents never need it

    got = dateparser.parse(
        s,
        languages=_OTHER_LANGUAGES,
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return got.date() if got is not None else None


@lru_cache(maxsize=1)
def _byline_patterns() -> tuple[re.Pattern[str], tuple[re.Pattern[str], re.Pattern[str]], list[re.Pattern[str]]]:
    labels: list[str] = []
    for row in jsonl("byline.jsonl"):
        if row["kind"] == "label":
            labels.extend(row["words"])
    labels.sort(key=len, reverse=True)
    date_res = [re.compile(p, re.I) for p, _ in _DATE_FORMS]
    alt = "|".join(f"(?:{p})" for p, _ in _DATE_FORMS)
    alt_plain = re.sub(r"\(\?P<\w+>", "(?:", alt)
    labelled = re.compile(
        r"^\W*(?:" + "|".join(re.escape(w) for w in labels) + r")\b\s*[:：]?\s*(?:on\s+)?(?P<date>" + alt_plain + r")",
        re.I,
    )
    glued = re.compile(
        r"^(?:\S.{0,40}?)??(?P<date>(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}[ T]\d{1,2}:\d{2}(?::\d{2})?)\s*$"
        r"|^(?P<alone>" + alt_plain + r")\s*$",
        re.I,
    )
    dateline = re.compile(  # a news dateline: "SPRINGFIELD, Ill. -- July 30, 2018 -- Acme today..."
        r"^[\W_]*[A-Z][A-Z'.-]+(?:[ ,]+[A-Z][\w'.-]*){0,5},?\s+(?:--|[–—-])\s*(?P<date>" + alt_plain + r")[\s*_]*(?:--|[–—-])",
    )
    return labelled, (glued, dateline), date_res


def _parse_date(s: str) -> datetime.date | None:
    _, _, forms = _byline_patterns()
    for rx in forms:
        m = rx.match(s)
        if not m:
            continue
        gd = m.groupdict()
        try:
            y = int(gd["y"])
            d = int(gd["d"])
            if gd.get("mon"):
                mo = month_of(gd["mon"])
            else:
                mo = int(gd["m"])
            return datetime.date(y, mo, d)
        except (ValueError, TypeError, KeyError):
            continue
    return None


def find_dct(text: str) -> tuple[datetime.date | None, tuple[int, int] | None]:
    """A byline date near the top: "Published: March 3, 2024", "2024-03-03 10:00", "SourceName2024-03-03 10:00"."""
    labelled, (glued, dateline), _ = _byline_patterns()
    pos = 0
    seen = 0
    n = len(text)
    while pos < n and seen < _BYLINE_SCAN_LINES:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        line = text[pos:end]
        if line.strip():
            seen += 1
            m = labelled.match(line) or dateline.match(line)
            g = "date"
            if m is None and len(line) <= _BYLINE_MAX_LINE:
                m = glued.match(line)
                g = "date" if m and m.group("date") else "alone"
            if m is not None:
                d = _parse_date(m.group(g))
                if d is not None:
                    return d, (pos + m.start(g), pos + m.end(g))
            else:
                m = _other_language_byline().match(line)
                d = other_language_date(m.group("date")) if m is not None else None
                if d is not None:
                    return d, (pos + m.start("date"), pos + m.end("date"))
        pos = end + 1
    return None, None

