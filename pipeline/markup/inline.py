"""Inline syntax of one block (links, emphasis, code, raw HTML tags, entities) and the output buffer it writes to."""

from __future__ import annotations

import html
import re
from bisect import bisect_right

from ..textmap import FastBuilder, TextMap
from .lists import HtmlLists, Items

# ---------------------------------------------------------------- output buffer

_NONE, _SPACE, _CELL, _NL, _BLANK = 0, 1, 2, 3, 4


class _Out:
    """FastBuilder with pending separators that collapse (two requested newlines give one)."""

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
        self.items = Items()
        self.html_lists = HtmlLists(self.items)
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
            if name in HtmlLists.TAGS:
                self.html_lists.tag(name, closing, out.mark)
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

def _label(s: str) -> str:
    return " ".join(s.lower().split())
