"""Score pipeline output against gold facts.

`python -m pipeline evaluate GOLD_DIR OUT_DIR [--json] [--min-f1 X]` reads
GOLD_DIR/*.gold.json and OUT_DIR/facts.jsonl + OUT_DIR/documents.jsonl and
prints per-relation precision/recall/F1, qualifier accuracy on matched facts
and date-mention scores. The matching rules are those of the reference scorer
the gold was written for (fuzzy names, greedy best match per gold fact), so the
numbers here and there agree exactly; `match_document` is exposed so the review
report can mark every fact correct, wrong or missing.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Literal, Mapping, Sequence

Record = Mapping[str, Any]

DATE_QUALIFIERS = frozenset({"start", "end", "date"})
MATCH_THRESHOLD = 0.8
QUALIFIER_THRESHOLD = 0.7
HOMEPAGE_SUBJECT_THRESHOLD = 0.85
TRUNCATED_AUTHOR_THRESHOLD = 0.8
VALUE_RELATIONS = frozenset({"date_of_birth"})  # object compared as a date value, not a name

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


# --- string comparison -----------------------------------------------------------------


def norm(value: Any) -> str:
    """Comparable form of a name: accents, case, quotes, markup and edge punctuation removed.

    A dict (an argument record) is compared by its canonical form, else its name,
    value or text, whichever comes first and is non-empty.
    """
    if value is None:
        return ""
    if isinstance(value, Mapping):
        for key in ("canonical", "name", "value", "text"):
            if value.get(key):
                return norm(value[key])
        return ""
    s = unicodedata.normalize("NFKD", str(value))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().translate(_QUOTES)
    s = re.sub(r"\s*-\s*", "-", s)
    s = re.sub(r"[\"“”*_`]+", "", s)
    s = re.sub(r"\s+", " ", s).strip(" .,;:!?'\"()[]")
    s = re.sub(r"^(the|a|an) ", "", s)
    return s


def sim(a: Any, b: Any) -> float:
    """Similarity in [0, 1]; a name whose words all occur in a name at most twice as long scores at least 0.9."""
    a, b = norm(a), norm(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ta, tb = set(a.split()), set(b.split())
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    contain = len(short & long_) / len(short) if short else 0
    cover = len(short) / len(long_) if long_ else 0
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    if contain == 1.0 and cover >= 0.5:
        ratio = max(ratio, 0.9)
    return ratio


def date_eq(gold: Any, system: Any) -> bool:
    """Same date value; "now" and "present" are the same open end."""
    g, s = norm(gold), norm(system)
    return g == s or (g in ("present", "now") and s in ("present", "now"))


def doc_key(doc_id: Any) -> str:
    """Key that pairs a gold file with output records: the normalized file stem."""
    return norm(Path(str(doc_id)).stem)


# --- counts ----------------------------------------------------------------------------


def prf(gold: int, system: int, tp: int) -> tuple[float, float, float]:
    p = tp / system if system else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class Counts:
    """Facts of one relation: in gold, produced (after filtering), and matched."""

    gold: int = 0
    sys: int = 0
    tp: int = 0

    def add(self, other: "Counts") -> None:
        self.gold += other.gold
        self.sys += other.sys
        self.tp += other.tp

    @property
    def p(self) -> float:
        return prf(self.gold, self.sys, self.tp)[0]

    @property
    def r(self) -> float:
        return prf(self.gold, self.sys, self.tp)[1]

    @property
    def f1(self) -> float:
        return prf(self.gold, self.sys, self.tp)[2]


@dataclass
class QualifierCount:
    right: int = 0
    total: int = 0


@dataclass
class DateCounts:
    """Distinct (text, value) date pairs: gold, produced, matched by text, and of those with the right value."""

    gold: int = 0
    sys: int = 0
    matched: int = 0
    value_right: int = 0

    def add(self, other: "DateCounts") -> None:
        self.gold += other.gold
        self.sys += other.sys
        self.matched += other.matched
        self.value_right += other.value_right

    def prf(self) -> tuple[float, float, float]:
        return prf(self.gold, self.sys, self.matched)

    @property
    def value_f1(self) -> float:
        return prf(self.gold, self.sys, self.value_right)[2]


# --- one document ----------------------------------------------------------------------


@dataclass(frozen=True)
class QualifierCheck:
    key: str
    gold: Any
    system: Any
    ok: bool


@dataclass(frozen=True)
class Pair:
    """A gold fact and the produced fact matched to it (None: the gold fact was missed)."""

    gold_index: int
    fact_index: int | None
    score: float
    qualifiers: tuple[QualifierCheck, ...] = ()


FactStatus = Literal["correct", "wrong", "unscored"]


@dataclass
class DocMatch:
    """How one document's produced facts line up with its gold.

    Indices refer to the gold fact list and the fact list given to `match_document`.
    `unscored` facts were left out before matching (author_of by someone other than
    a homepage's owner, or papers beyond a truncated gold publication list).
    """

    pairs: list[Pair]
    kept: list[int]
    unscored: list[int]
    relations: dict[Any, Counts]
    qualifiers: dict[str, QualifierCount]

    def fact_status(self, fact_index: int) -> FactStatus:
        if fact_index in self._matched:
            return "correct"
        if fact_index in self._unscored:
            return "unscored"
        return "wrong"

    def gold_for(self, fact_index: int) -> int | None:
        return self._matched.get(fact_index)

    @property
    def missing(self) -> list[int]:
        return [p.gold_index for p in self.pairs if p.fact_index is None]

    @property
    def totals(self) -> Counts:
        total = Counts()
        for c in self.relations.values():
            total.add(c)
        return total

    def __post_init__(self) -> None:
        self._matched = {p.fact_index: p.gold_index for p in self.pairs if p.fact_index is not None}
        self._unscored = set(self.unscored)


def _date_value(obj: Any) -> Any:
    return (obj or {}).get("value") if isinstance(obj, Mapping) else obj


def _object_score(relation: str, fact_object: Any, gold_object: Any) -> float:
    if relation not in VALUE_RELATIONS:
        return sim(fact_object, gold_object)
    if date_eq(gold_object, _date_value(fact_object)) or sim(fact_object, gold_object) > 0.99:
        return 1.0
    return 0.0


def _scored(gold: Record, facts: Sequence[Record]) -> tuple[list[int], list[int]]:
    """Split fact indices into those that are scored and those the gold does not judge."""
    subject = gold.get("subject")
    gold_works = [x["object"] for x in gold.get("facts", []) if x["relation"] == "author_of"]
    kept: list[int] = []
    unscored: list[int] = []
    for i, f in enumerate(facts):
        if f.get("relation") == "author_of":
            if gold.get("kind") == "homepage" and sim(f.get("subject"), subject) < HOMEPAGE_SUBJECT_THRESHOLD:
                unscored.append(i)
                continue
            if gold.get("author_of_truncated") and max(
                [sim(f.get("object"), o) for o in gold_works] or [0]
            ) < TRUNCATED_AUTHOR_THRESHOLD:
                unscored.append(i)
                continue
        kept.append(i)
    return kept, unscored


def _check_qualifiers(gold_fact: Record, fact: Record) -> tuple[QualifierCheck, ...]:
    produced = fact.get("qualifiers") or {}
    checks = []
    for key, gold_value in (gold_fact.get("qualifiers") or {}).items():
        value = produced.get(key)
        if key in DATE_QUALIFIERS:
            ok = value is not None and date_eq(gold_value, _date_value(value))
        else:
            ok = value is not None and sim(value, gold_value) >= QUALIFIER_THRESHOLD
        checks.append(QualifierCheck(key, gold_value, value, ok))
    return tuple(checks)


def match_document(gold: Record, facts: Sequence[Record]) -> DocMatch:
    """Match one document's facts (JSON form) to its gold facts.

    Each gold fact in order takes the not yet used fact of its relation with the
    highest min(subject similarity, object similarity), if that is at least 0.8;
    on ties the earlier fact wins.
    """
    gold_facts = gold.get("facts", [])
    kept, unscored = _scored(gold, facts)
    relations: dict[Any, Counts] = defaultdict(Counts)
    qualifiers: dict[str, QualifierCount] = defaultdict(QualifierCount)
    for x in gold_facts:
        relations[x["relation"]].gold += 1
    for i in kept:
        relations[facts[i].get("relation")].sys += 1

    used: set[int] = set()
    pairs: list[Pair] = []
    for gi, x in enumerate(gold_facts):
        best, best_i = 0.0, None
        for i in kept:
            f = facts[i]
            if i in used or f.get("relation") != x["relation"]:
                continue
            s = min(sim(f.get("subject"), x["subject"]), _object_score(x["relation"], f.get("object"), x["object"]))
            if s >= MATCH_THRESHOLD and s > best:
                best, best_i = s, i
        if best_i is None:
            pairs.append(Pair(gi, None, 0.0))
            continue
        used.add(best_i)
        relations[x["relation"]].tp += 1
        checks = _check_qualifiers(x, facts[best_i])
        for c in checks:
            qualifiers[c.key].total += 1
            qualifiers[c.key].right += c.ok
        pairs.append(Pair(gi, best_i, best, checks))
    return DocMatch(pairs, kept, unscored, dict(relations), dict(qualifiers))


def _distinct_dates(dates: Iterable[Record]) -> list[Record]:
    # a wording listed several times counts once; first position, last record
    return list({(norm(d.get("text")), norm(d.get("value"))): d for d in dates}.values())


def match_dates(gold_dates: Iterable[Record], system_dates: Iterable[Record]) -> DateCounts:
    """Distinct (text, value) pairs; a gold date matches a produced one whose text contains or is contained in it."""
    gd = _distinct_dates(gold_dates)
    sd = _distinct_dates(system_dates)
    counts = DateCounts(gold=len(gd), sys=len(sd))
    used: set[int] = set()
    for x in gd:
        gt = norm(x["text"])
        cands = []
        for i, d in enumerate(sd):
            t = norm(d.get("text"))
            if i not in used and t and (gt in t or t in gt):
                cands.append((date_eq(x["value"], d.get("value")), t == gt, -i, i))
        if cands:
            right, _, _, i = max(cands)
            used.add(i)
            counts.matched += 1
            counts.value_right += right
    return counts


# --- a whole corpus --------------------------------------------------------------------


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    """Records of a JSONL file; unreadable lines are skipped, a missing file is empty."""
    out: list[dict[str, Any]] = []
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line:
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    return out


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    golds: dict[str, dict[str, Any]] = {}
    for p in sorted(Path(gold_dir).glob("*.gold.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        golds[doc_key(g.get("doc_id") or p.name[: -len(".gold.json")])] = g
    return golds


@dataclass
class Scores:
    relations: dict[Any, Counts] = field(default_factory=lambda: defaultdict(Counts))
    qualifiers: dict[str, QualifierCount] = field(default_factory=lambda: defaultdict(QualifierCount))
    dates: DateCounts = field(default_factory=DateCounts)
    missing_docs: list[str] = field(default_factory=list)

    @property
    def facts(self) -> Counts:
        total = Counts()
        for c in self.relations.values():
            total.add(c)
        return total

    def sorted_relations(self) -> list[tuple[Any, Counts]]:
        return sorted(self.relations.items(), key=lambda kv: str(kv[0]))

    def to_json(self) -> dict[str, Any]:
        t = self.facts
        dp, dr, df = self.dates.prf()
        return {
            "facts": {"gold": t.gold, "sys": t.sys, "tp": t.tp, "p": t.p, "r": t.r, "f1": t.f1},
            "relations": {k: {"gold": c.gold, "sys": c.sys, "tp": c.tp, "f1": c.f1} for k, c in self.sorted_relations()},
            "qualifiers": {k: {"right": q.right, "total": q.total} for k, q in self.qualifiers.items()},
            "dates": {
                "gold": self.dates.gold,
                "sys": self.dates.sys,
                "matched": self.dates.matched,
                "value_right": self.dates.value_right,
                "p": dp,
                "r": dr,
                "f1": df,
                "value_f1": self.dates.value_f1,
            },
            "missing_docs": list(self.missing_docs),
        }


@dataclass
class Output:
    """An output folder's records grouped by document key."""

    facts: dict[str, list[dict[str, Any]]]
    documents: dict[str, dict[str, Any]]

    @classmethod
    def load(cls, out_dir: Path) -> "Output":
        facts: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for f in load_jsonl(Path(out_dir) / "facts.jsonl"):
            facts[doc_key(f.get("doc_id", ""))].append(f)
        documents = {doc_key(d.get("doc_id", "")): d for d in load_jsonl(Path(out_dir) / "documents.jsonl")}
        return cls(dict(facts), documents)


def score(gold_dir: Path, out_dir: Path) -> Scores:
    golds = load_gold(gold_dir)
    output = Output.load(out_dir)
    result = Scores()
    for key, gold in golds.items():
        if key not in output.documents and key not in output.facts:
            result.missing_docs.append(key)
        m = match_document(gold, output.facts.get(key, []))
        for rel, c in m.relations.items():
            result.relations[rel].add(c)
        for k, q in m.qualifiers.items():
            result.qualifiers[k].right += q.right
            result.qualifiers[k].total += q.total
        system_dates = (output.documents.get(key) or {}).get("dates") or []
        result.dates.add(match_dates(gold.get("dates", []), system_dates))
    return result


def format_text(scores: Scores) -> str:
    t = scores.facts
    lines = [f"{'relation':20} {'gold':>5} {'sys':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for k, c in scores.sorted_relations():
        lines.append(f"{str(k):20} {c.gold:5} {c.sys:5} {c.tp:5} {c.p:6.3f} {c.r:6.3f} {c.f1:6.3f}")
    lines.append(f"{'ALL':20} {t.gold:5} {t.sys:5} {t.tp:5} {t.p:6.3f} {t.r:6.3f} {t.f1:6.3f}")
    quals = ", ".join(f"{k} {q.right}/{q.total}" for k, q in sorted(scores.qualifiers.items()))
    lines.append(f"qualifiers right/total on matched facts: {quals}")
    d = scores.dates
    dp, dr, df = d.prf()
    lines.append(
        f"date mentions: gold {d.gold} sys {d.sys} matched {d.matched} P {dp:.3f} R {dr:.3f} F1 {df:.3f}; "
        f"value-correct {d.value_right} -> value F1 {d.value_f1:.3f}"
    )
    if scores.missing_docs:
        lines.append(f"documents missing from output: {len(scores.missing_docs)} {scores.missing_docs[:10]}")
    lines.append(f"facts F1 {t.f1:.3f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m pipeline evaluate",
        description="Score OUT_DIR (facts.jsonl, documents.jsonl) against GOLD_DIR/*.gold.json.",
    )
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--min-f1", type=float, default=None, help="exit 1 when facts F1 is below this")
    a = ap.parse_args(list(argv) if argv is not None else None)
    for label, path in (("gold folder", a.gold_dir), ("output folder", a.out_dir)):
        if not path.is_dir():
            print(f"evaluate: {label} not found: {path}", file=sys.stderr)
            return 2
    from .manifest import check_outputs

    problem = check_outputs(a.out_dir)
    if problem is not None:
        print(f"evaluate: {problem}", file=sys.stderr)
        return 2
    scores = score(a.gold_dir, a.out_dir)
    print(json.dumps(scores.to_json(), indent=1) if a.json else format_text(scores))
    if a.min_f1 is not None and scores.facts.f1 < a.min_f1:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
