"""A page owner named by a given name alone, and objects that are one thing written two ways across documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.profiles.merge import _same
from pipeline.profiles.objects import is_acronym

from .test_profiles import doc, fact, holding, people_of, person, write_out


def _given_page(doc_id: str, given: str, facts: list) -> dict:
    """A homepage whose owner is only "Ana": the extractor writes her as the subject, facts included."""
    return doc(doc_id, [], facts, subject=given, people=[{"canonical": given, "aliases": [], "mentions": [{"start": 3, "end": 3 + len(given), "text": given}]}])


def test_given_name_page_joins_the_full_name_through_a_shared_email(tmp_path: Path) -> None:
    out = write_out(
        tmp_path,
        [
            _given_page("home", "Ana", [fact("home", "Ana", "contact", "ana@quillon.edu", "EMAIL", kind="email"), fact("home", "Ana", "award_received", "Lakeside Medal", "AWARD")]),
            doc("talk", [person("Ana Roe", 0)], [fact("talk", "Ana Roe", "contact", "ana@quillon.edu", "EMAIL", kind="email")]),
        ],
    )
    people = people_of(out)
    ana = holding(people, "talk", "Ana Roe")
    assert ana.documents == ["home", "talk"]
    assert ana.name == "Ana Roe" and "Ana" in ana.aliases
    assert [s.object.text for s in ana.statements if s.relation == "award_received"] == ["Lakeside Medal"]


def test_given_name_page_joins_through_two_organisations_written_as_acronyms(tmp_path: Path) -> None:
    out = write_out(
        tmp_path,
        [
            _given_page("home", "Ana", [fact("home", "Ana", "employed_by", "UCSD"), fact("home", "Ana", "educated_at", "SJTU", at=20)]),
            doc("talk", [person("Ana Roe", 0)], [fact("talk", "Ana Roe", "employed_by", "University of California, San Diego"), fact("talk", "Ana Roe", "educated_at", "Shanghai Jiao Tong University", at=40)]),
        ],
    )
    ana = holding(people_of(out), "talk", "Ana Roe")
    assert ana.documents == ["home", "talk"]
    jobs = [s for s in ana.statements if s.relation == "employed_by"]
    assert [(s.object.text, sorted(r.doc_id for r in s.references)) for s in jobs] == [("University of California, San Diego", ["home", "talk"])]


def test_given_name_page_joins_through_one_degree_of_the_same_year(tmp_path: Path) -> None:
    out = write_out(
        tmp_path,
        [
            _given_page("home", "Ana", [fact("home", "Ana", "educated_at", "SJTU", degree="B.E.", end="2014")]),
            doc("talk", [person("Ana Roe", 0)], [fact("talk", "Ana Roe", "educated_at", "Shanghai Jiao Tong University", degree="B.E.", end="2014")]),
        ],
    )
    assert holding(people_of(out), "talk", "Ana Roe").documents == ["home", "talk"]


def test_given_name_alone_never_links(tmp_path: Path) -> None:
    out = write_out(
        tmp_path,
        [
            # same given name, nothing else shared: a namesake for all we know
            _given_page("home", "Wei", [fact("home", "Wei", "employed_by", "Quillon Labs"), fact("home", "Wei", "contact", "wei@quillon.org", "EMAIL", kind="email")]),
            doc("a", [person("Wei Zhang", 0)], [fact("a", "Wei Zhang", "employed_by", "Northwind University"), fact("a", "Wei Zhang", "contact", "wzhang@northwind.edu", "EMAIL", kind="email")]),
            # one shared employer is not enough either
            _given_page("home2", "Lena", [fact("home2", "Lena", "employed_by", "Brightwell Institute")]),
            doc("b", [person("Lena Vogt", 0)], [fact("b", "Lena Vogt", "employed_by", "Brightwell Institute")]),
        ],
    )
    people = people_of(out)
    assert holding(people, "a", "Wei Zhang").documents == ["a"]
    assert holding(people, "b", "Lena Vogt").documents == ["b"]
    assert holding(people, "home", "Wei").documents == ["home"]


def test_given_name_page_with_evidence_for_two_namesakes_stays_apart(tmp_path: Path) -> None:
    shared = [fact("home", "Wei", "contact", "wei@quillon.org", "EMAIL", kind="email")]
    out = write_out(
        tmp_path,
        [
            _given_page("home", "Wei", shared),
            doc("a", [person("Wei Wang", 0)], [fact("a", "Wei Wang", "contact", "wei@quillon.org", "EMAIL", kind="email"), fact("a", "Wei Wang", "date_of_birth", "1980", "DATE")]),
            doc("b", [person("Wei Wang", 0)], [fact("b", "Wei Wang", "contact", "wei@quillon.org", "EMAIL", kind="email"), fact("b", "Wei Wang", "date_of_birth", "1991", "DATE")]),
        ],
    )
    people = people_of(out)
    assert holding(people, "home", "Wei").documents == ["home"]


def test_acronyms_and_units_merge_across_a_persons_documents(tmp_path: Path) -> None:
    out = write_out(
        tmp_path,
        [
            doc("a", [person("Jon Park", 0)], [fact("a", "Jon Park", "employed_by", "NYU", title="Silver Professor", start="2003"), fact("a", "Jon Park", "employed_by", "Center for Data Science", at=30)]),
            doc("b", [person("Jon Park", 0)], [fact("b", "Jon Park", "employed_by", "New York University", title="Silver Professor of Data Science"), fact("b", "Jon Park", "employed_by", "NYU Center for Data Science", at=40), fact("b", "Jon Park", "employed_by", "Courant Institute of Mathematical Sciences", at=80)]),
            doc("c", [person("Jon Park", 0)], [fact("c", "Jon Park", "employed_by", "Courant Institute of Mathematical Science")]),
        ],
    )
    (park,) = [p for p in people_of(out) if p.name == "Jon Park"]
    jobs = {s.object.text: sorted({r.doc_id for r in s.references}) for s in park.statements if s.relation == "employed_by"}
    assert jobs == {"New York University": ["a", "b"], "NYU Center for Data Science": ["a", "b"], "Courant Institute of Mathematical Sciences": ["b", "c"]}


def test_two_acronym_readings_merge_with_neither(tmp_path: Path) -> None:
    out = write_out(
        tmp_path,
        [doc("a", [person("Jon Park", 0)], [fact("a", "Jon Park", "educated_at", "UW"), fact("a", "Jon Park", "educated_at", "University of Washington", at=10), fact("a", "Jon Park", "educated_at", "University of Waterloo", at=40)])],
    )
    (park,) = [p for p in people_of(out) if p.name == "Jon Park"]
    assert sorted(s.object.text for s in park.statements if s.relation == "educated_at") == ["UW", "University of Washington", "University of Waterloo"]


@pytest.mark.parametrize(
    "short, long, expected",
    [
        ("ucsd", "university of california san diego", True),
        ("uiuc", "university of illinois at urbana champaign", True),
        ("mit", "massachusetts institute of technology", True),
        ("nyu", "new york university", True),
        ("cmu", "new york university", False),
        ("stanford", "stanford university", False),
    ],
)
def test_is_acronym(short: str, long: str, expected: bool) -> None:
    assert is_acronym(short, long) is expected


@pytest.mark.parametrize(
    "key, a, b, same",
    [
        ("title", "inaugural Sequoia Professor", "Professor of Computer Science", True),
        ("title", "Assistant Professor", "Associate Professor", False),
        ("title", "co-founder", "Chief Scientist", False),
        ("title", "Co-Director", "founding director", True),  # "co-" shares the job, it does not rank it
        ("org", "AISTATS", "Artificial Intelligence and Statistics (AISTATS)", True),
        ("org", "ICML", "NeurIPS", False),
    ],
)
def test_qualifiers_said_two_ways(key: str, a: str, b: str, same: bool) -> None:
    assert _same(key, a, b) is same


def test_best_paper_is_the_best_paper_award(tmp_path: Path) -> None:
    out = write_out(
        tmp_path,
        [
            doc("a", [person("Jon Park", 0)], [fact("a", "Jon Park", "award_received", "BEST PAPER", "AWARD", org="Artificial Intelligence and Statistics (AISTATS)", date="2016")]),
            doc("b", [person("Jon Park", 0)], [fact("b", "Jon Park", "award_received", "Best Paper Award", "AWARD", org="AISTATS", date="2016"), fact("b", "Jon Park", "award_received", "Best Paper Award", "AWARD", org="ICML", date="2010", at=50)]),
        ],
    )
    (park,) = [p for p in people_of(out) if p.name == "Jon Park"]
    awards = [(s.object.text, s.qualifiers.date, sorted({r.doc_id for r in s.references})) for s in park.statements if s.relation == "award_received"]
    assert sorted(awards) == [("Best Paper Award", "2010", ["b"]), ("Best Paper Award", "2016", ["a", "b"])]


def test_a_name_with_a_common_noun_after_it_is_the_name(tmp_path: Path) -> None:
    out = write_out(
        tmp_path,
        [
            doc("a", [person("Jon Park", 0)], [fact("a", "Jon Park", "leads", "ImageNet project")]),
            doc("b", [person("Jon Park", 0)], [fact("b", "Jon Park", "leads", "ImageNet")]),
        ],
    )
    (park,) = [p for p in people_of(out) if p.name == "Jon Park"]
    assert [(s.object.text, sorted(r.doc_id for r in s.references)) for s in park.statements] == [("ImageNet", ["a", "b"])]


@pytest.mark.parametrize(
    "text, parts",
    [
        ("University of Sydney and NICTA", ["University of Sydney", "NICTA"]),
        ("Lakeside College, Eastfield University and Quillon Institute", ["Lakeside College", "Eastfield University", "Quillon Institute"]),
        ("Computer Science and Engineering", ["Computer Science and Engineering"]),
        ("School of Engineering and Applied Sciences", ["School of Engineering and Applied Sciences"]),
        ("Harvard and MIT", ["Harvard and MIT"]),
    ],
)
def test_org_parts(text: str, parts: list[str]) -> None:
    from pipeline.profiles.objects import org_parts

    assert org_parts(text) == parts


def test_an_award_written_shorter_is_the_same_award(tmp_path: Path) -> None:
    out = write_out(
        tmp_path,
        [
            doc("a", [person("Jon Park", 0)], [fact("a", "Jon Park", "award_received", "QDD Dissertation Award", "AWARD", date="2020"), fact("a", "Jon Park", "award_received", "Best Paper Award", "AWARD", at=40)]),
            doc("b", [person("Jon Park", 0)], [fact("b", "Jon Park", "award_received", "ACM QDD Doctoral Dissertation Award", "AWARD"), fact("b", "Jon Park", "award_received", "Best Student Paper Award", "AWARD", at=40)]),
        ],
    )
    (park,) = [p for p in people_of(out) if p.name == "Jon Park"]
    awards = sorted((s.object.text, sorted({r.doc_id for r in s.references})) for s in park.statements if s.relation == "award_received")
    assert awards == [("ACM QDD Doctoral Dissertation Award", ["a", "b"]), ("Best Paper Award", ["a"]), ("Best Student Paper Award", ["b"])]
