"""When two fact objects are the same thing: normalised names, abbreviations a document defines,
and names written in another script.

"The Massachusetts Institute of Technology", "Massachusetts Institute of Technology" and,
in a document that writes "Massachusetts Institute of Technology (MIT)", "MIT" all get the
key "massachusetts institute of technology"; so does "麻省理工学院", by the table of names
across scripts (`patterns/names_across_scripts.jsonl`: well-known universities, labs,
companies and honours with the forms Chinese text writes them in).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any, Iterable

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..config import PATTERNS_DIR
from .names import fold, has_han


class NameAcrossScripts(BaseModel):
    """One row of the table: the name in Latin script and the forms other scripts write it in."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=2)
    forms: list[str] = Field(min_length=1)

    @field_validator("name")
    @classmethod
    def _latin(cls, v: str) -> str:
        if has_han(v):
            raise ValueError(f"the name {v!r} is to be written in Latin script")
        return v

    @field_validator("forms")
    @classmethod
    def _other_script(cls, v: list[str]) -> list[str]:
        bad = [f for f in v if not has_han(f)]
        if bad:
            raise ValueError(f"forms {bad!r} hold no character of another script")
        return v


def latin_name(text: str) -> str | None:
    """The Latin name of an object written in another script, when the table knows it ("多伦多大学" -> "University of Toronto")."""
    return _table().get(_key(text))


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Key of a form in another script -> the Latin name; a form listed twice is an error."""
    out: dict[str, str] = {}
    path = PATTERNS_DIR / "names_across_scripts.jsonl"
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = NameAcrossScripts.model_validate(json.loads(line))
            except ValueError as e:
                raise ValueError(f"{path.name}:{n}: {e}") from None
            for form in row.forms:
                key = _key(form)
                if key in out:
                    raise ValueError(f"{path.name}:{n}: the form {form!r} is listed twice")
                out[key] = row.name
    return out


def _key(text: str) -> str:
    words = re.findall(r"\w+", fold(text))
    while words and words[0] in _STOP:
        words = words[1:]
    return " ".join(words)

_DEFINED = re.compile(r"([A-Z][\w&.'’\-]*(?:\s+(?:of|for|and|the|de|in|&|[A-Z][\w&.'’\-]*)){1,10})\s*[\(（]\s*([A-Z][A-Za-z&]{1,9})\s*[\)）]")
_STOP = frozenset({"the", "a", "an"})
_SMALL = frozenset({"of", "for", "and", "the", "de", "in", "&", "at", "on"})


def object_key(text: str, abbrev: dict[str, str] | None = None) -> str:
    """Folded words without punctuation or a leading article; a defined abbreviation is replaced by its long
    form, a name in another script by the Latin name the table gives."""
    key = _key(text)
    if abbrev and key in abbrev:
        return abbrev[key]
    latin = latin_name(text) if has_han(key) else None
    if latin is not None:
        return _key(latin)
    # "Stanford University (Stanford)" and "MIT (Massachusetts ...)" carry both forms: the long one decides.
    m = _DEFINED.search(text)
    if m and _matches(m.group(1), m.group(2)):
        return object_key(m.group(1))
    return key


def _matches(long: str, short: str) -> bool:
    initials = "".join(w[0] for w in re.split(r"[\s\-]+", long) if w and w.lower() not in _SMALL)
    return short.upper() == initials.upper() or short.upper() == "".join(w[0] for w in long.split() if w).upper()


def initials_of(key: str) -> set[str]:
    """The acronyms a folded multi-word name is written as: initials of its content words, or of every word
    ("university of california san diego" -> "ucsd"; "new york university" -> "nyu")."""
    words = key.split()
    if len(words) < 2:
        return set()
    return {"".join(w[0] for w in words if w not in _SMALL), "".join(w[0] for w in words)}


def is_acronym(short: str, long: str) -> bool:
    """Whether one folded key is the acronym of the other ("uiuc", "university of illinois at urbana champaign")."""
    return " " not in short and 2 <= len(short) <= 6 and short in initials_of(long)


def abbreviations(facts: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Abbreviation key -> long form key, from "Long Name (LN)" in the evidence of a document's facts."""
    out: dict[str, str] = {}
    for f in facts:
        texts = [(f.get("evidence") or {}).get("text") or ""]
        texts.append((f.get("object") or {}).get("text") or "")
        for text in texts:
            for m in _DEFINED.finditer(text):
                long, short = m.group(1).strip(), m.group(2)
                # the long form may start with words of the sentence: keep its last words that spell the abbreviation
                words = long.split()
                for i in range(len(words)):
                    cand = " ".join(words[i:])
                    if _matches(cand, short):
                        out.setdefault(object_key(short), object_key(cand))
                        break
    return out


