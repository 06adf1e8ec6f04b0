"""developed by releases: "We release X" news lines on a homepage (the page owner developed X),
and in prose "X released / launched / unveiled / open-sourced M (on DATE)", "X announced the
launch of M", "M, developed by X", "M was released by X in 2021", "X, the company behind M",
"jointly developed M with X"; the release date is the date qualifier."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from spacy.tokens import Doc

from ...coref import FIRST_PERSON, THIRD_PERSON, Coref
from ..base import Arg, Candidate, dates_in, ents_starting_in, lines, subject_arg, text_of
from ..mentions import org_ending_at
from ..registry import doc_rule, sentence_rule
from ..toolkit import (
    Name,
    Sent,
    State,
    alt,
    cand,
    clause_subject,
    is_location,
    date_after,
    leading_date,
    name_at,
    names_list,
    negated,
    nsubj_name,
    org_arg,
    person_refs,
    subj_arg,
    words,
)
from .credits import company_before
from .shapes import clean, coined, made_thing, product_at, product_noun_rx, products_from

_WE_RELEASE = re.compile(r"\b(?:we|i)\s+(?:have\s+)?(?:release[sd]?|open[- ]sourced?|launch(?:ed)?|introduce[sd]?|present(?:ed)?)\s+(?:the\s+|our\s+)?", re.I)
_NAME = re.compile(r"[A-Z][\w.\-]*(?:[ -][A-Z0-9][\w.\-]*)*")


@doc_rule("developed", "products.release_news", order=70)
def release_news(doc: Doc) -> Iterator[Candidate]:
    subj = subject_arg(doc)
    if subj is None:
        return
    text = text_of(doc)
    for line in lines(doc):
        for m in _WE_RELEASE.finditer(text, line.start, line.end):
            ents = ents_starting_in(doc, m.end(), m.end() + 1, ("PRODUCT", "ORG", "WORK_OF_ART"))
            if ents:
                s, e = ents[0].start_char, ents[0].end_char
            else:
                nm = _NAME.match(text, m.end(), line.end)
                if not nm:
                    continue
                s, e = nm.start(), nm.end()
            name = text[s:e].rstrip(".,:;")
            if len(name) < 2 or name.lower() in {"the", "a", "our"} or re.match(r"(?:Table|Figure|Fig|Section|Chapter|Appendix|Eq|Equation)\.?\s*\d", name):
                continue
            q: dict[str, str] = {}
            ds = [d for d in dates_in(doc, line.start, line.end) if d.start - line.start <= 4 and d.value and "/" not in d.value]
            if ds:
                q["date"] = ds[0].value
            yield Candidate("developed", subj, Arg(name, "PRODUCT", name, s, s + len(name)), (line.start, line.end), "products.we_release", 0.8, q)


# ---------------------------------------------------------------- "X released M"

_NOT_RELEASE = ("developed", "develops", "created", "creates", "built", "builds", "proposed", "proposes")


@lru_cache(maxsize=1)
def _release_rx() -> re.Pattern[str]:
    """A verb of release, "announced the launch of", or an organisation's "which makes / developed"; the object follows."""
    verbs = alt(w for w in words()["develop_verbs"] if w not in _NOT_RELEASE)
    nouns = alt(words()["release_nouns"])
    return re.compile(
        rf"\b(?:officially\s+)?(?:(?:{verbs})(?![\w-])|(?:announced|announces|announcing|celebrated|celebrates)\s+the\s+(?:[a-z]+\s+)?(?:{nouns})\s+of(?![\w-])"
        rf"|(?<=which\s)(?:also\s+)?(?:makes|made|develops|developed|creates|created|builds|built)(?![\w-]))\s*"
    )


_SUCH_AS = re.compile(r"(?:(?:its|their|the|our)\s+)?(?:[a-z][\w-]*\s+){0,2}(?:products|models|tools|systems|services|platforms)\s+(?:such\s+as|including|like)\s+")
_GAP = r"\s*(?:(?:has|have|had|officially|also|recently|just|then|which|that|first|today|,)\s*)*"


