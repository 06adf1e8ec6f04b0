"""research_interest: one fact per topic of a "my research interests include ..." sentence or an Interests list."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Iterator

from spacy.tokens import Doc

from ..sections import section_index
from .authorship import paper_lines
from .base import Arg, Candidate, Line, lines, person_arg, subject_arg, text_of
from .lexicon import words
from .registry import RelationSpec, doc_rule, relation

SPEC = relation(RelationSpec("research_interest", ("PERSON",), ("TOPIC",)))

_CUE = re.compile(
    r"(?<!\w)(?:"  # every cue starts a word: most positions of a long page fail here at once
    r"(?:research\s+interests?|research\s+focus|research|work|interests?|expertise|current\s+research|(?:specific|recent|main|current)\s+focus)\s+"
    r"(?:(?!to\s)\w+\s+){0,2}?(?:include[sd]?|includes|is|are|lies?|sits?|focus(?:es|ed)?|centers?(?=\s+(?:on|around)\b)|spans?|covers?|address(?:es)?)\s+(?:\w+\s+){0,2}?(?:on|in|around|at|about)?\s*(?:the\s+(?:broad\s+|general\s+|wide\s+)?areas?\s+of\s+|the\s+intersection\s+(?:of|between)\s+)?(?:[:]\s*)?"
    r"|(?:i\s+am|i'm|i’m|he\s+is|she\s+is)\s+(?:\w+\s+)?interested\s+in\s+"
    # "I study macroeconomics and public finance", "she investigates A" (not "studies at X", "studied physics")
    r"|\b(?:i|he|she)\s+(?:mainly\s+|primarily\s+|currently\s+|also\s+)?(?:study|studies|investigate|investigates|explore|explores)\s+"
    r"(?!(?:at|in|with|under|for|from|since|during|abroad|the|a|an|my|his|her|their|this|that|it|them|there|here)\b)(?=(?-i:[a-z]))"
    r"|\b(?:i'm|i’m|i|he|she|we)\s+(?:am\s+|is\s+|are\s+)?(?:mainly\s+|primarily\s+|currently\s+)?(?:focus|focuses|focusing|work|works)\s+on\s+"
    r"|\bwith\s+(?:an?\s+)?(?:particular|specific|special|strong)\s+(?:interests?|emphasis)\s+(?:in|on)\s+"
    # "he is a pioneer in the fields of A, B and C" (not "a leader in the company", "a pioneer in many ways")
    r"|\b(?:is|was|as)\s+an?\s+(?:\w+\s+)?(?:pioneer|authority)\s+in\s+(?:the\s+fields?\s+of\s+)?(?!(?:the|a|an|his|her|their|this|that|many|some|its|several)\b)(?=[A-Za-z]|\d[A-Z])"
    # "my projects involve A, B and C", "her research involves A"
    r"|\b(?:my|his|her|their|our)\s+(?:current\s+|recent\s+|main\s+)?(?:research|work|projects?)\s+(?:involves?|involved)\s+(?!(?:the|a|an|his|her|their|this|that|collaborat\w*|travel\w*)\b)(?=(?-i:[a-z]))"
    # "I am a statistician focused on A", "he is a research scientist working on A at X" (the subject's own description)
    r"|\b(?:i\s+am|i'm|i’m|he\s+is|she\s+is)\s+an?\s+(?:[\w-]+\s+){0,3}?(?:focused|focusing|working)\s+on\s+(?!(?:a|an|the|my|his|her|their|it|this|that|some|several)\b)"
    r"|\b(?:best\s+|well\s+)?known\s+for\s+(?:his|her|their)\s+(?:work|research)\s+(?:in|on)\s+"
    r"|\b(?:work|worked|works|working|researche[sd]|researching)\s+(?:\w+\s+)?at\s+the\s+intersection\s+(?:of|between)\s+"
    r"|\b(?:specializ|specialis)(?:es|ing|e)\s+in\s+"
    # "conducting research at the intersection of A and B", "does research on A"
    r"|\b(?:conduct(?:s|ing|ed)?|do(?:es|ing)?|pursu(?:es|ing|ed))\s+research\s+(?:at\s+the\s+intersection\s+(?:of|between)|in|on)\s+(?!(?:the|a|an|his|her|their|this|that)\b)"
    # "has published over 50 articles and edited books on A, B and C", "has written extensively on A"
    r"|\b(?:published|publishes|authored|written|writes)\s+(?:[\w-]+\s+){0,3}?(?:papers|articles|books|publications|extensively|widely)\s+(?:[\w-]+\s+){0,3}?(?:on|about)\s+(?!(?:the|a|an|his|her|their|this|that|these|topics)\b)(?=(?-i:[a-z]))"
    # "authoring over 200 research papers in A, B and related fields" (not "papers in top venues", "in Nature")
    r"|\b(?:published|publishing|authored|authoring|co-authored|co-authoring)\s+(?:or\s+co-authoring\s+|and\s+co-authored\s+)?(?:[\w-]+\s+){0,3}?(?:papers|articles|publications)\s+in\s+"
    r"(?!(?:the|a|an|his|her|their|top|leading|major|prestigious|premier|international|peer-reviewed|refereed|high-impact|renowned|various|journals?|conferences?|venues?|proceedings)\b)(?=(?-i:[a-z]))"
    r"|\b(?:i\s+am|i'm|is|was)\s+an?\s+(?:\w+\s+)?expert\s+(?:in|on)\s+(?!(?:the|a|an|his|her|their|this|that|many|several)\b)"
    # "May has extensive experience in A, B and C research", "has worked on various aspects of A"
    r"|\b(?:has|have|had|with)\s+(?:extensive|broad|deep|considerable|long|wide|significant|substantial)\s+experience\s+in\s+(?!(?:the|a|an|his|her|their|this|that|many|several|leading|managing)\b)"
    r"|\b(?:worked|works|working)\s+on\s+(?:various\s+|different\s+|many\s+|several\s+)?(?:\w+\s+)?aspects\s+of\s+(?!(?:the|a|an|this|that|his|her|their|its)\b)"
    r"|\b(?:dedicated|devoted)\s+to\s+(?:researching|studying|working\s+on|research\s+(?:on|in))\s+"
    r"|\b(?:through|via|with)\s+(?:his|her|their|my|our)\s+research\s+(?:in|on)\s+"
    r"|\b(?:my|our|his|her|their)\s+(?:lab|group|team)\s+(?:studies|investigates|explores|researches)\s+(?!(?:in|at|on|with|from|under|for|since|during)\b)"
    r"|\b(?:particularly|especially|mainly|primarily)\s+in\s+the\s+fields?\s+of\s+"
    r"|\b(?:influential|leading|prominent|pioneering)\s+(?:figures?|researchers?|scientists?|voices?)\s+in\s+(?:modern\s+|the\s+fields?\s+of\s+)?(?!(?:the|a|an|his|her|their|this|that)\b)(?=[A-Za-z])"
    # "I am currently working on X" (not "on a book"), "a research scientist at X working on A and B"
    r"|\b(?:i\s+am|i'm|i’m|he\s+is|she\s+is)\s+(?:currently\s+|now\s+|mainly\s+|primarily\s+)?working\s+on\s+(?!(?:a|an|the|my|his|her|this|that|some|it|several)\b)"
    r"|\b(?:scientist|researcher|engineer|student|professor|postdoc|candidate|fellow|lecturer)\s+at\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,5},?\s+(?:working|focusing)\s+on\s+(?!(?:a|an|the)\b)"
    # a line or a sentence labelled "Research interests: A; B; C"
    r"|(?:(?m:^)|(?<=[.!?]\s))(?:my\s+)?(?:research\s+)?(?:interests?|areas?|topics|focus)\s*[:：]\s*"
    r")",
    re.I,
)
# A word every cue above holds at a word start: a line without one has no cue and is not scanned
# (the cue pattern tries a score of branches at every word of a long page). A new cue adds its word here.
_CUE_WORDS = re.compile(
    r"(?<!\w)(?:research|work|interest|emphasis|expertise|focus|particular|known|speciali|expert|dedicated|devoted|pioneer|authority|project|experience|aspects"
    r"|study|studies|investigate|explore|field|figure|scientist|voice|area|topic|published|publishes|publishing|authored|authoring|co-author|written|writes)",
    re.I,
)
_LABEL_CUE = re.compile(r"(?:my\s+)?(?:research\s+)?(?:interests?|areas?|topics|focus)\s*[:：]\s*", re.I)
_PAST_OR_FUNDING = re.compile(r"\b(?:previous|past|former|prior|earlier|PhD|doctoral|master'?s?)\s+(?:\w+\s+)?(?:research|work)\b|\b(?:funded|supported|sponsored)\s+by\b", re.I)
_EXAMPLES = re.compile(r"\s*(?:e\.g\.|i\.e\.|eg\b|ie\b|such\s+as|including|for\s+example|especially)", re.I)
_LEAD = re.compile(
    r"^(?:(?:with\s+(?:(?:a|an)\s+)?(?:(?:special|particular|specific|strong|main|primary)\s+)?(?:focus|emphasis|interest)\s+(?:on|in)|and|or|also|mainly|primarily|especially|particularly|(?:more\s+)?specifically|including|include|such\s+as|e\.g\.|i\.e\.|the\s+applications?\s+of|applications?\s+(?:of|in|to)|developing|building|integrating|combining|leveraging|applying|"
    r"focused\s+on|focusing\s+on|in\s+particular|applied\s+to|(?:a\s+)?(?:wide\s+|broad\s+)?(?:variety|range|number)\s+of|(?:the\s+)?problems?\s+(?:in|of)|on|in|the|various|both)\b[\s,:]*)+",
    re.I,
)
_DROP = re.compile(r"^(?:etc|beyond\b|more\s*$|more\s+(?:broadly|generally|specifically)\s*$|(?:and\s+)?so\s+on|and\s+more|others|among\s+others|related\s+fields|its\b|their\b|his\b|her\b|my\b|to\b|for\b|which\b|that\b|aiming\b)", re.I)
_ACRONYM_PAREN = re.compile(r"\s*\((?:[A-Z][A-Za-z0-9]{1,7}s?|e\.g\.[^)]*|i\.e\.[^)]*)\)")


def _split_top(text: str) -> list[tuple[int, int, bool]]:
    """Split at top-level commas/semicolons; parentheses give their own items (flagged True)."""
    out: list[tuple[int, int, bool]] = []
    depth, start = 0, 0
    skip_to = -1
    for i, ch in enumerate(text):
        if i < skip_to:
            continue
        if ch == "(" and depth == 0 and _EXAMPLES.match(text, i + 1):
            # "vision (e.g., detection, tracking)": examples stay inside their topic, not topics of their own
            close = text.find(")", i)
            skip_to = close + 1 if close > 0 else len(text)
            continue
        if ch == "(":
            if depth == 0:
                out.append((start, i, False))
                start = i + 1
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                inner = _split_top(text[start:i])
                # "(Offline RL)", "(Unified)": one item in parentheses glosses its neighbour; a list in them names topics
                if len(inner) > 1:
                    out.extend((start + s, start + e, True) for s, e, _ in inner)
                start = i + 1
        elif ch in ",;，" and depth == 0:
            out.append((start, i, False))
            start = i + 1
    out.append((start, len(text), False))
    return out


_AND = re.compile(r"\s+(?:and|as\s+well\s+as|&)\s+")
_DIMENSION = re.compile(r"\d{1,2}[A-Za-z]{1,2}")  # "3D", "4D", "5G"


@lru_cache(maxsize=1)
def _word_classes() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    w = words()
    return tuple(w["topic_modifier_endings"]), tuple(w["topic_process_endings"]), frozenset(w["topic_function_words"])


def _is_modifier(word: str) -> bool:
    """A word that only qualifies a head ("3D", "natural", "supervised"), not a topic by itself ("robustness", "vision")."""
    modifier, _, _ = _word_classes()
    last = word.rsplit("-", 1)[-1]  # "cross-lingual": the last part decides
    return bool(_DIMENSION.fullmatch(word)) or last.isalpha() and len(last) > 3 and last.lower().endswith(modifier)


def _split_and(text: str, start: int, inner: bool, last_of_list: bool = False) -> list[tuple[int, int, str | None]]:
    """One coordinated phrase as topics: (start, end, the topic when it is not that slice).

    - "3D and 4D generation", "natural and programming languages": a lone modifier
      before "and" shares the head of the two-word compound after it; the first topic
      carries the whole phrase as its span and names the topic it means ("3D generation").
      After a longer compound ("multi-view and single-view depth estimation models") what
      the modifier reaches is unclear, and the phrase stays one topic.
    - "question answering and dialogue", "graph mining and social networks": two
      topics, unless the last words of both are processes that share what comes
      before them ("video understanding and generation" stays one).
    - "vision and language", "theory and practice" (two bare words), and phrases with
      a preposition ("robustness and fairness in ML") stay one topic.
    - "A, B, robotics and computational biology", "A, search and recommendation": the
      conjunction that closes a list of topics joins one-word topics too; both are topics.
    """
    m = _AND.search(text)
    whole = [(start, start + len(text), None)]
    if not m or inner:
        return whole
    left, right = text[: m.start()], text[m.end() :]
    lw, rw = left.split(), right.split()
    _, process, function = _word_classes()
    if len(lw) == 1 and len(rw) == 2 and _is_modifier(lw[0]) and not any(w.lower() in function for w in rw):
        head = right.split(None, 1)[1].strip()
        return [(start, start + len(text), f"{lw[0]} {head}"), (start + m.end(), start + len(text), None)]
    if len(lw) >= 2 and len(rw) == 1:
        if any(w.lower() in function for w in lw) or lw[-1].lower().endswith(process) and rw[0].lower().endswith(process):
            return whole
        return [(start, start + m.start(), None), (start + m.end(), start + len(text), None)]
    if len(lw) >= 1 and len(rw) >= 3 and rw[1].lower() == "of" and lw[-1].lower().endswith(process) and rw[0].lower().endswith(process):
        return whole  # "the development and application of X": two processes of one thing
    if len(lw) == 1 and len(rw) == 2 and not _is_modifier(lw[0]) and lw[0].lower().endswith(tuple(words()["topic_field_endings"])) and not any(w.lower() in function for w in rw):
        # "macroeconomics and public finance", "robotics and computer vision": a field, then a compound of its own
        # ("streaming and query optimization" may share its head: a process noun is not read so)
        return [(start, start + m.start(), None), (start + m.end(), start + len(text), None)]
    if len(lw) >= 2 and lw[-2].lower() == "to":
        return whole  # "teaching agents to collaborate and compete in games": two verbs of one infinitive
    if len(lw) >= 2 and len(rw) >= 2:
        return [(start, start + m.start(), None), (start + m.end(), start + len(text), None)]
    if last_of_list and len(lw) == 1 and len(rw) >= 1 and not any(w.lower() in function for w in lw + rw) and not (_is_modifier(lw[0]) and len(rw) > 2):
        return [(start, start + m.start(), None), (start + m.end(), start + len(text), None)]
    return whole


_CONTINUES = re.compile(r"\.\s+(?:This|These|That|It|They)\s+(?:also\s+)?(?:includes?|covers?|spans?|encompass(?:es)?)\s+")
_KIND_TAIL = re.compile(r"\s+(?:issues|problems|questions|topics|research)$")
_OF_WORD = re.compile(r"\s(?:of|between|among)\s+\w+\s*$", re.I)


def _shared_of(text: str, pieces: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """"analysis, integration and interpretation of genomics data": single process words before a last piece
    "P (and P) of X" are processes of that X, one topic."""
    _, process, _ = _word_classes()
    if len(pieces) < 2 or any(inner for _, _, inner in pieces):
        return pieces
    heads = [_LEAD.sub("", text[s:e].strip()) for s, e, _ in pieces[:-1]]
    last = _LEAD.sub("", text[pieces[-1][0] : pieces[-1][1]].strip()).split()
    if not all(len(h.split()) == 1 and h.lower().endswith(process) for h in heads):
        return pieces
    if not (len(last) >= 3 and last[0].lower().endswith(process) and "of" in last[1:4]):
        return pieces
    return [(pieces[0][0], pieces[-1][1], False)]


def _ungroup_of_list(text: str, pieces: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """"issues arising from the intersections of business, technology, and information": a list of
    single words after a longer phrase ending "of WORD" names what that phrase is of, so it stays one topic."""
    plain = [(s, e) for s, e, inner in pieces if not inner]
    if len(plain) < 3 or len(plain) != len(pieces) or not _OF_WORD.search(text[plain[0][0] : plain[0][1]]):
        return pieces
    if len(text[plain[0][0] : plain[0][1]].split()) < 4:
        return pieces
    rest = [_LEAD.sub("", text[s:e].strip()).strip(" .") for s, e in plain[1:]]
    if not all(len(r.split()) == 1 and r.isalpha() and r.islower() for r in rest):
        return pieces
    return [(plain[0][0], plain[-1][1], False)]


_WITH_APPLICATIONS = re.compile(r"\s+with\s+(?:\w+\s+)?applications?\s+(?:in|to)\s+|\s+with\s+(?:an?\s+)?(?:special|particular|specific|strong|main|primary)\s+(?:focus|emphasis)\s+(?:on|in)\s+(?:the\s+)?|,?\s+(?:especially|particularly|notably)\s+(?=[a-zA-Z])|\s+including\s+(?=[a-z])")
# "child mortality at Quillon": where the work is done is no part of the topic
_AT_PLACE = re.compile(r"\s+at\s+(?:the\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*$")


_OPEN_AND = re.compile(r"\s+(?:and|or)$")
_IN_GENERAL = re.compile(r"\s+in\s+general,?\s+(?:and|but)\s+(?:also\s+)?")
_SCOPE_TAIL = re.compile(r"\s+(?:in\s+general|in\s+particular|more\s+(?:generally|broadly|specifically))$")


_EXPERIENCE_LEAD = re.compile(r"\s*(?:[a-z]+\s+)?experience\s+(?:in|with)\s+")
_CITATION = re.compile(r"\s*\[[^\[\]\n]{1,40}\]")


def topics(text: str, offset: int) -> list[tuple[int, int, str | None]]:
    """The topics of a list of them, as raw-text spans; the third item is the topic when it is not the span's text."""
    text = _CITATION.sub(lambda m: " " * len(m.group()), text)  # "generation [May16, May17]": a reference, blanked in place
    out: list[tuple[int, int, str | None]] = []
    pieces = []
    for s, e, inner in _shared_of(text, _ungroup_of_list(text, _split_top(text))):
        w = None if inner else _WITH_APPLICATIONS.search(text, s, e) or _IN_GENERAL.search(text, s, e)
        # "the study of X with applications in Y", "X especially Y", "X in general and Y in particular": X and Y are topics
        pieces.extend([(s, w.start(), False), (w.end(), e, False)] if w else [(s, e, inner)])
    listed = sum(1 for s, e, inner in pieces if not inner and text[s:e].strip()) >= 2
    for k, (s, e, inner) in enumerate(pieces):
        lead = _EXPERIENCE_LEAD.match(text, s, e)
        if lead is not None:  # "foundational experience in A and B": what the experience is in is the phrase to split
            s = lead.end()
        piece = text[s:e]
        for ps, pe, named in _split_and(piece, s, inner, listed and k == len(pieces) - 1):
            t = text[ps:pe]
            lead = _LEAD.match(t.strip())
            t_stripped = t.strip()
            skip = len(t) - len(t.lstrip()) + (lead.end() if lead else 0)
            body = t_stripped[(lead.end() if lead else 0) :].rstrip(" .:*")
            body = _SCOPE_TAIL.sub("", body)  # "robotics in general", "soft grippers in particular": the topic is the name
            body = _AT_PLACE.sub("", body)
            body = _OPEN_AND.sub("", body)  # "A and, more broadly, B": the "and" before the aside joins nothing of A
            kind = _KIND_TAIL.search(body)
            if kind and len(body[: kind.start()].split()) >= 1:
                body = body[: kind.start()]  # "human-computer interaction issues": the topic, not the word for it
            if not body or _DROP.match(body) or len(body.split()) > 12 or len(body) < 2:
                continue
            if named is not None and not body.startswith(named.split()[0]):
                named = None  # the lead words took the modifier: the phrase is read as written
            out.append((offset + ps + skip, offset + ps + skip + len(body), named))
    return out


