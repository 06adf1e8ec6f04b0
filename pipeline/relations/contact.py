"""contact: the subject's e-mail addresses and phone/WeChat numbers."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from .base import Arg, Candidate, all_ents, subject_arg, text_of
from .registry import RelationSpec, doc_rule, relation

SPEC = relation(RelationSpec("contact", ("PERSON",), ("EMAIL", "PHONE", "URL"), ("kind",), distinct_by=("kind",)))

_AT = re.compile(r"\s*[\[\(\{<]\s*(?:at|@)\s*[\]\)\}>]\s*|\s+at\s+", re.I)
_DOT = re.compile(r"\s*[\[\(\{<]\s*(?:dot|\.)\s*[\]\)\}>]\s*|\s+dot\s+", re.I)


def deobfuscate(email: str) -> str:
    return _DOT.sub(".", _AT.sub("@", email)).replace(" ", "").lower()


@doc_rule("contact", "contact", order=10)
def contact(doc: Doc) -> Iterator[Candidate]:
    subj = subject_arg(doc)
    if subj is None:
        return
    text = text_of(doc)
    seen: set[str] = set()
    for ent in all_ents(doc):
        if ent.label_ not in ("EMAIL", "PHONE", "WECHAT"):
            continue
        line_start = text.rfind("\n", 0, ent.start_char) + 1
        line_end = text.find("\n", ent.end_char)
        line_end = len(text) if line_end < 0 else line_end
        if ent.label_ == "EMAIL":
            value, kind = deobfuscate(ent.text), "email"
            seen.add(value)
        elif ent.label_ == "WECHAT":
            # an ID of letters and digits, as written; the entity may hold the label glued before it ("微信：id")
            m = _WECHAT_ID.search(ent.text)
            value, kind = (m.group() if m else ent.text), "wechat"
        else:
            before = text[max(line_start, ent.start_char - 16) : ent.start_char].lower()
            kind = "wechat" if "wechat" in before or "微信" in before else "phone"
            value = re.sub(r"[^\d+]", "", ent.text)
        yield Candidate(
            relation="contact",
            subject=subj,
            object=Arg(ent.text, ent.label_, value, ent.start_char, ent.end_char),
            qualifiers={"kind": kind},
            evidence=(line_start, line_end),
            rule=f"contact.{kind}",
            confidence=0.9 if kind == "email" else 0.75,
        )
    yield from _mailto_links(doc, subj, seen)


_WECHAT_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]{5,19}$")
_MAILTO = re.compile(r"^mailto:\s*([^?\s]+@[^?\s]+\.[A-Za-z]{2,})", re.I)


def _mailto_links(doc: Doc, subj: Arg, seen: set[str]) -> Iterator[Candidate]:
    """An address given only as a link target ("<a href='mailto:...'>Email</a>"): the link text is the evidence."""
    text = text_of(doc)
    for s, e, href in getattr(doc._.clean, "links", []) or []:
        m = _MAILTO.match(href or "")
        if m is None:
            continue
        value = m.group(1).lower()
        if value in seen:
            continue
        seen.add(value)
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", e)
        yield Candidate(
            relation="contact",
            subject=subj,
            object=Arg(text[s:e], "EMAIL", value, s, e),
            qualifiers={"kind": "email"},
            evidence=(line_start, len(text) if line_end < 0 else line_end),
            rule="contact.mailto",
            confidence=0.85,
        )
