"""developed: "We release X" news lines on a homepage (the page owner developed X), and releases,
launches and "X, developed by Y" in prose."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from ..coref import Coref
from .base import Arg, Candidate, dates_in, ents_starting_in, lines, subject_arg, text_of
from .mentions import org_ending_at
from .registry import RelationSpec, doc_rule, relation, sentence_rule
from .toolkit import (
    Name,
    Sent,
    State,
    alt,
    cand,
    clause_subject,
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

SPEC = relation(RelationSpec("developed", ("ORG", "PERSON"), ("PRODUCT",), ("date",)))

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
            if len(name) < 2 or name.lower() in {"the", "a", "our"}:
                continue
            q: dict[str, str] = {}
            ds = [d for d in dates_in(doc, line.start, line.end) if d.start - line.start <= 4 and d.value and "/" not in d.value]
            if ds:
                q["date"] = ds[0].value
            yield Candidate("developed", subj, Arg(name, "PRODUCT", name, s, s + len(name)), (line.start, line.end), "products.we_release", 0.8, q)


# ---------------------------------------------------------------- prose

_RELEASE = re.compile(rf"\b(?:officially\s+)?(?:{alt(w for w in words()['develop_verbs'] if w not in ('developed', 'develops', 'created', 'creates', 'built', 'builds', 'proposed', 'proposes'))})\s+(?:the\s+|its\s+|their\s+)?")
_SUCH_AS = re.compile(r"(?:[a-z][\w-]*\s+){0,2}(?:products|models|tools|systems|services|platforms)\s+(?:such\s+as|including|like)\s+")
_DEVELOPED_BY = re.compile(r",?\s+(?:was\s+)?(?:developed|built|created|proposed|released)\s+by\s+(?:(?:a|the)\s+(?:[\w-]+\s+)?(?:team|group|researchers|engineers|lab)\s+(?:at|from|of)\s+)?")
_JOINTLY = re.compile(r"\bjointly\s+(?:develop(?:ed)?|buil[dt]|create[d]?)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}(?P<prod>[A-Z][\w.-]*(?:\s*-\s*[A-Z][\w.]*)*)\s+with\s+")
_PARTICIPATED = re.compile(r"\bparticipated\s+in\s+(?:the\s+)?(?:development\s+of\s+)?")




_DETERMINER_GAP = re.compile(r"\s*(?:(?:the|its|their|our|his|her|a|an)\s+)?")


def _product_at(sent: Sent, pos: int) -> Name | None:
    text = text_of(sent.doc)
    for e in sent.ents:
        if e.label_ in ("PRODUCT", "ORG", "WORK_OF_ART", "PERSON", "GPE") and 0 <= e.start_char - pos <= 4:
            if not _DETERMINER_GAP.fullmatch(text, pos, e.start_char):
                return None  # "open-sourced on GitHub": a platform after a preposition, not the thing released
            return Name(e.start_char, e.end_char, e.text)
    m = re.compile(r"\s*(?:the\s+)?([A-Z][\w.]*(?:[ -]+\d[\w.]*)?(?:-[A-Z\d][\w.]*)*)").match(text, pos, sent.end)
    if m:
        return Name(m.start(1), m.end(1), m.group(1).rstrip("."))
    return None


@sentence_rule("developed", "products.prose", triggers=["release"], order=150)
def developed(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    doc = sent.doc
    text = text_of(doc)
    for m in _RELEASE.finditer(text, sent.start, sent.end):
        such = _SUCH_AS.match(text, m.end(), sent.end)
        prod = _product_at(sent, such.end() if such else m.end())
        if prod is None:
            continue
        # the developer is the sentence subject before the verb: an organisation, or a person
        ref = clause_subject(sent, m.start(), co)
        subj: Arg | None = None
        orgs = [e for e in sent.ents if e.label_ == "ORG" and e.end_char <= m.start()]
        aux = re.search(r"(?:\s*(?:has|have|had|officially|also|recently|just|then|,))*\s*$", text[sent.start : m.start()])
        named = org_ending_at(sent, sent.start + aux.start()) if aux else None
        if orgs and re.fullmatch(r"\s*(?:(?:has|have|had|officially|also|recently|just|then|,)\s*)*", text[orgs[-1].end_char : m.start()]):
            o = orgs[-1]
            subj = Arg(o.text, "ORG", o.text, o.start_char, o.end_char)
        elif named is not None and co.person_at(named.start, named.end) is None:
            subj = org_arg(sent, named)  # "Quillon has released ...", an organisation the model did not tag
        elif ref is not None and ref.end <= m.start():
            subj = subj_arg(sent, ref)
        else:
            subj = nsubj_name(sent, m.start() + len(re.match(r"(?:officially\s+)?", text[m.start():]).group()))
        if subj is None or negated(sent, m.start()):
            continue
        q = {}
        d = date_after(sent, prod.end, 20) or leading_date(sent)
        if d is not None and d.value and "/" not in d.value:
            q["date"] = d.value
        yield cand("developed", subj, Arg(prod.text, "PRODUCT", prod.text, prod.start, prod.end), sent, "prose.developed_release", q)
    for m in _DEVELOPED_BY.finditer(text, sent.start, sent.end):
        prods = [e for e in sent.ents if e.label_ in ("PRODUCT", "WORK_OF_ART") and e.end_char <= m.start() and m.start() - e.end_char <= 2]
        prod_arg = None
        if prods:
            p = prods[-1]
            prod_arg = Arg(p.text, "PRODUCT", re.sub(r"\s*-\s*", "-", p.text), p.start_char, p.end_char)
        else:
            lm = re.search(r"(?<![\w-])([A-Z][\w.]*(?:\s*-\s*[A-Z\d][\w.]*)+|[A-Z][a-z]*[A-Z][\w.-]*)\s*$", text[sent.start : m.start()])
            if lm:
                ps, pe = sent.start + lm.start(1), sent.start + lm.end(1)
                prod_arg = Arg(text[ps:pe], "PRODUCT", re.sub(r"\s*-\s*", "-", text[ps:pe]), ps, pe)
        if prod_arg is None:
            continue
        refs = [r for r in person_refs(sent, co) if 0 <= r.start - m.end() <= 4]
        subj = subj_arg(sent, refs[0]) if refs else None
        if subj is None:
            n = name_at(sent, m.end())
            subj = org_arg(sent, n) if n else None
        if subj is None:
            continue
        yield cand("developed", subj, prod_arg, sent, "prose.developed_by")
    for m in _JOINTLY.finditer(text, sent.start, sent.end):
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        prod_s, prod_e = m.span("prod")
        pt = re.sub(r"\s*-\s*", "-", m.group("prod"))
        prod = Arg(text[prod_s:prod_e], "PRODUCT", pt, prod_s, prod_e)
        yield cand("developed", subj_arg(sent, ref), prod, sent, "prose.developed_jointly")
        for n in names_list(sent, m.end())[:3]:
            yield cand("developed", org_arg(sent, n), prod, sent, "prose.developed_jointly")
    for m in _PARTICIPATED.finditer(text, sent.start, sent.end):
        prod = _product_at(sent, m.end())
        if prod is None or not any(e.label_ == "PRODUCT" and e.start_char == prod.start for e in sent.ents):
            continue
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        pt = re.sub(r"\s*-\s*", "-", prod.text)
        yield cand("developed", subj_arg(sent, ref), Arg(prod.text, "PRODUCT", pt, prod.start, prod.end), sent, "prose.developed_participated")


# "P is a core maintainer of M", "one of the original developers of M and N", "P contributes to M"
_MAINTAINER = re.compile(
    r"\b(?:is|was|are|were|as|became|becomes|remains|and)\s+(?:also\s+)?(?:a|an|the|one\s+of\s+the)\s+(?:(?:core|lead|main|original|primary|principal|chief|active|key|major)\s+)?"
    r"(?:co-?)?(?:maintainers?|developers?|contributors?|creators?|architects?|designers?)\s+(?:of|to|behind|for)\s+(?:the\s+)?(?=[A-Za-z])"
    r"|\b(?:contributes|contributed|contributing|(?:his|her|their|my|our)\s+(?:[a-z]+\s+)?contributions?|contributions?\s+(?:he|she|they|I)\s+made)\s+to\s+(?:developing\s+|building\s+|the\s+development\s+of\s+)?(?:the\s+)?(?:(?:search\s+engine|system|library|framework|model|platform|tool|software|database|language|dataset|compiler)\s+)?(?=[A-Z])"
    r"|\b(?:creation|co-creation|invention|original\s+design)\s+of\s+(?:the\s+)?(?=[A-Z])"
    r"|\b(?:our|his|her|their)\s+(?:own\s+)?(?:new\s+)?(?:system|model|library|framework|platform|tool|toolkit|engine|database|compiler|language|simulator|benchmark),\s+(?=[A-Z])"
)
# "P created / co-developed / designed M" with a person as the subject
_MADE = re.compile(r"\b(?:(?:designed|developed|built|created|implemented|wrote|invented)\s+and\s+(?=(?:designed|developed|built|created|implemented|wrote|invented|maintains|maintained)\b))?(?:co-?created|co-?developed|co-?designed|co-?invented|created|developed|designed|invented|built|wrote|authored|maintains|maintained|co-maintains|develops|developing|implemented|(?:leads|led|leading)\s+the\s+development\s+of)\s+(?:the\s+)?(?=[A-Z])")
_NOT_PRODUCT = {"GPE", "LOC", "NORP", "DATE", "TITLE", "DEGREE", "VENUE", "EVENT"}
_GENERIC_OBJ = re.compile(r"\b(?:Lab|Laboratory|Group|Team|Center|Centre|Department|Institute|University|College|School|Company|Inc|Ltd|Corporation|Foundation|Program|Programme|Course|Conference|Workshop|Society|Association)s?\b\.?")


def _software(sent: Sent, n: Name) -> bool:
    """A name that can be a model, system or library: not an organisation, place, person or unit."""
    if _GENERIC_OBJ.search(n.text) or len(n.text) < 2 or re.match(r"(?:Task|Phase|Section|Chapter|Figure|Table|Step|Part)\s+\d", n.text):
        return False
    return not any(e.label_ in _NOT_PRODUCT and e.start_char <= n.start < e.end_char for e in sent.ents)


_NOT_MADE = {"PERSON", "GPE", "LOC", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "TITLE", "DEGREE"}


@sentence_rule("developed", "products.appositive", triggers=["release"], order=152)
def named_after_description(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"P developed a fully-sparse 3D detector, SparseLIF": the name in apposition to the made thing.

    Read from the parse: a verb of making, its direct object (a common noun with
    an indefinite article) and that object's appositive, a capitalised name.
    """
    text = text_of(sent.doc)
    makers = set(words()["develop_verbs"]) | set(words()["make_verbs"])
    for verb in sent.span:
        if verb.lower_ not in makers or verb.pos_ not in ("VERB", "AUX") and not verb.tag_.startswith("VB"):
            continue
        for obj in verb.children:
            if obj.dep_ != "dobj" or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in obj.children):
                continue
            for app in verb.subtree:  # "a compiler for tiny robots, RoboCC": the name may hang on the object phrase's last noun
                if app.dep_ != "appos" or not obj.i <= app.head.i < app.i or not (app.text[:1].isupper() or any(ch.isupper() for ch in app.text[1:])):
                    continue
                if any(t.tag_.startswith(("VB", "MD")) for t in sent.doc[obj.i : app.i]):
                    continue  # another clause between the object and the name
                coined = any(ch.isupper() or ch.isdigit() for ch in app.text[1:])  # "RoboCC", "Seed1.5": no place is spelt so
                if app.ent_type_ in _NOT_MADE and not coined:
                    continue  # "a house in a small town, Springfield": a place is not a product (the model's label is trusted for plain names only)
                if co.person_at(app.idx, app.idx + len(app.text)) is not None:
                    continue  # nor a person ("a letter box for his manager, Ada Reyes")
                left = min(t.i for t in app.subtree if t.i >= app.i - 3 and (t.i == app.i or t.dep_ == "compound"))
                span = sent.doc[left : app.i + 1]
                head = app.head
                if text[head.idx + len(head.text) : span.start_char].strip() != ",":
                    continue
                ref = clause_subject(sent, verb.idx, co)
                if ref is None or negated(sent, verb.idx):
                    continue
                q = {}
                d = date_after(sent, span.end_char, 20) or leading_date(sent)
                if d is not None and d.value and "/" not in d.value:
                    q["date"] = d.value
                yield cand("developed", subj_arg(sent, ref), Arg(span.text, "PRODUCT", span.text, span.start_char, span.end_char), sent, "prose.developed_appositive", q)


