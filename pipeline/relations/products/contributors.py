"""developed, read from a product's list of contributors: the layout of model reports, release
pages and project READMEs that credit the people who built a thing under a heading.

- a heading naming a contribution role ("Contributors", "Core contributors", "Maintainers",
  "Core developers", "Development team") over a list of people, on a page whose title names a
  product ("Orca-2: small models that reason", "Introducing Orca-2", "The Orca-2 technical report");
- a heading naming the product itself ("Orca-2 contributors", "Contributors to Orca-2", "The Orca-2 team");
- a labelled line, in one line ("Core contributors: Ana Ruiz, Jon Park"), or a model card's
  "Developed by: Quillon" (an organisation as well as people);
- a line that introduces the list under it as the product's makers ("The following people have
  contributed to the Quartz solver:", "Quartz is developed by:", "The authors of Quartz are:").

Each person listed (a name opening its line or its comma-separated entry) developed the product.
A name is a product when it is coined, a product to the model, or one the text calls a product
("the Quartz solver", "Quartz is an open-source solver").
A page whose title names no product (a lab's "Team", a workshop's "Contributors", a company's
own name), a heading of thanks ("Acknowledgements") or a name inside a sentence yields nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Iterator

from spacy.tokens import Doc

from ..base import Arg, Candidate, all_ents, lines, person_arg, text_of
from ..lexicon import words
from ..registry import doc_rule
from ..toolkit import alt
from .shapes import clean, coined
from .tables import maker_args

_NAME = r"[A-Z][\w.+-]*(?:\s+(?:[A-Z\d][\w.+-]*))?"
# what may stand before a listed name on its line: a bullet, a number, a table bar, an emphasis mark
_ENTRY_START = re.compile(r"(?:^|[,;:|·•]|\band\b)\s*(?:[-*+•]\s+|\d+[.)]\s+|[*_]{1,2})?$")


@lru_cache(maxsize=1)
def _roles() -> str:
    """Roles of a heading over a product's makers; "Authors", "Creators" only with the product named."""
    return alt(words()["contributor_roles"] + words()["credit_nouns"])


@lru_cache(maxsize=1)
def _role_heading() -> re.Pattern[str]:
    """ "Core contributors", "Orca-2 contributors", "Contributors to Orca-2", "The Orca-2 team"."""
    # (the words case-blind, the names not: "Orca-2 contributors", never "core" as a name)
    return re.compile(rf"(?i:the\s+)?(?:(?P<pre>{_NAME})\s+)?(?i:(?P<role>{_roles()}))(?:\s+(?i:to|of|for|behind)\s+(?i:the\s+)?(?P<post>{_NAME}))?\s*:?")


@lru_cache(maxsize=1)
def _role_label() -> re.Pattern[str]:
    """ "Core contributors: " opening a line."""
    return re.compile(rf"[-*+•\s]*(?:[*_]{{1,2}})?(?:{_roles()})(?:[*_]{{1,2}})?\s*:\s*(?:[*_]{{1,2}})?", re.I)


@lru_cache(maxsize=1)
def _maker_label() -> re.Pattern[str]:
    """ "Developed by: ", "- **Model developers:** " opening a line (a model card's)."""
    return re.compile(rf"[-*+•\s]*(?:[*_]{{1,2}})?(?:{alt(words()['maker_labels'])})(?:[*_]{{1,2}})?\s*:\s*(?:[*_]{{1,2}})?", re.I)


@lru_cache(maxsize=1)
def _product_title() -> re.Pattern[str]:
    """A title that names a product: "Introducing X", "X: ...", "X technical report", "the X framework" (or a bare name, `_page_product`)."""
    nouns = alt(words()["product_nouns"])
    return re.compile(
        rf"(?:(?i:introducing|announcing|releasing|meet)\s+(?i:the\s+)?(?P<intro>{_NAME})"
        rf"|(?P<colon>{_NAME})\s*(?::|\s[-–—]\s)\s*\S"
        rf"|(?i:the\s+)?(?P<report>{_NAME})\s+(?i:technical\s+report|model\s+card|system\s+card|release\s+notes|white\s*paper)\b"
        rf"|(?i:the\s+)?(?P<noun>{_NAME})\s+(?i:{nouns})\b)"
    )


