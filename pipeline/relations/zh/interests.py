"""research_interest from Chinese text: the items of a research line ("研究方向：A、B、C", "领域: ..."),
"研究方向是/包括 A 和 B", "他的方向也是 X", "主要从事 A、B 的研究", and the items of an interests section."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from ..base import Arg, Candidate, Line, text_of
from ..registry import doc_rule, item_rule
from .clauses import clauses
from .spans import W, fact, find_words, item_fact, item_subject, mostly_han, negated, subject_ok

_COPULA = re.compile(r"\s*(?:主要|也|还|则)?\s*(?:是|为|包括|包含|集中在|集中于|涉及)[:：]?\s*")
_SPLIT = re.compile(r"、|以及|和|与|及|/|;|；")
_TAIL = re.compile(r"(?:等)?(?:方面|领域|方向)?(?:的)?(?:研究)?(?:工作)?(?:等)?[。.\s]*$")


def _topics(doc: Doc, s: int, e: int) -> Iterator[Arg]:
    text = text_of(doc)
    t = text[s:e]
    t = t[: _TAIL.search(t).start()]
    pos = 0
    for m in [*_SPLIT.finditer(t), None]:
        end = m.start() if m else len(t)
        item = t[pos:end]
        a = s + pos + len(item) - len(item.lstrip(" \t“”\"*"))
        b = s + pos + len(item.rstrip(" \t“”\"*"))
        if 0 < b - a <= 30:
            yield Arg(text[a:b], "TOPIC", text[a:b], a, b)
        pos = m.end() if m else end


@doc_rule("research_interest", "zh.interests", order=60)
def interests(doc: Doc) -> Iterator[Candidate]:
    text = text_of(doc)
    for c in clauses(doc):
        if not subject_ok(c):
            continue
        key = c.sent.key
        if key is not None and any(key.strip().endswith(k) for k in W("interest_keys")):
            for a in _topics(doc, c.body, c.end):
                yield fact(doc, "research_interest", c, a, "zh.interest_list", 0.75)
            continue
        for pos, w in find_words(text, c.body, c.end, W("interest_keys") + W("interest_verbs")):
            if negated(text, c.start, pos):
                continue
            if w in W("interest_verbs"):
                start = pos + len(w)
                if "研究" not in text[start : c.end]:
                    continue  # "从事软件销售" is a job, "从事机器学习研究" an interest
            else:
                m = _COPULA.match(text, pos + len(w), c.end)
                if m is None:
                    continue
                start = m.end()
            for a in _topics(doc, start, c.end):
                yield fact(doc, "research_interest", c, a, "zh.interest_cue", 0.65)
            break


@item_rule("research_interest", "zh.interest_items", sections=["interests"], order=60)
def interest_items(doc: Doc, line: Line) -> Iterator[Candidate]:
    """The topics of an item of a research-interests section ("机器学习、计算机视觉")."""
    subj = item_subject(doc, line.start)
    if subj is None or not mostly_han(line.text) or len(line.text) > 60 or any(c in line.text for c in "。！？"):
        return  # a sentence of prose, not a list of topics
    text = text_of(doc)
    start = line.start
    while start < line.end and text[start] in "-*•· \t":
        start += 1
    for a in _topics(doc, start, line.end):
        yield item_fact("research_interest", subj, line, a, "zh.interest_item", 0.7)
