"""The engine interface: names, and what the local engine reports about its workers."""

from __future__ import annotations

import sys

import pytest

from pipeline.config import Settings
from pipeline.engines import get_engine
from pipeline.runner import UsageError, run
from tests.test_runner import FakeExtractor, records, write


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