@lru_cache(maxsize=1)
def _intro_line() -> re.Pattern[str]:
    """A line that ends in a colon and says the list under it made a product (its name in `m1`..`m4`)."""
    roles, made = alt(words()["credit_nouns"]), alt(words()["made_by_participles"])
    nouns = alt(words()["product_nouns"])

    def product(k: int) -> str:
        return rf"(?i:the\s+)?(?P<m{k}>{_NAME})(?:\s+(?:{nouns}))?"

    return re.compile(
        rf"[-*+•\s]*(?:[*_]{{1,2}})?(?:[^:]*?[.!?]\s+)?(?:"
        rf"[^:]*?\b(?i:contributed|contribute|contributes)\s+(?:[a-z]+\s+)?to\s+{product(1)}"
        rf"|{product(2)}\s+(?i:is|was|has\s+been|are|were)\s+(?:[a-z]+\s+){{0,3}}(?i:{made})\s+by"
        rf"|(?i:the\s+)?(?:[a-z]+\s+)?(?i:{roles})\s+(?:of|to)\s+{product(3)}"
        rf"|{product(4)}['’]s?\s+(?:[a-z]+\s+)?(?i:{roles}))\b[^:]*:\s*(?:[*_]{{1,2}})?"
    )


def _introduced_lists(doc: Doc) -> Iterator[tuple[Arg, int, int]]:
    """(product, start, end) of each list a line introduces as the product's makers: the item lines
    (or unbroken lines) right under the introducing line."""
    text = text_of(doc)
    all_lines = list(lines(doc, headings=True))
    for k, line in enumerate(all_lines):
        if not line.text.rstrip("*_ ").endswith(":") or line.heading:
            continue
        m = _intro_line().fullmatch(text, line.start, line.end)
        if m is None:
            continue
        g = next(f"m{i}" for i in range(1, 5) if m.group(f"m{i}"))
        product = _product_arg(doc, m.start(g), m.end(g), need_coined=True)
        if product is None:
            continue
        end, prev = line.end, line
        for nxt in all_lines[k + 1 :]:
            # items, or unbroken lines (a table's rows, its header row a heading to the cleaner);
            # the first may stand after a blank line
            if (nxt.heading and " | " not in nxt.text) or not (nxt.item or prev is line or "\n\n" not in text[prev.end : nxt.start]):
                break
            end, prev = nxt.end, nxt
        if end > line.end:
            yield product, line.end, end


def _heading_lines(doc: Doc) -> list[tuple[int, int, int]]:
    """(start, end, level) of each heading, in order."""
    return sorted(getattr(doc._.clean, "headings", None) or [])


def _product_arg(doc: Doc, start: int, end: int, need_coined: bool) -> Arg | None:
    """The product a name names; a name the model takes for an organisation, a place or a person
    is one only with a version number ("Orca-2"), a product label or the text's word for it (a
    company's own page is no product page)."""
    name = text_of(doc)[start:end].rstrip(".")
    end = start + len(name)
    if _called_a_product(text_of(doc), name):
        return Arg(name, "PRODUCT", clean(name), start, end)
    # what the model calls the name itself ("QRX Authors" as one organisation says nothing of "QRX")
    labels = {e.label_ for e in all_ents(doc) if e.start_char == start and e.end_char == end}
    if need_coined and not coined(name) and "PRODUCT" not in labels:
        return None  # a title-case word ("Graph Model Tutorials") is no product name
    if labels & {"ORG", "GPE", "PERSON"} and "PRODUCT" not in labels and not re.search(r"\d", name):
        return None
    return Arg(name, "PRODUCT", clean(name), start, end)


def _called_a_product(text: str, name: str) -> bool:
    """Whether the text calls `name` a product in lower case: "the Quartz solver", "Quartz is an open-source
    solver", "Quartz, a library for"; a title ("Quartz Solver Team") is not enough."""
    nouns = alt(words()["product_nouns"])
    n = re.escape(name)
    rx = rf"\b{n}\s+(?:{nouns})\b|\b{n}(?:\s+is|\s+was|,)\s+(?:a|an)\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})\b"
    return re.search(rx, text) is not None


