"""The README's pandas and DuckDB queries, run as written on the seeds' output.

The blocks are read from the README itself, so the documented queries cannot drift
from what works; their rows are checked against what the seed's text says.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest

from pipeline.runner import run

ROOT = Path(__file__).resolve().parent.parent
SEED = "000_ad9236b2aa674660"
# The seed's Education list: "- 2020.09 - 2021.07: Master’s degree. National University of Singapore." and one more.
EDUCATION = {("National University of Singapore", "2020-09"), ("Beijing University of Posts and Telecommunications", "2016-09")}
# A document of our own whose only facts carry no start; its name reads as a number.
NO_START = "Mira Tallis is a research scientist at Northfield Labs.\nShe received her PhD in computer science from Eastbrook University.\n"


def _blocks(lang: str) -> list[str]:
    """The fenced `lang` blocks of the README's section on reading the output."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Reading the output with pandas and DuckDB", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{lang}\n(.*?)```", section, flags=re.S)


def _statements(folder: Path) -> list[str]:
    (sql,) = _blocks("sql")
    sql = sql.replace("'outputs/", f"'{folder}/")
    return [s.strip() for s in sql.split(";") if s.strip()]


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory, extractor) -> Path:
    out = tmp_path_factory.mktemp("seeds_out")
    run([str(ROOT / "seeds")], out, extractor_factory=lambda _s: extractor)
    return out


@pytest.fixture(scope="module")
def no_start_out(tmp_path_factory, extractor) -> Path:
    src = tmp_path_factory.mktemp("no_start_in")
    (src / "007.txt").write_text(NO_START, encoding="utf-8")
    out = tmp_path_factory.mktemp("no_start_out")
    run([str(src)], out, extractor_factory=lambda _s: extractor)
    facts = [json.loads(line) for line in (out / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert facts and all("start" not in f["qualifiers"] for f in facts)
    assert ("educated_at", "Eastbrook University") in {(f["relation"], f["object"]["canonical"]) for f in facts}
    return out


def _pandas(folder: Path) -> dict:
    pytest.importorskip("pandas")
    (code,) = _blocks("python")
    scope: dict = {}
    exec(code.replace('"outputs/', f'"{folder}/'), scope)  # noqa: S102 - the README's own block
    return scope


def test_pandas_block_gives_the_seeds_education_with_start(seeds_out: Path) -> None:
    scope = _pandas(seeds_out)
    edu = scope["educated"][scope["educated"].doc_id == SEED]
    assert {(o["canonical"], s) for o, s in zip(edu.object, edu.start)} == EDUCATION
    text = (ROOT / "seeds" / f"{SEED}.txt").read_text(encoding="utf-8")
    for ev, start in zip(edu.evidence, edu.start):
        assert text[ev["start"] : ev["end"]] == ev["text"]
        year, month = start.split("-")
        assert f"{year}.{month} - " in ev["text"]  # the start as the seed writes it, first of the range
    # A fact without the qualifier reads as None, not an error.
    others = scope["facts"][scope["facts"].doc_id != SEED]
    assert others.start.isna().any()


def test_pandas_block_keeps_a_numeric_doc_id_and_a_file_without_start(no_start_out: Path) -> None:
    scope = _pandas(no_start_out)
    assert scope["educated"].doc_id.tolist() == ["007"]
    assert scope["educated"].start.isna().all()


def test_duckdb_statements_on_the_seeds(seeds_out: Path) -> None:
    con = duckdb.connect()
    columns, by_path, raw = (con.sql(s).fetchall() for s in _statements(seeds_out))
    assert (SEED, "educated_at", "Yao Luo", "National University of Singapore") in columns
    assert len(columns) == len((seeds_out / "facts.jsonl").read_text(encoding="utf-8").splitlines())
    assert {(school, start) for doc, school, start in by_path if doc == SEED} == EDUCATION
    assert {start for doc, start in raw if doc == SEED} == {s for _, s in EDUCATION}
    assert sorted(s for _, _, s in by_path if s) == sorted(s for _, s in raw if s)


def test_duckdb_statements_on_a_file_where_no_fact_has_a_start(no_start_out: Path) -> None:
    con = duckdb.connect()
    facts = f"'{no_start_out}/facts.jsonl'"
    # The direct form the README warns about: DuckDB infers a STRUCT without `start`.
    with pytest.raises(duckdb.BinderException, match="start"):
        con.sql(f"SELECT qualifiers.start FROM {facts} WHERE relation = 'educated_at'").fetchall()
    columns, by_path, raw = (con.sql(s).fetchall() for s in _statements(no_start_out))
    assert ("007", "educated_at", "Mira Tallis", "Eastbrook University") in columns
    assert by_path == [("007", "Eastbrook University", None)]
    assert raw == [("007", None)]


def test_duckdb_raw_statement_is_exact_past_the_schema_sample(tmp_path: Path, seeds_out: Path, no_start_out: Path) -> None:
    """A start first seen after DuckDB's 20,480 sampled lines is still read by the README's last statement."""
    filler = (no_start_out / "facts.jsonl").read_text(encoding="utf-8")
    seeds = (seeds_out / "facts.jsonl").read_text(encoding="utf-8")
    lines = filler.count("\n")
    (tmp_path / "facts.jsonl").write_text(filler * (20_480 // lines + 1) + seeds, encoding="utf-8")
    raw = duckdb.connect().sql(_statements(tmp_path)[-1]).fetchall()
    assert {start for doc, start in raw if doc == SEED} == {s for _, s in EDUCATION}
    assert sum(1 for doc, _ in raw if doc == "007") == 20_480 // lines + 1
