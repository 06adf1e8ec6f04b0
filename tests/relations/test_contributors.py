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
    # a line that introduces the list under it as the product's makers; the text calls the name a product
    ("# Helix\n\nHelix is an open-source library for graph queries. Helix is developed and maintained by:\n\n"
     "- Ana Ruiz (Quillon Labs)\n- Jon Park (Northfield University)\n\nOther text mentions Tom Berg here.\n",
     "Helix", {"Ana Ruiz", "Jon Park"}),
    ("# About\n\nThe main developers of the Helix library are:\n\n* Mira Olsen\n* Li Wei\n", "Helix", {"Mira Olsen", "Li Wei"}),
    ("# Notes\n\n**Contributors to Tessera-7B include:**\n\n1. Sara Lind, Northwind Labs\n2. Oskar Lindqvist, Brightline\n",
     "Tessera-7B", {"Sara Lind", "Oskar Lindqvist"}),
    ("# Notes\n\nTessera-7B's core maintainers include:\n\n- Sara Lind\n- Oskar Lindqvist\n", "Tessera-7B", {"Sara Lind", "Oskar Lindqvist"}),
    ("# Zephyr Toolkit Contributors\n\nThe following people have contributed to the Zephyr toolkit:\n\n"
     "- Alice Moreno, Sandia National Laboratories\n- Bob Chen, Kitware Inc.\n", "Zephyr", {"Alice Moreno", "Bob Chen"}),
    # "Authors" over a list, when the heading names the product and the text calls it one
    ("# Authors of Quartz\n\nQuartz is an open-source solver for sparse systems.\n\n* Dan Evans (Argonne National Laboratory)\n* Erin Fox\n",
     "Quartz", {"Dan Evans", "Erin Fox"}),
    # the recognizer reads the whole heading as one organisation: the product is still the name in it
    ("# QRX Authors\n\n- Lena Ortiz, Quillon Labs\n- Tomas Berg, Northwind National Laboratory\n", "QRX", {"Lena Ortiz", "Tomas Berg"}),
    ("# HALO Developers\n\n* Priya Natarajan (Brightline)\n* Omar Haddad (Quillon)\n", "HALO", {"Priya Natarajan", "Omar Haddad"}),
    ("# Contributors to Helix-3\n\n- Mira Olsen\n- Sara Lind\n", "Helix-3", {"Mira Olsen", "Sara Lind"}),
    # the list under an introducing line may stand after a blank line: a table of people, a paragraph of names
    ("# Contributors\n\nThe following people have contributed code to the Quartz solver:\n\n| Name | Institution |\n|---|---|\n"
     "| Lena Ortiz | Quillon Labs |\n| Tomas Berg | Northwind National Laboratory |\n", "Quartz", {"Lena Ortiz", "Tomas Berg"}),
    ("# Zephyr\n\nZephyr is an open-source toolkit for meshes. Zephyr is developed by:\n\n| Member | Affiliation |\n|---|---|\n"
     "| Lena Ortiz | Quillon Labs |\n| Ana Ruiz (Northwind) | Northwind |\n", "Zephyr", {"Lena Ortiz", "Ana Ruiz"}),
    ("# About\n\nThe authors of the Helix library are:\n\nMira Olsen, Jon Park and Li Wei.\n\nOther text names Tom Berg here.\n",
     "Helix", {"Mira Olsen", "Jon Park", "Li Wei"}),
    # a page titled with a bare name that its text calls a product: its "Authors" and "Core developers" made it
    ("# Widgetron\n\nWidgetron is a toolkit for scientific visualization on many-core processors.\n\n## Authors\n\n"
     "- Lena Ortiz (Quillon Labs)\n- Tomas Brandt (Harlow Corp.)\n", "Widgetron", {"Lena Ortiz", "Tomas Brandt"}),
    ("# Widgetron\n\nThe Widgetron toolkit renders meshes.\n\n## Core developers\n\nLena Ortiz, Tomas Brandt\n", "Widgetron", {"Lena Ortiz", "Tomas Brandt"}),
]

# negative twins: the same lists where no product is named, or under thanks, or in a sentence
NEGATIVE = [
    "# Workshop on Robust Learning\n\n## Contributors\n\n- Ana Ruiz\n- Jon Park\n",
    "# Quillon Labs\n\n## Team\n\n- Ana Ruiz\n- Jon Park\n",
    "# Orca-2: Small Language Models That Reason\n\n## Acknowledgements\n\n- Ana Ruiz\n- Jon Park\n",
    "# Orca-2: Small Language Models That Reason\n\n## Contributors\n\nOur contributors include many people; we especially thank Ana Ruiz for her advice.\n",
    # lines ending in a colon that name no maker of a named product
    "# Workshop\n\nThe following people will speak at the Helix workshop:\n\n- Ana Ruiz\n- Jon Park\n",
    "# Meeting\n\nThe following people contributed to the discussion:\n\n- Ana Ruiz\n- Jon Park\n",
    "# Report\n\nThe authors of this report are:\n\n- Ana Ruiz\n- Jon Park\n",
    "# Helix\n\nHelix is an open-source library. Helix is funded by:\n\n- Ana Ruiz\n- Jon Park\n",
    # "Authors" alone is a paper's, not a product's
    "# Orca-2: Small Language Models That Reason\n\n## Authors\n\n- Ana Ruiz\n- Jon Park\n",
    # a heading over a list whose name is an organisation elsewhere in the text; a table of people under no makers' line
    "# Springfield Authors\n\n- Lena Ortiz\n- Tomas Berg\n",
    # a bare title the text calls no product, and a paper's title over its authors
    "# Widgetron\n\nWidgetron is a small village in the hills.\n\n## Authors\n\n- Lena Ortiz (Quillon Labs)\n",
    "# Sparse Widget Trees for Gizmo Search\n\nWe propose a new method.\n\n## Authors\n\n- Lena Ortiz (Quillon Labs)\n",
    "# Lab members\n\nThe following people work in our lab:\n\n| Name | Role |\n|---|---|\n| Lena Ortiz | Postdoc |\n| Tomas Berg | PhD student |\n",
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