_WH_CLAUSE = re.compile(r"(?:how|what|why|whether|when)\s[^.;]*?(?=,\s+(?:with|especially|particularly|in\s+particular)\b|,?\s+and\s+(?:in|on|about|also)\s|$)")


def _clause_end(text: str, start: int) -> int:
    m = re.compile(r"\.(?:\s|$)|;\s+(?:I|we|he|she|my|apart|aside|besides|beyond|in\s+addition)\b|,\s+with\s+an?\s+(?:[\w-]+\s+){0,3}(?:record|history|track)\b|\s+to\s+(?:address|build|solve|enable)\b|,\s+(?:aiming|striving|hoping|seeking|trying)\b|,\s+with\s+(?:a|the)\s+goal\b|,?\s+and\s+(?:has|have|had|is|was|were|won|received)\s|\.\s*$"
                   r"|,?\s+with\s+(?:over\s+|more\s+than\s+|nearly\s+|about\s+)?\d").search(text, start)
    return m.start() if m else len(text)


_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]y|I'm|I’m|me)\b")
_ABBREV = re.compile(r"\b(?:Prof|Dr|Mr|Mrs|Ms|St|Jr|Sr)\.\s+$")
_SENT_START = re.compile(r"(?:^|[.!?]\s+|\n)$")


