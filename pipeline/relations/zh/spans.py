"""Chinese text read at character level: sentences, clauses, their subject, and argument spans.

Chinese writes no spaces, so the rules of this package work on characters with the
closed word classes of `patterns/zh_triggers.jsonl`: an organisation is a run ending in
an organisation word (大学, 研究所, 公司 ...) or a listed name or a Latin-script name, a
title is a run ending in a title word, a degree a degree word. Dates come from the
dates stage; a range joined by 至/到/- and an open end (至今) are read here.

A clause (text between ，；：) takes as subject the person named at its start, the
topic person for 他/她, the subject an earlier clause of its sentence named, or, for a
clause opening with a verb or adverb (Chinese drops the subject), the topic: the
person of the last name heading or the last sentence that opened with a name, else
the person whose section holds it. A clause opening with another noun has its own,
non-person subject and gives nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from spacy.tokens import Doc

from ..base import Arg, Candidate, dates_in, lines, text_of
from ..lexicon import zh_words

HAN = "\u4e00-\u9fff"
_HAN = re.compile(f"[{HAN}]")
_SENT_END = "。！？!?"
_CLAUSE_END = "，,；;：:"
_OPEN, _CLOSE = "（(《“「[", "）)》”」]"
_KEY = re.compile(r"^([^:：\n]{1,16}?)\s*[:：]\s*(?=\S)")
_LATIN_ORG = re.compile(r"[A-Z][A-Za-z0-9&.\-]*(?:[ /][A-Z0-9][A-Za-z0-9&.\-]*)*(?:\s?(?:公司|集团|实验室|研究院))?")
_SKIP = " \t-–—*•·"
_PRONOUN = re.compile(r"(他|她)(?!们)")
_PLURAL = re.compile(r"他们|她们|我们|它们|大家")
_RANGE_JOIN = re.compile(r"\s*(?:至|到|[-–—~～－])\s*")
_OPEN_END = re.compile(r"\s*(?:[-–—~～－]|至|到)?\s*(?:至今|今|现在|目前)")
_OPENERS = ("在", "于", "曾", "现", "后", "又", "也", "并", "还", "同年", "随后", "先后", "后来", "目前", "现在", "此后", "其后", "从", "去了", "来到", "跟随")
BLOCK = object()  # a clause with a subject of its own that is no person


def W(name: str) -> list[str]:
    return zh_words()[name]


def has_han(s: str) -> bool:
    return _HAN.search(s) is not None


def mostly_han(s: str) -> bool:
    """More Han characters than Latin letters: a Chinese line, not an English one with a Chinese gloss."""
    han = len(_HAN.findall(s))
    return han > 0 and han >= sum(c.isascii() and c.isalpha() for c in s)


def word_at(text: str, i: int, words: list[str]) -> str | None:
    """The longest word of `words` starting at `i` (lists are sorted longest first)."""
    return next((w for w in words if text.startswith(w, i)), None)


def find_words(text: str, start: int, end: int, words: list[str]) -> Iterator[tuple[int, str]]:
    i = start
    while i < end:
        w = word_at(text, i, words)
        if w is not None and i + len(w) <= end:
            yield i, w
            i += len(w)
        else:
            i += 1


@dataclass
class Clause:
    start: int
    end: int
    body: int  # after leading dates and markers: where the clause's own words begin
    index: int
    sent: "Sentence"
    subject: object = None  # Arg, BLOCK or None
    apposition: bool = False  # the clause follows a bare name: "Jane Roe，ORG 的 CEO"
    rest: int = -1  # after the subject the clause opens with (its body when it opens with none)
    posts: bool = False  # the clause names a post after 现任/担任: the next clause may name another


@dataclass
class Sentence:
    start: int
    end: int
    key: str | None  # the label of a "key: value" line
    clauses: list[Clause] = field(default_factory=list)


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


def is_chinese(doc: Doc) -> bool:
    return doc.user_data.get("zh_han", _count_han(doc)) >= 4


def _count_han(doc: Doc) -> int:
    n = len(_HAN.findall(text_of(doc)))
    doc.user_data["zh_han"] = n
    return n


def sentences(doc: Doc) -> list[Sentence]:
    """The Han-script sentences of the doc, each clause with its subject; made once per doc."""
    cached = doc.user_data.get("zh_sentences")
    if cached is not None:
        return cached
    out: list[Sentence] = []
    if is_chinese(doc) and doc._.people is not None:
        _Reader(doc).read(out)
    doc.user_data["zh_sentences"] = out
    return out


def clauses(doc: Doc) -> Iterator[Clause]:
    for s in sentences(doc):
        yield from s.clauses


class _Reader:
    def __init__(self, doc: Doc) -> None:
        self.doc, self.text, self.people = doc, text_of(doc), doc._.people
        self.mentions = sorted((s, e, p) for p in self.people.persons for s, e in p.mentions)
        self.by_start = {s: (e, p) for s, e, p in reversed(self.mentions)}
        self.topic = None
        self.heading_topic = False

    def mention_at(self, i: int):
        hit = self.by_start.get(i)
        return (i, hit[0], hit[1]) if hit else None

    def read(self, out: list[Sentence]) -> None:
        for line in lines(self.doc, headings=True):
            if not has_han(line.text):
                continue
            ms = [m for m in self.mentions if line.start <= m[0] < line.end]
            if ms and len(line.text) <= 40 and not any(c in line.text for c in _SENT_END):
                self.topic, self.heading_topic = ms[0][2], True  # a name heading: "（2）王小明（1960-）"
            elif line.heading:
                self.topic, self.heading_topic = None, False
            key = None
            start = line.start
            k = _KEY.match(line.text)
            if k and has_han(k.group(1)) and not any(m[0] < line.start + k.end() for m in ms):
                key, start = k.group(1), line.start + k.end()
            for s, e in self._split(start, line.end, _SENT_END):
                sent = Sentence(s, e, key)
                for i, (cs, ce) in enumerate(self._split(s, e, _CLAUSE_END)):
                    body = self._body(cs, ce)
                    sent.clauses.append(Clause(cs, ce, body, i, sent, rest=body))
                if sent.clauses:
                    self._subjects(sent)
                    out.append(sent)

    def _split(self, start: int, end: int, stops: str) -> Iterator[tuple[int, int]]:
        depth, s = 0, start
        for i in range(start, end):
            c = self.text[i]
            if c in _OPEN:
                depth += 1
            elif c in _CLOSE:
                depth = max(0, depth - 1)
            elif c in stops and depth == 0:
                if self.text[s:i].strip():
                    yield s, i
                s = i + 1
        if self.text[s:end].strip(" \t。"):
            yield s, end

    def _body(self, start: int, end: int) -> int:
        i = start
        while True:
            while i < end and self.text[i] in _SKIP:
                i += 1
            d = next((d for d in dates_in(self.doc, i, end) if d.start == i), None)
            if d is None:
                return i
            i = d.end
            if self.text.startswith(("起", "开始"), i):
                i += 1 if self.text[i] == "起" else 2  # "1995年起任 ..."
                continue
            m = _OPEN_END.match(self.text, i) or _RANGE_JOIN.match(self.text, i)
            if m and m.end() <= end and (m.group().strip() in ("至今", "今", "现在", "目前") or dates_in(self.doc, m.end(), end)):
                i = m.end()

    def _subjects(self, sent: Sentence) -> None:
        current = None
        for c in sent.clauses:
            m = self.mention_at(c.body)
            if m is not None:
                arg = Arg(self.text[m[0] : m[1]], "PERSON", display_name(m[2], self.text), m[0], m[1])
                opens = c.index == 0 or all(x.body >= x.end for x in sent.clauses[: c.index])
                if opens and not self.heading_topic:
                    self.topic = m[2]  # a name heading outweighs a name opening a sentence
                if self._modifier(m[1]):
                    current = c.subject = BLOCK  # "孙立群的学生周晓，...": the clause is about the student
                    continue
                current = arg
                c.subject, c.rest = arg, m[1]
                continue
            if c.index > 0 and self._bare_mention(sent.clauses[c.index - 1]):
                # apposition: "Jane Roe，ORG 的 CEO"
                prev = sent.clauses[c.index - 1]
                c.subject, c.apposition = prev.subject, True
                continue
            body = self.text[c.body : c.end]
            if _PLURAL.match(body):
                current = c.subject = BLOCK
            elif _PRONOUN.match(body) and self._modifier(c.body + 1):
                current = c.subject = BLOCK  # "他领导的团队获得 ...": the team did
            elif _PRONOUN.match(body):
                current = c.subject = self._topic_arg(c.start)
                c.rest = c.body + 1
            elif sent.key is not None or c.body >= c.end or self._opens(body) or self._after_post(sent, c):
                c.subject = current if current is not None else self._topic_arg(c.start)
            else:
                c.subject = BLOCK
                if current is None:
                    current = BLOCK

    def _modifier(self, end: int) -> bool:
        """A name or pronoun modifying the clause's subject ("X的学生", "他领导的团队"); "他的研究方向" stays his."""
        j = self.text.find("的", end, end + 5)
        if j < 0 or any(ch in self.text[end:j] for ch in "，。；：,"):
            return False
        if word_at(self.text, j + 1, W("interest_keys")):
            return False
        return not any(True for _ in find_words(self.text, end, j, _STEPS() + W("award_verbs") + W("edu_cues") + W("birth_cues")))

    def _after_post(self, sent: Sentence, c: Clause) -> bool:
        """"现任 A 教授，B 主任": a clause continuing a list of posts shares its subject."""
        if c.index == 0:
            return False
        prev = sent.clauses[c.index - 1]
        return any(True for _ in find_words(self.text, prev.rest, prev.end, W("job_verbs")[:-1]))

    def _bare_mention(self, c: Clause) -> bool:
        m = self.mention_at(c.body)
        return m is not None and not self.text[m[1] : c.end].strip(" \t*")

    def _opens(self, body: str) -> bool:
        if body.startswith(_OPENERS):
            return True
        for name in ("job_verbs", "job_copulas", "job_join", "job_leave", "job_found", "award_verbs", "edu_cues", "birth_cues", "lead_verbs", "interest_verbs", "degrees"):
            if word_at(body, 0, W(name)):
                return True
        return False

    def _topic_arg(self, pos: int):
        p = self.topic or self.people.subject_at(pos)
        if p is None:
            return None
        name = display_name(p, self.text)
        return Arg(name, "PERSON", name)


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
    while stop < end and stop - i < 25 and (has_han(text[stop]) or text[stop] in " ") and text[stop] not in "的和与及在任是为":
        stop += 1
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


def _STEPS() -> list[str]:
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
            step = prev.body >= prev.end or any(True for _ in find_words(text, prev.body, prev.end, _STEPS()))
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
        begins = i == start or not (has_han(text[i - 1]) or text[i - 1].isalnum())
        org = org_at(text, i, end) if begins and (has_han(c) or c.isalpha()) else None
        if org and org[1] > org[0] and (suffixes is None or any(text[org[0] : org[1]].endswith(s) for s in suffixes)):
            out.append(org)
            i = org[1]
        else:
            i += 1
    return out


def item_fact(relation: str, subj: Arg, line, obj: Arg, rule: str, confidence: float, **qualifiers: str | None) -> Candidate:
    return Candidate(relation, subj, obj, (line.start, line.end), rule, confidence, {k: v for k, v in qualifiers.items() if v})
