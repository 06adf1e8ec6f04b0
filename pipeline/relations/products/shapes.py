"""What a product is called in prose: an entity span, a quoted name, a coined spelling
("GraphVault", "Orca-2", "Nimbus 2.0", "Tessera-7B"), a name set in apposition to a
description ("its new assistant, Orca,"), and enumerations of them ("Orca-2 and Orca-3").

A made thing is never a person, a place, a date or an organisation's unit; these
checks are shared by every developed rule.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...coref import Coref
from ..base import text_of
from ..lexicon import words
from ..toolkit import Name, Sent, alt, is_location

NOT_PRODUCT = {"GPE", "LOC", "NORP", "DATE", "TITLE", "DEGREE", "VENUE", "EVENT"}
NOT_MADE = {"PERSON", "GPE", "LOC", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "TITLE", "DEGREE"}
GENERIC_OBJ = re.compile(r"\b(?:Lab|Laboratory|Group|Team|Center|Centre|Department|Institute|University|College|School|Company|Inc|Ltd|Corporation|Foundation|Program|Programme|Course|Conference|Workshop|Society|Association)s?\b\.?")

_DETERMINER_GAP = re.compile(r"\s*(?:(?:the|its|their|our|his|her|a|an)\s+)?")
# "the popular Orca app", "its open-source GraphVault library": praise before a name is no part of it
_PRAISE = re.compile(r"\s*(?:(?:the|its|their|our|his|her)\s+)?(?:(?:popular|widely[- ]used|open[- ]source|famous|well-known|successful|award-winning|flagship|acclaimed|influential|long-awaited|much-anticipated|new|newest|latest|next-generation)\s+){1,2}(?=[A-Z])")
# a capitalised name, with a version ("Nimbus 2", "Ledger 3.1") or hyphenated parts ("Orca-2", "Tessera-7B")
_SHAPED = re.compile(r"\s*(?:(?:the|its|their|our|his|her)\s+)?([A-Z][\w.+]*(?:[ -]+\d[\w.]*)?(?:-[A-Z\d][\w.]*)*)")
# a lowercase coined spelling: an inner capital or a digit ("word2vec", "fastText", "spaCy")
LOWER_COINED = r"[a-z]+(?:[A-Z]|\d)[\w.+]*(?:-[\w.]+)*"
_LOWER = re.compile(rf"\s*(?:(?:the|its|their|our|his|her)\s+)?({LOWER_COINED})(?![\w-])")
_QUOTED = re.compile(r"\s*(?:the\s+)?[\"“]([A-Z0-9][^\"“”\n]{0,40}?)[\"”]")
_JOIN = re.compile(rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)(?=(?:the\s+)?[\"“]?(?:[A-Z]|{LOWER_COINED}))")


_LANGUAGE_TAIL = re.compile(r"\s+(?:Python|Java|JavaScript|TypeScript|Rust|Go|Julia|R|C\+\+|MATLAB)$")


def without_language(sent: Sent, n: Name) -> Name:
    """"the Tessera Python package": the language a package is written in is no part of its name."""
    m = _LANGUAGE_TAIL.search(n.text)
    if m is None or m.start() == 0 or not product_noun_rx().match(text_of(sent.doc), n.end + 1 if n.end < sent.end else n.end):
        return n
    return Name(n.start, n.start + m.start(), n.text[: m.start()])


def repo_name(name: str) -> bool:
    """A repository's lowercase name ("orca-tools", "graph_vault")."""
    return bool(re.fullmatch(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+", name))


def coined(name: str) -> bool:
    """A made-up product spelling: a word with an inner capital or a digit, or a version ("GraphVault", "Orca 2")."""
    return any(w[:1].isdigit() or any(ch.isupper() or ch.isdigit() for ch in w[1:]) for w in name.split())


def clean(name: str) -> str:
    """The canonical form: hyphens without spaces, no trailing full stop."""
    return re.sub(r"\s*-\s*", "-", name).rstrip(".")


@lru_cache(maxsize=1)
def _description() -> re.Pattern[str]:
    """ "its new assistant, " / "a small language model called ": a description before the name."""
    nouns = alt(words()["product_nouns"])
    return re.compile(
        rf"\s*(?:(?:the|its|their|our|his|her|a|an|two|three|four|five|several)\s+)(?:[a-z][\w-]*\s+){{0,4}}(?:{nouns})"
        rf"(?:,\s+|:\s+|\s+(?:called|named|dubbed|known\s+as)\s+|(?<=s)\s+(?=[\"“]?[A-Z][\w.+]*[-\d])"
        rf"|\s+(?=[A-Z][\w.+]*(?:\d|[A-Z]{{2}}|[a-z][A-Z])[\w.+-]*(?:[.,;:)]|\s+(?:and|in|on|at|for|with|from|which|that|to)\b|\s*$)))(?=[\"“]?[A-Z])"
    )


# "the first version of M", "a preview of M": a release of M is M
_VERSION_OF = re.compile(r"\s*(?:the|a|an)\s+(?:(?:first|initial|original|new|early|public|beta|updated|open-source|research)\s+)?(?:version|preview|beta|prototype|update|edition)\s+of\s+")


@lru_cache(maxsize=1)
def product_noun_rx() -> re.Pattern[str]:
    return re.compile(rf"(?:{alt(words()['product_nouns'])})(?![\w-])")


def software(sent: Sent, n: Name) -> bool:
    """A name that can be a model, system or library: not an organisation's unit, a place, a date or a title.

    A title that only ends in the name ("lead developer of Nimbus") does not count.
    """
    if GENERIC_OBJ.search(n.text) or len(n.text) < 2 or re.match(r"(?:Task|Phase|Section|Chapter|Figure|Table|Step|Part)\s+\d", n.text):
        return False
    if re.search(r"['’]s?$", n.text):
        return False  # "Seattle's waterfront": the owner of the thing, not the thing
    if n.text.split()[-1] in words()["place_heads"] and not coined(n.text):
        return False  # "designed Harbor Tower": a building, a square or a park is no product
    return not any(
        e.label_ in NOT_PRODUCT and e.start_char <= n.start < e.end_char and not (e.label_ == "TITLE" and e.start_char < n.start) and not _misread_place(e.label_, n.text)
        for e in sent.ents
    )


def _misread_place(label: str, name: str) -> bool:
    """"creator of Zephyr", tagged as a place: a one- or two-word name that no list knows as a place or a people
    is the recognizer's guess for a word it has not seen, not a place anyone builds (unless its last word
    says it is one: "Springfield Park")."""
    if name.split()[-1] in words()["place_heads"]:
        return False
    return label in ("GPE", "NORP") and len(name.split()) <= 2 and not is_location(name) and name not in words()["nationalities"]


def product_at(sent: Sent, pos: int, described: bool = True) -> Name | None:
    """The product named at `pos`: an entity, a quoted name or a capitalised name, after an
    optional determiner; with `described`, also the name after a description ("its new assistant, Orca")."""
    text = text_of(sent.doc)
    if described:
        d = _description().match(text, pos, sent.end)
        if d is not None:
            pos = d.end()
    praise = _PRAISE.match(text, pos, sent.end)
    if praise is not None:
        pos = praise.end()
    q = _QUOTED.match(text, pos, sent.end)
    if q is not None:
        return Name(q.start(1), q.end(1), q.group(1).strip())
    for e in sent.ents:
        if e.label_ in ("PRODUCT", "ORG", "WORK_OF_ART", "PERSON", "GPE") and 0 <= e.start_char - pos <= 4:
            if not _DETERMINER_GAP.fullmatch(text, pos, e.start_char):
                return None  # "open-sourced on GitHub": a platform after a preposition, not the thing released
            return Name(e.start_char, e.end_char, e.text)
    m = _SHAPED.match(text, pos, sent.end) or _LOWER.match(text, pos, sent.end)
    if m:
        name = m.group(1).rstrip(".")
        return Name(m.start(1), m.start(1) + len(name), name)
    r = _REPO.match(text, pos, sent.end)
    if r is not None and (r.group(0).lstrip().startswith(("`", "[")) or _repo_described().match(text, r.end(), sent.end)):
        return Name(r.start(1), r.end(1), r.group(1))
    return None


# a repository's lowercase name ("orca-tools", "graph_vault"), trusted when set off as code or a link,
# or when a description of a made thing follows it ("orca-tools, an open-source library")
_REPO = re.compile(r"\s*(?:(?:the|its|their|our|his|her)\s+)?[`\[]?([a-z][a-z0-9]*(?:[-_][a-z0-9]+)+)(?![\w-])[`\]]?")


@lru_cache(maxsize=1)
def _repo_described() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:\([^)]{{0,80}}\))?\s*(?:,|:|—|–|\s-)\s*(?:a|an|the|our|its|their)\s+(?:[\w-]+\s+){{0,4}}?(?:{alt(words()['product_nouns'])})\b")


