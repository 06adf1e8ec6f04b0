"""The owner of a publication list, found in its author lines whatever the order of the name's forms."""

from __future__ import annotations

import itertools

import pytest

from pipeline.relations.authorship import name_variants, owner_in


@pytest.mark.parametrize(
    "owner, authors, found",
    [
        ("Lin Tao", "Lin Tao, Tao Lin and Jon Park", "Lin Tao"),  # the owner first, a co-author with the owner's names reversed
        ("Yang Liu", "Yang Liu, Yang Yang, Wei Fang", "Yang Liu"),
        ("Ana Ruiz", "Jon Park, Ruiz, Ana and Li Wei", "Ruiz, Ana"),  # surname first, second in the list
        ("Ana Ruiz", "Jon Park and Li Wei", None),
    ],
)
def test_owner_is_the_earliest_form_in_any_order_of_forms(owner: str, authors: str, found: str | None) -> None:
    for order in itertools.permutations(name_variants(owner)):
        m = owner_in(authors, list(order))
        assert (m.group() if m else None) == found
