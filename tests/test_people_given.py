"""A homepage that names its owner by a given name alone, where the layout marks the owner."""

from __future__ import annotations

import pytest

from pipeline.extract import Extractor, Input


@pytest.fixture(scope="module")
def run():
    ex = Extractor()

    def process(text: str, fmt: str = "markdown"):
        return ex.process(Input(text, "t", "t." + {"markdown": "md", "html": "html", "text": "txt"}[fmt], "0" * 64, fmt))

    return process


BODY = "I'm an Associate Professor at Eastfield University. I received my Ph.D. from Lakeside College in 2015.\n"


@pytest.mark.parametrize(
    "fmt,text,subject",
    [
        ("markdown", '---\ntitle: "Welcome to Ana\'s Homepage!"\n---\n\n' + BODY, "Ana"),
        ("html", "<html><head><title>Tomas's personal website</title></head><body><p>" + BODY + "</p></body></html>", "Tomas"),
        ("markdown", "# Ines's Home Page\n\n" + BODY, "Ines"),
        ("text", "Hi, I'm Ana!\n\n" + BODY, "Ana"),
        ("text", "Hello there, my name is Jingwei, and I study graphs.\n\n" + BODY, "Jingwei"),
        # the page also gives the full name: the given name opens it
        ("markdown", "# Ana's Homepage\n\nAna Roe is an Associate Professor at Eastfield University.\n", "Ana Roe"),
        # negative twins: a lab's page, a word the text uses in lower case, an adjective after "I'm"
        ("markdown", "# The Lab's Homepage\n\nWe study graphs at Eastfield University.\n", None),
        ("markdown", "# Research's Page\n\nI do research on graphs at Eastfield University.\n", None),
        ("text", "Hi, I'm Excited to share our new paper.\n\nI work on graphs at Eastfield University.\n", None),
    ],
)
def test_given_name_owner(run, fmt, text, subject):
    rec = run(text, fmt)
    assert rec.status == "ok"
    assert rec.subject == subject


def test_given_name_owner_gets_the_page_facts(run):
    rec = run('---\ntitle: "Welcome to Ana\'s Homepage!"\n---\n\n' + BODY)
    got = {(f.relation, f.subject.canonical, f.object.canonical or f.object.text) for f in rec.facts}
    assert ("employed_by", "Ana", "Eastfield University") in got
    assert ("educated_at", "Ana", "Lakeside College") in got
