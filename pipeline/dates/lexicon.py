"""The words of dates (months, seasons, weekdays, ordinals, numbers, units), loaded from
pipeline/patterns/dates.jsonl, and the regex atoms built from them.

Words live in data so that a new spelling is a line in a JSONL file, not a code change;
`first` builds a prefix tree so that a pattern starting with a word dispatches on
its next character instead of trying every alternative.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

_PATTERNS = Path(__file__).parents[1] / "patterns" / "dates.jsonl"


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


def alt(words) -> str:
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


def first(words) -> str:
    """Lower, Capitalized and UPPER forms as a prefix tree: a fast, literal-led pattern start."""
    forms: set[str] = set()
    for w in words:
        w = re.sub(r"\s+", " ", w)
        forms.update((w.lower(), w[:1].upper() + w[1:].lower(), w.upper()))
    return _trie(forms)


# ---------------------------------------------------------------- regex atoms
MON_F = rf"{first(MONTHS)}\b\.?"
MON = rf"{alt(MONTHS)}\b\.?"
SEA_F = rf"{first(SEASONS)}\b"
SEA = rf"{alt(SEASONS)}\b"
WKD = rf"{alt(WEEKDAYS)}\b"
ORD_F = rf"{first(ORDINALS)}\b"
ORD = rf"{alt(ORDINALS)}\b"
NUM = rf"(?:{alt(NUMBERS)}\b|\d+(?:\.\d+)?\b)"
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


def year_of(tok: str) -> int:
    tok = tok.strip("'’‘")
    y = int(tok)
    if len(tok) == 2:
        y += 2000 if y <= 50 else 1900
    return y


def month_of(tok: str) -> int:
    return MONTHS[re.sub(r"\W", "", tok.lower())]


def day_of(tok: str) -> int:
    return int(re.match(r"\d+", tok).group())  # type: ignore[union-attr]


TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SMALL = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
HOLIDAYS: dict[str, str] = {k: str(v) for k, v in _L["holiday"].items()}  # "11-22+TH": the first Thursday from Nov 22
