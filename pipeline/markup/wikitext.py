"""MediaWiki source (wikitext) to plain lines, with an offset map back to the raw text.

Encyclopedia pages are often kept as wikitext, or as Markdown that borrows its
`[[target|label]]` links. Left in place, the brackets hide the names inside them from the
entity recognizer ("joined [[Acme Labs]] as ..."), so both are read here:

- `unwrap_links` keeps the label of every wiki link in any text (Markdown included) and
  drops file, image and category links, which show no words in the page;
- `render` reads a whole wikitext page: `== Heading ==` lines, `'''bold'''` and `''italic''`,
  `*`/`#`/`:`/`;` list lines, `{| tables |}`, `[https://... label]` external links,
  `<ref>` notes and comments (dropped), and templates. A template that stands on lines of
  its own with named parameters (an infobox) becomes one "key: value" line per parameter;
  an inline one shows its text: numbers only (`{{birth date|1986|10|23}}`) as a date
  "1986-10-23", otherwise its last unnamed parameter (`{{lang|fr|Yves Roe}}`), and one
  with named parameters only (a citation) nothing.

Every output character maps to the raw character it was copied from; inserted separators
map to the markup that caused them, as in the other readers.
"""

from __future__ import annotations

import re

from ..textmap import FastBuilder, TextMap

_LINK = re.compile(r"\[\[([^\[\]|\n]*)(?:\|((?:[^\[\]\n]|\[\[[^\[\]\n]*\]\])*))?\]\]")
_HIDDEN_NS = re.compile(r"\s*:?\s*(?:file|image|media|category)\s*:", re.I)
_HEADING = re.compile(r"(={1,6})[ \t]*([^=\n](?:[^\n]*?[^=\n])?)[ \t]*\1[ \t]*$", re.M)
_DROP = re.compile(r"<!--.*?(?:-->|\Z)|<ref\b[^>/]*/>|<ref\b[^>]*>.*?</ref\s*>|<references\b[^>]*/>|__[A-Z]+__", re.S | re.I)
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_BR = re.compile(r"<br\s*/?>", re.I)
_EXT = re.compile(r"\[(?:https?:|ftp:)?//[^\s\]]+(?:[ \t]+([^\]\n]*))?\]")
_QUOTES = re.compile(r"'{2,5}")
_LIST = re.compile(r"[*#:;]+[ \t]*")
_ENTITY = {"&nbsp;": " ", "&amp;": "&", "&ndash;": "–", "&mdash;": "—"}
_ENTITY_RE = re.compile("|".join(map(re.escape, _ENTITY)))


def unwrap_links(text: str) -> TextMap:
    """The text with every `[[target|label]]` shown as its label (or target); file and category links removed."""
    b = FastBuilder(len(text))
    pos = 0
    for m in _LINK.finditer(text):
        if text[m.end() : m.end() + 1] in ("(", "[", ":"):
            continue  # "[[PDF]](url)": a Markdown link whose label is in brackets
        b.copy(text[pos : m.start()], pos)
        if not _HIDDEN_NS.match(m.group(1)):
            if m.group(2) is not None:
                inner = unwrap_links(m.group(2))
                _copy_map(b, inner, m.start(2))
            else:
                b.copy(m.group(1), m.start(1))
        pos = m.end()
    b.copy(text[pos:], pos)
    return b.build()


def _copy_map(b: FastBuilder, inner: TextMap, offset: int) -> None:
    """Append a derived text whose origins are relative to `offset`."""
    run_start = 0
    for i in range(1, len(inner.text) + 1):
        if i == len(inner.text) or inner.origin[i] != inner.origin[i - 1] + 1:
            b.copy(inner.text[run_start:i], offset + inner.origin[run_start])
            run_start = i


def looks_like_wikitext(text: str) -> bool:
    """A page is wikitext when it has `== Heading ==` lines and wiki inline markup, or an infobox."""
    head = text[:200_000]
    if re.search(r"^\{\{\s*infobox", head, re.I | re.M):
        return True
    headings = sum(1 for m in _HEADING.finditer(head) if len(m.group(1)) >= 2)
    inline = bool(re.search(r"'''[^'\n]+'''|\[\[[^\[\]\n]+\]\]|^\{\{|<ref\b|__[A-Z]+__", head, re.M))
    return headings >= 1 and inline


_PAIR = re.compile(r"\{\{|\}\}|\[\[|\]\]")


def _pairs(text: str) -> dict[int, int]:
    """For every `{{` and `[[` that is closed, the index just past its `}}` or `]]` (nesting counted), in one pass."""
    out: dict[int, int] = {}
    stacks: dict[str, list[int]] = {"{": [], "[": []}
    for m in _PAIR.finditer(text):
        tok = m.group()
        if tok in ("{{", "[["):
            stacks[tok[0]].append(m.start())
        else:
            stack = stacks["{" if tok == "}}" else "["]
            if stack:
                out[stack.pop()] = m.end()
    return out


