"""The engine interface: names, what the local engine reports about its workers, long documents on its pool."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from pipeline import document
from pipeline.config import Settings
from pipeline.engines import get_engine, long_docs
from pipeline.runner import UsageError, run
from tests.test_runner import FakeExtractor, outputs, records, write

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_unknown_engine_is_a_usage_error(tmp_path):
    write(tmp_path / "in", {"a.md": "A at Acme"})
    with pytest.raises(UsageError, match="unknown engine 'spark'"):
        run([str(tmp_path / "in")], tmp_path / "out", Settings(), engine="spark")


def test_ray_engine_without_ray_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now fails as if it were not installed
    with pytest.raises(UsageError, match=r"pip install '\.\[ray\]'"):
        get_engine("ray")


@pytest.mark.parametrize("workers", [1, 3])
def test_local_engine_reports_worker_start_up_and_memory(tmp_path, workers):
    write(tmp_path / "in", {f"d{i}.md": f"D{i} at Acme" for i in range(12)})
    res = run([str(tmp_path / "in")], tmp_path / "out", Settings(batch_size=2), workers=workers, extractor_factory=FakeExtractor)
    assert len(records(tmp_path / "out")) == 12 and res.processed == 12
    assert 1 <= len(res.worker_start_s) <= workers and all(s >= 0 for s in res.worker_start_s.values())
    assert res.worker_peak_mb and "peak memory per worker" in res.summary()
    assert 0 < res.first_result_s <= res.extract_s <= res.seconds


def _long_input(root: Path, size: int) -> Path:
    """A Markdown document of the seeds under headings, `size` characters or more, and a short one beside it."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    body, i = [], 0
    while sum(map(len, body)) < size:
        body.append(f"\n\n# Part {i + 1}\n\n{seeds[i % len(seeds)]}")
        i += 1
    write(root, {"long.md": "".join(body), "short.txt": "Mira Tallis is a research scientist at Northfield Labs.\n"})
    return root


def _kill_worker(part):
    os._exit(3)  # a crash in native code, as far as the pool can tell


@pytest.mark.parametrize("crash", [False, True], ids=["parts-on-workers", "worker-dies-under-a-part"])
def test_long_document_parts_on_workers_give_the_one_worker_output(tmp_path, monkeypatch, crash):
    """Parts of one long document run on 2 workers; the output is that of one process, byte for byte.

    When a worker dies under a part, the document is run again alone on a fresh worker, the usual way.
    """
    monkeypatch.setattr(document, "PART_CHARS", 4000)  # parts of the real size need a 100 KB document
    src = _long_input(tmp_path / "in", 24_000)
    one = run([str(src)], tmp_path / "one", Settings(), workers=1)
    if crash:
        monkeypatch.setattr(long_docs, "worker_part", _kill_worker)
    two = run([str(src)], tmp_path / "two", Settings(), workers=2)
    assert one.facts > 20 and one.failed == 0 == two.failed
    assert outputs(tmp_path / "two") == outputs(tmp_path / "one")
    assert "long documents, parts on workers" not in one.timings
    # Without a crash the long document ran here with its parts on the pool; after one, alone on a worker.
    assert ("long documents, parts on workers" in two.timings) is not crash
