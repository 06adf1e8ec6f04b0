"""The section index every stage shares: which section a position or a line is in."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.sections import Section, SectionIndex, section_at, section_index

SECTIONS = [Section("education", "Education", 10, 40), Section("experience", "Experience", 40, 90), Section("awards", "Awards", 120, 150)]


@pytest.mark.parametrize("pos, name", [(0, None), (9, None), (10, "education"), (39, "education"), (40, "experience"), (95, None), (149, "awards"), (150, None)])
def test_at(pos: int, name: str | None) -> None:
    found = SectionIndex(SECTIONS).at(pos)
    assert (found.name if found else None) == name


@pytest.mark.parametrize("start, end, names", [(0, 10, []), (0, 11, ["education"]), (35, 45, ["education", "experience"]), (90, 120, []), (89, 121, ["experience", "awards"])])
def test_touching(start: int, end: int, names: list[str]) -> None:
    assert [s.name for s in SectionIndex(SECTIONS).touching(start, end)] == names


@given(st.integers(-5, 200))
def test_index_agrees_with_a_scan(pos: int) -> None:
    scan = next((s for s in SECTIONS if s.start <= pos < s.end), None)
    assert SectionIndex(SECTIONS).at(pos) is scan is section_at(SECTIONS, pos)


def test_index_is_kept_on_its_owner_and_rebuilt_when_the_sections_change() -> None:
    owner = SimpleNamespace(sections=list(SECTIONS))
    first = section_index(owner)
    assert section_index(owner) is first
    owner.sections = SECTIONS[:1]
    assert section_index(owner) is not first and section_index(owner).at(50) is None


@pytest.mark.parametrize(
    "header, name",
    [
        ("Year | Position | Institution", "experience"),
        ("Period | Role | Company", "experience"),
        ("Degree | School | Years", "education"),
        ("Year | Award", "awards"),
        # negative twins: no known column, columns of two sections, a data row
        ("Name | Email | Office", None),
        ("Degree | Position", None),
        ("2020 | Engineer | Brenner Systems", None),
    ],
)
def test_a_table_header_names_its_section(header: str, name: str | None) -> None:
    from pipeline.sections import column_section

    assert column_section(header) == name


def test_table_rows_are_read_as_the_section_their_header_names(extract) -> None:
    page = "# Ada Kim\n\n| Year | Position | Institution |\n|---|---|---|\n| 2020–now | Senior Researcher | Brenner Systems |\n\nI enjoy hiking."
    facts = extract(page, "markdown")
    assert any(f.relation == "employed_by" and f.object.canonical == "Brenner Systems" and f.qualifiers.title == "Senior Researcher" for f in facts)
    page = "# Ada Kim\n\n| Name | Email |\n|---|---|\n| Senior Researcher | Brenner Systems |"
    assert not any(f.relation == "employed_by" for f in extract(page, "markdown"))


@pytest.mark.parametrize("heading", ["Invited Talks", "Keynotes", "Talks"])
def test_a_talks_page_reads_its_speakers_bios(extract, heading: str) -> None:
    """A talk's abstract and its speaker's bio are prose; a list of talk titles stays a list."""
    page = f"# {heading}\n\n## Oskar Lindqvist\n\nOskar Lindqvist is a professor of widget science at Fernhill University.\n"
    assert any(f.relation == "employed_by" and f.object.canonical == "Fernhill University" for f in extract(page, "markdown"))


def test_talk_titles_are_no_facts(extract) -> None:
    page = "# Mira Castell\n\n## Talks\n\n- Sprockets at Scale, Fernhill University, 2021\n- Widgets for Everyone, Kestrel Labs, 2022\n"
    assert not [f for f in extract(page, "markdown") if f.relation in ("employed_by", "educated_at")]


@pytest.mark.parametrize(
    "text, name",
    [
        # a standalone line in capitals is a heading by its type: its keyword names the section
        ("Ada Reyes\n\nAWARDS\n\nBest Paper Award 2019\n\nACTIVITIES AND PROFESSIONAL SERVICES\n\nEditor, Journal of Widgets\n", "service"),
        ("Ada Reyes\n\nSELECTED RECENT PUBLICATIONS\n\nGraphs that learn, 2019\n", "publications"),
        ("Ada Reyes\n\nTEACHING ACTIVITIES\n\nWidget Design, Spring 2020\n", "teaching"),
    ],
)
def test_a_line_in_capitals_names_its_section_by_a_keyword(text: str, name: str) -> None:
    from pipeline.sections import find_sections

    last = text.rstrip("\n").rsplit("\n", 1)[1]
    sec = section_at(find_sections(text, [], [], []), text.index(last))
    assert sec is not None and sec.name == name


@pytest.mark.parametrize(
    "text",
    [
        # negative twins: the same words in lower case, or in a capitalised sentence
        "Ada Reyes\n\nActivities and professional services\n\nEditor, Journal of Widgets\n",
        "Ada Reyes\n\nWE OFFER SERVICES TO MANY CLIENTS.\n\nEditor, Journal of Widgets\n",
    ],
)
def test_no_keyword_section_from_a_plain_line(text: str) -> None:
    from pipeline.sections import find_sections

    assert section_at(find_sections(text, [], [], []), text.index("Editor")) is None


@pytest.mark.parametrize(
    "text, line, name",
    [
        # an encyclopedia's "Recognition" lists honours; its "References" (or "See also") ends the list before it
        ("Ada Reyes\n\nRecognition\n\nWidget Medal (2019)\n\nReferences\n\n[1] Widget News, 2019\n", "Widget Medal (2019)", "awards"),
        ("Ada Reyes\n\nRecognition\n\nWidget Medal (2019)\n\nReferences\n\n[1] Widget News, 2019\n", "[1] Widget News, 2019", "references"),
        ("Ada Reyes\n\nAwards and accolades\n\nWidget Medal (2019)\n\nSee also\n\nGizmo Prize\n", "Gizmo Prize", "references"),
    ],
)
def test_recognition_and_reference_lines_are_sections(text: str, line: str, name: str) -> None:
    from pipeline.sections import find_sections

    sec = section_at(find_sections(text, [], [], []), text.index(line))
    assert sec is not None and sec.name == name


def test_recognition_inside_a_sentence_is_no_heading() -> None:
    from pipeline.sections import find_sections

    text = "Ada Reyes\n\nHer work on widgets won recognition\n\nWidget Medal (2019)\n"
    assert section_at(find_sections(text, [], [], []), text.index("Widget Medal")) is None
