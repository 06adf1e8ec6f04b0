"""author_of from the owner's publication list, "our paper <title>" news lines, and prose.

A paper entry is a title line (bold, quoted, or followed by its author line)
plus up to three following lines that name authors and the venue.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Iterator

from spacy.tokens import Doc

from ..coref import Coref
from .base import Arg, Candidate, Line, ents_in, ents_starting_in, lines, subject_arg, text_arg, text_of
from .citation import VENUE_WORDS, YEAR, author_run, is_author_line, is_badge, is_links_line, parse_citation, strip_marker, venue_of
from .nesting import parent_date
from .registry import RelationSpec, doc_rule, relation, sentence_rule
from .toolkit import Sent, State, cand, clause_subject, date_after, leading_date, negated, person_refs, subj_arg

SPEC = relation(RelationSpec("author_of", ("PERSON",), ("WORK",), ("venue", "date", "role")))

_QUOTED = re.compile(r"[\"“”]([^\"“”]{12,300})[\"“”]")
_SENTENCE_START = re.compile(r"^(?:we|our|this|in this|the proposed|they|i|here|see|note|your|click|please)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:my|I|we|our)\b")
_SHARED_MARK = re.compile(r"([*†‡#§])\s*(?:\\\*)?\s*[:=]?\s*(?:[\w-]+\s+){0,3}?(?:co-?first|equal(?:ly)?\s+contribut|contributed\s+equally|joint\s+first)", re.I)
_NOT_A_LIST = re.compile(r"[*_\\\s]*(?!and\b|et\b)[a-z]")
# a marked title that a lowercase word runs into ("with a **Sparse Fusion** module") is a phrase of prose
_IN_PROSE = re.compile(r"\b[a-z]+\s*[*_]*\s*$")
_NEWS_PAPER = re.compile(r"\b(?:our|my)\s+(?:\w+\s+){0,2}(?:paper|work|article|study)\b", re.I)
_NOT_PAPER_SECTIONS = {"publications", "news", "education", "experience", "awards", "contact", "teaching", "service", "talks"}


def name_variants(full: str) -> list[re.Pattern[str]]:
    words = full.split()
    if len(words) < 2:
        return [re.compile(rf"\b{re.escape(full)}\b")]
    first, last = words[0], words[-1]
    forms = dict.fromkeys([full, f"{first} {last}", f"{last} {first}", f"{first[0]}. {last}", f"{last}, {first}", f"{last} {''.join(w for w in words[:-1])}"])
    return [re.compile(rf"(?<![\w]){re.escape(f)}(?![\w])", re.I) for f in forms]


def owner_in(text: str, variants: list[re.Pattern[str]]) -> re.Match[str] | None:
    """The owner's first mention in `text` by any form, the longest where two start together
    ("Yang Liu, Yang Yang": "Yang Liu" at 0, not "Liu, Yang" at 5)."""
    found = [m for v in variants if (m := v.search(text))]
    return min(found, key=lambda m: (m.start(), -m.end()), default=None)


def paper_lines(doc: Doc) -> list[Line]:
    """Lines of the publication sections, and of any other section that reads as a paper list.

    A heading like "Research" may hold interests or papers; a section where
    several lines are author lists holds papers, whatever its heading says.
    """
    cached = doc.user_data.get("paper_lines")
    if cached is not None:
        return cached
    by_section: dict[tuple[str | None, int], list[Line]] = {}
    clean = doc._.clean
    starts = sorted(sec.start for sec in getattr(clean, "sections", []) or [])
    for ln in lines(doc):
        k = bisect_right(starts, ln.start)  # the sections begun by the line's start
        by_section.setdefault((ln.section, k), []).append(ln)
    out: list[Line] = []
    for (name, _), group in by_section.items():
        if name == "publications":
            out.extend(group)
        elif name not in _NOT_PAPER_SECTIONS:
            n_authors = sum(1 for ln in group if is_author_line(ln.text))
            if n_authors >= 2 and n_authors * 6 >= len(group):
                out.extend(group)
    out.sort(key=lambda ln: ln.start)
    doc.user_data["paper_lines"] = out
    return out


def _plain_title(text: str) -> bool:
    """A line that may stand alone as a title: no venue tag, link row, author list or sentence."""
    t = strip_marker(text)
    n = len(t.split())
    if n < 2 or n > 40 or is_badge(t) or is_links_line(t) or is_author_line(t):
        return False
    if t.endswith(".") and n > 25 or _FIRST_PERSON.search(t):
        return False
    v = venue_of(t)
    if v is not None and v.start == 0 and v.year and VENUE_WORDS.search(t[: v.end]):
        return False  # "IEEE Conference on X (CX), Springfield, 2023" is the venue line
    return (t[:1].isupper() or t[:1].isdigit()) and not _SENTENCE_START.match(t)


def _title_then_byline(line: Line, following: list[Line]) -> bool:
    """A title line over its author line, or over a short byline ("Widget Team") that the entry's bullets follow."""
    nxt = following[0].text
    if is_author_line(nxt):
        return True
    return (
        len(line.text.split()) >= 4
        and not line.text.endswith(".")
        and len(nxt.split()) <= 4
        and not nxt.startswith(("- ", "* "))
        and not is_badge(nxt)
        and len(following) > 1
        and following[1].text.startswith(("- ", "* "))
    )


