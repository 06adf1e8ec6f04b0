"""developed by a person: makers ("P created / co-designed / maintains M", "P worked on the
development of M", "P is a core maintainer / the creator / lead developer of M / one of the
engineers behind M"), a name in apposition to the thing made
("P developed a graph database, GraphVault"), and gerunds of making ("responsible for
releasing Orca 2")."""

from __future__ import annotations

import re
from typing import Iterator

from ...coref import Coref
from ..base import Arg, Candidate, text_of
from ..lexicon import words
from ..registry import sentence_rule
from ..toolkit import Name, Sent, State, cand, clause_subject, date_after, leading_date, name_at, names_list, negated, person_refs, subj_arg
from .shapes import NOT_MADE, clean, coined, made_thing, product_noun_rx, products_from, repo_name, software, without_language

# "P is a core maintainer of M", "one of the original developers of M and N", "P contributes to M"
_MAINTAINER = re.compile(
    r"(?:\b(?:is|was|are|were|as|became|becomes|remains|been|and)\s+(?:also\s+)?(?:a|an|the|one\s+of\s+the)\s+|,\s+(?:(?:a|an|the|one\s+of\s+the)\s+)?|\band\s+(?=(?:co-?)?creators?\s))(?:(?:core|lead|main|original|primary|principal|chief|active|key|major|first)\s+)?"
    r"(?:co-?)?(?:maintainers?|developers?|contributors?|creators?|architects?|designers?|inventors?|committers?|team\s+members?)(?:\s+and\s+(?:(?:core|lead|main|chief|principal)\s+)?(?:co-?)?(?:maintainers?|developers?|contributors?|creators?|architects?|designers?))?\s+(?:of|to|on|behind|for)\s+(?:the\s+)?(?=[A-Za-z])"
    r"|\b(?:original|first|main|lead|principal)\s+(?:co-?)?authors?\s+of\s+(?:the\s+)?(?=[A-Z]|[a-z]+[A-Z\d])"
    r"|\b(?:contributes|contributed|contributing|(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)\s+(?:[a-z]+\s+)?contributions?|contributions?\s+(?:he|she|they|I)\s+made"
    r"|(?:made|makes|make|making|includes|include)\s+(?:(?:many|numerous|several|significant|major|key|important|substantial|extensive)\s+)*contributions?"
    r"|(?:has\s+|have\s+|had\s+)?(?:worked|works|working)(?=\s+on\s+(?:[A-Z]{3}|[A-Za-z][\w.+]*[A-Z\d-]|the\s+(?![A-Z]+\b)[A-Za-z][\w.+]*[A-Z\d-][\w.+-]*(?:(?:,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w.+-]*)*\s+(?:projects?|software|codes?|librar(?:y|ies)|toolkits?|frameworks?)\b)))\s+(?:to|on)\s+(?:developing\s+|building\s+|the\s+development\s+of\s+)?(?:the\s+)?(?:(?:[a-z][\w-]*\s+)?(?:search\s+engine|system|library|framework|model|platform|tool|software|database|language|dataset|compiler)\s+)?(?=[A-Z]|[a-z]+[A-Z\d])"
    r"|\b(?:creation|co-creation|invention|original\s+design)\s+of\s+(?:the\s+)?(?=[A-Z]|[a-z]+[A-Z\d])"
    r"|\b(?:one\s+of\s+the|among\s+the|an?|the)\s+(?:(?:lead|key|main|core|principal)\s+)?(?:engineers?|researchers?|scientists?|minds|people)\s+behind\s+(?:the\s+)?(?=[A-Z]|[a-z]+[A-Z\d])"
    r"|\b(?:our|his|her|their)\s+(?:own\s+)?(?:new\s+)?(?:system|model|library|framework|platform|tool|toolkit|engine|database|compiler|language|simulator|benchmark),\s+(?=[A-Z])"
)
# "P created / co-developed / designed / helped build M", "P started the M project", with a person as the subject
_MADE = re.compile(r"\b(?:(?:designed|developed|built|created|implemented|wrote|invented)\s+and\s+(?=(?:designed|developed|built|created|implemented|wrote|invented|maintains|maintained)\b))?(?:co-?created|co-?developed|co-?designed|co-?invented|created|developed|designed|invented|built|wrote|authored|maintains|maintained|co-maintains|develops|developing|implemented|(?:leads|led|leading)\s+the\s+development\s+of|(?:worked|works|working)\s+on\s+the\s+(?:development|design|creation|implementation|training)\s+of|helped\s+(?:to\s+)?(?:build|develop|create|design|launch)|conceived|architected|pioneered|wrote\s+the\s+(?:first|initial|original)\s+version\s+of"
    r"|(?:started|initiated|founded)(?=\s+the\s+[A-Z][\w.+-]*(?:\s+[A-Z][\w.+-]*)?\s+(?:open-source\s+)?project\b))\s+(?:the\s+)?"
    r"(?:(?:much|most|parts|large\s+parts|portions|the\s+core)\s+of\s+(?:the\s+)?)?"  # "implemented much of M"
    r"(?:(?:popular|widely[- ]used|open[- ]source|well[- ]known|original|successful|influential)\s+)*(?=[A-Z]|[a-z]+[A-Z\d]|`|[a-z][a-z\d]*[-_][a-z\d])")





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
                if app.ent_type_ in NOT_MADE and not coined:
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


