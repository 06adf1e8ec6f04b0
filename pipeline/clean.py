"""Plain text to clean text: repaired, normalised, tokens un-spaced and un-glued, sections found.

Each rewrite is a pass that produces a `TextMap` over its input; the passes are
composed and finally put behind the markup map, so `CleanText.map.origin`
indexes the raw decoded document. Every pass keeps origins non-decreasing,
which lets spans found in markup coordinates be moved into clean coordinates
by binary search.
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import regex

from .dates.lexicon import MONTHS, alt, month_of
from .markup import FastBuilder, Markup, compose
from .textmap import TextMap

PATTERNS = Path(__file__).parent / "patterns"


def _jsonl(name: str) -> list[dict]:
    with open(PATTERNS / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# ---------------------------------------------------------------- results


@dataclass
class Section:
    name: str
    heading: str
    start: int
    end: int
    level: int = 1
    heading_end: int = -1  # end of the heading line (start + len(heading))


@dataclass
class CleanText:
    map: TextMap
    sections: list[Section] = field(default_factory=list)
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    bold: list[tuple[int, int]] = field(default_factory=list)
    links: list[tuple[int, int, str]] = field(default_factory=list)
    headings: list[tuple[int, int, int]] = field(default_factory=list)
    dct: datetime.date | None = None
    dct_span: tuple[int, int] | None = None

    @property
    def text(self) -> str:
        return self.map.text


def section_at(sections: list[Section], pos: int) -> Section | None:
    """The section whose span holds clean-text position `pos`."""
    starts = [s.start for s in sections]
    k = bisect_right(starts, pos) - 1
    if k >= 0 and sections[k].start <= pos < sections[k].end:
        return sections[k]
    return None


# ---------------------------------------------------------------- rewriting helper

Edit = tuple[int, int, str]  # replace text[start:end] by the string; equal lengths map 1:1, else all to start


def _rewrite(text: str, edits: Iterable[Edit]) -> TextMap:
    """Apply sorted, non-overlapping edits; copied stretches keep exact origins."""
    out = FastBuilder(len(text))
    pos = 0
    for start, end, new in edits:
        if start < pos:
            continue
        if start > pos:
            out.copy(text[pos:start], pos)
        if new:
            if len(new) == end - start:
                out.copy(new, start)
            else:
                out.insert(new, start)
        pos = end
    if pos < len(text):
        out.copy(text[pos:], pos)
    return out.build()


# ---------------------------------------------------------------- pass 1: mojibake and NFC, per line

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


def _repair_lines(text: str) -> TextMap | None:
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
    for row in _jsonl("decorative.jsonl"):
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


def _char_edits(text: str) -> Iterator[Edit]:
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


# ---------------------------------------------------------------- pass 3: spaced hyphens, glued tokens


@lru_cache(maxsize=1)
def _affixes() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {"prefix": set(), "free_prefix": set(), "suffix": set()}
    for row in _jsonl("hyphenation.jsonl"):
        found[row["kind"]].update(w.lower() for w in row["words"])
    return {k: frozenset(v) for k, v in found.items()}


@lru_cache(maxsize=1)
def _email_words() -> tuple[tuple[str, ...], frozenset[str]]:
    tlds: set[str] = set()
    glued: set[str] = set()
    for row in _jsonl("email_tlds.jsonl"):
        (tlds if row["kind"] == "tld" else glued).update(row["words"])
    return tuple(sorted(tlds, key=len, reverse=True)), frozenset(glued)


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    words: set[str] = set()
    for row in _jsonl("byline.jsonl"):
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


def _token_edits(text: str) -> Iterator[Edit]:
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


def _ws_edits(text: str) -> Iterator[Edit]:
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


# ---------------------------------------------------------------- sections


@lru_cache(maxsize=1)
def _section_vocab() -> tuple[dict[str, str], dict[str, str]]:
    """(whole heading phrase -> name, single keyword -> name)."""
    vocab: dict[str, str] = {}
    keywords: dict[str, str] = {}
    for row in _jsonl("sections.jsonl"):
        for p in row["phrases"]:
            vocab.setdefault(_norm_heading(p), row["name"])
        for w in row.get("keywords", ()):
            keywords.setdefault(w.lower(), row["name"])
    return vocab, keywords


_HEAD_STRIP = regex.compile(r"^[\W\d_]+|[\W_]+$")
_MAX_HEADING_CHARS = 48


def _norm_heading(s: str) -> str:
    s = _HEAD_STRIP.sub("", s.strip().lower())
    s = s.replace("&", " and ")
    return " ".join(s.split())


def section_name(line: str, keywords_ok: bool = True) -> str | None:
    """Canonical section name of a heading text, or None when it names no known section.

    The whole heading is looked up first ("Honors and Awards"); failing that,
    the first known keyword in it decides ("Experiences & Educations" -> experience).
    """
    if len(line) > _MAX_HEADING_CHARS:
        return None
    key = _norm_heading(line)
    vocab, keywords = _section_vocab()
    if key in vocab:
        return vocab[key]
    for word in regex.findall(r"\w+", key) if keywords_ok else ():
        if word in keywords:
            return keywords[word]
    return None


_SHORT_LINE = re.compile(r"^[^\n]{1,%d}$" % _MAX_HEADING_CHARS, re.M)


def _find_sections(
    text: str, headings: list[tuple[int, int, int]], bold: list[tuple[int, int]], links: list[tuple[int, int, str]]
) -> list[Section]:
    """Sections start at headings and at short standalone lines that name a section.

    A standalone line that is all one link is a navigation entry, not a heading.
    """
    heading_at = {a: (b, lvl) for a, b, lvl in headings}
    bold_at = {a: b for a, b in bold}
    link_at = {a: b for a, b, _ in links}
    starts: list[tuple[int, int, str, str, int]] = []  # (line start, heading end, name, heading, level)
    cur_level = 99
    n = len(text)
    candidates = sorted(set(heading_at) | {m.start() for m in _SHORT_LINE.finditer(text)})
    for pos in candidates:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        line = text[pos:end]
        h = heading_at.get(pos)
        is_bold = bold_at.get(pos, -1) >= end - 1
        name = section_name(line, keywords_ok=h is not None or is_bold) if line else None
        if h is not None and h[0] >= end - 1:
            level = h[1]
            if name is not None or level <= cur_level:
                starts.append((pos, end, name or "other", line, level))
                cur_level = level
        elif name is not None and (is_bold or _standalone(text, pos, end)) and link_at.get(pos, -1) < end:
            level = 1 if cur_level == 99 else cur_level
            starts.append((pos, end, name, line, level))
            cur_level = level
    # Text before the first heading belongs to no section (section_at gives None there).
    sections: list[Section] = []
    for k, (s, he, name, head, lvl) in enumerate(starts):
        e = starts[k + 1][0] if k + 1 < len(starts) else n
        sections.append(Section(name, head, s, e, lvl, he))
    return sections


def _standalone(text: str, s: int, e: int) -> bool:
    """A short line that does not end like a sentence and reads as a heading."""
    line = text[s:e]
    if line.endswith((".", ",", ";")) or line.startswith("- "):
        return False
    return len(line.split()) <= 5


# ---------------------------------------------------------------- byline date

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


@lru_cache(maxsize=1)
def _byline_patterns() -> tuple[re.Pattern[str], tuple[re.Pattern[str], re.Pattern[str]], list[re.Pattern[str]]]:
    labels: list[str] = []
    for row in _jsonl("byline.jsonl"):
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
    dateline = re.compile(  # a news dateline: "BELLEVUE, Wash. -- July 30, 2018 -- Auth0 today..."
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


def _find_dct(text: str) -> tuple[datetime.date | None, tuple[int, int] | None]:
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
        pos = end + 1
    return None, None


# ---------------------------------------------------------------- entry point


def _move_spans(origin: array, spans: Iterable[tuple[int, int]], text: str) -> Iterator[tuple[int, int]]:
    """Markup-coordinate spans to clean coordinates, trimmed of whitespace."""
    for s, e in spans:
        a = bisect_left(origin, s)
        b = bisect_left(origin, e)
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        yield a, b


@lru_cache(maxsize=1)
def _generic_titles() -> frozenset[str]:
    return frozenset(w for row in _jsonl("front_matter_keys.jsonl") if row["kind"] == "generic_title" for w in row["keys"])


def _clean_title(title: str | None) -> str | None:
    """The title with decoration removed; None when it only names a kind of page ("About Me", "CV", "Home")."""
    if not title:
        return None
    t = title
    for edits in (_char_edits, _ws_edits):
        t = _rewrite(t, edits(t)).text
    t = " ".join(t.split())
    if not t or _norm_heading(t) in _generic_titles() or section_name(t, keywords_ok=False) is not None:
        return None
    return t


def clean(markup: Markup) -> CleanText:
    """Clean the plain text of `markup`; the result maps back to the raw document."""
    src = markup.map.text
    maps: list[TextMap] = []
    repaired = _repair_lines(src)
    if repaired is not None:
        maps.append(repaired)
    for edits in (_char_edits, _token_edits, _ws_edits):
        cur = maps[-1].text if maps else src
        maps.append(_rewrite(cur, edits(cur)))
    local = compose(*maps)
    text = local.text
    headings = [(a, b, lvl) for (a, b), lvl in zip(_move_spans(local.origin, ((s, e) for s, e, _ in markup.headings), text), (h[2] for h in markup.headings)) if b > a]
    bold = [sp for sp in _move_spans(local.origin, markup.bold, text) if sp[1] > sp[0]]
    links = [(a, b, h) for (a, b), h in zip(_move_spans(local.origin, ((s, e) for s, e, _ in markup.links), text), (link[2] for link in markup.links)) if b > a]
    dct, dct_span = _find_dct(text)
    return CleanText(
        map=compose(markup.map, local),
        sections=_find_sections(text, headings, bold, links),
        title=_clean_title(markup.title),
        meta=dict(markup.meta),
        bold=bold,
        links=links,
        headings=headings,
        dct=dct,
        dct_span=dct_span,
    )