_WHEN = re.compile(r"(?:(?:on|in|last|this|earlier|later)\s+)?$")
_DAY = re.compile(r"(?<![\w-])((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday)(?![\w-])")
_IT = re.compile(r"(?<![\w-])(?:it|It|they|They)" + _GAP + "$")
_SAID_IT = re.compile(r"(?<![\w-])(?P<org>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s+(?:said|says|announced|announces|confirmed|added|noted)\b[^.;]{0,40}?\s+(?:that\s+)?$")
_THE_COMPANY = re.compile(r"\b(?:the|The)\s+(?:[\w-]+\s+){0,3}?(?:company|firm|startup|start-up|lab|giant|maker|chipmaker)" + _GAP + "$")


def _before_when(sent: Sent, pos: int) -> int:
    """Where the subject ends when a date stands between it and the verb ("Quillon on Tuesday released")."""
    text = text_of(sent.doc)
    while True:
        aux = re.search(_GAP + r"$", text[sent.start : pos])
        end = sent.start + aux.start() if aux else pos
        spans = [(d.start, d.end) for d in sent.dates] + [m.span(1) for m in _DAY.finditer(text, sent.start, end)]
        d = next((a for a, b in spans if b == end and a > sent.start), None)
        if d is None:
            return pos
        w = _WHEN.search(text, sent.start, d)
        pos = w.start() if w else d


def _pronoun_owner(sent: Sent, pos: int, co: Coref) -> Arg | None:
    """What "it" / "they" before `pos` stands for: who "said" it in the same sentence ("Quillon said it had
    launched M"), else the organisation named last shortly before, else the story's company."""
    text = text_of(sent.doc)
    it = _IT.search(text, sent.start, pos)
    said = _SAID_IT.search(text, sent.start, sent.start + it.start()) if it else None
    if said is not None:
        n = org_ending_at(sent, said.end("org"))
        if n is not None and co.person_at(n.start, n.end) is None:
            return org_arg(sent, n)
    return company_before(sent, sent.start + it.start(), co) if it else None


def _set_off_subject(sent: Sent, pos: int, co: Coref) -> Arg | None:
    """The verb's named subject when a clause set off by commas stands between them
    ("Quillon, the startup backed by Northwind, on Tuesday released M": Quillon, not Northwind)."""
    text = text_of(sent.doc)
    verb = next((t for t in sent.span if t.idx >= pos and not t.is_space), None)
    while verb is not None and verb.dep_ in ("advmod", "aux", "neg", "prt") and verb.head.i > verb.i:
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None) if verb is not None else None
    if subj is None or subj.tag_ not in ("NNP", "NNPS") or "," not in text[subj.idx + len(subj.text) : pos]:
        return None
    left = min(t.i for t in subj.subtree if t.i <= subj.i and (t.i == subj.i or t.dep_ == "compound"))
    span = sent.doc[left : subj.i + 1]
    ref = next((r for r in person_refs(sent, co) if r.start <= span.start_char < r.end or span.start_char <= r.start < span.end_char), None)
    if ref is not None:
        return subj_arg(sent, ref)
    n = Name(span.start_char, span.end_char, span.text)
    return None if is_location(n.text) or any(d.start <= n.start < d.end for d in sent.dates) else org_arg(sent, n)


_STAFF = re.compile(r"(?<![\w-])(?P<org>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s+(?:researchers|engineers|scientists|developers)" + _GAP + "$")


