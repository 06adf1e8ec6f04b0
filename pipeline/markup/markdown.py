"""Markdown block structure: paragraphs, list items, headings, quotes, fences and table rows, one logical line each."""

from __future__ import annotations

import re

from ..textmap import TextMap
from .inline import _BLANK, _NL, _REFDEF_LABEL, _label, _Out, _Renderer
from .lists import Indents, columns

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




class _Para:
    __slots__ = ("kind", "segs", "marker", "item")

    def __init__(self, kind: str, seg: tuple[int, int], marker: int = -1, item: int = -1) -> None:
        self.kind = kind  # "para" | "list"
        self.segs = [seg]
        self.marker = marker
        self.item = item  # index of the list item in `_Renderer.items`


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
    nesting = Indents()

    def flush() -> None:
        nonlocal para
        if para is None:
            return
        p, para = para, None
        out.request(_NL, p.segs[0][0])
        if p.kind == "list":
            r.items.start(p.item, out.mark())
            out.insert("- ", p.marker)
        r.block(p.segs, t)
        out.request(_NL, p.segs[-1][1])

    def heading(segs: list[tuple[int, int]], level: int) -> None:
        nesting.close()
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
            nesting.close()
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
                nesting.close()
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
            col = columns(lm2.group(1))
            depth, parent = nesting.place(col)
            item = r.items.new(depth, parent)
            nesting.push(col, item)
            para = _Para("list", (body, le), lm2.start(2), item)
            if body == le:
                para.segs = [(le, le)]
            continue
        if _REFDEF.match(line):
            flush()
            continue
        ind = _INDENT.match(t, cs, le).end()
        if para is None:
            if columns(t[cs:ind]) < 2:
                nesting.close()  # a paragraph at the margin ends the list; an indented one continues an item
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
