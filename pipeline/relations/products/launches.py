"""developed, where news states a release without its maker as the subject of a verb of release:

- a release as a noun: "Quillon's launch of Orca-3", "the release of Orca-3 by Quillon in May",
  "With the launch of Orca-3, Quillon ...";
- a description of the product: "Orca-3 is a language model developed by Quillon",
  "Orca-3 is the latest model from Quillon", "Orca-3 is Quillon's newest chatbot";
- making available: "Quillon made Orca-3 available to all users".

A planned, delayed or rival release ("Quillon's planned launch of Orca-5") is not stated as made,
and the maker must be a name: "the release of Orca-3 was delayed" names nobody.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ...coref import Coref
from ..base import Arg, Candidate, heading_starts, subject_arg, text_of
from ..lexicon import words
from ..registry import sentence_rule
from ..toolkit import Name, Sent, State, alt, cand, names_list, negated, person_refs, subj_arg
from .credits import owner_of
from .described import maker_arg
from .release import release_date, releaser
from .shapes import clean, coined, made_thing, products_from


def _product(n: Name) -> Arg:
    return Arg(n.text, "PRODUCT", clean(n.text), n.start, n.end)


def _dated(sent: Sent, prods: list[Name], end: int) -> dict[str, str]:
    """The release date after the maker ("by Quillon in May 2024") or after the product ("of Orca-3 in May")."""
    return release_date(sent, end) or release_date(sent, prods[-1].end)


# ---------------------------------------------------------------- "Quillon's launch of Orca-3"


@lru_cache(maxsize=1)
def _nominal_rx() -> re.Pattern[str]:
    w = words()
    unmade = alt(w["unmade_modifiers"])
    return re.compile(
        rf"(?P<poss>['’]s?\s+|(?<![\w-])(?:[Ii]ts|[Tt]heir)\s+|\b(?:[Tt]he|[Aa])\s+)(?P<mod>(?:[a-z][\w-]*\s+){{0,2}}?)"
        rf"(?:{alt(w['release_nouns'])})\s+of\s+(?=(?!(?:{unmade})\b))"
    )


_BY = re.compile(r"\s*(?:,\s*)?(?:(?:in|on)\s+(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?\d{4},?\s+)?by\s+(?:the\s+)?(?=[A-Z])")
_WITH_LEAD = re.compile(r"(?:^|\b)(?:With|After|Following|Since|Through)\s+(?:the|its|their)\s+(?:[a-z][\w-]*\s+)?(?:launch|release|debut|unveiling|rollout)\s+of\s+$")


@sentence_rule("developed", "products.nominal", triggers=["release"], order=163)
def nominal_release(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"Quillon's launch of Orca-3 in May", "the release of Orca-3 by Quillon", "With the launch of Orca-3, Quillon grew"."""
    text = text_of(sent.doc)
    unmade = set(words()["unmade_modifiers"]) | {"delayed", "postponed", "cancelled", "canceled", "failed", "possible", "potential"}
    for m in _nominal_rx().finditer(text, sent.start, sent.end):
        if set(m.group("mod").split()) & unmade or negated(sent, m.start()):
            continue
        prods = products_from(sent, m.end(), co, strict=False)
        prods = [p for p in prods if coined(p.text) or any(e.label_ == "PRODUCT" and e.start_char <= p.start < e.end_char for e in sent.ents) or p.text[:1].isupper() and made_thing(sent, p, co)]
        if not prods:
            continue
        tail = prods[-1].end + (1 if text[prods[-1].end : prods[-1].end + 1] in "\"”`]" else 0)
        maker: Arg | None = None
        end = tail
        by = _BY.match(text, tail, sent.end)
        if by is not None:
            n = names_list(sent, by.end())[:1]
            if n:
                maker, end = maker_arg(sent, n[0].start, n[0].end, co), n[0].end
        elif m.group("poss").strip() not in ("the", "The", "a", "A"):
            maker = owner_of(sent, m.start() + len(m.group("poss").rstrip()), co)
        elif _WITH_LEAD.search(text, sent.start, m.end()):
            after = re.match(r"(?:\s+(?:in|on)\s+[^,]{1,25})?\s*,\s*", text[tail : sent.end])
            if after is not None:
                n = names_list(sent, tail + after.end())[:1]
                head = next((t for t in sent.span if t.idx >= n[0].end), None) if n else None
                if head is not None and (head.tag_.startswith("VB") or head.tag_ == "MD"):  # "With the launch of Orca-3, Quillon became ...": the main clause's subject
                    maker, end = maker_arg(sent, n[0].start, n[0].end, co), n[0].end
        if maker is None or maker.label not in ("ORG", "PERSON"):
            continue
        q = _dated(sent, prods, end)
        for p in prods:
            yield cand("developed", maker, _product(p), sent, "prose.developed_nominal", q)