def releaser(sent: Sent, pos: int, co: Coref) -> Arg | None:
    """Who released what follows `pos`: the organisation or person that is the verb's subject."""
    text = text_of(sent.doc)
    verb_at, pos = pos, _before_when(sent, pos)
    set_off = _set_off_subject(sent, verb_at, co)
    if set_off is not None:
        return set_off
    staff = _STAFF.search(text, sent.start, pos)
    if staff is not None and co.person_at(staff.start("org"), staff.end("org")) is None and not is_location(staff.group("org")):
        return org_arg(sent, Name(staff.start("org"), staff.end("org"), staff.group("org")))  # "Quillon researchers released M"
    ref = clause_subject(sent, pos, co)
    orgs = [e for e in sent.ents if e.label_ == "ORG" and e.end_char <= pos]
    aux = re.search(_GAP + r"$", text[sent.start : pos])
    named = org_ending_at(sent, sent.start + aux.start()) if aux else None
    if _THE_COMPANY.search(text, sent.start, pos):
        return company_before(sent, pos, co)  # "The company released M": the organisation named last, else the story's
    if _IT.search(text, sent.start, pos):
        return _pronoun_owner(sent, pos, co)
    if orgs and re.fullmatch(_GAP, text[orgs[-1].end_char : pos]):
        o = orgs[-1]
        return Arg(o.text, "ORG", o.text, o.start_char, o.end_char)
    if named is not None and co.person_at(named.start, named.end) is None:
        return org_arg(sent, named)  # "Quillon has released ...", an organisation the model did not tag
    if ref is not None and ref.end <= pos:
        return subj_arg(sent, ref)
    return nsubj_name(sent, pos + len(re.match(r"(?:officially\s+)?", text[pos:]).group()))


def release_date(sent: Sent, pos: int) -> dict[str, str]:
    """The date right after the product ("Orca-2 in June 2023", "its Orca-2 model on 12 May"), else the sentence's opening date."""
    noun = re.match(rf"\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{product_noun_rx().pattern})", text_of(sent.doc)[pos : sent.end])
    if noun is not None:
        pos += noun.end()
    d = date_after(sent, pos, 20) or leading_date(sent)
    return {"date": d.value} if d is not None and d.value and "/" not in d.value else {}


