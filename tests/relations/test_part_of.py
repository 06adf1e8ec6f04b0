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
        # the bought described before its name; a relative clause between the organisation and its verb
        ("In 2021, Brightline acquired the startup Kestrel for $40 million.", "Kestrel", "Brightline"),
        ("Brightline acquired robotics startup Kestrel in 2021.", "Kestrel", "Brightline"),
        ("Quillon bought rival Orbis last year.", "Orbis", "Quillon"),
        ("Kestrel, which was founded in 2018, is now part of Brightline Robotics.", "Kestrel", "Brightline Robotics"),
        ("Tern, which makes delivery robots, was acquired by Quillon in 2020.", "Tern", "Quillon"),
        # "the company": the one organisation its paragraph names before it
        ("Ingrid Halvorsen co-founded Kestrel Robotics. The company was acquired by Orbis in 2021.", "Kestrel Robotics", "Orbis"),
        ("Tom Berg started Tidewell in 2015. In 2019 the startup was bought by Quillon.", "Tidewell", "Quillon"),
        ("Ana Ruiz joined Brightline in 2012. The company acquired Kestrel Robotics in 2020.", "Kestrel Robotics", "Brightline"),
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
        "Brightline acquired the startup's patents in 2021.",
        "Quillon bought a stake in Orbis.",
        # "the company" with no antecedent, or two
        "The company was acquired by Orbis in 2021.",
        "Ana Ruiz left Brightline for Tern in 2012. The company was acquired by Quillon in 2020.",
        "In 2016 Ingrid Halvorsen co-founded Kestrel Robotics with Piet de Vries; the company was acquired by Orbis in 2021.",
        "The new model, which Quillon trained in 2023, is now part of the Orbis suite.",
    ],
)
def test_no_acquisition_that_did_not_happen(extract, text) -> None:
    assert [f for f in extract(text) if f.relation == "part_of"] == []


# a unit of a school of a university: every link of the chain, and the unit to the top
CHAINS = [
    ("Ana Ruiz is a professor in the Physics Department of the Hale School of Science at the University of Tarn.",
     {("Physics Department", "Hale School of Science"), ("Hale School of Science", "University of Tarn"), ("Physics Department", "University of Tarn")}),
    ("Tom Berg teaches in the Film Department of the Moss College of Arts at Northfield University.",
     {("Film Department", "Moss College of Arts"), ("Moss College of Arts", "Northfield University"), ("Film Department", "Northfield University")}),
    ("Lena Vogt works in the Robotics Lab of the Keller School of Engineering at the University of Brandt.",
     {("Robotics Lab", "Keller School of Engineering"), ("Keller School of Engineering", "University of Brandt"), ("Robotics Lab", "University of Brandt")}),
]


@pytest.mark.parametrize("text, links", CHAINS)
def test_chain_of_units(extract, text, links) -> None:
    got = {(f.subject.canonical, f.object.canonical) for f in extract(text) if f.relation == "part_of"}
    assert links <= got, got


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz spoke in the Physics Department of the Hale School of Science at the Tarn Festival.",  # no university or company on top
        "Ana Ruiz is a professor in the Physics Department of the Hale School of Science.",
    ],
)
def test_no_chain_without_a_top(extract, text) -> None:
    got = {(f.subject.canonical, f.object.canonical) for f in extract(text) if f.relation == "part_of"}
    assert not any(o in ("Tarn Festival", "Tarn") for _, o in got), got
    assert ("Hale School of Science", "Tarn Festival") not in got


# "Y's X": a possessive unit goes by its own name after an owner of several words, else with its owner's
POSSESSIVES = [
    ("Lena Vogt is an assistant professor at the University of Southern Tarn's Media Research Institute.", "Media Research Institute", "University of Southern Tarn"),
    ("Tom Berg joined the Brandt Institute of Technology's Robotics Center in 2019.", "Robotics Center", "Brandt Institute of Technology"),
    ("Mira Olsen works at Northfield University's Data Science Institute.", "Data Science Institute", "Northfield University"),
    ("Mira Olsen joined Quillon's AI Labs in 2019.", "Quillon AI Labs", "Quillon"),
]


