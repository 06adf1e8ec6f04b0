"""Markup to plain text with one logical unit (paragraph, list item, heading, table row) per line.

Two passes, each a `TextMap`, composed so every output character points at the
raw character it was copied from:

1. `_strip_regions` deletes what never carries text: HTML comments, Liquid
   tags and outputs, <script>/<style>/<noscript>/<template>/<svg>... elements.
2. `_render_markdown` / `_render_html` walk block structure line by line (no
   recursion, so nesting depth is irrelevant) and scan inline syntax with
   regular expressions that follow the CommonMark definitions of raw HTML,
   links, code spans and emphasis. HTML block elements become line breaks,
   newlines inside a paragraph become spaces.

Inserted separators (newlines between blocks, " | " between table cells, the
normalised list marker "- ") map to the raw position of the markup that caused
them, so origins never decrease.
"""

from __future__ import annotations

import html
import json
import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .textmap import TextMap

# ---------------------------------------------------------------- output buffer


class FastBuilder:
    """`TextBuilder` with the same methods that stores runs and builds the origin array in one vectorised step."""

    __slots__ = ("_parts", "_base", "_lens", "_slope", "_len", "_source_len")

    def __init__(self, source_len: int) -> None:
        self._parts: list[str] = []
        self._base: list[int] = []
        self._lens: list[int] = []
        self._slope: list[int] = []
        self._len = 0
        self._source_len = source_len

    def __len__(self) -> int:
        return self._len

    def copy(self, piece: str, source_start: int) -> None:
        if piece:
            self._parts.append(piece)
            self._base.append(source_start)
            self._lens.append(len(piece))
            self._slope.append(1)
            self._len += len(piece)

    def insert(self, piece: str, source_pos: int) -> None:
        if piece:
            pos = max(0, min(source_pos, max(self._source_len - 1, 0)))
            self._parts.append(piece)
            self._base.append(pos)
            self._lens.append(len(piece))
            self._slope.append(0)
            self._len += len(piece)

    def build(self) -> TextMap:
        import numpy as np

        text = "".join(self._parts)
        if not self._lens:
            return TextMap(text, array("q"), self._source_len)
        lens = np.asarray(self._lens, dtype=np.int64)
        seg = np.repeat(np.arange(len(lens), dtype=np.int64), lens)
        offs = np.cumsum(lens) - lens
        idx = np.arange(self._len, dtype=np.int64)
        origin = np.asarray(self._base, dtype=np.int64)[seg] + (idx - offs[seg]) * np.asarray(self._slope, dtype=np.int64)[seg]
        return TextMap(text, _to_array(origin), self._source_len)


def compose(*maps: TextMap) -> TextMap:
    """maps[0] over the original, maps[1] over maps[0].text, ...: one map over the original (like `TextMap.then`)."""
    import numpy as np

    origin = np.frombuffer(maps[0].origin, dtype=np.int64) if len(maps[0].origin) else np.zeros(0, np.int64)
    for m in maps[1:]:
        inner = np.frombuffer(m.origin, dtype=np.int64) if len(m.origin) else np.zeros(0, np.int64)
        if len(origin) == 0:
            origin = np.full(len(inner), maps[0].source_len, dtype=np.int64)
        else:
            origin = origin[np.minimum(inner, len(origin) - 1)]
    return TextMap(maps[-1].text, _to_array(origin), maps[0].source_len)


def _to_array(origin) -> array:
    import numpy as np

    out = array("q")
    out.frombytes(memoryview(np.ascontiguousarray(origin, dtype=np.int64)).cast("B"))
    return out


_NONE, _SPACE, _CELL, _NL, _BLANK = 0, 1, 2, 3, 4