@sentence_rule("developed", "products.prose", triggers=["release"], order=150)
def developed(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"Quillon released Orca-2 and Orca-3 in 2023", "launched its new assistant, Orca, on 12 May"."""
    text = text_of(sent.doc)
    for m in _release_rx().finditer(text, sent.start, sent.end):
        such = _SUCH_AS.match(text, m.end(), sent.end)
        prods = products_from(sent, such.end() if such else m.end(), co, strict=False)
        if not prods or re.match(r"\s+as\s+(?:its|their|the|a|an|our)\b", text[prods[0].end : sent.end]):
            continue  # "introduced Reyes as its new CEO": a person in a role
        subj = releaser(sent, m.start(), co)
        if subj is None or negated(sent, m.start()):
            continue
        q = release_date(sent, prods[-1].end + (1 if text[prods[-1].end : prods[-1].end + 1] in "\"”`]" else 0))
        for p in prods:
            yield cand("developed", subj, Arg(p.text, "PRODUCT", p.text, p.start, p.end), sent, "prose.developed_release", q)


# ---------------------------------------------------------------- "M, developed by X"

_MADE_BY = re.compile(
    # "M, developed by X", "M (developed by X)", "M, an open-source library created by X", "M was released by X"
    r"(?:,\s*(?:(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:library|framework|model|system|tool|toolkit|platform|database|app|engine|chatbot|assistant|package|compiler|language|dataset|benchmark)\s+(?:(?:that|which)\s+(?:was|is)\s+)?)?|\s*\(\s*|\s+)"
    r"(?:(?:was|were|is|are|has\s+been|had\s+been|being)\s+)?(?:(?:first|originally|initially|jointly|officially|also|later)\s+)?"
    r"(?:developed|co-developed|built|created|co-created|proposed|released|launched|introduced|unveiled|open-sourced|designed|invented|trained|maintained|made)"
    r"(?:\s+(?:in|on)\s+(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?\d{4}(?:\s+[A-Z][a-z]+)?,?)?\s+by\s+"
    r"(?:(?:a|the)\s+)?(?:(?:[\w-]+\s+)?(?:team|group|researchers|engineers|scientists|developers|lab)\s+(?:at|from|of)\s+)?"
)
_NAME_BEFORE = re.compile(r"(?<![\w-])([A-Z][\w.+]*(?:\s*-\s*[A-Z\d][\w.]*)*(?:\s+(?:\d[\w.]*|[A-Z][\w.+-]*)){0,2})[\"”]?\s*$")


def _made_before(sent: Sent, pos: int, co: Coref) -> Arg | None:
    """The product named right before a passive "developed by" at `pos`."""
    text = text_of(sent.doc)
    prods = [e for e in sent.ents if e.label_ in ("PRODUCT", "WORK_OF_ART") and e.end_char <= pos and pos - e.end_char <= 2]
    if prods:
        p = prods[-1]
        start, end = p.start_char, p.end_char
    else:
        lm = _NAME_BEFORE.search(text, sent.start, pos)
        if lm is None:
            return None
        start, end = lm.span(1)
        det = re.match(r"(?:The|This|That|These|Our|Its|Their|His|Her|My|A|An)\s+", text[start:end])
        if det:
            start += det.end()  # "The X-VLM, developed by ...": the name without its determiner
        toks = [t for t in sent.span if start <= t.idx < end]
        # a proper noun or a coined spelling, not "The system"
        if not toks or not (coined(text[start:end]) or toks[0].tag_ in ("NNP", "NNPS")):
            return None
    n = Name(start, end, text[start:end])
    if not made_thing(sent, n, co):
        return None
    return Arg(n.text, "PRODUCT", clean(n.text), start, end)


@sentence_rule("developed", "products.made_by", triggers=["release"], order=151)
def developed_by(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"Orca-2, developed by Quillon,", "Falcon 2.0 was released by Kestrel Systems in 2021"."""
    text = text_of(sent.doc)
    for m in _MADE_BY.finditer(text, sent.start, sent.end):
        prod = _made_before(sent, m.start(), co)
        if prod is None:
            continue  # ("was not developed by" does not match: the negation is local)
        refs = [r for r in person_refs(sent, co) if 0 <= r.start - m.end() <= 4]
        subj = subj_arg(sent, refs[0]) if refs else None
        end = refs[0].end if refs else None
        if subj is None:
            n = name_at(sent, m.end())
            if n is None or co.person_at(n.start, n.end) is not None:
                continue
            cut = next((d.start for d in sent.dates if n.start < d.start < n.end), None) or next((d.start(1) for d in _DAY.finditer(text, n.start, n.end) if d.start(1) > n.start), None)
            if cut is not None:  # "by Quillon on Tuesday": the name ends before its date
                n = Name(n.start, n.start + len(text[n.start : cut].rstrip()), text[n.start : cut].rstrip())
                n = Name(n.start, n.end - len(re.search(r"(?:\s+(?:on|in|at|last|this))*$", n.text).group()), n.text[: len(n.text) - len(re.search(r"(?:\s+(?:on|in|at|last|this))*$", n.text).group())])
            subj, end = org_arg(sent, n), n.end
        inside = [d for d in sent.dates if m.start() <= d.start < m.end() and d.value and "/" not in d.value]  # "launched in 2023 by X"
        yield cand("developed", subj, prod, sent, "prose.developed_by", {"date": inside[0].value} if inside else release_date(sent, end))


# ---------------------------------------------------------------- jointly, participated, behind, maker

_JOINTLY = re.compile(r"\bjointly\s+(?:develop(?:ed)?|buil[dt]|create[d]?)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}(?P<prod>[A-Z][\w.-]*(?:\s*-\s*[A-Z][\w.]*)*)\s+with\s+")
_PARTICIPATED = re.compile(r"\bparticipated\s+in\s+(?:the\s+)?(?:development\s+of\s+)?")


@sentence_rule("developed", "products.jointly", triggers=["release"], order=154)
def jointly(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"P jointly developed M with X and Y", "P participated in the development of M"."""
    text = text_of(sent.doc)
    for m in _JOINTLY.finditer(text, sent.start, sent.end):
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        prod_s, prod_e = m.span("prod")
        prod = Arg(text[prod_s:prod_e], "PRODUCT", clean(m.group("prod")), prod_s, prod_e)
        yield cand("developed", subj_arg(sent, ref), prod, sent, "prose.developed_jointly")
        for n in names_list(sent, m.end())[:3]:
            yield cand("developed", org_arg(sent, n), prod, sent, "prose.developed_jointly")
    for m in _PARTICIPATED.finditer(text, sent.start, sent.end):
        prod = product_at(sent, m.end(), described=False)
        if prod is None or not any(e.label_ == "PRODUCT" and e.start_char == prod.start for e in sent.ents):
            continue
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        yield cand("developed", subj_arg(sent, ref), Arg(prod.text, "PRODUCT", clean(prod.text), prod.start, prod.end), sent, "prose.developed_participated")


_BEHIND = re.compile(
    r"(?:,\s+|\s+(?:is|was|are|were|became|remains)\s+)(?:the\s+(?:[\w-]+\s+){0,3}?(?:company|startup|lab|team|firm|group|organi[sz]ation)\s+(?:behind|that\s+(?:created|developed|built|makes|made|launched|released))"
    r"|(?:the\s+)?(?:[\w-]+\s+)?(?:maker|makers|creator|creators|developer|developers|publisher)\s+of)\s+(?:the\s+)?"
)


# "The company behind Orca-2, Quillon, ...": the maker in an apposition after the product
_BEHIND_FIRST = re.compile(r"(?<![\w-])[Tt]he\s+(?:[\w-]+\s+){0,2}?(?:company|startup|lab|firm|group|organi[sz]ation)\s+behind\s+(?:the\s+)?")


@sentence_rule("developed", "products.behind", triggers=["behind"], order=155)
def company_behind(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"Quillon, the company behind the Orca-2 chatbot", "Quillon, the maker of Orca": the apposition names who made it."""
    text = text_of(sent.doc)
    for m in _BEHIND_FIRST.finditer(text, sent.start, sent.end):
        prod = product_at(sent, m.end(), described=False)
        comma = re.match(r"(?:\s+[a-z][\w-]*){0,2},\s+", text[prod.end : sent.end]) if prod is not None else None
        n = name_at(sent, prod.end + comma.end()) if comma is not None else None
        if n is None or not re.match(r"\s*[,)]", text[n.end : sent.end]) or co.person_at(n.start, n.end) is not None:
            continue  # "the company behind Orca-2, which ...": no name in apposition
        if negated(sent, m.start()) or not made_thing(sent, prod, co, strict=False):
            continue
        yield cand("developed", org_arg(sent, n), Arg(prod.text, "PRODUCT", clean(prod.text), prod.start, prod.end), sent, "prose.developed_behind")
    for m in _BEHIND.finditer(text, sent.start, sent.end):
        named = org_ending_at(sent, m.start())
        if named is not None:
            owner = org_arg(sent, named)
        else:
            lm = re.search(r"(?<![\w-])([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})$", text[sent.start : m.start()])
            if lm is None or co.person_at(sent.start + lm.start(1), sent.start + lm.end(1)) is not None or lm.group(1).lower() in FIRST_PERSON | THIRD_PERSON | {"it", "they"}:
                continue  # a pronoun is read by the rules of the person it stands for
            owner = Arg(lm.group(1), "ORG", lm.group(1), sent.start + lm.start(1), sent.start + lm.end(1))
        prod = product_at(sent, m.end(), described=False)
        if prod is None or negated(sent, m.start()) or not made_thing(sent, prod, co, strict=False):
            continue
        yield cand("developed", owner, Arg(prod.text, "PRODUCT", prod.text, prod.start, prod.end), sent, "prose.developed_behind")
