"""developed: "We release X" news lines on a homepage (the page owner developed X)."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from . import stage
from .base import Arg, Candidate, dates_in, lines, subject_arg, ents_starting_in, text_of

_RELEASE = re.compile(r"\b(?:we|i)\s+(?:have\s+)?(?:release[sd]?|open[- ]sourced?|launch(?:ed)?|introduce[sd]?|present(?:ed)?)\s+(?:the\s+|our\s+)?", re.I)
_NAME = re.compile(r"[A-Z][\w.\-]*(?:[ -][A-Z0-9][\w.\-]*)*")


@stage("products.release_news")
def release_news(doc: Doc) -> Iterator[Candidate]:
    subj = subject_arg(doc)
    if subj is None:
        return
    text = text_of(doc)
    for line in lines(doc):
        for m in _RELEASE.finditer(text, line.start, line.end):
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