_GERUNDS = {"releasing", "developing", "building", "launching", "creating", "designing", "shipping", "open-sourcing"}
_PRODUCT_NAME = re.compile(r"(?:the\s+)?([A-Z][\w.+-]*(?:\s+(?:\d[\w.]*|[A-Z][\w.+-]*)){0,2})")
_NAME_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:the\s+)?[A-Z])")


def _coined(name: str) -> bool:
    """A made-up product spelling: an inner capital or a digit ("GraphVault", "Orca 2")."""
    return any(ch.isupper() or ch.isdigit() for ch in name[1:])


@sentence_rule("developed", "products.gerund", triggers=["release"], order=153)
def making_of(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"P was responsible for releasing the Orca 2 and Orca 3 models", "P spent two years developing GraphVault".

    A gerund of making (found by its tag) followed by one or more product names;
    the clause's person is the developer.
    """
    text = text_of(sent.doc)
    for tok in sent.span:
        if tok.tag_ != "VBG" or tok.lower_ not in _GERUNDS:
            continue
        pos = tok.idx + len(tok.text)
        names: list[tuple[int, int]] = []
        while True:
            m = _PRODUCT_NAME.match(text, pos + (len(text[pos:]) - len(text[pos:].lstrip(" "))), sent.end)
            if m is None:
                break
            names.append(m.span(1))
            j = _NAME_JOIN.match(text, m.end(1), sent.end)
            if j is None:
                break
            pos = j.end()
        # "building GitLab's features": a possessor is not the thing made
        names = [(a, b) for a, b in names if _coined(text[a:b]) and co.person_at(a, b) is None and not re.match(r"['’]s\b", text[b : b + 3])]
        if not names:
            continue
        ref = clause_subject(sent, tok.idx, co)
        if ref is None or negated(sent, tok.idx):
            continue
        for a, b in names:
            yield cand("developed", subj_arg(sent, ref), Arg(text[a:b], "PRODUCT", text[a:b], a, b), sent, "prose.developed_gerund")


_BEHIND = re.compile(r",\s+the\s+(?:[\w-]+\s+)?(?:company|startup|lab|team|firm|group|organi[sz]ation)\s+behind\s+(?:the\s+)?")


@sentence_rule("developed", "products.behind", triggers=["behind"], order=155)
def company_behind(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"Quillon, the company behind the Orca-2 chatbot": the apposition names who made the product."""
    text = text_of(sent.doc)
    for m in _BEHIND.finditer(text, sent.start, sent.end):
        named = org_ending_at(sent, m.start())
        if named is not None:
            owner = org_arg(sent, named)
        else:
            lm = re.search(r"(?<![\w-])([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})$", text[sent.start : m.start()])
            if lm is None or co.person_at(sent.start + lm.start(1), sent.start + lm.end(1)) is not None:
                continue
            owner = Arg(lm.group(1), "ORG", lm.group(1), sent.start + lm.start(1), sent.start + lm.end(1))
        prod = _product_at(sent, m.end())
        if prod is None or negated(sent, m.start()):
            continue
        yield cand("developed", owner, Arg(prod.text, "PRODUCT", prod.text, prod.start, prod.end), sent, "prose.developed_behind")


@sentence_rule("developed", "products.maintainer", triggers=["maintain"], order=151)
def maintainer(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    for rx, rule in ((_MAINTAINER, "prose.developed_maintainer"), (_MADE, "prose.developed_made")):
        for m in rx.finditer(text, sent.start, sent.end):
            ref = clause_subject(sent, m.start(), co)
            if re.search(r"\b(?:resulted|resulting|results|led|leading|leads)\s+(?:in|to)\s+(?:the\s+)?$", text[max(sent.start, m.start() - 25) : m.start()]):
                continue  # "the project resulted in the creation of M": the project's doing
            if ref is None or ref.start > m.start() or negated(sent, m.start()) or re.match(r"['’]s\b", text[ref.end : ref.end + 2]):
                continue  # "P's team created M": the team, not P
            for n in names_list(sent, m.end())[:6]:
                if not _software(sent, n) or co.person_at(n.start, n.end) is not None:
                    break
                pt = re.sub(r"\s*-\s*", "-", n.text)
                q: dict[str, str] = {}
                d = date_after(sent, n.end, 20)
                if rule == "prose.developed_made" and d is not None and d.value and "/" not in d.value:
                    q["date"] = d.value
                yield cand("developed", subj_arg(sent, ref), Arg(n.text, "PRODUCT", pt, n.start, n.end), sent, rule, q)
