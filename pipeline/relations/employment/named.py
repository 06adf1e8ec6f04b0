"""employed_by from titles written beside a name, as news and press releases do:
pre-nominal ("Quillon CEO Adam Quist", "former Orbit researcher P", "CTO and Co-founder P"),
possessive ("Orbit's chief scientist, P,", "Orbit's P"), appositive ("P, the company's CFO,",
"said P, CEO and Co-founder.") and appointments without an employer in the clause
("P will serve as interim CEO", "P was named chief operating officer"), whose employer is
the company the story is about; an organisation's appointments ("Orbit has named P as its new CEO",
"Orbit gets new CEO – P")."""

from __future__ import annotations

import re
from typing import Iterator

from ...coref import Coref
from ..base import Arg, Candidate, text_of
from ..mentions import company_in_context, is_company_title, org_ending_at, possessor, ref_right_after, ref_right_before, strip_modifiers
from ..registry import sentence_rule
from ..toolkit import Sent, State, cand, clause_subject, date_after, is_location, is_place, is_unit, leading_date, name_at, negated, org_arg, person_refs, subj_arg, words
from .titles import EXEC_TITLE, LED_UNIT, is_lead

_CHAIN_GAP = re.compile(r"\s*(?:,\s*and|and|&|/|,)\s*(?:the\s+)?")
_ORG_AFTER = re.compile(r"\s*(?:,\s*)?(?:at|of|with|for|in)\s+(?:the\s+)?(?=[A-Z0-9])")
_APPOINTED = re.compile(
    r"\b(?:will\s+serve|serves|served|serving|will\s+take\s+over|takes\s+over|took\s+over|taking\s+over|steps?\s+in|stepped\s+in|"
    r"(?:was|is|has\s+been|have\s+been|been|be)\s+(?:appointed|named|hired|tapped|elected|promoted|made|selected|chosen)(?:\s+to)?|"
    r"(?:appointed|named|hired|tapped|promoted|elevated)(?:\s+to)?)\s+(?:as\s+)?(?:(?:its|the|their|our|a|an|new|interim|acting)\s+)*$",
    re.I,
)
_PRED_LINK = re.compile(r"\b(?:is|was|am|are|were|became|becomes|becoming|been|as|remains|remained)\s+(?:(?:also|now|then|later|currently|formerly|previously)\s+)?(?:(?:a|an|the)\s+)?(?:(?:former|senior|longtime|long-time)\s+)?$", re.I)
_ORG_GETS = re.compile(r"\s+(?:gets|got|has|names|named|appoints|appointed|hires|hired|taps|tapped|welcomes|welcomed|announces|announced)\s+(?:(?:a|an|its|their)\s+)?(?:new\s+)?$")
_ORG_NAMES = re.compile(r"\s+(?:has\s+|have\s+|today\s+)?(?:named|names|appointed|appoints|hired|hires|tapped|taps|promoted|promotes|elected|elects|selected|selects|chose|chooses|picked|picks)\s+")
_AS_NEW = re.compile(r"\s*(?:,\s*)?(?:as|to\s+be|to\s+the\s+(?:role|post|position)\s+of)?\s*(?:(?:its|their|the|a|an|new|interim|acting)\s+)*", re.I)
_APPOSITION = re.compile(r",\s*(?:a|an|the)\s+[^,;()]{1,60},(?=\s*(?:as|to\s+be)\b)")
_INTERIM = re.compile(r"\b(?:interim|acting)\s+$", re.I)
_POSS_PERSON = re.compile(r"(?:['’]s|(?<=s)['’])\s+$")  # "Orbit's", "Brenner Systems'"




def _last_employer(st: State, ref) -> Arg | None:
    """The organisation the text last placed the person at (by a join or a title before), for a promotion there."""
    earlier = st.employers.get(ref.person.canonical) if ref is not None else None
    if not earlier:
        return None
    name, start = earlier[-1]
    return Arg(name, "ORG", name, start, start + len(name))


