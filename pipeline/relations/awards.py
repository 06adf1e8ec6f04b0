"""award_received from the items of an Honors/Awards section."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from . import stage
from .base import Arg, Candidate, dates_in, lines, subject_arg, text_of

_TRAILING_ORG = re.compile(r"(?:,\s*|\s+[-–—]\s+|\s+by\s+|\s+from\s+(?=the\s+[A-Z]))([A-Z][\w.&'’\- ]{1,60})$")
_MARKER = re.compile(r"^(?:[-*•]\s+|\d+[.)]\s+)")


@stage("awards.section")
def award_items(doc: Doc) -> Iterator[Candidate]:
    subj = subject_arg(doc)
    if subj is None:
        return
    text = text_of(doc)
    for line in lines(doc, {"awards"}):
        s, e = line.start, line.end
        m = _MARKER.match(line.text)
        if m:
            s += m.end()
        date = None
        for d in dates_in(doc, s, e):
            if d.start - s <= 3 or e - d.end <= 3:
                date = d
                if d.start - s <= 3:
                    s = d.end
                else:
                    e = d.start
                break
        body = text[s:e]
        lead = len(body) - len(body.lstrip(" :,.-–—*|()"))
        s += lead
        body = text[s:e].rstrip(" :,.-–—*|(")
        e = s + len(body)
        if len(body.split()) < 1 or len(body) < 3 or len(body.split()) > 25:
            continue
        q: dict[str, str] = {}
        if date is not None and date.value and "/" not in date.value:
            q["date"] = date.value
        om = _TRAILING_ORG.search(body)
        if om and len(om.group(1).split()) <= 7 and om.start() > 3:
            q["org"] = om.group(1).strip()
            e = s + om.start()
            body = text[s:e]
        yield Candidate("award_received", subj, Arg(body, "AWARD", body, s, e), (line.start, line.end), "awards.item", 0.8, q)
