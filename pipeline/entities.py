"""Domain entities on top of the statistical NER.

`domain_entities` adds DEGREE, TITLE, VENUE (phrase lists), EMAIL, URL, PHONE,
PRODUCT and keyword-built ORG names (regexes), all read from
`pipeline/patterns/*.jsonl`, and then corrects the model's usual confusions on
homepage text. Entities never cross a line break.
"""

# Annotations stay evaluated (no `from __future__ import annotations`): spaCy's config
# system validates the factory's arguments against them.
import json
import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from pathlib import Path
from typing import Callable, Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .config import PATTERNS_DIR

# Labels from the model that we trust less than our own patterns.
_MODEL_LABELS_KEPT = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
# Keywords that only make an organisation name when a capitalised word precedes them.
_WEAK_ORG_KEYWORDS = {"AI", "Research", "Team", "Group", "Brain", "Technologies", "Technology", "Systems", "Studio", "Studios", "Lab", "Labs", "Labs.", "DeepMind"}
_CONNECTORS = r"(?:of|and|for|the|de|di|du|des|der|für|&|on|in)"
_YEARISH = re.compile(r"(?:19|20)\d\d$")


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _org_regex(keywords: Iterable[str]) -> re.Pattern[str]:
    strong = sorted((k for k in keywords if k not in _WEAK_ORG_KEYWORDS), key=len, reverse=True)
    weak = sorted((k for k in keywords if k in _WEAK_ORG_KEYWORDS), key=len, reverse=True)
    cap = r"(?:[A-Z][\w'’&-]*)"
    kw_strong = "|".join(re.escape(k) for k in strong)
    kw_weak = "|".join(re.escape(k) for k in weak)
    # Repeats are bounded (no name runs to 9 words before its keyword): unbounded ones made
    # every capitalised word of a long run rescan the rest of it, quadratic in the run.
    tail = rf"(?:\s+{_CONNECTORS}(?:\s+the)?\s+{cap}(?:\s+{cap}){{0,8}}(?:\s+{_CONNECTORS}\s+{cap}(?:\s+{cap}){{0,8}}){{0,3}}|\s+{cap}(?=\s*(?:,|$|\)|\.|;)))?"
    head = rf"(?:(?:The\s+)?(?:{cap}\s+(?:{_CONNECTORS}\s+)?){{0,8}})"
    return re.compile(
        rf"(?<![\w-])(?:{head}(?:{kw_strong})|(?:The\s+)?{cap}(?:\s+{cap}){{0,8}}\s+(?:{kw_weak}))(?![\w-]){tail}",
        re.MULTILINE,
    )


