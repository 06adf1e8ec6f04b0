"""Shared machinery of the prose rules: sentences, who they are about, names in them, dates.

Rules work on one `Sent` at a time. Trigger phrases are regexes over the
sentence text (cheap, run once per sentence); the parse is consulted only to
find the clause subject and to reject negated or hypothetical statements.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..config import PATTERNS_DIR
from ..coref import FIRST_PERSON, THIRD_PERSON, Coref, coref_of
from ..people import Person
from .base import Arg, Candidate, person_arg, split_range, all_ents, text_of


@lru_cache(maxsize=1)
def words() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    with open(PATTERNS_DIR / "prose_words.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                out[row["list"]] = row["words"]
    return out


@lru_cache(maxsize=1)
def confidences() -> dict[str, float]:
    out: dict[str, float] = {}
    with open(PATTERNS_DIR / "prose_confidence.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                out[row["rule"]] = float(row["confidence"])
    return out


def conf(rule: str) -> float:
    return confidences().get(rule, 0.6)


def alt(ws) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ws, key=len, reverse=True))


# ---------------------------------------------------------------- names of organisations

_CAP = r"(?:[A-Z0-9][\w'’&\-]*(?:\.[\w'’&\-]+)*|[a-z]{1,2}[A-Z][\w\-]*)"
_CONN = r"(?:of|for|and(?!\s+the\b)|&|de|du|der|des|di|für|on|at(?=\s+[A-Z][a-z]+\s+(?:University|College)))"


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
_KEYWORD_TAIL = re.compile(r"\b(?:University|College|School|Institute|Academy|Lab|Laboratory|Center|Centre)\s+in\s+[A-Z][\w ]*$")
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
    best_end = None
    for e in sent.ents:
        if e.label_ in _ORG_LABELS and e.start_char <= p < e.end_char and e.label_ != "PERSON":
            best_end = e.end_char
            break
    nm = _name_rx().match(doc_text, p, end_limit)
    if nm and (best_end is None or nm.end() > best_end):
        best_end = nm.end()
    if best_end is None or best_end <= p:
        return None
    t = doc_text[p:best_end]
    cut = re.search(r"\b(?:Inc|Ltd|Corp|Co)\.(?=\s+[A-Z])", t)
    if cut:
        t = t[: cut.end()]
    cut = re.search(r"\s+and\s+the\s+", t)
    if cut:
        t = t[: cut.start()]
    k = _KEYWORD_TAIL.search(t)
    if k:
        cut = t.rfind(" in ", 0, len(t))
        t = t[:cut]
    t = t.rstrip(" ,;:")
    if t.endswith(".") and not _ABBREV_END.search(t):
        t = t[:-1]
    if t.endswith("’") or t.endswith("'"):
        t = t[:-1]
    if not t or t.lower() in {"the", "a", "an"} or re.fullmatch(r"[\d\s.,/-]+", t):
        return None
    return Name(p, p + len(t), t)


_STRONG_ORG = re.compile(r"\b(?:University|Universit\w+|Academy|Inc\.?|Ltd\.?|Corporation|Company|plc|LLC|GmbH)\b")
_UNIT_WORD = re.compile(r"\b(?:Lab|Labs|Laboratory|Department|Dept\.?|School|College|Institute|Group|Team|Center|Centre|Faculty|Division|Unit|Program|Programme|Chair)\b|lab\b")


def org_with_parent(sent: "Sent", pos: int) -> tuple[Name, Name | None] | None:
    """A name, and the organisation after commas when the name is a unit of it ("Lab, Dept, University")."""
    n = name_at(sent, pos)
    if n is None:
        return None
    text = text_of(sent.doc)
    if _CAMPUS.fullmatch(n.text):
        m = re.compile(r",\s*").match(text, n.end)
        nxt = name_at(sent, m.end()) if m else None
        if nxt is not None and re.fullmatch(r"[A-Z][\w-]+", nxt.text) and not is_location(nxt.text) and not _is_gpe(sent, nxt):
            return Name(n.start, nxt.end, text[n.start : nxt.end]), None
    parent = None
    cur = n
    while _UNIT_WORD.search(cur.text) and not _STRONG_ORG.search(cur.text) or cur is n and not _STRONG_ORG.search(cur.text):
        m = re.compile(r",\s*").match(text, cur.end)
        nxt = name_at(sent, m.end()) if m else None
        if nxt is None or is_location(nxt.text) or _is_gpe(sent, nxt) and not _STRONG_ORG.search(nxt.text):
            break
        if re.search(r"['’]s\b", nxt.text) or not (nxt.text.split()[-1][:1].isupper() or nxt.text.split()[-1] in words()["org_suffixes"]):
            break
        if not (_UNIT_WORD.search(n.text) or _STRONG_ORG.search(nxt.text)):
            break
        parent = cur = nxt
    return n, parent


_CAMPUS = re.compile(r"(?:the\s+)?University\s+of\s+[A-Z][\w]+")


def _is_gpe(sent: "Sent", n: Name) -> bool:
    return any(e.label_ in ("GPE", "LOC") and e.start_char <= n.start and n.end <= e.end_char for e in sent.ents)


def names_list(sent: "Sent", pos: int, end: int | None = None) -> list[Name]:
    """Names in an enumeration "A, B and C" starting at `pos`."""
    out: list[Name] = []
    text = text_of(sent.doc)
    p = pos
    while True:
        r = org_with_parent(sent, p)
        if r is None:
            break
        n, parent = r
        out.append(parent or n)
        last = parent or n
        m = re.compile(r"\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)").match(text, last.end, sent.end)
        if not m or (end is not None and m.end() >= end):
            break
        p = m.end()
        # a location between names ("X, Beijing, China") is skipped
        while True:
            loc = name_at(sent, p)
            if loc is not None and (is_location(loc.text) or _is_gpe(sent, loc)):
                m2 = re.compile(r"\s*,\s*(?:and\s+)?").match(text, loc.end, sent.end)
                if not m2:
                    return out
                p = m2.end()
                continue
            break
    return out


# ---------------------------------------------------------------- sentences


@dataclass
class Sent:
    doc: Doc
    start: int
    end: int
    span: Span
    ents: list[Span]
    dates: list  # DateMention in doc coordinates

    @property
    def text(self) -> str:
        return text_of(self.doc)[self.start : self.end]

    def rel(self, pos: int) -> int:
        return pos - self.start


_SKIP_SECTIONS = {"publications", "service", "teaching", "contact"}
_LIST_SECTIONS = {"education", "experience", "awards", "news"}
_CHEAP_TRIGGER = re.compile(
    r"\b(?:join|joined|joins|graduat|receiv|obtain|promot|born|appointed|elected|award|founded|co-founded|lead|leads|led|head|director|release|released|studied|holds|is an?|was an?|am an?)\b",
    re.I,
)


def may_be_prose(text: str, section: str | None) -> bool:
    """Whether prose rules read this sentence: long enough, and not a list item without a cue word."""
    if len(text) < 12 or len(text.split()) < 4 or section in _SKIP_SECTIONS:
        return False
    return section not in _LIST_SECTIONS or bool(_CHEAP_TRIGGER.search(text))


def prose_sentences(doc: Doc) -> list[Sent]:
    """Sentences of prose lines; a line-internal break the parser made without a full stop is undone."""
    cached = doc.user_data.get("prose_sents")
    if cached is not None and cached[0] is doc:
        return cached[1]
    clean = doc._.clean
    secs = list(getattr(clean, "sections", []) or [])
    text = text_of(doc)
    spans: list[tuple[int, int, Span]] = []
    for s in doc.sents:
        a, b = s.start_char, s.end_char
        while b > a and text[b - 1].isspace():
            b -= 1
        while a < b and text[a].isspace():
            a += 1
        if b <= a:
            continue
        if spans:
            pa, pb, ps = spans[-1]
            same_line = "\n" not in text[pb:a]
            prev = text[pa:pb]
            if same_line and (not re.search(r"[.!?。；;:]['\"”’)\]]*$", prev) or re.match(r"[a-z(]", text[a:b]) or re.search(r"\b(?:Inc|Co|Ltd|Corp|Dr|Mr|Ms|Prof|St|U\.S|e\.g|i\.e|al)\.$", prev)):
                spans[-1] = (pa, b, doc[ps.start : s.end])
                continue
        spans.append((a, b, s))
    ents = list(all_ents(doc))
    dates = list(doc._.dates or [])
    out: list[Sent] = []
    ei = di = 0
    sec_starts = [x.start for x in secs]  # sections are in order and do not overlap
    for a, b, sp in spans:
        k = bisect_right(sec_starts, a) - 1
        sec = secs[k].name if k >= 0 and a < secs[k].end else None
        if not may_be_prose(text[a:b], sec):
            continue
        while ei < len(ents) and ents[ei].end_char <= a:
            ei += 1
        j = ei
        se = []
        while j < len(ents) and ents[j].start_char < b:
            if ents[j].start_char >= a and ents[j].end_char <= b:
                se.append(ents[j])
            j += 1
        while di < len(dates) and dates[di].end <= a:
            di += 1
        k = di
        sd = []
        while k < len(dates) and dates[k].start < b:
            if dates[k].start >= a and dates[k].end <= b:
                sd.append(dates[k])
            k += 1
        out.append(Sent(doc, a, b, sp, se, sd))
    doc.user_data["prose_sents"] = (doc, out)
    return out


# ---------------------------------------------------------------- who a clause is about

_PRONOUN_RX = re.compile(r"(?<![\w-])(I|my|we|our|he|she|his|her|He|She|His|Her|My|We|Our)(?![\w-])")


@dataclass(frozen=True, slots=True)
class SubjectRef:
    person: Person
    start: int
    end: int
    is_subject: bool


def person_refs(sent: Sent, co: Coref) -> list[SubjectRef]:
    """Person mentions and resolved pronouns of a sentence, in order."""
    refs: list[SubjectRef] = []
    for m in co.mentions_in(sent.start, sent.end):
        refs.append(SubjectRef(m.person, m.start, m.end, m.is_subject))
    text = text_of(sent.doc)
    tok_at = {t.idx: t for t in sent.span}
    for m in _PRONOUN_RX.finditer(text, sent.start, sent.end):
        w = m.group(1)
        if w.lower() == "her":
            tok = tok_at.get(m.start())
            is_subj_like = tok is not None and tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass")
        else:
            tok = tok_at.get(m.start())
            is_subj_like = w.lower() in ("i", "we", "he", "she") or (tok is not None and tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"))
        p = co.resolve_word(w, m.start())
        if p is not None:
            refs.append(SubjectRef(p, m.start(), m.end(), is_subj_like))
    refs.sort(key=lambda r: r.start)
    return refs


def clause_subject(sent: Sent, pos: int, co: Coref) -> SubjectRef | None:
    """The person the predicate at `pos` is about: the last subject before it, else the first after it."""
    refs = person_refs(sent, co)
    before = [r for r in refs if r.end <= pos and r.is_subject]
    if before:
        return before[-1]
    after = [r for r in refs if r.start >= pos and r.is_subject]
    if after and not re.search(r"[;]", text_of(sent.doc)[pos : after[0].start]):
        return after[0]
    # a sentence-initial name the parser did not take as subject ("Mira Olsen is ...")
    if refs and refs[0].start - sent.start <= 4 and refs[0].end <= pos:
        return refs[0]
    return None


def nsubj_name(sent: Sent, pos: int) -> Arg | None:
    """The capitalised non-person subject of the verb at `pos` ("Quillon released ...")."""
    tok = next((t for t in sent.span if t.idx >= pos), None)
    if tok is None:
        return None
    for c in tok.children:
        if c.dep_ == "nsubj" and c.text[:1].isupper() and c.lower_ not in FIRST_PERSON | THIRD_PERSON:
            span = sent.doc[c.left_edge.i : c.i + 1]
            words_ = span.text.split()
            while words_ and not words_[0][:1].isupper():
                words_.pop(0)
            if not words_:
                return None
            t = " ".join(words_)
            s = span.end_char - len(t)
            return Arg(t, "ORG", t, s, span.end_char)
    return None


def subj_arg(sent: Sent, ref: SubjectRef) -> Arg:
    return person_arg(sent.doc, ref.person, ref.start, ref.end)


# ---------------------------------------------------------------- negation and modality


def negated(sent: Sent, pos: int) -> bool:
    """The trigger word at `pos` is negated or hypothetical ("did not join", "turned down", "never worked")."""
    w = words()
    neg = set(w["negation"])
    negv = set(w["negative_verbs"])
    modal = set(w["modal"])
    tok = None
    for t in sent.span:
        if t.idx <= pos < t.idx + len(t.text) or t.idx >= pos:
            tok = t
            break
    if tok is None:
        return False
    node = tok
    for _ in range(4):
        for c in node.children:
            if c.dep_ == "neg" or c.lower_ in neg and c.dep_ in ("advmod", "det", "neg"):
                return True
            if c.dep_ == "aux" and c.lower_ in modal:
                return True
        if node.lower_ in negv:
            return True
        if node.head is node or node.dep_ in ("ROOT",):
            break
        node = node.head
    left = text_of(sent.doc)[max(sent.start, pos - 40) : pos].lower()
    return bool(re.search(r"\b(?:not|never|n't|no longer|turned down|declined|rejected|refused)\b(?:\s+\w+){0,3}\s*$", left))


# ---------------------------------------------------------------- dates


def leading_date(sent: Sent):
    """A date that opens the sentence ("In 2016, ...", "From 2011 to 2018, ...", "Since 2018, ...")."""
    for d in sent.dates:
        if d.value and d.start - sent.start <= 6:
            return d
    return None


def date_after(sent: Sent, pos: int, within: int = 14):
    """A date right after `pos` ("... in 2018", "..., effective April 2017")."""
    for d in sent.dates:
        if d.value and 0 <= d.start - pos <= within and re.fullmatch(r"[\s,]*(?:in|on|since|from|during|effective|,)?\s*(?:the\s+)?(?:year\s+)?", text_of(sent.doc)[pos : d.start]):
            return d
    return None


def range_quals(value: str | None, single_is: str = "start") -> dict[str, str]:
    if not value:
        return {}
    if "/" in value:
        s, e = split_range(value)
        q = {}
        if s:
            q["start"] = s
        if e:
            q["end"] = e
        return q
    s, _ = split_range(value)
    return {single_is: s} if s else {}


def since_value(sent: Sent, d) -> dict[str, str]:
    """Qualifiers of a leading date: "Since 2018" is an open range, "In 2016" a start."""
    return range_quals(d.value) if d is not None else {}


def present_end(sent: Sent, pos: int) -> bool:
    t = text_of(sent.doc)[sent.start : pos + 60].lower()
    return bool(re.search(r"\b(?:currently|now|presently|at present)\b", t))


# ---------------------------------------------------------------- per-doc state shared by rules


@dataclass
class State:
    """What earlier sentences established: employers, units, last join date (anchors for later sentences)."""

    employers: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # person -> [(org, pos)]
    join_dates: dict[str, tuple[str, int]] = field(default_factory=dict)  # person -> (value, pos)
    last_units: list[tuple[str, int, int]] = field(default_factory=list)  # (name, start, end)
    last_year: tuple[str, int] | None = None


def cand(relation: str, subj: Arg, obj: Arg, sent: Sent, rule: str, q: dict[str, str] | None = None) -> Candidate:
    return Candidate(relation, subj, obj, (sent.start, sent.end), rule, conf(rule), {k: v for k, v in (q or {}).items() if v})


def org_arg(sent: Sent, n: Name, label: str = "ORG") -> Arg:
    return Arg(n.text, label, re.sub(r"^the\s+", "", n.text), n.start, n.end)
