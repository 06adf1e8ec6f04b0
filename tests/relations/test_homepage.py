"""A whole homepage written for the test: every structured-page relation of it, with its qualifiers."""

from __future__ import annotations

import pytest

from pipeline.extract import Input

PAGE = """Mira Olsen

I am a research scientist working on reliable learning systems.
My research interests include causal inference, robust optimization, and graph neural networks.
Contact: mira.olsen@northwind.edu

## Education

- 2015.09 - 2020.06, Ph.D. in Computer Science, Eastfield University, Springfield
- 2011.09 - 2015.06, B.S. in Mathematics, Lakeside College

## Experience

- 2020.07 - now, Research Scientist, Northwind Labs
- 2019.06 - 2019.09, Research Intern, Bluebird AI

## Honors and Awards

- 2021.05 Best Paper Award, Springfield Data Conference

## News

- 2024.03: We release Tessera-7B, an open model for tabular data!

## Publications

**Causal Graphs for Robust Tabular Learning**

Mira Olsen, Jon Park, Ada Reyes

NeurIPS 2023

**Learning to Optimize Under Distribution Shift**

Jon Park, Mira Olsen\\*, Ada Reyes\\*

ICML 2022
"""


@pytest.fixture(scope="module")
def facts(extractor) -> list[dict]:
    rec = extractor.process(Input(PAGE, "mira", "mira.md", "0" * 64, "markdown"))
    assert rec.status == "ok" and rec.subject == "Mira Olsen"
    return [f.model_dump() for f in rec.facts]


def find(facts: list[dict], relation: str, obj: str) -> dict | None:
    return next((f for f in facts if f["relation"] == relation and f["object"]["canonical"] == obj), None)


@pytest.mark.parametrize(
    ("relation", "obj", "qualifiers"),
    [
        ("educated_at", "Eastfield University", {"degree": "Ph.D.", "field": "Computer Science", "start": "2015-09", "end": "2020-06"}),
        ("educated_at", "Lakeside College", {"degree": "B.S.", "start": "2011-09", "end": "2015-06"}),
        ("employed_by", "Northwind Labs", {"title": "Research Scientist", "start": "2020-07", "end": "present"}),
        ("employed_by", "Bluebird AI", {"title": "Research Intern", "start": "2019-06", "end": "2019-09"}),
        ("award_received", "Best Paper Award", {"date": "2021-05", "org": "Springfield Data Conference"}),
        ("developed", "Tessera-7B", {"date": "2024-03"}),
        ("contact", "mira.olsen@northwind.edu", {"kind": "email"}),
        ("author_of", "Causal Graphs for Robust Tabular Learning", {"role": "first author", "venue": "NeurIPS", "date": "2023"}),
        ("author_of", "Learning to Optimize Under Distribution Shift", {"venue": "ICML", "date": "2022"}),
        ("research_interest", "causal inference", {}),
        ("research_interest", "robust optimization", {}),
        ("research_interest", "graph neural networks", {}),
    ],
)
def test_structured_fact(facts: list[dict], relation: str, obj: str, qualifiers: dict) -> None:
    f = find(facts, relation, obj)
    assert f is not None, f"no {relation} {obj!r} in {[(x['relation'], x['object']['canonical']) for x in facts]}"
    assert f["subject"]["canonical"] == "Mira Olsen"
    for k, v in qualifiers.items():
        assert f["qualifiers"].get(k) == v, (k, f["qualifiers"])
    assert PAGE[f["evidence"]["start"] : f["evidence"]["end"]] == f["evidence"]["text"]


def test_second_author_is_not_first_author(facts: list[dict]) -> None:
    f = find(facts, "author_of", "Learning to Optimize Under Distribution Shift")
    assert f is not None and "role" not in f["qualifiers"]


def test_no_employment_from_locations_or_degrees(facts: list[dict]) -> None:
    employers = {f["object"]["canonical"] for f in facts if f["relation"] == "employed_by"}
    assert "Springfield" not in employers and "Eastfield University" not in employers


# A second page, in HTML: nested lists, a table with the season in its own cell, coordinated interests.
NESTED_PAGE = """<html><head><title>Rosa Imani</title></head><body>
<h1>Rosa Imani</h1>
<p>I am a research scientist at Kestrel Robotics.</p>
<h2>Research Interests</h2>
<ul><li>neural and symbolic reasoning</li><li>question answering and dialogue</li><li>theory and practice</li></ul>
<h2>Education</h2>
<table>
<tr><td>2016</td><td>Fall</td><td>Ph.D. in Robotics, Eastfield University</td></tr>
<tr><td>2012</td><td>Spring</td><td>B.S. in Physics, Lakeside College</td></tr>
</table>
<h2>Experience</h2>
<ul>
<li>Research Intern, Bluebird AI, 2019
  <ul><li>Built a widget simulator</li><li>Mentor: Omar Said, Staff Scientist</li></ul></li>
<li>Kestrel Robotics
  <ul><li>Research Scientist, 2021 - now</li><li>Software Engineer, 2020 - 2021</li></ul></li>
</ul>
</body></html>
"""


@pytest.fixture(scope="module")
def nested_facts(extractor) -> list[dict]:
    rec = extractor.process(Input(NESTED_PAGE, "rosa", "rosa.html", "0" * 64, "html"))
    assert rec.status == "ok" and rec.subject == "Rosa Imani"
    for f in rec.facts:
        assert NESTED_PAGE[f.evidence.start : f.evidence.end] == f.evidence.text
        if f.object.start is not None:
            assert NESTED_PAGE[f.object.start : f.object.end] == f.object.text
    return [f.model_dump() for f in rec.facts]


def test_nested_page_facts(nested_facts: list[dict]) -> None:
    got = {(f["relation"], f["object"]["canonical"], tuple(sorted(f["qualifiers"].items()))) for f in nested_facts if f["relation"] != "part_of"}
    assert got == {
        ("research_interest", "neural reasoning", ()),
        ("research_interest", "symbolic reasoning", ()),
        ("research_interest", "question answering", ()),
        ("research_interest", "dialogue", ()),
        ("research_interest", "theory and practice", ()),
        ("educated_at", "Eastfield University", (("degree", "Ph.D."), ("field", "Robotics"), ("start", "2016-FA"))),
        ("educated_at", "Lakeside College", (("degree", "B.S."), ("field", "Physics"), ("start", "2012-SP"))),
        ("employed_by", "Bluebird AI", (("start", "2019"), ("title", "Research Intern"))),
        # the prose sentence and the nested role are one job
        ("employed_by", "Kestrel Robotics", (("end", "present"), ("start", "2021"), ("title", "research scientist"))),
        ("employed_by", "Kestrel Robotics", (("end", "2021"), ("start", "2020"), ("title", "Software Engineer"))),
    }
