"""employed_by from joining and founding: "joined ORG as TITLE in 2021", "returned to ORG", "joined A in 1988,
and B in 1996 as TITLE", "co-founded ORG with P", "left A to found B"."""

from __future__ import annotations

import re
from typing import Iterator

from ...coref import Coref
from ..base import Arg, Candidate, text_of
from ..lexicon import words
from ..mentions import company_in_context, org_ending_at
from .titles import is_lead
from ..registry import sentence_rule
from ..toolkit import (
    Name,
    Sent,
    State,
    cand,
    clause_subject,
    date_after,
    is_location,
    leading_date,
    name_at,
    negated,
    org_arg,
    org_with_parent,
    alt,
    person_refs,
    subj_arg,
)



_JOIN = re.compile(
    # "joined the faculty / staff of X": the body joined is the organisation's
    r"\b(?:(?:re)?join(?:ed|s|ing)?|return(?:ed|s|ing)\s+to)\s+(?:the\s+(?:faculty|staff|research\s+staff|team)\s+(?:of|at)\s+)?(?=(?:the\s+)?[A-Za-z])", re.I
)
# "as a T", "as its new T", "in 2019 as T": every use also wants a TITLE entity right after it
_AS_TITLE = re.compile(
    r"\s*(?:,\s*)?(?:in\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\s*,?\s*)?as\s+(?:(?:a|an|the|its|their|his|her|our)\s+)?(?:new\s+)?(?=[A-Za-z])"
)


def title_after_as(sent: Sent, pos: int) -> str | None:
    """The job title an "as" right after `pos` introduces ("at X as a senior engineer"), by its TITLE entity."""
    a = _AS_TITLE.match(text_of(sent.doc), pos, sent.end)
    if a is None:
        return None
    return next((e.text for e in sent.ents if e.label_ == "TITLE" and a.end() <= e.start_char <= a.end() + 25), None)


_RANK = re.compile(r"(?:starting|beginning)?\s*(?:at|in|with)\s+the\s+(?:rank|position|role|level|title)\s+of\s+(?:an?\s+)?([\w -]{2,40}?)(?=[,.;]|$)")
_SERVED_AS = re.compile(r"\s*(?:in\s+(?:19|20)\d\d\s*)?(?:,\s*)?and\s+(?:served|worked|works|serves)\s+as\s+(?:an?\s+|the\s+)?")
_TO_STUDY = re.compile(r"[\s,]*(?:in\s+(?:19|20)\d\d\s+)?to\s+(?:pursue|study|do|complete|start|begin|earn|work\s+towards?)\s+(?:[\w.'’-]+\s+){0,3}?(?:degree|Ph\.?\s?D|doctorate|master|bachelor|studies)", re.I)
_FROM_PREV = re.compile(r"\s+from\s+")
_AGO_JOIN = re.compile(r"\b(?:before|after|since|when|upon)\s+(?:joining|she\s+joined|he\s+joined|I\s+joined)\b", re.I)




@sentence_rule("employed_by", "employment.joined", triggers=["join"], order=120)
def joined(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    doc = sent.doc
    text = text_of(doc)
    lead = leading_date(sent)
    for m in _JOIN.finditer(text, sent.start, sent.end):
        r = org_with_parent(sent, m.end())
        if r is None:
            # "joined the company as ...", "will join as chief scientist": the company the story is about
            story = _THE_COMPANY.match(text, m.end(), sent.end) or re.compile(r"(?=as\s)").match(text, m.end(), sent.end)
            arg = company_in_context(doc, m.start()) if story else None
            if arg is None:
                continue
            r = (Name(arg.start or 0, arg.end or 0, arg.text), None)
            m_end = story.end()
            bare_as = story.end() == m.end()  # "joined as T": only a title makes it a job ("joined as a volunteer")
        else:
            m_end, bare_as = None, False
        org, parent = r
        if m.group().lower().startswith("return") and (is_location(org.text) or any(e.label_ in ("GPE", "LOC") and e.start_char <= org.start < e.end_char for e in sent.ents)):
            continue  # "returned to Toronto": a place, not an employer
        if org.text.lower() in {"us", "me", "them", "him", "her"} or co.person_at(org.start, org.end) is not None and re.search(r"['’]s\s", text[org.start : org.end + 3]):
            continue  # "joins Ana Ruiz's team": a reporting line, read by the reports_to rules
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        before = bool(re.search(r"\bbefore\s+$", text[max(sent.start, m.start() - 8) : m.start()], re.I))
        end_at = m_end if m_end is not None else (parent or org).end
        q: dict[str, str] = {}
        rule = "prose.job_before_joining" if before else "prose.job_joined"
        a = _AS_TITLE.match(text, end_at, sent.end)
        if a:
            tits = [e for e in sent.ents if e.label_ == "TITLE" and a.end() <= e.start_char <= a.end() + 25]
            if tits:
                q["title"] = text[a.end() : tits[0].end_char]
                end_at = tits[0].end_char
        sv = _SERVED_AS.match(text, end_at, sent.end)
        if sv and "title" not in q:
            tits = [e for e in sent.ents if e.label_ == "TITLE" and e.start_char == sv.end()]
            if tits:
                q["title"] = tits[0].text
        rk = _RANK.search(text, end_at, sent.end)
        if rk and rk.start() - end_at < 60:
            q["title"] = rk.group(1).strip()
        if not before:
            d = date_after(sent, end_at) or date_after(sent, (parent or org).end) or lead
            if d is not None and d.value and "/" not in d.value:
                q["start"] = d.value
                st.join_dates[ref.person.canonical] = (d.value, sent.start)
        if not q.get("title") and (bare_as or re.search(r"\b(?:student|intern)\b", text[end_at : end_at + 40]) or _TO_STUDY.match(text, end_at, sent.end)):
            continue  # "joined X as a PhD student", "join X to pursue a Ph.D.": education, left to the education rules
        yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, parent or org), sent, rule, q)
        st.employers.setdefault(ref.person.canonical, []).append((org.text, org.start))
        if parent is not None:
            yield cand("part_of", org_arg(sent, org), org_arg(sent, parent), sent, "prose.part_of_unit_at")
        # "joined X in 1988, and Y in 1996 as TITLE": a second organisation joined, with its own date and title
        yield from _joined_next(sent, ref, (parent or org).end, st)
        # "joins X from Y, where ...": Y is the previous employer
        fm = _FROM_PREV.match(text, end_at, sent.end)
        if fm:
            seg_end = min([x for x in (text.find(",", fm.end(), sent.end), text.find(".", fm.end(), sent.end)) if x > 0] or [sent.end])
            names = [e for e in sent.ents if e.label_ == "ORG" and fm.end() <= e.start_char and e.end_char <= seg_end]
            cands_ = [name_at(sent, e.start_char) for e in names]
            if not cands_:
                caps = list(re.finditer(r"\b[A-Z][\w&-]+\b", text[fm.end() : seg_end]))
                cands_ = [name_at(sent, fm.end() + caps[-1].start())] if caps else []
            if cands_ and cands_[-1] is not None:
                yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, cands_[-1]), sent, "prose.job_before_joining")



