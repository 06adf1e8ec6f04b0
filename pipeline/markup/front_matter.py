"""Front matter of a Markdown page: its metadata, and its text when the page keeps its content there."""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path

from ..textmap import FastBuilder, TextMap
from .markdown import _LINE

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
    with open(Path(__file__).parent.parent / "patterns" / "front_matter_keys.jsonl", encoding="utf-8") as fh:
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
