"""The run deletes only what it wrote, and refuses an output folder that holds other programs' files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import outdir
from pipeline.runner import DOCUMENTS_NAME, UsageError
from tests.test_runner import CORPUS, fake_run, write

ROOT = Path(__file__).resolve().parent.parent


def foreign_home(root: Path) -> Path:
    """A folder like a home folder: another program's cache and hidden temporary files."""
    write(root, {".cache/pip/wheel.bin": b"x", ".cache/x": "keep me", ".bashrc.tmp": "keep", ".notes.swp.tmp": "keep", "thesis.txt": "mine"})
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_foreign_folder_is_refused_and_left_untouched(tmp_path: Path) -> None:
    write(tmp_path / "in", CORPUS)
    home = foreign_home(tmp_path / "home")
    before = snapshot(home)
    with pytest.raises(UsageError, match="did not write"):
        fake_run([tmp_path / "in"], home)
    assert snapshot(home) == before
    assert sorted(p.name for p in home.iterdir()) == sorted([".cache", ".bashrc.tmp", ".notes.swp.tmp", "thesis.txt"])


def test_cli_exits_2_on_a_foreign_output_folder(tmp_path: Path) -> None:
    write(tmp_path / "in", {"a.txt": "Ann works at Acme."})
    home = foreign_home(tmp_path / "home")
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(tmp_path / "in"), "--out", str(home)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert proc.returncode == 2
    assert "did not write" in proc.stderr
    assert not (home / DOCUMENTS_NAME).exists() and not (home / outdir.MARKER_NAME).exists()


def test_input_folder_as_output_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "in", CORPUS)
    with pytest.raises(UsageError):
        fake_run([tmp_path / "in"], tmp_path / "in")


@pytest.mark.parametrize("existing", [{}, {".gitkeep": ""}])
def test_new_or_empty_folder_is_claimed(tmp_path: Path, existing: dict[str, str]) -> None:
    write(tmp_path / "in", CORPUS)
    out = tmp_path / "out"
    out.mkdir()
    write(out, existing)
    fake_run([tmp_path / "in"], out)
    assert outdir.is_output_folder(out)
    assert (out / outdir.CACHE_DIRNAME / outdir.CACHE_MARKER).is_file()


def test_own_folder_keeps_foreign_files_beside_its_outputs(tmp_path: Path) -> None:
    """Inside a pipeline output folder, files the run did not write survive every later run."""
    write(tmp_path / "in", CORPUS)
    out = tmp_path / "out"
    fake_run([tmp_path / "in"], out)
    write(out, {".cache/x": "other program", ".cache/0123456789abcdef/y.json": "{}", ".draft.tmp": "keep", "notes.md": "keep",
                f"{outdir.CACHE_DIRNAME}/not-a-key/z": "keep"})
    before = {k: v for k, v in snapshot(out).items() if not k.startswith((outdir.CACHE_DIRNAME + "/0", outdir.CACHE_DIRNAME + "/1"))}
    fake_run([tmp_path / "in"], out, force=True)
    after = snapshot(out)
    for name in (".cache/x", ".cache/0123456789abcdef/y.json", ".draft.tmp", "notes.md", f"{outdir.CACHE_DIRNAME}/not-a-key/z"):
        assert after[name] == before[name]


def test_stale_temps_of_the_run_are_removed_and_no_others(tmp_path: Path) -> None:
    write(tmp_path / "in", CORPUS)
    out = tmp_path / "out"
    fake_run([tmp_path / "in"], out)
    write(out, {f"{outdir.TEMP_PREFIX}facts.jsonl.abc.tmp": "torn", ".facts.jsonl.abc.tmp": "someone else's"})
    fake_run([tmp_path / "in"], out)
    assert not (out / f"{outdir.TEMP_PREFIX}facts.jsonl.abc.tmp").exists()
    assert (out / ".facts.jsonl.abc.tmp").read_text() == "someone else's"


def test_folder_of_an_earlier_version_is_accepted(tmp_path: Path) -> None:
    write(tmp_path / "in", CORPUS)
    out = tmp_path / "out"
    write(out, {"documents.jsonl": "", "facts.jsonl": "", ".cache/0123456789abcdef/e.json": "{}",
                "manifest.json": json.dumps({"pipeline_version": "0.1.0", "cache_key": "0123456789abcdef", "documents": []})})
    fake_run([tmp_path / "in"], out)
    assert outdir.is_output_folder(out)
    assert (out / ".cache/0123456789abcdef/e.json").read_text() == "{}"  # not ours to delete any more
