"""Domain entity patterns and the corrections applied to the model's entities."""

from __future__ import annotations

import re

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span

from pipeline.config import PATTERNS_DIR
from pipeline.entities import _overlap_test, read_jsonl
from pipeline.extract import Extractor, Input


def ents(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    rec = extractor.process(Input(text, "t", "t.txt", "0" * 64, "text"))
    return {(e.label, e.text) for e in rec.entities}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She holds a Ph.D. in physics.", ("DEGREE", "Ph.D.")),
        ("He received his Master’s degree in 2019.", ("DEGREE", "Master’s degree")),
        ("I earned a B.Eng. there.", ("DEGREE", "B.Eng.")),
        ("Mira Olsen is a Senior Research Scientist at Northwind Labs.", ("TITLE", "Senior Research Scientist")),
        ("He was Head of Applied Vision Group until 2020.", ("TITLE", "Head of Applied Vision Group")),
        # a title of a field in lower case or an acronym
        ("Ana Ruiz, Quillon's head of AI, spoke.", ("TITLE", "head of AI")),
        ("She left in 2020 to join Quillon as head of research.", ("TITLE", "head of research")),
        ("Tomas Reyes is the vice president of engineering at Orbis.", ("TITLE", "vice president of engineering")),
        ("Our paper was accepted at NeurIPS this year.", ("VENUE", "NeurIPS")),
        ("Write to mira.olsen@northwind.edu for details.", ("EMAIL", "mira.olsen@northwind.edu")),
        ("Write to mira [at] northwind [dot] edu for details.", ("EMAIL", "mira [at] northwind [dot] edu")),
        ("Email: mira_olsen at northwind.edu", ("EMAIL", "mira_olsen at northwind.edu")),
        ("The code is at https://example.org/tool today.", ("URL", "https://example.org/tool")),
        ("We compare against Falcon-V2 and Zephyr 3.5 Pro.", ("PRODUCT", "Falcon-V2")),
        ("We compare against Falcon-V2 and Zephyr 3.5 Pro.", ("PRODUCT", "Zephyr 3.5 Pro")),
        ("She studied at the Eastfield University of Science and Technology last year.", ("ORG", "Eastfield University of Science and Technology")),
    ],
)
def test_domain_entity(extractor: Extractor, text: str, expected: tuple[str, str]) -> None:
    assert expected in ents(extractor, text)


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("Accepted at ICLR 2025 as a poster.", ("PRODUCT", "ICLR 2025")),  # a venue and its year, not a model
        ("Our paper appeared at MICCAI-2023.", ("PRODUCT", "MICCAI-2023")),
        ("Computer Science is my field.", ("VENUE", "Science")),
        ("Co-authored with Wei Ma and others.", ("DEGREE", "Ma")),  # a surname, not a master's degree
        ("We train an LLM on the data.", ("ORG", "LLM")),
        # the field is only the start of a longer name
        ("He is Director of AI Research at Quillon.", ("TITLE", "Director of AI")),
        ("She was the Chief Scientist of AI/ML at Orbis Cloud.", ("TITLE", "Chief Scientist of AI")),
        ("He joined as Senior Director of AI and Autopilot Vision.", ("TITLE", "Senior Director of AI")),
        ("From Eastfield University to industry.", ("ORG", "From Eastfield University")),
        ("Mira now works at northwind.edu as a lecturer.", ("EMAIL", "works at northwind.edu")),  # no e-mail label
    ],
)
def test_no_false_entity(extractor: Extractor, text: str, not_expected: tuple[str, str]) -> None:
    assert not_expected not in ents(extractor, text)


def test_entities_never_cross_a_line_break(extractor: Extractor) -> None:
    rec = extractor.process(Input("Research Scientist at Northwind\nLabs of the Future", "t", "t.txt", "0" * 64, "text"))
    assert rec.entities
    assert all("\n" not in e.text for e in rec.entities)


