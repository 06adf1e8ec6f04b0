"""leads on speaker bios: constructions that name the led unit in an unusual shape."""

from __future__ import annotations

import pytest


def _led(facts, person):
    return {f.object.canonical for f in facts if f.relation == "leads" and f.subject.canonical == person}


# a lab written as one lower-case word ending in its kind ("the widgetlab")
POSITIVE = [
    ("Oskar Lindqvist is a lecturer at Fernhill University, where he leads the tidelab.", "Oskar Lindqvist", "tidelab"),
    ("Oskar Lindqvist directs the nlpgroup at Fernhill University.", "Oskar Lindqvist", "nlpgroup"),
    ("Oskar Lindqvist is a professor. He heads the gizmolab and teaches widget design.", "Oskar Lindqvist", "gizmolab"),
]

# negative twins: the same words naming no unit, or no unit the person leads
NEGATIVE = [
    ("Oskar Lindqvist is a lecturer at Fernhill University, where he leads the lab.", "Oskar Lindqvist"),
    ("Oskar Lindqvist never directs the nlpgroup at Fernhill University.", "Oskar Lindqvist"),
    ("Oskar Lindqvist is a professor. He heads the collab of widget makers.", "Oskar Lindqvist"),
]


@pytest.mark.parametrize(("sentence", "person", "unit"), POSITIVE)
def test_lower_case_lab(facts_of, sentence, person, unit):
    assert unit in _led(facts_of(sentence), person)


@pytest.mark.parametrize(("sentence", "person"), NEGATIVE)
def test_negative_twin(facts_of, sentence, person):
    assert _led(facts_of(sentence), person) == set()


def _part_of(facts):
    return {(f.subject.canonical, f.object.canonical) for f in facts if f.relation == "part_of"}


# "at ORG, where she leads UNIT": the unit belongs to the place named before "where"
WHERE = [
    ("Oskar Lindqvist is a lecturer at Fernhill University, where he leads the tidelab.", ("tidelab", "Fernhill University")),
    ("Amara Nwosu is a professor at Quillon University, where she leads the Tidal Gizmo Lab.", ("Tidal Gizmo Lab", "Quillon University")),
    ("Amara Nwosu is a Senior Lecturer at Quillon University, where she now directs the gizmolab.", ("gizmolab", "Quillon University")),
]

WHERE_NEGATIVE = [
    "Amara Nwosu moved to Lagos, where she leads the Tidal Gizmo Lab.",
    "Amara Nwosu is a professor at Quillon University. There she met the people of the tidelab.",
    "Amara Nwosu studied at Quillon University, where she never leads the tidelab.",
]


@pytest.mark.parametrize(("sentence", "pair"), WHERE)
def test_unit_led_where(facts_of, sentence, pair):
    assert pair in _part_of(facts_of(sentence))


@pytest.mark.parametrize("sentence", WHERE_NEGATIVE)
def test_unit_led_where_negative(facts_of, sentence):
    assert not {p for p in _part_of(facts_of(sentence)) if p[0] in ("tidelab", "Tidal Gizmo Lab")}


# a lead title written before a name, with the unit before it: "current X Institute director P"
PRENOMINAL = [
    ("The paper was written with current Orbit Institute director Petra Holm.", "Petra Holm", "Orbit Institute"),
    ("Yesterday, Eastfield Data Science Centre director Oskar Lindqvist said the results were strong.", "Oskar Lindqvist", "Eastfield Data Science Centre"),
    ("We thank Quillon Research Center co-director Amara Nwosu for her help.", "Amara Nwosu", "Quillon Research Center"),
]

PRENOMINAL_NEGATIVE = [
    ("The paper was written with current Orbit Institute researcher Petra Holm.", "Petra Holm"),
    ("Widgetco CEO Oskar Lindqvist said the results were strong.", "Oskar Lindqvist"),
    ("We thank Quillon Research Center managing director Amara Nwosu for her help.", "Amara Nwosu"),
]


@pytest.mark.parametrize(("sentence", "person", "unit"), PRENOMINAL)
def test_prenominal_lead_title(facts_of, sentence, person, unit):
    assert unit in _led(facts_of(sentence), person)


@pytest.mark.parametrize(("sentence", "person"), PRENOMINAL_NEGATIVE)
def test_prenominal_negative_twin(facts_of, sentence, person):
    assert _led(facts_of(sentence), person) == set()


