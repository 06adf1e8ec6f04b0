"""The relation registry: inventory, schema and rules agree; word lists are validated; triggers reach the parse gate and gate the rules."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.relations import lexicon
from pipeline.relations.registry import RULES, SPECS, TriggerIndex, word_alternation, fact_key, merge, rules, trigger_regex
from pipeline.relations.base import Arg, Candidate
from pipeline.relations.toolkit import may_be_prose
from pipeline.schema import RELATIONS, Qualifiers


def test_every_relation_of_the_schema_has_a_spec_and_a_rule() -> None:
    rules()  # discovers the modules
    assert set(SPECS) == set(RELATIONS)
    produced = {r.relation for r in rules()}
    assert produced == set(RELATIONS), set(RELATIONS) - produced


@pytest.mark.parametrize("name", sorted(RELATIONS))
def test_spec_qualifiers_exist_in_the_output_contract(name: str) -> None:
    spec = SPECS[name]
    assert set(spec.qualifiers) <= set(Qualifiers.model_fields)
    assert set(spec.distinct_by) <= set(spec.qualifiers)


def test_rule_names_are_unique_and_prefixed_by_nothing_odd() -> None:
    names = [r.name for r in rules()]
    assert len(names) == len(set(names))
    assert all(r.kind in ("item", "sentence", "doc") for r in rules())
    assert all(r.sections for r in rules("item"))


@pytest.mark.parametrize("rule", rules("sentence"), ids=lambda r: r.name)
def test_every_trigger_of_a_sentence_rule_opens_the_parse_gate(rule) -> None:
    """A list item holding any declared trigger is read as prose (and so gets the parser)."""
    for name in rule.triggers:
        for word in lexicon.trigger_words(name):
            form = word.rstrip("*") + ("ed" if word.endswith("*") else "")
            line = f"2019: Mira Olsen {form} Orbit Labs in Springfield"
            assert trigger_regex().search(line), (rule.name, word)
            assert may_be_prose(line, "news"), (rule.name, word)


@pytest.mark.parametrize("line", ["2021: Our paper on ranking was accepted to NeurIPS.", "2020: Talk at the Springfield Data Conference."])
def test_a_list_item_without_a_trigger_is_not_prose(line: str) -> None:
    assert not may_be_prose(line, "news")


@pytest.mark.parametrize(
    "rows, message",
    [
        ([{"list": "x", "words": []}], "at least 1 item"),
        ([{"list": "x", "words": ["a"], "extra": 1}], "Extra inputs"),
        ([{"list": "x", "words": ["a"]}, {"list": "x", "words": ["b"]}], "defined twice"),
        ([{"list": "x", "words": [" "]}], "empty word"),
    ],
)
def test_word_lists_are_validated(tmp_path, rows, message) -> None:
    path = tmp_path / "words.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        lexicon.word_lists(path)


def _cand(relation: str, obj: str, conf: float, **q: str) -> Candidate:
    return Candidate(relation, Arg("Mira Olsen", "PERSON", "Mira Olsen"), Arg(obj, "ORG", obj, 10, 10 + len(obj)), (0, 40), "t", conf, dict(q))


def test_merge_follows_each_relations_spec() -> None:
    out = merge(
        [
            _cand("employed_by", "Orbit Labs", 0.6),  # untitled, and the same job is stated with a title
            _cand("employed_by", "Orbit Labs", 0.8, title="engineer", start="2019"),
            _cand("employed_by", "Orbit Labs", 0.7, title="Engineer", end="2021"),  # same role: merged
            _cand("employed_by", "Orbit Labs", 0.7, title="manager"),  # another role: kept
            _cand("educated_at", "Eastfield University", 0.8, degree="Ph.D."),
            _cand("educated_at", "Eastfield University", 0.6, degree="PhD", end="2020"),
        ]
    )
    jobs = sorted((c.qualifiers.get("title"), c.qualifiers.get("start"), c.qualifiers.get("end")) for c in out if c.relation == "employed_by")
    assert jobs == [("engineer", "2019", "2021"), ("manager", None, None)]
    schools = [c for c in out if c.relation == "educated_at"]
    assert len(schools) == 1 and schools[0].qualifiers == {"degree": "Ph.D.", "end": "2020"}


def test_a_fact_stated_once_without_its_distinguishing_date_folds_into_the_dated_one() -> None:
    out = merge(
        [
            _cand("award_received", "Widget Medal", 0.7),  # prose, undated
            _cand("award_received", "Widget Medal", 0.8, date="2022", org="Widget Society"),  # the list's item
            _cand("award_received", "Gizmo Prize", 0.8, date="2019"),  # the same prize won twice stays twice
            _cand("award_received", "Gizmo Prize", 0.8, date="2021"),
            _cand("award_received", "Sprocket Prize", 0.7),  # undated alone: kept
        ]
    )
    got = sorted((c.object.text, c.qualifiers.get("date")) for c in out)
    assert got == [("Gizmo Prize", "2019"), ("Gizmo Prize", "2021"), ("Sprocket Prize", None), ("Widget Medal", "2022")]


def test_a_title_that_is_part_of_a_compound_title_at_the_same_employer_is_that_job() -> None:
    out = merge(
        [
            _cand("employed_by", "Orbit Labs", 0.7, title="co-founder", start="2015"),
            _cand("employed_by", "Orbit Labs", 0.7, title="Chief Scientist"),
            _cand("employed_by", "Orbit Labs", 0.8, title="co-founder and Chief Scientist"),
            _cand("employed_by", "Gizmo Inc.", 0.8, title="President & CEO"),
            _cand("employed_by", "Gizmo Inc", 0.7, title="CEO"),  # the same name without its full stop
            _cand("employed_by", "Kestrel", 0.7, title="Chief Scientist"),  # another employer: its own job
        ]
    )
    got = sorted((c.object.text, c.qualifiers.get("title"), c.qualifiers.get("start")) for c in out)
    assert got == [("Gizmo Inc.", "President & CEO", None), ("Kestrel", "Chief Scientist", None), ("Orbit Labs", "co-founder and Chief Scientist", "2015")]


def test_fact_key_ignores_case_articles_and_spacing_of_the_object() -> None:
    assert fact_key(_cand("part_of", "the Orbit  Labs", 0.5)) == fact_key(_cand("part_of", "Orbit labs", 0.5))


def test_every_word_list_and_confidence_row_is_used() -> None:
    """Dead data misleads a reader: each list of prose_words.jsonl is read by some rule, each confidence row names a rule."""
    import pathlib

    source = "".join(p.read_text(encoding="utf-8") for p in pathlib.Path(lexicon.__file__).parent.parent.rglob("*.py"))
    unused = [name for name in lexicon.words() if f'"{name}"' not in source and f"'{name}'" not in source]
    assert not unused
    orphans = [rule for rule in lexicon.confidences() if f'"{rule}"' not in source]
    assert not orphans


# ---------------------------------------------------------------- the trigger gate of sentence rules

_LISTS = {"join": ["joined", "join*"], "lead": ["head of", "heads"], "found": ["found*", "co-found*"], "pi": ["PI"]}


@pytest.mark.parametrize(
    "text, held",
    [
        ("Mira Olsen joined Orbit Labs in 2019.", {"join"}),
        ("Jon Park is joining Quillon.", {"join"}),  # a stem
        ("Ana Ruiz is head\nof research at Brightline.", {"lead"}),  # a phrase broken across a line
        ("She founded Orbit, heads its lab and joins Quillon.", {"found", "lead", "join"}),
        ("Tom Berg co-founded Quillon.", {"found"}),  # by its own hyphenated form
        ("Ada Reyes is the PI of the grant.", {"pi"}),
        # negative twins: a trigger inside a longer word, after a hyphen, or cut short holds nothing
        ("The headline was about Orbit's headcount.", set()),
        ("A non-joined list of pixels.", set()),
        ("He is the head, of course.", set()),
        ("Pixel art and pies.", set()),
    ],
)
def test_trigger_index_finds_the_lists_a_sentence_holds(text: str, held: set[str]) -> None:
    assert TriggerIndex(_LISTS).lists_in(text, 0, len(text)) == held


def test_trigger_index_reads_only_the_stretch_it_is_given() -> None:
    text = "Mira Olsen joined Orbit. Jon Park heads Quillon."
    cut = text.index("Jon")
    assert TriggerIndex(_LISTS).lists_in(text, 0, cut) == {"join"}
    assert TriggerIndex(_LISTS).lists_in(text, cut, len(text)) == {"lead"}


_PIECES = ["joined", "joins", "join", "heads", "head of", "head", "of", "found", "founder", "co-founded", "PI", "pi", "Pixel",
           "rejoined", "x-heads", "Mira", " ", "\n", ", ", ".", "-", "'s "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_trigger_index_agrees_with_each_lists_own_pattern(pieces: list[str]) -> None:
    """The one-pass index holds a list exactly where the list's own alternation would match."""
    text = "".join(pieces)
    naive = {name for name, words in _LISTS.items() if word_alternation(words).search(text)}
    assert TriggerIndex(_LISTS).lists_in(text, 0, len(text)) == naive


@pytest.mark.parametrize(
    "rule, lists, labels, reads",
    [
        ("employment.joined", {"join"}, set(), True),
        ("employment.joined", {"award"}, {"ORG", "PERSON"}, False),
        ("employment.titles", set(), {"TITLE"}, True),  # "she was Chief Scientist at Orbit": a title, no link word
        ("employment.titles", set(), {"ORG"}, False),
        ("education.prose", set(), {"DEGREE"}, True),  # "a PhD candidate in physics at Lund"
        ("products.possessive", set(), set(), True),  # "Quillon's Orca-2": punctuation, no word
    ],
)
def test_a_sentence_rule_reads_what_its_triggers_or_entity_labels_name(rule: str, lists: set[str], labels: set[str], reads: bool) -> None:
    assert RULES[rule].reads(frozenset(lists), frozenset(labels)) is reads