def _split_params(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Spans of the top-level `|`-separated parts of text[s:e] (links and templates inside are kept whole)."""
    parts, depth, i, start = [], 0, s, s
    while i < e:
        two = text[i : i + 2]
        if two in ("{{", "[["):
            depth += 1
            i += 2
        elif two in ("}}", "]]"):
            depth -= 1
            i += 2
        elif text[i] == "|" and depth <= 0:
            parts.append((start, i))
            start = i = i + 1
        else:
            i += 1
    parts.append((start, e))
    return parts


def _named(text: str, s: int, e: int) -> int:
    """Index of the `=` of a named parameter (`key = value`), or -1."""
    m = re.match(r"[ \t\n]*[\w \-]+?[ \t]*=", text[s:e])
    return s + m.end() - 1 if m else -1


class _Renderer:
    def __init__(self, text: str) -> None:
        self.t = text
        self.pairs = _pairs(text)
        self.b = FastBuilder(len(text))
        self.headings: list[tuple[int, int, int]] = []
        self.bold: list[tuple[int, int]] = []
        self.links: list[tuple[int, int, str]] = []
        self._bold_open: int | None = None
        self._last = ""

    # ---------------------------------------------------------------- output
    def emit(self, piece: str, src: int, copied: bool = True) -> None:
        if not piece:
            return
        (self.b.copy if copied else self.b.insert)(piece, src)
        self._last = piece[-1]

    def newline(self, src: int) -> None:
        if len(self.b) and self._last != "\n":
            self.emit("\n", src, copied=False)

    # ---------------------------------------------------------------- inline
    def inline(self, s: int, e: int) -> None:
        """Render text[s:e]: links, templates, quotes, tags, external links; newlines become ", "."""
        t, i, plain = self.t, s, s
        while i < e:
            c = t[i]
            if c not in "[{'<\n&":
                i += 1
                continue
            self.emit(t[plain:i], plain)
            j = self._token(i, e)
            if j is None:  # not markup: the character is text
                self.emit(c, i)
                j = i + 1
            i = plain = j
        self.emit(t[plain:e], plain)

    def _token(self, i: int, e: int) -> int | None:
        t = self.t
        if t.startswith("[[", i):
            end = self.pairs.get(i, -1)
            if end < 0 or end > e:
                return None
            parts = _split_params(t, i + 2, end - 2)
            target = t[parts[0][0] : parts[0][1]]
            if not _HIDDEN_NS.match(target):
                start = len(self.b)
                ls, le = parts[-1]
                self.inline(ls, le)
                if len(self.b) > start:
                    self.links.append((start, len(self.b), target.strip()))
            return end
        if t.startswith("{{", i):
            end = self.pairs.get(i, -1)
            if end < 0 or end > e:
                return None
            self._inline_template(i, end)
            return end
        if t[i] == "[":
            m = _EXT.match(t, i, e)
            if m is None:
                return None
            if m.group(1):
                self.inline(m.start(1), m.end(1))
            return m.end()
        if t[i] == "'":
            m = _QUOTES.match(t, i, e)
            if m is None:
                return None
            if len(m.group()) in (3, 5):
                if self._bold_open is None:
                    self._bold_open = len(self.b)
                else:
                    self.bold.append((self._bold_open, len(self.b)))
                    self._bold_open = None
            return m.end()
        if t[i] == "<":
            m = _BR.match(t, i, e)
            if m:
                self.emit(" ", i, copied=False)
                return m.end()
            m = _TAG.match(t, i, e)
            return m.end() if m else None
        if t[i] == "&":
            m = _ENTITY_RE.match(t, i, e)
            if m is None:
                return None
            self.emit(_ENTITY[m.group()], i, copied=False)
            return m.end()
        # a newline inside an inline range (a template value spanning lines): items become a list
        j = i + 1
        m = _LIST.match(t, j, e)
        if m:
            j = m.end()
        if len(self.b) and self._last not in "\n ,":
            self.emit(", ", i, copied=False)
        return j

    def _inline_template(self, s: int, e: int) -> None:
        parts = _split_params(self.t, s + 2, e - 2)[1:]
        positional = [(a, b) for a, b in parts if _named(self.t, a, b) < 0 and self.t[a:b].strip()]
        if not positional:
            return
        values = [self.t[a:b].strip() for a, b in positional]
        if all(v.isdigit() for v in values):  # {{birth date|1986|10|23}}
            for k, (a, b) in enumerate(positional):
                if k:
                    self.emit("-", a - 1, copied=False)
                a += len(self.t[a:b]) - len(self.t[a:b].lstrip())
                v = self.t[a:b].strip()
                if k and len(v) == 1:  # month and day as two digits: an ISO date
                    self.emit("0", a, copied=False)
                self.emit(v, a)
            return
        a, b = positional[-1]
        self.inline(a, b)

    # ---------------------------------------------------------------- blocks
    def block_template(self, s: int, e: int) -> None:
        """An infobox: one "key: value" line per named parameter with a value."""
        for a, b in _split_params(self.t, s + 2, e - 2)[1:]:
            eq = _named(self.t, a, b)
            if eq < 0 or not self.t[eq + 1 : b].strip():
                continue
            ka = a + len(self.t[a:eq]) - len(self.t[a:eq].lstrip())
            key = self.t[ka:eq].rstrip()
            self.newline(a)
            for k, ch in enumerate(key):
                self.emit(" " if ch == "_" else ch, ka + k, copied=ch != "_")
            self.emit(": ", eq, copied=False)
            va = eq + 1
            while va < b and self.t[va] in " \t\n":
                va += 1
            vb = b
            while vb > va and self.t[vb - 1] in " \t\n":
                vb -= 1
            self.inline(va, vb)
            self.newline(b)

    def table(self, s: int, e: int) -> None:
        """`{| ... |}`: one line per row, cells joined by " | "; captions and attributes dropped."""
        row_has = False
        for lm in re.finditer(r"[^\n]*", self.t[s:e]):
            ls, le = s + lm.start(), s + lm.end()
            line = self.t[ls:le]
            stripped = line.lstrip()
            off = ls + len(line) - len(stripped)
            if not stripped or stripped.startswith(("{|", "|}", "|+")):
                continue
            if stripped.startswith("|-"):
                self.newline(ls)
                row_has = False
                continue
            if stripped[0] not in "|!":
                self.emit(" ", ls, copied=False)
                self.inline(ls, le)
                continue
            cells = re.split(r"\|\||!!", stripped[1:])
            pos = off + 1
            for cell in cells:
                ca, cb = pos, pos + len(cell)
                pos = cb + 2
                bar = _split_params(self.t, ca, cb)
                if len(bar) > 1 and "=" in self.t[bar[0][0] : bar[0][1]]:
                    ca = bar[-1][0]  # `style="..." | text`
                while ca < cb and self.t[ca] in " \t":
                    ca += 1
                while cb > ca and self.t[cb - 1] in " \t":
                    cb -= 1
                if ca == cb:
                    continue
                if row_has:
                    self.emit(" | ", ca, copied=False)
                self.inline(ca, cb)
                row_has = True
        self.newline(e)

    def whole(self) -> None:
        t, i, n = self.t, 0, len(self.t)
        para = False
        while i < n:
            le = t.find("\n", i)
            le = n if le < 0 else le
            line = t[i:le]
            if t.startswith("{{", i):
                end = self.pairs.get(i, -1)
                if end > 0 and ("\n" in t[i:end] or _named(t, *_split_params(t, i + 2, end - 2)[-1]) >= 0) and not t[end:t.find("\n", end) if "\n" in t[end:] else n].strip():
                    self.newline(i)
                    self.block_template(i, end)
                    para = False
                    i = end
                    continue
            if t.startswith("{|", i):
                end = t.find("\n|}", i)
                end = n if end < 0 else end + 3
                self.newline(i)
                self.table(i, end)
                para = False
                i = end
                continue
            hm = _HEADING.match(t, i, le)
            if not line.strip() or re.fullmatch(r"-{4,}\s*", line):
                self.newline(i)
                para = False
            elif hm:
                self.newline(i)
                start = len(self.b)
                self.inline(hm.start(2), hm.end(2))
                if len(self.b) > start:
                    self.headings.append((start, len(self.b), len(hm.group(1))))
                self.newline(le)
                para = False
            elif line[0] in "*#:;":
                self.newline(i)
                m = _LIST.match(t, i, le)
                self.emit("- ", i, copied=False)
                self.inline(m.end(), le)
                self.newline(le)
                para = False
            else:
                if para:
                    self.emit(" ", i - 1, copied=False)
                else:
                    self.newline(i)
                self.inline(i, le)
                para = True
            i = le + 1
        if self._bold_open is not None:
            self._bold_open = None


def render(text: str) -> tuple[TextMap, list[tuple[int, int, int]], list[tuple[int, int]], list[tuple[int, int, str]]]:
    """A wikitext page -> (map of its plain lines, headings, bold spans, links), spans in the plain text."""
    kept = FastBuilder(len(text))
    pos = 0
    for m in _DROP.finditer(text):
        kept.copy(text[pos : m.start()], pos)
        pos = m.end()
    kept.copy(text[pos:], pos)
    base = kept.build()
    r = _Renderer(base.text)
    r.whole()
    from ..textmap import compose

    return compose(base, r.b.build()), r.headings, r.bold, r.links
