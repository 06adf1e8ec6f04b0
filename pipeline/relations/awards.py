"""award_received from the items of an Honors/Awards section and from prose ("won the X Award in 2019",
"was elected a Fellow of the Y", "named to the Z list")."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from spacy.tokens import Doc

from ..coref import Coref
from .base import Arg, Candidate, Line, dates_in, ents_in, lines, subject_arg, text_of
from .items import INSTITUTION, ORG_UNIT, a_sentence
from .registry import RelationSpec, item_rule, relation, sentence_rule
from .toolkit import Sent, State, alt, cand, clause_subject, date_after, leading_date, name_at, names_list, negated, person_refs, subj_arg, words

SPEC = relation(RelationSpec("award_received", ("PERSON",), ("AWARD",), ("date", "org"), distinct_by=("date",)))

_TRAILING_ORG = re.compile(r"(?:,\s*|\s+[-–—]\s+|\s+by\s+|\s+from\s+(?=the\s+[A-Z]))([A-Z][\w.&'’\- ]{1,60})$")
_MARKER = re.compile(r"^(?:[-*•]\s+|\d+[.)]\s+)")
# "Excellent Graduate of X University", "Merit Student at Y College": the institution that gave it
_OF_ORG = re.compile(r"(?:(?<=Graduate)|(?<=Graduates)|(?<=Student)|(?<=Students)|(?<=Scholar)|(?<=Alumnus)|(?<=Employee)|(?<=Teacher))\s+of\s+(?:the\s+)?(?=[A-Z])|\s+(?:at|from|in)\s+(?:the\s+)?(?=[A-Z])")
_PLACEMENT = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|second|third|gold|silver|bronze|champion|winner|runner-up|finalist|top\s*\d+)\b", re.I)
_LATE_YEAR = re.compile(r"(?:,?\s*class\s+of\s+|\s)((?:19|20)\d\d)$", re.I)
_TRAILING_CJK = re.compile(r"[\s(（|/]*[\u3000-\u9fff\uff00-\uffef][^A-Za-z]*$")
_TRAILING_CITES = re.compile(r"[\s.,;]*(?:\[\d{1,3}\][\s.,;]*)+$")
_TRAILING_YEARS = re.compile(r"(?:[\s,;|&/–—(-]+(?:19|20)\d\d(?:[./-]\d{1,2})?)+[\s,;|.)]*$")
_DATES_ONLY = re.compile(r"^[\s,;&/–—-]*(?:(?:19|20)\d\d(?:[./-]\d{1,2})?[\s,;&/–—-]*(?:and\s+)?)+$")
_GRADE = re.compile(r"(?:first|second|third|1st|2nd|3rd)[\s-]+(?:class|grade|level|prize)|gold|silver|bronze|grand\s+prize", re.I)
_NOTE = re.compile(r"[\s.]*\((?:[^()]*\b(?:recipients?|top|sponsored|awarded|selected|among|out\s+of|only|rank(?:ed)?|leader|member|captain|advisor|supervisor|with)\b[^()]*|\s*\d+\s*%?[^()]*)\)", re.I)


def _next_dates(doc: Doc, line: Line) -> list:
    """A line of only dates right after an item dates it (a year floated into its own cell)."""
    section = doc.user_data.get("award_lines")
    if section is None:
        section = doc.user_data["award_lines"] = list(lines(doc, {"awards"}))
    k = next((i for i, ln in enumerate(section) if ln.start == line.start), None)
    if k is None or k + 1 >= len(section) or not _DATES_ONLY.match(section[k + 1].text):
        return []
    nxt = section[k + 1]
    return [d for d in dates_in(doc, nxt.start, nxt.end) if d.value]


def _header_dates(doc: Doc, line: Line) -> list:
    """An award listed under a year bullet ("- 2019" over that year's awards) is dated by it."""
    h = line.context
    if h is None or not _DATES_ONLY.match(_MARKER.sub("", h.text)):
        return []
    return [d for d in dates_in(doc, h.start, h.end) if d.value]


@item_rule("award_received", "awards.section", sections=["awards"], order=50)
def award_items(doc: Doc, line: Line) -> Iterator[Candidate]:
    subj = subject_arg(doc)
    if subj is None or _DATES_ONLY.match(line.text) or a_sentence(doc, line, min_words=5):
        return  # (a line that says "P received the X Award in 2017." is prose: the prose rules read it)
    yield from _award_of(doc, line, subj, "awards.item", 0.8)


# "- National Scholarship (Top 1%)" under a degree: an award listed inside Education or Experience
_AWARD_ITEM = re.compile(r"^(?:[-*•]\s+)?(?:(?:Outstanding|Excellent|Distinguished|Best|Merit)\b|[^:：]*\b(?:Awards?|Prizes?|Medal|Fellowship|Scholarships?)\b)")


@item_rule("award_received", "awards.in_other_items", sections=["education", "experience"], order=51)
def awards_among_items(doc: Doc, line: Line) -> Iterator[Candidate]:
    """An award line of its own, or a sub-bullet of a degree or job ("- National Scholarship")."""
    subj = subject_arg(doc)
    if subj is None:
        return
    for ln in (line, *line.children):
        if "\n" in ln.text or len(ln.text.split()) > 12 or not _AWARD_ITEM.match(ln.text):
            continue
        if ents_in(doc, ln.start, ln.end, ("TITLE", "DEGREE")) or ln is line and dates_in(doc, ln.start, ln.end):
            continue  # a job or a degree that mentions a scholarship is the job or the degree; a dated sub-bullet is neither
        yield from _award_of(doc, replace(ln, children=(), context=None), subj, "awards.in_other_items", 0.7)


def _award_of(doc: Doc, line: Line, subj: Arg, rule: str, conf: float) -> Iterator[Candidate]:
    """The award an item names, its giver and its date."""
    text = text_of(doc)
    s, e = line.start, line.end
    m = _MARKER.match(line.text)
    if m:
        s += m.end()
    cites = _TRAILING_CITES.search(text, s, e)  # "Wired 100 List.[27]": the encyclopedia's reference marks
    if cites is not None and cites.start() > s:
        e = cites.start()
    date = None
    for d in dates_in(doc, s, e):
        if d.start - s <= 3 or e - d.end <= 3:
            date = d
            if d.start - s <= 3:
                s = d.end
            else:
                e = d.start
            break
    # a record's later lines describe the award; a trailing translation repeats it ("National Scholarship 国家奖学金")
    nl = text.find("\n", s, e)
    if nl >= 0:
        e = nl
    cjk = _TRAILING_CJK.search(text, s, e)
    if cjk is not None and len(re.findall(r"[A-Za-z]", text[s : cjk.start()])) >= 3:
        e = cjk.start()
    # "Fellowship | 2023, 2024": a trailing run of years goes with the date
    run = _TRAILING_YEARS.search(text, s, e)
    if run is not None and run.start() > s + 3:
        e = run.start()
    body = text[s:e]
    lead = len(body) - len(body.lstrip(" :,.-–—*|()"))
    s += lead
    body = text[s:e].rstrip(" :,.-–—*|(")
    e = s + len(body)
    # trailing notes go: "(12 recipients)", "(Top 1%)", "(sponsored by X)"
    note = _NOTE.search(body)
    while note is not None and not body[note.end() :].strip(" ,.;"):
        e = s + note.start()
        body = text[s:e].rstrip(" ,.;")
        e = s + len(body)
        note = _NOTE.search(body)
    # a year the notes hid ("Challenge at CVPR 2021 (Team Leader)", "Fellowship, class of 2017")
    late_year = None
    if date is None:
        ym = _LATE_YEAR.search(body)
        if ym is not None and ym.start() > 3:
            late_year = ym.group(1)
            if ym.group(0).lstrip(" ,").lower().startswith("class") or _PLACEMENT.match(body):
                e = s + ym.start()
                body = text[s:e]
    if len(body.split()) < 1 or len(body) < 3 or len(body.split()) > 25:
        return
    q: dict[str, str] = {}
    if late_year is not None:
        q["date"] = late_year
    values = [date] if date is not None else _next_dates(doc, line) or _header_dates(doc, line)
    values = [d for d in values if d is not None and d.value and "/" not in d.value]
    om = None if _PLACEMENT.match(body) else _TRAILING_ORG.search(body)  # "1st Place, X Challenge" names the contest
    if om and len(om.group(1).split()) <= 7 and om.start() > 3 and not re.fullmatch(r"[\d\s,]+", om.group(1)):
        if not _GRADE.fullmatch(om.group(1).strip()):
            q["org"] = om.group(1).strip()
        e = s + om.start()  # "Scholarship, First Class": a grade of the award, not its giver
        body = text[s:e]
    for of in _OF_ORG.finditer(body):
        rest = body[of.end() :]
        if of.start() > 3 and (INSTITUTION.search(rest) or ORG_UNIT.match(rest)):
            org = rest.strip(" ,.")
            q["org"] = f"{org}, {q['org']}" if "org" in q else org
            e = s + of.start()
            body = text[s:e]
            break
    # "Merit Student and Honor Student at X": two awards of one giver
    parts = [(s, e)]
    both = re.fullmatch(r"(.+?)\s+and\s+(.+)", body)
    if both and "org" in q and all(1 <= len(x.split()) <= 3 and x[:1].isupper() for x in both.groups()):
        parts = [(s, s + both.end(1)), (s + both.start(2), e)]
    for ps, pe in parts:
        for d in values[:1] or [None]:  # "2022, 2023": one award held twice, dated by its first year
            qd = dict(q)
            if d is not None:
                qd["date"] = d.value
            yield Candidate("award_received", subj, Arg(text[ps:pe], "AWARD", text[ps:pe], ps, pe), (line.start, line.end), rule, conf, qd)


# ---------------------------------------------------------------- prose


_AWARD_HEAD = r"(?:Award|Awards|Prize|Medal|Fellowship|Scholarship|Honou?r|Grant|Lectureship|Distinction)"
_OF_WORDS = alt(words()["award_of_words"])
# "the Keller Prize for Natural Sciences", "a Fellowship in Computer Vision": a discipline is part of the name, what it was won for is not
_DISCIPLINE = rf"\s+(?:for|in)\s+(?:[A-Z][a-z][\w-]*\s+(?:and\s+)?){{0,2}}(?:{alt(words()['disciplines'])})\b"
_AWARD_NAME = re.compile(
    rf"(?:the\s+)?(?P<year>(?:19|20)\d\d\s+)?(?P<name>[“\"][A-Z][^”\"]{{0,40}}?\b{_AWARD_HEAD}[”\"]|(?:[A-Z][\w'’.&/-]*\s+|“[^”]+”\s+|\"[^\"]+\"\s+|(?:of|for|the|and|in|centenary)\s+){{0,8}}?{_AWARD_HEAD}\b(?:\s+(?:Honou?rable\s+Mention|Finalist|Nomination|Runner[- ][Uu]p)\b)?(?:\s+of\s+(?:the\s+)?(?:{_OF_WORDS})\b)?(?:{_DISCIPLINE}|\s+for\s+(?!(?:his|her|their|its|our|my)\b)(?:[a-z][\w-]*\s+){{0,4}}?[a-z][\w-]*(?=[\s,.;]|$)|\s+for\s+(?:(?:Graduate|Undergraduate|Doctoral|PhD|Young|Outstanding|Excellent|Early[\s-]Career|Women)\s+)?(?:Students|Scientists|Researchers|Scholars|Investigators|Faculty|Engineers)\b)?)"
)
_RECEIVED = re.compile(r"\b(?:received|receives|won|wins|(?:after|upon|on|since)\s+winning|shared|shares|was\s+awarded|awarded|recipient\s+of|winner\s+of|(?:among|one\s+of)\s+the\s+(?:[\w-]+\s+)?(?:recipients|winners|laureates|awardees)\s+of|was\s+granted|earned|has\s+received|(?:was\s+|been\s+)?(?:honou?red|presented|recogni[sz]ed)\s+with|was\s+given|obtained|including,?|(?:awards|honou?rs|prizes|distinctions)\s+include[sd]?)\s+(?:an?\s+|the\s+|two\s+|three\s+|numerous\s+|several\s+|multiple\s+)?")
_CAP_LOWER_AWARD = re.compile(r"(?P<year>)(?P<name>(?:[A-Z][\w'’.&-]*\s+){1,5}(?:awards?|prizes?|medals?))\b")
# an item of an enumeration of awards named for its holder ("..., Google PhD Fellow, and ...", "Quillon Research Scholar in 2021")
_CAP_HOLDER_ITEM = re.compile(r"(?P<year>)(?P<name>(?:[A-Z][\w'’.&-]*\s+){1,5}(?:Fellow|Scholar))\b(?!\s+(?:of|at)\b)")
# an item of an enumeration of awards may be a long name with acronyms ("an Office of X (OX) Young Investigator (YI) award")
_CAP_LOWER_ITEM = re.compile(r"(?P<year>)(?P<name>[A-Z][\w'’.&-]*\s+(?:[A-Z][\w'’.&-]*\s+|\([A-Z][\w&-]{1,10}\)\s+|of\s+(?=[A-Z])){0,9}(?:awards?|prizes?|medals?))\b")
# after "his awards include", any capitalised name is an award ("the MIT TR100 (2004), a Sloan Fellowship (2006)")
_LISTED_CUE = re.compile(r"(?:awards|honou?rs|prizes|distinctions)\s+include[sd]?\s", re.I)
_CAP_NAME_ITEM = re.compile(r"(?P<year>)(?P<name>[A-Z][\w'’.&/-]*(?:\s+(?:of\s+|for\s+|in\s+)?[A-Z\d][\w'’.&/-]*){0,6})(?=\s*(?:\((?:19|20)\d\d\)|,|\band\b|[.;]|$))")
_LOWER_AWARD = re.compile(r"(?P<year>)(?P<name>(?!(?:an?|the|numerous|several|many|various|other|prestigious|this|that|his|her|their|its|our|my|research|travel)\s)(?:(?!and\b|or\b)[a-z][\w-]*\s+){1,3}(?:award|prize|medal)s?)\b")
_YEARS = re.compile(r"\s+in\s+((?:19|20)\d\d(?:\s*,\s*(?:and\s+)?(?:in\s+)?(?:19|20)\d\d|\s+and\s+(?:in\s+)?(?:19|20)\d\d)*)")
_SCHOLAR = re.compile(r"\b(?:is|was|became|being|as)\s+(?:also\s+)?(?:an?\s+)?(?:[^,.;]{0,40}?\s+and\s+(?:an?\s+)?)?(?P<obj>(?:[A-Z][\w-]*\s+){1,4}(?:Fellow|Scholar))\b(?!\s+of\b)")
_MORE_OF = re.compile(r"\s*(?:,\s*(?:and\s+)?(?:of\s+)?|\s+and\s+(?:of\s+)?)(?:the\s+)?(?P<n>(?:[A-Z][A-Za-z&]{1,10}|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})(?:\s+[\"“][^\"“”]{3,60}[\"”])?)(?=\s*(?:,|and\b|[.;]|$))")
_FELLOW = re.compile(r"\b(?:(?:was|been|is)\s+)?(?:elected|named|recognized|recognised|appointed|made)\s+(?:as\s+)?(?:an?\s+)?(?P<obj>(?:[A-Z][\w-]*\s+)?(?:advisory\s+)?[Ff]ellow\s+of\s+(?:the\s+)?[A-Z][\w'’ ,.-]*?(?:\s+for\s+[A-Z][\w'’ ,.-]*?)?|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+Fellow|Commander\s+of\s+the\s+Order\s+of\s+the\s+[A-Z][\w ]*?(?:\s*\([A-Z]+\))?)(?=\s+(?:in|for|by|on)\b|\s+and\s+(?:an?\s+)?(?:member|[Ff]ellow|foreign)\b|[,.;]|$|\s*\((?:19|20)\d\d\))")
# before "and a Fellow of X": an honour, or a copula naming what the person is ("is the creator of M and a Fellow of X")
_HONOUR_BEFORE = re.compile(r"\b(?:is|was|became|elected|named)\s+(?:also\s+)?(?:(?:an?\s+)?(?:[A-Z][\w-]*\s+)?(?:member|[Ff]ellow)\s+of\b|(?:an?|the)\s)")
_IS_FELLOW = re.compile(r"\b(?:is|was|became|and\s+(?=an?\s))\s*(?:an?\s+)?(?P<obj>(?:[A-Z][\w-]*\s+)*Fellow\s+of\s+(?:the\s+)?[A-Z][\w'’ -]*?(?:\s+for\s+[A-Z][\w'’ -]*?)?|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+Fellow)(?=\s+(?:in|for|since)\b|\s+and\s+of\b|\s+and\s+(?:has|have|had|is|was|won|received|became)\b|\s+and\s+(?:an?\s+)?(?:member|[Ff]ellow|foreign)\b|[,.;]|$|\s*\((?:19|20)\d\d\))")
_MEMBER = re.compile(r"\b(?:is|was|became|elected|and)\s+(?:also\s+)?(?:an?\s+|as\s+an?\s+)?member\s+of\s+(?:the\s+)?(?P<obj>[A-Z][\w'’ -]*?(?:Academy|Society)(?:\s+of\s+[A-Z][\w ]*?)?(?:\s*\([A-Z][\w -]{1,30}\))?)(?=[,.;]|\s+(?:and|in|for|since)\b|$|\s*\((?:19|20)\d\d\))")
# "was elected to the National Academy of X", "inducted into the Y Hall of Fame": a membership is an honour
_ELECTED_TO = re.compile(r"\b(?:elected|inducted)\s+(?:in)?to\s+(?:the\s+)?(?P<obj>[A-Z][\w'’ -]*?(?:Academy|Society|Hall\s+of\s+Fame)(?:\s+of\s+[A-Z][\w ]*?)?(?:\s*\([A-Z][\w -]{1,30}\))?)(?=[,.;]|\s+(?:and|in|for|since|as)\b|$)")
_NAMED_LIST = re.compile(r"\bnamed\s+(?:to|in|on)\s+(?:the\s+)?(?P<obj>[A-Z][\w&'’ -]*?)(?:\s+list)\b")
_RANKED = re.compile(r"\b(?:ranked|listed)\s+[\w ]{0,20}?\s+in\s+(?:the\s+)?(?P<obj>[A-Z][\w&'’ -]*?\d{4})\b")
_QUOTED = re.compile(r"[“\"]([^”\"]{3,60})[”\"](?:\s+(?:at|in)\s+(?P<org>[A-Z][\w-]+))?(?P<dates>(?:\s+(?:in|and|,)\s*(?:19|20)\d\d)+)?")
_OF_THE_YEAR = re.compile(r"\b(?:as|named|was|is)\s+(?:its\s+|the\s+|an?\s+)?(?:(?P<year>(?:19|20)\d\d)\s+)?(?P<obj>(?:[A-Z][\w-]*\s+){1,4}of\s+the\s+Year)\b")
_GROUP_SUBJECT = re.compile(
    r"\b(?:project|team|group|lab|laboratory|system|company|startup|students)\s+(?:has\s+|have\s+|had\s+|also\s+)*$"
    r"|\bits\s+(?:\w+\s+)?papers?\s+(?:(?:was|were|has|have|been|also)\s+)*$",  # "one of its papers was recognized with ...": the project's
    re.I,
)
_GIVER_OF = re.compile(r"\s+(?:of|from|by)\s+(?:the\s+)?(?=[A-Z])")
_NEXT_ITEM = re.compile(r"(?:['’‘]\d\d\b)?(?:\s*\(?[Rr]unner[- ]?up\)?)?\s*(?:\([^)]{0,40}\)\s*)?(?:\s+in\s+(?:[A-Z][\w-]*\s*){1,4})?(?:\s+in\s+(?:19|20)\d\d)?(?:\s+(?:from|by|of|at)\s+(?:the\s+)?(?:[A-Z][\w.&-]*\s*|(?:on|of|for|and|in)\s+(?=[A-Z])){1,9}(?:\([A-Z][\w&-]{1,10}\))?(?:\s*(?:19|20)\d\d|\s+in\s+(?:19|20)\d\d)?)?(?:,\s*(?:and\s+)?|\s+and\s+|;\s*)(?:also\s+)?(?:the\s+|an?\s+|two\s+|three\s+|four\s+|five\s+|several\s+|multiple\s+)?(?=[A-Za-z\d])")
_AT_VENUES = re.compile(r"\s+(?:at|from)\s+(?:the\s+)?(?=[A-Z])")
_AWARDS_LIKE = re.compile(r"\b(?:awards?|honou?rs|prizes?)\s+(?:like|such\s+as|including)\s+")
_HONORARY = re.compile(r"\b(?:awarded|received|given|granted)\s+an?\s+(?P<obj>honorary\s+(?:doctorate|degree|fellowship|professorship))(?:\s+(?:by|from)\s+)?")
# "was elected one of Norway's leading "Bright Minds" (Lyse Hoder) by the X Society": a ranked list, with who made it
_ONE_OF = re.compile(
    r"\b(?:was|were|been|is)\s+(?:elected|named|selected|chosen|listed|recognized|recognised)\s+(?:as\s+)?one\s+of\s+(?:the\s+)?(?:[A-Z][\w'’]*['’]s\s+)?(?:[a-z][\w-]*\s+){0,2}"
    r"[\"“”](?P<obj>[A-Z][^\"“”]{2,60}?)[\"“”]"
)
# "was named one of Time magazine's 100 Most Influential People": a ranked list, and who ranks
_NAMED_AMONG = re.compile(
    r"\b(?:was|were|been|is|be)\s+(?:\w+\s+)?named\s+(?:as\s+)?(?:one\s+of|among)\s+(?:the\s+)?(?P<giver>[A-Z][\w.]*(?:\s+[a-z]+)?)['’]s\s+"
    r"(?P<obj>(?:\d+\s+)?(?:[Mm]ost|[Tt]op|[Ll]eading)\s+[\w ]{3,60}?)(?=\s+in\s+(?:19|20)\d\d|[,.;]|$)"
)
# "was listed among Forbes 30 Under 30", "named to MIT Technology Review's 35 Innovators Under 35": a ranked list
# (with a number in its name; "was featured in Nature" is no honour)
_LISTED_AMONG = re.compile(
    r"\b(?:was|were|been|is)\s+(?:\w+\s+)?(?:listed|named|included|featured|selected)\s+(?:among|on|to)\s+(?:the\s+)?"
    r"(?P<obj>(?:(?:[A-Z][\w&.]*\s+){0,3}[A-Z][\w&.]*['’]s?\s+)?(?:(?:[A-Z][\w&]*\s+){0,3}\d+|[A-Z]+\d+)(?:\s+(?:(?:of|for)\s+)?(?:[A-Z\d][\w&]*|[Uu]nder))*)\b"
)
_BY_ORG = re.compile(r"\s*(?:\([^()]{1,60}\))?\s+by\s+(?:the\s+)?(?=[A-Z])")
_NAMED_THE = re.compile(r"\b(?:was|is)\s+named\s+(?:as\s+)?(?P<obj>the\s+(?:most|top|first)\s+[\w ]{3,50}?)(?=\s+(?:after|by|for|in\s+(?:19|20)\d\d)\b|[,.;]|$)")


_FOR_YEAR = re.compile(r"\s+for\s+(?=(?:19|20)\d\d\b)")


def _year_of(sent: Sent, s: int, e: int) -> str | None:
    d = date_after(sent, e, 20)
    if d is None and (f := _FOR_YEAR.match(text_of(sent.doc), e, sent.end)):
        d = date_after(sent, f.end(), 0)  # "the X Award for 2012": the year it is given for
    if d is not None and d.value and "/" not in d.value:
        return d.value[:10]
    ld = leading_date(sent)
    if ld is not None and ld.value and "/" not in ld.value:
        return ld.value
    return None


_SHARED_WITH = re.compile(r"\s*\(\s*(?:shared\s+|jointly\s+)?with\s+([^()]{3,120})\)")


def _shared_with(sent: Sent, co: Coref, c: Candidate, e: int) -> Iterator[Candidate]:
    """"the 2018 X Award (with A and B)": the people named in the parentheses received it too."""
    m = _SHARED_WITH.match(text_of(sent.doc), e, sent.end)
    if m is None:
        return
    for mention in co.mentions_in(m.start(1), m.end(1)):
        if mention.person.canonical != c.subject.canonical:
            who = Arg(text_of(sent.doc)[mention.start : mention.end], "PERSON", mention.person.canonical, mention.start, mention.end)
            yield replace(c, subject=who)


# an item of an enumeration that names no award ("..., a trip to Oslo, and ..."), up to the next item
_OTHER_ITEM = re.compile(r"[^,;()]{1,60}?(?=,\s*(?:and\s+)?(?:the|an?)\s+[A-Z\d\"“]|\s+and\s+(?:the|an?)\s+[A-Z\d\"“])")


def _award_item(text: str, pos: int, end: int, listed: bool) -> re.Match | None:
    """The award named at `pos`, where an item of an enumeration starts."""
    a = _AWARD_NAME.match(text, pos, end)
    if a is not None:
        name = text[a.start("name") : a.end("name")].rsplit(" for ", 1)[0]
        return a if re.fullmatch(r"(?:[“\"]?[A-Z][\w'’.&/-]*[”\"]?|of|for|the|and|in|\s)+", name) else None
    low = _CAP_LOWER_ITEM.match(text, pos, end) or _LOWER_AWARD.match(text, pos, end) or _CAP_HOLDER_ITEM.match(text, pos, end)
    if low is None and listed:
        low = _CAP_NAME_ITEM.match(text, pos, end)
    return low


def _next_award(sent: Sent, pos: int, listed: bool) -> re.Match | None:
    """The next award of the enumeration after `pos`; one item without a verb that names none is stepped over
    ("a Keller Award, Dunmore's 30 under 30 recognition, and a Quillon Prize"), not a clause ("visited Oslo")."""
    text = text_of(sent.doc)
    for _ in range(2):
        nx = _NEXT_ITEM.match(text, pos, sent.end)
        if nx is None:
            return None
        a = _award_item(text, nx.end(), sent.end, listed)
        if a is not None:
            return a
        other = _OTHER_ITEM.match(text, nx.end(), sent.end)
        if other is None or any(other.start() <= t.idx < other.end() and t.tag_.startswith(("VB", "MD")) for t in sent.span):
            return None
        pos = other.end()
    return None


@sentence_rule("award_received", "awards.prose", triggers=["award"], order=200)
def awards(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    seen: list[tuple[int, int]] = []

    def emit(ref, s, e, obj_text, rule, q):
        for a, b in seen:
            if a < e and s < b:
                return None
        seen.append((s, e))
        return cand("award_received", subj_arg(sent, ref), Arg(text[s:e], "AWARD", obj_text, s, e), sent, rule, q)

    for m in _OF_THE_YEAR.finditer(text, sent.start, sent.end):
        # "was recognized by the School of Engineering as its 2010 Alumnus of the Year"
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        s, e = m.span("obj")
        q = {"date": m.group("year")} if m.group("year") else {}
        y = None if q else _year_of(sent, s, e)
        if y:
            q["date"] = y
        by = re.search(r"\bby\s+(?:the\s+)?([A-Z][\w&.-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&.-]*)*)\s+as\s+(?:its\s+|the\s+|an?\s+)?(?:(?:19|20)\d\d\s+)?$", text[sent.start : s])
        if by:
            q["org"] = by.group(1)
        c = emit(ref, s, e, text[s:e], "prose.award_named", q)
        if c:
            yield c
    for m in _SCHOLAR.finditer(text, sent.start, sent.end):
        s, e = m.span("obj")
        obj = text[s:e]
        if obj.lower() in set(words()["jobs_despite_their_head"]) or re.search(r"\b(?:Research|Postdoctoral|Post-doctoral|Teaching|Senior|Visiting)\s+Fellow$", obj):
            continue  # a job, not an honour
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        y = _year_of(sent, s, e)  # "an IEEE Fellow (2012)"
        c = emit(ref, s, e, obj, "prose.award_fellow", {"date": y} if y else {})
        if c:
            yield c
    for rx, rule in ((_FELLOW, "prose.award_fellow"), (_IS_FELLOW, "prose.award_fellow"), (_MEMBER, "prose.award_member"), (_ELECTED_TO, "prose.award_member"), (_NAMED_LIST, "prose.award_named"), (_RANKED, "prose.award_named"), (_HONORARY, "prose.award_received"), (_NAMED_THE, "prose.award_named"), (_ONE_OF, "prose.award_named"), (_NAMED_AMONG, "prose.award_named"), (_LISTED_AMONG, "prose.award_named")):
        for m in rx.finditer(text, sent.start, sent.end):
            ref = clause_subject(sent, m.start(), co)
            if ref is None or negated(sent, m.start()):
                continue
            if m.group().startswith("and") and not _HONOUR_BEFORE.search(text, sent.start, m.start()):
                continue  # "and a Fellow of X" continues a list of honours, not any list ("met P and a Fellow of X")
            s, e = m.span("obj")
            obj = text[s:e].strip(" ,")
            e = s + len(obj)
            q: dict[str, str] = {}
            y = _year_of(sent, s, e)
            if y:
                q["date"] = y
            if rx is _NAMED_AMONG:
                q["org"] = m.group("giver")
            if rx is _ONE_OF:
                bo = _BY_ORG.match(text, m.end(), sent.end)
                n = name_at(sent, bo.end()) if bo else None
                if n is not None:
                    q["org"] = n.text
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
            fo = re.match(r"([Ff]ellow\s+of\s+(?:the\s+)?)", obj)
            p = e
            while fo and rule == "prose.award_fellow":
                # "a Fellow of the ACM, IEEE, and AAAS": one fellowship each
                mo = _MORE_OF.match(text, p, sent.end)
                if not mo or mo.group("n").lower() in ("a", "an", "member"):
                    break
                ns, ne = mo.span("n")
                yield cand("award_received", subj_arg(sent, ref), Arg(text[ns:ne], "AWARD", fo.group(1) + text[ns:ne], ns, ne), sent, rule, {})
                p = ne
    for m in _RECEIVED.finditer(text, sent.start, sent.end):
        if _GROUP_SUBJECT.search(text, max(sent.start, m.start() - 30), m.start()):
            continue  # "the GroupLens project won ...": the project's award, not the person's
        listed = _LISTED_CUE.search(m.group()) is not None
        a = _AWARD_NAME.match(text, m.end(), sent.end) or _CAP_LOWER_AWARD.match(text, m.end(), sent.end) or _LOWER_AWARD.match(text, m.end(), sent.end)
        if not a and listed:
            a = _CAP_NAME_ITEM.match(text, m.end(), sent.end)
        if not a:
            continue
        ref = clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        # "received the A Prize, the B Award and the C Medal": each name of the enumeration
        while a:
            s, e = a.span("name")
            obj = text[s:e]
            q = {}
            if a.group("year"):
                q["date"] = a.group("year").strip()
            else:
                y = _year_of(sent, s, e)
                if y:
                    q["date"] = y
            om = _GIVER_OF.match(text, e, sent.end)
            if om and not _AWARD_NAME.match(text, om.end(), sent.end):
                n = name_at(sent, om.end())
                if n is not None:
                    q["org"] = n.text
                    e_next = n.end
                else:
                    e_next = e
            else:
                e_next = e
            ys = _YEARS.match(text, e, sent.end)
            years = re.findall(r"(?:19|20)\d\d", ys.group(1)) if ys and "year" not in q else []
            at = _AT_VENUES.match(text, e, sent.end) if re.search(r"(?:award|prize|medal)s$", obj, re.I) else None
            venues = names_list(sent, at.end(), several=True) if at else []
            if len(venues) > 1:
                # "best paper awards at SIGMOD, VLDB and ICDE": one award from each, named by it ("the VLDB best paper award")
                for n in venues:
                    yield cand("award_received", subj_arg(sent, ref), Arg(text[s:e], "AWARD", f"{n.text} {obj.strip()[:-1]}", s, e), sent, "prose.award_received", q | {"org": n.text})
                seen.append((s, e))
                e_next = venues[-1].end
            elif len(years) > 1:
                # "Outstanding Paper awards in 2018, 2022 and 2024": one award a year
                for y in years:
                    c = cand("award_received", subj_arg(sent, ref), Arg(text[s:e], "AWARD", re.sub(r"s$", "", obj.strip()), s, e), sent, "prose.award_received", q | {"date": y})
                    yield c
                seen.append((s, e))
                e_next = ys.end()
            else:
                c = emit(ref, s, e, re.sub(r"(?<=[Aa]ward)s$", "", obj.strip()), "prose.award_received", q)
                if c:
                    yield c
                    yield from _shared_with(sent, co, c, e)
            a = _next_award(sent, e_next, listed)
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
