"""employed_by from dated list items of Experience sections (internships included)."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from ..base import Candidate, Line, subject_arg, text_arg
from ..items import is_intern, main_org, parse_item, part_of_facts
from ..nesting import labelled_period
from ..lexicon import words
from ..registry import item_rule
from ..toolkit import range_quals
from ...sections import section_index


_GUIDED_BY = re.compile(r"[,;]\s*(?:mentored|advised|supervised|hosted|co-advised|co-supervised|managed)\s+by\b.*$", re.I)


@item_rule("employed_by", "employment.items", sections=["experience"], order=30)
def employment_items(doc: Doc, line: Line) -> Iterator[Candidate]:
    subj = subject_arg(doc)
    if subj is None:
        return
    item = parse_item(doc, line)
    if item.first("degree") is not None:
        return
    org, units = main_org(item)
    if org is None:
        return
    titles = [s for s in item.segments if s.kind == "title" or (s.kind == "name" and s is not org and s not in units and is_intern(s.text))]
    intern = is_intern(line.text) or _under_internships(doc, line)
    if not titles and not intern and not (_activity_at(line.text) and (item.start or item.end)):
        return  # without a role the item is a project or a topic, not a job ("Research at X (2014 - 2016)" is work done there)
    # (who supervised the job is no verb of the line: "Quillon Labs, mentored by Dr. Jon Park")
    guided = _GUIDED_BY.search(line.text)
    end = line.start + guided.start() if guided else line.end
    if len(line.text.split()) > 30 or any(t.tag_.startswith(("VB", "MD")) for t in doc.char_span(line.start, end, alignment_mode="expand") or [] if not t.ent_type_):
        return  # a sentence: the prose stages read it
    q: dict[str, str] = {}
    if titles:
        q["title"] = titles[0].text
    elif intern:
        q["title"] = "research intern"  # the annotation convention for an internship without a stated title
    if item.start:
        q["start"] = item.start
    if item.end:
        q["end"] = item.end
    if not item.start and not item.end:
        q.update(range_quals(labelled_period(doc, line)))  # "Time: 2023.07 -- 2024.08" on a line below
    ev = item.evidence
    conf = 0.85 if titles else 0.6
    lab = _LAB_OF_HOST.fullmatch(org.text)
    if lab is not None:
        # "EDA Laboratory of X University": the named lab is where the person worked, the university holds it
        employer = text_arg(doc, org.start, org.start + lab.end(1), "ORG")
        yield Candidate("employed_by", subj, employer, ev, "employment.item", conf, q)
        yield Candidate("part_of", employer, text_arg(doc, org.start + lab.start(2), org.end, "ORG"), ev, "employment.item_unit", 0.7)
        return
    yield Candidate("employed_by", subj, text_arg(doc, org.start, org.end, "ORG"), ev, "employment.item", conf, q)
    yield from part_of_facts(doc, [u for u in units if not _is_activity(u.text)], org, ev, "employment.item_unit")


_LAB_OF_HOST = re.compile(r"((?:[A-Z][\w&-]*\s+){1,5}(?:Laboratory|Lab|Labs|Center|Centre|Group))\s+of\s+((?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,4}(?:University|Academy)\b.*)")


def _activity_at(text: str) -> bool:
    """An item that opens with what was done and where ("Research at X", "Visiting at Y")."""
    m = re.match(r"^(?:[-*•]\s+)?(\w+)\s+at\s+[A-Z]", text)
    return m is not None and _is_activity(m.group(1))


def _is_activity(word: str) -> bool:
    """What was done somewhere ("Research"), not a unit of the employer."""
    return word.strip().lower() in words()["work_activities"]


def _under_internships(doc: Doc, line: Line) -> bool:
    """An item under an "Internships" heading is an internship, whatever its own words say."""
    section = section_index(doc._.clean).at(line.start)
    return section is not None and is_intern(section.heading)
