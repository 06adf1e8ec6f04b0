"""employed_by from career verbs in prose: "joined ORG as TITLE in 2021", "co-founded ORG",
"held a ... position at ORG", "spent a summer at ORG", "transferred to ORG", "was promoted from X to Y"."""

from __future__ import annotations

import re
from typing import Iterator

from ...coref import Coref
from ..base import Arg, Candidate, text_of
from ..mentions import company_in_context
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
    names_list,
    negated,
    org_arg,
    org_with_parent,
    person_refs,
    range_quals,
    subj_arg,
)


_JOIN = re.compile(r"\b(?:(?:re)?join(?:ed|s|ing)?|return(?:ed|s|ing)\s+to)\s+(?=(?:the\s+)?[A-Za-z])", re.I)
# "as a T", "as its new T", "in 2019 as T": every use also wants a TITLE entity right after it
_AS_TITLE = re.compile(
    r"\s*(?:,\s*)?(?:in\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\s*,?\s*)?as\s+(?:(?:a|an|the|its|their|his|her|our)\s+)?(?:new\s+)?(?=[A-Za-z])"
)
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
            story = _THE_COMPANY.match(text, m.end(), sent.end)
            arg = company_in_context(doc, m.start()) if story else None
            if arg is None:
                continue
            # "joined the company as ...": the company the story is about
            r = (Name(arg.start or 0, arg.end or 0, arg.text), None)
            m_end = story.end()
        else:
            m_end = None
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
        if not q.get("title") and (re.search(r"\b(?:student|intern)\b", text[end_at : end_at + 40]) or _TO_STUDY.match(text, end_at, sent.end)):
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
        if is_location(org.text) or not _YEAR_OR_AS.match(text, r[0].end, sent.end) or labels & {"GPE", "LOC"} or "PERSON" in labels and not _INSTITUTION_WORD.search(org.text):
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
        yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, org), sent, "prose.job_founded", q)
        # "A and B founded X", "co-founded X (along) with B": every founder
        for other in person_refs(sent, co):
            if other.person.canonical == ref.person.canonical:
                continue
            before = other.end <= ref.start and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[other.end : ref.start])
            after_ = ref.end <= other.start and other.end <= m.start() and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[ref.end : other.start])
            with_ = other.start >= org.end and re.search(r"\b(?:along\s+with|together\s+with|with)\s+(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?$", text[org.end : other.start][-40:])
            if before or after_ or with_:
                yield cand("employed_by", subj_arg(sent, other), org_arg(sent, org), sent, "prose.job_founded", q | {"title": "co-founder"})
        s = _SOLD.match(text, org.end, sent.end)
        if s:
            buyer = name_at(sent, s.end())
            if buyer is not None:
                yield cand("part_of", org_arg(sent, org), org_arg(sent, buyer), sent, "prose.part_of_acquired")



