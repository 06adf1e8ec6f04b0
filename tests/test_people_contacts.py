"""Contact blocks at the end of press releases: the person named, the employer under the name."""

from __future__ import annotations

import pytest

LEAD = "Quillon Labs opens a robotics lab in Boston.\n\n"


@pytest.mark.parametrize(
    "block,person,employer,unit",
    [
        ("Media Contact:\n\nInes Morris\nMedia Relations\nQuillon Labs\nines@quillon.com\n", "Ines Morris", "Quillon Labs", "Media Relations"),
        ("Press contact:\nLise Berg\nBrightwave for Quillon Labs\nlise@brightwave.com\n555-246-7898\n", "Lise Berg", "Brightwave", None),
        ("Contact:\n\nTom Lind\nHead of Communications\nNorthwind Robotics\n+1 555 210 3344\n", "Tom Lind", "Northwind Robotics", None),
    ],
)
def test_contact_block_employer(extract, block, person, employer, unit):
    facts = extract(LEAD + block, "text")
    jobs = {(f.subject.canonical, f.object.canonical) for f in facts if f.relation == "employed_by" and f.rule == "contact.block_employer"}
    assert jobs == {(person, employer)}
    units = {(f.subject.canonical, f.object.canonical) for f in facts if f.relation == "part_of" and f.rule == "contact.block_unit"}
    assert units == ({(unit, employer)} if unit else set())


@pytest.mark.parametrize(
    "block",
    [
        # negative twins: no person heads the block, or nothing stands between the name and the address
        "Media Contact:\n\nMedia Relations\nQuillon Labs\npress@quillon.com\n",
        "Media Contact:\n\nInes Morris\nines@quillon.com\n",
        "Office hours:\n\nRoom 301, Building 5\n14 Lake Street\nfront-desk@quillon.com\n",
    ],
)
def test_no_contact_block_employer(extract, block):
    facts = extract(LEAD + block, "text")
    assert not [f for f in facts if f.rule.startswith("contact.block")]


def test_a_student_block_is_no_job(extract):
    """Negative twin of a homepage's contact block: the student is not employed by the university."""
    text = "Ana Ruiz\nPh.D. student\nDepartment of Physics\nNorthfield University\nana.ruiz@northfield.edu\n\nI study graph learning.\n"
    assert not [f for f in extract(text, "text") if f.rule == "contact.block_employer"]


BIO_A = "Ada has spent a decade building search systems for learners and employers alike."
BIO_B = "Tom has published over fifty articles on ranking and retrieval in the last decade."


@pytest.mark.parametrize(
    "page,expected",
    [
        (f"# Keynotes\n\n## Ada Reyes - Northfield University\n\n{BIO_A}\n\n## Tom Berg - QX7\n\n{BIO_B}\n", {("Ada Reyes", "Northfield University"), ("Tom Berg", "QX7")}),
        (f"# Speakers\n\n## Ada Reyes\n\nNorthfield University\n\n{BIO_A}\n\n## Tom Berg\n\nQuillon Research Institute\n\n{BIO_B}\n", {("Ada Reyes", "Northfield University"), ("Tom Berg", "Quillon Research Institute")}),
        # the bio states the job with a title: that statement stays, the card's adds nothing
        (f"# Speakers\n\n## Ada Reyes - Northfield University Oslo\n\nAda Reyes is a professor at Northfield University. {BIO_A}\n\n## Tom Berg - Quillon Labs\n\n{BIO_B}\n", {("Ada Reyes", "Northfield University"), ("Tom Berg", "Quillon Labs")}),
    ],
)
def test_speaker_card_employer(extract, page, expected):
    jobs = {(f.subject.canonical, f.object.canonical) for f in extract(page, "markdown") if f.relation == "employed_by"}
    assert jobs == expected


@pytest.mark.parametrize(
    "page",
    [
        # negative twins: names and affiliations without bios, a talk title under the name, a session label beside it
        "# Speakers\n\n## Ada Reyes - Northfield University\n\n## Tom Berg - Quillon Labs\n\n## Venue\n\nThe workshop is held in the main hall of the old library building downtown.\n",
        f"# Keynotes\n\n## Ada Reyes\n\nSearch for learners and employers\n\n{BIO_A}\n\n## Tom Berg\n\nRanking at scale\n\n{BIO_B}\n",
        f"# Keynotes\n\n## Ada Reyes - Keynote\n\n{BIO_A}\n\n## Tom Berg - Invited Talk\n\n{BIO_B}\n",
    ],
)
def test_no_speaker_card_employer(extract, page):
    assert not [f for f in extract(page, "markdown") if f.rule == "employment.card"]


@pytest.mark.parametrize(
    "affiliation,written,expected",
    [
        ("Kessel-Tarn-Universität Brenna", "KTU Brenna", "Kessel-Tarn-Universität Brenna"),
        ("Northfield Technical University Oslo", "NTU Oslo", "Northfield Technical University Oslo"),
        # negative twin: the initials spell nothing the page writes before that place
        ("Quillon Labs Oslo", "NTU Oslo", "NTU Oslo"),
    ],
)
def test_acronym_and_place_spelled_out(extract, affiliation, written, expected):
    page = (
        f"# Speakers\n\n## Ada Reyes\n\n{affiliation}\n\nAda Reyes is a full professor of Information Systems at {written}, Austria. She works on search.\n\n"
        "## Tom Berg\n\nQuillon Labs\n\nTom Berg is a research scientist at Quillon Labs. He works on recommendation systems for retailers.\n"
    )
    jobs = {f.object.canonical for f in extract(page, "markdown") if f.relation == "employed_by" and f.subject.canonical == "Ada Reyes" and f.qualifiers.title}
    assert jobs == {expected}


@pytest.mark.parametrize(
    "page,expected",
    [
        # a title before the organisation on the line under the name (a page of several speakers)
        (f"# Speakers\n\n## Ada Reyes\n\n*Chief Scientist, Quillon Labs*\n\n{BIO_A}\n\n## Tom Berg\n\nNorthfield University\n\n{BIO_B}\n", ("Ada Reyes", "Quillon Labs", "Chief Scientist")),
        (f"# Speakers\n\n## Ada Reyes\n\nQuillon Labs\n\n{BIO_A}\n\n## Tom Berg\n\n**Professor at Northfield University**\n\n{BIO_B}\n", ("Tom Berg", "Northfield University", "Professor")),
        (f"# Speakers\n\n## Ada Reyes\n\nResearch Scientist - Brightline Research\n\n{BIO_A}\n\n## Tom Berg\n\nNorthfield University\n\n{BIO_B}\n", ("Ada Reyes", "Brightline Research", "Research Scientist")),
    ],
)
def test_speaker_card_title_and_employer(extract, page, expected):
    jobs = {(f.subject.canonical, f.object.canonical, f.qualifiers.title) for f in extract(page, "markdown") if f.rule == "employment.card"}
    assert expected in jobs


def test_a_talk_title_under_the_name_is_no_titled_card(extract):
    page = f"# Keynotes\n\n## Ada Reyes\n\nScaling Laws, Revisited\n\n{BIO_A}\n\n## Tom Berg\n\nRanking at scale\n\n{BIO_B}\n"
    assert not [f for f in extract(page, "markdown") if f.rule == "employment.card"]