def _owner(doc: Doc, line: Line, pos: int, subj: Arg) -> Arg:
    """Whose interests a cue states: the page owner in the first person (before the cue or opening it: "I am
    working on"), else the person the paragraph is about.

    On a page of several people ("Jane Roe is a professor at X. Her research
    interests include ...") that is the last person named at a sentence start
    before the cue, or failing that the last person named before it.
    """
    text = text_of(doc)
    if _FIRST_PERSON.search(text, max(line.start, pos - 40), min(line.end, pos + 4)) or doc._.people is None:
        return subj
    named = []
    before = text[line.start : pos]
    for k, p in enumerate(doc._.people.persons):
        forms = {p.canonical, *getattr(p, "aliases", ())}
        for f in forms:
            if f and len(f) > 2 and f in before:  # the substring test first: a long page names hundreds of people
                for m in re.finditer(rf"(?<!\w){re.escape(f)}(?!\w)", before):
                    named.append((line.start + m.start(), line.start + m.end(), k))
    named.sort()
    if not named:
        return subject_arg(doc, (pos, pos)) or subj  # "Her research ..." in a speaker's section: that speaker
    at_start = [x for x in named if x[0] == line.start or _SENT_START.search(text[max(line.start, x[0] - 3) : x[0]]) and not _ABBREV.search(text[max(line.start, x[0] - 8) : x[0]])]
    return person_arg(doc, doc._.people.persons[(at_start or named)[-1][2]])