@pytest.mark.parametrize(
    "sentence, person, unit",
    [
        # "X, led by P" where X is a named unit written in lower case
        ("The Orca team, led by Li Wei, shipped the model.", "Li Wei", "Orca team"),
        ("Her Graph Mining group, led by Jon Park, won.", "Jon Park", "Graph Mining group"),
        ("The Nimbus project, headed by Mira Olsen, ended in 2021.", "Mira Olsen", "Nimbus project"),
        # co-leading is leading
        ("Li Wei co-directs the Graph Systems Group with Ana Ruiz.", "Li Wei", "Graph Systems Group"),
        ("Jon Park co-leads the Kestrel Vision Lab at Northfield University.", "Jon Park", "Kestrel Vision Lab"),
        ("Mira Olsen co-headed the Brightline Robotics Team from 2015 to 2018.", "Mira Olsen", "Brightline Robotics Team"),
    ],
)
def test_unit_led(facts_of, sentence, person, unit):
    assert unit in _led(facts_of(sentence), person)


# negative twins: no name for the unit, no leader, a discussion led
@pytest.mark.parametrize("sentence", ["The team, led by Li Wei, won.", "The Orca team, led by example, won.", "Jon Park co-led the discussion on graphs."])
def test_no_named_unit_or_no_leader_no_fact(facts_of, sentence):
    assert [f for f in facts_of(sentence) if f.relation == "leads"] == []


# projects listed with the person's role in parentheses after each
ROLE_MARKS = [
    ("Ada Reyes has led multiple government projects such as DARPA Harbor (PI), DARPA Kite (co-PI), and IARPA Lumen (PI).",
     {("DARPA Harbor", "PI"), ("DARPA Kite", "co-PI"), ("IARPA Lumen", "PI")}),
    ("Tom Berg has worked on projects including NSF Tide (PI) and DARPA Kestrel (Co-PI).", {("NSF Tide", "PI"), ("DARPA Kestrel", "Co-PI")}),
    ("Lena Vogt directs ONR Quill (PI) and NSF Wave (co-PI).", {("NSF Wave", "co-PI")}),
]


@pytest.mark.parametrize("sentence, led", ROLE_MARKS)
def test_role_after_each_project(facts_of, sentence, led):
    got = {(f.object.canonical, f.qualifiers.role) for f in facts_of(sentence) if f.relation == "leads"}
    assert led <= got, got


@pytest.mark.parametrize("sentence", ["Ada Reyes visited DARPA Harbor (Virginia) and NSF Tide (Arlington).", "DARPA Harbor (PI: Tom Berg) funds the work of Ada Reyes."])
def test_no_role_after_a_project(facts_of, sentence):
    assert [f for f in facts_of(sentence) if f.relation == "leads" and f.subject.canonical == "Ada Reyes"] == []


# a title over a field or a function runs that function, not the organisation; a named unit is led
@pytest.mark.parametrize(
    ("sentence", "person", "org", "led"),
    [
        ("Ana Ruiz, the former head of AI at Quillon, has joined Brightline as chief scientist.", "Ana Ruiz", "Quillon", set()),
        ("Tomas Reyes is the vice president of engineering at Orbis.", "Tomas Reyes", "Orbis", set()),
        ("Lena Marsh is the Director of Research at Kestrel Robotics.", "Lena Marsh", "Kestrel Robotics", set()),
        ("Ana Ruiz is the director of the Quillon Institute.", "Ana Ruiz", "Quillon Institute", {"Quillon Institute"}),
        # the head of a department of a university leads the department; the university employs
        ("Ana Ruiz is the head of the Department of Physics at Tarn University.", "Ana Ruiz", "Tarn University", {"Department of Physics"}),
        ("Ana Ruiz is a professor and the head of the Department of Physics at Tarn University.", "Ana Ruiz", "Tarn University", {"Department of Physics"}),
        ("Ana Ruiz is the Director of the School of Computing, Tarn University.", "Ana Ruiz", "Tarn University", {"School of Computing"}),
        # a unit "at" its host: the unit is led and employs
        ("Ana Ruiz is the head of the Vision Lab at Quillon.", "Ana Ruiz", "Vision Lab", {"Vision Lab"}),
        ("Ana Ruiz is the director of the Tarn Robotics Institute at Tarn University.", "Ana Ruiz", "Tarn Robotics Institute", {"Tarn Robotics Institute"}),
    ],
)
def test_head_of_a_function_leads_no_organisation(facts_of, sentence, person, org, led):
    facts = facts_of(sentence)
    assert org in {f.object.canonical for f in facts if f.relation == "employed_by" and f.subject.canonical == person}
    assert _led(facts, person) == led