# ---------------------------------------------------------------- "Orca-3 is a language model developed by Quillon"


@lru_cache(maxsize=1)
def _copula_rx() -> re.Pattern[str]:
    w = words()
    nouns = alt(w["product_nouns"])
    made = r"(?:developed|co-developed|built|created|released|launched|introduced|unveiled|designed|trained|made|produced|open-sourced)"
    return re.compile(
        rf"\s+(?:is|was|are|were|remains)\s+(?:a|an|the|one\s+of\s+the)\s+(?P<desc>(?:[\w-]+,?\s+){{0,5}}?)(?:{nouns})"
        rf"(?:\s+(?:(?:first|originally|initially|jointly|officially|also)\s+)?{made}(?:\s+(?:in|on)\s+[^,;]{{1,25}}?)?\s+by|\s+(?P<from>from))\s+(?:the\s+)?(?=[A-Z])"
    )


_OWN_NOUN = re.compile(r"\s+(?:is|was|remains)\s+(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}|its|their)['’]?s?\s+(?P<rank>[a-z][\w-]*)\s+(?:[a-z][\w-]*\s+){0,2}?")


def _copula_subject(sent: Sent, pos: int, co: Coref) -> Name | None:
    """The product a copula at `pos` describes: its subject, a proper noun, a coined spelling or a product entity."""
    verb = next((t for t in sent.span if t.idx >= pos and not t.is_space), None)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
    if subj is None or subj.i > verb.i:
        return None
    left = min(t.i for t in subj.subtree if t.i <= subj.i and (t.i == subj.i or t.dep_ in ("compound", "nummod")))
    span = sent.doc[left : subj.i + 1]
    n = Name(span.start_char, span.end_char, span.text)
    labelled = any(e.label_ == "PRODUCT" and e.start_char <= n.start < e.end_char for e in sent.ents)
    if not span.text[:1].isalnum() or not (coined(n.text) or labelled or subj.tag_ in ("NNP", "NNPS")):
        return None
    return n if made_thing(sent, n, co, strict=not (coined(n.text) or labelled)) else None


