"""employed_by from Chinese clauses: "任/担任/现任 ORG TITLE", "在 ORG 担任 TITLE", "在 ORG 任教",
"是/成为 ORG 的 TITLE", "加入 ORG", "创立 ORG" (founder), and "ORG TITLE" after a name or under an
identity label ("身份：ORG TITLE，..."); items of an experience section ("2019年至今 ORG TITLE")."""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from spacy.tokens import Doc

from ..base import Candidate, Line, text_arg, text_of
from ..registry import doc_rule, item_rule
from .clauses import Clause, clauses
from .spans import W, fact, find_words, has_han, item_fact, item_subject, negated, org_at, orgs_in, range_at, subject_ok, title_tail, unit_end, when, word_at

_NOT_BEFORE_REN = set("主责信委继前兼担出历现曾")
_NOT_BEFORE_WEI = set("认以因称作行视成")
_NOT_BEFORE_SHI = set("就但于还可只总正要若凡")
_AT = ("来到", "回到", "在", "到", "于")  # "在 ORG 担任 TITLE", "来到 ORG 任教"


class Job(NamedTuple):
    clause: Clause
    org: tuple[int, int]
    title: str | None
    quals: dict
    rule: str
    confidence: float


def jobs(doc: Doc) -> list[Job]:
    """Every job the frames find, once per doc (leads reads the headship titles among them)."""
    cached = doc.user_data.get("zh_jobs")
    if cached is None:
        cached = doc.user_data["zh_jobs"] = [j for c in clauses(doc) if subject_ok(c) for j in _clause_jobs(doc, c)]
        _departures(doc, cached)
    return cached


def _departures(doc: Doc, found: list[Job]) -> None:
    """"2017年，他离开 OpenAI": the end of that person's job there, when no end was stated with it."""
    text = text_of(doc)
    for c in clauses(doc):
        if not subject_ok(c):
            continue
        for pos, w in find_words(text, c.body, c.end, W("job_leave")):
            org = org_at(text, pos + len(w) + (text[pos + len(w) : pos + len(w) + 1] == "了"), c.end)
            year = when(doc, c).get("start")
            if org is None or year is None or negated(text, c.start, pos):
                continue
            name = text[org[0] : org[1]]
            for j in found:
                same = j.clause.subject.canonical == c.subject.canonical and text[j.org[0] : j.org[1]] == name
                if same and j.clause.start < c.start and "end" not in j.quals and j.quals.get("start", "") <= year:
                    j.quals["end"] = year


def _title(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0] : span[1]] if span else None


def _clause_jobs(doc: Doc, c: Clause) -> Iterator[Job]:
    text = text_of(doc)
    found = False
    for pos, w in find_words(text, c.body, c.end, W("job_verbs")):
        if negated(text, c.start, pos) or (w == "任" and pos > c.start and text[pos - 1] in _NOT_BEFORE_REN):
            continue
        org = org_at(text, pos + len(w), c.end)
        if org is None:
            continue
        found = c.posts = True
        yield Job(c, org, _title(text, title_tail(text, unit_end(text, org[1], c.end), c.end)), when(doc, c), "zh.job_verb", 0.75)
    for pos, w in find_words(text, c.body, c.end, list(_AT)):
        after = pos + len(w) + (text[pos + len(w) : pos + len(w) + 1] == "了")
        org = org_at(text, after, c.end)
        if org is None or found or negated(text, c.start, pos):
            continue
        rest = unit_end(text, org[1], c.end)  # "在东湖大学计算机系任教"
        while rest < c.end and text[rest] in " \t":
            rest += 1
        verb = word_at(text, rest, W("job_verbs"))
        title = title_tail(text, rest + len(verb or ""), c.end)
        if title or word_at(text, rest, W("job_at_verbs")):
            found = True
            yield Job(c, org, _title(text, title), when(doc, c), "zh.job_at", 0.75)
    for pos, w in find_words(text, c.body, c.end, W("job_copulas")):
        before = text[pos - 1] if pos > c.start else ""
        if found or (w == "为" and before in _NOT_BEFORE_WEI) or (w == "是" and before in _NOT_BEFORE_SHI) or negated(text, c.start, pos):
            continue
        org = org_at(text, pos + len(w), c.end)
        title = title_tail(text, unit_end(text, org[1], c.end), c.end) if org else None
        if org and title:
            found = True
            yield Job(c, org, _title(text, title), when(doc, c), "zh.job_copula", 0.7)
    for pos, w in find_words(text, c.body, c.end, W("job_join")):
        org = org_at(text, pos + len(w), c.end)
        if org is None or negated(text, c.start, pos):
            continue
        found = True
        yield Job(c, org, _next_title(doc, c), when(doc, c), "zh.job_join", 0.7)
    for pos, w in find_words(text, c.body, c.end, W("job_found")):
        org = org_at(text, pos + len(w) + (text[pos + len(w) : pos + len(w) + 1] == "了"), c.end)
        if org is None or negated(text, c.start, pos):
            continue
        found = True
        title = "联合创始人" if w.startswith(("联合", "共同")) else "创始人"
        yield Job(c, org, title, when(doc, c), "zh.job_founded", 0.7)
    if not found and _labelled(c):
        job = _org_title(doc, c)
        if job is not None:
            c.posts = c.index > 0 and c.sent.clauses[c.index - 1].posts
            yield job


