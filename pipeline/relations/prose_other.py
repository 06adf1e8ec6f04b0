"""Birth dates, awards, leadership, reporting lines, products and papers stated in prose."""

from __future__ import annotations

import re
from typing import Iterator

from ..coref import Coref
from .base import Arg, Candidate, text_of
from .prose_base import (
    Name,
    Sent,
    State,
    alt,
    cand,
    clause_subject,
    date_after,
    leading_date,
    name_at,
    names_list,
    negated,
    nsubj_name,
    org_arg,
    org_with_parent,
    person_refs,
    subj_arg,
    words,
)

# ---------------------------------------------------------------- date_of_birth

_BORN = re.compile(r"\bborn\s+(?:in\s+|on\s+)?")


def born(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    for m in _BORN.finditer(text, sent.start, sent.end):
        d = next((d for d in sent.dates if d.value and 0 <= d.start - m.end() <= 1 and "/" not in d.value), None)
        if d is None:
            continue
        ref = clause_subject(sent, m.start(), co)
        if ref is None:
            refs = person_refs(sent, co)
            ref = next((r for r in refs if r.end <= m.start()), None)
        if ref is None or negated(sent, m.start()):
            continue
        yield cand("date_of_birth", subj_arg(sent, ref), Arg(d.text, "DATE", d.value, d.start, d.end), sent, "prose.date_of_birth")


# ---------------------------------------------------------------- awards

_AWARD_HEAD = r"(?:Award|Awards|Prize|Medal|Fellowship|Scholarship|Honou?r|Grant|Lectureship|Distinction)"
_AWARD_NAME = re.compile(
    rf"(?:the\s+)?(?P<year>(?:19|20)\d\d\s+)?(?P<name>(?:[A-Z][\w'’.&-]*\s+|“[^”]+”\s+|\"[^\"]+\"\s+|(?:of|for|the|and|in|centenary)\s+){{0,8}}?{_AWARD_HEAD}\b(?:\s+for\s+(?:[a-z][\w-]*\s+){{0,4}}?[a-z][\w-]*(?=[\s,.;]|$))?)"
)
_RECEIVED = re.compile(r"\b(?:received|receives|won|wins|was\s+awarded|awarded|recipient\s+of|winner\s+of|was\s+granted|earned|has\s+received)\s+(?:an?\s+|the\s+|two\s+|numerous\s+)?")
_FELLOW = re.compile(r"\b(?:(?:was|been|is)\s+)?(?:elected|named|recognized|recognised|appointed|made)\s+(?:as\s+)?(?:an?\s+)?(?P<obj>(?:[A-Z][\w-]*\s+)?(?:advisory\s+)?[Ff]ellow\s+of\s+(?:the\s+)?[A-Z][\w'’ ,.-]*?|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+Fellow|Commander\s+of\s+the\s+Order\s+of\s+the\s+[A-Z][\w ]*?(?:\s*\([A-Z]+\))?)(?=\s+(?:in|for|by|on)\b|[,.;]|$)")
_IS_FELLOW = re.compile(r"\b(?:is|was|became)\s+(?:an?\s+)?(?P<obj>(?:[A-Z][\w-]*\s+)*Fellow\s+of\s+(?:the\s+)?[A-Z][\w'’ -]*?|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+Fellow)(?=\s+(?:in|for|since)\b|[,.;]|$)")
_MEMBER = re.compile(r"\b(?:is|was|became|elected)\s+(?:also\s+)?(?:an?\s+|as\s+an?\s+)?member\s+of\s+(?:the\s+)?(?P<obj>[A-Z][\w'’ -]*?(?:Academy|Society)(?:\s+of\s+[A-Z][\w ]*?)?)(?=[,.;]|\s+(?:and|in|for|since)\b|$)")
_NAMED_LIST = re.compile(r"\bnamed\s+(?:to|in|on)\s+(?:the\s+)?(?P<obj>[A-Z][\w&'’ -]*?)(?:\s+list)\b")
_RANKED = re.compile(r"\b(?:ranked|listed)\s+[\w ]{0,20}?\s+in\s+(?:the\s+)?(?P<obj>[A-Z][\w&'’ -]*?\d{4})\b")
_QUOTED = re.compile(r"[“\"]([^”\"]{3,60})[”\"](?:\s+(?:at|in)\s+(?P<org>[A-Z][\w-]+))?(?P<dates>(?:\s+(?:in|and|,)\s*(?:19|20)\d\d)+)?")
_AWARDS_LIKE = re.compile(r"\b(?:awards?|honou?rs|prizes?)\s+(?:like|such\s+as|including)\s+")
_HONORARY = re.compile(r"\b(?:awarded|received|given|granted)\s+an?\s+(?P<obj>honorary\s+(?:doctorate|degree|fellowship|professorship))(?:\s+(?:by|from)\s+)?")
_NAMED_THE = re.compile(r"\b(?:was|is)\s+named\s+(?:as\s+)?(?P<obj>the\s+(?:most|top|first)\s+[\w ]{3,50}?)(?=\s+(?:after|by|for|in\s+(?:19|20)\d\d)\b|[,.;]|$)")


def _year_of(sent: Sent, s: int, e: int) -> str | None:
    d = date_after(sent, e, 20)
    if d is not None and d.value and "/" not in d.value:
        return d.value[:10]
    ld = leading_date(sent)
    if ld is not None and ld.value and "/" not in ld.value:
        return ld.value
    return None


def awards(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    seen: list[tuple[int, int]] = []

    def emit(ref, s, e, obj_text, rule, q):
        for a, b in seen:
            if a < e and s < b:
                return None
        seen.append((s, e))
        return cand("award_received", subj_arg(sent, ref), Arg(text[s:e], "AWARD", obj_text, s, e), sent, rule, q)

    for rx, rule in ((_FELLOW, "prose.award_fellow"), (_IS_FELLOW, "prose.award_fellow"), (_MEMBER, "prose.award_member"), (_NAMED_LIST, "prose.award_named"), (_RANKED, "prose.award_named"), (_HONORARY, "prose.award_received"), (_NAMED_THE, "prose.award_named")):
        for m in rx.finditer(text, sent.start, sent.end):
            ref = clause_subject(sent, m.start(), co)
            if ref is None or negated(sent, m.start()):
                continue
            s, e = m.span("obj")
            obj = text[s:e].strip(" ,")
            e = s + len(obj)
            q: dict[str, str] = {}
            y = _year_of(sent, s, e)
            if y:
                q["date"] = y
            if rule == "prose.award_received" and "honorary" in obj:
                om = re.compile(r"\s+(?:by|from)\s+(?:the\s+)?").match(text, e, sent.end)
                if om:
                    n = name_at(sent, om.end())
                    if n:
                        q["org"] = n.text
                        y2 = date_after(sent, n.end, 20)
                        if y2 is not None and y2.value:
                            q["date"] = y2.value
            c = emit(ref, s, e, obj, rule, q)
            if c:
                yield c
    for m in _RECEIVED.finditer(text, sent.start, sent.end):
        a = _AWARD_NAME.match(text, m.end(), sent.end)
        if not a:
            continue
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        s, e = a.span("name")
        obj = text[s:e]
        q = {}
        if a.group("year"):
            q["date"] = a.group("year").strip()
        else:
            y = _year_of(sent, s, e)
            if y:
                q["date"] = y
        c = emit(ref, s, e, obj.strip(), "prose.award_received", q)
        if c:
            yield c
    for m in _AWARDS_LIKE.finditer(text, sent.start, sent.end):
        ref = clause_subject(sent, m.start(), co)
        if ref is None:
            refs = person_refs(sent, co)
            ref = refs[0] if refs and refs[0].start < m.start() else None
        if ref is None or negated(sent, m.start()):
            continue
        for qm in _QUOTED.finditer(text, m.end(), sent.end):
            if qm.start() - m.end() > 200:
                break
            s, e = qm.span(1)
            years = re.findall(r"(?:19|20)\d\d", qm.group("dates") or "")
            for y in years or [None]:
                q = {"date": y} if y else {}
                if qm.group("org"):
                    q["org"] = qm.group("org")
                yield cand("award_received", subj_arg(sent, ref), Arg(text[s:e], "AWARD", text[s:e], s, e), sent, "prose.award_quoted", q)
            seen.append((s, e))


# ---------------------------------------------------------------- leads / reports_to

_LEAD_VERB = re.compile(rf"\b(?:{alt(words()['lead_verbs'])})\s+(?=(?:the\s+|his\s+|her\s+|their\s+)?[A-Z])")
_NAMELY = re.compile(r"\bled\s+(?:two|three|four|several|many|\d+)\s+[\w -]*?projects?\b[^.;]*?,?\s*namely\s+")
_IN_CHARGE = re.compile(r"\b(?:the\s+)?(?:core\s+)?person\s+in\s+charge\s+of\s+(?:the\s+)?(?P<what>[\w -]+?)\s+of\s+(?:the\s+)?(?P<obj>[A-Z][\w.-]*(?:\s+\d[\w.]*)?)")
_LEADER_OF = re.compile(r"\b(?:the\s+)?(?P<role>(?:core\s+)?(?:[A-Z&]+(?:\s*&\s*[A-Z]+)?\s+)?leader)\s+of\s+(?P<obj>(?:this|the|that)\s+(?:model|project|product|system|team))")


_LED_NOUN = re.compile(r"(?:the\s+)?(?P<obj>[A-Z][^.;]{0,80}?\s(?:business|team|project|group|lab|laboratory|department|division|unit|effort|initiative|program|programme|organization|organisation))\b")
_MODIFIES = re.compile(r"\s+(?!(?:at|of|in|and|with|for|to|from|which|where|since|as|on|by|team|lab|group|project|department|division)\b)[a-z]")


def leads(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    bad = [e for e in sent.ents if e.label_ in ("TITLE", "GPE", "LOC", "NORP", "DATE")]
    for m in _LEAD_VERB.finditer(text, sent.start, sent.end):
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        p = m.end()
        ln = _LED_NOUN.match(text, p, sent.end)
        if ln and not re.search(r"[,;]\s+(?:which|who|where)\b", ln.group()):
            s_, e_ = ln.span("obj")
            yield cand("leads", subj_arg(sent, ref), Arg(text[s_:e_], "ORG", text[s_:e_], s_, e_), sent, "prose.leads_verb")
            continue
        for _ in range(3):
            obj = name_at(sent, p)
            if obj is None or any(b.start_char <= obj.start < b.end_char for b in bad) or _MODIFIES.match(text, obj.end, sent.end):
                break
            yield cand("leads", subj_arg(sent, ref), org_arg(sent, obj, "ORG"), sent, "prose.leads_verb")
            last = obj.end
            # "leads the X Department at DFKI": the unit is part of the organisation, which employs the person
            at = re.compile(r"\s+(?:at|of|in)\s+(?:the\s+)?").match(text, obj.end, sent.end)
            if at:
                host = name_at(sent, at.end())
                if host is not None and not any(b.start_char <= host.start < b.end_char for b in bad):
                    yield cand("part_of", org_arg(sent, obj), org_arg(sent, host), sent, "prose.part_of_unit_at")
                    yield cand("employed_by", subj_arg(sent, ref), org_arg(sent, host), sent, "prose.job_title")
                    last = host.end
            nx = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?=[A-Z])").match(text, last, sent.end)
            if not nx:
                break
            p = nx.end()
    for m in _NAMELY.finditer(text, sent.start, sent.end):
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        seg_end = next((i for i in (text.find(".", m.end(), sent.end), text.find(";", m.end(), sent.end)) if i > 0), sent.end)
        for pm in re.finditer(r"[A-Z][\w.-]*(?:\s+\d[\w.]*)?", text[m.end() : seg_end]):
            s_, e_ = m.end() + pm.start(), m.end() + pm.end()
            yield cand("leads", subj_arg(sent, ref), Arg(text[s_:e_], "PROJECT", text[s_:e_], s_, e_), sent, "prose.leads_namely")
    for m in _IN_CHARGE.finditer(text, sent.start, sent.end):
        ref = None
        for r in person_refs(sent, co):
            if r.end <= m.start() and re.fullmatch(r"\s*(?:,|is|was|became|as|,\s*the)?\s*(?:the|officially|recognized\s+by\s+[\w ]+?\s+as)?\s*", text[r.end : m.start()]):
                ref = r
        if ref is None:
            ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        n = name_at(sent, m.start("obj"))
        if n is None:
            continue
        nn = re.match(r"[A-Z][\w.-]*(?:\s+\d[\w.]*)?", n.text)
        obj = Name(n.start, n.start + nn.end(), nn.group()) if nn else n
        role = "person in charge of " + re.sub(r"\s*-\s*", "-", m.group("what")).strip()
        q = {"role": role}
        yield cand("leads", subj_arg(sent, ref), Arg(obj.text, "PRODUCT", obj.text, obj.start, obj.end), sent, "prose.leads_in_charge", q)
    for m in _LEADER_OF.finditer(text, sent.start, sent.end):
        ref = None
        for r in person_refs(sent, co):
            if r.end <= m.start():
                ref = r
        if ref is None or negated(sent, m.start()):
            continue
        prods = [e for e in sent.ents if e.label_ == "PRODUCT" and e.end_char <= m.start()]
        if not prods:
            continue
        p = prods[-1]
        role = re.sub(r"\s*&\s*", "&", m.group("role"))
        yield cand("leads", subj_arg(sent, ref), Arg(p.text, "PRODUCT", p.text, p.start_char, p.end_char), sent, "prose.leads_in_charge", {"role": role})


_REPORTS = re.compile(r"\b(?P<who>[Hh]is|[Hh]er|[Mm]y|[Tt]heir)\s+(?P<level>\+\d\s+)?(?:direct\s+)?(?:leader|manager|boss|supervisor|superior|report)\s+(?:is|was)\s+")
_REPORTS_TO = re.compile(r"\breports?\s+(?:directly\s+)?to\s+|\breported\s+(?:directly\s+)?to\s+")


def reports(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    mentions = co.mentions_in(sent.start, sent.end)
    for m in list(_REPORTS.finditer(text, sent.start, sent.end)) + list(_REPORTS_TO.finditer(text, sent.start, sent.end)):
        boss = next((x for x in mentions if x.start >= m.end() and x.start - m.end() <= 2), None)
        if boss is None:
            continue
        if "who" in m.groupdict() and m.groupdict().get("who"):
            p = co.resolve_word(m.group("who"), m.start())
            if p is None:
                continue
            subj = Arg(text[m.start("who") : m.end("who")], "PERSON", p.canonical, m.start("who"), m.end("who"))
        else:
            ref = clause_subject(sent, m.start(), co)
            if ref is None:
                continue
            subj = subj_arg(sent, ref)
        if subj.canonical == boss.person.canonical or negated(sent, m.start()):
            continue
        q = {}
        if m.groupdict().get("level"):
            q["level"] = m.group("level").strip()
        yield cand("reports_to", subj, Arg(text[boss.start : boss.end], "PERSON", boss.person.canonical, boss.start, boss.end), sent, "prose.reports_to", q)


# ---------------------------------------------------------------- developed / part_of

_RELEASE = re.compile(rf"\b(?:officially\s+)?(?:{alt(w for w in words()['develop_verbs'] if w not in ('developed', 'develops', 'created', 'creates', 'built', 'builds', 'proposed', 'proposes'))})\s+(?:the\s+|its\s+|their\s+)?")
_DEVELOPED_BY = re.compile(r",?\s+(?:was\s+)?(?:developed|built|created|proposed|released)\s+by\s+")
_JOINTLY = re.compile(r"\bjointly\s+(?:develop(?:ed)?|buil[dt]|create[d]?)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}(?P<prod>[A-Z][\w.-]*(?:\s*-\s*[A-Z][\w.]*)*)\s+with\s+")
_ESTABLISHED = re.compile(r"\b(?:established|set\s+up|created|formed|founded|launched)\s+(?:a|an|the)\s+(?:new\s+)?(?:[\w-]+\s+|-\s+){0,4}?(?:department|team|lab|laboratory|group|division|unit|center|centre)\s+(?P<name>[A-Z][\w-]*)")
_PARTICIPATED = re.compile(r"\bparticipated\s+in\s+(?:the\s+)?(?:development\s+of\s+)?")
_POSSESSIVE_UNIT = re.compile(r"\b(?P<org>[A-Z][\w-]+)['’]s\s+(?P<unit>(?:[A-Z][\w-]*\s+)*(?:AI\s+)?(?:Labs?|Research|Team|Group|Department|Division|Institute|Center|Centre))\b")


_UNIT_AT = re.compile(r"(?:the\s+)?(?P<unit>(?:[A-Z][\w-]*\s+){1,4}(?:Unit|Lab|Laboratory|Group|Center|Centre))\s+(?:at|of)\s+(?:the\s+)?")
_STRONG = re.compile(r"\b(?:University|College|Institute|Academy|Inc|Ltd|Corporation)\b")


def _product_at(sent: Sent, pos: int) -> Name | None:
    text = text_of(sent.doc)
    for e in sent.ents:
        if e.label_ in ("PRODUCT", "ORG", "WORK_OF_ART", "PERSON", "GPE") and 0 <= e.start_char - pos <= 4:
            return Name(e.start_char, e.end_char, e.text)
    m = re.compile(r"\s*(?:the\s+)?([A-Z][\w.]*(?:[ -]+\d[\w.]*)?(?:-[A-Z\d][\w.]*)*)").match(text, pos, sent.end)
    if m:
        return Name(m.start(1), m.end(1), m.group(1).rstrip("."))
    return None


def developed(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    doc = sent.doc
    text = text_of(doc)
    for m in _RELEASE.finditer(text, sent.start, sent.end):
        prod = _product_at(sent, m.end())
        if prod is None:
            continue
        # the developer is the sentence subject before the verb: an organisation, or a person
        ref = clause_subject(sent, m.start(), co)
        subj: Arg | None = None
        orgs = [e for e in sent.ents if e.label_ == "ORG" and e.end_char <= m.start()]
        if orgs and re.fullmatch(r"\s*(?:(?:has|have|had|officially|also|recently|just|then|,)\s*)*", text[orgs[-1].end_char : m.start()]):
            o = orgs[-1]
            subj = Arg(o.text, "ORG", o.text, o.start_char, o.end_char)
        elif ref is not None and ref.end <= m.start():
            subj = subj_arg(sent, ref)
        else:
            subj = nsubj_name(sent, m.start() + len(re.match(r"(?:officially\s+)?", text[m.start():]).group()))
        if subj is None or negated(sent, m.start()):
            continue
        q = {}
        d = date_after(sent, prod.end, 20) or leading_date(sent)
        if d is not None and d.value and "/" not in d.value:
            q["date"] = d.value
        yield cand("developed", subj, Arg(prod.text, "PRODUCT", prod.text, prod.start, prod.end), sent, "prose.developed_release", q)
    for m in _DEVELOPED_BY.finditer(text, sent.start, sent.end):
        prods = [e for e in sent.ents if e.label_ in ("PRODUCT", "WORK_OF_ART") and e.end_char <= m.start() and m.start() - e.end_char <= 2]
        prod_arg = None
        if prods:
            p = prods[-1]
            prod_arg = Arg(p.text, "PRODUCT", re.sub(r"\s*-\s*", "-", p.text), p.start_char, p.end_char)
        else:
            lm = re.search(r"(?<![\w-])([A-Z][\w.]*(?:\s*-\s*[A-Z\d][\w.]*)+|[A-Z][a-z]*[A-Z][\w.-]*)\s*$", text[sent.start : m.start()])
            if lm:
                ps, pe = sent.start + lm.start(1), sent.start + lm.end(1)
                prod_arg = Arg(text[ps:pe], "PRODUCT", re.sub(r"\s*-\s*", "-", text[ps:pe]), ps, pe)
        if prod_arg is None:
            continue
        refs = [r for r in person_refs(sent, co) if 0 <= r.start - m.end() <= 4]
        subj = subj_arg(sent, refs[0]) if refs else None
        if subj is None:
            n = name_at(sent, m.end())
            subj = org_arg(sent, n) if n else None
        if subj is None:
            continue
        yield cand("developed", subj, prod_arg, sent, "prose.developed_by")
    for m in _JOINTLY.finditer(text, sent.start, sent.end):
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        prod_s, prod_e = m.span("prod")
        pt = re.sub(r"\s*-\s*", "-", m.group("prod"))
        prod = Arg(text[prod_s:prod_e], "PRODUCT", pt, prod_s, prod_e)
        yield cand("developed", subj_arg(sent, ref), prod, sent, "prose.developed_jointly")
        for n in names_list(sent, m.end())[:3]:
            yield cand("developed", org_arg(sent, n), prod, sent, "prose.developed_jointly")
    for m in _PARTICIPATED.finditer(text, sent.start, sent.end):
        prod = _product_at(sent, m.end())
        if prod is None or not any(e.label_ == "PRODUCT" and e.start_char == prod.start for e in sent.ents):
            continue
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        pt = re.sub(r"\s*-\s*", "-", prod.text)
        yield cand("developed", subj_arg(sent, ref), Arg(prod.text, "PRODUCT", pt, prod.start, prod.end), sent, "prose.developed_participated")
    for m in _ESTABLISHED.finditer(text, sent.start, sent.end):
        orgs = [e for e in sent.ents if e.label_ == "ORG" and e.end_char <= m.start()]
        host = Arg(orgs[-1].text, "ORG", orgs[-1].text, orgs[-1].start_char, orgs[-1].end_char) if orgs else nsubj_name(sent, m.start())
        if host is None or co.person_at(host.start or 0, host.end or 0) is not None:
            continue
        s, e = m.span("name")
        st.last_units.append((m.group("name"), s, e))
        yield cand("part_of", Arg(m.group("name"), "ORG", m.group("name"), s, e), host, sent, "prose.part_of_established")
    for m in _UNIT_AT.finditer(text, sent.start, sent.end):
        host = name_at(sent, m.end())
        if host is None or not _STRONG.search(host.text):
            continue
        s_, e_ = m.span("unit")
        yield cand("part_of", Arg(text[s_:e_], "ORG", text[s_:e_], s_, e_), org_arg(sent, host), sent, "prose.part_of_unit_at")
    for m in _POSSESSIVE_UNIT.finditer(text, sent.start, sent.end):
        if co.person_at(m.start("org"), m.end("org")) is not None:
            continue
        s, e = m.span("unit")
        yield cand("part_of", Arg(text[m.start("org") : e], "ORG", text[m.start("org") : m.end("org")] + " " + text[s:e], m.start("org"), e), Arg(m.group("org"), "ORG", m.group("org"), m.start("org"), m.end("org")), sent, "prose.part_of_possessive")


# ---------------------------------------------------------------- author_of

_TITLED = re.compile(r"\b(?:published|wrote|authored|presented|released)\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+)?(?:paper|article|book|preprint|study)\s+(?:titled|entitled|called|named)\s+[“\"'‘](?P<title>[^”\"’]{5,250})[”\"'’]")
_ON_VENUE = re.compile(r"\s*(?:on|in|at)\s+(?P<venue>(?=[\w-]*[A-Z])[A-Za-z][\w-]*(?:\s+\d{4})?)")
_ROLE = re.compile(r"\bas\s+(?:the\s+|a\s+)?(?P<role>first|corresponding|last|senior|co-first)\s+author\b")
_AFTER_JOIN = re.compile(r"\b(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+(?P<unit>months?|years?|weeks?)\s+after\s+(?:joining|(?:she|he|I)\s+joined)\b", re.I)
_NUM = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}


def _shift(value: str, n: int, unit: str) -> str | None:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-\d{2})?", value)
    if not m:
        return None
    y = int(m.group(1))
    if unit.startswith("year"):
        return f"{y + n}" + (f"-{m.group(2)}" if m.group(2) else "")
    if not m.group(2) or unit.startswith("week"):
        return None
    mm = int(m.group(2)) - 1 + n
    return f"{y + mm // 12}-{mm % 12 + 1:02d}"


def authored(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    for m in _TITLED.finditer(text, sent.start, sent.end):
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        s, e = m.span("title")
        title = re.sub(r"\s*-\s*", "-", text[s:e]).strip()
        q: dict[str, str] = {}
        v = _ON_VENUE.match(text, m.end(), sent.end)
        if v:
            q["venue"] = v.group("venue")
        r = _ROLE.search(text, m.end(), sent.end)
        if r:
            q["role"] = r.group("role") + " author"
        d = leading_date(sent) or date_after(sent, m.end(), 30)
        if d is not None and d.value and "/" not in d.value:
            q["date"] = d.value
        else:
            aj = _AFTER_JOIN.search(text, sent.start, m.start())
            anchor = st.join_dates.get(ref.person.canonical)
            if aj and anchor:
                n = int(aj.group("n")) if aj.group("n").isdigit() else _NUM[aj.group("n").lower()]
                val = _shift(anchor[0], n, aj.group("unit").lower())
                if val:
                    q["date"] = val
        yield cand("author_of", subj_arg(sent, ref), Arg(text[s:e], "WORK", title, s, e), sent, "prose.author_titled", q)
