"""Records: a decoded input document, and the validated `DocumentRecord` made from its Doc.

Offsets move from doc coordinates (the cleaned text) to the raw decoded
document here and nowhere else, so evidence text is always the raw slice.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from .clean import CleanText
from .config import Settings
from .relations.base import Arg, Candidate
from .schema import Argument, DateMention, DocumentRecord, Entity, ErrorInfo, Evidence, Fact, Mention, PersonRecord, Qualifiers
from .textmap import TextMap

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "DEGREE", "TITLE", "WORK", "PRODUCT", "VENUE", "EMAIL", "PHONE", "WECHAT", "URL", "EVENT"}


@dataclass(frozen=True, slots=True)
class Input:
    """A decoded document ready for extraction."""

    text: str
    doc_id: str
    source: str
    sha256: str
    fmt: str  # "markdown" | "html" | "text"


def error_record(item: Input, code: str, message: str) -> DocumentRecord:
    return DocumentRecord(
        doc_id=item.doc_id, source=item.source, sha256=item.sha256, status="error", error=ErrorInfo(code=code, message=message)
    )


def to_record(item: Input, doc: Doc, settings: Settings) -> DocumentRecord:
    ct: CleanText = doc._.clean
    tm: TextMap = ct.map
    raw = item.text

    def raw_span(s: int, e: int) -> tuple[int, int]:
        return tm.source_span(s, e)

    entities: list[Entity] = []
    people = doc._.people
    for i, ent in enumerate(e for e in doc.ents if e.label_ in ENTITY_LABELS):
        s, e = raw_span(ent.start_char, ent.end_char)
        canonical = None
        if ent.label_ == "PERSON" and people is not None:
            p = people.get(ent.text, ent.start_char)
            canonical = p.canonical if p else None
        entities.append(Entity(id=f"e{i + 1}", label=ent.label_, text=raw[s:e], canonical=canonical, start=s, end=e))
    dates: list[DateMention] = []
    for dm in doc._.dates or []:
        s, e = raw_span(dm.start, dm.end)
        dates.append(DateMention(start=s, end=e, text=raw[s:e], value=dm.value, type=dm.type))
    facts = [to_fact(item.doc_id, c, raw, raw_span) for c in doc._.facts or []]
    subject = people.subject.canonical if people is not None and people.subject is not None else None
    persons = _people_records(doc, people, raw, raw_span) if people is not None else []
    dct = doc._.dct
    return DocumentRecord(
        doc_id=item.doc_id,
        source=item.source,
        sha256=item.sha256,
        status="ok",
        title=ct.title,
        dct=dct.isoformat() if isinstance(dct, date) else None,
        subject=subject,
        people=persons,
        entities=entities,
        dates=dates,
        facts=facts,
    )


def _people_records(doc: Doc, people, raw: str, raw_span) -> list[PersonRecord]:
    """Every person named in the document, in order of first mention; unnamed ones (from metadata only) last."""
    from .coref import coref_of

    named: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for m in coref_of(doc).mentions:
        named[id(m.person)].add((m.start, m.end))
    out = []
    for p in people.persons:
        spans = sorted({raw_span(s, e) for s, e in set(p.mentions) | named[id(p)]})
        mentions = [Mention(start=s, end=e, text=raw[s:e]) for s, e in spans if e > s]
        if not mentions and (m := re.search(rf"(?<!\w){re.escape(p.canonical)}(?!\w)", raw)):
            mentions = [Mention(start=m.start(), end=m.end(), text=m.group())]  # named only in front matter or a title tag
        aliases = sorted(a for a in p.aliases if a != p.canonical)
        out.append(PersonRecord(canonical=p.canonical, aliases=aliases, mentions=mentions))
    out.sort(key=lambda r: (r.mentions[0].start if r.mentions else len(raw), r.canonical))
    return out


def to_fact(doc_id: str, c: Candidate, raw: str, raw_span) -> Fact:
    def arg(a: Arg) -> Argument:
        if a.start is None or a.end is None:
            return Argument(text=a.text, label=a.label, canonical=a.canonical)
        s, e = raw_span(a.start, a.end)
        return Argument(text=raw[s:e], label=a.label, canonical=a.canonical or a.text, start=s, end=e)

    s, e = raw_span(*c.evidence)
    return Fact(
        doc_id=doc_id,
        relation=c.relation,
        subject=arg(c.subject),
        object=arg(c.object),
        qualifiers=Qualifiers(**c.qualifiers),
        evidence=Evidence(text=raw[s:e], start=s, end=e),
        rule=c.rule,
        confidence=round(c.confidence, 3),
    )