def _page_product(doc: Doc) -> Arg | None:
    """The product the page's title names, if its title is of a product's shape."""
    heads = _heading_lines(doc)
    if not heads:
        return None
    start, end, _ = heads[0]
    text = text_of(doc)
    m = _product_title().match(text, start, end)
    if m is None:
        # a page titled with a bare name that its text calls a product ("# Quartz", "Quartz is a solver for ...")
        bare = re.fullmatch(_NAME, text[start:end].strip(" *_"))
        name = bare.group() if bare else ""
        return Arg(name, "PRODUCT", clean(name), start, start + len(name)) if bare and text[start:end].startswith(name) and _called_a_product(text, name) else None
    group = next(g for g in ("intro", "colon", "report", "noun") if m.group(g))
    # titles are written in title case, and "X: ..." is also how papers and talks are titled: the name must be
    # coined ("Orca-2", "GraphVault") or a product to the model, unless the title introduces it
    return _product_arg(doc, m.start(group), m.end(group), need_coined=group != "intro")


def _listed(doc: Doc, start: int, end: int) -> Iterator[tuple[object, int, int, tuple[int, int]]]:
    """(person, mention start, mention end, line) for each person whose name opens a line or an entry in [start, end)."""
    people = doc._.people
    if people is None:
        return
    text = text_of(doc)
    all_lines = list(lines(doc))
    starts = [ln.start for ln in all_lines]
    seen: set[int] = set()
    spans = sorted(((s, e, p) for p in people.persons for s, e in p.mentions if start <= s and e <= end), key=lambda x: (x[0], x[1]))
    for s, e, p in spans:
        k = bisect_right(starts, s) - 1
        if id(p) in seen or k < 0 or e > all_lines[k].end:
            continue
        line = all_lines[k]
        if _ENTRY_START.search(text[line.start : s]):
            seen.add(id(p))
            yield p, s, e, (line.start, line.end)


@doc_rule("developed", "products.contributors", order=75)
def contributor_lists(doc: Doc) -> Iterator[Candidate]:
    text = text_of(doc)
    heads = _heading_lines(doc)
    page: Arg | None | bool = False  # read on the first role heading or label (False: not read yet)
    called = False  # whether the text calls the page's product one
    for k, (start, end, level) in enumerate(heads):
        m = _role_heading().fullmatch(text, start, end)
        if m is None:
            continue
        named = m.group("post") or m.group("pre")
        product = None
        if named:
            g = "post" if m.group("post") else "pre"
            product = _product_arg(doc, m.start(g), m.end(g), need_coined=True)
        if product is None:
            if page is False:
                page = _page_product(doc)
                called = page is not None and _called_a_product(text, page.text)
            # "Contributors" under any product's page; "Authors" only where the text calls the page's name a product
            # ("Quartz is a solver for ..."): under a paper's title they are the paper's
            if m.group("role").lower() in words()["contributor_roles"] or called:
                product = page
        if product is None:
            continue
        body_end = next((s for s, _, lvl in heads[k + 1 :] if lvl <= level), len(text))
        for p, s, e, line in _listed(doc, end, body_end):
            yield Candidate("developed", person_arg(doc, p, s, e), product, line, "prose.developed_contributors", 0.8)
    for product, start, end in _introduced_lists(doc):
        for p, s, e, line in _listed(doc, start, end):
            yield Candidate("developed", person_arg(doc, p, s, e), product, line, "prose.developed_contributors", 0.8)
    for line in lines(doc):
        m = _role_label().match(text, line.start, line.end)
        made = _maker_label().match(text, line.start, line.end) if m is None else None
        if m is None and made is None:
            continue
        page = _page_product(doc) if page is False else page
        if not page:
            return
        if made is not None:  # "Developed by: Quillon, Northwind Labs": organisations as well as people
            end = line.end - len(text[made.end() : line.end]) + len(text[made.end() : line.end].rstrip(" *_."))
            for maker in maker_args(doc, made.end(), end):
                yield Candidate("developed", maker, page, (line.start, line.end), "prose.developed_contributors", 0.8)
            continue
        for p, s, e, ev in _listed(doc, m.end(), line.end):
            yield Candidate("developed", person_arg(doc, p, s, e), page, ev, "prose.developed_contributors", 0.8)
