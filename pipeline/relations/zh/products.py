"""developed from Chinese text: a person's clause with a verb of making ("提出了反向传播算法",
"研发出了可降解 PCB") and what it made, a run that ends in a kind of made thing (算法, 模型, 系统 ...);
and "是 ChatGPT 的主要作者之一" (one of the makers of a named thing). A made thing with an
indefinite article ("一种新算法") or of another kind ("提出了辞职") is no product."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from ..base import Arg, Candidate, dates_in, text_of
from ..registry import doc_rule
from .clauses import clauses
from .spans import W, fact, find_words, iso, negated, subject_ok

_NOTE = re.compile(r"\s*[（(][^（）()]{1,20}[）)]\s*$")
_INDEFINITE = ("一种", "一个", "一套", "一款", "一项", "新的", "这个", "这种", "该")
# "是 ChatGPT 的主要作者之一": one of the named thing's makers
_MAKER_OF = re.compile(r"是\s*(?P<m>[A-Za-z][\w.+-]*(?:\s+[A-Za-z\d][\w.+-]*)*)\s*的\s*(?:主要|核心|原始|首席)?(?P<role>[^\s，。的]{2,3}?)(?:之一|(?=[，。；\s]|$))")


def _made(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The thing a verb of making names in [start, end): up to the clause's end, ending in a kind of made thing."""
    s = start + (text[start] == "了") if start < end else start
    while s < end and text[s] in " \t":
        s += 1
    e = end
    while e > s and text[e - 1] in " \t。.，,；;等":
        e -= 1
    note = _NOTE.search(text, s, e)
    if note is not None and note.start() > s:
        e = note.start()  # "可降解 PCB（电路板）": a gloss in parentheses
    thing = text[s:e]
    if not thing or len(thing) > 16 or thing.startswith(_INDEFINITE):
        return None
    return (s, e) if any(thing.endswith(w) for w in W("made_suffixes")) else None


@doc_rule("developed", "zh.developed", order=60)
def developed(doc: Doc) -> Iterator[Candidate]:
    text = text_of(doc)
    for c in clauses(doc):
        if not subject_ok(c):
            continue
        for pos, w in find_words(text, c.body, c.end, W("make_verbs")):
            if negated(text, c.start, pos):
                break
            made = _made(text, pos + len(w), c.end)
            if made is None:
                continue
            s, e = made
            years = [iso(d) for prev in c.sent.clauses[: c.index + 1] for d in dates_in(doc, prev.start, pos) if iso(d)]
            yield fact(doc, "developed", c, Arg(text[s:e], "PRODUCT", text[s:e], s, e), "zh.developed", 0.7, date=years[-1][:4] if years else None)
            break
        m = _MAKER_OF.search(text, c.body, c.end)
        if m is not None and m.group("role") in W("maker_nouns") and not negated(text, c.start, m.start()):
            s, e = m.span("m")
            yield fact(doc, "developed", c, Arg(text[s:e], "PRODUCT", text[s:e], s, e), "zh.developed_maker", 0.7)