class _Out:
    """TextBuilder with pending separators that collapse (two requested newlines give one)."""

    __slots__ = ("b", "n", "last", "nl_run", "pend", "pend_src")

    def __init__(self, source_len: int) -> None:
        self.b = FastBuilder(source_len)
        self.n = 0
        self.last = ""
        self.nl_run = 0
        self.pend = _NONE
        self.pend_src = 0

    def request(self, kind: int, src: int) -> None:
        if kind > self.pend:
            if self.pend == _NONE:
                self.pend_src = src
            self.pend = kind

    def _flush(self) -> None:
        kind, self.pend = self.pend, _NONE
        if kind == _NONE or self.n == 0:
            return
        if kind == _SPACE:
            s = "" if self.last in (" ", "\n") else " "
        elif kind == _CELL:
            s = "" if self.nl_run else ("| " if self.last == " " else " | ")
        elif kind == _NL:
            s = "" if self.nl_run else "\n"
        else:
            s = "\n" * max(0, 2 - self.nl_run)
        if s:
            self.b.insert(s, self.pend_src)
            self.n += len(s)
            if s[-1] == "\n":
                self.nl_run += s.count("\n") if s.strip("\n") == "" else 1
            else:
                self.nl_run = 0
            self.last = s[-1]

    def text(self, piece: str, src: int) -> None:
        """Copy `piece` (which holds no newline) from source position `src`; blank runs only ask for a space."""
        if not piece:
            return
        if piece.isspace() and piece.isascii():
            self.request(_SPACE, src)
            return
        self._flush()
        self.b.copy(piece, src)
        self.n += len(piece)
        self.last = piece[-1]
        self.nl_run = 0

    def insert(self, piece: str, src: int) -> None:
        if not piece:
            return
        self._flush()
        self.b.insert(piece, src)
        self.n += len(piece)
        self.last = piece[-1]
        self.nl_run = 0

    def mark(self) -> int:
        """Position of the next emitted character (pending separators are placed first)."""
        if self.n:
            self._flush()
        else:
            self.pend = _NONE
        return self.n

    def build(self) -> TextMap:
        return self.b.build()


# ---------------------------------------------------------------- result


@dataclass
class Markup:
    map: TextMap
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    headings: list[tuple[int, int, int]] = field(default_factory=list)
    bold: list[tuple[int, int]] = field(default_factory=list)
    links: list[tuple[int, int, str]] = field(default_factory=list)
    fmt: str = "text"


# ---------------------------------------------------------------- pass 1: regions without text

_SKIP_ELEMENTS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "textarea", "select", "math")
_REGION_OPEN = re.compile(
    r"<!--|\{%-?\s*comment\s*-?%\}|\{%|\{\{|<(" + "|".join(_SKIP_ELEMENTS) + r"|head)(?=[\s>/])",
    re.I,
)
_LIQUID_LIMIT = 4000
_LIQUID_COMMENT_END = re.compile(r"\{%-?\s*endcomment\s*-?%\}")
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")


def _strip_regions(text: str, fmt: str) -> TextMap:
    """Delete comments, Liquid and non-text elements; a deleted region that held a newline leaves one."""
    out = FastBuilder(len(text))
    copied = 0
    pos = 0
    n = len(text)
    search = _REGION_OPEN.search
    unclosed: set[str] = set()  # elements already known to have no closing tag further on
    while True:
        m = search(text, pos)
        if m is None:
            break
        s = m.start()
        tok = m.group(0)
        end = -1
        if tok == "<!--":
            e = text.find("-->", s + 4)
            if e >= 0:
                end = e + 3
            elif fmt == "html":
                end = n
            else:
                b = _BLANK_LINE.search(text, s)
                end = b.start() if b else n
        elif tok.startswith("{%") and tok != "{%":
            c = _LIQUID_COMMENT_END.search(text, m.end())
            end = c.end() if c else -1
        elif tok == "{%":
            e = text.find("%}", s + 2, s + _LIQUID_LIMIT)
            end = e + 2 if e >= 0 else -1
        elif tok == "{{":
            e = text.find("}}", s + 2, s + _LIQUID_LIMIT)
            end = e + 2 if e >= 0 else -1
        else:
            name = m.group(1).lower()
            gt = text.find(">", m.end())
            if (name == "head" and fmt != "html") or gt < 0:
                pos = m.end()
                continue
            if text[gt - 1] == "/":
                end = gt + 1
            elif name not in unclosed:
                close = _closer(name).search(text, gt + 1)
                end = close.end() if close else -1
                if close is None:
                    unclosed.add(name)
        if end < 0:
            pos = m.end()
            continue
        if s > copied:
            out.copy(text[copied:s], copied)
        nl = text.find("\n", s, end)
        if nl >= 0:
            out.insert("\n", nl)
        copied = pos = end
    if n > copied:
        out.copy(text[copied:], copied)
    return out.build()