def _labelled(c: Clause) -> bool:
    """A clause under an identity label, or in apposition to a name ("Jane Roe，ORG 的 CEO")."""
    key = c.sent.key
    if key is not None and any(k in key for k in W("identity_keys")):
        return True
    return c.apposition or (c.index > 0 and c.sent.clauses[c.index - 1].posts)  # "现任 A 教授，B 主任"


def _org_title(doc: Doc, c: Clause) -> Job | None:
    """"斯坦福大学教授", "前 Google Cloud AI/ML 首席科学家": an organisation, then a title, filling the clause."""
    text = text_of(doc)
    i = c.body
    lead = word_at(text, i, W("former_cues") + W("job_verbs"))
    if lead:
        i += len(lead)
    org = org_at(text, i, c.end)
    title = title_tail(text, unit_end(text, org[1], c.end), c.end) if org else None
    if title is None:
        end = c.end
        while end > i and text[end - 1] in " \t。.、等":
            end -= 1
        tw = next((t for t in W("titles") if text.endswith(t, i, end)), None)
        if tw is None:
            return None
        org_end = end - len(tw)
        while org_end > i and text[org_end - 1] in " \t的":
            org_end -= 1
        if not 0 < org_end - i <= 20 or any(ch in text[i:org_end] for ch in "，。；"):
            return None
        org, title = (i, org_end), (end - len(tw), end)
    q = when(doc, c)
    if lead in W("former_cues"):
        q.pop("end", None)
    return Job(c, org, text[title[0] : title[1]], q, "zh.job_apposition", 0.65)


def _next_title(doc: Doc, c: Clause) -> str | None:
    """"加入 OpenAI，成为主要研究人员": the title the next clause gives without an organisation."""
    text = text_of(doc)
    if c.index + 1 >= len(c.sent.clauses):
        return None
    n = c.sent.clauses[c.index + 1]
    verb = word_at(text, n.body, W("job_copulas") + W("job_verbs"))
    if verb is None:
        return None
    span = title_tail(text, n.body + len(verb), n.end)
    return text[span[0] : span[1]] if span else None


@doc_rule("employed_by", "zh.employment", order=60)
def employment(doc: Doc) -> Iterator[Candidate]:
    for j in jobs(doc):
        yield fact(doc, "employed_by", j.clause, text_arg(doc, j.org[0], j.org[1], "ORG"), j.rule, j.confidence, title=j.title, **j.quals)


_SEP = re.compile(r"[，,|｜;；/]| {2,}|\t")


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, s = [], start
    for m in _SEP.finditer(text, start, end):
        out.append((s, m.start()))
        s = m.end()
    out.append((s, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


@item_rule("employed_by", "zh.employment_items", sections=["experience"], order=60)
def employment_items(doc: Doc, line: Line) -> Iterator[Candidate]:
    """"2019年至今 北辰科技公司 首席科学家": the organisation, the title of the item and its dates."""
    if not has_han(line.text):
        return
    text = text_of(doc)
    subj = item_subject(doc, line.start)
    if subj is None:
        return
    orgs = orgs_in(text, line.start, line.end)
    if not orgs:
        return
    s, e = orgs[0]
    title = None
    for a, b in _segments(text, e, line.end) + _segments(text, line.start, s):
        span = title_tail(text, a, b)
        if span:
            title = text[span[0] : span[1]]
            break
    a, b, _ = range_at(doc, line.start, line.end)
    yield item_fact("employed_by", subj, line, text_arg(doc, s, e, "ORG"), "zh.job_item", 0.8, title=title, start=a, end=b)
