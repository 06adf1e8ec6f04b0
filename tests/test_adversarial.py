"""Hostile and very large documents finish well inside the run's own per-document time limit.

The guard is the run's time limit, not a timer in the test: a stage that is
quadratic in the document (or a pattern that backtracks) turns these documents
into `timeout` records. Each took minutes before it was made linear.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.config import Settings
from pipeline.runner import DOCUMENTS_NAME, run

# Well above what these take now on a loaded machine (a few CPU seconds each), well below what
# they took before (minutes each).
LIMIT_S = 90.0

ADVERSARIAL = {
    # e-mail patterns: every position of a long run of local-part characters used to rescan the run
    "email_run.txt": "a" * 99_950 + " (at) example dot org\n",
    # the version-bearing product patterns: one 100 KB capitalised word
    "long_word.txt": "A" + "b" * 99_990 + "\n",
    # sections were searched for every line (three times over)
    "headings.md": "".join(f"# Heading {i}\n" for i in range(25_000)),
    # the list-item separator check walked every entity for every separator
    "list.md": "# Experience\n\n" + "".join(f"- 20{i % 90 + 10:02d} - 20{i % 90 + 11:02d}: Research Scientist, Northwind Labs {i}, Springfield\n" for i in range(4_000)),
}


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    src = tmp_path_factory.mktemp("adversarial")
    for name, text in ADVERSARIAL.items():
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    run([str(src)], out / "o", Settings(timeout_s=LIMIT_S))
    return {r["doc_id"]: r for r in map(json.loads, (out / "o" / DOCUMENTS_NAME).read_text(encoding="utf-8").splitlines())}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_finishes_within_the_time_limit(records: dict[str, dict], name: str) -> None:
    rec = records[Path(name).stem]
    assert rec["status"] == "ok", rec["error"]