@sentence_rule("developed", "products.copula", triggers=["product_noun"], order=164)
def described_as_made(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"Orca-3 is a language model developed by Quillon", "Orca-3 is the latest model from Quillon",
    "Orca-3 is Quillon's newest chatbot"."""
    text = text_of(sent.doc)
    unmade = set(words()["unmade_modifiers"])
    for m in _copula_rx().finditer(text, sent.start, sent.end):
        if set(m.group("desc").split()) & unmade or negated(sent, m.start() + 1):
            continue
        if m.group("from") and not re.search(rf"\b(?:{alt(words()['product_ranks'])}|new)\b", m.group("desc")):
            continue  # "Orca is a chatbot from Quillon" may be a reseller's; "the latest model from Quillon" is Quillon's own
        prod = _copula_subject(sent, m.start() + 1, co)
        if prod is None:
            continue
        for n in names_list(sent, m.end())[:3]:
            maker = maker_arg(sent, n.start, n.end, co)
            if maker is not None and not (maker.start is not None and prod.start <= maker.start < prod.end):
                yield cand("developed", maker, _product(prod), sent, "prose.developed_copula", release_date(sent, n.end) or release_date(sent, m.start()))
    ranks = {"new", "newest", "latest", "first", "flagship", "own", "debut"}  # made by the owner, not only used ("main", "core")
    for m in _OWN_NOUN.finditer(text, sent.start, sent.end):
        if m.group("rank") not in ranks or not re.match(rf"(?:{alt(words()['product_nouns'])})\b", text[m.end() : sent.end]):
            continue  # "M is Quillon's newest model", not "M is Quillon's main tool" (a tool it may only use)
        prod = _copula_subject(sent, m.start() + 1, co)
        owner = owner_of(sent, m.end("owner") + (2 if text[m.end("owner") : m.end("owner") + 1] in "'’" else 0), co)
        if prod is not None and owner is not None and not negated(sent, m.start() + 1):
            yield cand("developed", owner, _product(prod), sent, "prose.developed_copula")


# ---------------------------------------------------------------- "Quillon made Orca-3 available"

_AVAILABLE = re.compile(r"\b(?:made|makes|has\s+made|is\s+making)\s+(?=\S)")
_AVAILABLE_TAIL = re.compile(r"\s+(?:(?:generally|publicly|freely|widely|broadly|now)\s+)?(?:available|open[- ]source)\b")


@sentence_rule("developed", "products.available", triggers=["release"], order=165)
def made_available(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"Quillon made Orca-3 available to all users", "Quillon has made its Orca model open source"."""
    text = text_of(sent.doc)
    for m in _AVAILABLE.finditer(text, sent.start, sent.end):
        prods = products_from(sent, m.end(), co)  # (strict: "made Ada Reyes available" makes no product)
        if not prods:
            continue
        tail = re.match(r"(?:\s+(?:[a-z][\w-]*\s+)?(?:model|models|chatbot|assistant|app|library|framework|tool|platform|system|software))?", text[prods[-1].end : sent.end])
        end = prods[-1].end + tail.end()
        if not (tail.group() or all(coined(p.text) or any(e.label_ == "PRODUCT" and e.start_char <= p.start < e.end_char for e in sent.ents) for p in prods)):
            continue  # a product by its spelling, its label or its noun ("its Orca model"), not "made Ada Reyes available"
        avail = _AVAILABLE_TAIL.match(text, end, sent.end)
        if avail is None or negated(sent, m.start()) or any(e.label_ == "PERSON" and e.start_char <= prods[0].start < e.end_char for e in sent.ents):
            continue  # ("made Ada Reyes available for interviews": a person)
        subj = releaser(sent, m.start(), co)
        if subj is None:
            continue
        for p in prods:
            yield cand("developed", subj, _product(p), sent, "prose.developed_available", release_date(sent, avail.end()))


# ---------------------------------------------------------------- "developed tools such as M and N"

_MADE_KINDS = re.compile(
    r"\b(?:developed|develops|created|creates|built|builds|released|releases|launched|launches|designed|wrote|authored|open-sourced|maintains|maintained)\s+"
    r"(?:(?:several|many|numerous|various|two|three|four|a\s+number\s+of|a\s+range\s+of|a\s+series\s+of|a\s+family\s+of|the)\s+)?(?:[a-z][\w-]*\s+){0,3}?"
    r"(?:tools|systems|libraries|packages|models|frameworks|platforms|products|applications|apps|programs|projects|services|engines|databases|compilers|toolkits|chatbots|chips)"
    r",?\s+(?:such\s+as|including|like|notably)\s+"
)


@sentence_rule("developed", "products.such_as", triggers=["release"], order=166)
def made_such_as(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"P has developed several widely used software packages, including M and N", "Quillon built tools such as M"."""
    text = text_of(sent.doc)
    for m in _MADE_KINDS.finditer(text, sent.start, sent.end):
        prods = [p for p in products_from(sent, m.end(), co) if coined(p.text) or any(e.label_ == "PRODUCT" and e.start_char <= p.start < e.end_char for e in sent.ents) or p.text[:1].isupper()]
        if not prods or negated(sent, m.start()):
            continue
        subj = releaser(sent, m.start(), co)  # the verb's own subject ("Under P's leadership, Quillon has released ..."), else the clause's person
        if subj is None:
            continue
        for p in prods:
            yield cand("developed", subj, _product(p), sent, "prose.developed_such_as")


# ---------------------------------------------------------------- "Quillon announced Orca-3, its newest model"


@lru_cache(maxsize=1)
def _announced_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    nouns = alt(words()["product_nouns"])
    verb = re.compile(r"\b(?:announced|announces|has\s+announced|is\s+(?:releasing|launching|rolling\s+out|unveiling|shipping|open-sourcing)|(?:began|begins|started|starts|has\s+begun|has\s+started)\s+(?:releasing|launching|rolling\s+out|shipping|selling))\s+")
    appos = re.compile(rf"\s*(?:,|\(|–|—)\s*(?:its|their|a|an|the)\s+(?:[\w-]+\s+){{0,4}}?(?:{nouns})\b")
    return verb, appos


@sentence_rule("developed", "products.announced", triggers=["announce"], order=167)
def announced(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"Quillon announced Orca-3, its most capable model", "Quillon began rolling out Orca-3 on Monday"."""
    text = text_of(sent.doc)
    verb, appos = _announced_rx()
    for m in verb.finditer(text, sent.start, sent.end):
        prods = products_from(sent, m.end(), co, strict=False)
        if not prods or negated(sent, m.start()):
            continue
        a = appos.match(text, prods[-1].end, sent.end)
        if m.group().startswith("announc") and a is None:
            continue  # "announced Ada Reyes as CEO", "announced Monday": only a product described as one
        subj = releaser(sent, m.start(), co)
        if subj is None or subj.label not in ("ORG", "PERSON"):
            continue
        q = release_date(sent, prods[-1].end) or (release_date(sent, a.end()) if a is not None else {})
        for p in prods:
            yield cand("developed", subj, _product(p), sent, "prose.developed_announced", q)


# ---------------------------------------------------------------- "Orca-3, which Quillon released in March"

_ORG_WHICH = re.compile(
    r"(?<![\w-])(?P<prod>[A-Z][\w.+]*(?:-[A-Z\d][\w.+]*)*(?:\s+\d[\w.]*)?)(?:\s+[a-z]+){0,2}?,?\s+(?:which|that)\s+(?P<who>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s+"
    r"(?:(?:has|had|first|also|recently|officially)\s+)*(?:released|launched|unveiled|introduced|open-sourced|debuted|shipped|developed|built|created)\b"
)


@sentence_rule("developed", "products.org_which", triggers=["release"], order=168)
def org_which(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"Orca-3, which Quillon released in March", "the Orca app that Kestrel Systems built" (a person's is read by `makers`)."""
    text = text_of(sent.doc)
    for m in _ORG_WHICH.finditer(text, sent.start, sent.end):
        who = Name(m.start("who"), m.end("who"), m.group("who"))
        if co.person_at(who.start, who.end) is not None or negated(sent, m.end("who") + 1):
            continue
        n = Name(m.start("prod"), m.end("prod"), m.group("prod"))
        maker = maker_arg(sent, who.start, who.end, co)
        if maker is None or not made_thing(sent, n, co, strict=False):
            continue
        yield cand("developed", maker, _product(n), sent, "prose.developed_org_which", release_date(sent, m.end()))


# ---------------------------------------------------------------- "His contributions include M, a framework ..., and N"

_CONTRIBUTIONS = re.compile(
    r"(?:['’]s?|\b(?:[Hh]is|[Hh]er|[Tt]heir))\s+(?:(?:key|major|main|notable|best-known|most\s+notable|best\s+known|technical|research)\s+)?"
    r"(?:contributions|creations|inventions|open[- ]source\s+(?:projects|software|tools|libraries)|software\s+(?:projects|packages|tools))\s+(?:include|included|includes|are|were)\s+"
)


@sentence_rule("developed", "products.contributions", triggers=["contributions"], order=169)
def contributions(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"His contributions include the Graph Vault Engine (GVE), a framework ..., and Tessera, a method ...":
    named things a person is credited with; an idea without a name ("the theory of X") is not one."""
    text = text_of(sent.doc)
    for m in _CONTRIBUTIONS.finditer(text, sent.start, sent.end):
        owner = m.start() + len(re.match(r"\s*\S+", text[m.start() :]).group()) if text[m.start()] not in "'’" else m.start()
        ref = next((r for r in person_refs(sent, co) if r.end in (m.start(), owner) and r.start <= m.start() + 1), None)
        if ref is None or negated(sent, m.end()):
            continue  # the person whose contributions they are: "Tom Berg's", "His"
        for n in _credited(sent, m.end(), co):
            yield cand("developed", subj_arg(sent, ref), _product(n), sent, "prose.developed_contributions")


_APPOS_SKIP = re.compile(r"\s*(?:\([^()]{1,20}\))?\s*,\s+(?:a|an|the)\s+[^,;]{1,80}?,\s*(?:and\s+)?|\s*(?:\([^()]{1,20}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


def _credited(sent: Sent, pos: int, co: Coref) -> list[Name]:
    """The names credited from `pos` on, each maybe followed by its abbreviation and a description
    ("the Graph Vault Engine (GVE), a framework for storage, and Tessera, a method")."""
    text = text_of(sent.doc)
    out: list[Name] = []
    while len(out) < 6:
        ps = products_from(sent, pos, co, strict=False, limit=1)
        if not ps or not ps[0].text[:1].isupper() and not coined(ps[0].text):
            break
        n = ps[0]
        ab = re.match(r"\s*\([A-Z][\w-]{1,12}\)", text[n.end : sent.end])
        if ab is not None:
            n = Name(n.start, n.end + ab.end(), text[n.start : n.end + ab.end()])
        out.append(n)
        j = _APPOS_SKIP.match(text, n.end, sent.end)
        if j is None or j.end() == n.end:
            break
        pos = j.end()
    return out


# ---------------------------------------------------------------- "- One of the developers of AdaFlow" (a line of a CV)

_ROLE_LINE = re.compile(
    r"[-*•\s]*(?:(?:I\s+am|I['’]m|Served\s+as|Working\s+as)\s+)?(?:(?:[Oo]ne\s+of\s+the|[Aa]n?|[Tt]he)\s+)?(?:(?:[Cc]ore|[Ll]ead|[Mm]ain|[Oo]riginal|[Pp]rimary|[Aa]ctive|[Kk]ey|[Mm]ajor)\s+)?"
    r"(?:[Cc]o-?)?(?:[Dd]evelopers?|[Mm]aintainers?|[Cc]ontributors?|[Cc]reators?)\s+(?:of|to)\s+(?:the\s+)?(?=[\"“\[]?(?:[A-Z]|[a-z]+[A-Z\d]))"
)


@sentence_rule("developed", "products.role_line", triggers=["maintain"], order=170)
def role_line(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """A line that opens with the page person's role in a project ("One of the developers of AdaFlow",
    "Core contributor to GraphVault"): the page's person made it. A named person's role is read by `makers`."""
    text = text_of(sent.doc)
    m = _ROLE_LINE.match(text, sent.start, sent.end)
    if m is None or negated(sent, m.end()) or sent.start in heading_starts(sent.doc):  # "## Contributors to GraphVault" heads a list
        return
    prods = [p for p in products_from(sent, m.end() + (1 if text[m.end() : m.end() + 1] == "[" else 0), co) if coined(p.text) or any(e.label_ == "PRODUCT" and e.start_char <= p.start < e.end_char for e in sent.ents)]
    subj = subject_arg(sent.doc, (sent.start, sent.start)) if prods else None
    if subj is None:
        return
    for p in prods:
        yield cand("developed", subj, _product(p), sent, "prose.developed_role_line")


# ---------------------------------------------------------------- "P is the author of the popular GraphVault library"


@lru_cache(maxsize=1)
def _software_author_rx() -> re.Pattern[str]:
    nouns = r"library|libraries|package|packages|toolkit|framework|software|tool|compiler|database|engine|app|system|language|programming\s+language|model"
    return re.compile(
        r"\b(?:is|was|as|became|and)\s+(?:also\s+)?(?:the|an?|one\s+of\s+the)\s+(?:(?:original|main|lead|principal|primary|co-?)\s*)?authors?\s+of\s+(?:the\s+)?"
        r"(?:(?:popular|widely[- ]used|open[- ]source|well-known)\s+)*(?P<name>[A-Z][\w.+-]*(?:\s+[A-Z\d][\w.+-]*){0,2}?)\s+"
        rf"(?:open[- ]source\s+|Python\s+|R\s+|Java\s+|JavaScript\s+)?(?:{nouns})\b"
    )


@sentence_rule("developed", "products.software_author", triggers=["author"], order=171)
def software_author(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"P is the author of the popular GraphVault library": authorship of a named piece of software (a book's is `author_of`)."""
    text = text_of(sent.doc)
    for m in _software_author_rx().finditer(text, sent.start, sent.end):
        ref = next((r for r in reversed(person_refs(sent, co)) if r.end <= m.start() and r.is_subject), None)
        n = Name(m.start("name"), m.end("name"), m.group("name"))
        if ref is None or negated(sent, m.start()) or not made_thing(sent, n, co, strict=False):
            continue
        yield cand("developed", subj_arg(sent, ref), _product(n), sent, "prose.developed_software_author")


# ---------------------------------------------------------------- "* Co-developed *CRAFT*, a method for ..." (a line of a CV)

_VERB_LINE = re.compile(
    r"[-*•\s]*(?:(?:[Cc]o-?)?(?:[Dd]eveloped|[Cc]reated|[Bb]uilt|[Dd]esigned|[Ii]mplemented|[Rr]eleased|[Oo]pen-sourced|[Ll]aunched|[Mm]aintained|[Mm]aintain|[Dd]evelop|[Bb]uild)"
    r"|(?:[Ll]ed|[Ll]eading|[Cc]oordinated|[Cc]oordinating)\s+the\s+development\s+of)\s+"
)


@sentence_rule("developed", "products.verb_line", triggers=["release", "maintain"], order=172)
def verb_line(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """A CV line that opens with a verb of making and no subject ("Co-developed CRAFT, a method for ...",
    "Built Orca-3, the team's chatbot"): the page's person made the named thing."""
    text = text_of(sent.doc)
    m = _VERB_LINE.match(text, sent.start, sent.end)
    if m is None or negated(sent, m.end()):
        return
    at = m.end() + len(re.match(r"[*_\[]*", text[m.end() :]).group())
    prods = products_from(sent, at, co, strict=False)
    named = [p for p in prods if coined(p.text) or p.text.isupper() and len(p.text) >= 3 or any(e.label_ == "PRODUCT" and e.start_char <= p.start < e.end_char for e in sent.ents)]
    subj = subject_arg(sent.doc, (sent.start, sent.start)) if named and len(named) == len(prods) else None
    if subj is None:
        return
    for p in named:
        yield cand("developed", subj, _product(p), sent, "prose.developed_verb_line")