@doc_rule("research_interest", "interests.sentence", order=60)
def interest_sentences(doc: Doc) -> Iterator[Candidate]:
    subj = subject_arg(doc)
    if subj is None:
        return
    text = text_of(doc)
    papers = {ln.start for ln in paper_lines(doc)}
    all_lines = list(lines(doc))
    cue_words = [m.start() for m in _CUE_WORDS.finditer(text)]
    for k, line in enumerate(all_lines):
        if line.start in papers:
            continue
        i = bisect_left(cue_words, line.start)
        if i == len(cue_words) or cue_words[i] >= line.end:
            continue
        for m in _CUE.finditer(text, line.start, line.end):
            if _PAST_OR_FUNDING.search(text[max(line.start, m.start() - 25) : min(line.end, m.end() + 20)]):
                continue  # "my previous research is about ...", "her research is funded by ..."
            end = min(_clause_end(text, m.end()), line.end)
            clause = text[m.end() : end]
            # a label ("Research interests: ...") names no one: the person of the section or page
            owner = (subject_arg(doc, (m.start(), m.start())) or subj) if _LABEL_CUE.fullmatch(m.group()) else _owner(doc, line, m.start(), subj)
            if _LIST_FOLLOWS.fullmatch(text, m.end(), line.end) or m.group().rstrip().endswith(":") and not text[m.end() : line.end].strip():
                # "My research focuses on the following topics:" and a bullet per topic
                yield from _bullets_after(doc, all_lines[k + 1 :], owner, line)
                continue
            spans = [(m.end(), clause)]
            wh = _WH_CLAUSE.match(clause)
            if wh:
                # "how AI systems learn, reason, and collaborate with people": one question, whatever its commas
                s, e = m.end(), m.end() + len(wh.group().rstrip(" ,"))
                yield Candidate("research_interest", owner, Arg(text[s:e], "TOPIC", text[s:e], s, e), (line.start, line.end), "interests.sentence", 0.75)
                spans = [(m.end() + wh.end(), clause[wh.end() :])]
            more = _CONTINUES.match(text, end, line.end)
            if more:
                # "His interests cover X. This includes Y and Z.": the next sentence goes on with the list
                spans.append((more.end(), text[more.end() : min(_clause_end(text, more.end()), line.end)]))
            for at, part in spans:
                for s, e, named in topics(part, at):
                    if _is_clause(doc, s, e):
                        continue
                    t = named or _ACRONYM_PAREN.sub("", text[s:e]).strip()
                    yield Candidate("research_interest", owner, Arg(t, "TOPIC", t, s, e), (line.start, line.end), "interests.sentence", 0.75)
            if end == line.end and text[m.end() : line.end].rstrip(" *_").endswith(":"):
                # "His expertise includes analysis of X:" over bullets: the bullets name topics too
                yield from _bullets_after(doc, all_lines[k + 1 :], owner, line)


