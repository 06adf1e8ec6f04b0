"""Tags and parses only where rules read them: which lines, and that nothing read changes."""

from __future__ import annotations

import pytest

from pipeline.config import Settings
from pipeline.document import new_doc
from pipeline.extract import Extractor
from pipeline.nlp import build_nlp
from pipeline.syntax import line_starts, needs_syntax
from tests.pages import DEV, ROOT, facts, pages


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(Settings())


@pytest.fixture(scope="module")
def full_nlp():
    return build_nlp(Settings(full_parse=True))


def _doc(nlp, text: str):
    doc = nlp.make_doc(text)
    doc.user_data["text"] = text
    return doc


@pytest.mark.parametrize(
    "text",
    [
        "one line only",
        "first line\nsecond line",
        "a\n\nb  \n  c\n",
        "\nstarts with a break",
        "trailing spaces   \nnext",
        "",
    ],
)
def test_line_starts_are_the_tokens_after_a_line_break(nlp, text: str) -> None:
    doc = _doc(nlp, text)
    want = [0] + [i + 1 for i, t in enumerate(doc[:-1]) if "\n" in t.text or "\n" in t.whitespace_] if len(doc) else []
    assert line_starts(doc).tolist() == want
    doc = nlp.get_pipe("line_sentences")(doc)
    assert all(doc[i].is_sent_start for i in want[1:])


def _sec(name: str, start: int, end: int):
    return (start, end, name)


@pytest.mark.parametrize(
    ("line", "sections", "expected"),
    [
        ("Mira Olsen is a research scientist at Northwind Labs.", [], True),
        ("Short line here", [], False),  # fewer than 4 words: no prose sentence
        ("Mira Olsen, Tom Berg. Learning to rank. In NeurIPS 2021.", [("publications", 0, 200)], False),
        ("2021: Our paper on ranking was accepted to NeurIPS.", [("news", 0, 200)], False),  # list item, no cue word
        ("2021: Mira joined Northwind Labs as a research scientist.", [("news", 0, 200)], True),
        ("Research Scientist, Northwind Labs", [("experience", 0, 200)], True),  # tags decide job vs sentence
        ("Mira Olsen, Tom Berg. Learning to rank. In NeurIPS 2021.", [("publications", 0, 20)], True),  # partly outside
    ],
)
def test_needs_syntax(line: str, sections, expected: bool) -> None:
    assert needs_syntax(line, [_sec(n, s, e) for n, s, e in sections], 0, len(line)) is expected


PAGE = """Mira Olsen

Mira Olsen is a research scientist at Northwind Labs. She did not join Quillon in 2019.

## Publications

Mira Olsen, Tom Berg. Learning to rank with sparse labels. In NeurIPS 2021.
"""


def _run(nlp, text: str):
    from pipeline.clean import clean
    from pipeline.markup import to_plain

    return nlp(new_doc(nlp, clean(to_plain(text, "markdown")), None))


def test_prose_lines_parsed_as_in_a_full_run(nlp, full_nlp) -> None:
    part, full = _run(nlp, PAGE), _run(full_nlp, PAGE)
    start = part.text.index("Mira Olsen is")
    end = part.text.index("\n", start)
    got = [(t.text, t.tag_, t.dep_, t.head.i) for t in part if start <= t.idx < end]
    want = [(t.text, t.tag_, t.dep_, t.head.i) for t in full if start <= t.idx < end]
    assert got == want
    assert any(t.dep_ == "neg" for t in part if start <= t.idx < end)


def test_other_lines_are_one_flat_sentence(nlp) -> None:
    doc = _run(nlp, PAGE)
    start = doc.text.index("Mira Olsen, Tom Berg")
    end = (doc.text + "\n").index("\n", start)
    line = [t for t in doc if start <= t.idx < end and not t.is_space]
    assert line[0].dep_ == "ROOT" and line[0].is_sent_start
    assert all(t.head.i == line[0].i and t.dep_ == "dep" and t.tag_ == "" for t in line[1:])
    assert not any(t.is_sent_start for t in line[1:])


@pytest.mark.parametrize(
    "text",
    [
        # a name opening the line under a heading or a line without a full stop
        "# News\n\nMark Olsen developed HelixDB.\n",
        "## Biography\n\nMira Olsen joined Quillon in 2019.\n",
        "People\n\nMaria Okafor is a professor at MIT.\n",
    ],
)
@pytest.mark.parametrize("full_parse", [False, True])
def test_entities_are_the_recognizers_on_line_breaks_alone(text: str, full_parse: bool) -> None:
    """The parse never splits an entity: the recognizer sees the line breaks, not the parser's sentences."""
    nlp = build_nlp(Settings(full_parse=full_parse))
    doc = _run(nlp, text)
    alone = nlp.get_pipe("ner")(nlp.get_pipe("line_sentences")(nlp.make_doc(doc.text)))
    people = [e.text for e in alone.ents if e.label_ == "PERSON"]
    assert people and [e.text for e in doc.ents if e.label_ == "PERSON"] == people


def test_facts_identical_to_a_full_parse_on_the_seeds() -> None:
    seeds = pages(ROOT / "seeds")
    assert facts(Extractor(Settings()), seeds) == facts(Extractor(Settings(full_parse=True)), seeds)


@pytest.mark.skipif(not DEV.is_dir(), reason="the development corpus (../shared/corpus/dev) is not beside the checkout")
def test_facts_identical_to_a_full_parse_on_the_development_set() -> None:
    dev = pages(DEV)
    assert len(dev) >= 10
    assert facts(Extractor(Settings()), dev) == facts(Extractor(Settings(full_parse=True)), dev)
