"""published_in: a work stated in prose to have appeared in a venue.

"The paper "T" was published in V in 2021", "T appeared in V", with T a quoted
title or a work-of-art entity. Publication lists give venues as qualifiers of
author_of instead (the annotation convention), so list items are not read here.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..coref import Coref
from .base import Arg, Candidate, text_of
from .registry import RelationSpec, relation, sentence_rule
from .toolkit import Sent, State, cand, date_after, name_at, negated

SPEC = relation(RelationSpec("published_in", ("WORK",), ("VENUE",), ("date",)))

_APPEARED = re.compile(r"\s*,?\s*(?:(?:was|were|has\s+been|had\s+been)\s+)?(?:published|appeared|appears)\s+(?:in|at|on)\s+(?:the\s+)?")
_QUOTED_TITLE = re.compile(r"[“\"‘]([^”\"’]{5,250})[”\"’]")


def _works(sent: Sent) -> list[tuple[int, int]]:
    """Quoted titles and work-of-art entities of the sentence, as (start, end)."""
    text = text_of(sent.doc)
    spans = [m.span(1) for m in _QUOTED_TITLE.finditer(text, sent.start, sent.end)]
    spans += [(e.start_char, e.end_char) for e in sent.ents if e.label_ in ("WORK_OF_ART", "WORK")]
    return sorted(set(spans))


@sentence_rule("published_in", "published_in.prose", triggers=["author"], order=195)
def published_in(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    for s, e in _works(sent):
        close = e + 1 if e < sent.end and text[e] in "”\"’" else e
        m = _APPEARED.match(text, close, sent.end)
        if m is None or negated(sent, m.start() + len(m.group()) - 1):
            continue
        venue = next((v for v in sent.ents if v.label_ == "VENUE" and v.start_char == m.end()), None)
        if venue is not None:
            obj = Arg(venue.text, "VENUE", venue.text, venue.start_char, venue.end_char)
        else:
            n = name_at(sent, m.end())
            if n is None:
                continue
            obj = Arg(n.text, "VENUE", re.sub(r"^the\s+", "", n.text), n.start, n.end)
        q = {}
        d = date_after(sent, obj.end or m.end(), 20)
        if d is not None and d.value and "/" not in d.value:
            q["date"] = d.value
        title = re.sub(r"\s+", " ", text[s:e]).strip()
        yield cand("published_in", Arg(text[s:e], "WORK", title, s, e), obj, sent, "prose.published_in", q)
