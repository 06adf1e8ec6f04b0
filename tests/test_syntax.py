"""Tags and parses only where rules read them: which lines, and that nothing read changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import Settings
from pipeline.document import new_doc
from pipeline.extract import Extractor, Input
from pipeline.ingest import SUPPORTED_SUFFIXES, decode, detect_format
from pipeline.nlp import build_nlp
from pipeline.syntax import line_starts, needs_syntax

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev"


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


def _facts(extractor: Extractor, paths: list[Path]) -> list[str]:
    out = []
    for p in paths:
        text = decode(p.read_bytes()).text
        rec = extractor.process(Input(text, p.stem, str(p), "0" * 64, detect_format(p.name, text)))
        out += [f.model_dump_json() for f in rec.facts]
    return out


def _pages(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in SUPPORTED_SUFFIXES and not p.name.endswith(".gold.json"))


def test_facts_identical_to_a_full_parse_on_the_seeds() -> None:
    pages = _pages(ROOT / "seeds")
    assert _facts(Extractor(Settings()), pages) == _facts(Extractor(Settings(full_parse=True)), pages)


@pytest.mark.skipif(not DEV.is_dir(), reason="the development corpus (../shared/corpus/dev) is not beside the checkout")
def test_facts_identical_to_a_full_parse_on_the_development_set() -> None:
    pages = _pages(DEV)
    assert len(pages) >= 10
    assert _facts(Extractor(Settings()), pages) == _facts(Extractor(Settings(full_parse=True)), pages)
