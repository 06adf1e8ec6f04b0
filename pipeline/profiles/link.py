"""Which records may be one person: a Fellegi-Sunter model in Splink, on DuckDB.

Candidate pairs come from a union of blocking keys (surname + first initial in both name
orders, every pinyin reading of a Han-character name, the Han name as written, e-mail address,
homepage URL), never
from affiliation alone, and never within one document. Each pair gets a match probability
from the comparisons below. The m and u probabilities start from the priors written here;
on a corpus large enough for it, u is re-estimated by random sampling and m by
expectation maximisation (no labels); on a small one the priors stand, since a few hundred
pairs cannot estimate them. The name comparison always keeps its priors (see `comparisons`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from .names import is_common
from .records import Record

# Below these sizes the model keeps its priors: u sampling assumes random pairs are
# non-matches (false on a small corpus about few people) and EM needs many pairs per level.
MIN_RECORDS_FOR_U = 5000
MIN_PAIRS_FOR_EM = 5000
PRIOR_MATCH = 1e-4  # probability that two random records are one person, before training


@dataclass(frozen=True, slots=True)
class Pair:
    a: int
    b: int
    probability: float


def _nullable(values: set[str]) -> list[str] | None:
    return sorted(values) or None


def to_rows(records: list[Record]) -> list[dict[str, Any]]:
    rows = []
    for r in records:
        keys = r.keys
        primary = keys[0] if keys else None
        rows.append(
            {
                "unique_id": r.rid,
                "doc_id": r.doc_id,
                "names": _nullable({f"{k.first} {k.surname}" for k in keys} | r.han_names),
                "block_keys": _nullable(r.blocking),
                "first_key": min(r.blocking) if r.blocking else None,
                "given": primary.first if primary else None,
                "common": bool(primary and is_common(primary)),
                "emails": _nullable(r.emails),
                "homepages": _nullable(r.homepages),
                "employers": _nullable(r.employers),
                "schools": _nullable(r.schools),
                "topics": _nullable(r.topics),
                "comentions": _nullable(r.comentions),
                "birth_year": min(r.birth_years) if r.birth_years else None,
            }
        )
    return rows


def _level(sql: str, label: str, m: float, u: float, null: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"sql_condition": sql, "label_for_charts": label}
    if null:
        out["is_null_level"] = True
    else:
        out.update(m_probability=m, u_probability=u)
    return out


def _null(col: str) -> dict[str, Any]:
    return _level(f'"{col}_l" IS NULL OR "{col}_r" IS NULL', f"{col} missing", 0, 0, null=True)


def _overlap(col: str, n: int) -> str:
    return f'len(list_intersect("{col}_l", "{col}_r")) >= {n}'


def _set_comparison(col: str, levels: list[tuple[int, float, float]], else_m: float, else_u: float) -> dict[str, Any]:
    """Null / shares at least n values (for each (n, m, u)) / shares none."""
    lv = [_null(col)] + [_level(_overlap(col, n), f"{col} share {n}+", m, u) for n, m, u in levels]
    lv.append(_level("ELSE", f"{col} disjoint", else_m, else_u))
    return {"output_column_name": col, "comparison_levels": lv}


def comparisons() -> list[dict[str, Any]]:
    """The model: one comparison per kind of evidence, with prior m and u per level."""
    name = {
        "output_column_name": "name",
        "comparison_levels": [
            _null("names"),
            # first name and surname equal, middle names aside ("Yann LeCun", "Yann André Le Cun")
            _level('list_has_any("names_l", "names_r") AND NOT "common_l"', "same name", 0.85, 1e-5),
            _level('list_has_any("names_l", "names_r")', "same common name", 0.85, 2e-3),
            _level(
                'list_has_any("block_keys_l", "block_keys_r") AND jaro_winkler_similarity("given_l", "given_r") >= 0.88',
                "same surname, similar first name",
                0.05,
                2e-5,
            ),
            _level('list_has_any("block_keys_l", "block_keys_r")', "same surname and initial", 0.05, 5e-4),
            _level("ELSE", "different names", 0.05, 0.997),
        ],
    }
    birth = {
        "output_column_name": "birth_year",
        "comparison_levels": [
            _null("birth_year"),
            _level('"birth_year_l" = "birth_year_r"', "same birth year", 0.95, 0.02),
            _level("ELSE", "different birth years", 0.05, 0.98),
        ],
    }
    # Name levels keep their priors: they stand for how often two people share a name in the
    # population, which a corpus that names each person several times cannot estimate (random
    # pairs of it are often the same person, so u sampling inflates u of "same name").
    for lv in name["comparison_levels"]:
        if not lv.get("is_null_level"):
            lv.update(fix_m_probability=True, fix_u_probability=True)
    return [
        name,
        _set_comparison("emails", [(1, 0.30, 1e-5)], 0.20, 0.99999),
        _set_comparison("homepages", [(1, 0.30, 1e-5)], 0.20, 0.99999),
        _set_comparison("employers", [(2, 0.25, 2e-4), (1, 0.35, 5e-3)], 0.40, 0.995),
        _set_comparison("schools", [(1, 0.40, 1e-2)], 0.40, 0.99),
        _set_comparison("topics", [(2, 0.20, 2e-3), (1, 0.30, 2e-2)], 0.50, 0.978),
        _set_comparison("comentions", [(1, 0.30, 2e-3)], 0.70, 0.998),
        birth,
    ]


def _rule(key: str) -> dict[str, Any]:
    return {"blocking_rule": f'l."{key}" = r."{key}" AND l.doc_id <> r.doc_id', "arrays_to_explode": [key]}


def settings() -> dict[str, Any]:
    return {
        "link_type": "dedupe_only",
        "probability_two_random_records_match": PRIOR_MATCH,
        "blocking_rules_to_generate_predictions": [_rule("block_keys"), _rule("emails"), _rule("homepages")],
        "comparisons": comparisons(),
        "retain_matching_columns": False,
        "retain_intermediate_calculation_columns": False,
    }


def score_pairs(records: list[Record], train: bool | None = None) -> list[Pair]:
    """Match probability of every candidate pair, sorted by (a, b).

    A record named by a given name alone takes no part: only `given.attach_given` links it, on evidence."""
    records = [r for r in records if not r.given_only]
    if len(records) < 2:
        return []
    import pyarrow as pa
    from splink import DuckDBAPI, Linker, block_on

    logging.getLogger("splink").setLevel(logging.ERROR)
    db = DuckDBAPI()
    table = pa.Table.from_pylist(to_rows(records))
    linker = Linker(db.register(table), settings(), log_level=None)
    if train is None:
        train = len(records) >= MIN_RECORDS_FOR_U
    if train:
        linker.training.estimate_u_using_random_sampling(max_pairs=1e7, seed=17)
        if _em_pairs(records) >= MIN_PAIRS_FOR_EM:
            linker.training.estimate_parameters_using_expectation_maximisation(block_on("first_key"), fix_u_probabilities=True)
    rel = linker.inference.predict().as_duckdbpyrelation()
    out: dict[tuple[int, int], float] = {}
    for a, b, p in rel.select("unique_id_l, unique_id_r, match_probability").fetchall():
        a, b = min(int(a), int(b)), max(int(a), int(b))
        out[(a, b)] = max(out.get((a, b), 0.0), round(float(p), 6))
    return [Pair(a, b, p) for (a, b), p in sorted(out.items())]


def _em_pairs(records: list[Record]) -> int:
    from collections import Counter

    counts = Counter(min(r.blocking) for r in records if r.blocking)
    return sum(n * (n - 1) // 2 for n in counts.values())