class DomainEntities:
    """Pattern entities merged with the model's, then corrected."""

    def __init__(self, nlp: Language, name: str, patterns_dir: str | None, overwrite: bool) -> None:
        self.name = name
        self.overwrite = overwrite
        pdir = Path(patterns_dir) if patterns_dir else PATTERNS_DIR
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        # Acronyms are case-sensitive: "ACL" is a venue and "MA" a degree, "acl" and "Ma" are not.
        self.venues = PhraseMatcher(nlp.vocab, attr="ORTH")
        for row in read_jsonl(pdir / "degrees.jsonl"):
            forms = {row["pattern"], row["pattern"].replace("'", "’")}
            short = len(row["pattern"]) <= 4 and "." not in row["pattern"]
            (self.venues if short else self.phrases).add(row["label"], [nlp.make_doc(f) for f in sorted(forms)])
        for row in read_jsonl(pdir / "venues.jsonl"):
            self.venues.add(row["label"], [nlp.make_doc(row["pattern"])])
        titles = read_jsonl(pdir / "titles.jsonl")
        self._title_patterns(nlp, [r["phrase"] for r in titles if r["kind"] == "head"], [r["phrase"] for r in titles if r["kind"] == "modifier"])
        # what a title may be "of" in lower case or an acronym ("head of research", "VP of AI")
        self.title_fields = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.title_fields.add("FIELD", [nlp.make_doc(r["phrase"]) for r in titles if r["kind"] == "field"])
        self.field_words = frozenset(r["phrase"].lower() for r in titles if r["kind"] == "field" and " " not in r["phrase"])
        # "requires": a cheap pattern every text with a match contains; where it is absent the
        # pattern is not run (the obfuscated-address patterns test every word of a page otherwise).
        self.regexes: list[tuple[str, re.Pattern[str], re.Pattern[str] | None]] = [
            (r["label"], re.compile(r["pattern"]), re.compile(r["requires"]) if r.get("requires") else None)
            for r in read_jsonl(pdir / "regex_entities.jsonl")
        ]
        self.org_re = _org_regex(r["keyword"] for r in read_jsonl(pdir / "org_keywords.jsonl"))
        venues = {r["pattern"].lower() for r in read_jsonl(pdir / "venues.jsonl")}
        self.venue_words = venues

    def _title_patterns(self, nlp: Language, heads: list[str], mods: list[str]) -> None:
        """A title is a head noun ("scientist", "vice president") with any run of modifiers before it
        and an optional "of/for Capitalised Words" after it. Heads are found by a PhraseMatcher and
        grown in place, which is far cheaper than a Matcher pattern opening at every token."""
        self.title_heads = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.title_heads.add("TITLE", [nlp.make_doc(h) for h in heads])
        self.title_mods = frozenset(t.lower_ for m in mods for t in nlp.make_doc(m) if not t.is_punct) | {"-"}

    def _titles(self, doc: Doc) -> list[Span]:
        spans = []
        n = len(doc)
        heads = self.title_heads(doc)
        # a field in lower case or an acronym right after "of" / "for" ("head of research"; "Head of Research" is title case)
        fields = {start: end for _, start, end in self.title_fields(doc) if start > 1 and doc[start - 1].lower_ in ("of", "for")} if heads else {}
        for _, start, end in heads:
            while start > 0 and doc[start - 1].lower_ in self.title_mods:
                start -= 1
            if end + 1 < n and doc[end].lower_ in ("of", "for") and doc[end + 1].is_title:
                end += 1
                while end < n and doc[end].is_title:
                    end += 1
            elif end + 1 in fields and doc[end].lower_ in ("of", "for") and _ends_phrase(doc, self._field_end(doc, fields[end + 1])):
                end = self._field_end(doc, fields[end + 1])  # "head of AI at X", "Director of AI Research at X"
            spans.append(_strip_span(Span(doc, start, end, label="TITLE")))
        return spans

    def _field_end(self, doc: Doc, i: int) -> int:
        """Where a field that starts a title's "of" phrase ends, with the capitalised field words after it ("AI Research")."""
        while i < len(doc) and doc[i].is_title and doc[i].lower_ in self.field_words:
            i += 1
        return i

    def __call__(self, doc: Doc) -> Doc:
        text = doc.user_data.get("text") or doc.text
        ours: list[Span] = []
        for matcher in (self.phrases, self.venues):
            for label, start, end in matcher(doc):
                ours.append(Span(doc, start, end, label=label))
        titles = self._titles(doc)
        ours.extend(titles)
        title_at = {t.start_char: t for t in titles}
        title_starts = sorted(title_at)
        # A link to a `tel:` address is a phone number whatever its text looks like.
        for start, end, href in getattr(doc._.clean, "links", None) or []:
            if href.lower().startswith("tel:") and any(ch.isdigit() for ch in text[start:end]):
                span = doc.char_span(start, end, label="PHONE", alignment_mode="contract")
                if span is not None and len(span):
                    ours.append(span)
        for label, rx, required in self.regexes:
            if required is not None and not required.search(text):
                continue
            for m in rx.finditer(text):
                if label == "PRODUCT" and not self._product_ok(m.group()):
                    continue
                span = doc.char_span(m.start(), m.end(), label=label, alignment_mode="expand")
                if span is not None:
                    ours.append(span)
        for m in self.org_re.finditer(text):
            start, end = m.start(), m.end()
            lead = _LEADING_FUNCTION_WORD.match(text, start, end)
            if lead:
                start = lead.end()
            title = title_at.get(start)
            of = _TITLE_OF.search(text, start, end) if title is not None else None
            if of is not None and of.start() <= title.end_char:
                # "Director of Eastfield's Robotics Institute": the title heads no organisation name, and ends before "of"
                start = of.end()
                head = doc.char_span(title.start_char, of.start(), label="TITLE", alignment_mode="contract")
                if head is not None and len(head):
                    ours[ours.index(title)] = head
            j = bisect_right(title_starts, start) - 1
            outer = title_at[title_starts[j]] if j >= 0 and title is None else None
            if outer is not None and outer.start_char < start < outer.end_char <= end and "\n" not in text[start:end].rstrip() and outer in ours:
                # "the Head of Gizmo Lab (GL)": the title read the name into itself; it ends before its "of"
                of_at = _OF_BEFORE.search(text, outer.start_char, start)
                head = doc.char_span(outer.start_char, of_at.start(), label="TITLE", alignment_mode="contract") if of_at else None
                if head is not None and len(head):
                    ours[ours.index(outer)] = head
            k = bisect_right(title_starts, start)
            if k < len(title_starts) and title_starts[k] < end:
                # "the Head of X Centre and the Head of Y Lab": a title inside ends the name before its "and"
                cut = _AND_BEFORE_TITLE.search(text, start, title_starts[k])
                end = cut.start() if cut is not None else end
            span = doc.char_span(start, end, label="ORG", alignment_mode="contract")
            if span is not None and len(span):
                ours.append(_strip_span(span))
        ours = [s for s in (_cut_at_newline(s) for s in ours) if s is not None and len(s)]
        model = [s for s in (_cut_at_newline(e) for e in doc.ents if e.label_ in _MODEL_LABELS_KEPT) if s is not None]
        model = [self._fix_model_span(s) for s in model]
        model = [s for s in model if s is not None]
        # Our spans win ties against the model's; among ours the longest wins.
        if self.overwrite:
            overlaps = _overlap_test(ours)
            merged = filter_spans(ours + [s for s in model if not overlaps(s)])
        else:
            merged = filter_spans(model + ours)
        doc.ents = sorted(_people_by_name(merged), key=lambda s: s.start)
        return doc

    def _product_ok(self, text: str) -> bool:
        first = re.split(r"[ -]", text, maxsplit=1)[0]
        if first.lower() in self.venue_words:
            return False
        if _YEARISH.search(text.replace(" ", "")) or re.search(r"[ -](?:19|20)\d\d\b", text):
            return False
        return True

    def _fix_model_span(self, span: Span) -> Span | None:
        """The small model tags acronyms like LLM as ORG and glues numbers to names."""
        t = span.text
        if span.label_ in ("ORG", "GPE", "NORP") and (t.isupper() and len(t) <= 4 and t in {"LLM", "LLMS", "AI", "NLP", "CV", "ML", "GPU", "MOE", "RL"}):
            return None
        if span.label_ in {"ORG", "GPE", "PRODUCT", "WORK_OF_ART"} and all(ch.isdigit() or ch in ".-/ " for ch in t):
            return None
        span = _strip_span(span)
        return span if len(span) else None


