"""leads on speaker bios: constructions that name the led unit in an unusual shape."""

from __future__ import annotations

import pytest


def _led(facts, person):
    return {f.object.canonical for f in facts if f.relation == "leads" and f.subject.canonical == person}


# a lab written as one lower-case word ending in its kind ("the ielab")
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
