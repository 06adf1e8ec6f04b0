"""The evaluator must give exactly the reference scorer's numbers, and its pieces must behave as documented."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import evaluate as ev
from pipeline.schema import Argument, DateMention, DocumentRecord, Evidence, Fact, Qualifiers, dumps

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD_DIR = SHARED / "corpus" / "dev"
REFERENCE = SHARED / "tools" / "score_facts.py"


# --- norm / sim / date_eq --------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("The University of Oxford", "university of oxford"),
        ("  Ecole   Polytechnique. ", "ecole polytechnique"),
        ("École Normale Supérieure", "ecole normale superieure"),
        ("**Best Paper**", "best paper"),
        ("co - founder", "co-founder"),
        ("it\u2019s (x)", "it's (x"),
        ("an apple", "apple"),
        ("anthropic", "anthropic"),
        (None, ""),
        ({"text": "Acme Labs", "canonical": None}, "acme labs"),
        ({"text": "J. Doe", "canonical": "Jane Doe"}, "jane doe"),
        ({"label": "ORG"}, ""),
        (2021, "2021"),
    ],
)
def test_norm(raw, expected):
    assert ev.norm(raw) == expected


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("Acme Labs", "acme labs.", 1.0, 1.0),
        ("Acme", "Acme Research Labs", 0.0, 0.89),  # contained but covers under half
        ("Acme Research", "Acme Research Labs", 0.9, 0.99),  # contained, covers two thirds
        ("Stanford University", "Stanford Universty", 0.9, 0.99),
        ("Google", "Microsoft", 0.0, 0.5),
        ("", "anything", 0.0, 0.0),
        ({"text": "JD", "canonical": "Jane Doe"}, "Jane Doe", 1.0, 1.0),
    ],
)
def test_sim(a, b, low, high):
    assert low <= ev.sim(a, b) <= high
    assert ev.sim(a, b) == ev.sim(b, a)


@pytest.mark.parametrize(
    ("gold", "system", "equal"),
    [("2021-10", "2021-10", True), ("present", "now", True), ("2021", "2021-10", False), ("present", None, False)],
)
def test_date_eq(gold, system, equal):
    assert ev.date_eq(gold, system) is equal


# --- matching one document -------------------------------------------------------------


def _fact(relation, subject, obj, canonical=None, **qualifiers):
    return {
        "relation": relation,
        "subject": {"text": subject, "label": "PERSON"},
        "object": {"text": obj, "label": "ORG", "canonical": canonical},
        "qualifiers": qualifiers,
    }


def test_match_document_marks_correct_wrong_missing_and_unscored():
    gold = {
        "kind": "homepage",
        "subject": "Jane Doe",
        "facts": [
            {"relation": "employed_by", "subject": "Jane Doe", "object": "Acme Labs", "qualifiers": {"start": "2020"}},
            {"relation": "educated_at", "subject": "Jane Doe", "object": "Example University"},
            {"relation": "author_of", "subject": "Jane Doe", "object": "Deep Widgets"},
        ],
    }
    facts = [
        _fact("employed_by", "Jane Doe", "Globex"),  # wrong
        _fact("employed_by", "Jane Doe", "the Acme Labs", start="2020"),  # correct
        _fact("author_of", "John Roe", "Shallow Gadgets"),  # another author: not judged on a homepage
        _fact("author_of", "Jane Doe", "Deep Widgets"),  # correct
    ]
    m = ev.match_document(gold, facts)
    assert [m.fact_status(i) for i in range(4)] == ["wrong", "correct", "unscored", "correct"]
    assert m.missing == [1]
    assert m.gold_for(1) == 0 and m.gold_for(0) is None
    assert m.pairs[0].qualifiers == (ev.QualifierCheck("start", "2020", "2020", True),)
    assert (m.totals.gold, m.totals.sys, m.totals.tp) == (3, 3, 2)


def test_earlier_fact_wins_a_tie():
    gold = {"kind": "bio", "subject": "Jane Doe", "facts": [{"relation": "leads", "subject": "Jane Doe", "object": "Team X"}]}
    facts = [_fact("leads", "Jane Doe", "Team X"), _fact("leads", "Jane Doe", "Team X")]
    m = ev.match_document(gold, facts)
    assert [m.fact_status(i) for i in range(2)] == ["correct", "wrong"]


def test_date_of_birth_compares_the_value():
    gold = {"kind": "bio", "subject": "Jane Doe", "facts": [{"relation": "date_of_birth", "subject": "Jane Doe", "object": "1970-03"}]}
    right = _fact("date_of_birth", "Jane Doe", "March 1970", canonical="1970-03")
    wrong = _fact("date_of_birth", "Jane Doe", "March 1971", canonical="1971-03")
    assert ev.match_document(gold, [wrong, right]).fact_status(1) == "correct"
    assert ev.match_document(gold, [wrong]).missing == [0]


def test_match_dates_distinct_pairs_and_containment():
    gold = [{"text": "May 2021", "value": "2021-05"}, {"text": "May 2021", "value": "2021-05"}, {"text": "2019", "value": "2019"}]
    system = [{"text": "in May 2021", "value": "2021-05"}, {"text": "2019", "value": "2018"}, {"text": "June", "value": None}]
    c = ev.match_dates(gold, system)
    assert (c.gold, c.sys, c.matched, c.value_right) == (2, 3, 2, 1)


def test_missing_folder_is_an_error(tmp_path, capsys):
    assert ev.main([str(tmp_path / "nope"), str(tmp_path)]) == 2
    assert "not found" in capsys.readouterr().err


# --- agreement with the reference scorer -----------------------------------------------

needs_shared = pytest.mark.skipif(
    not (GOLD_DIR.is_dir() and REFERENCE.is_file()),
    reason="development corpus and reference scorer beside the checkout are absent",
)

_NOISE_WORDS = ["Institute", "Lab", "Group", "Center", "2020"]


def _perturb_name(rng: random.Random, name: str) -> str:
    words = name.split()
    choice = rng.randrange(6)
    if choice == 0:
        return name.upper()
    if choice == 1:
        return "The " + name + "."
    if choice == 2 and len(words) > 2:
        return " ".join(words[:-1])
    if choice == 3:
        return name + " " + rng.choice(_NOISE_WORDS)
    if choice == 4:
        return name[: max(1, len(name) // 2)]
    return "Unrelated Thing " + str(rng.randrange(100))


def _perturb_qualifiers(rng: random.Random, q: dict) -> dict:
    out = {}
    for k, v in q.items():
        r = rng.random()
        if r < 0.15:
            continue
        if r < 0.3:
            out[k] = "now" if v == "present" else (v[:4] if k in ev.DATE_QUALIFIERS else v + " extra words here")
        else:
            out[k] = v
    return out


def _system_facts(rng: random.Random, gold: dict, doc_id: str) -> list[Fact]:
    facts: list[Fact] = []
    ev_ = Evidence(text="x", start=0, end=1)

    def make(rel, subj, obj, quals, canonical=None, subj_canonical=None):
        facts.append(
            Fact(
                doc_id=doc_id,
                relation=rel,
                subject=Argument(text=subj, label="PERSON", canonical=subj_canonical),
                object=Argument(text=obj, label="ORG", canonical=canonical),
                qualifiers=Qualifiers(**quals),
                evidence=ev_,
                rule="test.synthetic",
                confidence=0.5,
            )
        )

    for g in gold["facts"]:
        r = rng.random()
        quals = _perturb_qualifiers(rng, g.get("qualifiers") or {})
        if r < 0.2:
            continue  # dropped
        if g["relation"] == "date_of_birth":
            make(g["relation"], g["subject"], "born " + g["object"], quals, canonical=g["object"] if r < 0.7 else "1900")
            continue
        obj = _perturb_name(rng, g["object"]) if r < 0.45 else g["object"]
        subj = g["subject"]
        subj_canonical = None
        if rng.random() < 0.15:
            subj, subj_canonical = subj.split()[0], subj  # short form with the full name as canonical
        elif g["relation"] == "author_of" and rng.random() < 0.15:
            subj = "Someone Else"
        make(g["relation"], subj, obj, quals, subj_canonical=subj_canonical)
        if rng.random() < 0.1:
            make(g["relation"], subj, obj, {})  # duplicate competing for the same gold fact
    for _ in range(rng.randrange(4)):
        rel = rng.choice(["employed_by", "author_of", "award_received", "contact"])
        make(rel, gold.get("subject") or "Nobody", "Spurious " + str(rng.randrange(1000)), {})
    rng.shuffle(facts)
    return facts


def _system_dates(rng: random.Random, gold: dict) -> list[DateMention]:
    out: list[DateMention] = []
    for d in gold.get("dates", []):
        r = rng.random()
        if r < 0.2:
            continue
        text, value = d["text"], d.get("value")
        if r < 0.35:
            text = "in " + text
        elif r < 0.5:
            value = "1999"
        elif r < 0.6:
            text = text[: max(1, len(text) // 2)]
        out.append(DateMention(start=0, end=len(text), text=text, value=value))
        if rng.random() < 0.1:
            out.append(DateMention(start=5, end=5 + len(text), text=text, value=value))
    if rng.random() < 0.5:
        out.append(DateMention(start=0, end=4, text="1888", value="1888"))
    return out


def _write_output(out_dir: Path, gold_dir: Path, seed: int) -> None:
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    docs, facts = [], []
    for i, p in enumerate(sorted(gold_dir.glob("*.gold.json"))):
        gold = json.loads(p.read_text(encoding="utf-8"))
        if i == 2:
            continue  # a document absent from the output
        doc_id = gold["doc_id"] + ".md" if i == 3 else gold["doc_id"]  # keys are file stems
        fs = _system_facts(rng, gold, doc_id)
        facts.extend(fs)
        docs.append(
            DocumentRecord(
                doc_id=doc_id,
                source=doc_id,
                sha256="0" * 64,
                status="ok",
                subject=gold.get("subject"),
                dates=_system_dates(rng, gold),
                facts=fs,
            )
        )
    (out_dir / "documents.jsonl").write_text("".join(dumps(d) + "\n" for d in docs), encoding="utf-8")
    (out_dir / "facts.jsonl").write_text("".join(dumps(f) + "\n" for f in facts) + "{broken line\n", encoding="utf-8")


def _reference(gold_dir: Path, out_dir: Path, *flags: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REFERENCE), str(gold_dir), str(out_dir), *flags], capture_output=True, text=True, check=False
    )


@pytest.fixture
def gold_copy(tmp_path: Path) -> Path:
    """The dev gold, with one homepage's publication list marked truncated to exercise that rule."""
    dst = tmp_path / "gold"
    dst.mkdir()
    for p in sorted(GOLD_DIR.glob("*.gold.json")):
        shutil.copy(p, dst / p.name)
    homepages = sorted(p for p in dst.glob("*.gold.json") if json.loads(p.read_text())["kind"] == "homepage")
    g = json.loads(homepages[0].read_text())
    g["author_of_truncated"] = True
    homepages[0].write_text(json.dumps(g), encoding="utf-8")
    return dst


