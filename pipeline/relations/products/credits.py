"""developed, read from the credit a text gives for a product rather than from a verb of release.

- "P co-developed M with Q and R": the people after "with" made M too (P is read by `makers`);
- "P spearheaded / oversaw / drove the development of M", "P's leadership in developing M",
  "initiating and leading the M project": leading the making of M is making it;
- "we propose a new protocol called M", "a platform called M is proposed": a research page's
  own method, developed by the clause's person (the page's person for "we" or a passive);
- "X's first / flagship product is M", "M is X's main product": what a company sells it made.

Each frame needs a named thing (a coined spelling, an entity, or a name before a product
noun), so "led the development of the city's downtown" or "our first priority is safety"
yield nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ...coref import FIRST_PERSON, THIRD_PERSON, Coref
from ..base import Arg, Candidate, all_ents, person_arg, subject_arg, text_of
from ..lexicon import words
from ..mentions import company_in_context, org_ending_at
from ..registry import sentence_rule
from ..toolkit import Name, Sent, State, alt, cand, clause_subject, is_location, names_list, negated, org_arg, person_refs, subj_arg
from .shapes import clean, coined, made_thing, product_at, product_noun_rx, products_from, software

def _product(n: Name) -> Arg:
    return Arg(n.text, "PRODUCT", clean(n.text), n.start, n.end)


def _named_product(sent: Sent, n: Name, co: Coref) -> bool:
    """A made thing with a name of its own: a coined spelling, a product entity, a proper noun before a
    product noun ("the Nimbus framework", "the Orca project"), or a quoted name.

    The model's label for a plain name is trusted only when nothing else says it is a product.
    """
    text = text_of(sent.doc)
    labelled = any(e.label_ == "PRODUCT" and e.start_char <= n.start < e.end_char for e in sent.ents)
    noun_after = re.match(rf"\s+(?:[a-z-]+\s+)?(?:{product_noun_rx().pattern}|project)\b", text[n.end : sent.end])
    if coined(n.text) or labelled or noun_after or text[n.start - 1 : n.start] in ('"', "“"):
        return made_thing(sent, n, co, strict=False)
    return n.text.isupper() and len(n.text) >= 3 and made_thing(sent, n, co)


# ---------------------------------------------------------------- "P co-developed M with Q and R"

_CO_MADE = re.compile(r"\bco-?(?:developed|created|invented|designed)\s+")


_WITH_TO_MAKE = re.compile(r"\b(?:collaborated|collaborates|worked|works|teamed\s+up|partnered)\s+with\s+")
_TO_MAKE = re.compile(r"\s+to\s+(?:co-?)?(?:create|develop|build|design|invent)\s+")


def _people_in(sent: Sent, names: list[Name], co: Coref):
    """The people of an enumeration; a name the people stage does not know is passed over."""
    refs = person_refs(sent, co)
    for n in names:
        yield from (r for r in refs if n.start <= r.start < n.end)


@sentence_rule("developed", "products.co_made", triggers=["co_made"], order=159)
def co_made_with(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"Lena Vogt co-developed GraphVault with Tom Berg and Ada Reyes": Tom Berg and Ada Reyes made it too;
    "Lena Vogt collaborated with Tom Berg and Ada Reyes to create GraphVault": all three made it."""
    text = text_of(sent.doc)
    for m in _WITH_TO_MAKE.finditer(text, sent.start, sent.end):
        names = names_list(sent, m.end())[:6]
        to = _TO_MAKE.match(text, names[-1].end, sent.end) if names else None
        prods = products_from(sent, to.end(), co) if to is not None else []
        ref = clause_subject(sent, m.start(), co)
        if not prods or ref is None or ref.start > m.start() or negated(sent, m.start()):
            continue
        for r in [ref, *_people_in(sent, names, co)]:
            for p in prods:
                yield cand("developed", subj_arg(sent, r), _product(p), sent, "prose.developed_co_made")
    for m in _CO_MADE.finditer(text, sent.start, sent.end):
        prods = products_from(sent, m.end(), co)
        if not prods or negated(sent, m.start()):
            continue
        w = re.match(r"\s+(?:[a-z-]+\s+){0,2}?with\s+", text[prods[-1].end : sent.end])
        if w is None:
            continue  # "co-developed a friendship with Q": nothing named was made
        for r in _people_in(sent, names_list(sent, prods[-1].end + w.end())[:6], co):
            for p in prods:
                yield cand("developed", subj_arg(sent, r), _product(p), sent, "prose.developed_co_made")


