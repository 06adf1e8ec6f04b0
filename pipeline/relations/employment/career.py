"""employed_by from career verbs in prose: "worked at ORG", "held a ... position at ORG", "spent a summer at ORG",
"transferred to ORG", "was promoted from X to Y", "left X in 2020"; joining and founding are in `joins`."""

from __future__ import annotations

import re
from typing import Iterator

from ...coref import Coref
from ..base import Arg, Candidate, all_ents, text_of
from .joins import INSTITUTION_WORD, title_after_as
from ..registry import sentence_rule
from ..toolkit import (
    Name,
    Sent,
    State,
    cand,
    clause_subject,
    date_after,
    is_location,
    is_place,
    leading_date,
    names_list,
    negated,
    org_arg,
    org_with_parent,
    range_quals,
    subj_arg,
)


_WORKED_AS = re.compile(r"\b(?:worked|works|working|served|serves|serving)\s+as\s+(?:a|an|the)\s+")
_POSITION = re.compile(r"\b(?:held|holds|holding|took|accepted)\s+(?:a|an|the)\s+((?:[\w-]+\s+){0,2}?(?:position|[Pp]rofessorship|appointment|post))\s+(?:at|with|in)\s+")
_CAREER_AT = re.compile(
    r"\b(?P<kind>(?:began|begun|started|starts|begins|launched)\s+(?:his|her|their|my|a)\s+(?:\w+\s+)?career\s+(?:at|with|in)"
    r"|career\s+(?:began|started)\s+(?:at|with|in)"
    r"|during\s+(?:his|her|their|my)\s+(?:\w+\s+)?(?:years|time|tenure|stint|decade)\s+(?:at|with)"
    r"|(?:left|departed|quit|departs|leaves|leaving)|(?:retired|resigned)\s+from)\s+(?=(?:the\s+)?[A-Z])",
    re.I,
)
_WORKED_AT = re.compile(
    r"\b(?:has\s+|had\s+|have\s+)?(?:worked|researched|taught|was\s+employed|been\s+employed|held\s+appointments?)\s+(?:as\s+(?:a|an)\s+[\w -]{2,40}?\s+)?(?:at|for|with)\s+(?=(?:the\s+)?[A-Z])"
    # the present: "works at/for X" ("works with X" is as often a collaboration), "is employed by X", "is currently with X"
    r"|\b(?:works|is\s+(?:currently\s+|now\s+)?employed)\s+(?:as\s+(?:a|an)\s+[\w -]{2,40}?\s+)?(?:at|for|by)\s+(?=(?:the\s+)?[A-Z])"
    r"|\b(?:I|we)\s+(?:currently\s+|now\s+)?work\s+(?:at|for)\s+(?=(?:the\s+)?[A-Z])"
    r"|\bis\s+(?:currently|now)\s+with\s+(?=(?:the\s+)?[A-Z])|\b(?:has|have)\s+been\s+with\s+(?=(?:the\s+)?[A-Z][^.;]{1,60}?\s+since\s)"
    r"|\b(?:went\s+on\s+to|moved\s+on\s+to|began|begun|started|continued\s+to)\s+work(?:ing)?\s+(?:at|for)\s+(?=(?:the\s+)?[A-Z])"
    # "served on the faculty of X", "is on leave from X", "is (also) affiliated with X"
    r"|\b(?:is|was|am|are|has\s+been)\s+(?:also\s+)?(?:currently\s+)?affiliated\s+with\s+(?=(?:the\s+)?[A-Z])"
    r"|\b(?:serves|served|serving|is|was|has\s+been)\s+on\s+the\s+faculty\s+(?:of|at)\s+(?=(?:the\s+)?[A-Z])"
    r"|\b(?:is|was|am)\s+(?:currently\s+)?on\s+(?:a\s+)?(?:leave|sabbatical)\s+from\s+(?=(?:the\s+)?[A-Z])"
    r"|\b(?:was|were|been|is|being)\s+(?:hired|recruited)\s+(?:as\s+(?:a|an)\s+[\w -]{2,40}?\s+)?by\s+(?=(?:the\s+)?[A-Z])"
    # "I interned at A and B" (a research intern there); "Prior to X, I was at Y", "Previously, she was at Y"
    r"|\b(?:interned|interning)\s+(?:at|with)\s+(?=(?:the\s+)?[A-Z])"
    # "contributed to X projects at Y", "engaged in X research at Y", "conducted research at Y" (not a degree's research)
    r"|\b(?:contributed\s+to|engaged\s+in|worked\s+on|conducted|carried\s+out)\s+(?:(?!(?:PhD|Ph\.D|doctoral|master|undergraduate|graduate|thesis|dissertation|postdoctoral|summer)\b)[\w-]+\s+){0,4}?(?:research|projects?)\s+at\s+(?=(?:the\s+)?[A-Z])"
    r"|(?:\b(?:[Pp]rior\s+to|[Bb]efore)\s+[^,;.]{2,60},\s*|\b[Pp]reviously,?\s+)(?:I|he|she|they)\s+(?:was|were)\s+at\s+(?=(?:the\s+)?[A-Z])"
)
_SPAN_AFTER = re.compile(r"\s*,?\s*(from|between|since)\s")
# a lower-case word after a name that is no preposition or conjunction: the name modifies a noun
_MODIFIES_NOUN = re.compile(r"\s+(?!(?:for|from|in|on|as|and|or|until|since|during|before|after|where|with|to|at|of|between|when|while|as|then|but)\b)[a-z]")
_POSITIONS = re.compile(r"\b(?:held|holds|has\s+held|occupied)\s+(?:[\w-]+\s+){0,3}(?:positions|roles|posts|jobs)\s+(?:at|with|in)\s+(?=(?:the\s+)?[A-Z])")
_SPENT = re.compile(
    r"\bspent\s+(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|several|many|nearly\s+\w+|over\s+\w+|almost\s+\w+|\d+|the)\s+(?:(?:wonderful|great|happy|productive|fruitful|memorable|amazing|enjoyable|rewarding|formative)\s+)?(?:summer|year|years|months?|semester|winter|spring|fall|decades?)"
    r"|(?:19|20)\d\d\s*[–—-]\s*(?:(?:19|20)?\d\d|present|now))\s+(?:at|with|in)\s+"
)
_POSTDOC = re.compile(
    r"\b(?i:after|following|during|did|does|completed|finished|held|took|was|spent|began|started|pursued|undertook|conducted)\s+(?:(?:a|an|his|her|my|their)\s+)?"
    r"(?:brief\s+|short\s+|[\w-]+-year\s+)?(?P<t>post-?doctoral\s+(?:research|work)|post-?doc|postdoctoral\s+(?:fellowship|position|appointment|stint))"
    r"(?:\s+with\s+(?:Prof\.?\s+|Dr\.?\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})?\s+(?:at|in)\s+(?=(?:the\s+)?[A-Z])"
)
_DEPARTMENT = re.compile(r"(?:the\s+)?(?:Department|Dept\.?|Faculty|School)\b|.*\bDepartment$")
_MOVED_FROM = re.compile(r"\b(?:moved|transferred|came)\s+(?:here\s+|over\s+)?from\s+(?=(?:the\s+)?[A-Z])")
_TRANSFER = re.compile(r"\b(?:transferred|moved)\s+to\s+")
_PROMOTED = re.compile(r"\bwas\s+promoted\s+(?:from\s+(?:an?\s+|the\s+)?(?P<old>[\w -]+?)\s+)?to\s+(?:an?\s+|the\s+)?(?P<new>[\w -]+?)(?=[,.;]|\s+(?:at|in|with|and)\b|$)")