_CLOSERS: dict[str, re.Pattern[str]] = {}


def _closer(name: str) -> re.Pattern[str]:
    pat = _CLOSERS.get(name)
    if pat is None:
        pat = _CLOSERS[name] = re.compile(r"</" + name + r"\s*>", re.I)
    return pat


# ---------------------------------------------------------------- inline syntax

_MD_TOKEN = re.compile(
    r"""
  (?P<nl>\r\n?|\n)
| (?P<code>`+)
| (?P<img>!\[)
| (?P<lbr>\[)
| (?P<auto><(?:(?:https?|ftp)://[^\s<>]*+|mailto:[^\s<>]++|[\w.+-]++@[\w-]++(?:\.[\w-]++)++)>)
| (?P<tag><(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9-]*+)(?P<attrs>(?:\s++[^\s"'>/=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'=<>`]++))?)*+)\s*+/?>)
| (?P<ent>&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)
| (?P<hbr>\\(?:\r\n?|\n))
| (?P<esc>\\[!-/:-@\[-`{-~])
| (?P<emph>\*++|_++|~~)
| (?P<ial>\{[:#][^}\n]{0,200}\})
| (?P<math>\$\\[^$\n]{1,300}\$)
| (?P<pipe>\|)
""",
    re.X,
)
_HTML_TOKEN = re.compile(
    r"""
  (?P<nl>\r\n?|\n)
| (?P<tag><(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9-]*+)(?P<attrs>(?:\s++[^\s"'>/=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'=<>`]++))?)*+)\s*+/?>)
| (?P<ent>&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?)
| (?P<decl><![^>]*+>|<\?[^>]*+>)
""",
    re.X,
)
# Characters a token can start with: scanning for these first is far faster than searching the alternation.
_MD_FIRST = re.compile(r"[\r\n`!\[<&\\*_~{$|]")
_HTML_FIRST = re.compile(r"[\r\n<&]")
_LINK = re.compile(
    r"""
  \[(?P<text>(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.){0,1000}+\]){0,1000}+)\]
  (?:\((?P<href>(?:[^()\\\n]|\\.|\((?:[^()\\\n]|\\.){0,1000}+\)){0,1000}+)\)
   |\[(?P<ref>[^\[\]\n]{0,200})\])
""",
    re.X | re.S,
)
_REFDEF_LABEL = re.compile(r"^[ \t]{0,3}\[([^\]\n]+)\]:[ \t]*\S", re.M)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_LATEX_CMD = re.compile(r"\\([A-Za-z]+)\s*|\\[^A-Za-z]|[{}~]")
_LATEX_ARG_CMDS = frozenset({"color", "textcolor", "colorbox", "href", "label", "hspace", "vspace"})

_BLOCK_TAGS = frozenset(
    """address article aside blockquote body br caption center dd details dialog dir div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li main menu nav ol
    option p pre section summary table tbody tfoot thead title tr ul""".split()
)
_HEADING_TAGS = {f"h{i}": i for i in range(1, 7)}
# A line that is all bold ("**Selected Awards**") is a bare heading: the next line does not join it.
_BOLD_LINE = re.compile(r"[ \t]*(?:\*\*[^*\n]{1,60}\*\*|__[^_\n]{1,60}__)[ \t]*:?[ \t]*")
_INLINE_STYLE = re.compile(r"""\bstyle\s*=\s*["'][^"']*\b(?:float\s*:\s*(?:left|right)|display\s*:\s*inline)""", re.I)
_BOLD_TAGS = frozenset({"b", "strong"})
_CELL_TAGS = frozenset({"td", "th"})
_MAX_OPEN = 256  # open <b>/<a>/<h*> remembered; deeper unclosed nesting is forgotten, not an error


