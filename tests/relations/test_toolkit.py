"""The argument toolkit shared by the prose rules, on sentences written for the test."""

from __future__ import annotations

import pytest

from pipeline.clean import clean
from pipeline.coref import coref_of
from pipeline.document import new_doc
from pipeline.markup import to_plain
from pipeline.relations.base import text_of
from pipeline.relations.toolkit import clause_subject, names_list, negated, org_with_parent, prose_sentences


@pytest.fixture(scope="module")
def sent_of(extractor):
    def run(text: str, word: str):
        """The prose sentence holding `word`, and the document's mentions."""
        doc = extractor.nlp(new_doc(extractor.nlp, clean(to_plain(text, "text")), None))
        pos = text_of(doc).rindex(word)
        return next(s for s in prose_sentences(doc) if s.start <= pos < s.end), coref_of(doc)

    return run


def _after(sent, word: str) -> int:
    return text_of(sent.doc).index(" " + word + " ", sent.start) + len(word) + 2


@pytest.mark.parametrize(
    "text, after, expected",
    [
        ("Mira Olsen worked at Microsoft, Siemens and the Eastfield Institute.", "at", ["Microsoft", "Siemens", "Eastfield Institute"]),
        ("Tom Berg has held posts at Northwind Inc., Lakeside College, and Kestrel Systems since 2010.", "at", ["Northwind Inc.", "Lakeside College", "Kestrel Systems"]),
        ("Ada Reyes taught at Kestrel University, Boston, and Harbor College.", "at", ["Kestrel University", "Harbor College"]),
    ],
)
def test_coordination_gives_every_conjunct(sent_of, text, after, expected) -> None:
    sent, _ = sent_of(text, after)
    assert [n.text for n in names_list(sent, _after(sent, after))] == expected


@pytest.mark.parametrize(
    "text, after, unit, host",
    [
        ("Mira Olsen joined the Department of Physics, Eastfield University in 2019.", "joined", "Department of Physics", "Eastfield University"),
        ("Tom Berg works in the Vision Lab, Northwind University.", "in", "Vision Lab", "Northwind University"),
        ("Ada Reyes studied at Kestrel University.", "at", "Kestrel University", None),
    ],
)
def test_a_unit_is_read_with_its_host(sent_of, text, after, unit, host) -> None:
    sent, _ = sent_of(text, after)
    name, parent = org_with_parent(sent, _after(sent, after))
    assert name.text == unit
    assert (parent.text if parent else None) == host


@pytest.mark.parametrize(
    "text, trigger, person",
    [
        ("Mira Olsen joined Orbit Labs in 2019.", "joined", "Mira Olsen"),
        ("In 2019, Tom Berg was hired by Northwind Inc.", "hired", "Tom Berg"),
        ("Ada Reyes is a chemist. She joined Orbit Labs in 2019.", "joined", "Ada Reyes"),
        ("Born in Oslo, Mira Olsen joined Orbit Labs in 2019.", "joined", "Mira Olsen"),
    ],
)
def test_clause_subject_is_the_person_of_the_predicate(sent_of, text, trigger, person) -> None:
    sent, co = sent_of(text, trigger)
    ref = clause_subject(sent, text_of(sent.doc).index(trigger, sent.start), co)
    assert ref is not None and ref.person.canonical == person


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        ("Mira Olsen did not join Orbit Labs.", "join", True),
        ("Mira Olsen never joined Orbit Labs.", "joined", True),
        ("Mira Olsen would join Orbit Labs.", "join", True),
        ("Mira Olsen declined to join Orbit Labs.", "join", True),
        ("Mira Olsen turned down an offer to join Orbit Labs.", "join", True),
        ("Mira Olsen joined Orbit Labs.", "joined", False),
        ("Mira Olsen, who had not been to Oslo, joined Orbit Labs.", "joined", False),
    ],
)
def test_negation_and_modality(sent_of, text, trigger, expected) -> None:
    sent, _ = sent_of(text, trigger)
    assert negated(sent, text_of(sent.doc).index(trigger, sent.start)) is expected
