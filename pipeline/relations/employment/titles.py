"""employed_by (and leads/part_of for heads of units) from job titles in prose: "is a TITLE at ORG",
"P, TITLE of ORG", "Head of the X Group, Y Inc.", "a technical manager then a team manager at ORG"."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Iterator

from ...config import PATTERNS_DIR
from ...coref import Coref
from ..base import Candidate, text_of
from ..registry import sentence_rule
from ..toolkit import (
    Name,
    Sent,
    State,
    cand,
    clause_subject,
    date_after,
    is_location,
    is_unit,
    leading_date,
    name_at,
    negated,
    org_arg,
    org_with_parent,
    person_refs,
    present_end,
    range_quals,
    subj_arg,
    words,
)


@lru_cache(maxsize=1)
def _modifiers() -> set[str]:
    with open(PATTERNS_DIR / "titles.jsonl", encoding="utf-8") as f:
        rows = [json.loads(x) for x in f if x.strip()]
    return {r["phrase"] for r in rows if r["kind"] == "modifier"} | {"founding", "former", "first"}


_LINK = re.compile(
    r"(?:(?<=\w)['’](?:m|re)\b|\b(?:is|was|are|were|am|been|be|became|become|becomes|becoming|remains|remained|serves|served|serving|as|named|appointed|elected|hired|promoted\s+to|works\s+as|worked\s+as|working\s+as)\b)"
    r"(?:\s+(?:also|currently|now|still|formerly|previously|later|then|recently|officially|the|a|an|his|her|their|its|one\s+of\s+the))*\s*$",
    re.I,
)
_LEAVES_AS = re.compile(r"\b(?:depart(?:s|ed)?|step(?:s|ped)?\s+down|stepping\s+down|resign(?:s|ed)?|retire[sd]?)\s+as\s+(?:(?:the|its|their)\s+)?$")
# "P is a Swedish computer scientist and the Brenner Professor of X at Y": a second predicate noun phrase
_SECOND_PREDICATE = re.compile(r"\b(?:is|was|are|were|became|remains)\s+(?:an?|the)\s+[^,;.]{0,60}?\s+and\s+(?:the|an?)\s+$")
_LIST_CONT = re.compile(r"^\s*(?:\([A-Z][\w&.-]{1,10}\)\s*)?(?:,|;|and|&|,\s*and|;\s*and|as\s+well\s+as)\s*(?:(?:also|later|then|eventually|the|a|an)\s+)*$")
_CHAIN_GAP = re.compile(r"^\s*(?:,|and|&|,\s*and|/)\s*(?:the\s+|a\s+|an\s+)?$")
_AND_FIELD = re.compile(r"(?:,\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})*,?\s+and\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}(?=\s+(?:at|in|with)\s)")
_CHAIN_NAMED = re.compile(r"^\s*(?:and|&)\s+(?:an?\s+)?(?:[A-Z][\w-]*\s+){1,3}$")  # "Senior Lecturer and ARC DECRA Fellow"
_THEN_GAP = re.compile(r"^\s*(?:,\s*)?(?:and\s+)?then\s+(?:a|an|the)?\s*$")
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Spring|Summer|Fall|Autumn|Winter)"
# "Professor of Physics in the Department of X": the words after "of" are the title's field, unless a date follows
_TITLE_EXT = re.compile(r"\s+(?:for|of|in)\s+[A-Za-z&][\w&/-]*(?:\s+[a-z][\w&-]*){0,3}?(?=\s+(?:at|with|in|of|for)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}(?!" + _MONTHS + r"\b)[A-Z])")
_ABBR = re.compile(r"\s*\(([A-Z]{2,6})\)")
_ORG_PREP = re.compile(r"\s*(?:,\s*)?(?:at|with|in|of|for)\s+(?:the\s+)?(?:(?:[a-z][\w-]*\s+){0,3}?(?=[A-Z]))?")
_COMMA = re.compile(r"\s*,\s*(?:the\s+)?(?=[A-Z])")
_OF_SPLIT = re.compile(r"^(.*?)\s+(?:of|at)\s+(?:the\s+)?([A-Z].*)$")
_UNIT_OF_UNIT = re.compile(r"((?:[A-Z][\w&-]*\s+)+(?:Department|Faculty)|(?:Department|Faculty)\s+of\s+[A-Z][\w&-]*(?:\s+(?:and\s+)?[A-Z][\w&-]*)*?)\s+of\s+the\s+(?:[A-Z][\w&-]*\s+(?:(?:of|and|&)\s+)?)*(?:School|College|Faculty|Division)\b")
_DEPT = re.compile(r"(?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,3}(?:Department|Dept\.?|Faculty|School|College)\s+of\b|(?:the\s+)?(?:[A-Z][\w&-]*\s+)+(?:Department|Faculty)$")
# units joined by "and" ("the X Department and Y Institute at Z University"): Z employs
_UNITS = re.compile(r"(?:the\s+)?(?:[A-Z][\w&-]*\s+(?:and\s+|&\s+)?)+(?:Department|Institute|School|Center|Centre|Lab|Laboratory)(?:\s+(?:and|&)\s+(?:the\s+)?(?:[A-Z][\w&-]*\s+(?:and\s+|&\s+)?)+(?:Department|Institute|School|Center|Centre|Lab|Laboratory))+")
_AND_BECAME = re.compile(
    r"(?:\band\s+(?:later\s+|then\s+|eventually\s+)?(?:became|was\s+promoted\s+to)|,?\s*(?:later\s+|then\s+|eventually\s+)?becoming|\band\s+(?:later|then|eventually))"
    r"\s+(?:an?\s+|the\s+|its\s+)?$"
)
_WHERE_SERVED = re.compile(r"([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,5})\]*\s*,\s*where\s+(?:he|she|they|I|we)\s+(?:(?:has\s+|had\s+|now\s+)?(?:served|serves|worked|works)\s+as|(?:was|is|is\s+now|was\s+then))\s+(?:an?\s+|the\s+|its\s+)?$")
_MAKER = re.compile(r"\b(?:developer|maintainer|contributor|creator|architect|designer|author)s?$", re.I)
_EMERITUS = re.compile(r"\s+(?:Emeritus|Emerita|emeritus|emerita)\b")
EXEC_TITLE = re.compile(r"\b(?:managing|executive|general|regional|country|non-executive)\s+director\b|\bdirector\s+general\b", re.I)  # runs a company: employed_by only
LED_UNIT = re.compile(r"\b(?:Labs?|Laborator(?:y|ies)|Cent(?:er|re)|Institute|Group|Team|Department|Division|Unit|Program|Programme|Project|Initiative|School)\b")
_TEAM_LEAD = re.compile(r"\b(?:research|team|project|tech|technical)\s+lead(?:er)?\b", re.I)  # leads a team, not the employer
_LATER_AT = re.compile(r"\s+at\s+(?:the\s+)?(?=[A-Z])")
_AFFILIATED = re.compile(r"\s*,?\s+(?:and\s+)?(?:also\s+)?(?:affiliated\s+with|(?:jointly\s+)?appointed\s+(?:by|in|with))\s+(?=(?:the\s+)?[A-Z])")
# "Computer Science and Halvorsen Data Science Institute": two units, when the second is a name of three words or
# more ("Computer Science and Engineering Department" is one)
_TWO_UNITS = re.compile(r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)+)\s+and\s+((?:[A-Z][^\W\d_]*\s+){2,}(?:Institute|Department|School|Center|Centre|Lab|Laboratory|College|Faculty))$")
_AT_HOST = re.compile(r"\s+at\s+(?:the\s+)?(?=[A-Z])")
# "a statistician focused on child mortality at X": what the job is about stands between the title and the employer
_TOPIC_BEFORE_AT = re.compile(r"\s+(?:focused|focusing|working|specializing|specialising)\s+(?:on|in)\s+(?:[a-z][\w-]*\s+){1,6}?(?=at\s+(?:the\s+)?[A-Z])")
_AND_OF = re.compile(r"\s*,?\s+and\s+of\s+(?=(?:the\s+)?[A-Z])")
_APPOS_LEFT = re.compile(r"^\s*,\s*(?:(?:the|a|an|its|their)\s+)?$")


def _is_field(t: str) -> bool:
    """"Professor of Computer Science": the words after "of" name a field, not an employer."""
    if re.search(r"\b(?:University|Institute|School|College|Department|Inc|Ltd|Lab|Laboratory|Group|Team|Society|Academy|Foundation|Centre|Center|Unit|Division|Program|Programme)\b", t):
        return False
    return any(re.search(rf"\b{re.escape(w)}\b", t) for w in words()["field_words"])


def _a_function(t: str) -> bool:
    """A field that a name after "of" opens with ("AI and Robot Vision"): a function a title heads, no organisation."""
    return t.split()[0] in words()["field_words"] and _is_field(t)


@lru_cache(maxsize=1)
def _lead_title() -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in sorted(words()["lead_titles"], key=len, reverse=True) if w != "coordinator")
    return re.compile(rf"(?<![\w-])(?:{alts})\b")


_OF_FUNCTION = re.compile(r"\s(?:of|for)\s+(?P<what>[a-z][\w&-]*(?:\s+[a-z][\w&-]*)*|[A-Z][A-Z&]{1,4}|[A-Z][a-z]+|(?:[A-Z][\w&-]*\s+){1,3}[A-Z][\w&-]*)$")


_UNTIL = re.compile(r"\s*,?\s+(?:until|till|through)\s+")


def _heads_a_function(t: str) -> bool:
    """A title over a field or a function ("head of research", "VP of AI", "Director of Engineering",
    "Director of AI Research": a name that ends in a field's word)."""
    m = _OF_FUNCTION.search(t)
    return m is not None and (m.group("what")[:1].islower() or m.group("what").isupper() or m.group("what").split()[-1] in words()["field_words"])


def is_lead(t: str) -> bool:
    """Whether a title heads what it names ("Director", "Head"): the lead titles of the lexicon, any case."""
    return _lead_title().search(t.lower()) is not None


def non_job(chain_text: str) -> bool:
    """Board seats, chairmanships, editorships, fellowships: not annotated as employment."""
    parts = [p.strip().lower() for p in re.split(r",|\band\b|&|/", chain_text) if p.strip()]
    non = set(words()["non_job_titles"])
    jobs = set(words()["jobs_despite_their_head"])
    if any(p in jobs for p in parts):
        return False
    return all(p in non or any(p.endswith(" " + n) or p == n for n in non) or "board" in p for p in parts)


def _left_extend(text: str, start: int, floor: int) -> int:
    """Include modifiers written before the title ("the founding Cambridge Director")."""
    left = text[floor:start]
    mods = _modifiers()
    for k in (2, 1):  # the longer run of modifiers first; "is the Brenner Professor" has one
        m = re.search(rf"(?:\b(?:the|a|an|as|and|is|was)\s+)((?:[\w-]+\s+){{{k}}})$", left)
        if m and all(w.lower() in mods or (w[:1].isupper() and w.lower() not in {"he", "she", "i"}) for w in m.group(1).split()):
            return floor + m.start(1)
    return start


@sentence_rule("employed_by", "employment.titles", triggers=["title_link"], order=130, entities=["TITLE"])
def titles_jobs(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    doc = sent.doc
    text = text_of(doc)
    tits = [e for e in sent.ents if e.label_ == "TITLE"]
    lead = leading_date(sent)
    i = 0
    prev_end = None  # end of the previous title fact in this sentence
    prev_ref = None
    while i < len(tits):
        t = tits[i]
        chain = [t]
        seps = []
        cut = 0  # the member the title starts at: after "a computer scientist and the", a new noun phrase
        while i + 1 < len(tits):
            gap = text[chain[-1].end_char : tits[i + 1].start_char]
            if _CHAIN_GAP.match(gap) or _CHAIN_NAMED.match(gap):
                seps.append("and")
                if re.search(r"\b(?:the|a|an)\s*$", gap):
                    cut = len(chain)
            elif _THEN_GAP.match(gap):
                seps.append("then")
            else:
                break
            chain.append(tits[i + 1])
            i += 1
        i += 1
        c_start = _left_extend(text, chain[0].start_char, max(sent.start, chain[0].start_char - 40))
        t_start = c_start if cut == 0 else _left_extend(text, chain[cut].start_char, max(sent.start, chain[cut].start_char - 40))
        c_end = chain[-1].end_char
        em = _EMERITUS.match(text, c_end, sent.end)
        if em:
            c_end = em.end()  # "Professor Emeritus of Physics at X"
        title = text[t_start:c_end]
        org: Name | None = None
        parent: Name | None = None
        unit: Name | None = None
        after = c_end
        field_end: int | None = None
        own_title: str | None = None
        of_org = False  # the employer follows "of": "the Director of X" (and "of Y" may follow)
        # "Chairman of Coursera" (the org inside the title entity) unless an org follows ("Professor of X at Y")
        split = _OF_SPLIT.match(chain[-1].text)
        follows = _ORG_PREP.match(text, c_end, sent.end)
        follows_org = follows is not None and follows.group().strip(" ,").split()[0] in ("at", "with", "in") and name_at(sent, follows.end()) is not None
        ext = _TITLE_EXT.match(text, c_end, sent.end)
        and_field = _AND_FIELD.match(text, c_end, sent.end) if split else None
        if split and not follows_org and not ext and not and_field:
            head, rest = split.group(1), split.group(2)
            rest_start = chain[-1].start_char + chain[-1].text.rfind(rest)
            r = org_with_parent(sent, rest_start)
            if r is not None and parent is None and (_is_field(r[0].text) and r[0].end <= chain[-1].end_char or _a_function(r[0].text)):
                # a field the title holds, or one a name opens ("Senior Director of AI and Robot Vision");
                # a name running past the title from a name of its own ("Director of Quillon AI Research") is an organisation
                r = None
            if r is not None and r[1] is not None and is_unit(r[0].text):
                # "Head of the X Group, Y Inc.": the unit is led, the company employs
                unit, org, parent = r[0], r[1], None
                after = org.end
            elif r is not None:
                org, parent = r
                title = text[t_start : chain[-1].start_char + len(head)]
                own_title = title  # "full professor of X University": the title stops before the employer
                cm = _COMMA.match(text, (parent or org).end, sent.end)
                if parent is None and cm:
                    r2 = org_with_parent(sent, cm.end())
                    if r2 is not None and re.search(r"\b(?:Inc|Ltd|Corp|Company|University|plc|LLC)\b|^[A-Z][\w]+$", r2[0].text) and r2[0].text not in words()["location_words"]:
                        # "Head of Applied Vision Group, Northwind Inc.": the unit is led, the company employs
                        unit, org = org, r2[0]
                        title = text[t_start:c_end]
                after = (parent or org).end if unit is None else org.end
        if org is None:
            p = c_end
            if ext:
                p = ext.end()
                title = text[t_start:p]
            af = _AND_FIELD.match(text, p, sent.end) if " of " in chain[-1].text else None
            if af:
                p = af.end()  # "professor of Electrical Engineering and Computer Science at MIT"
                title = text[t_start:p]
            ab = _ABBR.match(text, p, sent.end)
            if ab:
                p = ab.end()
                title = text[t_start:p]
            topic = _TOPIC_BEFORE_AT.match(text, p, sent.end)
            m = _ORG_PREP.match(text, topic.end() if topic else p, sent.end)
            if m:
                r = org_with_parent(sent, m.end())
                if r is not None and r[1] is None and m.group().split()[-1:] == ["of"] and _a_function(r[0].text):
                    r = None  # "Senior Director of AI and Robot Vision": a function the title heads, no organisation
                if r is not None and r[1] is None and m.group().split()[-1:] == ["in"] and _is_field(r[0].text):
                    # "Professor of Applied Ethics in Technology and Director of X at Y": a field after "in";
                    # the employer is the one the clause names later with "at"
                    field_end = r[0].end
                    at = _LATER_AT.search(text, field_end, sent.end)
                    r = org_with_parent(sent, at.end()) if at else None
                    if r is not None:
                        org, parent = r
                        after = field_end  # the next title of the chain follows the field
                elif r is not None:
                    org, parent = r
                    after = (parent or org).end
                    of_org = re.match(r"\s*(?:,\s*)?of\b", m.group()) is not None
                    glued = re.search(r"\s+at\s+", org.text) if parent is None else None
                    if glued and not (_DEPT.match(org.text[: glued.start()]) or _UNITS.fullmatch(org.text[: glued.start()])):
                        glued = None
                    if glued:  # "the School of X at Y University" read as one name
                        org = Name(org.start, org.start + glued.start(), org.text[: glued.start()])
                    named_end, chained = org.end, _UNIT_OF_UNIT.match(org.text) if parent is None else None
                    if chained:  # "the Physics Department of the Hale School of Science at Y": the department, then its host
                        org = Name(org.start, org.start + chained.end(1), chained.group(1))
                    host_m = _AT_HOST.match(text, named_end, sent.end) if parent is None and (_DEPT.match(org.text) or _UNITS.fullmatch(org.text)) else None
                    host = name_at(sent, host_m.end()) if host_m else None
                    if host is not None and not is_location(host.text) and not any(e.label_ in ("GPE", "LOC") and e.start_char <= host.start < e.end_char for e in sent.ents):
                        # "Professor in the School of X at Y": the school is part of Y, which employs
                        parent, after = host, host.end
            if org is None:
                cm = _COMMA.match(text, p, sent.end)
                if cm and re.search(r"\bof\s+[A-Z]", chain[-1].text):
                    r = org_with_parent(sent, cm.end())
                    if r is not None and re.search(r"\b(?:Inc|Ltd|Corp|Company|University|plc|LLC)\b", r[0].text):
                        sm = _OF_SPLIT.match(chain[-1].text)
                        if sm:
                            us = chain[-1].start_char + chain[-1].text.rfind(sm.group(2))
                            unit = Name(us, chain[-1].end_char, text[us : chain[-1].end_char])
                        org = r[0]
                        after = org.end
        if org is None:
            # "... departing from Quillon, where he served as co-founder and Chief Scientist": the place of the "where"
            wm = _WHERE_SERVED.search(text, sent.start, c_start)
            if wm is not None:
                org = Name(wm.start(1), wm.end(1), wm.group(1))
                after = c_end
        if org is None and field_end is not None and _LINK.search(text[(prev_end if prev_end is not None else sent.start) : c_start]):
            # "P is Professor of X in Technology and Director of Y at Z": the next title keeps the holder
            prev_end, prev_ref = field_end, prev_ref or clause_subject(sent, c_start, co)
        if org is None and _AND_BECAME.search(text, sent.start, c_start):
            # "joined Quillon as a partner and became president in 2014": the employer the clause joined
            holder = clause_subject(sent, c_start, co)
            earlier = [(o, at) for o, at in st.employers.get(holder.person.canonical, []) if sent.start <= at < c_start] if holder else []
            if earlier:
                org = Name(earlier[-1][1], earlier[-1][1] + len(earlier[-1][0]), earlier[-1][0])
                after = c_end
        if org is None or non_job(title) or _MAKER.search(title) and re.match(r"\s*(?:of|for|to)\b", text[c_end : c_end + 5]):
            continue  # "the lead developer of VTK-m": a product made, not an employer
        # who holds the title
        ref = None
        rule = "prose.job_title"
        for r_ in person_refs(sent, co):
            if r_.end <= c_start and _APPOS_LEFT.match(text[r_.end : c_start]):
                ref, rule = r_, "prose.job_apposition"
        if ref is None:
            left = text[(prev_end if prev_end is not None else sent.start) : c_start]
            if prev_end is not None and _LIST_CONT.match(left) and prev_ref is not None:
                ref = prev_ref
            elif _LINK.search(left) or _SECOND_PREDICATE.search(left):
                ref = clause_subject(sent, c_start, co)
        if ref is None or negated(sent, c_start) or _LEAVES_AS.search(text, max(sent.start, c_start - 30), c_start):
            continue  # "stepped down as CEO of X in 2023": a departure, read with its end by `departures`
        q: dict[str, str] = {}
        until = _UNTIL.match(text, after, sent.end)
        d = date_after(sent, until.end(), 4) if until else None
        if d is not None and d.value and "/" not in d.value:
            q["end"] = d.value  # "the CTO of Orbis until 2018": the year the title ended
        d = None if until else date_after(sent, after) or lead
        if d is not None:
            q.update(range_quals(d.value))
        if "end" not in q and present_end(sent, c_start) and re.search(r"\b(?:is|am|are|serves|works)\b|['’](?:m|re)\b", text[sent.start : c_start]):
            q["end"] = "present"
        obj = org
        dept = None
        if parent is not None and (_DEPT.match(org.text) or _UNITS.fullmatch(org.text)) and unit is None:
            obj, dept = parent, org  # "Professor of the Faculty of Informatics, TU Wien": the university employs
        members = [((own_title or text[t_start:c_end]) if len(chain) == 1 else None, q)]
        if "then" in seps:
            # "a technical manager then a team manager": one fact per role, the range split between them
            members = []
            for k, ent in enumerate(chain):
                qq = {kk: vv for kk, vv in q.items() if (kk == "start" and k == 0) or (kk == "end" and k == len(chain) - 1)}
                members.append((ent.text, qq))
        for ttl, qq in members:
            qq = dict(qq)
            qq["title"] = ttl if ttl is not None else title
            yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, obj), sent, rule, qq)
        st.employers.setdefault(ref.person.canonical, []).append((obj.text, obj.start))
        st.hold(title, ref.person, obj.text)
        if parent is not None:
            yield cand("part_of", org_arg(sent, org), org_arg(sent, parent), sent, "prose.part_of_unit_at")
        also = _AND_OF.match(text, after, sent.end) if unit is None and (own_title is not None or of_org) else None
        r2 = org_with_parent(sent, also.end()) if also else None
        if r2 is not None:
            # "the founding Director of X and of Y": the title is held at both
            yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, r2[0]), sent, rule, {"title": title, **{k: v for k, v in q.items() if k != "title"}})
            if any(is_lead(ent.text) for ent in chain) and (is_unit(r2[0].text) or LED_UNIT.search(r2[0].text)):
                sm = _OF_SPLIT.match(chain[-1].text)
                role = text[t_start : chain[-1].start_char] + (sm.group(1) if sm else chain[-1].text)
                yield cand("leads", subj_arg(sent, ref), org_arg(sent, r2[0]), sent, "prose.leads_title", {"role": role})
            after = (r2[1] or r2[0]).end
        aff = _AFFILIATED.match(text, after, sent.end)
        nxt = aff.end() if aff else None
        while nxt is not None:
            # "Professor at X affiliated with the Y Institute, the Z Center & the W Department": each is an employer too
            n = name_at(sent, nxt)
            if n is None:
                break
            amp = re.search(r"\s+&\s+(?:the\s+)?(?=[A-Z])", n.text)  # "A & the B" read as one name
            if amp:
                n = Name(n.start, n.start + amp.start(), n.text[: amp.start()])
            two = _TWO_UNITS.fullmatch(n.text)
            if two:  # the first of two units joined by "and"; the second follows
                yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, Name(n.start, n.start + two.end(1), two.group(1))), sent, "prose.job_affiliated")
                n = Name(n.start + two.start(2), n.end, two.group(2))
            place = is_location(n.text) or any(e.label_ in ("GPE", "LOC") and e.start_char <= n.start < e.end_char for e in sent.ents)
            if not place:
                yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, n), sent, "prose.job_affiliated")
            sep = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+(?:and|&)\s+|&\s*)(?:the\s+)?(?=[A-Z])").match(text, n.end, sent.end)
            nxt = sep.end() if sep else None
        if unit is not None:
            yield cand("part_of", org_arg(sent, unit), org_arg(sent, org), sent, "prose.part_of_unit_at")
        for ent in chain:
            if _heads_a_function(ent.text) and unit is None:
                break  # "head of AI at Quillon" runs a function of Quillon, not Quillon
            if is_lead(ent.text) and (unit is not None or is_unit(obj.text) or LED_UNIT.search(obj.text) or not _TEAM_LEAD.search(ent.text) and not EXEC_TITLE.search(ent.text)):
                sm = _OF_SPLIT.match(ent.text)
                role = sm.group(1) if sm else ent.text
                if ent is chain[0] and t_start < ent.start_char:
                    role = text[t_start : ent.start_char] + role
                target = unit or dept or obj  # "head of the Department of X at Y" leads the department
                yield cand("leads", subj_arg(sent, ref), org_arg(sent, target), sent, "prose.leads_title", {"role": role})
                break
        prev_end, prev_ref = after, ref


