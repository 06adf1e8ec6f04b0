"""Person mentions shared by the prose rules: a name never runs across a line break."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text,relation,obj",
    [
        ("# Mara Lind\n\nMara Lind (born October 23, 1986) is an AI researcher.\n", "date_of_birth", "1986-10-23"),
        ("# Tomas Ferreira\n\nTomas Ferreira was born in 1979 in Porto.\n", "date_of_birth", "1979"),
        ("## Ines Corvo\n\nInes Corvo (born 12 May 1990) studies graphs.\n", "date_of_birth", "1990-05-12"),
    ],
)
def test_a_name_heading_over_a_sentence_opening_with_the_name(extract, text, relation, obj):
    facts = extract(text, "markdown")
    assert (relation, obj) in [(f.relation, f.object.canonical) for f in facts]


def test_no_birth_date_without_a_person(extract):
    facts = extract("# Lakeside Lab\n\nThe lab (founded October 23, 1986) studies graphs.\n", "markdown")
    assert not [f for f in facts if f.relation == "date_of_birth"]


@pytest.mark.parametrize(
    "text,person,obj",
    [
        # a possessor outside the subject ("Berg's spinoff", "Berg's team" as an object) is no antecedent of "she" / "he"
        ("Ana Ruiz is a scientist. Ruiz joined Quillon through its purchase of Widgetly, Tom Berg's spinoff. She founded Kestrel in 2015.",
         "Ana Ruiz", "Kestrel"),
        ("Li Wei is an engineer. Wei worked with Tom Berg's team on search. He later founded Northwind.", "Li Wei", "Northwind"),
        ("Mira Olsen is a scientist. Olsen wrote a book about Jon Park's career. She founded Brightline in 2019.", "Mira Olsen", "Brightline"),
        # the possessor of the subject still is one
        ("Tom Berg is an engineer. Tom Berg's company grew fast. He founded Northwind in 2012.", "Tom Berg", "Northwind"),
    ],
)
def test_a_pronoun_refers_to_a_subject_not_to_a_possessor_elsewhere(extract, text, person, obj):
    facts = extract(text, "text")
    assert person in {f.subject.canonical for f in facts if f.relation == "employed_by" and f.object.canonical == obj}
