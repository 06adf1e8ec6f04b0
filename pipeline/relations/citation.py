"""Reading the lines of a publication entry: which line is the title, the authors, the venue.

Publication lists come in many layouts: one-line citations ("A. Lee, J. Roe.
Sparse Widgets at Scale. J. Widgetry, 2023."), a title line followed by author
and venue lines, a venue badge before the title ("ICLR 2023"), a line of links
("[pdf] [code]") after it. These helpers class one line or one string; the
publication rule in `authorship.py` puts the entry together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = r"[*†‡#§¶✉]|\\\*|\^\S+|\d"
_PARTICLE = r"(?:van|von|de|der|den|da|di|le|la|del|dos|du)"
_NAME = re.compile(rf"^(?:{_MARK})*\s*(?:[A-Z][\w'’.\-]*\s+|{_PARTICLE}\s+){{1,3}}[A-Z][\w'’.\-]*\s*(?:{_MARK}|\((?![A-Z]{{2,}}\)).{{0,20}}\))*$")
# Words of paper titles and venues that person names do not contain: "Cross-View Widget Matching" is no name.
_TITLE_WORDS = frozenset(
    "learning network networks detection matching segmentation model models search scale analysis transformer transformers "
    "estimation recognition generation understanding benchmark benchmarks dataset datasets via towards toward vision language "
    "deep neural graph graphs system systems data robust efficient fast sparse survey approach method methods framework "
    "attention training inference retrieval tracking planning control optimization theory algorithm algorithms sensing "
    "computing intelligence processing review letters journal conference workshop transactions proceedings symposium".split()
)
YEAR = re.compile(r"(?<![\d/.])((?:19|20)\d\d)(?![\d/])|(?<=['’])(\d\d)\b")
_LINK_WORDS = {
    "pdf", "paper", "code", "arxiv", "project", "project page", "page", "website", "demo", "video", "videos", "slides", "poster",
    "bibtex", "bib", "blog", "dataset", "data", "github", "talk", "abstract", "supp", "supplementary", "springer", "ieee",
    "acm", "doi", "html", "openreview", "leaderboard", "benchmark", "benchamrk", "media", "press", "documentation", "model",
    "models", "huggingface", "colab", "link", "url", "cite", "citation", "news", "twitter", "youtube", "zhihu", "proceedings",
    "journal", "preprint", "homepage", "short version", "long version", "full version", "extended version", "appendix",
}
_BADGE_WORDS = re.compile(
    r"^(?:oral|spotlight|spotlght|poster|highlight|best\s+[\w ]*(?:paper|award)[\w ]*|[\w ]*award|top\s*\d+(?:\.\d+)?\s*%|"
    r"accepted|early\s+accepted|to\s+appear|in\s+press|under\s+review|submitted|in\s+submission|co-first|equal\s+contribution|"
    r"corresponding\s+author|first\s+author|featured|selected|invited|long|short|full|main|findings|workshop|demo)\b",
    re.I,
)
VENUE_WORDS = re.compile(
    r"\b(?:Conference|Proceedings|Proc\.|Journal|Transactions|Trans\.|Symposium|Workshop|Letters|Review|Magazine|Annals|"
    r"[Aa]r[Xx]iv|bioRxiv|medRxiv|Preprint|Patent|Nature|Science|Forum|Meeting|Congress|Colloquium)\b|\bJ\.\s",
)


def strip_marker(text: str) -> str:
    return re.sub(r"^(?:[-*•]\s+|\d+[.)]\s+|\[\d+\]\s+)", "", text.strip())


# An affiliation beside a name ("Jane Roe, Northfield University") is no second author.
_INSTITUTION_WORDS = {"university", "universität", "université", "universidad", "institute", "college", "labs", "laboratory", "laboratories", "school", "inc", "corporation", "department"}


def is_name(part: str) -> bool:
    """One person's name as an author list writes it ("A. Lee", "Kunchang Li*", "Eli van der Berg")."""
    p = re.sub(r"\s*et\s+al\.?$", "", part.strip())
    if not _NAME.match(p) or len(p.split()) > 4 or YEAR.search(p):
        return False
    return not any(w.lower().strip("*.,'’") in _TITLE_WORDS | _INSTITUTION_WORDS for w in re.split(r"[\s\-]+", p))


def is_author_line(text: str) -> bool:
    """A comma/and-separated list of at least two person names ("A. Lee, J. Roe and K. Diaz")."""
    t = re.sub(r"\s*(?:,|;|\band\b|&)\s*", ",", strip_marker(text).rstrip("."))
    parts = [p.strip() for p in t.split(",") if p.strip()]
    if len(parts) < 2:
        return False
    good = sum(1 for p in parts if is_name(p))
    return good >= max(2, int(0.7 * len(parts)))