_WORKED_AS = re.compile(r"\b(?:worked|works|working|served|serves|serving)\s+as\s+(?:a|an|the)\s+")
_POSITION = re.compile(r"\b(?:held|holds|holding|took|accepted)\s+(?:a|an|the)\s+((?:[\w-]+\s+){0,2}?(?:position|[Pp]rofessorship|appointment|post))\s+(?:at|with|in)\s+")
_CAREER_AT = re.compile(
    r"\b(?P<kind>(?:began|begun|started|starts|begins|launched)\s+(?:his|her|their|my|a)\s+(?:\w+\s+)?career\s+(?:at|with|in)"
    r"|career\s+(?:began|started)\s+(?:at|with|in)"
    r"|during\s+(?:his|her|their|my)\s+(?:\w+\s+)?(?:years|time|tenure|stint|decade)\s+(?:at|with)"
    r"|(?:left|departed|quit|departs|leaves)|(?:retired|resigned)\s+from)\s+(?=(?:the\s+)?[A-Z])",
    re.I,
)
_WORKED_AT = re.compile(
    r"\b(?:has\s+|had\s+|have\s+)?(?:worked|researched|taught|was\s+employed|been\s+employed|held\s+appointments?)\s+(?:as\s+(?:a|an)\s+[\w -]{2,40}?\s+)?(?:at|for|with)\s+(?=(?:the\s+)?[A-Z])"
    # the present: "works at/for X" ("works with X" is as often a collaboration), "is employed by X", "is currently with X"
    r"|\b(?:works|is\s+(?:currently\s+|now\s+)?employed)\s+(?:as\s+(?:a|an)\s+[\w -]{2,40}?\s+)?(?:at|for|by)\s+(?=(?:the\s+)?[A-Z])"
    r"|\bis\s+(?:currently|now)\s+with\s+(?=(?:the\s+)?[A-Z])"
    r"|\b(?:went\s+on\s+to|moved\s+on\s+to|began|begun|started|continued\s+to)\s+work(?:ing)?\s+(?:at|for)\s+(?=(?:the\s+)?[A-Z])"
    # "served on the faculty of X", "is on leave from X", "is (also) affiliated with X"
    r"|\b(?:is|was|am|are|has\s+been)\s+(?:also\s+)?(?:currently\s+)?affiliated\s+with\s+(?=(?:the\s+)?[A-Z])"
    r"|\b(?:serves|served|serving|is|was|has\s+been)\s+on\s+the\s+faculty\s+(?:of|at)\s+(?=(?:the\s+)?[A-Z])"
    r"|\b(?:is|was|am)\s+(?:currently\s+)?on\s+(?:a\s+)?(?:leave|sabbatical)\s+from\s+(?=(?:the\s+)?[A-Z])"
    r"|\b(?:was|were|been|is|being)\s+(?:hired|recruited)\s+(?:as\s+(?:a|an)\s+[\w -]{2,40}?\s+)?by\s+(?=(?:the\s+)?[A-Z])"
    # "I interned at A and B" (a research intern there); "Prior to X, I was at Y", "Previously, she was at Y"
    r"|\b(?:interned|interning)\s+(?:at|with)\s+(?=(?:the\s+)?[A-Z])"
    r"|(?:\b(?:[Pp]rior\s+to|[Bb]efore)\s+[^,;.]{2,60},\s*|\b[Pp]reviously,?\s+)(?:I|he|she|they)\s+(?:was|were)\s+at\s+(?=(?:the\s+)?[A-Z])"
)
# a lower-case word after a name that is no preposition or conjunction: the name modifies a noun
_MODIFIES_NOUN = re.compile(r"\s+(?!(?:for|from|in|on|as|and|or|until|since|during|before|after|where|with|to|at|of|between|when|while|as|then|but)\b)[a-z]")
_POSITIONS = re.compile(r"\b(?:held|holds|has\s+held|occupied)\s+(?:[\w-]+\s+){0,3}(?:positions|roles|posts|jobs)\s+(?:at|with|in)\s+(?=(?:the\s+)?[A-Z])")
_SPENT = re.compile(
    r"\bspent\s+(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|several|many|nearly\s+\w+|over\s+\w+|almost\s+\w+|\d+|the)\s+(?:(?:wonderful|great|happy|productive|fruitful|memorable|amazing|enjoyable|rewarding|formative)\s+)?(?:summer|year|years|months?|semester|winter|spring|fall)"
    r"|(?:19|20)\d\d\s*[–—-]\s*(?:(?:19|20)?\d\d|present|now))\s+(?:at|with|in)\s+"
)
_POSTDOC = re.compile(
    r"\b(?i:after|following|during|did|does|completed|finished|held|took|was|spent|began|started|pursued|undertook|conducted)\s+(?:(?:a|an|his|her|my|their)\s+)?"
    r"(?:brief\s+|short\s+|[\w-]+-year\s+)?(?P<t>post-?doctoral\s+(?:research|work)|post-?doc|postdoctoral\s+(?:fellowship|position|appointment|stint))"
    r"(?:\s+with\s+(?:Prof\.?\s+|Dr\.?\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})?\s+(?:at|in)\s+(?=(?:the\s+)?[A-Z])"
)
_DEPARTMENT = re.compile(r"(?:the\s+)?(?:Department|Dept\.?|Faculty|School)\b|.*\bDepartment$")
_MOVED_FROM = re.compile(r"\b(?:moved|transferred|came)\s+(?:here\s+|over\s+)?from\s+(?=(?:the\s+)?[A-Z])")
_INSTITUTION_WORD = re.compile(r"\b(?:University|Universit\w+|College|Institute|Laborator(?:y|ies)|Labs?|Inc\.?|Corp\.?|Corporation|Company|Research|Academy)\b")
_TRANSFER = re.compile(r"\b(?:transferred|moved)\s+to\s+")
_PROMOTED = re.compile(r"\bwas\s+promoted\s+(?:from\s+(?:an?\s+|the\s+)?(?P<old>[\w -]+?)\s+)?to\s+(?:an?\s+|the\s+)?(?P<new>[\w -]+?)(?=[,.;]|\s+(?:at|in|with|and)\b|$)")