def _title_span(doc: Doc, line: Line) -> tuple[int, int] | None:
    """A title marked up inside the line: bold, quoted, or the link that opens the item."""
    text = text_of(doc)
    bolds, links = _marked_spans(doc)
    # "- [Title](url), Authors, Venue, 2024": a link opening a list item is the paper's title,
    # and a bold span after it (the venue, the owner's name) is not
    opening = None
    for s, e, _href in links[bisect_left(links, (line.start, -1, "")) :]:
        if s > line.start + 3:
            break
        if e <= line.end and len(text[s:e].split()) >= 3 and _plain_title(text[s:e]):
            opening = (s, e)
            break
    for s, e in bolds[bisect_left(bolds, (line.start, -1)) :]:
        if s >= line.end or opening is not None and s >= opening[1]:
            break
        if e <= line.end and not _IN_PROSE.search(text[line.start : s]):
            t = text[s:e].strip(" .,:")
            if len(t.split()) >= 3 and _plain_title(t):
                return s, e
    m = _QUOTED.search(line.text)
    if m and len(m.group(1).split()) >= 3 and _plain_title(m.group(1)) and not _IN_PROSE.search(line.text[: m.start()]):
        return line.start + m.start(1), line.start + m.end(1)
    return opening


def _marked_spans(doc: Doc) -> tuple[list[tuple[int, int]], list[tuple[int, int, str]]]:
    """Bold spans and links of the doc, sorted once, so each line finds its own by bisection."""
    cached = doc.user_data.get("marked_spans")
    if cached is None:
        clean = doc._.clean
        cached = doc.user_data["marked_spans"] = (sorted(getattr(clean, "bold", []) or []), sorted(getattr(clean, "links", []) or []))
    return cached


def _venue_in(doc: Doc, s: int, e: int, exclude: tuple[int, int], slot: bool = False) -> tuple[str, str | None] | None:
    """(venue, year) named in text[s:e]: a venue line's name, else a known venue's name.

    In the venue slot (the line right after the authors) a name with a year is taken even when unknown.
    """
    text = text_of(doc)
    chunk = text[s:e]
    if is_links_line(chunk) or is_author_line(chunk):
        return None
    v = venue_of(chunk)
    known = [x for x in ents_in(doc, s, e, ("VENUE",)) if not (exclude[0] <= x.start_char < exclude[1])]
    if v is not None and (VENUE_WORDS.search(chunk[v.start : v.end]) or is_badge(chunk) or slot and v.year or known and v.start <= known[0].start_char - s < v.end):
        return chunk[v.start : v.end], v.year
    if known:
        k = known[0]
        y = YEAR.search(text, k.end_char, min(e, k.end_char + 12))
        return k.text, (y.group(1) or f"20{y.group(2)}") if y else None
    return None


_ACRONYM_NOTE = re.compile(r"\([A-Z][A-Za-z]*[A-Z][A-Za-z]*\)")