def _chains(sent: Sent) -> list[tuple[int, int]]:
    """Title entities joined by "and", "/" or commas ("CTO and Co-founder") as (start, end)."""
    text = text_of(sent.doc)
    tits = sorted((e for e in sent.ents if e.label_ == "TITLE"), key=lambda e: e.start_char)
    out: list[tuple[int, int]] = []
    for e in tits:
        if out and _CHAIN_GAP.fullmatch(text[out[-1][1] : e.start_char]):
            out[-1] = (out[-1][0], e.end_char)
        else:
            out.append((e.start_char, e.end_char))
    return out


def _non_job(title: str) -> bool:
    t = title.lower().strip()
    return t in set(words()["non_job_titles"]) or "board" in t or t.startswith(("chairman", "chair ", "member"))


def _dated(sent: Sent, pos: int) -> dict[str, str]:
    d = date_after(sent, pos) or leading_date(sent)
    return {"start": d.value} if d is not None and d.value and "/" not in d.value else {}


@sentence_rule("employed_by", "employment.named", triggers=["title_mention"], order=135, entities=["TITLE"])
def named(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    refs = person_refs(sent, co)
    for cs, ce in _chains(sent):
        im = _INTERIM.search(text, max(sent.start, cs - 12), cs)
        title = text[im.start() if im else cs : ce]
        if _non_job(title):
            continue
        after_org = _ORG_AFTER.match(text, ce, sent.end)
        org_follows = after_org is not None and name_at(sent, after_org.end()) is not None
        ms = strip_modifiers(text, cs, max(sent.start, cs - 30))
        # "Quillon CEO Adam Quist", "CTO and Co-founder Ana Ruiz"
        ref = ref_right_after(refs, ce, text)
        if ref is not None and not org_follows:
            org = org_ending_at(sent, ms)
            verb = _ORG_GETS.search(text, sent.start, ms)
            if org is None and verb is not None:
                org = org_ending_at(sent, verb.start())  # "Orbit gets new CEO – P"
            obj: Arg | None = org_arg(sent, org) if org is not None else None
            if obj is None and is_company_title(title) and not re.search(r"\b(?:a|an)\s+$", text[max(sent.start, ms - 3) : ms]):
                obj = company_in_context(sent.doc, cs)
            if obj is not None and not negated(sent, cs):
                yield cand("employed_by", subj_arg(sent, ref), obj, sent, "prose.job_prenominal", {"title": title})
                if is_lead(title) and not EXEC_TITLE.search(title) and (is_unit(obj.canonical or obj.text) or LED_UNIT.search(obj.canonical or obj.text)):
                    # "current Orbit Institute director P": the director of a unit leads it
                    yield cand("leads", subj_arg(sent, ref), obj, sent, "prose.leads_title", {"role": re.sub(r"^(?:interim|acting)\s+", "", title, flags=re.I)})
                st.hold(title, ref.person, obj.canonical or obj.text)
                st.employers.setdefault(ref.person.canonical, []).append((obj.text, obj.start or 0))
            continue
        if org_follows:
            continue  # "P, CEO of Orbit": the title rules read it
        # "P is a Google researcher", "before becoming a Max Planck director in 2001"
        org = org_ending_at(sent, cs)
        link = _PRED_LINK.search(text, sent.start, org.start) if org is not None else None
        if org is not None and link is not None and co.person_at(org.start, org.end) is None and not _non_job(text[org.start : ce]):
            ref = clause_subject(sent, link.start(), co)
            if ref is not None and not negated(sent, link.start()):
                yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, org), sent, "prose.job_prenominal", {"title": title} | _dated(sent, ce))
            continue
        # "P, the company's CFO," / "said P, CEO and Co-founder." / "P, Orbit's CFO,"
        ref = ref_right_before(refs, ms, text)
        poss = org_ending_at(sent, ms) if ref is None and _POSS_PERSON.search(text, sent.start, ms) else None
        if poss is not None:
            ref = ref_right_before(refs, poss.start, text)  # "P, Orbit's CFO,"
        tail_ok = re.match(r"\s*(?:[,.;:)”\"]|$)", text[ce : ce + 2]) is not None
        obj = None
        if ref is not None and tail_ok:
            org = org_ending_at(sent, cs) if cs != ms or text[ms:cs].strip() == "" else None
            if org is None:
                lead_mods = text[ms:cs]
                m = re.search(r"([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)(?:['’]s|(?<=s)['’])\s+(?:(?:former|then|new|current|outgoing|longtime)\s+)?$", text[max(sent.start, cs - 60) : cs])
                if m:
                    org = name_at(sent, max(sent.start, cs - 60) + m.start(1), limit=max(sent.start, cs - 60) + m.end(1))
                elif is_company_title(title) or re.search(r"\bcompany['’]s|\bits\b", lead_mods):
                    obj = company_in_context(sent.doc, cs)
            if org is not None:
                obj = org_arg(sent, org)
            if obj is not None and not negated(sent, cs):
                yield cand("employed_by", subj_arg(sent, ref), obj, sent, "prose.job_appositive", {"title": title})
                st.hold(title, ref.person, obj.canonical or obj.text)
            continue
        # "P will serve as interim CEO", "P was named chief operating officer" (the story's company);
        # "She was appointed full professor in 2008" (where the text last placed her)
        link = _APPOINTED.search(text, sent.start, cs)
        if link is not None and (tail_ok or date_after(sent, ce) is not None):  # "... full professor in 2008"
            ref = clause_subject(sent, link.start(), co)
            obj = company_in_context(sent.doc, cs) if is_company_title(title) else _last_employer(st, ref)
            if ref is not None and obj is not None and not negated(sent, link.start()):
                q = {"title": title} | _dated(sent, ce)
                yield cand("employed_by", subj_arg(sent, ref), obj, sent, "prose.job_appointed", q)
                st.hold(title, ref.person, obj.canonical or obj.text)
    # "Orbit has named P as its new CEO", "Orbit appointed P chief operating officer"
    chains = _chains(sent)
    for m in _ORG_NAMES.finditer(text, sent.start, sent.end):
        ref = ref_right_after(refs, m.end(), text)
        org = org_ending_at(sent, m.start())
        if ref is None or org is None or co.person_at(org.start, org.end) is not None or negated(sent, m.start() + 1):
            continue
        aside = _APPOSITION.match(text, ref.end, sent.end)  # "hired Ana Ruiz, a former Brightline executive, as its CTO"
        link = _AS_NEW.match(text, aside.end() if aside else ref.end, sent.end)
        chain = next((c for c in chains if link is not None and link.start() <= c[0] <= link.end()), None)
        if chain is None:
            continue
        im = _INTERIM.search(text, max(sent.start, chain[0] - 12), chain[0])
        title = text[im.start() if im else chain[0] : chain[1]]
        yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, org), sent, "prose.job_named_by", {"title": title} | _dated(sent, chain[1]))
        st.hold(title, ref.person, org_arg(sent, org).canonical or org.text)


