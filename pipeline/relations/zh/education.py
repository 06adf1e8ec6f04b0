"""educated_at from Chinese clauses: a study cue (毕业于, 就读, 攻读, 读完, 学位, 博士生 ...) with a school
(a run ending in 大学, 学院, 研究所 ...), in one clause or in two ("进入 ORG，成为 X 的博士生",
"毕业于 ORG，获博士学位"); the degree word is the degree qualifier. Items of an education section
("2015年至2019年 东湖大学 博士") give the school with their dates."""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc

from ..base import Candidate, Line, text_arg, text_of
from ..registry import doc_rule, item_rule
from .clauses import Clause, clauses
from .spans import W, degree_in, fact, find_words, has_han, item_fact, item_subject, negated, org_at, orgs_in, range_at, subject_ok, when, word_at

_PREPS = ("在", "于", "进入", "考入", "来到", "去了", "获", "获得", "取得", "从")
_CONTINUE = ("成为", "是", "获", "取得", "攻读", "读")


def _cue(text: str, c: Clause) -> int | None:
    """Where the clause's study cue is, unless it is negated or part of a non-study word (博士生导师)."""
    for pos, _w in find_words(text, c.start, c.end, W("edu_cues")):
        if word_at(text, pos, W("edu_not")) or any(text.startswith(n, pos - k) for n in W("edu_not") for k in range(1, len(n))):
            continue
        if not negated(text, c.start, pos):
            return pos
    return None


def _school(text: str, c: Clause) -> tuple[int, int] | None:
    """The first school of the clause: at its start or after a preposition or verb."""
    starts = [p + len(w) for p, w in find_words(text, c.rest, c.end, list(_PREPS) + W("edu_cues"))] + [c.rest]
    for i in starts:
        org = org_at(text, i, c.end)
        if org and any(text[org[0] : org[1]].endswith(s) for s in W("edu_org_suffixes")):
            return org
    return None


def _graduation(text: str, c: Clause) -> bool:
    return any(w in text[c.start : c.end] for w in ("毕业", "获得", "取得", "获")) and "学位" in text[c.start : c.end] or "毕业" in text[c.start : c.end]


@doc_rule("educated_at", "zh.education", order=60)
def education(doc: Doc) -> Iterator[Candidate]:
    text = text_of(doc)
    for c in clauses(doc):
        if not subject_ok(c):
            continue
        org = _school(text, c)
        if org is None:
            continue
        degree_clause = c
        if _cue(text, c) is None:
            nxt = c.sent.clauses[c.index + 1] if c.index + 1 < len(c.sent.clauses) else None
            if nxt is None or _school(text, nxt) or _cue(text, nxt) is None or not text.startswith(_CONTINUE, nxt.body):
                continue
            degree_clause = nxt
        degree = degree_in(text, degree_clause.start, degree_clause.end)
        nxt = c.sent.clauses[c.index + 1] if c.index + 1 < len(c.sent.clauses) else None
        if degree is None and nxt is not None and "学位" in text[nxt.start : nxt.end] and not _school(text, nxt):
            degree = degree_in(text, nxt.start, nxt.end)  # "毕业于 ORG，获博士学位"
        if degree == "博士后":
            continue  # a postdoc is a job
        q = when(doc, c)
        if q.get("end") == "present":
            del q["end"]
        if "end" not in q and "start" in q and _graduation(text, c):
            q = {"end": q["start"]}  # "2001年毕业于 ORG": the year it ended
        yield fact(doc, "educated_at", c, text_arg(doc, org[0], org[1], "ORG"), "zh.edu_cue" if degree_clause is c else "zh.edu_two_clauses", 0.75, degree=degree, **q)


@item_rule("educated_at", "zh.education_items", sections=["education"], order=60)
def education_items(doc: Doc, line: Line) -> Iterator[Candidate]:
    """"2015年9月至2019年6月 东湖大学 计算机科学 博士": the school, its degree word and the dates of the item."""
    text = text_of(doc)
    subj = item_subject(doc, line.start)
    if subj is None or not has_han(line.text):
        return
    schools = orgs_in(text, line.start, line.end, W("edu_org_suffixes"))
    if not schools:
        return
    s, e = schools[0]
    degree = degree_in(text, e, line.end) or degree_in(text, line.start, s)
    if degree == "博士后":
        return
    a, b, _ = range_at(doc, line.start, line.end)
    yield item_fact("educated_at", subj, line, text_arg(doc, s, e, "ORG"), "zh.edu_item", 0.8, degree=degree, start=a, end=b)
