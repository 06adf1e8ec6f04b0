"""Pass 3 and 4 of cleaning: spaced hyphens and ampersands joined ("pre - training"), glued
tokens split (e-mail addresses run into words, "WeChat15600307011"), whitespace normalised."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator


from .rewrite import Edit, jsonl

@lru_cache(maxsize=1)
def _affixes() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {"prefix": set(), "free_prefix": set(), "suffix": set()}
    for row in jsonl("hyphenation.jsonl"):
        found[row["kind"]].update(w.lower() for w in row["words"])
    return {k: frozenset(v) for k, v in found.items()}


@lru_cache(maxsize=1)
def _email_words() -> tuple[tuple[str, ...], frozenset[str]]:
    tlds: set[str] = set()
    glued: set[str] = set()
    for row in jsonl("email_tlds.jsonl"):
        (tlds if row["kind"] == "tld" else glued).update(row["words"])
    return tuple(sorted(tlds, key=len, reverse=True)), frozenset(glued)


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    words: set[str] = set()
    for row in jsonl("byline.jsonl"):
        if row["kind"] in ("month", "month_abbrev"):
            words.update(row["words"])
    return frozenset(words)


_EMAIL_GLUE = re.compile(r"[\w.+-]+@(?:[A-Za-z0-9-]+\.)+([a-z]{3,})")
_YEARISH = re.compile(r"(?:1[89]|20)\d\d|\d{5,}")
_CAPS = re.compile(r"[A-Z0-9]{1,5}")
_OPEN_END = frozenset({"now", "present", "today", "current", "date", "till", "until"})


def _date_side(w: str) -> bool:
    lw = w.lower()
    return bool(_YEARISH.fullmatch(w)) or lw in _months() or lw in _OPEN_END


def _join_spaced(left: str, op: str, right: str) -> bool:
    """Is "left - right" one hyphenated token that lost its hyphen spacing (or "R & D")?"""
    if op == "&":
        return left.isupper() and right.isupper() and len(left) <= 3 and len(right) <= 3 and left.isalpha() and right.isalpha()
    if _date_side(left) or _date_side(right):
        return False
    aff = _affixes()
    low_l, low_r = left.lower(), right.lower()
    if low_l in aff["prefix"] and (left.islower() or left.istitle() or len(left) == 1):
        return right[:1].isalnum()
    if low_r in aff["suffix"] and (right.islower() or right.istitle()):
        if low_l in aff["free_prefix"] or left.isupper() or left.isdigit():
            return True
        return left.islower() and right.islower()
    return bool(_CAPS.fullmatch(left) and _CAPS.fullmatch(right))


_SPACED_OP = re.compile(r" ([-&]) (?=\w)")
_RIGHT_WORD = re.compile(r"\w+(?![\w\-/]|\.\d)")
_EMAIL_AT = re.compile(r"(?<=\w)@(?=\w)")
_LONG_DIGITS = re.compile(r"(?<=[A-Za-z])\d{7,}(?!\w)")
_GLUED_LETTERS = re.compile(r"(?<![\w])[A-Za-z]{2,}$")


def token_edits(text: str) -> Iterator[Edit]:
    edits: list[Edit] = []
    for m in _SPACED_OP.finditer(text):
        op = m.start(1)
        k = op - 1
        while k > 0 and op - 1 - k < 64 and (text[k - 1].isalnum() or text[k - 1] == "_"):
            k -= 1
        left = text[k : op - 1]
        if not left or (k > 0 and text[k - 1] in ".-/"):
            continue
        rm = _RIGHT_WORD.match(text, op + 2)
        if rm and _join_spaced(left, m.group(1), rm.group(0)):
            edits.append((op - 1, op, ""))
            edits.append((op + 1, op + 2, ""))
    tlds, glued = _email_words()
    for at in _EMAIL_AT.finditer(text):
        m = _EMAIL_GLUE.match(text, _email_start(text, at.start()))
        if m is None or m.start(1) < at.start():
            continue
        label = m.group(1)
        if label in tlds:
            continue
        for tld in tlds:
            if label.startswith(tld) and label[len(tld) :] in glued:
                cut = m.start(1) + len(tld)
                edits.append((cut, cut, " "))
                break
    for m in _LONG_DIGITS.finditer(text):
        if _GLUED_LETTERS.search(text, max(0, m.start() - 40), m.start()):
            edits.append((m.start(), m.start(), " "))
    edits.sort(key=lambda e: (e[0], e[1]))
    return iter(edits)


def _email_start(text: str, at: int) -> int:
    k = at
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "._+-"):
        k -= 1
        if at - k > 64:
            break
    return k


# ---------------------------------------------------------------- pass 4: whitespace

_WS_RUN = re.compile(r"[ ]*\n[ \n]*|[ ]{2,}|\A[ ]+|[ ]+\Z")


def ws_edits(text: str) -> Iterator[Edit]:
    n = len(text)
    for m in _WS_RUN.finditer(text):
        s, e = m.span()
        if "\n" not in m.group(0):
            if s == 0 or e == n:
                yield s, e, ""
            else:
                yield s + 1, e, ""
            continue
        first = text.index("\n", s, e)
        nls = m.group(0).count("\n")
        if s == 0 or e == n:
            yield s, e, ""
        elif nls == 1:
            yield s, first, ""
            yield first + 1, e, ""
        else:
            last = text.rindex("\n", s, e)
            yield s, first, ""
            yield first + 1, last, ""
            yield last + 1, e, ""

