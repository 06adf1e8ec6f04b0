"""part_of: a named unit beside its host, in either order, with negative twins."""

from __future__ import annotations

import pytest

POSITIVE = [
    ("Ada Reyes is a researcher at the Retail Analytics Research Unit at KTH Lund, Sweden.", "Retail Analytics Research Unit", "KTH Lund"),
    ("Since 2016, she has been a guest researcher at the Study of Crowds in Cities (SCIC) research group at Eastfield University, USA.",
     "Study of Crowds in Cities (SCIC) research group", "Eastfield University"),
    ("Tom Berg is a Lecturer at the University of Lakeside in the Film & Games Department.", "Film & Games Department", "University of Lakeside"),
    ("Earlier, he was an Asst. Prof. at HALDEN University Oslo in the Sound Design Department.", "Sound Design Department", "HALDEN University Oslo"),
    ("She set up and ran the Urban Data department at the Data-Forum, a think tank.", "Urban Data department", "Data-Forum"),
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


@pytest.mark.parametrize(
    "text, bought, buyer",
    [
        # an acquisition named as a noun: the buyer's possessive, "its" after the buyer's verb, "by" after the bought
        ("Quillon completed its acquisition of Brightline in 2022.", "Brightline", "Quillon"),
        ("Quillon's acquisition of Northwind Labs closed in May.", "Northwind Labs", "Quillon"),
        ("The takeover of Kestrel Systems by Quillon was approved in 2021.", "Kestrel Systems", "Quillon"),
        ("Brightline has finalized its $2 billion purchase of Tessera Robotics.", "Tessera Robotics", "Brightline"),
    ],
)
def test_acquisition_as_a_noun(extract, text, bought, buyer) -> None:
    got = {(f.subject.canonical, f.object.canonical) for f in extract(text) if f.relation == "part_of"}
    assert (bought, buyer) in got, got


@pytest.mark.parametrize(
    "text",
    [
        # negative twins: an acquisition only planned or rumoured, or of no organisation
        "Quillon's planned acquisition of Brightline was blocked.",
        "Quillon's acquisition of talent is fast.",
        "The rumoured takeover of Kestrel Systems by Quillon never happened.",
    ],
)
def test_no_acquisition_that_did_not_happen(extract, text) -> None:
    assert [f for f in extract(text) if f.relation == "part_of"] == []