def _only_a_place(sent: Sent, name: str) -> bool:
    """A name the recognizer tags as a place wherever the document names it or opens a longer name with it
    (it calls "Alibaba" a place here and "Alibaba Group's" an organisation there: the organisation wins)."""
    by_text = sent.doc.user_data.get("ent_labels_by_lead")
    if by_text is None:  # built once per document: a long one names thousands of entities
        by_text = sent.doc.user_data["ent_labels_by_lead"] = {}
        for e in all_ents(sent.doc):
            words = re.sub(r"['’]s$", "", e.text).split()
            for k in range(1, min(len(words), 4) + 1):
                by_text.setdefault(" ".join(words[:k]), set()).add(e.label_)
    labels = by_text.get(name, set())
    return bool(labels) and labels <= {"GPE", "LOC"}


@sentence_rule("employed_by", "employment.career", triggers=["career"], order=160)
def other_jobs(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    lead = leading_date(sent)
    for m in _CAREER_AT.finditer(text, sent.start, sent.end):
        # "began her career at X", "his career started at X", "during her years at X", "left X in 2020", "after leaving X", "retired from X"
        r = org_with_parent(sent, m.end())
        ref = clause_subject(sent, m.start(), co)
        if r is None or ref is None or negated(sent, m.start()) or is_location(r[0].text):
            continue
        org = r[1] or r[0]
        if _only_a_place(sent, org.text):
            continue  # "left Paris for Berlin": a place
        q = {}
        kind = m.group("kind").lower()
        d = date_after(sent, org.end) or (lead if not kind.startswith("during") else None)
        if d is not None and d.value and "/" not in d.value:
            q["end" if kind.startswith(("left", "leav", "depart", "quit", "retire", "resign")) else "start"] = d.value
        title = title_after_as(sent, org.end)
        if title:
            q["title"] = title  # "began her career at X as a software engineer"
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
                span = _SPAN_AFTER.match(text, n.end, sent.end)  # "worked at X from 2010 to 2014", "has been with X since 2018"
                d = date_after(sent, n.end, 8) if span is not None else None
                if d is not None and d.value:  # ("since 2018" alone runs to the present)
                    q = range_quals(d.value + "/present" if span.group(1) == "since" and "/" not in d.value else d.value)
                if "intern" in m.group():
                    q["title"] = "research intern"  # the title an internship gets when none is stated
                if re.search(r"hired|recruited", m.group()):
                    d = date_after(sent, n.end)
                    if d is not None and d.value and "/" not in d.value:
                        q["start"] = d.value  # "was hired by X in 2018"
                title = title_after_as(sent, n.end)
                if title:
                    q["title"] = title  # "works at X as a senior engineer"
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
        if r is None or ref is None or negated(sent, m.start()) or is_location(r[0].text) or is_place(sent, r[0]) and r[1] is None:
            continue  # ("a postdoc in Toronto": a city)
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
        placed = any(e.label_ in ("GPE", "LOC") and e.start_char <= org.start < e.end_char for e in sent.ents)
        if is_location(org.text) or placed and m.group().rstrip().endswith(" in"):
            continue  # "spent a decade in Norway": a place, no employer (the model calls many a company a place: "at" trusts the name)
        obj = Name(org.start, parent.end, text[org.start : parent.end]) if parent else org
        site = re.compile(r",\s*([A-Z][a-z]+)(?=[.,;]|$)").match(text, obj.end, sent.end)
        if site and not is_location(site.group(1)):
            obj = Name(obj.start, site.end(1), text[obj.start : site.end(1)])
        q = {}
        years = re.search(r"((?:19|20)\d\d)\s*[–—-]\s*((?:19|20)?\d\d|present|now)", m.group())
        if years:  # "spent 2010–2012 at X"
            end = years.group(2)
            q = {"start": years.group(1), "end": "present" if end in ("present", "now") else (years.group(1)[:2] + end if len(end) == 2 else end)}
        title = title_after_as(sent, obj.end)
        if title:
            q["title"] = title
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
        title = title_after_as(sent, obj.end)
        if title:
            q["title"] = title  # "moved to X as a principal scientist"
        yield cand("employed_by", subj_arg(sent, ref), Arg(obj.text, "ORG", obj.text, obj.start, obj.end), sent, "prose.job_transferred", q)
    for m in _MOVED_FROM.finditer(text, sent.start, sent.end):
        # "moved from the University of X to the University of Y": X employed them before Y
        ref = clause_subject(sent, m.start(), co)
        r = org_with_parent(sent, m.end())
        if ref is None or r is None or negated(sent, m.start()):
            continue
        org = r[1] or r[0]
        if is_location(org.text) or not INSTITUTION_WORD.search(org.text) or any(e.label_ in ("GPE", "LOC") and e.start_char <= org.start < e.end_char for e in sent.ents):
            continue  # "moved from Beijing to Toronto": places
        yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, org), sent, "prose.job_moved_from")
    for m in _PROMOTED.finditer(text, sent.start, sent.end):
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        org = _employer_in_context(sent, ref.person.canonical, st, m.start())
        if org is None:
            continue
        title = m.group("new").strip()
        named = re.search(rf"\s+(?:of|at)\s+(?:the\s+)?{re.escape(org.text)}$", title)
        q = {"title": title[: named.start()] if named else title}  # "promoted to CTO of Quillon": the title is "CTO"
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