@pytest.mark.parametrize("text, unit, owner", POSSESSIVES)
def test_possessive_unit(extract, text, unit, owner) -> None:
    got = [(f.subject.canonical, f.object.canonical, f.rule) for f in extract(text) if f.relation == "part_of"]
    assert (unit, owner, "prose.part_of_possessive") in got, got


@pytest.mark.parametrize("text", ["Mira Olsen works at Northfield University's campus.", "Tom Berg spoke about Ada Reyes. Mira Olsen later visited Reyes's Research Group in 2019.", "Mira Olsen won Quillon's Research Award."])
def test_no_possessive_unit(extract, text) -> None:
    assert [f for f in extract(text) if f.relation == "part_of" and f.rule == "prose.part_of_possessive"] == []


@pytest.mark.parametrize(
    "text, unit, owner",
    [
        ("Ada Reyes is Co-Director of Northfield's Human-Centered AI Institute.", "Northfield Human-Centered AI Institute", "Northfield"),
        ("Tom Berg, Head of Quillon's AI Lab, spoke.", "Quillon AI Lab", "Quillon"),
    ],
)
def test_possessor_starts_after_a_title(extract, text, unit, owner) -> None:
    got = [(f.subject.canonical, f.object.canonical) for f in extract(text) if f.relation == "part_of" and f.rule == "prose.part_of_possessive"]
    assert got == [(unit, owner)], got


@pytest.mark.parametrize(
    "name, canonical",
    [
        ("Stanford's Human-Centered AI Institute", "Stanford Human-Centered AI Institute"),
        ("the University of Southern Tarn's Media Research Institute", "Media Research Institute"),
        ("Quillon's AI Labs", "Quillon AI Labs"),
        ("Northwind's Research", "Northwind Research"),
        ("Singapore's Cass Business School", "Cass Business School"),  # a place (of the location words) owns nothing
        # the possessive is part of the name
        ("Queen's University", "Queen's University"),
        ("St. Jude Children's Research Hospital", "St. Jude Children's Research Hospital"),
        ("McDonald's", "McDonald's"),
    ],
)
def test_possessed_unit_name(name, canonical) -> None:
    from pipeline.relations.names import possessed_unit

    assert possessed_unit(name.removeprefix("the ")) == canonical


@pytest.mark.parametrize(
    "text, employer",
    [
        ("Ana Ruiz is a professor in the Physics Department of the Hale School of Science at the University of Tarn.", "University of Tarn"),
        ("Mira Olsen is a lecturer in the Department of Chemistry of the Brandt College of Arts and Sciences at Northfield University.", "Northfield University"),
        ("Lena Vogt is an assistant professor at the University of Southern Tarn's Media Research Institute.", "Media Research Institute"),
        ("Mira Olsen joined Quillon's AI Labs in 2019.", "Quillon AI Labs"),
    ],
)
def test_employer_of_a_unit(extract, text, employer) -> None:
    got = [f.object.canonical for f in extract(text) if f.relation == "employed_by"]
    assert got == [employer], got


@pytest.mark.parametrize(
    "text, members",
    [
        # a colon inside a line does not end the sentence: the list after it is read with its verb
        ("Northwind Inc will consist of the following entities: Orbit, Ledger, Quillon (Search, Maps, Ads), Quillon Ventures.",
         {"Orbit", "Ledger", "Quillon", "Quillon Ventures"}),
        ("Brightline Holdings comprises three companies: Kestrel Systems, Orbit Labs and Ledger Inc.", {"Kestrel Systems", "Orbit Labs", "Ledger Inc."}),
    ],
)
def test_holdings_after_a_colon(extract, text, members) -> None:
    got = {f.subject.canonical for f in extract(text) if f.relation == "part_of"}
    assert members <= got, got


def test_no_holdings_from_a_colon_without_a_verb(extract) -> None:
    text = "Northwind Inc said on Monday: Orbit, Ledger and Quillon will compete."
    assert [f for f in extract(text) if f.relation == "part_of"] == []


