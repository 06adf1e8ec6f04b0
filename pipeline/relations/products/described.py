"""developed, read from a noun phrase: a product noun ("model", "chatbot", "library", from
`patterns/prose_words.jsonl`) that carries both a name and a maker.

- "Quillon's new model, Orca-3, ...": the possessor made the name in apposition;
- "the Orca-2 model from Quillon", "Quillon's Orca chatbot": a name before the noun, the
  maker as possessor or after "from" / "by";
- "Quillon's Orca-2": a possessive organisation before a name that is a product by its
  entity label or its coined spelling, with no noun at all.

A planned, rumoured or rival product ("Quillon's upcoming model, Orca-5") is not
stated as made, and a possessor that is a pronoun or a place makes nothing.
"""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Token

from ...coref import FIRST_PERSON, THIRD_PERSON, Coref, coref_of
from ..base import Arg, Candidate, person_arg, text_of
from ..lexicon import words
from ..registry import sentence_rule
from ..mentions import company_in_context
from ..toolkit import Name, Sent, State, cand, is_location, name_at, negated, org_arg
from .shapes import clean, coined, made_thing, product_at, product_noun_rx

_COMPOUND = ("compound", "nmod", "amod", "nummod", "npadvmod", "poss")


def _maker(sent: Sent, tok: Token, co: Coref) -> Arg | None:
    """Who made the thing `tok` heads: its possessor ("Quillon's"), or the name after "from" / "by"."""
    text = text_of(sent.doc)
    for c in tok.children:
        if c.dep_ == "poss" and (c.lower_ == "its" or c.lower_ == "company" and c.i > 0 and sent.doc[c.i - 1].lower_ == "the"):
            return _its(sent, c.idx)
        if c.dep_ == "poss" and c.lower_ not in FIRST_PERSON | THIRD_PERSON and c.text[:1].isupper():
            left = min(t.i for t in c.subtree)
            span = sent.doc[left : c.i + 1]
            return maker_arg(sent, span.start_char, span.end_char, co)
    # the parser hangs "from X" on the noun or on the verb: read what follows the noun phrase
    m = re.match(r"\s+(?:from|by)\s+(?:the\s+)?(?=[A-Z])", text[tok.idx + len(tok.text) : sent.end])
    if m is not None:
        n = name_at(sent, tok.idx + len(tok.text) + m.end())
        if n is not None:
            return maker_arg(sent, n.start, n.end, co)
    return None


def _its(sent: Sent, pos: int) -> Arg | None:
    """What "its" / "the company's" refers to: the last organisation named before in the sentence, else the story's company."""
    tok = next((t for t in sent.span if t.idx >= pos), None)
    while tok is not None and tok.dep_ != "ROOT" and tok.head is not tok:
        tok = tok.head
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.idx < pos), None) if tok is not None else None
    if subj is not None and subj.text[:1].isupper() and subj.tag_ != "PRP":
        n = name_at(sent, subj.left_edge.idx) or name_at(sent, subj.idx)
        if n is not None and coref_of(sent.doc).person_at(n.start, n.end) is None:
            return org_arg(sent, n)  # "MongoDB has released products such as Atlas, its cloud database"
    orgs = [e for e in sent.ents if e.label_ == "ORG" and e.end_char <= pos]
    if orgs:
        o = orgs[-1]
        return org_arg(sent, Name(o.start_char, o.end_char, o.text))
    return company_in_context(sent.doc, pos)


def maker_arg(sent: Sent, start: int, end: int, co: Coref) -> Arg | None:
    """The organisation or person named at [start, end) as a maker ("Quillon's Orca": Quillon), or None for a place or a date."""
    text = text_of(sent.doc)
    name = re.sub(r"['’]s?$", "", text[start:end]).strip()
    end = start + len(name)
    if not name or is_location(name) or any(e.label_ in ("GPE", "NORP", "DATE") and e.start_char <= start < e.end_char for e in sent.ents):
        return None
    ref = co.person_at(start, end)
    if ref is not None:
        return person_arg(sent.doc, ref, start, end)
    return org_arg(sent, Name(start, end, name))


def _unmade(tok: Token) -> bool:
    unmade = set(words()["unmade_modifiers"])
    return any(c.lower_ in unmade for c in tok.children if c.dep_ in ("amod", "compound", "advmod"))