class _Renderer:
    """Scans inline syntax of one block at a time; state that spans blocks (open HTML tags) lives here."""

    def __init__(self, out: _Out, markdown: bool) -> None:
        self.out = out
        self.md = markdown
        self.token = _MD_TOKEN if markdown else _HTML_TOKEN
        self.first = _MD_FIRST if markdown else _HTML_FIRST
        self.headings: list[tuple[int, int, int]] = []
        self.bold: list[tuple[int, int]] = []
        self.links: list[tuple[int, int, str]] = []
        self.html_bold: list[int] = []
        self.html_links: list[tuple[int, str]] = []
        self.html_heading: tuple[int, int] | None = None
        self.html_divs: list[bool] = []  # open <div>s: True for one laid out inline (floated)
        self.md_bold: int | None = None
        # per block
        self.s = ""
        self.seg_local: list[int] = [0]
        self.seg_src: list[int] = [0]
        self.row = False
        self.no_code_len: set[int] = set()
        self.refs: dict[str, str] = {}

    # -- block entry points

    def block(self, segs: list[tuple[int, int]], source: str, row: bool = False) -> None:
        """Render source slices `segs` (lines of one block) as one logical line."""
        parts = []
        local = []
        src = []
        pos = 0
        for a, b in segs:
            if parts:
                parts.append("\n")
                pos += 1
            local.append(pos)
            src.append(a)
            parts.append(source[a:b])
            pos += b - a
        self.s = "".join(parts)
        self.seg_local = local
        self.seg_src = src
        self.row = row
        self.no_code_len = set()
        self.md_bold = None
        self.scan(0, len(self.s))
        self.md_bold = None

    def whole(self, source: str) -> None:
        self.s = source
        self.seg_local = [0]
        self.seg_src = [0]
        self.row = False
        self.scan(0, len(source))

    # -- helpers

    def src(self, i: int) -> int:
        k = bisect_right(self.seg_local, i) - 1
        return self.seg_src[k] + (i - self.seg_local[k])

    def plain(self, a: int, b: int) -> None:
        """Emit s[a:b] verbatim except that newlines become spaces."""
        s = self.s
        while a < b:
            nl = s.find("\n", a, b)
            if nl < 0:
                self.out.text(s[a:b], self.src(a))
                return
            piece = s[a:nl].rstrip("\r")
            self.out.text(piece, self.src(a))
            self.out.request(_SPACE, self.src(nl))
            a = nl + 1

    # -- the scanner

    def scan(self, lo: int, hi: int) -> None:
        s = self.s
        out = self.out
        find = self.first.search
        match = self.token.match
        pos = lo  # start of text not yet emitted
        look = lo  # where to look for the next candidate token
        while pos < hi:
            c = find(s, look, hi)
            if c is None:
                out.text(s[pos:hi], self.src(pos))
                return
            i = c.start()
            m = match(s, i, hi)
            if m is None:
                look = i + 1
                continue
            if i > pos:
                out.text(s[pos:i], self.src(pos))
            kind = m.lastgroup
            j = m.end()
            if kind == "nl":
                hard = self.md and (s[max(lo, i - 2) : i] == "  " or _BOLD_LINE.fullmatch(s, s.rfind("\n", lo, i) + 1, i) is not None)
                out.request(_NL if hard else _SPACE, self.src(i))
            elif kind == "hbr":  # a backslash ending a Markdown line is a hard line break
                out.request(_NL, self.src(i))
            elif kind == "tag":
                self.tag(m, i)
            elif kind == "ent":
                self.entity(m.group(0), i)
            elif kind == "code":
                j = self.code(i, j, hi)
            elif kind == "img":
                lm = _LINK.match(s, i + 1, hi)
                if lm is None or (lm.group("href") is None and _label(lm.group("ref") or lm.group("text")) not in self.refs):
                    out.text("!", self.src(i))
                    j = i + 1
                else:
                    j = lm.end()
            elif kind == "lbr":
                j = self.link(i, hi)
            elif kind == "auto":
                inner = m.group(0)[1:-1]
                start = out.mark()
                out.text(inner, self.src(i + 1))
                self.links.append((start, out.n, inner))
            elif kind == "esc":
                out.text(s[i + 1], self.src(i + 1))
            elif kind == "emph":
                self.emphasis(i, j, lo, hi)
            elif kind == "math":
                self.math(i, j)
            elif kind == "pipe":
                if self.row:
                    out.request(_CELL, self.src(i))
                else:
                    out.text("|", self.src(i))
            # "ial" and "decl": dropped
            pos = look = j

    def entity(self, tok: str, i: int) -> None:
        val = html.unescape(tok)
        if val == tok:
            self.out.text(tok, self.src(i))
        else:
            self.out.insert(val, self.src(i))

    def code(self, i: int, j: int, hi: int) -> int:
        k = j - i
        if k not in self.no_code_len:
            close = re.compile(r"(?<!`)`{%d}(?!`)" % k).search(self.s, j, hi)
            if close is not None:
                self.plain(j, close.start())
                return close.end()
            self.no_code_len.add(k)
        return j

    def link(self, i: int, hi: int) -> int:
        lm = _LINK.match(self.s, i, hi)
        href = lm.group("href") if lm else None
        if lm is not None and href is None:
            label = lm.group("ref") or lm.group("text")
            href = self.refs.get(_label(label))
            if href is None:
                lm = None
        if lm is None:
            self.out.text("[", self.src(i))
            return i + 1
        href = href.strip()
        if href.startswith("<"):
            href = href[1:].split(">", 1)[0]
        href = href.split(maxsplit=1)[0] if href else ""
        start = self.out.mark()
        self.scan(lm.start("text"), lm.end("text"))
        if self.out.n > start:
            self.links.append((start, self.out.n, href))
        return lm.end()

    def emphasis(self, i: int, j: int, lo: int, hi: int) -> None:
        s = self.s
        prev = s[i - 1] if i > lo else " "
        nxt = s[j] if j < hi else " "
        ch = s[i]
        if ch == "_" and prev.isalnum() and nxt.isalnum():
            self.out.text(s[i:j], self.src(i))
            return
        if ch != "~" and prev.isspace() and nxt.isspace():
            self.out.text(s[i:j], self.src(i))
            return
        if j - i >= 2 and ch != "~":
            if self.md_bold is None and not nxt.isspace():
                self.md_bold = self.out.mark()
            elif self.md_bold is not None and not prev.isspace():
                if self.out.n > self.md_bold:
                    self.bold.append((self.md_bold, self.out.n))
                self.md_bold = None

    def math(self, i: int, j: int) -> None:
        """`$\\color{red}{Oral}$` -> `Oral`: drop commands, their colour argument and braces; keep the rest."""
        s = self.s
        pos = i + 1
        end = j - 1
        for m in _LATEX_CMD.finditer(s, pos, end):
            a = m.start()
            if a < pos:
                continue
            if a > pos:
                self.out.text(s[pos:a], self.src(pos))
            pos = m.end()
            cmd = m.group(1)
            if cmd is not None:
                if cmd in _LATEX_ARG_CMDS and s.startswith("{", pos):
                    close = s.find("}", pos, end)
                    if close >= 0:
                        pos = close + 1
            elif m.group(0) not in "{}":
                self.out.request(_SPACE, self.src(a))
        if pos < end:
            self.out.text(s[pos:end], self.src(pos))

    def tag(self, m: re.Match[str], i: int) -> None:
        out = self.out
        name = m.group("name").lower()
        closing = m.group("close") is not None
        src = self.src(i)
        level = _HEADING_TAGS.get(name)
        if level is not None:
            out.request(_NL, src)
            if closing:
                if self.html_heading is not None:
                    start, lvl = self.html_heading
                    if out.n > start:
                        self.headings.append((start, out.n, lvl))
                    self.html_heading = None
            else:
                self.html_heading = (out.mark(), level)
            return
        if name == "div":
            # A floated or inline <div> shares its line ("Org, City" left, "2020 - 2024" right): a cell, not a line.
            if closing:
                inline = self.html_divs.pop() if self.html_divs else False
            else:
                inline = _INLINE_STYLE.search(m.group("attrs") or "") is not None
                if not m.group(0).endswith("/>"):
                    if len(self.html_divs) >= _MAX_OPEN:
                        del self.html_divs[0]
                    self.html_divs.append(inline)
            out.request((_CELL if closing else _SPACE) if inline else _NL, src)
            return
        if name in _BLOCK_TAGS:
            out.request(_NL, src)
            return
        if name in _CELL_TAGS:
            if not closing:
                out.request(_CELL, src)
            return
        if name in _BOLD_TAGS:
            if closing:
                if self.html_bold:
                    start = self.html_bold.pop()
                    if out.n > start:
                        self.bold.append((start, out.n))
            elif not m.group(0).endswith("/>"):
                if len(self.html_bold) >= _MAX_OPEN:
                    del self.html_bold[0]
                self.html_bold.append(out.mark())
            return
        if name == "a":
            if closing:
                if self.html_links:
                    start, href = self.html_links.pop()
                    if out.n > start:
                        self.links.append((start, out.n, href))
            elif not m.group(0).endswith("/>"):
                hm = _HREF.search(m.group("attrs") or "")
                href = html.unescape(next((g for g in hm.groups() if g is not None), "")) if hm else ""
                if len(self.html_links) >= _MAX_OPEN:
                    del self.html_links[0]
                self.html_links.append((out.mark(), href))


