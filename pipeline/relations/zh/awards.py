"""award_received from Chinese text: "获得/荣获/当选 AWARD（2018年）和 AWARD", an award being a run ending
in an award word (奖, 奖章, 称号, 院士, Fellow, 冠军 ...), and the items of an awards line
("奖项/荣誉：ACM/AAAI Fellow，《纽约时报》年度科技人物等") and of an awards section."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from ..base import Arg, Candidate, Line, dates_in, text_of
from ..registry import doc_rule, item_rule
from .clauses import clauses
from .spans import W, find_words, iso, item_subject, mostly_han, negated, subject_ok

_SPLIT_ANY = "、"
_SPLIT_AFTER_AWARD = ("以及", "和", "与", "及")
_PAREN_DATE = re.compile(r"\s*[（(]([^（）()]{2,12})[）)]\s*$")
_OUTLET = re.compile(r"《([^》]{1,20})》\s*")
_SLASHED = re.compile(r"^([A-Z][A-Za-z]*(?:/[A-Z][A-Za-z]*)+)\s+(\S.*)$")


def _items(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A list of awards split at 、, and at 和/与/及 right after an award word or a closing parenthesis."""
    s, i = start, start
    while i < end:
        if text[i] in _SPLIT_ANY:
            yield s, i
            s = i = i + 1
            continue
        w = next((w for w in _SPLIT_AFTER_AWARD if text.startswith(w, i)), None)
        if w and (text[i - 1] in "）)" or _is_award(text[s:i])):
            yield s, i
            s = i = i + len(w)
            continue
        i += 1
    yield s, end


def _is_award(t: str) -> bool:
    t = _PAREN_DATE.sub("", t).rstrip(" 等。")
    return any(t.endswith(w) for w in W("award_suffixes")) and len(t) <= 30


def _award(doc: Doc, subj: Arg, evidence: tuple[int, int], s: int, e: int, fallback: str | None, rule: str) -> Iterator[Candidate]:
    """The award written in [s, e), its date from a parenthesis, a leading date or `fallback`; "《X》Y": Y, org X."""
    labelled = rule != "zh.award_verb"
    text = text_of(doc)
    while s < e and text[s] in " \t了过-*•":
        s += 1
    while e > s and text[e - 1] in " \t。.等":
        e -= 1
    date = fallback
    m = _PAREN_DATE.search(text, s, e)
    if m and dates_in(doc, m.start(1), m.end(1)):
        date = iso(dates_in(doc, m.start(1), m.end(1))[0]) or date
        e = m.start()
    lead = next((d for d in dates_in(doc, s, e) if d.start == s), None)
    if lead is not None:
        date, s = iso(lead) or date, lead.end
        while s < e and text[s] in " \t的度":  # "2018年度银河科学奖"
            s += 1
    org = None
    o = _OUTLET.match(text, s, e)
    if o:
        org, s = o.group(1), o.end()
    name = text[s:e]
    if not name or len(name) > 30 or (not labelled and not _is_award(name)):
        return
    sl = _SLASHED.match(name)
    parts = [(f"{p} {sl.group(2)}") for p in sl.group(1).split("/")] if sl else [name]
    for p in parts:
        q = {k: v for k, v in (("date", date), ("org", org)) if v}
        # an item read by these rules outweighs the English reading of the same Han line (0.8)
        yield Candidate("award_received", subj, Arg(name, "AWARD", p, s, e), evidence, rule, 0.85 if rule == "zh.award_item" else 0.75 if labelled else 0.7, q)


@doc_rule("award_received", "zh.awards", order=60)
def awards(doc: Doc) -> Iterator[Candidate]:
    text = text_of(doc)
    for c in clauses(doc):
        if not subject_ok(c):
            continue
        key = c.sent.key
        if key is not None and any(k in key for k in W("award_keys")):
            for s, e in _items(text, c.body, c.end):
                yield from _award(doc, c.subject, (c.sent.start, c.sent.end), s, e, None, "zh.award_list")
            continue
        for pos, w in find_words(text, c.body, c.end, W("award_verbs")):
            if negated(text, c.start, pos):
                continue
            before = [iso(d) for d in dates_in(doc, c.start, pos) if iso(d)]
            if not before:
                before = [iso(d) for prev in c.sent.clauses[: c.index] for d in dates_in(doc, prev.start, prev.end) if iso(d)]
            for s, e in _items(text, pos + len(w), c.end):
                yield from _award(doc, c.subject, (c.sent.start, c.sent.end), s, e, before[-1] if before else None, "zh.award_verb")
            break


@item_rule("award_received", "zh.award_items", sections=["awards"], order=60)
def award_items(doc: Doc, line: Line) -> Iterator[Candidate]:
    """"2019年 东湖青年科学家奖", "东湖青年科学家奖（2019年）": an item of an awards section is an award."""
    subj = item_subject(doc, line.start)
    if subj is None or not mostly_han(line.text):
        return
    for s, e in _items(text_of(doc), line.start, line.end):
        yield from _award(doc, subj, (line.start, line.end), s, e, None, "zh.award_item")
