"""Plain text to clean text: repaired, normalised, tokens un-spaced and un-glued, sections found.

Each rewrite is a pass that produces a `TextMap` over its input; the passes are
composed and finally put behind the markup map, so `CleanText.map.origin`
indexes the raw decoded document. Every pass keeps origins non-decreasing,
which lets spans found in markup coordinates be moved into clean coordinates
by binary search.
"""

from __future__ import annotations

import datetime
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Iterator

from ..markup import Markup, compose
from ..sections import Section, find_sections, norm_heading, section_at, section_name
from ..textmap import TextMap
from .byline import find_dct
from .rewrite import jsonl, rewrite
from .tokens import token_edits, ws_edits
from .unicode import char_edits, repair_lines
from .wrap import unwrap_edits

__all__ = ["CleanText", "Section", "clean", "section_at", "section_name"]


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
    # list items (start, end, depth, parent index or -1), as `Markup.items` in clean coordinates
    items: list[tuple[int, int, int, int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.map.text



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
    return frozenset(w for row in jsonl("front_matter_keys.jsonl") if row["kind"] == "generic_title" for w in row["keys"])


def _clean_title(title: str | None) -> str | None:
    """The title with decoration removed; None when it only names a kind of page ("About Me", "CV", "Home")."""
    if not title:
        return None
    t = title
    for edits in (char_edits, ws_edits):
        t = rewrite(t, edits(t)).text
    t = " ".join(t.split())
    if not t or norm_heading(t) in _generic_titles() or section_name(t, keywords_ok=False) is not None:
        return None
    return t


def clean(markup: Markup) -> CleanText:
    """Clean the plain text of `markup`; the result maps back to the raw document."""
    src = markup.map.text
    maps: list[TextMap] = []
    repaired = repair_lines(src)
    if repaired is not None:
        maps.append(repaired)
    for edits in (char_edits, token_edits, ws_edits):
        cur = maps[-1].text if maps else src
        maps.append(rewrite(cur, edits(cur)))
    local = compose(*maps)
    text = local.text
    headings = [(a, b, lvl) for (a, b), lvl in zip(_move_spans(local.origin, ((s, e) for s, e, _ in markup.headings), text), (h[2] for h in markup.headings)) if b > a]
    bold = [sp for sp in _move_spans(local.origin, markup.bold, text) if sp[1] > sp[0]]
    links = [(a, b, h) for (a, b), h in zip(_move_spans(local.origin, ((s, e) for s, e, _ in markup.links), text), (link[2] for link in markup.links)) if b > a]
    # indices stay those of the markup's list, so parents still point right; an item cleaned away is left empty
    items = [(a, b, d, p) for (a, b), (_, _, d, p) in zip(_move_spans(local.origin, ((s, e) for s, e, _, _ in markup.items), text), markup.items)]
    # hard-wrapped paragraphs joined last: one space for each break, so every span above stays put
    fixed = {a for a, _, _ in headings} | {a for a, _, _, _ in items}
    unwrapped = rewrite(text, unwrap_edits(text, fixed))
    if unwrapped.text != text:
        local = compose(local, unwrapped)
        text = local.text
    dct, dct_span = find_dct(text)
    return CleanText(
        map=compose(markup.map, local),
        sections=find_sections(text, headings, bold, links),
        title=_clean_title(markup.title),
        meta=dict(markup.meta),
        bold=bold,
        links=links,
        headings=headings,
        dct=dct,
        dct_span=dct_span,
        items=items,
    )

