"""TimeML documents (TimeBank, AQUAINT, TempEval-3) and the TempEval-3 style scores.

`parse_timeml` returns the TEXT content with every tag removed and character
entities decoded, the TIMEX3 annotations as offsets into that text, and the
document creation time from the DCT TIMEX3. `score` compares system mentions
with gold ones: strict extent (same offsets), relaxed extent (overlap, one to
one), and value F1 (a relaxed match whose normalized values are equal).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable, Sequence


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str | None
    tid: str = ""


@dataclass(slots=True)
class TimeMLDoc:
    doc_id: str
    text: str
    dct: date | None
    timexes: list[Timex] = field(default_factory=list)


_TAG_RE = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>|&(#?\w+);")
_ATTR_RE = re.compile(r'([\w:]+)\s*=\s*"([^"]*)"')
_DCT_RE = re.compile(r"<DCT>.*?<TIMEX3([^>]*)>", re.S)
_DOCID_RE = re.compile(r"<DOCID>\s*([^<\s]+)\s*</DOCID>")


def _attrs(s: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR_RE.findall(s)}


def _strip(body: str) -> tuple[str, list[Timex]]:
    """Text without tags plus the TIMEX3 spans in it (nested tags inside a TIMEX3 are dropped)."""
    out: list[str] = []
    n = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    timexes: list[Timex] = []
    pos = 0
    for m in _TAG_RE.finditer(body):
        piece = body[pos : m.start()]
        out.append(piece)
        n += len(piece)
        pos = m.end()
        if m.group(5) is not None:  # a character entity
            ch = html.unescape(m.group(0))
            out.append(ch)
            n += len(ch)
            continue
        closing, name, attrs, selfclose = m.group(1), m.group(2), m.group(3), m.group(4)
        if name != "TIMEX3" or selfclose:
            continue
        if not closing:
            open_timex.append((n, _attrs(attrs)))
        elif open_timex:
            start, a = open_timex.pop()
            timexes.append(Timex(start, n, "", a.get("type", "DATE"), a.get("value"), a.get("tid", "")))
    out.append(body[pos:])
    text = "".join(out)
    timexes = [Timex(t.start, t.end, text[t.start : t.end], t.type, t.value, t.tid) for t in timexes]
    timexes.sort(key=lambda t: (t.start, t.end))
    return text, timexes


def parse_timeml(xml: str, doc_id: str = "") -> TimeMLDoc:
    """One TimeML document: the TEXT element's plain text, its TIMEX3s, and the DCT."""
    m = re.search(r"<TEXT>(.*?)</TEXT>", xml, re.S)
    body = m.group(1) if m else xml
    text, timexes = _strip(body)
    dct = None
    d = _DCT_RE.search(xml)
    if d:
        v = _attrs(d.group(1)).get("value", "")
        if re.match(r"\d{4}-\d{2}-\d{2}", v):
            dct = date.fromisoformat(v[:10])
    if not doc_id:
        i = _DOCID_RE.search(xml)
        doc_id = i.group(1) if i else ""
    return TimeMLDoc(doc_id, text, dct, timexes)


def read_timeml(path: str | Path) -> TimeMLDoc:
    p = Path(path)
    return parse_timeml(p.read_text(encoding="utf-8"), p.name.removesuffix(".tml"))


def iter_corpus(folder: str | Path) -> list[Path]:
    """All .tml files under `folder`, in a stable order."""
    return sorted(Path(folder).rglob("*.tml"))


def norm_value(v: str | None) -> str:
    """Canonical spelling of a TimeML value, so that equal values written two ways compare equal:
    case, ISO weeks with or without a leading zero ("2000-W8" == "2000-W08"), a decade with or
    without its X ("199" == "199X"), decades and centuries as years ("P2DE" == "P20Y")."""
    if v is None:
        return ""
    v = v.strip().upper()
    v = re.sub(r"-W0(\d)\b", r"-W\1", v)
    if re.fullmatch(r"\d{3}X", v):
        v = v[:3]
    m = re.fullmatch(r"P(\d+)(DE|CE)", v)
    if m:
        v = f"P{int(m.group(1)) * (10 if m.group(2) == 'DE' else 100)}Y"
    return v


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, other: "Counts") -> None:
        for k in ("gold", "system", "strict", "relaxed", "value", "type"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def table(self) -> dict[str, float]:
        sp, sr, sf = self.prf(self.strict)
        rp, rr, rf = self.prf(self.relaxed)
        _, _, vf = self.prf(self.value)
        _, _, tf = self.prf(self.type)
        return {"strict_p": sp, "strict_r": sr, "strict_f1": sf, "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf, "value_f1": vf, "type_f1": tf}


def score(gold: Sequence[Timex], system: Iterable) -> Counts:
    """Counts for one document. `system` items need start, end, value and type attributes."""
    sys_items = sorted(system, key=lambda s: (s.start, s.end))
    c = Counts(gold=len(gold), system=len(sys_items))
    gold_spans = {(g.start, g.end) for g in gold}
    c.strict = sum(1 for s in {(x.start, x.end) for x in sys_items} if s in gold_spans)
    # relaxed: one-to-one by largest overlap, greedily
    pairs = []
    for i, g in enumerate(gold):
        for j, s in enumerate(sys_items):
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0:
                pairs.append((-ov, i, j))
    pairs.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    for _, i, j in pairs:
        if i in used_g or j in used_s:
            continue
        used_g.add(i)
        used_s.add(j)
        c.relaxed += 1
        g, s = gold[i], sys_items[j]
        if norm_value(g.value) == norm_value(getattr(s, "value", None)) and norm_value(g.value):
            c.value += 1
        if g.type == getattr(s, "type", None):
            c.type += 1
    return c
