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