_TITLE_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_OF_BEFORE = re.compile(r"\s+of\s+(?:the\s+)?$")
_LEADING_FUNCTION_WORD = re.compile(r"(?:(?:From|At|In|With|As|Since|During|Before|After|Our|My|His|Her|Their|This|Joined|Joining|Both)\s+)+")
_AND_BEFORE_TITLE = re.compile(r"\s*,?\s+(?:and|&)\s+(?:the\s+|an?\s+)?$")
_KEEP_FINAL_DOT = re.compile(r"(?:Inc|Ltd|Corp|Co|Jr|Sr|Dept|St|Prof|etc|al|[A-Z])\.$")


_PHRASE_ENDS = {",", ".", ";", ":", ")", "at", "in", "with", "from", "since", "until", "to", "on", "who", "where", "when", "for"}


def _ends_phrase(doc: Doc, i: int) -> bool:
    """Whether the title's field ends at token i: "head of AI at X", never "Director of AI Research" or "of AI/ML"."""
    if i >= len(doc) or doc[i].is_space:
        return True
    if doc[i].lower_ == "and":
        return i + 1 < len(doc) and doc[i + 1].text[:1].islower()
    return doc[i].lower_ in _PHRASE_ENDS


def _people_by_name(spans: list[Span]) -> list[Span]:
    """The model tags a name PERSON in one place and ORG/GPE in another: trust the PERSON reading."""
    names = {s.text for s in spans if s.label_ == "PERSON"}
    return [Span(s.doc, s.start, s.end, label="PERSON") if s.label_ in ("ORG", "GPE") and s.text in names else s for s in spans]


def _strip_span(span: Span) -> Span:
    """Drop leading determiners/punctuation and trailing punctuation from a span."""
    doc = span.doc
    start, end = span.start, span.end
    drops_article = span.label_ != "ORG"
    while start < end and ((t := doc[start]).is_punct or t.is_space or drops_article and t.lower_ in {"the", "a", "an"}):
        start += 1
    while end > start and ((t := doc[end - 1]).is_punct and t.text not in {")", "."} or t.is_space):
        end -= 1
    if end > start and doc[end - 1].text == ")" and "(" not in doc[start:end].text:
        end -= 1
    if end > start and doc[end - 1].text == "." and not _KEEP_FINAL_DOT.search(doc[start:end].text.replace(" .", ".")):
        end -= 1
    out = Span(doc, start, end, label=span.label_)
    if out.text.endswith(".") and not _KEEP_FINAL_DOT.search(out.text):
        trimmed = doc.char_span(out.start_char, out.end_char - 1, label=span.label_, alignment_mode="contract")
        if trimmed is not None and len(trimmed):
            return trimmed
    return out


def _cut_at_newline(span: Span) -> Span | None:
    for i, tok in enumerate(span):
        if "\n" in tok.text or (tok.is_space and "\n" in tok.whitespace_) or "\n" in tok.whitespace_ and i < len(span) - 1:
            cut = span.start + i + (0 if tok.is_space else 1)
            return Span(span.doc, span.start, cut, label=span.label_) if cut > span.start else None
    return span


def _overlap_test(spans: list[Span]) -> Callable[[Span], bool]:
    """A test `overlaps(span)` against all of `spans`, in log time (a page can hold thousands of each)."""
    ordered = sorted((s.start, s.end) for s in spans)
    starts = [a for a, _ in ordered]
    reach = list(accumulate((b for _, b in ordered), max))  # furthest end among spans starting here or before

    def overlaps(span: Span) -> bool:
        i = bisect_left(starts, span.end)  # spans[:i] start before span ends
        return i > 0 and reach[i - 1] > span.start

    return overlaps


@Language.factory(
    "domain_entities",
    assigns=["doc.ents"],
    default_config={"patterns_dir": None, "overwrite": True},
)
def make_domain_entities(nlp: Language, name: str, patterns_dir: str | None, overwrite: bool) -> DomainEntities:
    return DomainEntities(nlp, name, patterns_dir, overwrite)