@sentence_rule("employed_by", "employment.career", triggers=["career"], order=160)
def other_jobs(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    lead = leading_date(sent)
    for m in _CAREER_AT.finditer(text, sent.start, sent.end):
        # "began her career at X", "his career started at X", "during her years at X", "left X in 2020", "retired from X"
        r = org_with_parent(sent, m.end())
        ref = clause_subject(sent, m.start(), co)
        if r is None or ref is None or negated(sent, m.start()) or is_location(r[0].text):
            continue
        org = r[1] or r[0]
        q = {}
        kind = m.group("kind").lower()
        d = date_after(sent, org.end) or (lead if not kind.startswith("during") else None)
        if d is not None and d.value and "/" not in d.value:
            q["end" if kind.startswith(("left", "depart", "quit", "retire", "resign")) else "start"] = d.value
        a = _AS_TITLE.match(text, org.end, sent.end)
        tit = [e for e in sent.ents if e.label_ == "TITLE" and a is not None and a.end() <= e.start_char <= a.end() + 25]
        if tit:
            q["title"] = tit[0].text  # "began her career at X as a software engineer"
        if kind.startswith("during"):
            tits = [e for e in sent.ents if e.label_ == "TITLE" and e.start_char > org.end and not _non_job_title(e.text)]
            for t in tits[:3]:
                yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, org), sent, "prose.job_career", q | {"title": t.text})
            if tits:
                continue
        yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, org), sent, "prose.job_career", q)
        st.employers.setdefault(ref.person.canonical, []).append((org.text, org.start))
    for m in _WORKED_AT.finditer(text, sent.start, sent.end):
        # "researched at A, at B, Berlin, and at C", "worked for A and B"
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        if "affiliated" in m.group() and text[ref.end : m.start()].strip():
            continue  # "P ..., and his lab is affiliated with X", "X, which is affiliated with Y": not P's
        was_at = m.group().rstrip().endswith(" at") and re.search(r"\b(?:was|were)\s+at$", m.group().rstrip())
        for n in names_list(sent, m.end(), several="intern" in m.group()):
            place = any(e.label_ in ("GPE", "LOC", "VENUE", "EVENT") and e.start_char <= n.start < e.end_char for e in sent.ents)
            if was_at and _MODIFIES_NOUN.match(text, n.end, sent.end):
                continue  # "she was at the Helix Labs cafeteria": the name only qualifies a place
            if not is_location(n.text) and not place and co.person_at(n.start, n.end) is None:
                q = range_quals(lead.value) if lead is not None else {}
                if "intern" in m.group():
                    q["title"] = "research intern"  # the title an internship gets when none is stated
                if re.search(r"hired|recruited", m.group()):
                    d = date_after(sent, n.end)
                    if d is not None and d.value and "/" not in d.value:
                        q["start"] = d.value  # "was hired by X in 2018"
                a = _AS_TITLE.match(text, n.end, sent.end)
                tit = [e for e in sent.ents if e.label_ == "TITLE" and a is not None and a.end() <= e.start_char <= a.end() + 25]
                if tit:
                    q["title"] = tit[0].text  # "works at X as a senior engineer"
                yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, n), sent, "prose.job_worked_at", q)
                st.employers.setdefault(ref.person.canonical, []).append((n.text, n.start))
    for m in _POSITIONS.finditer(text, sent.start, sent.end):
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        for n in names_list(sent, m.end(), several=True):
            if not is_location(n.text):
                yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, n), sent, "prose.job_positions")
    for m in _POSTDOC.finditer(text, sent.start, sent.end):
        # "after a brief postdoc with P at X, Q joined Y": a postdoc is a job at X
        r = org_with_parent(sent, m.end())
        ref = clause_subject(sent, m.start(), co)
        if r is None or ref is None or negated(sent, m.start()) or is_location(r[0].text):
            continue
        # a department is its university's; an institute of one is the employer named ("the Institute of X, Y University")
        host = r[1] if r[1] is not None and _DEPARTMENT.match(r[0].text) else r[0] if r[1] is not None else r[0]
        yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, host), sent, "prose.job_postdoc", {"title": "postdoc"})
    for m in _POSITION.finditer(text, sent.start, sent.end):
        r = org_with_parent(sent, m.end())
        ref = clause_subject(sent, m.start(), co)
        if r is None or ref is None or negated(sent, m.start()):
            continue
        org, parent = r
        q = {"title": m.group(1)}
        if lead is not None:
            q.update(range_quals(lead.value))
        yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, org), sent, "prose.job_position", q)
        if parent is not None:
            yield cand("part_of", org_arg(sent, org), org_arg(sent, parent), sent, "prose.part_of_unit_at")
    for m in _SPENT.finditer(text, sent.start, sent.end):
        if re.search(r"\b(?:student|studying|studied|visiting)\b", text[sent.start : sent.end]):
            continue
        r = org_with_parent(sent, m.end())
        ref = clause_subject(sent, m.start(), co)
        if r is None or ref is None or negated(sent, m.start()):
            continue
        org, parent = r
        obj = Name(org.start, parent.end, text[org.start : parent.end]) if parent else org
        site = re.compile(r",\s*([A-Z][a-z]+)(?=[.,;]|$)").match(text, obj.end, sent.end)
        if site and not is_location(site.group(1)):
            obj = Name(obj.start, site.end(1), text[obj.start : site.end(1)])
        q = {}
        years = re.search(r"((?:19|20)\d\d)\s*[–—-]\s*((?:19|20)?\d\d|present|now)", m.group())
        if years:  # "spent 2010–2012 at X"
            end = years.group(2)
            q = {"start": years.group(1), "end": "present" if end in ("present", "now") else (years.group(1)[:2] + end if len(end) == 2 else end)}
        a = _AS_TITLE.match(text, obj.end, sent.end)
        tit = [e for e in sent.ents if e.label_ == "TITLE" and a is not None and a.end() <= e.start_char <= a.end() + 25]
        if tit:
            q["title"] = tit[0].text
        yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, obj), sent, "prose.job_spent", q)
    for m in _TRANSFER.finditer(text, sent.start, sent.end):
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        obj: Name | None = None
        if re.match(r"it\b|them\b", text[m.end() : m.end() + 4]):
            recent = [u for u in st.last_units if sent.start - u[2] < 300]
            if recent:
                obj = Name(recent[-1][1], recent[-1][2], recent[-1][0])
        else:
            r = org_with_parent(sent, m.end())
            obj = r[0] if r else None
        if obj is None or re.match(r"\s+(?:area|region|city|state|country)\b", text[obj.end : obj.end + 10]) or any(e.label_ in ("GPE", "LOC") and e.start_char <= obj.start < e.end_char for e in sent.ents):
            continue  # "moved to the Bay Area": a place, not an employer
        q = {}
        d = lead or (st.last_year[0] if st.last_year and sent.start - st.last_year[1] < 300 else None)
        if d is not None:
            q.update(range_quals(d if isinstance(d, str) else d.value))
        a = _AS_TITLE.match(text, obj.end, sent.end)
        tit = [e for e in sent.ents if e.label_ == "TITLE" and a is not None and a.end() <= e.start_char <= a.end() + 25]
        if tit:
            q["title"] = tit[0].text  # "moved to X as a principal scientist"
        yield cand("employed_by", subj_arg(sent, ref), Arg(obj.text, "ORG", obj.text, obj.start, obj.end), sent, "prose.job_transferred", q)
    for m in _MOVED_FROM.finditer(text, sent.start, sent.end):
        # "moved from the University of X to the University of Y": X employed them before Y
        ref = clause_subject(sent, m.start(), co)
        r = org_with_parent(sent, m.end())
        if ref is None or r is None or negated(sent, m.start()):
            continue
        org = r[1] or r[0]
        if is_location(org.text) or not _INSTITUTION_WORD.search(org.text) or any(e.label_ in ("GPE", "LOC") and e.start_char <= org.start < e.end_char for e in sent.ents):
            continue  # "moved from Beijing to Toronto": places
        yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, org), sent, "prose.job_moved_from")
    for m in _PROMOTED.finditer(text, sent.start, sent.end):
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        org = _employer_in_context(sent, ref.person.canonical, st, m.start())
        if org is None:
            continue
        q = {"title": m.group("new").strip()}
        if lead is not None and lead.value and "/" not in lead.value:
            q["start"] = lead.value
        yield cand("employed_by", subj_arg(sent, ref), org, sent, "prose.job_promoted", q)


def _non_job_title(t: str) -> bool:
    return t.lower() in {"member", "chair", "chairman", "advisor", "adviser", "board member"}


def _employer_in_context(sent: Sent, person: str, st: State, pos: int) -> Arg | None:
    """The organisation a promotion happens at: the last one named shortly before that the person works for."""
    text = text_of(sent.doc)
    known = st.employers.get(person, [])
    if not known:
        return None
    firsts = sorted({k[0].split()[0] for k in known}, key=len, reverse=True)
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in firsts) + r")(?![\w-])")
    last = None
    for m in rx.finditer(text, max(0, pos - 600), pos):
        last = m
    if last is not None:
        n = _NAME.match(text, last.start())
        t = n.group().rstrip(" .,") if n else last.group()
        t = re.sub(r"['’]s$", "", t)
        return Arg(t, "ORG", t, last.start(), last.start() + len(t))
    org, p = known[-1]
    return Arg(org, "ORG", org, p, p + len(org))


_NAME = re.compile(r"[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*")