INSTITUTION_WORD = re.compile(r"\b(?:University|Universit\w+|College|Institute|Laborator(?:y|ies)|Labs?|Inc\.?|Corp\.?|Corporation|Company|Research|Academy)\b")
_THEN_AND = re.compile(r"(?:\s+in\s+(?:19|20)\d\d)?\s*,?\s+and\s+(?:then\s+)?(?=(?:the\s+)?[A-Z])")
_HEAD_OF = re.compile(r"(.+?)\s+of\s+(?:the\s+)?([A-Z].+)")
_DATED_AS = re.compile(r"(?:\s+in\s+(?:19|20)\d\d)?(?:" + _AS_TITLE.pattern + ")")
_YEAR_OR_AS = re.compile(r"\s+(?:in\s+(?:19|20)\d\d|as\s+)")


def _joined_next(sent: Sent, ref, pos: int, st: State) -> Iterator[Candidate]:
    """The organisations joined next in the clause, each dated or titled after its name."""
    text = text_of(sent.doc)
    while True:
        m = _THEN_AND.match(text, pos, sent.end)
        r = org_with_parent(sent, m.end()) if m else None
        if r is None:
            return
        org = r[1] or r[0]
        labels = {e.label_ for e in sent.ents if e.start_char <= org.start < e.end_char}
        if is_location(org.text) or not _YEAR_OR_AS.match(text, r[0].end, sent.end) or labels & {"GPE", "LOC"} or "PERSON" in labels and not INSTITUTION_WORD.search(org.text):
            return
        q: dict[str, str] = {}
        d = date_after(sent, r[0].end)
        if d is not None and d.value and "/" not in d.value:
            q["start"] = d.value
        a = _DATED_AS.match(text, r[0].end, sent.end)
        tits = [e for e in sent.ents if e.label_ == "TITLE" and a is not None and a.end() <= e.start_char <= a.end() + 25]
        if tits:
            q["title"] = text[a.end() : tits[0].end_char]
        yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, org), sent, "prose.job_joined", q)
        head = _HEAD_OF.fullmatch(q.get("title", ""))
        if head and is_lead(head.group(1)):
            # "as Head of Image Processing Research": the unit is led
            us = tits[0].end_char - len(head.group(2))
            yield cand("leads", subj_arg(sent, ref), Arg(head.group(2), "ORG", head.group(2), us, tits[0].end_char), sent, "prose.leads_title", {"role": head.group(1)} | ({"start": q["start"]} if "start" in q else {}))
        st.employers.setdefault(ref.person.canonical, []).append((org.text, org.start))
        pos = tits[0].end_char if tits else r[0].end


