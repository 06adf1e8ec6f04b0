"""When two fact objects are the same thing: normalised names and abbreviations a document defines.

"The Massachusetts Institute of Technology", "Massachusetts Institute of Technology" and,
in a document that writes "Massachusetts Institute of Technology (MIT)", "MIT" all get the
key "massachusetts institute of technology".
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from .names import fold

_DEFINED = re.compile(r"([A-Z][\w&.'’\-]*(?:\s+(?:of|for|and|the|de|in|&|[A-Z][\w&.'’\-]*)){1,10})\s*[\(（]\s*([A-Z][A-Za-z&]{1,9})\s*[\)）]")
_STOP = frozenset({"the", "a", "an"})
_SMALL = frozenset({"of", "for", "and", "the", "de", "in", "&", "at", "on"})


def object_key(text: str, abbrev: dict[str, str] | None = None) -> str:
    """Folded words without punctuation or a leading article; a defined abbreviation is replaced by its long form."""
    words = re.findall(r"\w+", fold(text))
    while words and words[0] in _STOP:
        words = words[1:]
    key = " ".join(words)
    if abbrev and key in abbrev:
        return abbrev[key]
    # "Stanford University (Stanford)" and "MIT (Massachusetts ...)" carry both forms: the long one decides.
    m = _DEFINED.search(text)
    if m and _matches(m.group(1), m.group(2)):
        return object_key(m.group(1))
    return key


def _matches(long: str, short: str) -> bool:
    initials = "".join(w[0] for w in re.split(r"[\s\-]+", long) if w and w.lower() not in _SMALL)
    return short.upper() == initials.upper() or short.upper() == "".join(w[0] for w in long.split() if w).upper()


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
