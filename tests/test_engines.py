"""The engine interface: names, what the local engine reports about its workers, long documents on its pool."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import document
from pipeline.config import Settings
from pipeline.engines import get_engine, local
from pipeline.engines.ray_engine import check_reachable
from pipeline.runner import UsageError, run
from tests.test_runner import FakeExtractor, outputs, records, write

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


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


def test_long_document_parts_on_workers_give_the_one_worker_output(tmp_path, monkeypatch):
    """Parts of one long document run on 2 workers; the output is that of one process, byte for byte."""
    monkeypatch.setattr(document, "PART_CHARS", 4000)  # parts of the real size need a 100 KB document
    src = _long_input(tmp_path / "in", 24_000)
    one = run([str(src)], tmp_path / "one", Settings(), workers=1)
    two = run([str(src)], tmp_path / "two", Settings(), workers=2)
    assert one.facts > 20 and one.failed == 0 == two.failed
    assert outputs(tmp_path / "two") == outputs(tmp_path / "one")
    assert "long documents, parts on workers" not in one.timings
    assert two.timings["long documents, parts on workers"] > 0
    assert len(two.worker_peak_mb) >= 2  # this process and at least one worker that ran parts


def test_long_document_whose_part_kills_a_worker_gets_an_internal_record(tmp_path, monkeypatch):
    """As with any document that kills its worker (alone, or again when retried alone); the others are unaffected."""
    monkeypatch.setattr(document, "PART_CHARS", 4000)
    src = _long_input(tmp_path / "in", 24_000)
    one = run([str(src)], tmp_path / "one", Settings(), workers=1)
    parent, model = os.getpid(), document.run_model_parts

    def model_crashes_in_workers(nlp, parts, timings=None):
        if os.getpid() != parent:
            os._exit(3)  # a crash in native code, as far as the pool can tell
        return model(nlp, parts, timings)

    monkeypatch.setattr(document, "run_model_parts", model_crashes_in_workers)  # forked workers inherit it
    two = run([str(src)], tmp_path / "two", Settings(), workers=2)
    assert one.failed == 0 and two.errors == {"internal": 1}
    got, expected = records(tmp_path / "two"), records(tmp_path / "one")
    assert got["long"]["error"]["message"] == "The worker process died while processing this document."
    assert got["short"] == expected["short"] and expected["short"]["facts"]


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_cluster_address_reachability():
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        check_reachable(f"127.0.0.1:{listening.getsockname()[1]}")  # something answers: no error
        check_reachable(f"ray://127.0.0.1:{listening.getsockname()[1]}")
    check_reachable("auto")  # left to Ray, which answers at once
    with pytest.raises(UsageError, match="cannot reach the Ray cluster at 127.0.0.1:.*refused"):
        check_reachable(f"127.0.0.1:{_closed_port()}")
    with pytest.raises(UsageError, match="expected auto, HOST:PORT or ray://HOST:PORT"):
        check_reachable("head-node")


def test_unreachable_ray_address_is_refused_at_once(tmp_path):
    """Not a hang: ray.init alone retries such an address for minutes. Exit 2, nothing written."""
    pytest.importorskip("ray", reason="Ray is not installed: pip install '.[ray]' (make test installs requirements-ray.lock)")
    write(tmp_path / "in", {"a.txt": "Mira Tallis works at Northfield Labs."})
    address = f"127.0.0.1:{_closed_port()}"
    cmd = [sys.executable, "-m", "pipeline", "extract", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--engine", "ray", "--ray-address", address]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert f"cannot reach the Ray cluster at {address}" in proc.stderr
    assert not (tmp_path / "out").exists()


def _init_under_a_raising_sigterm_handler(out_dir: str, conn) -> None:
    """In a forked child that inherited a SIGTERM handler which raises, as the command line installs."""
    import signal

    def raising(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, raising)
    local._worker_init(FakeExtractor, Settings(), out_dir, "k", os.getppid())
    conn.send(signal.getsignal(signal.SIGTERM) == signal.SIG_DFL)


def test_a_worker_ends_on_sigterm_whatever_handler_it_inherited(tmp_path):
    """terminate() must end a worker: a handler that raises would be caught with the task, and the worker would go on."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    here, there = ctx.Pipe()
    child = ctx.Process(target=_init_under_a_raising_sigterm_handler, args=(str(tmp_path), there))
    child.start()
    try:
        assert here.poll(60) and here.recv() is True
    finally:
        child.join(60)
