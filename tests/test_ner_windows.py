"""The entity recognizer on windows of whole lines labels every token as on the whole text."""

from __future__ import annotations

import pytest
from spacy.attrs import ENT_IOB, ENT_TYPE, SENT_START
from spacy.tokens import Doc

from pipeline.config import Settings
from pipeline.document import prepare
from pipeline.extract import Input
from pipeline.ingest import decode, detect_format
from pipeline.ner_windows import EntitiesInWindows, line_runs, recognizer_sentence_starts
from pipeline.syntax import window_docs
from pipeline.nlp import build_nlp
from tests.pages import DEV, ROOT, pages


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(Settings())


def _before_ner(nlp, path) -> Doc:
    """The page's Doc as the recognizer gets it: line sentences and the syntax where needed."""
    text = decode(path.read_bytes()).text
    ct = prepare(Input(text, path.stem, str(path), "0" * 64, detect_format(path.name, text)), Settings())
    doc = nlp.make_doc(ct.map.text)
    doc.user_data["text"] = ct.map.text
    doc._.clean = ct
    for name in ("line_sentences", "syntax_where_needed"):
        doc = nlp.get_pipe(name)(doc)
    return doc


def _copy(nlp, doc: Doc) -> Doc:
    out = Doc(nlp.vocab).from_bytes(doc.to_bytes(exclude=["user_data"]))
    out.user_data["text"] = doc.user_data["text"]
    return out


def _as_the_recognizer_sees(doc: Doc) -> Doc:
    """The whole text with the sentence starts the windows get: line breaks, and the parse's after a full stop."""
    out = window_docs(doc, [(0, len(doc))])[0]
    out.from_array([SENT_START], recognizer_sentence_starts(doc))
    return out


def test_the_recognizer_never_sees_a_parse_split_before_a_full_stop(nlp) -> None:
    """"News" / "Mark Olsen developed ...": the parse opens a sentence inside the name; the recognizer does not."""
    text = "News\n\nMark Olsen developed HelixDB. It is fast.\n"
    doc = nlp.get_pipe("syntax_where_needed")(nlp.get_pipe("line_sentences")(_plain(nlp, text)))
    starts = recognizer_sentence_starts(doc).ravel().tolist()
    words = [t.text for t in doc]
    assert [w for w, s in zip(words, starts) if s] == ["News", "Mark", "It"]


def _plain(nlp, text: str) -> Doc:
    from pipeline.clean import clean
    from pipeline.markup import to_plain

    ct = clean(to_plain(text, "text"))
    doc = nlp.make_doc(ct.map.text)
    doc.user_data["text"] = ct.map.text
    doc._.clean = ct
    return doc


@pytest.mark.parametrize("window_tokens", [1, 40])
def test_windows_label_as_the_whole_text(nlp, window_tokens: int) -> None:
    paths = pages(ROOT / "seeds") + (pages(DEV)[:20] if DEV.is_dir() else [])
    windows = EntitiesInWindows(nlp, "w", "ner", window_tokens=window_tokens, context=8, batch_size=64)
    for path in paths:
        doc = _before_ner(nlp, path)
        whole = nlp.get_pipe("ner")(_as_the_recognizer_sees(doc))
        cut = windows(_copy(nlp, doc))
        assert (whole.to_array([ENT_IOB, ENT_TYPE]) == cut.to_array([ENT_IOB, ENT_TYPE])).all(), path.name


def test_line_runs_cover_the_doc_in_whole_lines() -> None:
    import numpy as np

    starts = np.array([0, 3, 4, 10, 11, 30])
    assert line_runs(starts, 33, 5) == [(0, 10), (10, 30), (30, 33)]
    assert line_runs(starts, 33, 1) == [(0, 3), (3, 4), (4, 10), (10, 11), (11, 30), (30, 33)]
    assert line_runs(np.array([0]), 7, 300) == [(0, 7)]