# ---------------------------------------------------------------- "P spearheaded the development of M"


@lru_cache(maxsize=1)
def _led_rx() -> re.Pattern[str]:
    w = words()
    return re.compile(
        rf"\b(?:(?:{alt(w['lead_making_verbs'])})\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:{alt(w['making_nouns'])})\s+of"
        r"|leadership\s+in\s+(?:the\s+)?(?:developing|building|creating|designing|development\s+of|creation\s+of)"
        rf"|(?:{alt(w['lead_making_verbs'])}|managed|manages)\s+the\s+(?:[a-z-]+\s+)?team\s+(?:behind|(?:that|which)\s+(?:built|developed|created|designed|trained|launched|released))"
        rf"|(?:was|were|is|been)\s+instrumental\s+in\s+(?:the\s+)?(?:{alt(w['making_nouns'])})\s+of"
        rf"|play(?:ed|s)?\s+an?\s+(?:key|major|central|leading|pivotal|critical|crucial|important)\s+role\s+in\s+(?:the\s+)?(?:{alt(w['making_nouns'])})\s+of"
        r"|initiat(?:ed|ing|es)\s+and\s+(?:led|leading|leads)(?=\s+the\s+\S+(?:\s+\S+)?\s+project\b))\s+"
    )


@sentence_rule("developed", "products.led_making", triggers=["lead_making"], order=160)
def led_making(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"Tom Berg spearheaded the development of Nimbus-7B", "her leadership in developing FastGraph"."""
    text = text_of(sent.doc)
    for m in _led_rx().finditer(text, sent.start, sent.end):
        prods = products_from(sent, m.end(), co, strict=False)
        if not prods or not all(_named_product(sent, p, co) for p in prods):
            continue
        ref = clause_subject(sent, m.start(), co)
        if ref is None or ref.start > m.start() or negated(sent, m.start()):
            continue
        if re.match(r"['’]s\b", text[ref.end : ref.end + 2]) and not re.match(r"\s*leadership\b", text[ref.end + 2 : m.start() + 12]):
            continue  # "P's team led the development of M": the team, not P
        for p in prods:
            yield cand("developed", subj_arg(sent, ref), _product(p), sent, "prose.developed_led")


# ---------------------------------------------------------------- "we propose a new protocol called M"


@lru_cache(maxsize=1)
def _proposal_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    w = words()
    verbs, nouns = alt(w["proposal_verbs"]), alt(w["proposal_nouns"])
    described = rf"(?:a|an)\s+(?:[a-z][\w-]*,?\s+){{0,8}}?(?:{nouns})(?:\s*,\s+|\s+(?:called|named|dubbed|termed)\s+)"
    active = re.compile(rf"\b(?P<verb>(?:{verbs}))(?:\s+and\s+(?:{verbs}|implement|implemented|evaluate|evaluated))?\s+{described}(?=[\"“]?[A-Z]|[a-z]+[A-Z\d])")
    passive = re.compile(rf"\b(?:[Aa]n?)\s+(?:[a-z][\w-]*,?\s+){{0,8}}?(?:{nouns})\s+(?:called|named|dubbed|termed)\s+(?P<name>\S+(?:\s+\S+)?)\s+(?:is|was|has\s+been|are|were)\s+(?:first\s+)?(?:proposed|introduced|presented|developed|designed)\b")
    return active, passive


@lru_cache(maxsize=1)
def _named_first_rx() -> re.Pattern[str]:
    """"we propose M, a ...": the page's own people name their method before describing it."""
    return re.compile(rf"\b(?:we|I)\s+(?:(?:also|further|then|first|will|shall|would|can)\s+)?(?:{alt(words()['proposal_verbs'])})\s+(?=[\"“]?[A-Z]|[a-z]+[A-Z\d])")


def _proposer(sent: Sent, pos: int, co: Coref) -> Arg | None:
    """Who proposes at `pos`: the clause's person, or the page's person when "we" / "I" / "us" propose."""
    ref = clause_subject(sent, pos, co)
    if ref is not None and ref.start < pos:
        return subj_arg(sent, ref)
    before = text_of(sent.doc)[sent.start : pos]
    if re.search(r"\b(?:we|I|us|our\s+\w+)\b", before, re.I):
        return _speaker(sent, pos, co) or subject_arg(sent.doc, (pos, pos))
    return None


_TITLE_LINE = re.compile(r"(?:^|\n)([^\n]{2,150}?)[ \t]*(?=\n)")


def _speaker(sent: Sent, pos: int, co: Coref) -> Arg | None:
    """On a page of talks, "I" / "we" of an abstract is the speaker its heading names ("Ada Reyes: Title"
    on a line of its own), past short subheadings ("Abstract")."""
    text = text_of(sent.doc)
    lines = [m for m in _TITLE_LINE.finditer(text, max(0, pos - 4000), pos) if not m.group(1).rstrip().endswith((".", ",", ";"))]
    for m in reversed(lines[-3:]):
        name = re.match(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}(?=\s*[:–—(]|\s*$)", m.group(1))
        if name is None:
            continue
        p = co.person_at(m.start(1), m.start(1) + name.end())
        if p is not None:
            return person_arg(sent.doc, p, m.start(1), m.start(1) + name.end())
        return None
    return None


@sentence_rule("developed", "products.proposed", triggers=["proposal"], order=161)
def proposed(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"We propose a new protocol called SafeSync", "a power measurement platform called PTone is proposed"."""
    text = text_of(sent.doc)
    active, passive = _proposal_rx()
    for m in active.finditer(text, sent.start, sent.end):
        n = product_at(sent, m.end(), described=False)
        if n is None or not made_thing(sent, n, co, strict=not coined(n.text)) or negated(sent, m.start()):
            continue
        subj = _proposer(sent, m.start(), co)
        if subj is not None:
            yield cand("developed", subj, _product(n), sent, "prose.developed_proposed")
    for m in _named_first_rx().finditer(text, sent.start, sent.end):
        n = product_at(sent, m.end(), described=False)
        if n is None or not coined(n.text) or not software(sent, n) or not re.match(r"\s*(?:,\s+(?:a|an)\s|:\s)", text[n.end : sent.end]) or negated(sent, m.start()):
            continue  # "we present SafeSync, a protocol ...": a coined name, then what it is
        subj = _speaker(sent, m.start(), co) or subject_arg(sent.doc, (m.start(), m.start()))
        if subj is not None:
            yield cand("developed", subj, _product(n), sent, "prose.developed_proposed")
    for m in passive.finditer(text, sent.start, sent.end):
        n = product_at(sent, m.start("name"), described=False)
        if n is None or n.end > m.end("name") or not made_thing(sent, n, co, strict=not coined(n.text)):
            continue
        subj = _speaker(sent, m.start(), co) or subject_arg(sent.doc, (m.start(), m.start()))
        if subj is not None and not negated(sent, m.end("name")):
            yield cand("developed", subj, _product(n), sent, "prose.developed_proposed")


# ---------------------------------------------------------------- "X's first product is M"


@lru_cache(maxsize=1)
def _product_of_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    ranks = alt(words()["product_ranks"])
    owner_first = re.compile(
        rf"(?:['’]s?|(?<![\w-])[Ii]ts|,\s+whose)\s+(?:(?:(?:{ranks})\s+){{1,2}}(?:commercial\s+|software\s+)?products?\s+(?:is|was|are|were|has\s+been)"
        rf"|(?:(?:{ranks})\s+)?(?:commercial\s+|software\s+)?(?:products|portfolio)\s+(?:include|included|includes|are|were)"
        r"|(?:models|apps|applications|tools|chatbots|libraries|chips|services)\s+(?:include|included|includes))\s+"
    )
    name_first = re.compile(rf"\s+(?:is|was|remains)\s+(?:the\s+)?(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){{0,3}})['’]s?\s+(?:(?:{ranks})\s+)*(?:commercial\s+|software\s+)?product\b")
    return owner_first, name_first


def company_before(sent: Sent, pos: int, co: Coref) -> Arg | None:
    """What "the company" / "its" means: the last organisation named shortly before (no person the
    model took for one), else the company the story is about."""
    orgs = [
        e for e in all_ents(sent.doc)
        if e.label_ in ("ORG", "PERSON") and 0 <= pos - e.end_char <= 400 and co.person_at(e.start_char, e.end_char) is None and not is_location(e.text)
    ]
    if orgs:
        o = orgs[-1]
        name = re.sub(r"['’]s?$", "", o.text)
        return org_arg(sent, Name(o.start_char, o.start_char + len(name), name))
    return company_in_context(sent.doc, pos)


def owner_of(sent: Sent, end: int, co: Coref) -> Arg | None:
    """The possessor ending at `end`: a person, an organisation, or the story's company for "the company's"."""
    text = text_of(sent.doc)
    if re.search(r"(?:\b(?:the|our|its)\s+(?:company|startup|firm)(?:['’]s?)?|(?<![\w-])its)$", text[sent.start : end], re.I):
        return company_before(sent, end, co)
    n = org_ending_at(sent, end)
    if n is None:  # an entity that took in its possessive ending ("Orbit AI's")
        e = next((e for e in sent.ents if e.end_char == end and e.label_ in ("ORG", "PERSON") and re.search(r"['’]s?$", e.text)), None)
        n = Name(e.start_char, e.start_char + len(re.sub(r"['’]s?$", "", e.text)), re.sub(r"['’]s?$", "", e.text)) if e is not None else None
    if n is None or n.text.lower() in FIRST_PERSON | THIRD_PERSON:
        return None
    p = co.person_at(n.start, n.end)
    return person_arg(sent.doc, p, n.start, n.end) if p is not None else org_arg(sent, n)


@sentence_rule("developed", "products.product_of", triggers=["product_of"], order=162)
def product_of(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"Quillon's first product is TinyServe", "GraphVault is Brightleaf's main product"."""
    text = text_of(sent.doc)
    owner_first, name_first = _product_of_rx()
    for m in owner_first.finditer(text, sent.start, sent.end):
        own = re.match(r"['’]s?|its", text[m.start() :], re.I)
        owner = owner_of(sent, m.start() + (len(own.group()) if own else 0), co)  # (", whose products": the name before the comma)
        prods = products_from(sent, m.end(), co, strict=False)
        if owner is None or not prods or negated(sent, m.end()):
            continue
        for p in prods:
            if _named_product(sent, p, co) or made_thing(sent, p, co):
                yield cand("developed", owner, _product(p), sent, "prose.developed_product_of")
    for m in name_first.finditer(text, sent.start, sent.end):
        verb = next((t for t in sent.span if t.idx >= m.start() and not t.is_space), None)
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        if subj is None:
            continue
        left = min(t.i for t in subj.subtree if t.i <= subj.i and (t.i == subj.i or t.dep_ in ("compound", "nummod")))
        span = sent.doc[left : subj.i + 1]
        n = Name(span.start_char, span.end_char, span.text)
        owner = owner_of(sent, m.end("owner"), co)
        if owner is None or not span.text[:1].isupper() or not _named_product(sent, n, co) and subj.tag_ not in ("NNP", "NNPS"):
            continue
        if made_thing(sent, n, co) or coined(n.text):
            yield cand("developed", owner, _product(n), sent, "prose.developed_product_of")
