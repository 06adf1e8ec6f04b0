"""The model's entity recognizer run on windows of whole lines, many windows at once.

The recognizer reads each token through a CNN that sees 4 tokens each way, and
its transition system closes every entity before a sentence start (a line break
always is one here, `syntax.line_sentences`; of the parser's starts inside a line
it sees only those after a full stop, `recognizer_sentence_starts`). So on a window of whole lines with
`context` tokens beyond them on either side it labels those lines as it does on
the whole text, and what comes back is copied onto the lines only. Many short
windows step through the transition system together, where a long document's
one state steps alone, and a batch of them (about 13,000 tokens) suits the
CNN better than a 100,000-character part: the recognizer takes about a fifth
less time on a 1 MB page (5.0 -> 3.8 s).
"""

# Annotations stay evaluated (no `from __future__ import annotations`): spaCy's config
# system validates the factory's arguments against them.
from typing import Iterable, Iterator

import numpy as np
from spacy.attrs import ENT_IOB, ENT_TYPE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from .syntax import line_starts, window_docs

_ENTS = [ENT_IOB, ENT_TYPE]


def line_runs(starts: np.ndarray, n: int, size: int) -> list[tuple[int, int]]:
    """Token ranges of consecutive whole lines, each of at least `size` tokens but the last (a longer line is one run)."""
    runs: list[tuple[int, int]] = []
    a = 0
    for s in starts.tolist()[1:]:
        if s - a >= size:
            runs.append((a, s))
            a = s
    if a < n:
        runs.append((a, n))
    return runs


# what ends a sentence before a sentence start the recognizer keeps from the parse
_FINAL = {".", "!", "?", ";", "…", "。", "！", "？", "；"}


def recognizer_sentence_starts(doc: Doc) -> np.ndarray:
    """Sentence starts as the recognizer should see them, a column for `from_array([SENT_START])`: every line
    start, and the parser's starts that follow a sentence-final mark. The parser, told that a line starts a
    sentence, splits a line's first word off when the line before has no full stop ("News" / "Mark | Olsen
    developed ..."), and the recognizer never makes an entity across a sentence start."""
    n = len(doc)
    parsed = doc.to_array(SENT_START).astype(np.int64)
    final = np.isin(doc.to_array(ORTH), np.array([doc.vocab.strings.add(w) for w in sorted(_FINAL)], dtype=np.uint64))
    keep = np.zeros(n, dtype=bool)
    keep[1:] = (parsed[1:] == 1) & final[:-1]
    keep[line_starts(doc)] = True
    return keep.astype(np.uint64).reshape(-1, 1)


class EntitiesInWindows:
    """Runs the model's `component` (the entity recognizer) on windows of `window_tokens` tokens or more."""

    def __init__(self, nlp: Language, name: str, component: str, window_tokens: int, context: int, batch_size: int) -> None:
        self.nlp = nlp
        self.name = name
        self.component = component
        self.window_tokens = window_tokens
        self.context = context
        self.batch_size = batch_size

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            yield from self._process(list(batch))

    def _process(self, docs: list[Doc]) -> list[Doc]:
        plans = []
        subdocs: list[Doc] = []
        for doc in docs:
            n = len(doc)
            runs = line_runs(line_starts(doc), n, self.window_tokens) if n else []
            windows = [(max(0, a - self.context), min(n, b + self.context)) for a, b in runs]
            plans.append((runs, windows))
            subs = window_docs(doc, windows)
            if n and doc.has_annotation("DEP"):
                starts = recognizer_sentence_starts(doc)
                for sub, (ws, we) in zip(subs, windows):
                    sub.from_array([SENT_START], starts[ws:we])
            subdocs.extend(subs)
        subdocs = list(self.nlp.get_pipe(self.component).pipe(subdocs, batch_size=self.batch_size))
        k = 0
        for doc, (runs, windows) in zip(docs, plans):
            if not runs:
                continue
            out = np.zeros((len(doc), len(_ENTS)), dtype=np.uint64)
            for (a, b), (ws, _we) in zip(runs, windows):
                out[a:b] = subdocs[k].to_array(_ENTS)[a - ws : b - ws]
                k += 1
            doc.from_array(_ENTS, out)
        return docs


@Language.factory(
    "ner_in_windows",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    requires=["token.is_sent_start"],
    default_config={"component": "ner", "window_tokens": 400, "context": 8, "batch_size": 32},
)
def make_ner_in_windows(nlp: Language, name: str, component: str, window_tokens: int, context: int, batch_size: int) -> EntitiesInWindows:
    """`window_tokens` and `batch_size` were about the fastest on the 1 MB benchmark page (300 to 600 tokens,
    16 to 32 windows a call: 10,000 to 13,000 tokens, where the CNN's matrices still fit the cache)."""
    return EntitiesInWindows(nlp, name, component, window_tokens, context, batch_size)
