"""Organisation mentions that stand for a named organisation.

"Quillon Research Labs (QRL) ... QRL's team" and "Quillon Inc. ... the company's
research unit" name one organisation three ways; facts report its full name.

- an acronym introduced in parentheses after a name -> that name;
- an acronym and a place ("KTU Brenna") -> the one name the text spells it with before that place;
- "the company", "the firm", "the startup" -> the nearest company named before it;
- "the lab", "the laboratory", "the institute", "the university" -> the nearest
  organisation of that kind named before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

_ACRONYM = re.compile(r"((?:[A-Z][\w&'’.-]*|of|for|and|the|de|für)(?:\s+(?:[A-Z][\w&'’.-]*|of|for|and|the|de|für)){1,8})\s*[(（]\s*([A-Z][A-Za-z&]{1,9})\s*[)）]")
_COMPANY = re.compile(r"\b(?:Inc|Corp|Corporation|Ltd|LLC|GmbH|plc|Company|Technologies|Labs|AI|Group|Holdings|Systems)\b\.?|^[A-Z][a-z]+[A-Z]?\w*$")
_KINDS = {
    "company": _COMPANY,
    "firm": _COMPANY,
    "startup": _COMPANY,
    "start-up": _COMPANY,
    "lab": re.compile(r"\b(?:Lab|Labs|Laboratory|Laboratories|Research)\b"),
    "laboratory": re.compile(r"\b(?:Lab|Labs|Laboratory|Laboratories)\b"),
    "institute": re.compile(r"\bInstitute\b"),
    "university": re.compile(r"\bUniversit"),
}
DESCRIPTIONS = re.compile(r"\b[Tt]he\s+(company|firm|startup|start-up|lab|laboratory|institute|university)\b")


@dataclass
class Orgs:
    """Named organisations of a document in order, and the acronyms it defines."""

    names: list[tuple[int, str]] = field(default_factory=list)  # (start, name)
    acronyms: dict[str, str] = field(default_factory=dict)
    text: str = field(default="", repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)
    _spelled: dict[str, str | None] = field(default_factory=dict, repr=False)
    _breaks: list[int] | None = field(default=None, repr=False)

    def resolve(self, text: str, pos: int | None = None) -> str | None:
        """The full name an organisation mention stands for, or None when it is already a name (or unknown)."""
        t = text.strip()
        if t in self.acronyms:
            return self.acronyms[t]
        spelled = self._spelled_out(t)
        if spelled is not None:
            return spelled
        m = DESCRIPTIONS.fullmatch(t) or re.fullmatch(r"(company|firm|startup|start-up|lab|laboratory|institute|university)", t.lower())
        if m is None or pos is None:
            return None
        kind = _KINDS[m.group(1).lower()]
        if len(self._starts) != len(self.names):
            self._starts = [s for s, _ in self.names]
        i = bisect_left(self._starts, pos) - 1
        while i >= 0:
            name = self.names[i][1]
            if kind.search(name) and not (kind is _COMPANY and re.search(r"Universit|College|School", name)):
                return name
            i -= 1
        return None


    def _spelled_out(self, t: str) -> str | None:
        """"KTU Brenna" when the document writes "Kessel-Tarn-Universität Brenna": an acronym and a
        place, and exactly one run of capitalised words (hyphenated parts count) before the same place that
        the acronym spells."""
        m = _ACRONYM_HEAD.fullmatch(t)
        if m is None or not self.text:
            return None
        if t not in self._spelled:  # one pass over the text per acronym, however often it is written
            self._spelled[t] = self._spell(m.group(1), m.group(2))
        return self._spelled[t]

    def _spell(self, acr: str, rest: str) -> str | None:
        rx = re.compile(rf"((?:[A-Z][\w'’]*[- ]){{{len(acr) - 1}}}[A-Z][\w'’]*)\s+{re.escape(rest)}\b")
        found = set()
        for a, b in self._stretches_with(rest):
            for run in rx.finditer(self.text, a, b):
                parts = re.split(r"[- ]", run.group(1))
                if "".join(w[0] for w in parts) == acr and run.group(1) != acr:
                    found.add(f"{run.group(1)} {rest}")
        return found.pop() if len(found) == 1 else None

    def _stretches_with(self, word: str) -> list[tuple[int, int]]:
        """The stretches between punctuation (`_BREAK`) that hold `word`: a spelled-out name is letters,
        hyphens and spaces, so it lies in one of them, and a long page is not read whole per acronym."""
        if self._breaks is None:
            self._breaks = [m.start() for m in _BREAK.finditer(self.text)]
        breaks, n = self._breaks, len(self.text)
        ks: dict[int, None] = {}
        i = self.text.find(word)
        while i >= 0:
            ks[bisect_left(breaks, i)] = None
            i = self.text.find(word, i + 1)
        return [(breaks[k - 1] + 1 if k else 0, breaks[k] if k < len(breaks) else n) for k in ks]


# What a spelled-out name (capitalised words, hyphens, spaces) never holds.
_BREAK = re.compile(r"[^\w\s'’-]")
_ACRONYM_HEAD = re.compile(r"([A-Z]{2,6})\s+([A-Z][\w'’-]+)")


def find_orgs(text: str, org_spans: list[tuple[int, int]]) -> Orgs:
    out = Orgs(names=[(s, text[s:e]) for s, e in org_spans], text=text)
    for m in _ACRONYM.finditer(text):
        full, acr = m.group(1).strip(), m.group(2).replace("&", "")
        words = full.split()
        # the shortest tail of the name whose capitals spell the acronym ("SJTU" <- Shanghai Jiao Tong University)
        for k in range(1, len(words) + 1):
            tail = words[-k:]
            caps = "".join(w[0] for w in tail if w[:1].isupper())
            if tail[0][:1] == acr[0] and _spells(acr.upper(), caps.upper()):
                out.acronyms.setdefault(m.group(2), " ".join(tail))
                break
    return out


def _spells(acr: str, caps: str) -> bool:
    """Every letter of the acronym in order among the capitals, the first ones equal."""
    it = iter(caps)
    return len(acr) >= 2 and acr[0] == caps[:1] and all(ch in it for ch in acr)