def is_links_line(text: str) -> bool:
    """A row of links ("[pdf] [code]", "arXiv | code | Project Page"), not an entry part."""
    chunks = [c.strip().lower() for c in re.split(r"[\[\]|/·•,]+|\s{2,}", text) if c.strip()]
    if not chunks:
        return False
    return all(c in _LINK_WORDS or len(c.split()) <= 2 and c.split()[0] in _LINK_WORDS for c in chunks)


def _drop_badges(text: str) -> str:
    """Remove parenthesised or trailing notes ("(Oral, top 2%)", "Spotlight") from a venue string."""
    t = re.sub(r"\s*[(\[]([^()\[\]]*)[)\]]", lambda m: "" if _BADGE_WORDS.match(m.group(1).strip()) or "%" in m.group(1) else m.group(0), text)
    return t


def is_badge(text: str) -> bool:
    """A line that is only a venue tag, a year and notes ("NeurIPS 2021", "ICLR 2023 (Spotlight)", "(Oral, top 2%)")."""
    t = strip_marker(text).strip(" .")
    t = _drop_badges(t).strip(" .,;")
    t = re.sub(r"^[(\[]|[)\]]$", "", t).strip()
    if not t:
        return True
    if _BADGE_WORDS.match(t) and len(t.split()) <= 5:
        return True
    rest = YEAR.sub(" ", t)
    rest = re.sub(r"[’'\-–.,:;()\[\]]", " ", rest)
    words = rest.split()
    return bool(YEAR.search(t)) and len(words) <= 3 and all(w[:1].isupper() or w.isdigit() for w in words)


@dataclass(frozen=True)
class Venue:
    start: int  # offsets inside the string given
    end: int
    year: str | None


def venue_of(text: str) -> Venue | None:
    """The venue named by a venue line or badge ("Computer Vision and Pattern Recognition (CVPR), 2024. (Highlight)")."""
    t = strip_marker(text)
    t = re.sub(r"\s*\[[^\]]*\].*$", lambda m: "" if is_links_line(m.group()) else m.group(), t)  # "TPAMI [paper] [code]"
    off = len(text) - len(text.lstrip()) + (len(text.strip()) - len(strip_marker(text)))
    # a badge row first: "[CVPR’ 2023]"
    t2 = _drop_badges(t)
    if len(t2) != len(t):
        t = t2
    year_m = None
    for m in YEAR.finditer(t):
        year_m = m
    year = (year_m.group(1) or f"20{year_m.group(2)}") if year_m else None
    s = 0
    lead = re.match(r"^(?:(?:in|to\s+appear\s+in|accepted\s+(?:by|at|to)|published\s+in)\s*:?\s+|(?:oral|spotlight|poster)\s*[,:]\s*)", t, re.I)
    if lead:
        s = lead.end()
    # the venue name ends at the year, or at a comma before a place or the year
    e = len(t)
    if year_m is not None and year_m.start() > s:
        e = year_m.start()
    body = t[s:e]
    # "IEEE International Conference on X (CASE), Auckland, New Zealand, 2023": cut at the parenthesised acronym
    m = re.search(r"\([A-Z][\w\-&]{1,12}\)", body)
    if m:
        body = body[: m.end()]
    body_stripped = body.rstrip(" ,.;:'’-–([").strip(" ,.;:[(\"“”")
    if not body_stripped or len(body_stripped.split()) > 16 or not re.search(r"[A-Za-z]{2}", body_stripped):
        return None
    if _BADGE_WORDS.fullmatch(body_stripped.strip()):
        return None
    # offsets into `text`: badges were cut from the copy, so the name is found again in the original
    idx = text.find(body_stripped, max(0, off))
    if idx < 0:
        return None
    return Venue(idx, idx + len(body_stripped), year)


@dataclass(frozen=True)
class Citation:
    title: tuple[int, int]
    authors: tuple[int, int] | None
    venue: tuple[int, int] | None
    year: str | None


_STOP = re.compile(r"(?<!\b[A-Z])(?<!\bet)(?<!\bvs)(?<!\bJ)(?<!\bProc)(?<!\bTrans)(?<!\bInt)(?<!\bConf)[.?!](?=\s+(?:[A-Z“\"'(]|\d{4}|arXiv|bioRxiv|medRxiv|in\s|to\s+appear))")
_QUOTED = re.compile(r"[\"“”]([^\"“”]{8,300}?)[,.]?[\"“”]")