def _name_before(sent: Sent, tok: Token, co: Coref) -> Name | None:
    """A product name written before its noun ("the Orca-2 model", "Quillon's Orca chatbot")."""
    parts = [c for c in tok.children if c.dep_ in _COMPOUND[:4] and c.i < tok.i]
    if not parts:
        return None
    first = min(parts, key=lambda t: t.left_edge.i).left_edge
    while first.i < tok.i and (first.dep_ in ("det", "poss", "case", "amod") and not first.text[:1].isupper() or first.tag_ == "POS"):
        first = sent.doc[first.i + 1]
    last = tok.i
    while last > first.i and sent.doc[last - 1].text[:1].islower():
        last -= 1  # "Windows 10 operating system": the name ends before the noun's own words
    span = sent.doc[first.i : last]
    if not span.text or not span.text[:1].isupper() or any(t.dep_ == "poss" or t.tag_ == "POS" for t in span):
        return None
    n = Name(span.start_char, span.end_char, span.text)
    place = any(e.label_ in ("GPE", "LOC") and e.start_char <= n.start < e.end_char for e in sent.ents) and not coined(n.text)
    return n if not place and made_thing(sent, n, co, strict=False) and (coined(n.text) or all(t.tag_ in ("NNP", "NNPS", "CD", "HYPH") for t in span)) else None