# a unit "in / of / at" its host: a student's school is the university, the unit part of it
UNIT_WITHIN = [
    ("Ada Reyes is a PhD candidate at the Robotics Institute in the School of Computing of Eastfield University.",
     ("educated_at", "Eastfield University"), ("Robotics Institute", "Eastfield University")),
    ("Ada Reyes is a PhD student at the Vision Institute of Northfield University.",
     ("educated_at", "Northfield University"), ("Vision Institute", "Northfield University")),
    ("Jon Park is a lecturer at the School of Informatics of Lakeside University.",
     ("employed_by", "Lakeside University"), ("School of Informatics", "Lakeside University")),
    ("Mira Olsen is a professor in the Department of Physics of the University of Tarn.",
     ("employed_by", "University of Tarn"), ("Department of Physics", "University of Tarn")),
    # a unit named in lower case ("the Physics department"), a unit's acronym before its host
    ("Ada Reyes received her M.S. and Ph.D. degrees from the Physics department at Eastfield University in 2007 and 2009 respectively.",
     ("educated_at", "Eastfield University"), ("Physics department", "Eastfield University")),
    ("Jon Park received his Ph.D. from the Robotics and Vision Laboratory (RVL) at the Lakeside Institute of Technology (LIT) in 2013.",
     ("educated_at", "Lakeside Institute of Technology"), ("Robotics and Vision Laboratory", "Lakeside Institute of Technology")),
]


def test_a_year_after_the_host_s_acronym_dates_the_degree(extract) -> None:
    text = "Jon Park received his Ph.D. from the Robotics and Vision Laboratory (RVL) at the Lakeside Institute of Technology (LIT) in 2013."
    assert [f.qualifiers.end for f in extract(text) if f.relation == "educated_at"] == ["2013"]


@pytest.mark.parametrize("text, fact, link", UNIT_WITHIN)
def test_unit_within_its_host(extract, text, fact, link) -> None:
    facts = extract(text)
    assert fact in {(f.relation, f.object.canonical) for f in facts if f.relation in ("educated_at", "employed_by")}
    assert link in {(f.subject.canonical, f.object.canonical) for f in facts if f.relation == "part_of"}


@pytest.mark.parametrize(
    "text, org",
    [
        # negative twins: a city after "in" or "at", an institute "of" a field, two roles joined by "and"
        ("Jon Park studied at Edo College in Benin City.", "Edo College"),
        ("Ada Reyes is a PhD student at the Massachusetts Institute of Technology.", "Massachusetts Institute of Technology"),
    ],
)
def test_no_host_that_is_a_place_or_part_of_the_name(extract, text, org) -> None:
    facts = extract(text)
    assert org in {f.object.canonical for f in facts if f.relation in ("educated_at", "employed_by")}
    assert not [f for f in facts if f.relation == "part_of"]


def test_a_city_after_at_is_no_host(extract) -> None:
    text = "Ada Reyes is a researcher. From 2009 to 2012, she was a research assistant professor at Kestrel Technological Institute at Chicago (KTIC)."
    assert not [f for f in extract(text) if f.relation == "part_of"]


def test_two_roles_joined_by_and_are_no_unit(extract) -> None:
    text = "He is also an adjunct professor at Quillon’s Robotics Institute and courtesy faculty at Lakeside University."
    assert not [f for f in extract(text) if f.relation == "part_of" and f.subject.canonical.endswith("faculty")]


@pytest.mark.parametrize(
    "text, bought, buyer",
    [
        # the bought organisation, a description of it, then the relative clause that says who bought it
        ("Before that she founded Kestrel, a startup which was recently acquired by Quillon.", "Kestrel", "Quillon"),
        ("Jon Park founded Orbis, a robotics company that was later bought by Brightline in 2019.", "Orbis", "Brightline"),
        ("Mira Olsen led Tidewell, a small firm which was eventually acquired by Northwind Labs.", "Tidewell", "Northwind Labs"),
    ],
)
def test_described_organisation_acquired(extract, text, bought, buyer) -> None:
    assert (bought, buyer) in {(f.subject.canonical, f.object.canonical) for f in extract(text) if f.relation == "part_of"}


@pytest.mark.parametrize(
    "text",
    [
        "Jon Park founded Orbis, a robotics company that was praised by Brightline in 2019.",
        "Jon Park joined Orbis, a team which was not acquired by Brightline.",
        "Quillon hired Mira Olsen, a researcher who was later honoured by Brightline.",
    ],
)
def test_no_acquisition_of_a_described_organisation_without_one(extract, text) -> None:
    assert not [f for f in extract(text) if f.relation == "part_of"]
