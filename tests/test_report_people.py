"""The report's people pages: an index, a page per person, references linking to evidence anchors."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.profiles import build_profiles
from pipeline.report import build_report
from tests.test_profiles import doc, fact, person, write_out


def test_people_pages_link_references_to_document_evidence(tmp_path: Path) -> None:
    out = write_out(
        tmp_path,
        [
            doc("a", [person("Jane Roe", 0)], [fact("a", "Jane Roe", "employed_by", "Acme <Labs>", at=10)]),
            doc("b", [person("Jane Roe", 0)], [fact("b", "Jane Roe", "employed_by", "Acme <Labs>", at=3)]),
        ],
    )
    build_profiles(out)
    rep = build_report(out)
    assert 'href="people.html"' in rep.index.read_text(encoding="utf-8")
    people = (rep.directory / "people.html").read_text(encoding="utf-8")
    (page,) = re.findall(r'href="(person-[^"]+\.html)"', people)
    html = (rep.directory / page).read_text(encoding="utf-8")
    assert "Acme &lt;Labs&gt;" in html and "<Labs>" not in html
    links = re.findall(r'href="(doc-[^"#]+\.html)#(ev-\d+)"', html)
    assert {p for p, _ in links} == {"doc-a.html", "doc-b.html"}
    for doc_page, anchor in links:
        assert f'id="{anchor}"' in (rep.directory / doc_page).read_text(encoding="utf-8")


def test_no_people_file_no_people_pages(tmp_path: Path) -> None:
    out = write_out(tmp_path, [doc("a", [person("Jane Roe", 0)])])
    rep = build_report(out)
    assert not (rep.directory / "people.html").exists()
    assert "people.html" not in rep.index.read_text(encoding="utf-8")
