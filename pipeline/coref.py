"""Who a sentence is about: pronouns, surnames, honorifics and possessives resolved to People.

Resolution works on name-token mentions found by regex over the whole text (the
small model misses many single-token names such as "Mira" or "Olsen"), so a
short mention resolves even when NER did not tag it:

- I / my / we on a page -> the default subject there (the section's person on a
  many-person page, else the page subject);
- he / she / his / her -> the person last mentioned as a grammatical subject, or
  as the possessor of one ("Berg's team won", not "a spinoff, Berg's"), before the
  pronoun (so "her +3 leader is B" after "her +2 leader is A" still means the
  profiled person, not A), else the nearest mention, else the default
  subject; never across the start of a person section, and never a person whose
  own pronouns elsewhere in the text are of the other gender;
- "Zeng's team", "Dr. Ng", "Zeng" -> People.get with position, so two people
  sharing a surname stay apart.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc

from .people import FIRST_PERSON, HONORIFICS, Person
from .relations.base import text_of

THIRD_PERSON = {"he", "she", "his", "her", "him", "hers", "himself", "herself"}
_MALE = {"he", "his", "him", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_PRONOUN_WORD = re.compile(r"(?<![\w-])(he|his|him|himself|she|her|hers|herself)(?![\w-])", re.IGNORECASE)
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_GENDERED_HONORIFIC = re.compile(r"(Mr|Ms|Mrs|Miss)\b\.?\s")
_DESCRIPTION = re.compile(
    r"\b[Tt]he\s+(?:\d{2}-year-old|(?:(?:computer|data|research|chief)\s+)?(?:researcher|scientist|professor|executive|entrepreneur|engineer|founder|economist|physicist|mathematician|investor))\b"
)
# A name opening a line after a layout label is the subject of what follows ("Biography: Jane Roe is ...").
_LINE_LABEL = re.compile(
    r"\s*(?:[-*•]\s*)?(?:(?:Short\s+)?Bio(?:graphy)?|About(?:\s+the\s+(?:speaker|author|presenter))?|(?:Keynote\s+|Invited\s+)?Speaker|Presenter|Author)?\s*[:：–-]?\s*(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?\s+)?",
    re.IGNORECASE,
)


# A quotation: curly quotes may run over paragraphs of one speech, straight ones stay on a line.
_QUOTE = re.compile(r"“[^“”]{1,1500}”|\"[^\"\n]{1,600}\"")
_SPEECH = r"(?:said|says|added|adds|explained|explains|noted|notes|told\s+\w+|commented|stated|wrote|writes|recalled|recalls)"
_NAME = r"(?P<name>(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
_SAID_AFTER = (re.compile(rf"[,.!?]?\s*\[?\s*{_SPEECH}\s+{_NAME}"), re.compile(rf"[,.!?]?\s*{_NAME}\s+{_SPEECH}\b"))
_SAID_BEFORE = re.compile(rf"{_NAME}\s+{_SPEECH}\s*[:,]?\s*$")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    person: Person
    is_subject: bool  # a grammatical subject (or its possessor) or the first word of a sentence


class Coref:
    """Person mentions of one doc, computed once and shared by every prose rule."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.people = doc._.people
        self.mentions: list[Mention] = []
        if self.people is None or not self.people.persons:
            return
        text = text_of(doc)
        tokens: dict[str, None] = {}
        firsts = set("DPM")  # the characters a match can begin with (a name's, an honorific's)
        for p in self.people.persons:
            for t in p.canonical.split():
                if len(t.rstrip(".")) >= 2 and t.lower() not in HONORIFICS:
                    tokens[re.escape(t)] = None
                    firsts.add(t[0])
                    if t.isupper() is False:
                        tokens[re.escape(t.upper())] = None
                        firsts.add(t.upper()[0])
        if not tokens:
            return
        alt = "|".join(sorted(tokens, key=len, reverse=True))
        honor = r"(?:(?:Dr|Prof|Mr|Ms|Mrs|Professor)\.?[^\S\n]+)?"
        # The first character is tested first: the alternation is slow to try at every position of a long text.
        first = "".join(sorted(re.escape(c) for c in firsts))
        name_rx = re.compile(rf"(?=[{first}])(?<![\w-]){honor}(?:{alt})(?:[^\S\n]+(?:{alt})){{0,3}}(?![\w-])")  # a name never spans a line break
        idx = doc.to_array("IDX").tolist()  # token start offsets, without making a Token per token
        for m in name_rx.finditer(text):
            s, e = m.start(), m.end()
            p = self.people.get(m.group().title() if m.group().isupper() else m.group(), s) or self.people.get(m.group(), s)
            if p is None:
                continue
            i = bisect_left(idx, s)
            if i == len(idx) or idx[i] != s:
                continue
            tok = doc[i]
            span = doc.char_span(s, e, alignment_mode="expand")
            root = span.root if span is not None else tok
            line_start = text.rfind("\n", 0, s) + 1
            subj = (
                _subject_like(root)
                or tok.is_sent_start
                or (root.dep_ == "poss" and root.head.dep_ in _SUBJECT_DEPS)
                or bool(_LINE_LABEL.fullmatch(text, line_start, s))
            )
            self.mentions.append(Mention(s, e, p, subj))
        self._starts = [m.start for m in self.mentions]
        self._genders(text)

    def _genders(self, text: str) -> None:
        """A person's gender: "Mr."/"Ms." before their name, else the pronouns that follow their subject mentions.

        Pronouns count from a subject mention to the next person's mention, within its
        line; an honorific outweighs them.
        """
        tally: dict[int, list[int]] = {}
        for i, m in enumerate(self.mentions):
            t = tally.setdefault(id(m.person), [0, 0])
            honor = _GENDERED_HONORIFIC.match(text, m.start)
            if honor:
                t[0 if honor.group(1).lower() == "mr" else 1] += 10
            if not m.is_subject:
                continue
            end = self.mentions[i + 1].start if i + 1 < len(self.mentions) else len(text)
            line_end = text.find("\n", m.end)
            end = min(end, m.end + 400, line_end if line_end >= 0 else len(text))
            for w in _PRONOUN_WORD.findall(text, m.end, end):
                t[0 if w.lower() in _MALE else 1] += 1
        for p in self.people.persons:
            male, female = tally.get(id(p), [0, 0])
            if p.gender is None and male + female >= 2:
                p.gender = "m" if male >= 3 * female else "f" if female >= 3 * male else None

    def person_at(self, start: int, end: int) -> Person | None:
        """The person named by the mention covering [start, end), if any."""
        i = bisect_left(self._starts, start + 1) - 1 if self.mentions else -1
        for m in self.mentions[max(0, i - 1) : i + 2]:
            if m.start <= start and end <= m.end or start <= m.start and m.end <= end:
                return m.person
        return None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        if not self.mentions:
            return []
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def antecedent(self, pos: int, word: str | None = None) -> Person | None:
        """The person a third-person pronoun at `pos` refers to."""
        default = self.subject_at(pos)
        if not self.mentions:
            return default
        sec = self.people.section_at(pos) if self.people is not None else None
        floor = sec.start if sec is not None else -1
        gender = "m" if (word or "").lower() in _MALE else "f" if (word or "").lower() in _FEMALE else None

        def agrees(p: Person) -> bool:
            return gender is None or p.gender is None or p.gender == gender

        i = bisect_left(self._starts, pos) - 1
        j = i
        while j >= 0 and self.mentions[j].start >= floor:
            if self.mentions[j].is_subject and agrees(self.mentions[j].person):
                return self.mentions[j].person
            j -= 1
        j = i
        while j >= 0 and self.mentions[j].start >= floor:
            if agrees(self.mentions[j].person):
                return self.mentions[j].person
            j -= 1
        return default

    def speaker_at(self, pos: int) -> Person | None:
        """The named speaker of the quotation holding `pos` ("“I ...,” said Jane Roe"), if any."""
        if self.people is None:
            return None
        if not hasattr(self, "_quotes"):
            self._quotes = self._find_quotes(text_of(self.doc))
        i = bisect_left(self._quote_starts, pos + 1) - 1 if self._quotes else -1
        if i >= 0 and self._quotes[i][0] < pos < self._quotes[i][1]:
            return self._quotes[i][2]
        return None

    def _find_quotes(self, text: str) -> list[tuple[int, int, Person]]:
        """Quotations with a named speaker: the speech verb and name right after the closing mark, or right before the opening one."""
        out = []
        for m in _QUOTE.finditer(text):
            s, e = m.start(), m.end()
            who = _SAID_AFTER[0].match(text, e) or _SAID_AFTER[1].match(text, e)
            span = who.span("name") if who else None
            if span is None:
                before = _SAID_BEFORE.search(text, max(0, s - 80), s)
                span = before.span("name") if before else None
            p = self.person_at(*span) if span else None
            if p is None and span is not None and self.people is not None:
                p = self.people.get(text[span[0] : span[1]], span[0])
            if p is not None:
                out.append((s, e, p))
        self._quote_starts = [q[0] for q in out]
        return out

    @property
    def subject(self) -> Person | None:
        return self.people.subject if self.people is not None else None

    def subject_at(self, pos: int) -> Person | None:
        return self.people.subject_at(pos) if self.people is not None else None

    def descriptions(self, start: int, end: int) -> list[tuple[int, int, Person]]:
        """Descriptive mentions in [start, end) ("the researcher", "the 37-year-old") with the person they stand for.

        Only when unambiguous: the person is the default subject there and the last
        person named before it, with no one else named in the 300 characters before.
        """
        out = []
        text = text_of(self.doc)
        for m in _DESCRIPTION.finditer(text, start, end):
            p = self.subject_at(m.start())
            if p is None:
                continue
            recent = {x.person.canonical for x in self.mentions_in(max(0, m.start() - 300), m.start())}
            if recent == {p.canonical}:
                out.append((m.start(), m.end(), p))
        return out

    def resolve_word(self, word: str, pos: int) -> Person | None:
        """A pronoun at `pos`: first person -> the speaker of the quotation holding it, else the default
        subject there; third person -> antecedent."""
        w = word.lower()
        if w in FIRST_PERSON:
            return self.speaker_at(pos) or self.subject_at(pos)
        if w in THIRD_PERSON:
            return self.antecedent(pos, w)
        return None


def _subject_like(tok) -> bool:
    """A grammatical subject, or a name coordinated with or set beside one ("The founders, A and B, joined")."""
    for _ in range(8):
        if tok.dep_ in _SUBJECT_DEPS:
            return True
        if tok.dep_ not in ("conj", "appos") or tok.head is tok:
            return False
        tok = tok.head
    return False


def coref_of(doc: Doc) -> Coref:
    c = doc.user_data.get("coref")
    if c is None or c.doc is not doc:
        c = Coref(doc)
        doc.user_data["coref"] = c
    return c
