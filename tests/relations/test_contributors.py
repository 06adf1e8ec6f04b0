"""developed from a product's list of contributors: the heading, the page's title and the entries."""

from __future__ import annotations

import pytest

CASES = [
    # a role heading over a bullet list, on a page whose title names the product before a colon
    ("# Orca-2: Small Language Models That Reason\n\nOrca-2 is a family of small models.\n\n## Core contributors\n\n- Ana Ruiz\n- Jon Park\n- Li Wei\n\n"
     "## Acknowledgements\n\nWe thank Tom Berg for his help.\n",
     "Orca-2", {"Ana Ruiz", "Jon Park", "Li Wei"}),
    # "Introducing X", entries with an affiliation after the name
    ("# Introducing GraphVault\n\nGraphVault stores graphs.\n\n## Maintainers\n\n* Maria Okafor (Quillon Labs)\n* David Chen, Brightline\n",
     "GraphVault", {"Maria Okafor", "David Chen"}),
    # the heading names the product; the names share a line
    ("# Release notes\n\n## Contributors to TinyServe 3\n\nSara Lind, Oskar Lindqvist and Sarah Miller\n\n## Thanks\n\nWe thank Jon Park.\n",
     "TinyServe 3", {"Sara Lind", "Oskar Lindqvist", "Sarah Miller"}),
    # a labelled line under a report's title; a name inside a sentence is no entry
    ("# The Nimbus-7B technical report\n\nCore contributors: Ana Ruiz, Jon Park, Li Wei\n\nOther text mentions Tom Berg in a sentence.\n",
     "Nimbus-7B", {"Ana Ruiz", "Jon Park", "Li Wei"}),
]

# negative twins: the same lists where no product is named, or under thanks, or in a sentence
NEGATIVE = [
    "# Workshop on Robust Learning\n\n## Contributors\n\n- Ana Ruiz\n- Jon Park\n",
    "# Quillon Labs\n\n## Team\n\n- Ana Ruiz\n- Jon Park\n",
    "# Orca-2: Small Language Models That Reason\n\n## Acknowledgements\n\n- Ana Ruiz\n- Jon Park\n",
    "# Orca-2: Small Language Models That Reason\n\n## Contributors\n\nOur contributors include many people; we especially thank Ana Ruiz for her advice.\n",
]


def _made(facts, product):
    return {f.subject.canonical for f in facts if f.relation == "developed" and f.object.canonical == product}


@pytest.mark.parametrize(("page", "product", "people"), CASES)
def test_listed_contributors_developed_the_product(facts_of, page, product, people):
    facts = facts_of(page, "markdown")
    assert _made(facts, product) == people
    for f in facts:
        if f.rule == "prose.developed_contributors":
            assert page[f.subject.start : f.subject.end] == f.subject.text  # evidence on the very characters


@pytest.mark.parametrize("page", NEGATIVE)
def test_no_product_no_list_no_fact(facts_of, page):
    assert [f for f in facts_of(page, "markdown") if f.relation == "developed"] == []


def test_a_title_case_word_is_no_product(facts_of):
    page = "# Graph Model Tutorials\n\n## Contributors\n\n- Ana Ruiz\n- Jon Park\n"
    assert [f for f in facts_of(page, "markdown") if f.relation == "developed"] == []


@pytest.mark.parametrize(
    "page, product, makers",
    [
        ("# Orca-3 model card\n\n- **Developed by:** Quillon\n- **Model type:** language model\n", "Orca-3", {"Quillon"}),
        ("# Nimbus-7B: a small model for phones\n\nModel developers: Northwind Labs, Brightline\n\nNimbus-7B runs on phones.\n", "Nimbus-7B", {"Northwind Labs", "Brightline"}),
        ("# Introducing GraphVault\n\nMaintained by: Ana Ruiz and Jon Park\n", "GraphVault", {"Ana Ruiz", "Jon Park"}),
    ],
)
def test_a_model_card_names_its_makers(facts_of, page, product, makers):
    assert _made(facts_of(page, "markdown"), product) == makers


@pytest.mark.parametrize(
    "page",
    [
        "# Springfield Bakery\n\nDeveloped by: Quillon\n",  # the page names no product
        "# Orca-3 model card\n\nFunded by: Quillon\n",  # funding is not making
    ],
)
def test_a_maker_label_needs_a_product_page_and_a_verb_of_making(facts_of, page):
    assert [f for f in facts_of(page, "markdown") if f.relation == "developed"] == []
