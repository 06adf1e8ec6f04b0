"""Columns of people in tables: a header names the column, the cells under it are people, not employers."""

from __future__ import annotations

import pytest

from pipeline.people.columns import column_names

_TABLE = """Time | Position | {header} | Institution
---- | ---- | ---- | ----
2022- | Research Scientist | Tomas Brandt | Quillon Research Hospital
2019-2021 | Research Assistant | Aiko Moreno | Harlow Medicine
 | Professor |  |
2017-2019 | Postdoctoral Scholar | Aiko Moreno | The University of Dunmore
"""


# the table as cleaning leaves it: no rule row, a wrapped cell's rest on a line of its own
_CLEANED = """Time | Position | {header} | Institution
2022- | Research Scientist | Tomas Brandt | Quillon Research Hospital
2019-2021 | Research Assistant | Aiko Moreno | Harlow Medicine
Professor
2017-2019 | Postdoctoral Scholar | Aiko Moreno | The University of Dunmore
"""


@pytest.mark.parametrize("header", ["PI/Supervisor", "Supervisor", "Advisor", "Mentor", "Host"])
def test_a_supervisor_column_holds_people(header: str) -> None:
    text = _CLEANED.format(header=header)
    assert [n for _, _, n in column_names(text)] == ["Tomas Brandt", "Aiko Moreno", "Aiko Moreno"]  # past the wrapped cell's rest


@pytest.mark.parametrize("header", ["Project", "Funding", "Location/Site"])
def test_other_columns_hold_no_people(header: str) -> None:
    assert column_names(_CLEANED.format(header=header)) == []


def test_a_blank_line_ends_the_table() -> None:
    text = "Name | Affiliation\n---- | ----\nLena Ortiz | Quillon\n\nTomas Brandt | Harlow\n"
    assert [n for _, _, n in column_names(text)] == ["Lena Ortiz"]


def test_a_supervisor_in_a_table_row_is_no_employer(extract) -> None:
    page = "# Lena Ortiz\n\n### Professional Experience\n\n" + _TABLE.format(header="PI/Supervisor")
    jobs = {f.object.canonical: f.qualifiers.title for f in extract(page, "markdown") if f.relation == "employed_by"}
    assert jobs == {"Quillon Research Hospital": "Research Scientist", "Harlow Medicine": "Research Assistant", "The University of Dunmore": "Postdoctoral Scholar"}


@pytest.mark.parametrize(
    "item, org, title",
    [
        ("- 2022-now: Sr. Research Scientist, St. Vance Children Hospital", "St. Vance Children Hospital", "Sr. Research Scientist"),
        ("- 2019-2021: Postdoc, Harlow Univ. Hospital", "Harlow Univ. Hospital", "Postdoc"),
        # the twin: a full stop after a word that is no abbreviation still ends a segment
        ("- 2017-2019: Engineer. Quillon Labs", "Quillon Labs", "Engineer"),
    ],
)
def test_an_abbreviation_does_not_cut_an_item(extract, item: str, org: str, title: str) -> None:
    facts = extract(f"# Lena Ortiz\n\n## Experience\n\n{item}\n", "markdown")
    assert [(f.object.canonical, f.qualifiers.title) for f in facts if f.relation == "employed_by"] == [(org, title)]
