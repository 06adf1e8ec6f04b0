"""Line breaks as sentence ends, and tags and parses only on the lines a rule reads them from.

The model's tok2vec, tagger and parser are about half of the stock model's time, yet most
of a homepage (publication lists, talks, service, short list items) is read by
rules that look only at entities, dates and text. Here those three components
run on windows around the lines that need syntax: the lines that may hold a
prose sentence (`toolkit.may_be_prose`) and Experience items (whose
rule tells a job title from a sentence by its verbs).

A window reaches `context` tokens beyond its lines on either side, so the lines'
token vectors see the same neighbours as in a whole-document run (the CNN looks
4 tokens each way) and the parser's look-ahead (2 tokens) sees the same
vectors. What comes back is copied onto the lines only. Every other line
becomes one flat sentence (its first token the root, the rest attached to it),
so `doc.sents` still sees the line breaks that `line_sentences` set. The entity
recognizer runs before this stage, on the line breaks alone (`nlp.build_nlp`).
"""

# Annotations stay evaluated (no `from __future__ import annotations`): spaCy's config
# system validates the factory's arguments against them.
from typing import Iterable, Iterator, Sequence

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, LENGTH, NORM, SENT_START, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from .relations.toolkit import may_be_prose
from .relations.base import text_of
from .sections import section_index

# Experience items are read with their tags (employment.items).
_TAGGED_SECTIONS = {"experience"}
_COPY = (NORM, SENT_START)
_DEFAULT_BATCH = 256


def line_starts(doc: Doc) -> np.ndarray:
    """Token indices that open a line, as `line_sentences` marks them (token 0 included); kept on the doc."""
    cached = doc.user_data.get("line_starts")
    if cached is not None:
        return cached
    n = len(doc)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    text = text_of(doc)
    newlines = np.flatnonzero(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32) == 10)
    idx = doc.to_array("IDX").astype(np.int64)
    before = np.searchsorted(newlines, idx)  # newlines before each token's first character
    # Token i+1 opens a line when token i's text or trailing space holds a newline.
    opens = np.flatnonzero(before[1:] > before[:-1]) + 1
    starts = np.concatenate(([0], opens))
    doc.user_data["line_starts"] = starts  # line_sentences and syntax_where_needed both read it
    return starts


def needs_syntax(text: str, sections: Sequence[tuple[int, int, str]], start: int, end: int) -> bool:
    """Whether any rule reads tags or a parse on the line text[start:end].

    A sentence is a part of one line, so the line is kept when `may_be_prose`
    keeps the whole line under any section it touches (a shorter sentence passes
    less easily); Experience lines are always kept.
    """
    names: set[str | None] = set()
    covered = start
    for s, e, name in sections:
        if s < end and start < e:
            names.add(name)
            if s <= covered:
                covered = max(covered, e)
    if covered < end:
        names.add(None)
    if names & _TAGGED_SECTIONS:
        return True
    line = text[start:end].strip()
    return any(may_be_prose(line, name) for name in names)


def window_docs(doc: Doc, windows: Sequence[tuple[int, int]]) -> list[Doc]:
    """New docs holding the tokens doc[ws:we] with their norms and sentence starts.

    What `Span.as_doc` gives for these attributes, without its per-token
    Python objects and its span vector (about 15 % of this stage under the profiler).
    """
    if not windows:
        return []
    text = text_of(doc)
    table = doc.to_array([IDX, LENGTH, SPACY]).tolist()
    array = doc.to_array(_COPY)
    subs = []
    for ws, we in windows:
        rows = table[ws:we]
        words = [text[i : i + n] for i, n, _ in rows]
        spaces = [bool(sp) for _, _, sp in rows]
        sub = Doc(doc.vocab, words=words, spaces=spaces)
        sub.from_array(_COPY, array[ws:we])
        subs.append(sub)
    return subs


@Language.component("line_sentences", assigns=["token.is_sent_start"])
def line_sentences(doc: Doc) -> Doc:
    """A line break always ends a sentence, so no parse or entity spans two lines."""
    if len(doc) > 1:
        # One from_array: the Token.is_sent_start setter scans the whole doc on every call.
        marks = doc.to_array(SENT_START).reshape(-1, 1)
        marks[line_starts(doc)[1:], 0] = 1
        doc.from_array([SENT_START], marks)
    return doc