# "A, B and C currently work on projects ranging from X to Y": both ends of the range are topics of everyone named
_RANGE = re.compile(
    r"\b(?:work(?:s|ed|ing)?|research(?:es|ed|ing)?)\s+on\s+(?:\w+\s+){0,2}?(?:projects|problems|topics|questions|areas)\s+"
    r"(?:ranging|that\s+range|spanning)\s+from\s+(?P<a>[^.;]{2,80}?)\s+to\s+(?P<b>[^.;,]{2,80}?)(?=\s*[.;,]|\s*$)",
    re.I,
)
_BETWEEN_NAMES = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_BEFORE_VERB = re.compile(r"[,\s]*(?:(?:currently|now|also|all|together|jointly)\s+)*")


def _named_run(doc: Doc, start: int, pos: int) -> list[Arg]:
    """The people of a coordinated run of names ("A, B and C") that ends right before `pos`."""
    if doc._.people is None:
        return []
    text = text_of(doc)
    spans = sorted((s, e, p) for p in doc._.people.persons for s, e in p.mentions if start <= s and e <= pos)
    run: list = []
    end = pos
    for s, e, p in reversed(spans):
        gap = text[e:end]
        if not (_BEFORE_VERB.fullmatch(gap) if not run else _BETWEEN_NAMES.fullmatch(gap)):
            break
        run.append((s, e, p))
        end = s
    return [person_arg(doc, p) for _, _, p in reversed(run)]