def _bold_venue(doc: Doc, s: int, e: int, variants: list[re.Pattern[str]]) -> tuple[str, str | None] | None:
    """"[Title](url), A. Lee, **Jane Doe**. **Journal of Widgets**, 2023": the marked venue after the names."""
    text = text_of(doc)
    bolds, _ = _marked_spans(doc)
    for bs, be in bolds[bisect_left(bolds, (s, -1)) :]:
        if bs >= e:
            break
        t = text[bs:be].strip(" .,;:")
        if not t or be > e or owner_in(t, variants) or is_author_line(t):
            continue
        if VENUE_WORDS.search(t) or _ACRONYM_NOTE.search(t) or ents_in(doc, bs, be, ("VENUE",)):
            v = venue_of(t)
            if v is not None and v.year:
                return t[v.start : v.end], v.year  # "**ICML 2023**": the year is the date
            y = YEAR.search(text, be, min(e, be + 12))
            return t, (y.group(1) or f"20{y.group(2)}") if y else None
    return None


def _role(names: str, variants: list[re.Pattern[str]], shared: set[str]) -> str | None:
    """"first author" when the owner is listed first, unless a mark the page explains as shared follows the name."""
    m = owner_in(names, variants)
    if m is None or m.start() > 2:
        return None
    if _NOT_A_LIST.match(names[m.end() :]):
        return None  # "Jane Doe is project leader.": a sentence about the owner, not an author order
    mark = re.match(r"\s*(?:\\)?([*†‡#§])", names[m.end() :])
    if mark and mark.group(1) in shared:
        return None
    return "first author"


@doc_rule("author_of", "publications.list", order=40)
def publication_list(doc: Doc) -> Iterator[Candidate]:
    """One fact per entry of the owner's paper list, whatever the layout of the entry.

    The title is marked up (bold, quoted, the opening link), stands on its own
    line before an author line, or is read off a one-line citation; the venue
    and year come from the entry's venue line, from a known venue name, or from
    a badge line just before the title ("ICLR 2023").
    """
    subj = subject_arg(doc)
    if subj is None:
        return
    variants = name_variants(subj.canonical or subj.text)
    text = text_of(doc)
    pub = paper_lines(doc)
    best: dict[str, Candidate] = {}
    shared = {m.group(1) for m in _SHARED_MARK.finditer(text)}
    consumed: set[int] = set()
    badge: tuple[str, str | None] | None = None
    for i, line in enumerate(pub):
        body = strip_marker(line.text)
        if is_links_line(body) or line.start in consumed:
            continue
        if is_badge(body):
            v = venue_of(body)
            badge = (body[v.start : v.end], v.year) if v is not None else None
            known = ents_in(doc, line.start, line.end, ("VENUE",))
            if badge is not None and known and known[-1].text in badge[0] and known[-1].text != badge[0]:
                badge = (known[-1].text, badge[1])  # "Object Detection CVPR 2025": a topic tag glued before the venue
            continue
        following = [ln for ln in pub[i + 1 : i + 6] if not is_links_line(ln.text)][:4]
        span = _title_span(doc, line)
        rule, conf = "publications.bold_title", 0.85
        cit = None
        if span is None and following and _title_then_byline(line, following) and _plain_title(line.text) and not line.text.startswith(("- ", "* ")):
            off = line.start + len(line.text) - len(body)
            span, rule, conf = (off, line.end), "publications.title_line", 0.75
        if span is None:
            cit = parse_citation(line.text)
            if cit is None or cit.authors is None:
                if not is_author_line(line.text):
                    badge = None
                continue
            span, rule, conf = (line.start + cit.title[0], line.start + cit.title[1]), "publications.citation", 0.75
            if VENUE_WORDS.search(text, *span) and YEAR.search(text, *span):
                continue  # "Proceedings of the X Conference, 2020" read where the title should be: no title stands out
        title = text_arg(doc, span[0], span[1], "WORK")
        if not title.text or len(title.text.split()) < 2 or owner_in(title.text, variants) and len(title.text.split()) <= 4:
            continue
        q: dict[str, str] = {}
        # the rest of the entry: lines up to the next title
        entry = [line]
        for j, ln in enumerate(following if cit is None else ()):
            if _title_span(doc, ln) is not None or (c2 := parse_citation(ln.text)) is not None and c2.authors is not None:
                break
            if j > 0 and following[j + 1 :] and _plain_title(ln.text) and _title_then_byline(ln, following[j + 1 :]) and not ln.text.startswith(("- ", "* ")):
                break  # the next entry's title line
            if is_badge(ln.text):
                # "NeurIPS 2023" right after the title or author line is this entry's venue; later, the next entry's badge
                # unless a badge came before the title: then badges lead their entries, and this one is the next entry's
                if len(entry) <= 2 and (len(entry) == 1 or is_author_line(entry[-1].text)) and badge is None:
                    entry.append(ln)
                break
            entry.append(ln)
            if len(entry) >= 4:
                break
        authors = None
        if cit is not None and cit.authors is not None:
            authors = text[line.start + cit.authors[0] : line.start + cit.authors[1]]
        else:
            rest = text[span[1] : line.end]
            if is_author_line(rest.strip(" ,.")) or owner_in(rest, variants):
                authors = rest.strip(" ,.")
            for ln in entry[1:]:
                if authors is None and (is_author_line(ln.text) or owner_in(ln.text, variants)):
                    authors = strip_marker(ln.text)
        if authors is not None:
            role = _role(authors, variants, shared)
            if role:
                q["role"] = role
        venue = None
        if cit is not None and cit.venue is not None:
            venue = (text[line.start + cit.venue[0] : line.start + cit.venue[1]], cit.year)
        elif cit is not None and cit.year:
            venue = (None, cit.year)
        if venue is None and cit is None:
            venue = _bold_venue(doc, span[1], line.end, variants)
        if venue is None:
            rest_s = span[1]
            after_names = False
            for k, ln in enumerate(entry):
                s = max(ln.start, rest_s)
                if s >= ln.end:
                    continue
                if ln is line:
                    # "**Title**, A. Lee, J. Roe, NeurIPS 2023": the venue follows the names on the title line
                    run = author_run(text, s, ln.end)
                    if run is not None and not text[s : run[0]].strip(" ,.:;-"):
                        s = run[1]
                        after_names = True
                found = _venue_in(doc, s, ln.end, span, slot=after_names or ln is not line and authors is not None and k > 0 and authors in entry[k - 1].text)
                if found is not None:
                    venue = found
                    break
        if (venue is None or venue[0] is None) and badge is not None:
            venue = (badge[0], badge[1] or (venue[1] if venue else None))
        if venue is not None:
            if venue[0]:
                q["venue"] = venue[0]
            if venue[1]:
                q["date"] = venue[1]
        if "date" not in q:
            trailing = re.search(r"[,(]\s*((?:19|20)\d\d)\)?\.?\s*$", line.text)
            if trailing:
                q["date"] = trailing.group(1)
            elif (year := parent_date(doc, line)) is not None:
                q["date"] = year  # an entry nested under a year bullet
        badge = None
        consumed.update(ln.start for ln in entry)
        ev_end = max(ln.end for ln in entry[: 1 + (next((k for k, ln in enumerate(entry) if authors and authors in ln.text), 0))])
        c = Candidate("author_of", subj, title, (line.start, ev_end), rule, conf, q)
        key = re.sub(r"\W+", " ", title.text.lower()).strip()
        old = best.get(key)
        if old is not None:
            # one paper listed twice (a featured box and the full list): the fuller venue wins, qualifiers unite
            keep, other = (c, old) if len(q.get("venue", "")) > len(old.qualifiers.get("venue", "")) else (old, c)
            for k2, v2 in other.qualifiers.items():
                keep.qualifiers.setdefault(k2, v2)
            c = keep
        best[key] = c
    yield from best.values()