_pairs = st.lists(st.tuples(st.integers(0, 29), st.integers(1, 10)), max_size=12)


@settings(deadline=None)  # a blank pipeline per example: slow on a busy machine, and speed is not what this checks
@given(ours=_pairs, model=_pairs)
def test_overlap_test_agrees_with_pairwise_check(ours: list[tuple[int, int]], model: list[tuple[int, int]]) -> None:
    doc = spacy.blank("en")(" ".join(["w"] * 40))
    spans = [Span(doc, a, a + n) for a, n in ours]
    overlaps = _overlap_test(spans)
    for a, n in model:
        s = Span(doc, a, a + n)
        assert overlaps(s) == any(s.start < o.end and o.start < s.end for o in spans)


_GATED = [r for r in read_jsonl(PATTERNS_DIR / "regex_entities.jsonl") if r.get("requires")]
_PIECES = ["mira", "X9", "7", "13812345678", " ", "  ", "\n", ".", "-", "[", "]", "(", ")", "{", "}", "<", ">", "at", "AT", "@",
           "dot", "DOT", "WeChat", "WeChat:", "Tel:", "Phone:", "+86", "010", "12345", "Email:", "mail:", "edu"]


@pytest.mark.parametrize(
    "text",
    ["mira [at] northwind [dot] edu", "mira (AT) northwind.edu", "mira at northwind dot edu", "Email: mira at northwind.edu", "WeChat: 1234567",
     "Tel: +1 650 555 0101", "call 13812345678 now"],
)
def test_gated_patterns_match_their_examples(text: str) -> None:
    """The property below is not vacuous: these texts match a gated pattern, and its gate."""
    hits = [r for r in _GATED if re.search(r["pattern"], text)]
    assert hits and all(re.search(r["requires"], text) for r in hits)


@settings(deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_a_pattern_never_matches_where_its_gate_does_not(text: str) -> None:
    """Skipping a pattern when its "requires" is absent must never lose a match."""
    for r in _GATED:
        if re.search(r["pattern"], text):
            assert re.search(r["requires"], text), (r["pattern"], text)


# ---------------------------------------------------------------- phone numbers need a phone cue


def phones(extractor: Extractor, text: str, fmt: str = "text") -> set[str]:
    rec = extractor.process(Input(text, "t", "t.txt", "0" * 64, fmt))
    return {e.text for e in rec.entities if e.label == "PHONE"}


@pytest.mark.parametrize(
    "text",
    [
        "Mira Olsen was a postdoc at Northwind Labs, 2017-2020.",
        "Paul G. Allen School, Box 352350, Seattle, WA 98195-4350",
        "Research Scientist (2019 - 2021), then Lead 2021-2023.",
        "In Proceedings, pages 1234-1250, 2019.",
        "ISBN 978-3-16-148410-0, arXiv:2101.12345, doi 10.1145/3292500.3330701",
        "Grant numbers 61772-2011 and 2018-0042 funded this work.",
    ],
)
def test_digit_runs_without_a_phone_cue_are_not_phones(extractor: Extractor, text: str) -> None:
    assert phones(extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tel: +86 10 6278 1234", "+86 10 6278 1234"),
        ("Phone: (206) 555-0100", "(206) 555-0100"),
        ("Reach the office at 206-555-0100 on weekdays.", "206-555-0100"),
        ("Call +44 20 7946 0958 for the lab.", "+44 20 7946 0958"),
        ("WeChat: 15600307011", "15600307011"),
        ("Fax: 206.555.0101", "206.555.0101"),
        ("电话：010-62781234", "010-62781234"),
    ],
)
def test_numbers_with_a_phone_cue_are_phones(extractor: Extractor, text: str, expected: str) -> None:
    assert any(expected in found for found in phones(extractor, text))


def test_tel_link_is_a_phone(extractor: Extractor) -> None:
    assert "5550100" in phones(extractor, '<p>Mira Olsen <a href="tel:+12065550100">5550100</a></p>', "html")
