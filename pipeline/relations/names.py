"""Names of organisations and products in prose: the name starting at a position, a unit and the
organisation it belongs to ("Lab, Dept, University"), enumerations ("A, B and C"), and what an
acronym stands for in a document. Rules reach them through `toolkit`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .base import text_of
from .lexicon import words

if TYPE_CHECKING:
    from .toolkit import Sent


def alt(ws) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ws, key=len, reverse=True))

# ---------------------------------------------------------------- names of organisations

_CAP = r"(?:[A-Z]\.(?=\s+[A-Z][a-z])|[A-Z0-9][\w'’&\-]*(?:\.[\w'’&\-]+)*|[a-z]{1,2}[A-Z][\w\-]*)"  # (an initial inside a name: "the Paul G. Allen Foundation")
_CONN = r"(?:of|for|bin|ibn|bint|van|von|and(?!\s+the\b)|&|de|du|der|des|di|für|on)"


@lru_cache(maxsize=1)
def _name_rx() -> re.Pattern[str]:
    suffix = alt(words()["org_suffixes"])
    units = alt(words()["unit_words"])
    return re.compile(
        rf"(?:the\s+)?{_CAP}(?:\s+(?:{_CONN}\s+(?:the\s+)?)?{_CAP})*"
        rf"(?:,?\s+(?:{suffix})(?![\w]))?"
        rf"(?:(?:\s+[a-z][\w-]*){{0,2}}\s+(?:{units})s?\b)?"
    )


_ORG_LABELS = {"ORG", "FAC", "GPE", "PRODUCT", "NORP", "WORK_OF_ART", "PERSON"}
_STOP_LABELS = {"TITLE", "PERSON", "DATE", "DEGREE"}
_KEYWORD_TAIL = re.compile(r"\b(?:University|College|School|Institute|Academy|Lab|Laboratory|Center|Centre)\s+in\s+(?:the\s+)?[A-Z][\w &]*$")
_ABBREV_END = re.compile(r"(?:\b(?:Inc|Co|Ltd|Corp|S\.A|N\.V|[A-Z])\.)$")
_UNIT_HEAD = re.compile(r"^(?:the\s+)?(?:[A-Z][\w-]*\s+){0,4}?(?:Dept\.?|Department|School|Faculty|College|Institute|Lab|Laboratory|Center|Centre|Division|Group|Unit|Team|Program|Programme|Chair)\b", re.I)


def is_unit(name: str) -> bool:
    """A part of a larger organisation (department, lab, team) rather than the whole."""
    n = re.sub(r"^the\s+", "", name, flags=re.I)
    if re.match(r"(?:Dept\.?|Department|School|Faculty|Institute|Lab|Laboratory|Center|Centre|Division|Group|Unit|Team|Chair)\b", n):
        return True
    return bool(re.search(r"\b(?:Department|Dept\.?|Lab|Laboratory|Group|Team|Division|Unit|lab|team|group|department|division)$", n))


def is_location(name: str) -> bool:
    return name.strip() in set(words()["location_words"])


@dataclass(frozen=True, slots=True)
class Name:
    start: int
    end: int
    text: str


def name_at(sent: "Sent", pos: int, limit: int | None = None) -> Name | None:
    """The organisation/product name starting at `pos` (after optional spaces and "the")."""
    doc_text = text_of(sent.doc)
    end_limit = sent.end if limit is None else min(limit, sent.end)
    m = re.compile(r"\s*(?:the\s+)?").match(doc_text, pos, end_limit)
    p = m.end() if m else pos
    if p >= end_limit or not (doc_text[p].isupper() or doc_text[p].isdigit() or re.match(r"[a-z]{1,2}[A-Z]", doc_text[p : p + 3])):
        return None
    if any(d.start <= p < d.end for d in sent.dates):
        return None  # "in May": a date, not a name
    best_end = None
    for e in sent.ents:
        if e.label_ in _ORG_LABELS and e.start_char <= p < e.end_char and e.label_ != "PERSON" and not re.search(r",\s+[A-Z]", e.text):
            best_end = e.end_char
            break
    nm = _name_rx().match(doc_text, p, end_limit)
    if nm and (best_end is None or nm.end() > best_end):
        best_end = nm.end()
    if best_end is None or best_end <= p:
        return None
    # a name stops where a title or a person begins ("USC and Research Team Leader at ISI")
    before_title = False
    for e in sent.ents:
        if e.label_ in _STOP_LABELS and p < e.start_char < best_end:
            best_end = e.start_char
            before_title = e.label_ == "TITLE"
            break
    t = doc_text[p:best_end]
    if before_title:
        # "at Kestrel and Silver Professor at ...": the capitalised words after "and" qualify the title
        t = re.sub(r"\s+(?:and|&)\s+(?:[A-Z][\w-]*\s+){1,2}$", " ", t)
    t = re.sub(r"(?:\s+(?:and|of|for|at|&|de|the|a|an))+\s*$", "", t)
    cut = re.search(r"\b(?:Inc|Ltd|Corp|Co)\.(?=\s+(?:[A-Z]|and\s))", t)
    if cut:
        t = t[: cut.end()]
    cut = re.search(r"\s+and\s+the\s+", t)
    if cut:
        t = t[: cut.start()]
    cut = _UNIT_AT.search(t) or _UNIT_OF_HOST.search(t)
    if cut:  # the model's "the Vision Lab at Quillon", "the School of Computing of X University": the unit; its host follows
        t = t[: cut.start(1)]
    k = _KEYWORD_TAIL.search(t)
    if k:
        cut = t.rfind(" in ", 0, len(t))
        t = t[:cut]
    t = t.rstrip(" ,;:")
    if t.endswith(".") and not _ABBREV_END.search(t):
        t = t[:-1]
    if t.endswith("’") or t.endswith("'"):
        t = t[:-1]
    if not t or t.lower() in {"the", "a", "an"} or re.fullmatch(r"[\d\s.,/-]+", t) or _MONTH.fullmatch(t):
        return None
    return Name(p, p + len(t), t)


_UNIT_AT = re.compile(r"\b(?:Lab|Labs|Laboratory|Institute|Center|Centre|Group|Team|Department|Division)(\s+at\s+)(?=(?:the\s+)?[A-Z])")
# "... of the University of X", "... of X University", "... of the Y Academy of Sciences", "... of the Viterbi School":
# a host after a unit's own "of" name
_UNIT_OF_HOST = re.compile(
    r"\b(?:Lab|Labs|Laboratory|Institute|Center|Centre|Group|Department|Division|School|Faculty|College)\b(?:\s+of\s+(?!the\s)(?:[A-Z][\w&-]*\s+)*?[A-Z][\w&-]*)?"
    r"(\s+of\s+)(?=(?:the\s+)?(?:[A-Z][\w.&'-]*\s+){0,4}(?:Universit(?:y|ies|ät|é|at)|Academy)\b|(?:the\s+)?University\s+of\s+[A-Z]"
    r"|the\s+(?:[A-Z][\w.&'-]*\s+){1,4}(?:School|College|Faculty|Institute|Center|Centre|Division)\b)"
)
_MONTH = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Spring|Summer|Fall|Autumn|Winter)(?:\s+\d{4})?")
_STRONG_ORG = re.compile(r"\b(?:University|Universit\w+|Academy|Inc\.?|Ltd\.?|Corporation|Company|plc|LLC|GmbH)\b")
_UNIT_WORD = re.compile(r"\b(?:Lab|Labs|Laboratory|Department|Dept\.?|School|College|Institute|Group|Team|Center|Centre|Faculty|Division|Unit|Program|Programme|Chair)\b|(?:lab|department|laboratory|institute|school|center|centre)\b")


def org_with_parent(sent: "Sent", pos: int) -> tuple[Name, Name | None] | None:
    """A name, and the organisation after commas when the name is a unit of it ("Lab, Dept, University")."""
    n = name_at(sent, pos)
    if n is None:
        return None
    text = text_of(sent.doc)
    if _CAMPUS.fullmatch(n.text):
        at = _AT_CAMPUS.match(text, n.end, sent.end)
        if at:  # "the University of Illinois at Urbana-Champaign": the campus is part of the name
            return Name(n.start, at.end(), text[n.start : at.end()]), None
        m = re.compile(r",\s*").match(text, n.end)
        nxt = name_at(sent, m.end()) if m else None
        if nxt is not None and re.fullmatch(r"[A-Z][\w-]+", nxt.text) and not is_location(nxt.text) and not is_place(sent, nxt):
            return Name(n.start, nxt.end, text[n.start : nxt.end]), None
    parent = None
    cur = n
    while _UNIT_WORD.search(cur.text) and not _STRONG_ORG.search(cur.text) or cur is n and not _STRONG_ORG.search(cur.text):
        m = _UNIT_COMMA.match(text, cur.end)  # "Institute of X (IX), Y University": the unit's acronym before the comma
        # (a unit's own name only: "X's Robotics Institute and courtesy faculty at Y" is two roles)
        within = m is None and _UNIT_WORD.search(cur.text) is not None and _PROPER_NAME.fullmatch(cur.text) is not None
        if within:  # "the Robotics Institute in the School of Computing of X University"
            m = _UNIT_WITHIN.match(text, cur.end)
        nxt = name_at(sent, m.end()) if m else None
        if within and nxt is not None and not (_UNIT_WORD.search(nxt.text) or _STRONG_ORG.search(nxt.text)) and (m.group(1) == "in" or " " not in nxt.text or not _is_org(sent, nxt)):
            break  # "Edo College in Benin City", "Toyota Institute at Chicago": a place, not a host; "the Research Unit at TU Wien" is one
        if nxt is None or is_location(nxt.text) or is_place(sent, nxt) and not _STRONG_ORG.search(nxt.text):
            break
        if re.search(r"['’]s\b", nxt.text) or not (nxt.text.split()[-1][:1].isupper() or nxt.text.split()[-1] in words()["org_suffixes"]):
            break
        if not (_UNIT_WORD.search(n.text) or _STRONG_ORG.search(nxt.text)):
            break
        if _INSTITUTION.search(cur.text) and re.fullmatch(r"[A-Z][a-z]+", nxt.text):
            break  # "Institute of Information Technology, Hyderabad": a city, not a parent
        parent = cur = nxt
    return n, parent


_PROPER_NAME = re.compile(
    r"[A-Z][\w&.'’-]*(?:\s+(?:(?:of|for|on|de|and|&)\s+(?:the\s+)?)?[A-Z][\w&.'’-]*)*(?:\s+(?:department|laboratory|lab|institute|school|group|team|center|centre))?"
)
_UNIT_WITHIN = re.compile(r"(?:\s*\([A-Z][A-Za-z&-]{1,9}\))?\s+(in|of|at|within)\s+(?:the\s+)?(?=[A-Z])")
_UNIT_COMMA = re.compile(r"(?:\s*\([A-Z][A-Za-z&-]{1,9}\))?,\s*")
_INSTITUTION = re.compile(r"\bInstitute\s+of\s+(?:[A-Z][\w]*\s+(?:and\s+)?)*(?:Technology|Science|Sciences)\b")
_CAMPUS = re.compile(r"(?:the\s+)?University\s+of\s+[A-Z][\w]+(?:\s+[A-Z][\w]+)?")
_AT_CAMPUS = re.compile(r"\s+at\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z][a-z]+)?(?=\s*(?:[,.;:)]|$)|\s+(?:in|and|with|as|from|to|where|for|on|since|under|until|before|after)\b)")


def _tagged(sent: "Sent", n: Name, labels: tuple[str, ...]) -> bool:
    """Whether the recognizer tags the name with one of `labels` from end to end."""
    return any(e.label_ in labels and e.start_char <= n.start and n.end <= e.end_char for e in sent.ents)


def _is_org(sent: "Sent", n: Name) -> bool:
    return _tagged(sent, n, ("ORG",))


def is_place(sent: "Sent", n: Name) -> bool:
    """A name tagged as a place (GPE or LOC) from end to end: "Boston", not "Boston Dynamics"."""
    return _tagged(sent, n, ("GPE", "LOC"))


_NOTE_AFTER_NAME = re.compile(r"\s*\([^()\n]{1,160}\)")
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)(?:at\s+(?=(?:the\s+)?[A-Z]))?")


def names_list(sent: "Sent", pos: int, end: int | None = None, several: bool = False) -> list[Name]:
    """Names in an enumeration "A, B and C" starting at `pos`; `several` when the trigger says
    there are more than one ("positions at A and B"), so "A and B" is two names."""
    out: list[Name] = []
    text = text_of(sent.doc)
    p = pos
    while True:
        r = org_with_parent(sent, p)
        if r is None:
            break
        n, parent = r
        if parent is not None and (" and " in parent.text or several):
            parent = None  # "A, B and C Corporation" is a list, not A's parent
        if (out or several) and parent is None and " and " in n.text and not re.search(r"\b(?:of|for)\b", n.text):
            # "A, B and C": the last two are two names
            a, b = n.text.rsplit(" and ", 1)
            out.append(Name(n.start, n.start + len(a), a))
            n = Name(n.end - len(b), n.end, b)
        out.append(parent or n)
        last = parent or n
        # a note in parentheses after a name ("Google (Search, Maps, Ads)") is skipped, not read as names
        note = _NOTE_AFTER_NAME.match(text, last.end, sent.end)
        m = _LIST_SEP.match(text, note.end() if note else last.end, sent.end)
        if not m or (end is not None and m.end() >= end):
            break
        p = m.end()
        # a location between names ("X, Beijing, China") is skipped
        while True:
            loc = name_at(sent, p)
            if loc is not None and (is_location(loc.text) or is_place(sent, loc)):
                m2 = re.compile(r"\s*,\s*(?:and\s+)?(?:at\s+(?=(?:the\s+)?[A-Z]))?").match(text, loc.end, sent.end)
                if not m2:
                    return out
                p = m2.end()
                continue
            break
    return out


_ACRO_DEF = re.compile(r"((?:[A-Z][\w&.-]*\s+(?:(?:of|for|and|the|de|&)\s+)*){1,8}[A-Z][\w&.-]*)\s*\(\s*([A-Z][A-Za-z&-]{1,9})\s*\)")
_ACRO_WORDS = re.compile(r"(?:[A-Z][\w&.-]*(?:\s+(?:(?:of|for|and|the|de|&)\s+)*)?){2,8}")


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z][\w&.-]*", name)).upper()


def acronyms(doc: Doc) -> dict[str, str]:
    """What an organisation's acronym stands for in this document, when the document says so
    ("Information Sciences Institute (ISI)") or writes one full name whose initials it is:
    facts name organisations in their fullest form."""
    cached = doc.user_data.get("acronyms")
    if cached is not None and cached[0] is doc:
        return cached[1]
    text = text_of(doc)
    found: dict[str, set[str]] = {}
    for m in _ACRO_DEF.finditer(text):
        full, ac = m.group(1).strip(), m.group(2)
        words_ = full.split()
        for k in range(len(words_)):
            tail = " ".join(words_[k:])
            if words_[k][:1].isupper() and _initials(tail) == ac.replace("-", "").upper():
                found.setdefault(ac, set()).add(re.sub(r"^the\s+", "", tail, flags=re.I))
                break
    acros = {w for w in re.findall(r"(?<![\w-])[A-Z]{2,6}(?![\w-])", text)} - set(found)
    if acros:
        for m in _ACRO_WORDS.finditer(text):
            words_ = m.group().split()
            # Each word is a capitalised word or a joining word: its initial is its first letter or nothing,
            # so a run's initials are its words' initials joined (what `_initials` finds in the run's text).
            heads = [w[0] if "A" <= w[0] <= "Z" else "" for w in words_]
            for k in range(len(words_)):
                for j in range(len(words_), k + 1, -1):
                    if words_[j - 1].lower() in ("of", "for", "and", "the", "de", "&"):
                        continue
                    ini = "".join(heads[k:j])
                    if ini in acros and words_[k][0].isupper():
                        found.setdefault(ini, set()).add(" ".join(words_[k:j]).rstrip("."))
    out = {ac: next(iter(v)) for ac, v in found.items() if len(v) == 1}
    doc.user_data["acronyms"] = (doc, out)
    return out


# "Stanford's Human-Centered AI Institute", "Quillon's AI Labs": an organisation's unit written with a possessive
_POSSESSED = re.compile(
    r"(?P<owner>[A-Z][\w&.-]*(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w&.-]*){0,5})['’]s\s+"
    r"(?P<unit>(?:[A-Z][\w&-]*\s+)*?(?:AI\s+)?(?:Labs?|Laboratory|Research|Team|Group|Department|Division|Institute|Cent(?:er|re)|School))"
)


def possessed_unit(name: str) -> str:
    """The name a possessive unit goes by: with its owner's when the owner is one word ("Stanford's Robotics
    Institute" -> "Stanford Robotics Institute", "Quillon's AI Labs" -> "Quillon AI Labs"), as other pages
    write it; its own after a longer owner ("the University of Southern Tarn's Media Research Institute") or a place.

    A name whose possessive is part of it ("Queen's University", "St. Jude Children's Research Hospital") is kept.
    """
    m = _POSSESSED.fullmatch(name)
    if m is None:
        return name
    one_word = " " not in m.group("owner") and not is_location(m.group("owner"))  # "London's Cass Business School": a place owns nothing
    return m.group("owner") + " " + m.group("unit") if one_word else m.group("unit")