@doc_rule("author_of", "publications.news", order=41)
def news_papers(doc: Doc) -> Iterator[Candidate]:
    subj = subject_arg(doc)
    if subj is None:
        return
    for line in lines(doc):
        if line.section == "publications" or not _NEWS_PAPER.search(line.text):
            continue
        m = _QUOTED.search(line.text)
        if not m or len(m.group(1).split()) < 3:
            continue
        title = text_arg(doc, line.start + m.start(1), line.start + m.end(1), "WORK")
        q: dict[str, str] = {}
        venues = ents_starting_in(doc, line.start + m.end(), line.end, ("VENUE",))
        if venues:
            q["venue"] = venues[0].text
        yield Candidate("author_of", subj, title, (line.start, line.end), "publications.news_our_paper", 0.8, q)


# ---------------------------------------------------------------- prose

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


@sentence_rule("author_of", "authorship.prose", triggers=["author"], order=190)
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


# "published the paper T in 1998", "wrote the book T", "is the author of T", "for his thesis T";
# co-authors named with "together with A, B and C"
_WORK_VERB = re.compile(
    r"\b(?:published|publishes|wrote|writes|authored|co-?authored|co-?wrote|(?:is|was)\s+(?:also\s+)?the\s+(?:co-?)?author\s+of|(?:[Hh]is|[Hh]er|their)\s+(?:doctoral\s+|PhD\s+|Ph\.D\.\s+|master['’]s\s+)?(?:thesis|dissertation))"
    r"\s*(?:,\s*)?(?:(?:the|a|an|his|her|their)\s+)?(?:(?:best-?selling|popular|influential|seminal|widely\s+used|first|second|new)\s+)?"
    r"(?:(?P<kind>book|paper|article|textbook|monograph|thesis|dissertation|report|novel)\s*(?:,\s*)?)?(?:(?:titled|entitled|called|on)\s+)?(?=[“\"‘'A-Z])"
)
_QUOTED_TITLE = re.compile(r"[“\"‘']([^”\"’']{5,250})[”\"’']")
_TITLE_RUN = re.compile(r"[A-Z][^.;()]*?(?=\s+(?:in|with|for|at|on)\s+(?:19|20)\d\d\b|\s*\((?:19|20)\d\d\)|,\s+(?:which|a|an|the|and|with|published|co-?authored|together)\b|[.;](?:\s|$)|$)")
_WITH = re.compile(r"\b(?:together\s+with|along\s+with|jointly\s+with|with)\s+")