_HOST = re.compile(r"\s+at\s+(?=(?:the\s+)?[A-Z])")
_GERUNDS = {"releasing", "developing", "building", "launching", "creating", "designing", "shipping", "open-sourcing"}
_PRODUCT_NAME = re.compile(r"(?:the\s+)?([A-Z][\w.+-]*(?:\s+(?:\d[\w.]*|[A-Z][\w.+-]*)){0,2})")
_NAME_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:the\s+)?[A-Z])")



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
            names.append((m.start(1), m.start(1) + len(m.group(1).rstrip("."))))
            j = _NAME_JOIN.match(text, m.end(1), sent.end)
            if j is None:
                break
            pos = j.end()
        # a coined spelling or a name of several capitalised words ("Orca 2", "GraphVault", "Amazon Alexa");
        # "building GitLab's features": a possessor is not the thing made
        names = [(a, b) for a, b in names if (coined(text[a:b]) or len(text[a:b].split()) > 1 or re.match(rf"\s+(?:[a-z][\w-]*\s+)?(?:{product_noun_rx().pattern})", text[b : sent.end])) and co.person_at(a, b) is None and not re.match(r"['’]s\b", text[b : b + 3])]
        if not names:
            continue
        ref = clause_subject(sent, tok.idx, co)
        if ref is None or negated(sent, tok.idx):
            continue
        for a, b in names:
            yield cand("developed", subj_arg(sent, ref), Arg(text[a:b], "PRODUCT", text[a:b], a, b), sent, "prose.developed_gerund")



def _split_and(sent: Sent, names: list[Name]) -> list[Name]:
    """"GraphVault and Nimbus", read as one organisation-like name, is two products (unless one entity spans it
    and no plural noun follows: "the Alder and Birch projects" are two)."""
    out: list[Name] = []
    text = text_of(sent.doc)
    for n in names:
        m = re.search(r"\s+and\s+(?=[A-Z])", n.text)
        plural = re.match(r"\s+(?:projects|libraries|frameworks|toolkits|packages|tools|models|systems)\b", text[n.end : sent.end])
        if m is None or not plural and any(e.start_char <= n.start and n.end <= e.end_char for e in sent.ents):
            out.append(n)
            continue
        a, b = n.start + m.start(), n.start + m.end()
        out += [Name(n.start, a, text[n.start : a]), Name(b, n.end, text[b : n.end])]
    return out


def _modifies_other_noun(sent: Sent, end: int) -> bool:
    """The names ending at `end` modify a noun that is no product ("ISO/MPEG and ITU-T video coding standards")."""
    run = [t for t in sent.span if t.idx >= end][:4]
    last = None
    for t in run:
        if not (t.text[:1].islower() and (t.tag_.startswith(("NN", "JJ")) or t.tag_ == "VBG")):
            break
        last = t
    return last is not None and not re.fullmatch(rf"(?:{product_noun_rx().pattern}|projects?|codebase|code)", last.text)


