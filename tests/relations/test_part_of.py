"""part_of: a named unit beside its host, in either order, with negative twins."""

from __future__ import annotations

import pytest

POSITIVE = [
    ("Ada Reyes is a researcher at the E-Commerce Research Unit at TU Wien, Austria.", "E-Commerce Research Unit", "TU Wien"),
    ("Since 2013, she has been a visiting researcher at the Science of Networks in Communities (SONIC) research group at Northwestern University, USA.",
     "Science of Networks in Communities (SONIC) research group", "Northwestern University"),
    ("Tom Berg is an Associate Professor at the University of Bergen in the Information Science & Media Studies Department.", "Information Science & Media Studies Department", "University of Bergen"),
    ("Previously, he was an Asst. Prof. at MODUL University Vienna in the New Media Technology Department.", "New Media Technology Department", "MODUL University Vienna"),
    ("He founded and led the Social Computing department at the Know-Center, a research centre.", "Social Computing department", "Know-Center"),
]

NEGATIVE = [
    "Ada Reyes lives at the Green House in the Old Town.",
    "Tom Berg spoke at the Harbor Conference Center at Springfield.",
    "Tom Berg met Ada Reyes at the Graph Group meeting.",
]


@pytest.mark.parametrize("text, unit, host", POSITIVE)
def test_unit_beside_its_host(extract, text, unit, host) -> None:
    got = [(f.subject.canonical, f.object.canonical, f.rule) for f in extract(text) if f.relation == "part_of"]
    assert (unit, host, "prose.part_of_unit_host") in got, got


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_unit_without_a_host(extract, text) -> None:
    assert [f for f in extract(text) if f.relation == "part_of"] == []


def test_holdings_list_with_notes_in_parentheses(extract) -> None:
    """Notes after a member ("Search, Maps") are not members, and a member named like a person's first word stays an organisation."""
    text = ("Northwind Inc. will consist of the following entities: Calico, Quillon (Search, Maps, Ads), Quillon Ventures, "
            "Quillon X (balloons, Quillon Glass, moonshots), and Nest (smoke alarms).")
    got = sorted(f.subject.canonical for f in extract(text) if f.relation == "part_of")
    assert got == ["Calico", "Nest", "Quillon", "Quillon Ventures", "Quillon X"], got