_THE_COMPANY = re.compile(r"\s*the\s+(?:company|firm|startup|start-up|organization|organisation)\b")
# "founded X", "co-founded X", "founded and led X"
_FOUNDED = re.compile(r"\b(co-?founded|founded|(?<=to\s)co-?found|(?<=to\s)found)(?:\s+and\s+(?:led|headed|directed|ran|chaired))?\s+(?=(?:the\s+)?[A-Z])", re.I)
_THEN_SERVED = re.compile(r"\band\s+(later\s+|then\s+)?(?:served|serves|has\s+served|worked)\s+as\s+(?:its|their|the\s+company['’]s)\s+")
_UNTIL = re.compile(r"\s+until\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b")
# "X (XI), a new venture co-founded with B and C": the organisation before its description, the founders after it
_DESCRIBED_FOUNDED_WITH = re.compile(
    rf"(?:\s*\([A-Z][\w&.-]{{1,10}}\))?,\s+(?:an?|the|its)\s+(?:[\w-]+\s+){{0,2}}?(?:{alt(words()['company_nouns'] + ['venture', 'nonprofit', 'institute'])})\s+"
    rf"(co-?founded|founded)\s+(?:in\s+(?:19|20)\d\d\s+)?(?:along\s+|together\s+)?with\s+"
)
_NEXT_IN_LIST = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?")
_WITH_BEFORE = re.compile(r"\b(?:along\s+with|together\s+with|with)\s+(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?$")


def _listed_from(refs: list, text: str, pos: int) -> list:
    """The people named one after another from `pos` ("B, C and Dr. D"), in order."""
    out = []
    for r in refs:
        if r.start >= pos and (r.start == pos or _NEXT_IN_LIST.fullmatch(text, pos, r.start)):
            out.append(r)
            pos = r.end
    return out
_SOLD = re.compile(r"[^.;]{0,60}?\b(?:sold\s+to|acquired\s+by|which\s+became\s+part\s+of)\s+")



@sentence_rule("employed_by", "employment.founded", triggers=["found"], order=140)
def founded(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    for m in _FOUNDED.finditer(text, sent.start, sent.end):
        r = org_with_parent(sent, m.end())
        if r is None:
            continue
        org = r[0]
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        q = {"title": "co-founder" if m.group(1).lower().startswith("co") else "founder"}
        d = date_after(sent, org.end)
        if d is None:
            for dd in sent.dates:
                if dd.value and dd.end <= m.start() and re.fullmatch(r"\s*(?:,\s*)?(?:[A-Z][\w.]*\s*){0,4}", text[dd.end : m.start()]):
                    d = dd
        if d is not None and d.value and "/" not in d.value:
            q["start"] = d.value
        # "A and B founded X", "co-founded X (along) with B and C": every founder
        refs = sorted(person_refs(sent, co), key=lambda r: r.start)
        others = [
            o for o in refs if o.person.canonical != ref.person.canonical and (
                o.end <= ref.start and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[o.end : ref.start])
                or ref.end <= o.start and o.end <= m.start() and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[ref.end : o.start])
            )
        ]
        first = next((o for o in refs if o.start >= org.end and _WITH_BEFORE.search(text[org.end : o.start][-40:])), None)
        with_ = _listed_from(refs, text, first.start) if first is not None else []
        others += [o for o in with_ if o.person.canonical != ref.person.canonical and o not in others]
        if "start" not in q and with_ and (d := date_after(sent, with_[-1].end)) is not None and d.value and "/" not in d.value:
            q["start"] = d.value  # "co-founded X with B and C in 2019": the year follows the founders
        yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, org), sent, "prose.job_founded", q)
        st.employers.setdefault(ref.person.canonical, []).append((org.text, org.start))
        # "... and served as its chief scientist until 2019": a second role at the company founded
        sv = _THEN_SERVED.search(text, org.end, sent.end)
        tits = [e for e in sent.ents if e.label_ == "TITLE" and sv is not None and e.start_char == sv.end() and not re.match(r"['’]", text[e.end_char : e.end_char + 1])]
        if tits:  # (from the founding on, unless "later")
            q2 = {"title": tits[0].text} | ({"start": q["start"]} if "start" in q and not sv.group(1) else {})
            until = _UNTIL.match(text, tits[0].end_char, sent.end)
            if until is not None:
                q2["end"] = until.group(1)
            yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, org), sent, "prose.job_founded", q2)
        for other in others:
            yield cand("employed_by", subj_arg(sent, other), org_arg(sent, org), sent, "prose.job_founded", q | {"title": "co-founder"})
        s = _SOLD.match(text, org.end, sent.end)
        if s:
            buyer = name_at(sent, s.end())
            if buyer is not None:
                yield cand("part_of", org_arg(sent, org), org_arg(sent, buyer), sent, "prose.part_of_acquired")
    for m in _DESCRIBED_FOUNDED_WITH.finditer(text, sent.start, sent.end):
        org = org_ending_at(sent, m.start())
        if org is None or negated(sent, m.start()):
            continue
        founders = _listed_from(sorted(person_refs(sent, co), key=lambda r: r.start), text, m.end())
        if not founders:
            continue
        ref = clause_subject(sent, org.start, co)  # "P announced X, a venture co-founded with B and C": P is one of them
        if ref is not None and all(ref.person.canonical != f.person.canonical for f in founders):
            founders.insert(0, ref)
        for who in founders:
            yield cand("employed_by", subj_arg(sent, who), org_arg(sent, org), sent, "prose.job_founded", {"title": "co-founder"})
