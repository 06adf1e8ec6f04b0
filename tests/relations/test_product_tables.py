"""developed from a table of products: a product column and a maker column, one fact per row."""

from __future__ import annotations

import pytest

_MODELS = (
    "# Language models\n\n| Model | Developer | Release date |\n|---|---|---|\n| Orca-3 | Quillon | March 2024 |\n"
    "| [Nimbus-7B](https://example.org) | Northwind Labs | 2023 |\n| GraphChat | Quillon, Brightline | 2022 |\n"
)
_SYSTEMS = "# Systems we track\n\n| System | Organization | Released | Parameters |\n|---|---|---|---|\n| Tessera | Kestrel Systems | 2021 | 7B |\n| Falcon-40B | — | 2023 | 40B |\n"
_LIBRARIES = "# Open-source libraries\n\n| Library | Created by | Year |\n|---|---|---|\n| GraphVault | Ana Ruiz | 2015 |\n| TinyServe | Jon Park and Li Wei | 2019 |\n"
_HTML = (
    "<html><body><h1>Chatbots</h1><table><tr><th>Chatbot</th><th>Company</th><th>Launched</th></tr>"
    "<tr><td>Orca-3</td><td>Quillon</td><td>May 2023</td></tr></table></body></html>"
)


@pytest.mark.parametrize(
    "page, fmt, expected",
    [
        (_MODELS, "markdown", {("Quillon", "Orca-3", "2024-03"), ("Northwind Labs", "Nimbus-7B", "2023"), ("Quillon", "GraphChat", "2022"), ("Brightline", "GraphChat", "2022")}),
        (_SYSTEMS, "markdown", {("Kestrel Systems", "Tessera", "2021")}),  # a dash is no maker
        (_LIBRARIES, "markdown", {("Ana Ruiz", "GraphVault", "2015"), ("Jon Park", "TinyServe", "2019"), ("Li Wei", "TinyServe", "2019")}),
        (_HTML, "html", {("Quillon", "Orca-3", "2023-05")}),
        # a lab's software and who maintains it
        ("# Lab software\n\n| Software | Maintainers | Released |\n|---|---|---|\n| GraphVault | Ana Ruiz, Jon Park | 2019 |\n| TinyServe | Li Wei | 2021 |\n", "markdown",
         {("Ana Ruiz", "GraphVault", "2019"), ("Jon Park", "GraphVault", "2019"), ("Li Wei", "TinyServe", "2021")}),
    ],
)
def test_each_row_of_a_product_table_is_a_fact(facts_of, page, fmt, expected):
    facts = [f for f in facts_of(page, fmt) if f.relation == "developed"]
    assert {(f.subject.canonical, f.object.canonical, f.qualifiers.date) for f in facts} == expected
    assert all(f.rule == "prose.developed_table" for f in facts)


@pytest.mark.parametrize(
    "page",
    [
        # negative twins: a table of people, a table without a maker column, a maker column without products
        "# Speakers\n\n| Name | Organization |\n|---|---|\n| Ana Ruiz | Quillon |\n| Jon Park | Northwind Labs |\n",
        "# Results\n\n| Model | Accuracy | F1 |\n|---|---|---|\n| Orca-3 | 91.2 | 88.0 |\n",
        "# Sponsors\n\n| Company | Country |\n|---|---|\n| Quillon | Norway |\n",
        "# Reading list\n\n| Paper | Authors |\n|---|---|\n| Fast Graph Sampling | Jon Park, Li Wei |\n",  # papers are no products
    ],
)
def test_no_product_and_maker_columns_no_fact(facts_of, page):
    assert [f for f in facts_of(page, "markdown") if f.relation == "developed"] == []
