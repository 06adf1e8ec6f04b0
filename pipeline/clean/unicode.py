"""Pass 1 and 2 of cleaning: mojibake repaired and NFC per line, then invisible, odd-space and
decorative characters (emoji, symbols) removed or replaced, bullets made "- "."""

from __future__ import annotations

import difflib
import re
import unicodedata
from array import array
from functools import lru_cache
from typing import Iterator

import regex

from ..textmap import TextMap
from .rewrite import Edit, jsonl

_FTFY_CONFIG = None


def _ftfy_config():
    global _FTFY_CONFIG
    if _FTFY_CONFIG is None:
        import ftfy

        _FTFY_CONFIG = ftfy.TextFixerConfig(
            unescape_html=False,
            uncurl_quotes=False,
            fix_character_width=False,
            fix_latin_ligatures=False,
            fix_line_breaks=False,
            normalization="NFC",
            explain=False,
        )
    return _FTFY_CONFIG


_ALIGN_LIMIT = 5000


def _align(old: str, new: str, base: int) -> list[int]:
    """Origins (offset by `base`) for the characters of `new`, a repaired version of `old`."""
    if len(old) == len(new):
        return list(range(base, base + len(new)))
    if len(old) > _ALIGN_LIMIT or len(new) > _ALIGN_LIMIT:
        return [base + (k * len(old)) // max(1, len(new)) for k in range(len(new))]
    res: list[int] = []
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            res.extend(range(base + i1, base + i2))
        elif op in ("replace", "insert"):
            span = max(1, i2 - i1)
            res.extend(base + min(i1 + ((k * span) // max(1, j2 - j1)), max(i1, len(old) - 1)) for k in range(j2 - j1))
    return res


# UTF-8 read as Latin-1/cp1252 turns each non-ASCII character into two or more of these; ftfy is asked only
# about lines holding such a pair (its own check over a whole large document is slow).
_MOJIBAKE_PAIR = re.compile(
    "[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e"
    "\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2}"
)


def repair_lines(text: str) -> TextMap | None:
    """Repair mojibake on lines ftfy finds bad and NFC-normalise; None when nothing changes."""
    from ftfy import fix_text
    from ftfy.badness import is_bad

    if text.isascii():
        return None
    suspects = {text.rfind("\n", 0, m.start()) + 1 for m in _MOJIBAKE_PAIR.finditer(text)}
    if not suspects and unicodedata.is_normalized("NFC", text):
        return None
    pieces: list[str] = []
    origin = array("q")
    changed = False
    pos = 0
    for line in text.splitlines(keepends=True):
        new = line
        if pos in suspects and is_bad(line):
            new = fix_text(line, _ftfy_config())
        if not line.isascii() and not unicodedata.is_normalized("NFC", new):
            new = unicodedata.normalize("NFC", new)
        pieces.append(new)
        if new == line:
            origin.extend(range(pos, pos + len(line)))
        else:
            changed = True
            origin.extend(_align(line, new, pos))
        pos += len(line)
    if not changed:
        return None
    return TextMap("".join(pieces), origin, len(text))


# ---------------------------------------------------------------- pass 2: characters


def _char_classes() -> tuple[str, str, str]:
    keep = remove = bullet = ""
    for row in jsonl("decorative.jsonl"):
        if row["kind"] == "keep":
            keep += row["chars"]
        elif row["kind"] == "remove":
            remove += row["chars"]
        elif row["kind"] == "bullet":
            bullet += row["chars"]
    return keep, remove, bullet


@lru_cache(maxsize=1)
def _char_pattern() -> tuple[regex.Pattern, frozenset[str]]:
    keep, remove, bullet = _char_classes()
    esc = lambda s: "".join(regex.escape(c) for c in s)  # noqa: E731
    symbols = (
        r"(?:(?![" + esc(keep) + r"])[\p{So}\p{Extended_Pictographic}\p{Cs}\p{Co}\U0001F3FB-\U0001F3FF\u20e3"
        + esc(remove)
        + r"])+"
    )
    pattern = regex.compile(
        r"(?P<cr>\r)"
        r"|(?P<space>[\t\x0b\x0c\xa0\u1680\u2000-\u200a\u202f\u205f\u3000])"
        r"|(?P<zw>[\u200b-\u200d\u2060-\u2064\ufeff\u00ad\u180e\ufe00-\ufe0f\U000E0000-\U000E007F\x00-\x08\x0e-\x1f\x7f-\x9f]+)"
        r"|(?P<sym>" + symbols + r")"
    )
    return pattern, frozenset(bullet)


# Everything the character pass rewrites lies outside printable ASCII; only such runs are examined.
_NON_ASCII_RUN = re.compile(r"[^\x20-\x7e\n]+")


def char_edits(text: str) -> Iterator[Edit]:
    pattern, bullets = _char_pattern()
    n = len(text)
    for run in _NON_ASCII_RUN.finditer(text):
        s, e = run.span()
        if text[s] in bullets and text[s + 1 : s + 2] in (" ", "\t"):
            ls = text.rfind("\n", 0, s) + 1
            if not text[ls:s].strip(" \t"):
                k = s + 1
                while k < n and text[k] in " \t":
                    k += 1
                yield ls, k, "- "
                s = k
                if s >= e:
                    continue
        for m in pattern.finditer(text, s, e):
            kind = m.lastgroup
            a, b = m.span()
            if kind == "cr":
                yield (a, b, "") if text[b : b + 1] == "\n" else (a, b, "\n")
            elif kind == "space":
                yield a, b, " "
            elif kind == "zw":
                yield a, b, ""
            else:
                yield a, b, " "