def _work_title(sent: Sent, pos: int) -> tuple[int, int] | None:
    text = text_of(sent.doc)
    q = _QUOTED_TITLE.match(text, pos, sent.end)
    if q:
        return q.span(1)
    r = _TITLE_RUN.match(text, pos, sent.end)
    if r is None:
        return None
    t = r.group().rstrip(" ,:")
    if len(t.split()) < 3 or any(e.label_ in ("PERSON", "GPE") and e.start_char == pos and e.end_char >= pos + len(t) for e in sent.ents):
        return None  # a title has several words and is not just a name
    return pos, pos + len(t)


@sentence_rule("author_of", "authorship.works", triggers=["author"], order=191)
def works(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    for m in _WORK_VERB.finditer(text, sent.start, sent.end):
        span = _work_title(sent, m.end())
        if span is None:
            continue
        # "Her doctoral thesis, T, was supervised by ...": the thesis is hers, whatever the clause says
        own = re.match(r"(?:his|her)\b", m.group(), re.I)
        ref = next((r for r in person_refs(sent, co) if r.start == m.start()), None) if own else None
        ref = ref or clause_subject(sent, m.start(), co)
        if ref is None or negated(sent, m.start()):
            continue
        s, e = span
        e = s + len(text[s:e].rstrip(" ,."))  # "T," inside the quotes: the comma is the sentence's
        partners = []  # "co-wrote the book T with Jon Park in 2018": the title ends before its co-author
        for w in re.finditer(r"\s+(?:together\s+|jointly\s+)?with\s+", text[s:e]):
            partners = [r for r in person_refs(sent, co) if r.start == s + w.end()]
            if partners:
                e = s + w.start()
                break
        title = re.sub(r"\s*-\s*", "-", text[s:e]).strip()
        q: dict[str, str] = {}
        d = date_after(sent, e + (1 if text[e : e + 1] in "”\"’'" else 0), 12) or leading_date(sent)
        if d is None and re.search(r"thesis|dissertation", m.group()):
            years = [x for x in sent.dates if x.value and "/" not in x.value]
            d = years[0] if len(years) == 1 else None  # "received his PhD in 1988 for his thesis T"
        if d is not None and d.value and "/" not in d.value:
            q["date"] = d.value[:4] if re.match(r"\d{4}-\d\d-\d\d$", d.value) is None else d.value
        r = _ROLE.search(text, e, sent.end)
        if r:
            q["role"] = r.group("role") + " author"
        work = Arg(text[s:e], "WORK", title, s, e)
        yield cand("author_of", subj_arg(sent, ref), work, sent, "prose.author_work", q)
        for other in partners:
            if other.person.canonical != ref.person.canonical:
                yield cand("author_of", subj_arg(sent, other), work, sent, "prose.author_work", q)
        # "P, together with A, B and C, published ...": each co-author
        w = _WITH.search(text, max(sent.start, ref.end), m.start())
        if w is not None:
            for other in co.mentions_in(w.end(), m.start()):
                if other.person.canonical != ref.person.canonical:
                    who = Arg(text[other.start : other.end], "PERSON", other.person.canonical, other.start, other.end)
                    yield cand("author_of", who, work, sent, "prose.author_work", q)