@needs_shared
@pytest.mark.shared
@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
def test_agrees_with_reference_scorer(tmp_path, gold_copy, seed, capsys):
    out = tmp_path / "out"
    _write_output(out, gold_copy, seed)

    ref = _reference(gold_copy, out, "--json")
    assert ref.returncode == 0, ref.stderr
    expected = json.loads(ref.stdout)
    ours = ev.score(gold_copy, out).to_json()
    assert ours == expected
    # the synthetic output must actually exercise partial credit, not only 0 or 1
    assert 0.2 < expected["facts"]["f1"] < 0.95
    assert expected["missing_docs"]
    assert 0 < expected["dates"]["value_right"] < expected["dates"]["matched"]

    assert ev.main([str(gold_copy), str(out)]) == 0
    text_ref = _reference(gold_copy, out)
    assert capsys.readouterr().out == text_ref.stdout

    assert ev.main([str(gold_copy), str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == expected


@needs_shared
@pytest.mark.shared
def test_gold_as_output_scores_perfectly_and_min_f1_gates(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    facts = []
    for p in sorted(GOLD_DIR.glob("*.gold.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        for x in g["facts"]:
            facts.append({"doc_id": g["doc_id"], **x})
    (out / "facts.jsonl").write_text("".join(json.dumps(f) + "\n" for f in facts), encoding="utf-8")
    s = ev.score(GOLD_DIR, out)
    assert s.to_json() == json.loads(_reference(GOLD_DIR, out, "--json").stdout)
    assert s.facts.f1 == 1.0
    assert s.dates.gold > 0 and s.dates.matched == 0  # no documents.jsonl, so no dates
    assert ev.main([str(GOLD_DIR), str(out), "--min-f1", "0.99"]) == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    assert ev.main([str(GOLD_DIR), str(empty), "--min-f1", "0.1"]) == 1
    assert "documents missing from output: " in capsys.readouterr().out
