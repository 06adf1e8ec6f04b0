"""Founders named beside the subject share the founding; other jobs are not shared."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text,who",
    [
        ("Mara Lind was a co-founder of Quillon in 2015, alongside Omar Said, Tomas Berg, and others.", "Omar Said"),
        ("Mara Lind was a co-founder of Quillon in 2015, alongside Omar Said, Tomas Berg, and others.", "Tomas Berg"),
        ("Mara Lind co-founded Quillon together with Omar Said.", "Omar Said"),
        ("Mara Lind is a founding member of Brightwell Labs, along with Tomas Berg.", "Tomas Berg"),
    ],
)
def test_founders_alongside(extract, text, who):
    facts = extract(text)
    objs = [(f.object.canonical or f.object.text) for f in facts if f.relation == "employed_by" and f.subject.canonical == "Mara Lind"]
    assert objs
    assert [(f.object.canonical or f.object.text) for f in facts if f.relation == "employed_by" and f.subject.canonical == who] == objs[:1]


def test_a_job_alongside_someone_is_not_theirs(extract):
    facts = extract("Mara Lind worked at Quillon alongside Omar Said.")
    assert not [f for f in facts if f.subject.canonical == "Omar Said"]
