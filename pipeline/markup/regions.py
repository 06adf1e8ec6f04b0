"""Pass 1: regions that never carry text (comments, Liquid, <script>/<style>/<svg>... elements)."""

from __future__ import annotations

import re

from ..textmap import FastBuilder, TextMap

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
