"""Hard-wrapped paragraphs joined into lines; cards, lists and dated CV lines kept as they are."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.clean import clean
from pipeline.clean.rewrite import rewrite
from pipeline.clean.wrap import unwrap_edits
from pipeline.markup import to_plain

WRAPPED = [
    # a talk announcement wrapped at 70 columns: breaks after a function word, a comma, before lower case
    "Jonas Meier is a Research Assistant Professor in the Computer Science\n"
    "Department at Tarn University and the Kestrel Institute (KI). His\n"
    "research interests include parsing, machine translation,\n"
    "and dialogue. He received a PhD from Tarn University in 2010.\n",
    "Ada Reyes leads the robotics group at Quillon, where she works on\n"
    "motion planning and the control of legged robots. Before that she was\n"
    "a postdoc at Northfield University.\n",
    "The prize is awarded every year by the Kestrel Society to a researcher\n"
    "under forty whose work has changed how we think about learning from\n"
    "small data.\n",
]

KEPT = [
    # an address card: short lines
    "Jonas Meier\nDepartment of Computer Science\nTarn University\njonas@tarn.edu\n",
    # a CV's dated lines: long, but each ends a phrase and the next opens with a year
    "2019 - 2021: Research Scientist at Quillon Labs, Springfield, Northland\n"
    "2017 - 2019: Research Engineer at Northwind Robotics, Lakeside, Northland\n",
    # one sentence per line: every break ends a sentence
    "Ada Reyes is a professor of computer science at Northfield University.\n"
    "She leads the robotics group and teaches the course on motion planning.\n"
    "Her students have won three best paper awards at robotics venues.\n",
    # a list: items are never joined, however long
    "- Ada Reyes is a professor of computer science at Northfield and the\n"
    "- head of the robotics group, where she works on the control of robots\n",
]


def _joined(text: str) -> str:
    return rewrite(text, unwrap_edits(text)).text


@pytest.mark.parametrize("text", WRAPPED)
def test_a_wrapped_paragraph_is_one_line(text: str) -> None:
    out = _joined(text)
    assert out.rstrip("\n").count("\n") == 0
    assert len(out) == len(text) and out.replace(" ", "\n") == text.replace(" ", "\n")


@pytest.mark.parametrize("text", KEPT)
def test_lines_that_are_no_wrapped_paragraph_stay(text: str) -> None:
    assert _joined(text) == text


def test_headings_and_items_of_the_markup_are_never_joined() -> None:
    page = (
        "# Jonas Meier is a Research Assistant Professor at Tarn University and\n\n"
        "- the head of the parsing group at Tarn University, where he works on\n"
        "- machine translation and parsing of low-resource languages with students\n"
    )
    assert clean(to_plain(page, "markdown")).text.count("\n") >= 2


def test_a_joined_paragraph_keeps_its_offsets_into_the_raw_text() -> None:
    raw = "Talk\n\n" + WRAPPED[0]
    ct = clean(to_plain(raw, "text"))
    start = ct.text.index("Department at Tarn")
    assert ct.text[start - 1] == " "  # the break before it is a space now
    assert raw[ct.map.origin[start] : ct.map.origin[start] + 10] == "Department"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abc ,.Ab\n", min_size=0, max_size=60), max_size=12))
def test_only_line_breaks_become_spaces(lines: list[str]) -> None:
    text = "\n".join(lines)
    out = _joined(text)
    assert len(out) == len(text)
    assert all(a == b or (a, b) == ("\n", " ") for a, b in zip(text, out))
