"""The argument toolkit every prose rule shares: sentences, who a clause is about,
the organisation names and enumerations after a trigger (from `names`), negation and
modality, and the dates that qualify a clause.

Rules work on one `Sent` at a time. Trigger phrases are found in the sentence
text (cheap, run once per sentence); the parse is consulted to find the clause
subject and to reject negated or hypothetical statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..sections import section_index
from ..coref import FIRST_PERSON, THIRD_PERSON, Coref
from ..people import Person
from .base import Arg, Candidate, dates_in, ents_in, person_arg, split_range, text_of
from .lexicon import conf, words
from .names import (  # noqa: F401  (re-exported: the rules take names from the toolkit)
    Name,
    acronyms,
    alt,
    is_location,
    is_place,
    is_unit,
    name_at,
    names_list,
    org_with_parent,
    possessed_unit,
)
from .registry import trigger_regex


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
_LIST_SECTIONS = {"education", "experience", "awards", "news", "talks"}
def may_be_prose(text: str, section: str | None) -> bool:
    """Whether prose rules read this sentence: long enough, and not a list item without a trigger.

    The triggers are those the sentence rules declare (`registry.trigger_regex`),
    so a list item that states a fact in prose reaches every rule that reads it.
    """
    if len(text) < 12 or len(text.split()) < 4 or section in _SKIP_SECTIONS:
        return False
    return section not in _LIST_SECTIONS or bool(trigger_regex().search(text))


def prose_sentences(doc: Doc) -> list[Sent]:
    """Sentences of prose lines; a line-internal break the parser made without a full stop is undone."""
    cached = doc.user_data.get("prose_sents")
    if cached is not None and cached[0] is doc:
        return cached[1]
    clean = doc._.clean
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
            if same_line and (not re.search(r"[.!?。；;]['\"”’)\]]*$", prev) or re.match(r"[a-z(]", text[a:b]) or re.search(r"\b(?:Inc|Co|Ltd|Corp|Dr|Mr|Ms|Prof|Asst|Assoc|St|U\.S|e\.g|i\.e|al)\.$", prev)):
                spans[-1] = (pa, b, doc[ps.start : s.end])
                continue
        spans.append((a, b, s))
    out: list[Sent] = []
    index = section_index(clean)
    for a, b, sp in spans:
        found = index.at(a)
        sec = found.name if found is not None else None
        if not may_be_prose(text[a:b], sec):
            continue
        se = ents_in(doc, a, b)
        sd = dates_in(doc, a, b)
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
    """Person mentions and resolved pronouns of a sentence, in order.

    Found once per sentence and coref (a dozen rules ask for the same sentence's), each caller getting its own list.
    """
    cached = sent.doc.user_data.get("person_refs")
    if cached is None or cached[0] is not co:
        cached = sent.doc.user_data["person_refs"] = (co, {})
    key = (sent.start, sent.end)
    refs = cached[1].get(key)
    if refs is None:
        refs = cached[1][key] = _person_refs(sent, co)
    return list(refs)


def _person_refs(sent: Sent, co: Coref) -> list[SubjectRef]:
    refs: list[SubjectRef] = []
    for m in co.mentions_in(sent.start, sent.end):
        refs.append(SubjectRef(m.person, m.start, m.end, m.is_subject))
    text = text_of(sent.doc)
    tok_at: dict[int, Token] = {}

    def token_at(pos: int) -> Token | None:
        """The sentence's token starting at `pos`; the tokens are listed only for a sentence with a pronoun or description."""
        if not tok_at:
            tok_at.update((t.idx, t) for t in sent.span)
        return tok_at.get(pos)

    for m in _PRONOUN_RX.finditer(text, sent.start, sent.end):
        w = m.group(1)
        if w.lower() == "her":
            tok = token_at(m.start())
            is_subj_like = tok is not None and tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass")
        else:
            tok = token_at(m.start())
            is_subj_like = w.lower() in ("i", "we", "he", "she") or (tok is not None and tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"))
        p = co.resolve_word(w, m.start())
        if p is not None:
            refs.append(SubjectRef(p, m.start(), m.end(), is_subj_like))
    for s, e, p in co.descriptions(sent.start, sent.end):  # "the researcher", when unambiguous
        tok = token_at(text.find(" ", s) + 1)
        refs.append(SubjectRef(p, s, e, tok is not None and tok.dep_ in ("nsubj", "nsubjpass")))
    refs.sort(key=lambda r: r.start)
    return refs


def clause_subject(sent: Sent, pos: int, co: Coref) -> SubjectRef | None:
    """The person the predicate at `pos` is about: the antecedent of a relative "who" right before it,
    else the last subject before it, else the first after it."""
    refs = person_refs(sent, co)
    text = text_of(sent.doc)
    # "P, who later ...", "P, the physicist who later ...": the relative clause is about P
    rel = re.search(r",\s*(?:(?:the|a|an)\s+(?:[\w-]+\s+){1,5})?who\s+(?:(?:also|later|then|had|has|have|was|is|would|recently|previously|first|subsequently)\s+){0,2}$", text[sent.start : pos])
    if rel:
        at = sent.start + rel.start()
        ante = [r for r in refs if r.end == at or 0 <= at - r.end <= 1]
        if ante:
            return ante[-1]
    ante = _relative_antecedent(sent, pos, refs)
    if ante is not None:
        return ante
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


def _relative_antecedent(sent: Sent, pos: int, refs: list[SubjectRef]) -> SubjectRef | None:
    """The person a "who" clause holding `pos` hangs from ("She met Jon Park, who later graduated from X")."""
    tok = next((t for t in sent.span if t.idx <= pos < t.idx + len(t.text)), None)
    for _ in range(6):
        if tok is None or tok.dep_ in ("", "ROOT"):
            return None
        if tok.dep_ == "relcl" and any(c.lower_ in ("who", "whom") and c.i < tok.i for c in tok.children):
            head = tok.head
            return next((r for r in refs if r.start <= head.idx < r.end), None)
        tok = tok.head
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
    if re.search(r"\b(?:not|never|n't|no longer|turned down|declined|rejected|refused)\b(?:\s+\w+){0,3}\s*$", left):
        return True
    # a condition or a question: "if P is appointed CEO, ...", "whether P will join X"
    clause = re.split(r"[,;:]", text_of(sent.doc)[sent.start : pos])[-1].lower()
    return bool(re.search(r"(?<![\w-])(?:if|unless|whether|should\s+\w+\s+be)(?![\w-])", clause))


# ---------------------------------------------------------------- dates


def leading_date(sent: Sent):
    """A date that opens the sentence ("In 2016, ...", "From 2011 to 2018, ...", "Since 2018, ...")."""
    for d in sent.dates:
        if d.value and d.start - sent.start <= 6:
            return d
    return None


def date_after(sent: Sent, pos: int, within: int = 14):
    """A date right after `pos` ("... in 2018", "..., effective April 2017", "the X Award (2022)")."""
    for d in sent.dates:
        if d.value and 0 <= d.start - pos <= within and re.fullmatch(r"[\s,(]*(?:in|on|since|from|during|effective|,)?\s*(?:the\s+)?(?:year\s+)?", text_of(sent.doc)[pos : d.start]):
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
    title_holders: dict[str, list[tuple[object, str]]] = field(default_factory=dict)  # "ceo" -> [(person, org)]

    def hold(self, title: str, person, org: str) -> None:
        """Remember who holds a title where, so that "reporting to the CEO" can name them."""
        key = re.sub(r"^(?:interim|acting|new|the)\s+", "", title.strip().lower())
        self.title_holders.setdefault(key, []).append((person, org))

    def holder(self, title: str, org: str | None):
        """Who holds `title` at `org` (the latest named); without an org, the one holder if only one."""
        held = self.title_holders.get(title.strip().lower(), [])
        at = [p for p, o in held if org is not None and o.lower() == org.lower()]
        if at:
            return at[-1]
        people = {p.canonical: p for p, _ in held}
        return next(iter(people.values())) if len(people) == 1 else None


def cand(relation: str, subj: Arg, obj: Arg, sent: Sent, rule: str, q: dict[str, str] | None = None) -> Candidate:
    return Candidate(relation, subj, obj, (sent.start, sent.end), rule, conf(rule), {k: v for k, v in (q or {}).items() if v})


def org_arg(sent: Sent, n: Name, label: str = "ORG") -> Arg:
    canonical = possessed_unit(re.sub(r"^the\s+", "", n.text))
    return Arg(n.text, label, acronyms(sent.doc).get(canonical, canonical), n.start, n.end)
