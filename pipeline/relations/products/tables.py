"""developed, read from a table of products: a header row that names a product column and a
maker column ("Model | Developer | Release date", "System | Organization | Released"), then one
fact per row, dated by the row's release column when the table has one.

A table of people ("Name | Organization"), or one without a maker column ("Model | Accuracy"),
yields nothing; a maker cell may name several makers ("Quillon, Northwind Labs").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from spacy.tokens import Doc

from ..base import Arg, Candidate, all_ents, dates_in, lines, person_arg, text_of
from ..lexicon import words
from ..registry import doc_rule
from .shapes import clean

_CELL = re.compile(r"[^|]+")
_EMPTY = re.compile(r"[\s\-–—?*_]*|n/?a|none|unknown|tbd|tba", re.I)
_MAKERS_SPLIT = re.compile(r"\s*(?:,|/|&|;|\band\b)\s*")


@lru_cache(maxsize=1)
def _columns() -> dict[str, str]:
    """Header word -> the column's role: "product", "maker" or "date"."""
    w = words()
    return {h: role for role, name in (("product", "product_columns"), ("maker", "maker_columns"), ("date", "release_columns")) for h in w[name]}


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row, trimmed."""
    out = []
    for m in _CELL.finditer(text, start, end):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
    return out


def _roles(text: str, cells: list[tuple[int, int]]) -> dict[str, int] | None:
    """The column of each role in a header row, when it has a product and a maker column."""
    cols = _columns()
    roles: dict[str, int] = {}
    for k, (s, e) in enumerate(cells):
        role = cols.get(re.sub(r"\s+", " ", text[s:e].strip("*_: ")).lower())
        if role is not None and role not in roles:
            roles[role] = k
    return roles if "product" in roles and "maker" in roles else None


def maker_args(doc: Doc, s: int, e: int) -> Iterator[Arg]:
    """The makers a cell or a labelled line names: "Quillon", "Quillon, Northwind Labs", "Jon Park and Li Wei"."""
    text = text_of(doc)
    people = doc._.people
    pos = s
    for part in _MAKERS_SPLIT.split(text[s:e]):
        a = text.index(part, pos) if part else pos
        b = a + len(part)
        pos = b
        if not part or _EMPTY.fullmatch(part) or not part[:1].isupper():
            continue
        p = people.at(a, b) if people is not None else None
        if p is not None:
            yield person_arg(doc, p, a, b)
        else:  # a name the people stage did not file is a person only to the model's recognizer
            tagged = any(e.label_ == "PERSON" and e.start_char <= a and b <= e.end_char for e in all_ents(doc))
            yield Arg(part, "PERSON" if tagged else "ORG", part, a, b)


@doc_rule("developed", "products.table", order=76)
def product_tables(doc: Doc) -> Iterator[Candidate]:
    text = text_of(doc)
    roles: dict[str, int] | None = None
    for line in lines(doc, headings=True):  # a header row that names a section's columns is also that section's heading
        if "|" not in line.text:
            roles = None  # the table ended
            continue
        cells = _cells(text, line.start, line.end)
        if roles is None:
            roles = _roles(text, cells)
            continue
        if max(roles.values()) >= len(cells):
            continue
        ps, pe = cells[roles["product"]]
        name = text[ps:pe]
        if _EMPTY.fullmatch(name) or not (name[:1].isupper() or name[:1].isdigit()):
            continue
        q: dict[str, str] = {}
        if "date" in roles:
            ds, de = cells[roles["date"]]
            d = next((d for d in dates_in(doc, ds, de) if d.value and "/" not in d.value), None)
            if d is not None:
                q["date"] = d.value
        product = Arg(name, "PRODUCT", clean(name), ps, pe)
        for maker in maker_args(doc, *cells[roles["maker"]]):
            yield Candidate("developed", maker, product, (line.start, line.end), "prose.developed_table", 0.8, dict(q))