def _software_named(sent: Sent, n: Name, trigger: str) -> bool:
    """A name that is software or a model by its spelling, its entity label or a product noun beside it."""
    if coined(n.text) or n.text.isupper() and len(n.text) >= 3 or product_noun_rx().search(trigger):
        return True
    if any(e.label_ == "PRODUCT" and e.start_char <= n.start < e.end_char for e in sent.ents):
        return True
    # (after a list the noun is in the plural and follows the last name: "the Alder and Birch projects")
    return bool(re.match(rf"\s+(?:{product_noun_rx().pattern}|projects?|codebase)\b|(?:\s*,?\s+(?:and\s+)?[A-Z][\w.+-]*)+\s+(?:projects|libraries|frameworks|toolkits|packages|tools)\b", text_of(sent.doc)[n.end : sent.end]))


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
            found = names_list(sent, m.end())[:6] or [n for n in products_from(sent, m.end(), co) if coined(n.text) or repo_name(n.text)]
            for n in _split_and(sent, found):
                n = without_language(sent, n)
                made_end, host = n.end, _HOST.search(n.text)
                if host is not None:  # "built Kite at Orbis": where it was made is no part of its name
                    n = Name(n.start, n.start + host.start(), n.text[: host.start()])
                elif (at := _HOST.match(text, n.end, sent.end)) and (org := name_at(sent, at.end())):
                    made_end = org.end  # ("built Kite at Orbis in 2011": the date follows the place)
                own = re.search(r"['’]s\s+", n.text)
                if own is not None:  # "built Quillon's Orca engine": the thing made is what follows the possessive
                    n = Name(n.start + own.end(), n.end, n.text[own.end() :])
                if not software(sent, n) or co.person_at(n.start, n.end) is not None or re.match(r"['’]s\b", text[n.end : n.end + 2]):
                    break  # ("contributed to the ISI team's efforts": the possessor is not the thing made)
                if rule == "prose.developed_maintainer" and re.search(r"contribut|work", m.group().lower()) and (not _software_named(sent, n, m.group()) or _modifies_other_noun(sent, found[-1].end)):
                    break  # "contributed to the Red Cross": a contribution to something that is no software
                pt = re.sub(r"\s*-\s*", "-", n.text)
                q: dict[str, str] = {}
                tail = re.match(rf"\s+(?:open-source\s+)?(?:project|{product_noun_rx().pattern})\b", text[n.end : sent.end])  # "the M project / toolkit in 2012"
                d = date_after(sent, max(n.end + (tail.end() if tail else 0), made_end), 20)
                if rule == "prose.developed_made" and d is not None and d.value and "/" not in d.value:
                    q["date"] = d.value
                yield cand("developed", subj_arg(sent, ref), Arg(n.text, "PRODUCT", pt, n.start, n.end), sent, rule, q)



# "GraphVault, which she created in 2015", "the Orca library that Tom Berg wrote": the made thing before its maker
_MADE_WHICH = re.compile(
    r"(?<![\w-])(?P<prod>[A-Z][\w.+]*(?:-[A-Z\d][\w.+]*)*(?:\s+\d[\w.]*)?)(?:\s+[a-z]+){0,2}?,?\s+(?:which|that)\s+(?P<who>[^,.;]{1,40}?)\s+"
    r"(?:also\s+)?(?:co-?created|co-?developed|co-?designed|created|developed|designed|built|wrote|invented|maintains|maintained|launched|released|open-sourced)\b"
)


@sentence_rule("developed", "products.made_which", triggers=["maintain"], order=154)
def made_which(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    for m in _MADE_WHICH.finditer(text, sent.start, sent.end):
        who_s = m.start("who")
        refs = [r for r in person_refs(sent, co) if r.start == who_s and r.end == m.end("who")]
        if not refs or negated(sent, m.end("who") + 1):
            continue
        n = Name(m.start("prod"), m.end("prod"), m.group("prod"))
        if not made_thing(sent, n, co, strict=False):
            continue  # (a verb of making follows: the model's label for a plain name is not trusted)
        d = date_after(sent, m.end(), 20)
        q = {"date": d.value} if d is not None and d.value and "/" not in d.value else {}
        yield cand("developed", subj_arg(sent, refs[0]), Arg(n.text, "PRODUCT", clean(n.text), n.start, n.end), sent, "prose.developed_made_which", q)
