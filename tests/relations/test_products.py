"""developed: a product named in apposition to the thing made, and gerunds of making, with negative twins."""

from __future__ import annotations

import pytest

POSITIVE = [
    ("Quillon, the company behind the Orca-2 chatbot, raised $20 million.", "Quillon", "Orca-2", "prose.developed_behind", {}),
    ("Investors backed Kestrel Systems, the startup behind TinyServe.", "Kestrel Systems", "TinyServe", "prose.developed_behind", {}),
    ("Ada Reyes designed and implemented GraphVault.", "Ada Reyes", "GraphVault", "prose.developed_made", {}),
    ("Tom Berg wrote and maintained FastGraph for a decade.", "Tom Berg", "FastGraph", "prose.developed_made", {}),
    ("Orca-2 was built by a team at Quillon led by Ada Reyes.", "Quillon", "Orca-2", "prose.developed_by", {}),
    ("At Northwind, Ada Reyes built a lightweight speech recognizer, Whisperlite, used by millions.", "Ada Reyes", "Whisperlite", "prose.developed_appositive", {}),
    ("Ada Reyes is a researcher. In 2021 she developed an open-source graph database, GraphVault.", "Ada Reyes", "GraphVault", "prose.developed_appositive", {"date": "2021"}),
    ("Tom Berg created a compiler for tiny robots, RoboCC.", "Tom Berg", "RoboCC", "prose.developed_appositive", {}),
    ("Ada Reyes was responsible for releasing the Orca 2 and Orca 3 models.", "Ada Reyes", "Orca 3", "prose.developed_gerund", {}),
    ("Lena Vogt spent two years at Quillon shipping TinyServe to customers.", "Lena Vogt", "TinyServe", "prose.developed_gerund", {}),
    ("# Ada Reyes\n\nI am a scientist at Quillon. My team was responsible for post-training and releasing the Orca 4 and Orca 3.2 models.\n", "Ada Reyes", "Orca 3.2", "prose.developed_gerund", {}),
]

NEGATIVE = [
    "Ada Reyes met Tom Berg, the engineer behind the scenes of the launch.",
    "Quillon, the company behind the lawsuit, declined to comment.",
    "Ada Reyes designed and built a house.",
    "Orca-2 was built by a team of volunteers.",
    "Tom Berg created a compiler for tiny robots, and later joined Orbit Labs.",
    "Tom Berg did not build a search engine, Findr.",
    "Tom Berg built a letter box for his manager, Ada Reyes.",
    "Ada Reyes built a house in a small town, Springfield.",
    "Ada Reyes is a researcher. All her code is open-sourced on GitHub.",
    "Tom Berg was not responsible for releasing Orca 2.",
    "Tom Berg is interested in developing robust models for Quillon.",
    "Tom Berg said the deal marks a first step in building GitLab's assistant features.",
]


@pytest.mark.parametrize("text, subject, product, rule, quals", POSITIVE)
def test_developed(extract, text, subject, product, rule, quals) -> None:
    facts = extract(text, "markdown" if text.startswith("#") else "text")
    got = [(f.subject.canonical, f.object.canonical, f.rule, f.qualifiers.model_dump(exclude_none=True)) for f in facts if f.relation == "developed"]
    assert (subject, product, rule, quals) in got, got


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_developed(extract, text) -> None:
    assert [f.object.canonical for f in extract(text) if f.relation == "developed"] == []