@sentence_rule("employed_by", "employment.possessive_person", triggers=["title_mention"], order=136, always=True)
def possessive_person(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    """"Orbit's Ana Ruiz said", "Georgetown Center for Security's Helen Toner": a person written as an
    organisation's, with or without a title (so every sentence with an apostrophe is read)."""
    text = text_of(sent.doc)
    if "'" not in text[sent.start : sent.end] and "’" not in text[sent.start : sent.end]:
        return
    for r in person_refs(sent, co):
        poss = _POSS_PERSON.search(text, sent.start, r.start)
        if poss is None or not text[r.start : r.end][:1].isupper():
            continue
        org = org_ending_at(sent, r.start)
        word = re.search(r"[A-Z][\w&.-]*$", text[sent.start : poss.start()])
        whole = possessor(sent, sent.start + word.start(), poss.start()) if word is not None else None
        if whole is not None and (org is None or whole.start < org.start and whole.end == org.end) and " " in whole.text:
            org = whole  # "Georgetown Center for Security's Helen Toner": the whole name, its "for" included
        if org is None or co.person_at(org.start, org.end) is not None or is_location(org.text) or is_place(sent, org) or negated(sent, r.start):
            continue  # "Paris's Ada Reyes": a place's, not an employer's
        yield cand("employed_by", subj_arg(sent, r), org_arg(sent, org), sent, "prose.job_possessive")
