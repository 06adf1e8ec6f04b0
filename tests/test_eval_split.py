"""bench/eval_split.py: facts split by kind of document and by whom the gold fact is about."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("eval_split", Path(__file__).resolve().parents[1] / "bench" / "eval_split.py")
eval_split = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(eval_split)


def _fact(doc_id, relation, subject, obj):
    return {"doc_id": doc_id, "relation": relation, "subject": {"text": subject, "label": "PERSON", "canonical": subject}, "object": {"text": obj, "label": "ORG", "canonical": obj}}


def test_split_by_kind_and_person(tmp_path):
    gold, out = tmp_path / "gold", tmp_path / "out"
    gold.mkdir()
    out.mkdir()
    (gold / "spk_a.gold.json").write_text(json.dumps({
        "doc_id": "spk_a", "subject": "Ada Quist", "facts": [
            {"relation": "employed_by", "subject": "Ada Quist", "object": "Eastfield University"},
            {"relation": "employed_by", "subject": "Bo Lind", "object": "Quillon"},
            {"relation": "employed_by", "subject": "Cy Moss", "object": "Lakeside College"},
        ]}), encoding="utf-8")
    (gold / "hp_b.gold.json").write_text(json.dumps({
        "doc_id": "hp_b", "subject": "Dee Holt", "facts": [{"relation": "employed_by", "subject": "Dee Holt", "object": "Northwind Labs"}]}), encoding="utf-8")
    facts = [
        _fact("spk_a", "employed_by", "Ada Quist", "Eastfield University"),  # subject, right
        _fact("spk_a", "employed_by", "Ada Quist", "Quillon"),  # Bo Lind's job given to the subject: a wrong subject fact
        _fact("spk_a", "employed_by", "Cy Moss", "Lakeside College"),  # other, right
        _fact("hp_b", "employed_by", "Dee Holt", "Northwind Labs"),
    ]
    (out / "facts.jsonl").write_text("".join(json.dumps(f) + "\n" for f in facts), encoding="utf-8")
    (out / "documents.jsonl").write_text(json.dumps({"doc_id": "spk_a"}) + "\n" + json.dumps({"doc_id": "hp_b"}) + "\n", encoding="utf-8")
    t = eval_split.split_scores(gold, out)
    spk_subject, spk_other = t["spk"]["subject"], t["spk"]["other"]
    assert (spk_subject.gold, spk_subject.sys, spk_subject.tp) == (1, 2, 1)
    assert (spk_other.gold, spk_other.sys, spk_other.tp) == (2, 1, 1)
    assert (t["hp"]["all"].gold, t["hp"]["all"].tp) == (1, 1)
    assert (t["ALL"]["all"].gold, t["ALL"]["all"].sys, t["ALL"]["all"].tp) == (4, 4, 3)
    table = eval_split.format_table(t)
    assert "spk" in table and "found" in table
    spk_row = next(r for r in table.splitlines() if r.startswith("spk"))
    assert spk_row.split()[1:3] == ["3", "2"]  # gold, found
