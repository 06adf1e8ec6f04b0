"""leads from Chinese text: a headship title of a job (主任, 院长, 所长 ...: the unit is led, as well as
employing), "X 发起人与负责人" in apposition or on a labelled line, and "领导/负责/主持 X" where X is an
organisation, a Latin-script name or a team or project."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from ..base import Arg, Candidate, text_arg, text_of
from ..registry import doc_rule
from .employment import jobs
from .clauses import Clause, clauses
from .spans import W, fact, find_words, negated, org_at, subject_ok, unit_end

_UNIT = ("团队", "项目", "小组", "课题组", "计划", "实验室", "组")
_JOINED = re.compile(r"[与和及、/]")


def _role_tail(text: str, c: Clause) -> tuple[int, int] | None:
    """"发起人与负责人" ending the clause: leading roles joined by 与/和/及."""
    e = c.end
    while e > c.body and text[e - 1] in " \t。.等":
        e -= 1
    i = e
    while True:
        w = next((w for w in W("lead_roles") if text.endswith(w, c.body, i)), None)
        if w is None:
            break
        i -= len(w)
        if i > c.body and _JOINED.match(text[i - 1]):
            j = i - 1
            if next((w for w in W("lead_roles") if text.endswith(w, c.body, j)), None):
                i = j
                continue
        break
    return (i, e) if i < e else None


def _object(text: str, i: int, end: int) -> tuple[int, int] | None:
    """What is led: a team or project ("北辰科技公司的视觉团队": the team), else an organisation."""
    e = end
    while e > i and text[e - 1] in " \t。.等":
        e -= 1
    for tail in ("的工作", "工作", "的研发", "研发"):
        if text.endswith(tail, i, e):
            e -= len(tail)
    seg = text[i:e]
    if "的" in seg:
        i += seg.rindex("的") + 1
        seg = text[i:e]
    if 0 < len(seg.strip()) <= 15 and seg.endswith(_UNIT):
        return i, e
    return org_at(text, i, end)


@doc_rule("leads", "zh.leads", order=60)
def leads(doc: Doc) -> Iterator[Candidate]:
    text = text_of(doc)
    for j in jobs(doc):
        if j.title and any(j.title.endswith(t) for t in W("lead_titles")):
            unit = unit_end(text, j.org[1], j.clause.end)  # the head of 东湖大学信息学院 leads the school, not the university
            yield fact(doc, "leads", j.clause, text_arg(doc, j.org[0], unit, "ORG"), "zh.leads_title", 0.7, role=j.title, start=j.quals.get("start"))
    for c in clauses(doc):
        if not subject_ok(c):
            continue
        if c.sent.key is not None or c.apposition:
            role = _role_tail(text, c)
            if role is not None:
                e = role[0]
                while e > c.body and text[e - 1] in " \t的":
                    e -= 1
                if 0 < e - c.body <= 20:
                    yield fact(doc, "leads", c, Arg(text[c.body : e], "PROJECT", text[c.body : e], c.body, e), "zh.leads_role", 0.7, role=text[role[0] : role[1]])
                continue
        for pos, w in find_words(text, c.body, c.end, W("lead_verbs")):
            nxt = text[pos + len(w) : pos + len(w) + 1]
            if nxt in ("人", "任", "责") or negated(text, c.start, pos):
                continue
            obj = _object(text, pos + len(w) + (nxt == "了"), c.end)
            if obj is not None:
                yield fact(doc, "leads", c, text_arg(doc, obj[0], obj[1], "ORG"), "zh.leads_verb", 0.65)
                break