@sentence_rule("developed", "products.described", triggers=["product_noun"], order=156)
def described(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"Quillon's new model, Orca-3,", "the Nimbus-13B model from Orbit AI", "Kestrel's Falcon chatbot"."""
    text = text_of(sent.doc)
    noun_rx = product_noun_rx()
    for tok in sent.span:
        if not tok.tag_.startswith("NN") or not noun_rx.fullmatch(tok.text) or _unmade(tok):
            continue
        name: Name | None = None
        maker = _maker(sent, tok, co)
        nxt = tok.head
        if maker is None and tok.dep_ == "compound" and nxt.i == tok.i + 1 and nxt.tag_ in ("NNP", "NNPS") and not _unmade(nxt):
            maker = _maker(sent, nxt, co)  # "Quillon's chatbot Orca": the name heads the phrase
            n = Name(nxt.idx, nxt.idx + len(nxt.text), nxt.text)
            name = n if maker is not None and made_thing(sent, n, co, strict=False) else None
        if maker is None:
            continue
        after = re.match(r",\s+", text[tok.idx + len(tok.text) : sent.end])
        if name is None and after is not None:
            name = product_at(sent, tok.idx + len(tok.text) + after.end(), described=False)
            if name is not None and not (made_thing(sent, name, co, strict=False) and re.match(r"\s*(?:[,;)—–]|$)", text[name.end : sent.end])):
                name = None  # an apposition ends where the name ends
        if name is None:
            name = _name_before(sent, tok, co)
        head = tok.head
        if name is None and tok.dep_ == "appos" and head.i < tok.i and head.text[:1].isalnum():
            # "Orca-3, Quillon's newest model,": the name the description is set beside
            left = min((t for t in head.subtree if t.i <= head.i and (t.i == head.i or t.dep_ in ("compound", "nummod"))), key=lambda t: t.i)
            n = Name(left.idx, head.idx + len(head.text), text[left.idx : head.idx + len(head.text)])
            if text[n.end : tok.left_edge.idx].strip() == "," and made_thing(sent, n, co, strict=False) and (coined(n.text) or head.tag_ in ("NNP", "NNPS")):
                name = n
        if name is None or maker.start is not None and name.start <= maker.start < name.end:
            continue
        yield cand("developed", maker, Arg(name.text, "PRODUCT", clean(name.text), name.start, name.end), sent, "prose.developed_described")


@sentence_rule("developed", "products.possessive", triggers=["product_noun"], order=157, always=True)
def possessive(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"Quillon's Orca-2", "Quillon's ChatBox": an organisation's possessive before a product, known by its
    entity label or its coined spelling (one the model tags as an organisation needs a digit: "Quillon's DeepLab" is a unit)."""
    text = text_of(sent.doc)
    for m in re.finditer(r"['’]s\s+", text[sent.start : sent.end]):
        at = sent.start + m.end()
        prod = product_at(sent, at, described=False)
        if prod is None or prod.start != at:
            continue
        labelled = any(e.label_ == "PRODUCT" and e.start_char == prod.start for e in sent.ents)
        org = any(e.label_ in ("ORG", "GPE", "FAC") and e.start_char <= prod.start < e.end_char for e in sent.ents)
        if not (labelled or coined(prod.text) and (re.search(r"\d", prod.text) or not org)) or not made_thing(sent, prod, co):
            continue
        first = next((t for t in sent.span if t.idx >= prod.start), None)
        if first is not None and (first.dep_ in ("compound", "amod", "nmod") or first.dep_ == "conj" and first.head.dep_ in ("compound", "amod", "nmod")):
            continue  # "DARPA's KMASS and INCAS programs": the names modify another noun
        if prod.text.isupper() and not labelled and not re.search(r"\d", prod.text):
            continue  # an acronym is more often a programme or an agency than a product
        nxt = next((t for t in sent.span if t.idx >= prod.end), None)
        if nxt is not None and nxt.tag_.startswith("NN") and nxt.idx - prod.end <= 1:
            continue  # "Quillon's Orca-2 model" (read by `described`), "Quillon's GPT-4 rival": the name modifies a noun
        poss = next((t for t in sent.span if t.idx + len(t.text) == sent.start + m.start()), None)
        if poss is None or not poss.text[:1].isupper() or poss.lower_ in FIRST_PERSON | THIRD_PERSON:
            continue
        left = poss
        while left.i > sent.span.start and sent.doc[left.i - 1].dep_ == "compound" and sent.doc[left.i - 1].text[:1].isupper():
            left = sent.doc[left.i - 1]
        maker = maker_arg(sent, left.idx, poss.idx + len(poss.text), co)
        if maker is None or maker.label != "ORG":
            continue  # a person's "Orca-2" is what they own
        yield cand("developed", maker, Arg(prod.text, "PRODUCT", clean(prod.text), prod.start, prod.end), sent, "prose.developed_possessive")
        # "Quillon's Orca-3 and Nimbus-7B models": a second coined name joined to the first is the owner's too
        conj = re.match(r"\s+(?:and|&)\s+", text[prod.end : sent.end])
        other = product_at(sent, prod.end + conj.end(), described=False) if conj is not None else None
        if other is not None and coined(other.text) and re.search(r"\d", other.text + prod.text) and made_thing(sent, other, co):
            yield cand("developed", maker, Arg(other.text, "PRODUCT", clean(other.text), other.start, other.end), sent, "prose.developed_possessive")



_MAKER_NOUN = re.compile(r"(?<![\w-])([A-Z][\w.+]*(?:-[A-Z\d][\w.+]*)*(?:\s+[A-Z\d][\w.+-]*){0,2})(?:\s+|-)(?:maker|creator|developer|builder)\s+(?=[A-Z])")


@sentence_rule("developed", "products.maker_noun", triggers=["maintain"], order=158, entities=["ORG"])
def maker_noun(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"Orca maker Quillon", "Orca-maker Quillon", "TinyServe creator Kestrel Systems": a product named before its maker's title."""
    text = text_of(sent.doc)
    for m in _MAKER_NOUN.finditer(text, sent.start, sent.end):
        prod = Name(m.start(1), m.end(1), m.group(1))
        first = next((t for t in sent.span if t.idx == prod.start), None)
        if first is None or prod.text.split()[0] in words()["nationalities"] or not made_thing(sent, prod, co, strict=False):
            continue
        if first.i == sent.span.start and not coined(prod.text) and not any(e.start_char == prod.start for e in sent.ents):
            continue  # a capital that only opens the sentence ("Game developer Quillon")
        n = name_at(sent, m.end())
        if n is None:
            continue
        maker = maker_arg(sent, n.start, n.end, co)
        if maker is not None:
            yield cand("developed", maker, Arg(prod.text, "PRODUCT", clean(prod.text), prod.start, prod.end), sent, "prose.developed_maker_noun")


# "the Quillon-developed Orca-3 chatbot", "Kestrel-built Falcon-7B": the maker (one word: "Jon Park-designed" is a person's)
# compounded with a verb of making before the product
_MAKER_ADJECTIVE = re.compile(r"(?<![\w-])(?:(?:The|the|A|a|An|an|Its|its|Their|their)\s+)?([A-Z][\w&.]*)-(?:developed|built|created|designed|made|trained|engineered)\s+(?:(?:[a-z][\w-]*)\s+){0,2}?(?=[A-Z\d])")


@sentence_rule("developed", "products.maker_adjective", triggers=["maintain"], order=159, always=True)
def maker_adjective(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """A compound of punctuation, not a word, so every sentence is read; the maker is a capitalised name that is
    no place, nationality or person ("Self-developed Orca" opens a sentence, "Swiss-made" and "Springfield-built" name no maker)."""
    text = text_of(sent.doc)
    for m in _MAKER_ADJECTIVE.finditer(text, sent.start, sent.end):
        maker = Name(m.start(1), m.end(1), m.group(1))
        labels = {e.label_ for e in sent.ents if e.start_char <= maker.start < e.end_char}
        first = next((t for t in sent.span if t.idx == maker.start), None)
        if labels & {"GPE", "LOC", "NORP", "PERSON", "FAC"} or co.person_at(maker.start, maker.end) is not None or first is None:
            continue
        opening = not any(t.is_alpha for t in sent.span if t.i < first.i)
        if maker.text in words()["bound_prefixes"] or opening and not (coined(maker.text) or "ORG" in labels):
            continue  # a prefix ("Co-developed", "Pre-trained"), or a capital that only opens the sentence or the line
        before = re.search(r"([A-Z][\w.]*)\s+$", text[sent.start : maker.start])
        if maker.text in words()["nationalities"] or is_location(maker.text) or before and before.group(1) not in ("The", "A", "An", "Its", "Their"):
            continue  # "Jon Park-designed": the last word of a longer name
        prod = product_at(sent, m.end(), described=False)
        if prod is None or negated(sent, m.start()) or not made_thing(sent, prod, co, strict=False):
            continue
        yield cand("developed", org_arg(sent, maker), Arg(prod.text, "PRODUCT", clean(prod.text), prod.start, prod.end), sent, "prose.developed_maker_adjective")
