"""--engine ray: the same output as the local engine, byte for byte, through crashes and a killed driver.

One local Ray instance serves the module (3 CPUs: two actors, one CPU kept free).
Skipped when Ray is not installed (`pip install '.[ray]'`; `make test` installs it).
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason="Ray is not installed: pip install '.[ray]' (make test installs requirements-ray.lock)")

from pipeline.config import Settings  # noqa: E402
from pipeline.outdir import CACHE_DIRNAME  # noqa: E402
from pipeline.runner import DOCUMENTS_NAME, UsageError, run  # noqa: E402
from tests.test_robustness import BAD, GOOD, people_corpus, read_outputs, read_records, write_corpus  # noqa: E402
from tests.test_runner import FakeExtractor  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cluster():
    """A Ray instance for this module; actors import `pipeline` and `tests` from this checkout."""
    old = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), old) if p)
    ray.init(num_cpus=3, include_dashboard=False, logging_level=logging.WARNING)
    try:
        yield ray.get_runtime_context().gcs_address
    finally:
        ray.shutdown()
        if old is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = old


class CrashOnce(FakeExtractor):
    """Kills its process the first time it meets ONCE <marker path>; a restarted actor gets past it."""

    def _one(self, it):
        if it.text.startswith("ONCE "):
            marker = Path(it.text.split()[1])
            if not marker.exists():
                marker.write_text("crashed")
                os._exit(4)
        return super()._one(it)


def both(src: Path, tmp: Path, settings: Settings, workers: int = 2, **kw) -> tuple[Path, Path]:
    """Run the local engine (one process) and the Ray engine over `src`; return their output folders."""
    local, on_ray = tmp / "local", tmp / "ray"
    run([str(src)], local, settings, **kw)
    run([str(src)], on_ray, settings, workers=workers, engine="ray", **kw)
    return local, on_ray


def test_seeds_match_the_local_engine(cluster, tmp_path):
    local, on_ray = both(ROOT / "seeds", tmp_path, Settings(batch_size=1))
    assert read_outputs(local) == read_outputs(on_ray)
    assert len(read_records(on_ray)) == 2


def test_mixed_corpus_with_bad_inputs_matches_the_local_engine(cluster, tmp_path):
    src = tmp_path / "in"
    write_corpus(src, GOOD)
    write_corpus(src, {name: data for name, data, _, _ in BAD})
    write_corpus(src, people_corpus(8))
    os.symlink(".", src / "loop")
    local, on_ray = both(src, tmp_path, Settings(batch_size=3, timeout_s=20))
    assert read_outputs(local) == read_outputs(on_ray)
    docs = read_records(on_ray)
    assert {d["error"]["code"] for d in docs.values() if d["error"]} >= {"empty", "binary", "too_large", "duplicate"}
    # A second run reuses every cached record and writes the same bytes.
    res = run([str(src)], on_ray, Settings(batch_size=3, timeout_s=20), workers=2, engine="ray")
    assert res.processed == 0 and read_outputs(on_ray) == read_outputs(local)


def test_actor_killed_mid_run_is_restarted_and_its_documents_retried(cluster, tmp_path):
    src = tmp_path / "in"
    marker = tmp_path / "crashed"
    files = {f"d{i:02d}.md": f"D{i} at Acme" for i in range(12)}
    files["d05.md"] = f"ONCE {marker}"  # kills its actor once: every document in flight with it is retried
    files["d09.md"] = "CRASH"  # kills its actor every time: an 'internal' record, like a local worker's
    write_corpus(src, files)
    settings = Settings(batch_size=3, timeout_s=20)
    run([str(src)], tmp_path / "local", settings, workers=2, extractor_factory=CrashOnce)
    assert marker.exists()
    marker.unlink()
    res = run([str(src)], tmp_path / "ray", settings, workers=2, engine="ray", extractor_factory=CrashOnce)
    assert marker.exists(), "the actor was never killed"
    assert read_outputs(tmp_path / "local") == read_outputs(tmp_path / "ray")
    docs = read_records(tmp_path / "ray")
    assert docs["d05"]["status"] == "ok"
    assert docs["d09"]["error"]["code"] == "internal" and "died" in docs["d09"]["error"]["message"]
    assert res.errors == {"internal": 1} and res.documents == 12


def test_per_document_time_limit_holds_on_actors(cluster, tmp_path):
    write_corpus(tmp_path / "in", {"a.md": "A at Acme", "b.md": "SLEEP", "c.md": "C at Acme"})
    local, on_ray = both(tmp_path / "in", tmp_path, Settings(timeout_s=0.5), extractor_factory=FakeExtractor)
    assert read_outputs(local) == read_outputs(on_ray)
    assert read_records(on_ray)["b"]["error"]["code"] == "timeout"


def test_unloadable_extractor_is_a_usage_error(cluster, tmp_path):
    def broken(settings):
        raise OSError("no such model")

    write_corpus(tmp_path / "in", {"a.md": "A at Acme"})
    with pytest.raises(UsageError, match="no such model"):
        run([str(tmp_path / "in")], tmp_path / "out", Settings(), workers=2, engine="ray", extractor_factory=broken)


def _cli(src: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "extract", str(src), "--out", str(out), *extra]


def test_driver_sigkilled_then_rerun_matches_an_uninterrupted_run(cluster, tmp_path):
    src = tmp_path / "in"
    n = 30
    write_corpus(src, people_corpus(n))
    out = tmp_path / "killed"
    on_ray = ("--engine", "ray", "--ray-address", cluster, "--workers", "2", "--batch-size", "1")
    proc = subprocess.Popen(_cli(src, out, *on_ray), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            if any((out / CACHE_DIRNAME).glob("*/*.json")):
                break
            time.sleep(0.002)
        assert proc.poll() is None, "the run finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert 1 <= len(list((out / CACHE_DIRNAME).glob("*/*.json"))) < n
    assert not (out / DOCUMENTS_NAME).exists()

    # The killed driver's actors are Ray's to clean up; the re-run needs their CPUs back.
    rerun = subprocess.run(_cli(src, out, *on_ray), cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    reused = int(rerun.stderr.split("reused ")[1].split(")")[0])
    assert 1 <= reused < n
    run([str(src)], tmp_path / "clean", Settings(batch_size=1))
    assert read_outputs(out) == read_outputs(tmp_path / "clean")


def test_actors_leave_one_cpu_free(cluster, tmp_path):
    """Asked for 8 workers on 3 CPUs, the run uses 2 actors, and says so."""
    write_corpus(tmp_path / "in", {f"d{i}.md": f"D{i} at Acme" for i in range(20)})
    said: list[str] = []
    res = run([str(tmp_path / "in")], tmp_path / "out", Settings(batch_size=1), workers=8, engine="ray",
              extractor_factory=FakeExtractor, log=said.append)
    assert res.processed == 20 and 1 <= len(res.worker_start_s) <= 2 and res.worker_peak_mb
    assert any("2 actors" in s and "kept free" in s for s in said)
