"""award_received from a paper-list entry marked with a paper award: "Title. Venue, 2016 (Best Paper Award)".

The owner of the list receives the award; the entry's venue is the award's `org` and its year the award's
`date`, as a page's prose would state it ("Best Paper Award at ICML 2010").
"""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from .authorship import paper_lines
from .base import Arg, Candidate, subject_arg
from .citation import YEAR, is_links_line, venue_of
from .registry import doc_rule

# "(Best Paper)", "(BEST PAPER AWARD)", "(Outstanding Student Paper Award)", "(Best Demo Paper Runner-up)"
_PAPER_AWARD = re.compile(
    r"\(\s*((?:best|outstanding|distinguished)\s+(?:(?:student|short|long|demo|poster|theory|application)\s+)*"
    r"(?:paper|poster|demo|student\s+paper)(?:\s+(?:award|prize|honou?rable\s+mention|runner[- ]up))?)\s*\)",
    re.I,
)


def _venue(entry: str) -> str | None:
    """The venue of a one-line entry: its last sentence that is no link ("PDF", "arXiv"), before the year."""
    pieces = [p for p in re.split(r"(?<=\w\w)\.\s+|(?<=\))\.\s+", entry.strip(" .,;")) if p.strip(" .,;")]
    while pieces and is_links_line(pieces[-1].strip(" .,;")):
        pieces.pop()
    if len(pieces) < 2:
        return None  # no title before it: the entry is not split where its venue starts
    parts = re.split(r",\s+", pieces[-1].strip(" .,;"))
    cand = parts[-2] if len(parts) > 1 and re.fullmatch(r"\(?(?:19|20)\d\d\)?", parts[-1]) else pieces[-1]
    v = venue_of(cand)
    return cand[v.start : v.end].strip(" ,.;") if v is not None else None


@doc_rule("award_received", "awards.paper_mark", order=55)
def paper_award_marks(doc: Doc) -> Iterator[Candidate]:
    subj = subject_arg(doc)
    if subj is None:
        return
    for line in paper_lines(doc):
        for m in _PAPER_AWARD.finditer(line.text):
            entry = line.text[: m.start()]
            q: dict[str, str] = {}
            venue = _venue(entry)
            if venue:
                q["org"] = venue
            years = list(YEAR.finditer(entry))
            if years:
                q["date"] = years[-1].group(1) or f"20{years[-1].group(2)}"
            s, e = line.start + m.start(1), line.start + m.end(1)
            obj = Arg(m.group(1), "AWARD", m.group(1), s, e)
            yield Candidate("award_received", subj, obj, (line.start, line.end), "awards.paper_mark", 0.75, q)
