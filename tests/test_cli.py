"""`python -m pipeline`: exit codes, the summary line, the schema command, dispatch to evaluate/report."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

import pipeline.runner as runner
from pipeline.cli import main
from pipeline.schema import DocumentRecord, json_schema

ROOT = Path(__file__).resolve().parent.parent
SUMMARY = re.compile(
    r"^documents (?P<documents>\d+) \(processed (?P<processed>\d+), reused (?P<reused>\d+)\), "
    r"facts (?P<facts>\d+), errors (?P<errors>\d+)(?: \((?P<codes>[^)]*)\))?, skipped (?P<skipped>\d+), (?P<seconds>[\d.]+) s"
    r"(?:, peak memory per worker (?P<peak_mb>\d+) MB)?$",
    re.M,
)


class TinyExtractor:
    """Stands in for the real extractor where only the command line is under test."""

    def __init__(self, settings):
        self.settings = settings
        self.timings = {"stage_a": 0.0}  # cumulative, as the real extractor keeps them

    def process_many(self, items):
        for it in items:
            self.timings["stage_a"] += 0.25
            yield DocumentRecord(doc_id=it.doc_id, source=it.source, sha256=it.sha256, status="ok")


@pytest.fixture
def tiny(monkeypatch):
    monkeypatch.setattr(runner, "_default_factory", TinyExtractor)


def summary(err: str) -> dict[str, str]:
    m = SUMMARY.search(err)
    assert m, f"no summary line in: {err!r}"
    return m.groupdict()


@pytest.mark.parametrize("record", ["documents", "facts", "people"])
def test_schema_command_prints_the_committed_schema(capsys, record):
    """schema/<record>.schema.json must be regenerated (`make schema`) whenever the models change."""
    assert main(["schema", record]) == 0
    printed = capsys.readouterr().out
    assert json.loads(printed) == json_schema(record)
    committed = (ROOT / "schema" / f"{record}.schema.json").read_text(encoding="utf-8")
    assert printed == committed, "run `make schema`"


def test_each_schema_has_its_record_at_the_root():
    """Validating a line against the file checks the record itself, not an empty root that accepts anything."""
    docs, facts = json_schema("documents"), json_schema("facts")
    assert docs["type"] == facts["type"] == "object"
    assert {"doc_id", "source", "sha256", "status"} <= set(docs["required"])
    assert {"doc_id", "relation", "subject", "object", "evidence", "rule", "confidence"} <= set(facts["required"])
    assert "doc_id" in docs["properties"] and "evidence" in facts["properties"]


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["nope"],
        ["extract", "x"],  # --out missing
        ["extract", "--out", "o"],  # no paths
        ["extract", "x", "--out", "o", "--dct", "2020-13-01"],
        ["extract", "x", "--out", "o", "--workers", "0"],
        ["extract", "x", "--out", "o", "--min-confidence", "1.5"],
        ["extract", "x", "--out", "o", "--max-bytes", "ten"],
        ["extract", "x", "--out", "o", "--timeout", "0"],
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_missing_input_path_exits_2(tmp_path, capsys, tiny):
    assert main(["extract", str(tmp_path / "absent"), "--out", str(tmp_path / "o")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_output_path_that_is_a_file_exits_2(tmp_path, capsys, tiny):
    (tmp_path / "a.md").write_text("Alpha")
    (tmp_path / "taken").write_text("not a folder")
    assert main(["extract", str(tmp_path / "a.md"), "--out", str(tmp_path / "taken")]) == 2
    assert "cannot use" in capsys.readouterr().err


def test_exit_0_when_all_processed_and_1_when_some_failed(tmp_path, capsys, tiny):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_text("Alpha")
    (tmp_path / "in" / "b.txt").write_text("Beta")
    out = str(tmp_path / "out")
    assert main(["extract", str(tmp_path / "in"), "--out", out]) == 0
    s = summary(capsys.readouterr().err)
    assert (s["documents"], s["processed"], s["reused"], s["errors"]) == ("2", "2", "0", "0")

    (tmp_path / "in" / "c.md").write_bytes(b"")
    (tmp_path / "in" / "d.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(["extract", str(tmp_path / "in"), "--out", out]) == 1
    s = summary(capsys.readouterr().err)
    assert (s["documents"], s["processed"], s["reused"], s["errors"], s["codes"]) == ("4", "2", "2", "2", "binary 1, empty 1")
    assert len((tmp_path / "out" / "documents.jsonl").read_text().splitlines()) == 4


def test_settings_flags_reach_the_run(tmp_path, capsys, monkeypatch):
    seen = {}

    def fake_run(paths, out, settings, **kw):
        seen.update(settings=settings, paths=paths, out=out, **kw)
        return runner.RunResult()

    monkeypatch.setattr(runner, "run", fake_run)
    argv = ["extract", "a", "b", "--out", "o", "--dct", "2024-02-29", "--model", "m", "--min-confidence", "0.4",
            "--max-bytes", "1000", "--max-line-chars", "50", "--timeout", "2.5", "--batch-size", "4", "--workers", "3", "--force",
            "--full-parse", "--matmul", "blis"]
    assert main(argv) == 0
    st = seen["settings"]
    assert (str(st.dct), st.model, st.min_confidence, st.max_bytes, st.max_line_chars, st.timeout_s, st.batch_size) == (
        "2024-02-29", "m", 0.4, 1000, 50, 2.5, 4)
    assert (st.full_parse, st.matmul) == (True, "blis")
    assert (seen["paths"], seen["out"], seen["workers"], seen["force"]) == (["a", "b"], "o", 3, True)
    assert seen["progress"] is False  # stderr is not a terminal under pytest


def test_profile_prints_stage_times(tmp_path, capsys, tiny):
    (tmp_path / "a.md").write_text("Alpha")
    assert main(["extract", str(tmp_path / "a.md"), "--out", str(tmp_path / "o"), "--profile"]) == 0
    err = capsys.readouterr().err
    for stage in ("discover", "read+decode", "extract", "extract/stage_a", "write", "total"):
        assert re.search(rf"^{re.escape(stage)}\s+\d+\.\d{{3}}$", err, re.M), stage


@pytest.mark.parametrize("command", ["evaluate", "report"])
def test_evaluate_and_report_are_dispatched(command, monkeypatch):
    calls = []
    fake = types.ModuleType(f"pipeline.{command}")
    fake.main = lambda argv: calls.append(list(argv)) or 7
    monkeypatch.setitem(sys.modules, f"pipeline.{command}", fake)
    assert main([command, "g", "o", "--json"]) == 7
    assert calls == [["g", "o", "--json"]]


def test_real_run_from_the_command_line(tmp_path):
    """End to end with the real extractor: exit 0, summary on stderr, nothing on stdout."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "ada.md").write_text("# Ada Quill\n\nAda Quill is a research scientist at Northwind Labs.\n", encoding="utf-8")
    (src / "ben.txt").write_text("Ben Ortega received his PhD from Lakeside University in 2015.\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(src), "--out", str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    s = summary(proc.stderr)
    assert (s["documents"], s["processed"], s["errors"]) == ("2", "2", "0")
    lines = (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert [DocumentRecord.model_validate_json(x).doc_id for x in lines] == ["ada", "ben"]


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGKILL, -9)])
def test_interrupt_stops_workers_and_keeps_cache(tmp_path, sig, code):
    """Ctrl-C, SIGTERM or kill -9 mid-run: no worker left behind, no output half-written, the cache kept."""
    src = tmp_path / "in"
    src.mkdir()
    # Enough work that the run is still going well after its first cache entry, however fast the machine.
    bio = "She received her PhD from Eastfield University in 2001. She leads the Vision Group at Northwind Labs.\n"
    for i in range(400):
        (src / f"p{i:03}.md").write_text(f"# Person {i}\n\nPerson {i} is a researcher at Northwind Labs since {1990 + i % 30}.\n" + bio * 5)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "extract", str(src), "--out", str(out), "--workers", "2", "--batch-size", "1"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        # A shell without job control starts background commands with SIGINT ignored, and Python keeps
        # that; the run under test must see Ctrl-C as a terminal would deliver it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None and not any((out / ".pipeline-cache").glob("*/*.json")):
            time.sleep(0.01)
        assert proc.poll() is None, "the run finished before it could be interrupted"
        children = _children(proc.pid)
        assert children
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == code, err
    if sig != signal.SIGKILL:
        assert "run again to resume" in err
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{c}").exists() for c in children):
        time.sleep(0.05)
    assert [c for c in children if Path(f"/proc/{c}").exists()] == []
    assert not (out / "documents.jsonl").exists()
    assert list((out / ".pipeline-cache").glob("*/*.json"))


