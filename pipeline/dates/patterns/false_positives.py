"""What is not a date: numbers in URLs, DOIs, phone numbers, e-mail addresses and file
paths, and four-digit numbers that count things or sit inside identifiers.
"""

from __future__ import annotations

import bisect
import re

from pipeline.dates.lexicon import COUNT_CUES, COUNT_NOUNS

NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_PREV_WORD = re.compile(r"([A-Za-z.#$]+)\s*\Z")


_ACRONYM_DASH_RE = re.compile(r"[A-Z]{2,}-\Z")
_MOD_DASH_RE = re.compile(r"(?i:\b(?:mid|early|late|pre|post)-)\Z")
_THOUSANDS_BEFORE_RE = re.compile(r"(?:^|\D)\d{1,3},\Z")
_THOUSANDS_AFTER_RE = re.compile(r",\d{3}(?!\d)")


_YEAR_SLASH_RE = re.compile(r"(?<!\d)(?:19|20)\d\d/\Z")


def year_context_ok(text: str, s: int, e: int) -> bool:
    """A bare 4-digit number is a year unless it sits in an identifier or counts something."""
    b1 = text[s - 1] if s > 0 else ""
    b2 = text[s - 2] if s > 1 else ""
    a1 = text[e : e + 1]
    a2 = text[e + 1 : e + 2]
    if b1 == "/" and (text[max(0, s - 3) : s - 1] in ("??", "XX", "xx") or _YEAR_SLASH_RE.search(text, max(0, s - 6), s)):
        return True  # "??/2019": a year whose month is not known; "2018/2019/2020": a list of years
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
    if a1 == "/" and re.match(r"/(?:19|20)\d\d(?!\d)", text[e : e + 6]):
        return True  # "2018/2019/2020": a list of years
    if (a1 in ".:/-" and a1 and a2.isdigit()) or (a1 == "." and a2.isalpha()) or (a1 == "," and _THOUSANDS_AFTER_RE.match(text, e)):
        return False
    nxt = NEXT_WORD.match(text, e, min(len(text), e + 30))
    if nxt and nxt.group(1).lower() in COUNT_NOUNS:
        return False
    prv = _PREV_WORD.search(text, max(0, s - 16), s)
    return not (prv and prv.group(1).lower() in COUNT_CUES)


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


def masked_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for rx in _MASK_RES for m in rx.finditer(text)]
    for rx in (_EMAIL_RE, _PATH_RE):
        for m in rx.finditer(text):
            left = _TOKEN_LEFT_RE.search(text, max(0, m.start() - 80), m.start())
            spans.append((left.start() if left else m.start(), m.end()))
    spans.sort()
    return spans


def overlaps_mask(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    i = bisect.bisect_right(spans, (s, 1 << 62))
    j = i - 1
    while j >= 0 and i - j <= 8:
        if spans[j][1] > s:
            return True
        j -= 1
    return i < len(spans) and spans[i][0] < e
