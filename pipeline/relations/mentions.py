"""Argument frames around a person's name, shared by the prose rules: the organisation
written before a title or a name ("Quillon CEO P", "Orbit's P"), the holder of a title
written beside it ("P, the company's CTO,", "CTO P"), and the company a story is about.

News and press releases name people with their title and employer packed around the
name rather than in a clause; these helpers read those frames from the entity spans.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from ..coref import FIRST_PERSON, THIRD_PERSON, coref_of
from .base import Arg, all_ents, text_of
from .lexicon import words
from .toolkit import Name, Sent, SubjectRef, is_location, name_at

_POSS = re.compile(r"['’]s?\s*$")
_ORG_ENT = {"ORG", "GPE", "FAC", "PRODUCT"}
_MODIFIER = re.compile(r"(?:\b(?:former|then|then-|interim|acting|new|newly\s+appointed|longtime|long-time|current|incoming|outgoing|founding|its|their|the|company['’]s)\s*-?\s*)+$", re.I)


def strip_modifiers(text: str, start: int, floor: int) -> int:
    """Where the words before a title ("former", "interim", "the company's") begin, if any."""
    m = _MODIFIER.search(text, floor, start)
    return m.start() if m and m.end() >= start - 1 else start


def org_ending_at(sent: Sent, pos: int) -> Name | None:
    """The organisation written right before `pos`: an entity or a capitalised name, possessive or not."""
    text = text_of(sent.doc)
    left = text[sent.start : pos]
    gap = len(left) - len(left.rstrip())
    end = pos - gap
    poss = _POSS.search(text, sent.start, end)
    if poss and poss.start() > sent.start and text[poss.start() - 1].isalnum() and "'" in text[poss.start() : end] + "’":
        end = poss.start()
    co = coref_of(sent.doc)
    for e in sent.ents:
        if e.end_char == end and (e.label_ in _ORG_ENT or e.label_ == "PERSON" and co.person_at(e.start_char, e.end_char) is None):
            if e.label_ == "GPE" and is_location(e.text) or e.text in words()["nationalities"]:
                return None
            return Name(e.start_char, e.end_char, e.text)
    m = re.search(r"(?:[A-Z][\w&.*-]*\s+){0,3}[A-Z][\w&.*-]*$", text[sent.start : end])
    if m is None:
        return None
    s = sent.start + m.start()
    n = name_at(sent, s, limit=end)
    if n is None or n.end != end or is_location(n.text):
        return None
    nationalities = words()["nationalities"]
    if all(p in nationalities for p in n.text.split("-")):
        return None  # "a Nigerian-American computer scientist": a nationality, no employer
    # a title may end in the organisation ("co-founder of Orbit"), but a name holds no title
    if co.person_at(n.start, n.end) is not None or any(e.label_ in ("TITLE", "DATE") and e.start_char < n.end and n.start < e.end_char and (e.label_ == "DATE" or e.start_char >= n.start) for e in sent.ents):
        return None
    first = n.text.split()[0]
    if first.lower() in {"the", "former", "a", "an", "its", "their"}:
        rest = n.text[len(first) :].lstrip()
        if not rest:
            return None
        n = Name(n.end - len(rest), n.end, rest)
    if n.text.lower() in FIRST_PERSON | THIRD_PERSON or n.text.split()[-1] in words()["nationalities"]:
        return None
    return n


def is_company_title(title: str) -> bool:
    """Executive and founder titles, which in a story about a company mean that company."""
    t = title.lower()
    return any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", t) for w in words()["company_titles"])


def company_in_context(doc: Doc, pos: int) -> Arg | None:
    """The organisation a story is about: the one named most often
    (twice or more, and more often than any other); its mention nearest before `pos` is the argument."""
    cached = doc.user_data.get("story_company")
    if cached is None or cached[0] is not doc:
        counts: Counter[str] = Counter()
        firsts: dict[str, int] = {}
        co = coref_of(doc)
        for e in all_ents(doc):
            # the model calls some company names persons; the people stage knows better
            if (e.label_ == "ORG" or e.label_ == "PERSON" and co.person_at(e.start_char, e.end_char) is None) and not is_location(e.text):
                k = re.sub(r"^the\s+|['’]s$", "", e.text)
                counts[k] += 1
                firsts.setdefault(k, e.start_char)
        best = None
        if counts:
            top = max(counts.values())
            if top >= 2:
                best = min((k for k, v in counts.items() if v == top), key=lambda k: firsts[k])
                if sum(1 for v in counts.values() if v == top) > 1:
                    best = None
        if best is None:
            best = _announcer(doc, co)
        cached = (doc, best)
        doc.user_data["story_company"] = cached
    name = cached[1]
    if name is None:
        return None
    text = text_of(doc)
    at = text.rfind(name, 0, pos)
    if at < 0:
        at = text.find(name)
    return Arg(name, "ORG", name, at, at + len(name))


_ANNOUNCED = re.compile(
    r"(?<![\w-])([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})(?:\s*\([^)]{0,40}\))?"
    r"(?:,\s+(?:a|an|the)\s+[^,;.]{3,100},)?\s+(?:today\s+|has\s+|recently\s+)?(?:announced|announces|unveiled|unveils|launched|launches)\b"
)


def _announcer(doc: Doc, co) -> str | None:
    """The organisation a press release is from: "X, a leader in ..., today announced", named again later."""
    text = text_of(doc)
    for m in _ANNOUNCED.finditer(text):
        name = m.group(1)
        if co.person_at(m.start(1), m.end(1)) is not None or is_location(name) or name.lower() in FIRST_PERSON | THIRD_PERSON:
            continue
        if len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)) >= 2:
            return name
    return None


def ref_right_after(refs: list[SubjectRef], pos: int, text: str) -> SubjectRef | None:
    """A person named right after `pos` ("CEO Adam Quist")."""
    for r in refs:
        if r.start >= pos and re.fullmatch(r"\s*(?:[,:–—]\s*|\s-\s+)?", text[pos : r.start]) and text[r.start : r.end][:1].isupper():
            return r
    return None


def ref_right_before(refs: list[SubjectRef], pos: int, text: str) -> SubjectRef | None:
    """A person named right before `pos`, set off by a comma ("Adam Quist, CEO ...")."""
    for r in reversed(refs):
        if r.end <= pos and re.fullmatch(r"\s*,\s*(?:who\s+is\s+|now\s+)?", text[r.end : pos]) and text[r.start : r.end][:1].isupper():
            return r
    return None


_POSSESSOR = re.compile(r"(?:[A-Z][\w&.-]*\s+(?:(?:of|for|and|&)\s+)?){0,5}$")


def possessor(sent: Sent, start: int, end: int) -> Name:
    """The whole name before "'s" whose last word is text[start:end]: "the University of Southern Tarn's" -> the university."""
    text = text_of(sent.doc)
    m = _POSSESSOR.search(text, sent.start, start)
    s = m.start() if m is not None else start
    for e in sent.ents:  # "Co-Director of Stanford's", "Head of Quillon's" (a title the recognizer ran into the name)
        if e.label_ in ("TITLE", "PERSON") and s < e.end_char and e.start_char < start:
            k = text.rfind(" of ", e.start_char, start) if e.end_char > start else -1
            s = max(s, k + 4 if k >= 0 else e.end_char)
    s = min(s, start)
    s += len(re.match(r"[\s,]*(?:(?:of|for|and|&)\s+)*", text[s:start]).group())  # never from a connective
    return Name(s, end, text[s:end])
