"""Markup to plain text with one logical unit (paragraph, list item, heading, table row) per line.

Two passes, each a `TextMap`, composed so every output character points at the
raw character it was copied from:

1. `regions._strip_regions` deletes what never carries text: HTML comments, Liquid
   tags and outputs, <script>/<style>/<noscript>/<template>/<svg>... elements.
2. `markdown._render_markdown` (and `inline._Renderer.whole` for HTML) walk block structure line by line (no
   recursion, so nesting depth is irrelevant) and scan inline syntax with
   regular expressions that follow the CommonMark definitions of raw HTML,
   links, code spans and emphasis. HTML block elements become line breaks,
   newlines inside a paragraph become spaces.

Inserted separators (newlines between blocks, " | " between table cells, the
normalised list marker "- ") map to the raw position of the markup that caused
them, so origins never decrease. `front_matter` reads a Markdown page's metadata
(and its text, when the page keeps its content there). `lists` records each list
item's depth and parent, so a sub-bullet stays with the item it belongs to.
"""

from __future__ import annotations

import html
import re
from array import array
from dataclasses import dataclass, field

from ..textmap import FastBuilder, TextMap, compose
from .front_matter import _TAGS, _front_matter, _front_matter_content
from .inline import _Out, _Renderer
from .lists import item_spans, trim_span as _trim
from .markdown import _render_markdown
from . import wikitext
from .regions import _strip_regions

__all__ = ["FastBuilder", "Markup", "compose", "to_plain"]

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
    # list items: (start, end, depth, parent) of each item's own line, parent an index into `items` or -1
    items: list[tuple[int, int, int, int]] = field(default_factory=list)


_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)
_WS = re.compile(r"\s+")


def _meaningful(s: str | None) -> str | None:
    if s is None:
        return None
    s = _WS.sub(" ", s).strip()
    return s if any(ch.isalnum() for ch in s) else None


# ---------------------------------------------------------------- entry point


def to_plain(text: str, fmt: str) -> Markup:
    """Plain text of a decoded document; `fmt` is "markdown", "html", "wikitext" or "text"."""
    if fmt == "wikitext" or (fmt in ("markdown", "text") and wikitext.looks_like_wikitext(text)):
        return _wiki_markup(text)
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
    if fmt == "markdown" and "[[" in stripped.text:  # Markdown that borrows wiki links
        stripped = compose(stripped, wikitext.unwrap_links(stripped.text))
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
    return Markup(final, title, meta, sorted(headings), sorted(bold), sorted(links), fmt, item_spans(txt, r.items.found))


def _wiki_markup(text: str) -> Markup:
    final, heads, bold, links = wikitext.render(text)
    txt = final.text
    headings = [(a, b, lvl) for a, b, lvl in (_trim(txt, s, e) + (lvl,) for s, e, lvl in heads) if b > a]
    first = min(headings, default=None)
    title = _meaningful(txt[first[0] : first[1]]) if first and first[2] == 1 and not txt[: first[0]].strip() else None
    return Markup(final, title, {}, sorted(headings), sorted(_trim(txt, s, e) for s, e in bold), sorted(links), "wikitext")