# Relations whose object is the name of an organisation, school or award.
NAMED = frozenset({"educated_at", "employed_by", "leads", "part_of", "award_received"})
_LINK = re.compile(r"\[\[([^\[\]|]+)(?:\|[^\[\]]*)?\]\]|\[([^\[\]]+)\]\([^)]*\)")
# Words that start a clause after a name: "Stanford University for two years before ...".
_CLAUSE = frozenset({"has", "have", "had", "was", "were", "is", "are", "been", "before", "after", "until", "since", "where", "which", "who", "when", "while", "during", "because", "but"})
# Words a clause starts with, never a name ("Born in 1986 in Gorky", "Joined Acme in 2001").
_NOT_NAME_START = _CLAUSE | frozenset({"born", "based", "joined", "moved", "became", "served", "worked", "working", "received", "studied"})
_LINKERS = frozenset({"for", "in", "to", "from", "at", "with", "and", "on", "as"})
_SEP = re.compile(r",\s+|(?<=\w\w)\.\s+|(?<=\w)\.\s+(?=[A-Z]{2})")
_VENUE_HINT = re.compile(r"\b(?:19|20)\d\d\b|\([A-Z][A-Za-z]{1,9}\)|^(?:In|Proc\w*|Conference|Workshop|Journal|Transactions|arXiv|Advances)\b")
_AUTHOR = re.compile(r"^(?:[A-Z]\.(?:\s?-?[A-Z]\.)*\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?$")


def object_name(relation: str, text: str) -> str:
    """The object as a name: the linked name of an over-long phrase, without a trailing clause or a stray conjunct,
    and for a publication the title of a citation ("A. Roe and B. Poe. Title, Venue (V), 2016" -> "Title");
    "" when the phrase is a clause, not a name."""
    if relation == "author_of":
        return citation_title(text)
    if relation not in NAMED:
        return text
    links = [m.group(1) or m.group(2) for m in _LINK.finditer(text)]
    if len(links) == 1:
        return links[0].strip()  # "Physics at the [[University of Toronto]] in 2009"
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    words = text.split()
    if len(words) > 1 and words[0] in _STOP and words[1][:1].isupper():
        words = words[1:]  # "the University of Leeds in 2011"
    if len(words) >= 3 and words[1] == "and" and re.fullmatch(r"(?:19|20)\d\d", words[0]):
        words = words[2:]  # "2003 and Facebook"
    if not words or not words[0][:1].isupper():
        return text  # a description ("team developing ..."), not a name
    if words[0].lower() in _NOT_NAME_START:
        return ""  # a clause read as a name
    for i, w in enumerate(words[1:], 1):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w in _CLAUSE or w in _LINKERS and nxt[:1].islower() or w in _LINKERS and nxt[:1].isdigit():
            words = words[:i]
            break
    while len(words) > 1 and words[-1].lower() in _SMALL | {"as", "with", "to", "from"}:
        words.pop()
    if len(words) == 3 and words[1] == "and" and words[0] != words[2]:
        words = words[:1]  # "Facebook and Silver [Professor]": the conjunct is a fragment of what follows
    return " ".join(words).strip(" ,;:")