def products_from(sent: Sent, pos: int, co: Coref, limit: int = 6, strict: bool = True) -> list[Name]:
    """The products named from `pos` on, with what follows the first ("Orca-2, Orca-3 and Nimbus").

    The first may be any name; later ones need a product's entity label or a coined spelling,
    so "released Orca-2 and Kestrel responded" stops at the first.
    """
    text = text_of(sent.doc)
    out: list[Name] = []
    v = _VERSION_OF.match(text, pos, sent.end)
    at = v.end() if v else pos
    while len(out) < limit:
        n = product_at(sent, at, described=not out)
        if n is None or not made_thing(sent, n, co, strict):
            break
        if out and not (coined(n.text) or any(e.label_ == "PRODUCT" and e.start_char == n.start for e in sent.ents)):
            break
        out.append(n)
        j = _JOIN.match(text, n.end + (1 if text[n.end : n.end + 1] in "\"”`]" else 0), sent.end)
        if j is None:
            break
        at = j.end()
    return out


def made_thing(sent: Sent, n: Name, co: Coref, strict: bool = True) -> bool:
    """Whether the name can be something made: no person, place, unit or possessor ("Quillon's").

    A quoted name or a coined spelling is trusted over the model's label for a plain word
    (the people stage, not the model's PERSON label, says who is a person); without `strict`
    (after a verb of release, which names what it releases) only a known place is refused.
    """
    text = text_of(sent.doc)
    person = co.person_at(n.start, n.end)
    # after a verb of release, a "person" no pronoun refers to is a product the model took for a
    # name ("launched Amazon Alexa"); one the text calls he or she is a person
    if person is not None and (strict or person.gender is not None) or re.match(r"['’]s?\b", text[n.end : n.end + 2]):
        return False
    if text[n.start - 1 : n.start] in ('"', "“") or coined(n.text):
        return not GENERIC_OBJ.search(n.text) and len(n.text) >= 2
    if not strict:
        return not GENERIC_OBJ.search(n.text) and len(n.text) >= 2 and not is_location(n.text)
    return software(sent, n) and not any(e.label_ in NOT_MADE - {"PERSON"} and e.start_char <= n.start < e.end_char for e in sent.ents)
