"""Facts F1 split by kind of document and by whom a fact is about.

usage: python bench/eval_split.py GOLD_DIR OUT_DIR [--json]

Kind is the document id's prefix (hp, bio, news, spk, wiki, ...). "subject" facts
are gold facts whose subject is written exactly as the document's gold subject,
"other" the rest; a produced fact joins the group of the gold fact it matched, or,
unmatched, the group its subject name falls in (the document subject when the
names are similar enough to match). Matching is `pipeline.evaluate.match_document`,
the reference scorer's. Each cell gives the gold count, the matched count ("found")
and F1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.evaluate import (
    MATCH_THRESHOLD,
    Counts,
    Output,
    doc_key,
    load_gold,
    match_document,
    sim,
)


def kinds_of(gold_dir: Path) -> dict[str, str]:
    """Document key -> kind, from the gold file names ("spk_x.gold.json" -> "spk")."""
    return {doc_key(json.loads(p.read_text(encoding="utf-8")).get("doc_id") or p.name[: -len(".gold.json")]): p.name.split("_", 1)[0] for p in sorted(Path(gold_dir).glob("*.gold.json"))}


def _group(name, subject: str | None) -> str:
    return "subject" if subject and sim(name, subject) >= MATCH_THRESHOLD else "other"


def _gold_group(fact: dict, subject: str | None) -> str:
    return "subject" if subject and fact["subject"] == subject else "other"


def split_scores(gold_dir: Path, out_dir: Path) -> dict[str, dict[str, Counts]]:
    """Counts per kind and per group ("subject"/"other"), plus the totals under "ALL"."""
    golds = load_gold(gold_dir)
    kinds = kinds_of(gold_dir)
    output = Output.load(out_dir)
    table: dict[str, dict[str, Counts]] = defaultdict(lambda: defaultdict(Counts))
    for key, gold in golds.items():
        facts = output.facts.get(key, [])
        m = match_document(gold, facts)
        subject = gold.get("subject")
        gold_facts = gold.get("facts", [])


        counts: dict[str, Counts] = defaultdict(Counts)
        for x in gold_facts:
            counts[_gold_group(x, subject)].gold += 1
        matched = {p.fact_index: p.gold_index for p in m.pairs if p.fact_index is not None}
        for i in m.kept:
            gi = matched.get(i)
            group = _gold_group(gold_facts[gi], subject) if gi is not None else _group(facts[i].get("subject"), subject)
            counts[group].sys += 1
            counts[group].tp += gi is not None
        for group, c in counts.items():
            for k in (kinds.get(key, "other"), "ALL"):
                table[k][group].add(c)
                table[k]["all"].add(c)
    return table


def format_table(table: dict[str, dict[str, Counts]]) -> str:
    rows = [f"{'kind':6} {'facts':>20} {'subject person':>22} {'other people':>22}", f"{'':6} {'gold found  F1':>20} {'gold found  F1':>22} {'gold found  F1':>22}"]
    for kind in sorted(table, key=lambda k: (k == "ALL", k)):
        cells = []
        for group in ("all", "subject", "other"):
            c = table[kind].get(group, Counts())
            cells.append(f"{c.gold:5} {c.tp:5} {c.f1:6.3f}" if c.gold or c.sys else f"{'-':>5} {'-':>5} {'-':>6}")
        rows.append(f"{kind:6} {cells[0]:>20} {cells[1]:>22} {cells[2]:>22}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    table = split_scores(a.gold_dir, a.out_dir)
    if a.json:
        print(json.dumps({k: {g: {"gold": c.gold, "sys": c.sys, "tp": c.tp, "f1": round(c.f1, 4)} for g, c in v.items()} for k, v in table.items()}, indent=1, sort_keys=True))
    else:
        print(format_table(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