def citation_title(text: str) -> str:
    """The title of a citation; a title alone comes back unchanged."""
    parts = re.split(r"(?<=\w\w)\.\s+(?=[A-Z])", text, maxsplit=1)
    if len(parts) == 2 and ("," in parts[0] or " and " in parts[0]):
        names = [c.strip() for c in re.split(r",|\band\b", parts[0]) if c.strip()]
        if names and all(_AUTHOR.match(n) for n in names):
            text = parts[1]  # "H. Dai, Y. Tian and L. Song. Title ..."
    for m in _SEP.finditer(text):
        rest = text[m.end() :]
        segment = re.split(r",\s", rest, maxsplit=1)[0]
        if _VENUE_HINT.search(segment) and m.start() > 10:
            return text[: m.start()].strip()
    return text


_STRONG_ORG = re.compile(r"\b(?:University|Universit\w+|Institute|College|Academy|Laboratory|Lab|Labs|School|Inc|Corporation|Company)\b")
_ACRONYM = re.compile(r"[A-Z][A-Z&-]{1,9}")


def org_parts(text: str) -> list[str]:
    """Organisations joined by "and" as one object ("University of Sydney and NICTA"): each of them; anything else whole.

    Each part must be an organisation's name by its keyword or an acronym, so "Computer Science and Engineering"
    stays one name."""
    parts = [p.strip(" ,") for p in re.split(r",\s+(?:and\s+)?|\s+and\s+", text.strip())]
    if len(parts) > 1 and all(p and (_STRONG_ORG.search(p) or _ACRONYM.fullmatch(p)) for p in parts) and any(_STRONG_ORG.search(p) for p in parts):
        return parts
    return [text.strip()]


_YEARS = re.compile(r"\D*((?:19|20)\d\d)\D*((?:19|20)\d\d)\D*")


def is_year_range(value: str) -> bool:
    """"2015-2017" read as a phone number ("20152017"): two years in order are a period, not a number."""
    m = _YEARS.fullmatch(value)
    return bool(m) and m.group(1) <= m.group(2)


# "AISTATS'16 Best Paper Award", "ICML 2010 Best Paper Award", "Best Paper Award '16": the venue and year of an award.
_VENUE_YY = re.compile(r"(?P<org>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3}?)\s*['’‘](?P<yy>\d\d)\s+(?P<name>[A-Z].*)")
_VENUE_YYYY = re.compile(r"(?P<org>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3}?)\s+(?P<year>(?:19|20)\d\d)\s+(?P<name>[A-Z].*)")
_NAME_YY = re.compile(r"(?P<name>[A-Z].*?\S)\s*['’‘](?P<yy>\d\d)")


def award_parts(text: str) -> tuple[str, dict[str, str]]:
    """The award's name without the venue and year written into it, and those as qualifiers (`org`, `date`)."""
    text = text.strip()
    m = _VENUE_YY.fullmatch(text) or _VENUE_YYYY.fullmatch(text)
    if m:
        year = m.group("year") if "year" in m.groupdict() else _century(m.group("yy"))
        return m.group("name").strip(), {"org": m.group("org"), "date": year}
    m = _NAME_YY.fullmatch(text)
    if m:
        return m.group("name"), {"date": _century(m.group("yy"))}
    return text, {}


def _century(yy: str) -> str:
    return ("20" if int(yy) < 50 else "19") + yy


# A list of topics in one object: "robotics and computational neuroscience", "AI, AI for Science".
_TOPIC_SEP = re.compile(r",\s*(?:and\s+|or\s+)?|;\s*|\s+(?:and|or)\s+")
# Words no research topic starts with: the object is a fragment of a clause ("with a focus on ...").
_NOT_TOPIC_START = frozenset(
    "with for of to in on by from at as and or but quite very rather other such some many its their his her our my this these that those".split()
)
_URLISH = re.compile(r"://|^www\.|@|\.(?:com|org|net|edu|io)\b", re.I)


def topic_parts(text: str) -> list[str]:
    """A coordination of short topics as its topics; anything else whole."""
    parts = [p.strip(" .") for p in _TOPIC_SEP.split(text.strip())]
    if len(parts) > 1 and all(p and len(p.split()) <= 3 and is_topic(p) for p in parts):
        return parts
    return [text.strip()]


def is_topic(text: str) -> bool:
    """Whether a research-interest object can be a topic: no address, no clause fragment."""
    words = text.split()
    return bool(words) and not _URLISH.search(text) and words[0].lower() not in _NOT_TOPIC_START
