"""Han-script lines as sentences and clauses, each clause with its subject.

A clause (text between ，；：) takes as subject the person named at its start, the
topic person for 他/她, the subject an earlier clause of its sentence named, or, for a
clause opening with a verb or adverb (Chinese drops the subject), the topic: the
person of the last name heading or the last sentence that opened with a name, else
the person whose section holds it. A clause opening with another noun, or with a name
that only modifies it ("X的学生"), has a subject of its own and gives nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from spacy.tokens import Doc

from ..base import Arg, dates_in, lines, text_of
from .spans import _HAN, _OPEN_END, _RANGE_JOIN, W, career_steps, display_name, find_words, has_han, word_at

_SENT_END = "。！？!?"
_CLAUSE_END = "，,；;：:"
_OPEN, _CLOSE = "（(《“「[", "）)》”」]"
_KEY = re.compile(r"^([^:：\n]{1,16}?)\s*[:：]\s*(?=\S)")
_SKIP = " \t-–—*•·"
_PRONOUN = re.compile(r"(他|她)(?!们)")
_PLURAL = re.compile(r"他们|她们|我们|它们|大家")
_OPENERS = ("在", "于", "曾", "现", "后", "又", "也", "并", "还", "同年", "随后", "先后", "后来", "目前", "现在", "此后", "其后", "从", "去了", "来到", "跟随", "与", "和", "同")
BLOCK = object()  # a clause with a subject of its own that is no person


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
        return not any(True for _ in find_words(self.text, end, j, career_steps() + W("award_verbs") + W("edu_cues") + W("birth_cues")))

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
