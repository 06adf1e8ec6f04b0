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