# ---------------------------------------------------------------- markdown blocks

_LINE = re.compile(r"[^\n]*\n?")
_QUOTE = re.compile(r"[ \t]{0,3}>[ \t]?")
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")
_ATX = re.compile(r"[ \t]{0,3}(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"(?:[ \t]+#+)?[ \t]*$")
_SETEXT1 = re.compile(r"[ \t]{0,3}=+[ \t]*$")
_SETEXT2 = re.compile(r"[ \t]{0,3}-+[ \t]*$")
_HR = re.compile(r"[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_TABLE_SEP = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$|[ \t]*\|[ \t]*:?-+:?[ \t]*\|[ \t]*$")
_LIST = re.compile(r"([ \t]*)([-*+•]|\d{1,9}[.)])(?:[ \t]+|$)")
_REFDEF = re.compile(r"[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S")
_INDENT = re.compile(r"[ \t]*")


def _label(s: str) -> str:
    return " ".join(s.lower().split())


class _Para:
    __slots__ = ("kind", "segs", "marker")

    def __init__(self, kind: str, seg: tuple[int, int], marker: int = -1) -> None:
        self.kind = kind  # "para" | "list"
        self.segs = [seg]
        self.marker = marker


def _render_markdown(t: str) -> tuple[TextMap, _Renderer]:
    out = _Out(len(t))
    r = _Renderer(out, markdown=True)
    for dm in _REFDEF_LABEL.finditer(t):
        nl = t.find("\n", dm.end())
        rest = t[dm.end() - 1 : nl if nl >= 0 else len(t)].split()
        r.refs.setdefault(_label(dm.group(1)), rest[0].strip("<>") if rest else "")
    para: _Para | None = None
    fence: str | None = None
    in_table = False

    def flush() -> None:
        nonlocal para
        if para is None:
            return
        p, para = para, None
        out.request(_NL, p.segs[0][0])
        if p.kind == "list":
            out.insert("- ", p.marker)
        r.block(p.segs, t)
        out.request(_NL, p.segs[-1][1])

    def heading(segs: list[tuple[int, int]], level: int) -> None:
        out.request(_BLANK, segs[0][0])
        start = out.mark()
        r.block(segs, t)
        if out.n > start:
            r.headings.append((start, out.n, level))
        out.request(_BLANK, segs[-1][1])

    for lm in _LINE.finditer(t):
        ls, le = lm.start(), lm.end()
        if ls == le:
            break
        if t[le - 1 : le] == "\n":
            le -= 1
        if t[le - 1 : le] == "\r" and le > ls:
            le -= 1
        cs = ls
        if fence is None:
            while True:
                q = _QUOTE.match(t, cs, le)
                if q is None or q.end() == q.start():
                    break
                cs = q.end()
        line = t[cs:le]
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
                out.request(_NL, ls)
                continue
            ind = _INDENT.match(t, cs, le).end()
            out.request(_NL, ls)
            if ind < le:
                r.s, r.seg_local, r.seg_src = t[ind:le], [0], [ind]
                r.plain(0, le - ind)
            continue
        if not line.strip():
            flush()
            out.request(_BLANK, ls)
            in_table = False
            continue
        fm = _FENCE.match(line)
        if fm:
            flush()
            fence = fm.group(1)[0] * 3
            out.request(_NL, ls)
            continue
        am = _ATX.match(t, cs, le)
        if am:
            flush()
            hs = _INDENT.match(t, am.end(), le).end()
            he = _ATX_CLOSE.search(t, hs, le).start()
            if he > hs:
                heading([(hs, he)], len(am.group(1)))
            continue
        if para is not None and para.kind == "para" and _SETEXT1.match(line):
            p, para = para, None
            heading(p.segs, 1)
            continue
        if para is not None and para.kind == "para" and _SETEXT2.match(line):
            p, para = para, None
            heading(p.segs, 2)
            continue
        if _HR.match(line):
            flush()
            out.request(_NL, ls)
            continue
        if "|" in line or in_table:
            if (
                _TABLE_SEP.match(line)
                and para is not None
                and len(para.segs) == 1
                and "|" in t[para.segs[0][0] : para.segs[0][1]]
            ):
                p, para = para, None
                _row(r, out, t, p.segs[0])
                in_table = True
                continue
            if in_table:
                if "|" in line:
                    _row(r, out, t, (cs, le))
                    continue
                in_table = False
        lm2 = _LIST.match(t, cs, le)
        if lm2 and not (lm2.group(2) in "*+-" and lm2.end() == le):
            flush()
            body = lm2.end()
            para = _Para("list", (body, le), lm2.start(2))
            if body == le:
                para.segs = [(le, le)]
            continue
        if _REFDEF.match(line):
            flush()
            continue
        ind = _INDENT.match(t, cs, le).end()
        if para is None:
            para = _Para("para", (ind, le))
        else:
            para.segs.append((ind, le))
    flush()
    return out.build(), r


def _row(r: _Renderer, out: _Out, t: str, seg: tuple[int, int]) -> None:
    a, b = seg
    a = _INDENT.match(t, a, b).end()
    while b > a and t[b - 1] in " \t":
        b -= 1
    if a < b and t[a] == "|":
        a += 1
    if b > a and t[b - 1] == "|" and t[b - 2 : b - 1] != "\\":
        b -= 1
    out.request(_NL, seg[0])
    r.block([(a, b)], t, row=True)
    out.request(_NL, seg[1])


# ---------------------------------------------------------------- front matter

_FM_KEY = re.compile(r"([A-Za-z_][\w.-]*)[ \t]*[:=][ \t]*(.*?)[ \t]*$")
_TAGS = re.compile(r"<[^>]*>")


def _front_matter(text: str) -> tuple[int, dict[str, str]]:
    """Length of a leading YAML (---) or TOML (+++) block and its scalar keys; (0, {}) when there is none."""
    first = _LINE.match(text)
    if first is None:
        return 0, {}
    delim = first.group(0).strip()
    if delim not in ("---", "+++"):
        return 0, {}
    closers = ("---", "...") if delim == "---" else ("+++",)
    meta: dict[str, str] = {}
    for lm in _LINE.finditer(text, first.end()):
        line = lm.group(0)
        if not line:
            break
        stripped = line.strip()
        if stripped in closers:
            return lm.end(), meta
        if line[:1] in (" ", "\t", "-", "#"):
            continue
        km = _FM_KEY.match(line.rstrip("\r\n"))
        if km is None:
            continue
        key, val = km.group(1), km.group(2)
        if not val or val[0] in "|>[{&*!":
            continue
        if val[0] in "\"'":
            q = val[0]
            endq = val.find(q, 1)
            val = val[1:endq] if endq > 0 else val[1:]
        else:
            hashpos = val.find(" #")
            if hashpos >= 0:
                val = val[:hashpos]
        val = html.unescape(_TAGS.sub("", val)).strip()
        if val and key not in meta:
            meta[key] = val
    return 0, {}


_FM_ENTRY = re.compile(r"([ \t]*)(-[ \t]+)?([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+|$)(.*?)[ \t]*$")
_BLOCK_SCALAR = re.compile(r"[|>][0-9+-]*$")


@lru_cache(maxsize=1)
def _front_matter_text_keys() -> frozenset[str]:
    keys: set[str] = set()
    with open(Path(__file__).parent / "patterns" / "front_matter_keys.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line) if line.strip() else None
            if row and row["kind"] == "text":
                keys.update(row["keys"])
    return frozenset(keys)


def _front_matter_content(text: str, end: int) -> TextMap:
    """Markdown made of the text-bearing values of a front matter that holds the whole page (Hugo/Wowchemy widgets).

    Block scalars (`text: |`) are copied as Markdown lines; the scalar values of
    one list item are joined into one line; `title` values become headings.
    """
    keys = _front_matter_text_keys()
    out = FastBuilder(len(text))
    item: list[tuple[int, int]] = []
    item_indent = -1
    block: int | None = None  # indentation of the key that opened a block scalar
    block_ind: int | None = None

    def flush_item() -> None:
        for k, (a, b) in enumerate(item):
            if k:
                out.insert(", ", a)
            out.copy(text[a:b], a)
        if item:
            out.insert("\n\n", item[-1][1])
        item.clear()

    first = _LINE.match(text)
    for lm in _LINE.finditer(text, first.end() if first else 0, end):
        ls = lm.start()
        le = lm.end()
        if ls >= end or ls == le:
            break
        while le > ls and text[le - 1] in "\r\n":
            le -= 1
        line = text[ls:le]
        stripped = line.strip()
        ind = len(line) - len(line.lstrip(" \t"))
        if block is not None:
            if not stripped:
                out.insert("\n", ls)
                continue
            if ind > block:
                if block_ind is None:
                    block_ind = ind
                cs = ls + min(ind, block_ind)
                out.copy(text[cs:le], cs)
                out.insert("\n", le)
                continue
            out.insert("\n", ls)
            block = None
        if not stripped or stripped.startswith("#") or stripped in ("---", "+++", "..."):
            continue
        m = _FM_ENTRY.match(line)
        if m is None:
            continue
        is_item = m.group(2) is not None
        if is_item or ind <= item_indent:
            flush_item()
            item_indent = ind if is_item else -1
        key = m.group(3).lower()
        vs, ve = ls + m.start(4), ls + m.end(4)
        val = text[vs:ve]
        if _BLOCK_SCALAR.fullmatch(val):
            flush_item()
            item_indent = -1
            block = m.start(3)
            block_ind = None
            continue
        if key not in keys or not val or val[0] in "[{&*!|>" or (ind == 0 and key not in ("title", "subtitle")):
            continue
        if val[0] in "\"'" and len(val) >= 2 and val[-1] == val[0]:
            vs, ve = vs + 1, ve - 1
        elif " #" in val:
            ve = vs + val.index(" #")
        if ve <= vs:
            continue
        if key == "title" and item_indent < 0:
            out.insert("\n## ", vs)
            out.copy(text[vs:ve], vs)
            out.insert("\n\n", ve)
        else:
            item.append((vs, ve))
    flush_item()
    return out.build()


_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)
_WS = re.compile(r"\s+")


def _meaningful(s: str | None) -> str | None:
    if s is None:
        return None
    s = _WS.sub(" ", s).strip()
    return s if any(ch.isalnum() for ch in s) else None


# ---------------------------------------------------------------- entry point


def to_plain(text: str, fmt: str) -> Markup:
    """Plain text of a decoded document; `fmt` is "markdown", "html" or "text"."""
    if fmt not in ("markdown", "html"):
        return Markup(TextMap.identity(text), fmt="text")
    meta: dict[str, str] = {}
    title: str | None = None
    body_start = 0
    if fmt == "markdown":
        body_start, meta = _front_matter(text)
        title = _meaningful(meta.get("title"))
    else:
        tm = _TITLE.search(text, 0, min(len(text), 200_000))
        if tm:
            title = _meaningful(html.unescape(_TAGS.sub("", tm.group(1))))
    stripped = _strip_regions(text[body_start:], fmt)
    if body_start:
        stripped = compose(TextMap(text[body_start:], array("q", range(body_start, len(text))), len(text)), stripped)
        if not stripped.text.strip():
            derived = _front_matter_content(text, body_start)
            stripped = compose(derived, _strip_regions(derived.text, fmt))
    if fmt == "markdown":
        rendered, r = _render_markdown(stripped.text)
    else:
        out = _Out(len(stripped.text))
        r = _Renderer(out, markdown=False)
        r.whole(stripped.text)
        rendered = out.build()
    final = compose(stripped, rendered)
    txt = final.text
    headings = [(a, b, lvl) for a, b, lvl in (_trim(txt, s, e) + (lvl,) for s, e, lvl in r.headings) if b > a]
    bold = [sp for sp in (_trim(txt, s, e) for s, e in r.bold) if sp[1] > sp[0]]
    links = [(a, b, h) for (a, b), h in ((_trim(txt, s, e), h) for s, e, h in r.links) if b > a]
    if title is None and headings:
        a, b, lvl = min(headings)
        if lvl == 1 and not txt[:a].strip():
            title = _meaningful(txt[a:b])
    return Markup(final, title, meta, sorted(headings), sorted(bold), sorted(links), fmt)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