def _children(pid: int) -> list[int]:
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            kids.append(int(stat.parent.name))
    return kids


# ---------------------------------------------------------------- exit codes a user meets


def test_nothing_to_read_exits_2_and_writes_nothing(tmp_path, capsys, tiny):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "photo.jpg").write_bytes(b"\xff\xd8")
    assert main(["extract", str(tmp_path / "in"), "--out", str(tmp_path / "o")]) == 2
    assert "no documents to read" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_input_folder_as_output_exits_2(tmp_path, capsys, tiny):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_text("Alpha")
    assert main(["extract", str(tmp_path / "in"), "--out", str(tmp_path / "in")]) == 2
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == ["a.md"]


def test_duplicates_alone_exit_0(tmp_path, capsys, tiny):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_text("Alpha")
    (tmp_path / "in" / "b.md").write_text("Alpha")
    assert main(["extract", str(tmp_path / "in"), "--out", str(tmp_path / "o")]) == 0
    assert "duplicate" in summary(capsys.readouterr().err)["codes"]


def test_unknown_model_exits_2_before_creating_the_output_folder(tmp_path, capsys):
    (tmp_path / "a.md").write_text("Alpha")
    assert main(["extract", str(tmp_path / "a.md"), "--out", str(tmp_path / "o"), "--model", "no_such_model_xyz"]) == 2
    assert "no_such_model_xyz" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_bad_extract_flag_shows_the_extract_usage(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["extract", "x", "--out", "o", "--no-such-flag"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "usage: python -m pipeline extract" in err and "--no-such-flag" in err


def test_runs_from_any_folder(tmp_path):
    """`make setup` installs the package into .venv (editable), so the module is found outside the checkout."""
    proc = subprocess.run([sys.executable, "-m", "pipeline", "schema", "facts"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["$id"] == "facts.schema.json"