class SyntaxWhereNeeded:
    """Runs the model's syntax components on the lines that need them, in windows."""

    def __init__(
        self, nlp: Language, name: str, components: list[str], context: int, batch_sizes: dict[str, int], tok2vec_tokens: int, every_line: bool = False
    ) -> None:
        self.nlp = nlp
        self.every_line = every_line
        self.name = name
        self.components = components
        self.context = context
        self.batch_sizes = batch_sizes
        self.tok2vec_tokens = tok2vec_tokens
        strings = nlp.vocab.strings
        self._root = strings.add("ROOT")
        self._dep = strings.add("dep")

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            yield from self._process(list(batch))

    def _windows(self, doc: Doc) -> tuple[np.ndarray, list[tuple[int, int]], list[tuple[int, int]]]:
        """Line starts, the token ranges of lines that need syntax, and the merged windows around them."""
        starts = line_starts(doc)
        n = len(doc)
        ends = np.append(starts[1:], n)
        clean = doc._.clean
        index = section_index(clean)
        text = text_of(doc)
        idx = doc.to_array("IDX")
        chosen: list[tuple[int, int]] = []
        for a, b in zip(starts.tolist(), ends.tolist()):
            start_char, end_char = int(idx[a]) if a < n else len(text), int(idx[b]) if b < n else len(text)
            near = [(x.start, x.end, x.name) for x in index.touching(start_char, end_char)]
            if self.every_line or needs_syntax(text, near, start_char, end_char):
                chosen.append((a, b))
        windows: list[tuple[int, int]] = []
        for a, b in chosen:
            ws, we = max(0, a - self.context), min(n, b + self.context)
            if windows and ws <= windows[-1][1]:
                windows[-1] = (windows[-1][0], we)
            else:
                windows.append((ws, we))
        return starts, chosen, windows

    def _process(self, docs: list[Doc]) -> list[Doc]:
        plans = []
        subdocs: list[Doc] = []
        for doc in docs:
            starts, chosen, windows = self._windows(doc)
            subs = window_docs(doc, windows)
            plans.append((starts, chosen, windows, subs))
            subdocs.extend(subs)
        for name in self.components:
            proc, size = self.nlp.get_pipe(name), self.batch_sizes.get(name, _DEFAULT_BATCH)
            if name == "tok2vec":
                subdocs = [d for group in _by_tokens(subdocs, self.tok2vec_tokens, size) for d in proc.pipe(group, batch_size=len(group))]
            else:
                subdocs = list(proc.pipe(subdocs, batch_size=size))
        for doc, (starts, chosen, windows, subs) in zip(docs, plans):
            self._write_back(doc, starts, chosen, windows, subs)
        return docs

    def _write_back(self, doc: Doc, starts: np.ndarray, chosen: list[tuple[int, int]], windows: list[tuple[int, int]], subs: list[Doc]) -> None:
        n = len(doc)
        if n == 0:
            return
        out = np.zeros((n, 3), dtype=np.uint64)  # TAG, HEAD, DEP
        # Flat sentences: every token of a line attached to the line's first token.
        line_of = np.repeat(starts, np.diff(np.append(starts, n)))
        rel = line_of - np.arange(n)
        out[:, 1] = rel.astype(np.int64).view(np.uint64)
        out[:, 2] = self._dep
        out[starts, 2] = self._root
        w, arrays = 0, {}
        for a, b in chosen:
            while windows[w][1] < b:
                w += 1
            if w not in arrays:  # a window holds many lines: one to_array each
                arrays[w] = subs[w].to_array([TAG, HEAD, DEP])
            ws, sub = windows[w][0], arrays[w]
            out[a:b] = sub[a - ws : b - ws]
        doc.from_array([TAG, HEAD, DEP], out)


def _by_tokens(docs: list[Doc], tokens: int, most: int) -> Iterator[list[Doc]]:
    """`docs` in order, in groups of at most `most` docs and `tokens` tokens (a longer doc alone)."""
    group: list[Doc] = []
    n = 0
    for d in docs:
        if group and (n + len(d) > tokens or len(group) >= most):
            yield group
            group, n = [], 0
        group.append(d)
        n += len(d)
    if group:
        yield group


@Language.factory(
    "syntax_where_needed",
    assigns=["token.tag", "token.dep", "token.head", "token.is_sent_start"],
    requires=["doc._.clean", "token.is_sent_start"],
    default_config={
        "components": ["tok2vec", "tagger", "parser"],
        "context": 8,
        "batch_sizes": {"tok2vec": 32, "tagger": 256, "parser": 256},
        "tok2vec_tokens": 4000,
        "every_line": False,
    },
)
def make_syntax_where_needed(
    nlp: Language, name: str, components: list[str], context: int, batch_sizes: dict[str, int], tok2vec_tokens: int, every_line: bool
) -> SyntaxWhereNeeded:
    """`batch_sizes` are in windows per call, per component: the tok2vec CNN runs on
    a whole batch as one matrix and slows down once that outgrows the cache, so a
    call also takes at most `tok2vec_tokens` tokens of windows (a longer window alone;
    on the 1 MB page 2,000 to 9,000 are alike, 0.5 s faster than 32 windows of a
    100,000-character part), while the parser gains from many windows stepping together.
    `every_line` (`--full-parse`) tags and parses every line."""
    return SyntaxWhereNeeded(nlp, name, components, context, batch_sizes, tok2vec_tokens, every_line)
