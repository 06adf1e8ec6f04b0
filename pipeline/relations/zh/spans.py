"""Chinese text read at character level: the argument spans and dates the zh rules share.

Chinese writes no spaces, so the rules of this package work on characters with the
closed word classes of `patterns/zh_triggers.jsonl`: an organisation is a run ending in
an organisation word (大学, 研究所, 公司 ...) or a listed name or a Latin-script name, a
title is a run ending in a title word, a degree a degree word. Dates come from the
dates stage; a range joined by 至/到/- and an open end (至今) are read here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Doc

from ..base import Arg, Candidate, dates_in, text_of
from ..lexicon import zh_words

if TYPE_CHECKING:
    from .clauses import Clause

HAN = "\u4e00-\u9fff"
_HAN = re.compile(f"[{HAN}]")
_LATIN_ORG = re.compile(r"[A-Z][A-Za-z0-9&.\-]*(?:[ /][A-Z0-9][A-Za-z0-9&.\-]*)*(?:\s?(?:公司|集团|实验室|研究院))?")
_RANGE_JOIN = re.compile(r"\s*(?:至|到|[-–—~～－])\s*")
_OPEN_END = re.compile(r"\s*(?:[-–—~～－]|至|到)?\s*(?:至今|今|现在|目前)")


def W(name: str) -> list[str]:
    return zh_words()[name]


def has_han(s: str) -> bool:
    return _HAN.search(s) is not None


def _is_han(c: str) -> bool:
    """`has_han` of one character, without a regex: the scans below test every character."""
    return "\u4e00" <= c <= "\u9fff"


def mostly_han(s: str) -> bool:
    """More Han characters than Latin letters: a Chinese line, not an English one with a Chinese gloss."""
    han = len(_HAN.findall(s))
    return han > 0 and han >= sum(c.isascii() and c.isalpha() for c in s)


def word_at(text: str, i: int, words: list[str]) -> str | None:
    """The longest word of `words` starting at `i` (lists are sorted longest first)."""
    known = _by_first_char().get(id(words))
    if known is not None and known[0] is words:  # a list of the lexicon: only its words with this first character
        words = known[1].get(text[i : i + 1], ())
    return next((w for w in words if text.startswith(w, i)), None)


@lru_cache(maxsize=1)
def _by_first_char() -> dict[int, tuple[list[str], dict[str, list[str]]]]:
    """Each list of the lexicon (by identity) with its words grouped by first character, in list order:
    `word_at` runs at every character of a Chinese line."""
    out: dict[int, tuple[list[str], dict[str, list[str]]]] = {}
    for ws in zh_words().values():
        groups: dict[str, list[str]] = {}
        for w in ws:
            groups.setdefault(w[:1], []).append(w)
        out[id(ws)] = (ws, groups)
    return out


def find_words(text: str, start: int, end: int, words: list[str]) -> Iterator[tuple[int, str]]:
    i = start
    while i < end:
        w = word_at(text, i, words)
        if w is not None and i + len(w) <= end:
            yield i, w
            i += len(w)
        else:
            i += 1


def display_name(p, text: str) -> str:
    """The person as a Chinese text writes them: the Han canonical, else the first full Han mention, else a Han alias."""
    if has_han(p.canonical):
        return p.canonical
    for s, e in sorted(p.mentions):
        t = text[s:e]
        if has_han(t) and (len(t) >= 3 or "·" in t):
            return t
    hans = sorted((a for a in p.aliases if has_han(a)), key=lambda a: (-len(a), a))
    return hans[0] if hans else p.canonical


# ---------------------------------------------------------------- argument spans


def org_at(text: str, i: int, end: int) -> tuple[int, int] | None:
    """An organisation starting at `i`: a listed name, a Latin-script name, or a Han run ending in an organisation word.

    A unit of a university ("北京大学计算机系", "清华大学信息学院") is reported as the university.
    """
    while i < end and text[i] in " \t":
        i += 1
    name = word_at(text, i, W("org_names"))
    if name:
        e = i + len(name)
        suffix = word_at(text, e, ["公司", "集团"])
        return i, min(end, e + len(suffix) if suffix else e)
    m = _LATIN_ORG.match(text, i, end)
    if m and m.group().strip():
        return i, i + len(m.group().rstrip())
    stop = i
    while stop < end and stop - i < 25 and (_is_han(text[stop]) or text[stop] in " ") and text[stop] not in "的和与及在任是为":
        stop += 1
    if stop - i < 2:
        return None  # no Han run to end in an organisation word
    ends = [j + len(sfx) for sfx in W("org_suffixes") if (j := text.rfind(sfx, i, stop)) > i]
    if not ends:
        return None
    best = max(ends)
    uni = text.find("大学", i, best)
    if 0 <= uni and uni + 2 < best:
        best = uni + 2
    return i, best


def title_tail(text: str, i: int, end: int) -> tuple[int, int] | None:
    """A job title filling [i, end): short, and ending in a title word ("副总裁和 AI 首席科学家")."""
    while i < end and text[i] in " \t的":
        i += 1
    for lead in ("一名", "一位", "一个"):
        if text.startswith(lead, i):
            i += len(lead)
    e = end
    while e > i and text[e - 1] in " \t。.、等":
        e -= 1
    seg = text[i:e]
    if not seg or len(seg) > 24 or any(c in seg for c in "，。；了着过的"):
        return None
    while not any(seg.endswith(t) for t in W("titles")):
        if "、" not in seg:
            return None
        seg = seg[: seg.rindex("、")]  # "教授、博士生导师": the titles before a word that is none
    return (i, i + len(seg)) if seg and len(seg) <= 20 else None


def degree_in(text: str, start: int, end: int) -> str | None:
    hit = next(find_words(text, start, end, W("degrees")), None)
    return hit[1] if hit else None


def negated(text: str, start: int, pos: int) -> bool:
    return any(True for _ in find_words(text, start, pos, W("negations")))


# ---------------------------------------------------------------- dates


def iso(d) -> str | None:
    v = d.value
    return v if v and "/" not in v else None


def range_at(doc: Doc, start: int, end: int) -> tuple[str | None, str | None, int]:
    """(start, end, where it stops) of the first date of [start, end): "2015年至2019年", "2019年至今", "2015年"."""
    text = text_of(doc)
    ds = dates_in(doc, start, end)
    if not ds:
        return None, None, start
    d = ds[0]
    if d.value and "/" in d.value:
        a, b = d.value.split("/", 1)
        return a, b, d.end
    o = _OPEN_END.match(text, d.end)
    if o and o.end() <= end:
        return iso(d), "present", o.end()
    j = _RANGE_JOIN.match(text, d.end)
    if j and len(ds) > 1 and ds[1].start == j.end():
        return iso(d), iso(ds[1]), ds[1].end
    return iso(d), None, d.end


def career_steps() -> list[str]:
    return W("job_verbs") + W("job_join") + W("job_leave") + W("job_found") + W("job_copulas")


def unit_end(text: str, e: int, end: int) -> int:
    """Where a unit named right after a university ends ("东湖大学计算机学院教授" -> after 学院), else `e`."""
    j = e
    while j < end and j - e < 14 and has_han(text[j]):
        j += 1
        if text[e:j].endswith(("学院", "系", "研究所", "研究院", "实验室", "中心", "学部")):
            return j
    return e


def when(doc: Doc, c: Clause) -> dict[str, str]:
    """start/end of the clause: its own date, else the last date before it in its sentence; "至今" or "现在是" ends it at present."""
    text = text_of(doc)
    q: dict[str, str] = {}
    a, b, _ = range_at(doc, c.start, c.end)
    if a is None:
        for prev in reversed(c.sent.clauses[: c.index]):
            ds = [d for d in dates_in(doc, prev.start, prev.end) if iso(d)]
            step = prev.body >= prev.end or any(True for _ in find_words(text, prev.body, prev.end, career_steps()))
            if ds and step:  # "2015年，担任 ...", "2015年辞职，成为 ..."; not "1978年出生，现任 ..."
                a, b, _ = range_at(doc, prev.start, prev.end)  # "2019年至今，担任 ..."
                if b is None:
                    a = iso(ds[-1])
                break
    if a:
        q["start"] = a
    if b:
        q["end"] = b
    elif any(True for _ in find_words(text, c.start, c.end, W("present_cues"))):
        q["end"] = "present"
    else:
        # "..., 2022年离职": the next clause of the sentence ends it
        nxt = c.sent.clauses[c.index + 1] if c.index + 1 < len(c.sent.clauses) else None
        if nxt is not None and word_at(text, nxt.body, W("job_leave")):
            ds = [d for d in dates_in(doc, nxt.start, nxt.body) if iso(d)]
            if ds:
                q["end"] = iso(ds[-1])
    return q


def fact(doc: Doc, relation: str, c: Clause, obj: Arg, rule: str, confidence: float, **qualifiers: str | None) -> Candidate:
    return Candidate(
        relation=relation,
        subject=c.subject,
        object=obj,
        evidence=(c.sent.start, c.sent.end),
        rule=rule,
        confidence=confidence,
        qualifiers={k: v for k, v in qualifiers.items() if v},
    )


def subject_ok(c: Clause) -> bool:
    """The clause has a person as subject (not none, not a subject of its own that is no person)."""
    return isinstance(c.subject, Arg)


# ---------------------------------------------------------------- list items of Chinese sections


def item_subject(doc: Doc, start: int) -> Arg | None:
    """The person an item of a structured page belongs to (its section's, else the page's), as Chinese text names them."""
    people = doc._.people
    p = people.subject_at(start) if people is not None else None
    if p is None:
        return None
    name = display_name(p, text_of(doc))
    return Arg(name, "PERSON", name)


def orgs_in(text: str, start: int, end: int, suffixes: list[str] | None = None) -> list[tuple[int, int]]:
    """Organisations of [start, end), each tried where a run of Han or Latin letters begins."""
    out: list[tuple[int, int]] = []
    i = start
    while i < end:
        c = text[i]
        begins = i == start or not (_is_han(text[i - 1]) or text[i - 1].isalnum())
        org = org_at(text, i, end) if begins and (_is_han(c) or c.isalpha()) else None
        if org and org[1] > org[0] and (suffixes is None or any(text[org[0] : org[1]].endswith(s) for s in suffixes)):
            out.append(org)
            i = org[1]
        else:
            i += 1
        if i < end:  # on to the next place a run may begin (the test above still decides)
            m = _MAY_BEGIN.search(text, i, end)
            i = m.start() if m else end
    return out


# Where `orgs_in` may find a run beginning: a letter or Han character after no letter or digit.
# A superset of the places it tries, so that a long line is not walked in Python character by character.
_MAY_BEGIN = re.compile(f"(?<![^\\W_])[\\w{HAN}]")


def item_fact(relation: str, subj: Arg, line, obj: Arg, rule: str, confidence: float, **qualifiers: str | None) -> Candidate:
    return Candidate(relation, subj, obj, (line.start, line.end), rule, confidence, {k: v for k, v in qualifiers.items() if v})