@doc_rule("research_interest", "interests.range", order=62)
def interest_ranges(doc: Doc) -> Iterator[Candidate]:
    subj = subject_arg(doc)
    text = text_of(doc)
    for line in lines(doc):
        for m in _RANGE.finditer(text, line.start, line.end):
            owners = _named_run(doc, line.start, m.start()) or ([_owner(doc, line, m.start(), subj)] if subj else [])
            for g in ("a", "b"):
                s, e = m.span(g)
                lead = _LEAD.match(text[s:e])
                s += lead.end() if lead else 0
                if e - s < 2 or _is_clause(doc, s, e):
                    continue
                for owner in owners:
                    yield Candidate("research_interest", owner, Arg(text[s:e], "TOPIC", text[s:e], s, e), (line.start, line.end), "interests.range", 0.7)


_AUXILIARIES = {"am", "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "'s", "’s"}


def _is_clause(doc: Doc, start: int, end: int) -> bool:
    """A piece of the cue's clause that is itself a clause, not a topic: it has a personal pronoun
    or a finite verb ("he has published 300 papers on these topics", "is known for X")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span[0].lower_ in ("how", "what", "why", "when", "whether", "where", "which"):
        return False  # "how children learn language" names a question studied
    if len(span) == 1 or len(span) == 3 and span[1].text in ("+", "/", "&"):
        return False  # one word, or two joined by "+" ("AI+healthcare"), is no clause
    # (a "verb" between two nouns, with no subject of its own, is a compound misread: "point cloud analysis")
    finite = [t for t in span if t.tag_ in ("PRP", "VBD", "VBZ", "VBP", "MD") and not _inside_compound(span, t)]
    # a list's topic whose first word the tagger reads as a verb ("face anti-spoofing", "process mining"):
    # no subject, no auxiliary, nothing finite after it
    if finite == [span[0]] and span[0].tag_ in ("VBP", "VBZ") and span[0].lower_ not in _AUXILIARIES:
        return False
    return bool(finite)


def _inside_compound(span, t) -> bool:
    i = t.i - span.start
    nouns = ("NN", "NNS", "NNP")
    return (
        t.tag_ in ("VBP", "VBZ") and 0 < i < len(span) - 1 and span[i - 1].tag_ in nouns and span[i + 1].tag_ in nouns
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    )


_LIST_FOLLOWS = re.compile(r"\s*(?:(?:the\s+)?following(?:\s+[\w-]+){0,3}|these(?:\s+[\w-]+){0,2})?\s*[:：]\s*")


def _bullets_after(doc: Doc, following: list[Line], owner: Arg, cue: Line) -> Iterator[Candidate]:
    text = text_of(doc)
    sections = section_index(doc._.clean)
    for ln in following:
        bullet = re.match(r"^[-*•]\s+", ln.text)
        if bullet is None or sections.at(ln.start) is not sections.at(cue.start):
            return  # (the bullets of the next section are not the cue's)
        body = ln.text[bullet.end() :]
        head = re.match(r"^([^:：.]{2,80})[:：.]\s", body)  # "Widget learning: we study ..." names the topic first
        s = ln.start + bullet.end()
        e = s + (len(head.group(1)) if head else len(body.rstrip(" .;")))
        t = text[s:e].strip()
        if not t or len(t.split()) > 12:
            continue
        if head is None and "," in t and " of " not in t:  # "- RNA-Seq, scRNA-Seq": a bullet of several topics (not "A, B of X")
            for ts, te, named in topics(text[s:e], s):
                tt = named or text[ts:te]
                yield Candidate("research_interest", owner, Arg(tt, "TOPIC", tt, ts, te), (cue.start, ln.end), "interests.bullets", 0.7)
            continue
        yield Candidate("research_interest", owner, Arg(t, "TOPIC", t, s, e), (cue.start, ln.end), "interests.bullets", 0.7)


_HEADED = re.compile(r"^([^:：]{2,60}?)\s*[:：]\s+\S")


@doc_rule("research_interest", "interests.section", order=61)
def interest_section(doc: Doc) -> Iterator[Candidate]:
    subj = subject_arg(doc)
    if subj is None:
        return
    papers = {ln.start for ln in paper_lines(doc)}
    for line in lines(doc, {"interests"}):
        if line.start in papers:
            continue
        body = re.sub(r"^[-*]\s+", "", line.text)
        if len(body.split()) > 10 or _CUE.search(body):
            continue
        off = line.start + (len(line.text) - len(body))
        head = _HEADED.match(body)
        if head:
            body = head.group(1)  # "Widget learning: robust and cheap gizmos" names its topic before the colon
        for s, e, named in topics(body, off):
            t = named or text_of(doc)[s:e]
            yield Candidate("research_interest", subj, Arg(t, "TOPIC", t, s, e), (line.start, line.end), "interests.list_item", 0.7)
