"""A long document goes through the model in parts; the facts are those of a whole-text run."""

from pathlib import Path

import pytest

from pipeline import document
from pipeline.config import Settings
from pipeline.extract import Extractor, Input

SEED = Path(__file__).resolve().parent.parent / "seeds" / "004_795defafdabb6ac1.txt"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(Settings())


@pytest.mark.parametrize(
    "text,size,expected",
    [
        ("a\nb\nc\n", 100, [(0, 6)]),
        ("line one\nline two\nline three\n", 12, [(0, 9), (9, 18), (18, 29)]),
        ("one\n\n\ntwo\n", 6, [(0, 6), (6, 10)]),  # not inside a run of blank lines
        ("x" * 25, 10, [(0, 10), (10, 20), (20, 25)]),  # no line break at all
    ],
)
def test_parts_cut_after_line_breaks(text: str, size: int, expected: list[tuple[int, int]]) -> None:
    assert document._parts(text, size) == expected


def test_model_by_parts_gives_the_same_record(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    item = Input(SEED.read_text(encoding="utf-8"), "seed", "seed", "", "text")
    whole = extractor.process(item)
    monkeypatch.setattr(document, "PART_CHARS", 3000)
    by_parts = extractor.process(item)
    assert len(item.text) > 3 * 3000
    assert by_parts.facts and by_parts.facts == whole.facts
    assert [(e.label, e.start, e.end) for e in by_parts.entities] == [(e.label, e.start, e.end) for e in whole.entities]


def test_parts_through_bytes_give_the_same_record(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a worker sends back for a part (its Doc as bytes) merges into the record of the in-process run."""
    item = Input(SEED.read_text(encoding="utf-8"), "seed", "seed", "", "text")
    monkeypatch.setattr(document, "PART_CHARS", 3000)
    in_process = extractor.process(item)
    sent: list[int] = []

    def elsewhere(parts: list[document.Part]) -> list[bytes]:
        sent.append(len(parts))
        return [document.model_part_bytes(extractor.nlp, p) for p in parts]

    monkeypatch.setattr(extractor, "map_parts", elsewhere)
    by_bytes = extractor.process(item)
    assert sent and sent[0] > 3
    assert by_bytes.facts and by_bytes.model_dump_json() == in_process.model_dump_json()


def test_profile_times_each_component_of_a_long_document(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    """`extract --profile` lists the seconds of every component, the model's and ours, on long documents."""
    item = Input(SEED.read_text(encoding="utf-8"), "seed", "seed", "", "text")
    monkeypatch.setattr(document, "PART_CHARS", 3000)
    timings: dict[str, float] = {}
    list(document.run_documents(extractor.nlp, [item], extractor.settings, timings))
    names = [n for n, _ in extractor.nlp.pipeline]
    assert {f"long documents/{n}" for n in names} <= set(timings)
    assert timings["long documents/relations"] > 0