def _pieces(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in pattern.finditer(text):
        end = m.end() if m.group() == "?" else m.start()
        out.append((pos, end))
        pos = m.end()
    out.append((pos, len(text)))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in out if text[s:e].strip()]


def author_run(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The longest comma-separated run of person names inside text[s:e] (at least two names)."""
    parts = []
    pos = s
    for m in list(re.finditer(r"\s*(?:,|;|\band\b|&)\s*", text[s:e])) + [None]:
        pe = s + m.start() if m else e
        parts.append((pos, pe))
        pos = s + m.end() if m else e
    best, cur = None, []
    for ps, pe in parts:
        p = text[ps:pe].strip()
        if p and (is_name(p) or re.fullmatch(r"et\s+al\.?", p)) and not VENUE_WORDS.search(p):
            cur.append((ps, pe))
            if len(cur) >= 2 and (best is None or cur[-1][1] - cur[0][0] > best[1] - best[0]):
                best = (cur[0][0], cur[-1][1])
        elif p:
            cur = []
    return best


_INV_NAME = r"(?:{p}\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?,\s*(?:[A-Z]\.\s*-?\s*){{1,3}}".format(p=_PARTICLE)
_INV_RUN = re.compile(rf"^{_INV_NAME}(?:(?:,\s*(?:and\s+|&\s*)?|\s*(?:and|&)\s+){_INV_NAME})+")
_PAREN_ACRONYM = re.compile(r"\([A-Z][\w\-&]{1,12}(?:\s+\d{4})?\)")


def _inverted_citation(body: str) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int] | None] | None:
    """'Roe, J., Lee, A., and Diaz, K., Title, Venue, Year.': surname-first authors, then title and venue.

    The title ends at the sentence stop after it, or else at the comma before the first piece
    that names a venue ("Journal of X", "... Conference (ICML)"): titles may hold commas."""
    m = _INV_RUN.match(body)
    if m is None:
        return None
    authors = (0, len(body[: m.end()].rstrip()))
    head = re.compile(r"\s*(?:,|\.)?\s*").match(body, m.end())
    s = head.end() if head else m.end()
    if s >= len(body) or not body[s].isupper() and not body[s].isdigit():
        return None
    rest = body[s:]
    pieces = _pieces(rest, _STOP)
    first_end = pieces[0][1]
    for c in re.finditer(r",\s+", rest[:first_end]):
        piece = rest[c.end() : first_end].split(",", 1)[0]
        if VENUE_WORDS.search(piece) or _PAREN_ACRONYM.search(piece) or YEAR.match(piece.strip()) or is_badge(piece):
            return authors, (s, s + c.start()), (s + c.end(), s + first_end)
    if len(pieces) >= 2 and len(rest[pieces[0][0] : first_end].split()) >= 2:
        return authors, (s + pieces[0][0], s + first_end), (s + pieces[1][0], s + pieces[1][1])
    return None


_LAST_TITLE_WORD_NOT = {"with", "by", "and", "of", "to", "from", "for", "the", "a", "an", "in", "on", "at"}
_INITIAL = re.compile(r"[A-Z]\.(?:-?[A-Z]\.)?")


def _title_glued_to_authors(body: str, s: int, e: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """'Title Words Ana Lee, J. Roe, K. Diaz': a title run straight into its author list (title
    and authors set apart only by the page's styling, lost with the markup).

    The first author is the last two words of a comma part (three when the first of them is an
    initial) that holds two title words or more before them, after at least three title words, the last of them no function word ("Joint work
    with A. Lee, J. Roe" is no title); the rest of the piece is a list of two names or more."""
    seps = [m for m in re.finditer(r"\s*(?:,|;|\band\b|&)\s*", body[s:e])]
    for i, sep in enumerate(seps):
        head = body[s : s + sep.start()]
        spans = [m.span() for m in re.finditer(r"\S+", head)]
        words = [head[a:b] for a, b in spans]
        k = 3 if len(words) >= 3 and _INITIAL.fullmatch(words[-3]) else 2
        part = head[seps[i - 1].end() :] if i else head  # the comma part the name ends: title words glued before it
        if len(words) < k + 3 or len(part.split()) < k + 2 or words[-k - 1].lower() in _LAST_TITLE_WORD_NOT:
            continue
        rest = body[s + sep.end() : e].rstrip(" .")
        if not is_name(" ".join(words[-k:])) or not is_author_line(rest):
            continue
        return (s, s + spans[-k - 1][1]), (s + spans[-k][0], s + sep.end() + len(rest))
    return None


def parse_citation(text: str) -> Citation | None:
    """Title, authors, venue and year of a one-line entry; None when no title stands out.

    Forms read: "Authors. Title. Venue, Year.", "Authors, "Title", Venue, Year.",
    "Title, Authors, Venue (V), Year", "[Venue Year] Title. Authors".
    """
    body = strip_marker(text)
    off = len(text) - len(body)
    year = None
    venue: tuple[int, int] | None = None
    badge = re.match(r"^\[([^\]]{2,40})\]\s*", body)
    if badge and is_badge(badge.group(1)):
        v = venue_of(badge.group(1))
        if v is not None:
            venue, year = (off + 1 + v.start, off + 1 + v.end), v.year
        off += badge.end()
        body = body[badge.end() :]
    q = _QUOTED.search(body)
    if q and len(q.group(1).split()) >= 3:
        title = (off + q.start(1), off + q.end(1))
        rest_s = q.end()
        authors = author_run(body, 0, q.start())
        v = venue_of(body[rest_s:])
        if v is not None and venue is None:
            venue, year = (off + rest_s + v.start, off + rest_s + v.end), v.year
        return Citation(title, (off + authors[0], off + authors[1]) if authors else None, venue, year)
    inv = _inverted_citation(body) if venue is None else None
    if inv is not None:
        (a_s, a_e), (t_s, t_e), rest = inv
        t = body[t_s:t_e].rstrip(" ,;:.")
        v = venue_of(body[rest[0] : rest[1]]) if rest else None
        ys = list(YEAR.finditer(body, t_e))
        yr = v.year if v is not None and v.year else (ys[-1].group(1) or f"20{ys[-1].group(2)}") if ys else None
        if len(t.split()) >= 2 and not is_badge(t):
            ven = (off + rest[0] + v.start, off + rest[0] + v.end) if v is not None else None
            return Citation((off + t_s, off + t_s + len(t)), (off + a_s, off + a_e), ven, yr)
    pieces = _pieces(body, _STOP)
    authors = None
    title = None
    if len(pieces) >= 2:
        for s, e in pieces:
            p = body[s:e]
            glued = _title_glued_to_authors(body, s, e) if authors is None and title is None else None
            if glued is not None:
                title, authors = glued
            elif authors is None and (is_author_line(p) or author_run(body, s, e) == (s, e)):
                authors = (s, e)
            elif title is not None and (VENUE_WORDS.search(p) or is_badge(p) or YEAR.search(p) and len(p.split()) <= 12):
                continue
            elif title is None and len(p.split()) >= 2:
                title = (s, e)
        if authors is None:
            title = None  # no piece is the author list: the comma form below reads it
        elif title is not None:
            after = max(title[1], authors[1]) if authors[0] < title[0] else title[1]
            nxt = next(((s, e) for s, e in pieces if s >= after and (s, e) != authors), None)
            if nxt is not None and venue is None:
                v = venue_of(body[nxt[0] : nxt[1]])
                if v is not None and (VENUE_WORDS.search(body[nxt[0] : nxt[1]]) or v.year or is_badge(body[nxt[0] : nxt[1]])):
                    venue, year = (off + nxt[0] + v.start, off + nxt[0] + v.end), v.year
            if year is None:
                ys = list(YEAR.finditer(body, after))
                if ys:
                    year = ys[-1].group(1) or f"20{ys[-1].group(2)}"
    if title is None:
        # "Title, Authors, Venue (V), Year": the title is what precedes the run of names
        run = author_run(body, 0, len(body))
        if run is None or run[0] == 0:
            return None
        title = (0, run[0])
        authors = run
        rest = body[run[1] :]
        v = venue_of(rest)
        if v is not None and venue is None:
            venue, year = (off + run[1] + v.start, off + run[1] + v.end), v.year
        elif year is None:
            ys = list(YEAR.finditer(rest))
            year = (ys[-1].group(1) or f"20{ys[-1].group(2)}") if ys else None
    if year is None:
        ys = list(YEAR.finditer(body))
        year = (ys[-1].group(1) or f"20{ys[-1].group(2)}") if ys else None
    ts, te = title
    t = body[ts:te].rstrip(" ,;:")
    t = t[:-1] if t.endswith(".") else t
    if len(t.split()) < 2 or is_badge(t) or is_links_line(t):
        return None
    return Citation((off + ts, off + ts + len(t)), (off + authors[0], off + authors[1]) if authors else None, venue, year)
