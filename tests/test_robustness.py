"""Hostile inputs, killed runs, re-runs and workers, with the real extractor.

The bad corpus is generated here (no binaries in the repository). Each bad
file must get its own record with a stable code, and the good documents
beside them must come out exactly as they do when run alone.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import pipeline.ingest as ingest
from pipeline.config import Settings
from pipeline.output import atomic_writer
from pipeline.runner import DOCUMENTS_NAME, FACTS_NAME, run
from pipeline.schema import DocumentRecord, Fact

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
MB = 1024 * 1024

GOOD = {
    "good_one.md": "# Ada Quill\n\nAda Quill is a research scientist at Northwind Labs. She received her PhD from Lakeside University in 2015.\n",
    "good_two.txt": "Ben Ortega\n\nBen Ortega leads the robotics group at Harbor AI. He joined Harbor AI in 2019.\n",
}

# name, content, expected status, expected code
BAD: list[tuple[str, bytes, str, str | None]] = [
    ("empty.md", b"", "error", "empty"),
    ("blank.txt", b"  \n\t\r\n  \n", "error", "empty"),
    ("nul.txt", b"Some text\x00with NUL bytes\x00inside. " * 20, "error", "binary"),
    ("picture.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "error", "binary"),
    ("bad_utf8.txt", b"Eve Stone wrote this caf\xc3 note with \xff\xfe stray \x80 bytes.\n", "ok", None),
    ("utf16.txt", "Dana Price is a professor at Riverbend University.\n".encode("utf-16"), "ok", None),
    ("latin1.md", "# José Müller\n\nJosé Müller studied at the Université de Montréal.\n".encode("latin-1"), "ok", None),
    ("huge.txt", b"word " * (4 * MB), "error", "too_large"),
    ("long_line.txt", b"Gil Hart works at Pinecrest. " * 70_000, "error", "too_large"),
    ("deep.html", b"<div>" * 10_000 + b"<p>Kim Ode leads the Vision group.</p>" + b"</div>" * 10_000, "ok", None),
    ("scripts.html", b"<html><head><script>var a = 1;</script></head><body><script>alert('x')</script></body></html>", "error", "empty"),
    ("front_matter.md", b"---\ntitle: Home\nlayout: about\n---\n", "error", "empty"),
    ("my notes \u00e9t\u00e9 \u5f20.md", "# Lou Vance\n\nLou Vance is a researcher at Harbor AI.\n".encode(), "ok", None),
    ("zz_copy_of_one.md", GOOD["good_one.md"].encode(), "error", "duplicate"),
]


def read_records(out: Path) -> dict[str, dict]:
    return {r["doc_id"]: r for r in map(json.loads, (out / DOCUMENTS_NAME).read_text(encoding="utf-8").splitlines())}


def read_outputs(out: Path) -> tuple[bytes, ...]:
    return tuple((out / n).read_bytes() for n in (DOCUMENTS_NAME, FACTS_NAME, "manifest.json"))


def write_corpus(root: Path, files: dict[str, str | bytes]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (root / name).write_bytes(data)


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("bad")
    src = base / "in"
    write_corpus(src, GOOD)
    write_corpus(src, {name: data for name, data, _, _ in BAD})
    os.symlink(".", src / "loop")  # a folder that contains itself
    os.symlink("selfref.md", src / "selfref.md")
    (base / "elsewhere").mkdir()
    (base / "elsewhere" / "paper.pdf").write_bytes(b"%PDF-1.4\n")
    out = base / "out"
    t = time.monotonic()
    # The time limit only bounds the test's runtime; every document here should finish well within it.
    res = run([str(src), str(base / "elsewhere" / "paper.pdf")], out, Settings(timeout_s=20))
    return src, out, res, time.monotonic() - t


@pytest.mark.parametrize(("name", "content", "status", "code"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_gets_its_record(bad_run, name, content, status, code):
    _, out, _, _ = bad_run
    rec = read_records(out)[Path(name).stem]
    assert rec["status"] == status, rec.get("error")
    if code is None:
        assert rec["error"] is None
    else:
        assert rec["error"]["code"] == code
        assert len(rec["error"]["message"]) > 15 and rec["error"]["message"][0].isupper()


def test_bad_corpus_summary(bad_run):
    src, out, res, seconds = bad_run
    docs = read_records(out)
    assert len(docs) == len(GOOD) + len(BAD) + 1 == res.documents
    assert docs["paper"]["error"]["code"] == "unsupported_type"
    assert docs["zz_copy_of_one"]["error"]["message"].count("'good_one'") == 1
    reasons = {Path(s.path).name: s.reason for s in res.skipped}
    assert "symlink loop" in reasons["loop"] and "symlink loop" in reasons["selfref.md"]
    for line in (out / DOCUMENTS_NAME).read_text(encoding="utf-8").splitlines():
        DocumentRecord.model_validate_json(line)
    for line in (out / FACTS_NAME).read_text(encoding="utf-8").splitlines():
        Fact.model_validate_json(line)
    # provenance holds on hostile inputs too: evidence is the exact slice of the decoded file
    for name, data, status, _ in BAD + [(n, c.encode(), "ok", None) for n, c in GOOD.items()]:
        rec = docs[Path(name).stem]
        if rec["status"] != "ok":
            continue
        text = ingest.decode(data).text
        for fact in rec["facts"]:
            ev = fact["evidence"]
            assert text[ev["start"] : ev["end"]] == ev["text"], (name, fact["rule"])
        for ent in rec["entities"]:
            assert 0 <= ent["start"] <= ent["end"] <= len(text), name
    assert seconds < 120


def test_decoded_text_is_right(bad_run):
    """Legacy and UTF-16 encodings come out as the characters the author wrote."""
    _, out, _, _ = bad_run
    docs = read_records(out)
    assert "José Müller" in json.dumps(docs["latin1"], ensure_ascii=False)
    assert "Dana Price" in json.dumps(docs["utf16"])


def test_good_documents_unaffected_by_bad_neighbours(bad_run, tmp_path):
    src, out, _, _ = bad_run
    alone = tmp_path / "alone"
    run([str(src / n) for n in GOOD], alone, Settings(timeout_s=20))
    beside = read_records(out)
    for doc_id, rec in read_records(alone).items():
        assert rec["status"] == "ok"
        assert beside[doc_id] == rec
    facts_alone = (alone / FACTS_NAME).read_text(encoding="utf-8").splitlines()
    facts_beside = [x for x in (out / FACTS_NAME).read_text(encoding="utf-8").splitlines() if json.loads(x)["doc_id"] in read_records(alone)]
    assert facts_alone == facts_beside


def test_oversized_file_rejected_before_decoding(tmp_path, monkeypatch):
    """A 20 MB file is refused on its size: never decoded, never loads the model."""
    (tmp_path / "big.txt").write_bytes(b"x" * (20 * MB))
    decoded: list[int] = []
    real = ingest.decode
    monkeypatch.setattr(ingest, "decode", lambda data, max_bytes: decoded.append(len(data)) or real(data, max_bytes))
    t = time.monotonic()
    res = run([str(tmp_path / "big.txt")], tmp_path / "out", Settings())
    assert time.monotonic() - t < 3
    assert decoded == [] and res.processed == 0 and res.errors == {"too_large": 1}


def test_interrupted_write_keeps_old_output(tmp_path):
    target = tmp_path / "documents.jsonl"
    target.write_text("old\n")
    with pytest.raises(KeyboardInterrupt):
        with atomic_writer(target) as fh:
            fh.write("half of the new")
            raise KeyboardInterrupt
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["documents.jsonl"]


def people_corpus(n: int) -> dict[str, str]:
    firsts = ["Ada", "Ben", "Cara", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun"]
    lasts = ["Quill", "Ortega", "Mori", "Patel", "Stone", "Vance", "Hart", "Price", "Lund", "Okafor"]
    orgs = ["Northwind Labs", "Harbor AI", "Lakeside University", "Pinecrest Institute", "Riverbend College"]
    docs = {}
    for i in range(n):
        name = f"{firsts[i % 10]} {lasts[(i // 10 + i) % 10]}"
        docs[f"p{i:03}.md"] = (
            f"# {name}\n\n{name} is a research scientist at {orgs[i % 5]}. "
            f"{name.split()[0]} received a PhD from {orgs[(i + 2) % 5]} in {1990 + i % 30}.\n\n"
            f"Research interests: machine learning, robotics.\n"
        )
    return docs


def test_rerun_processes_only_changes(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write_corpus(src, people_corpus(6))
    first = run([str(src)], out, Settings())
    assert (first.processed, first.reused, first.failed) == (6, 0, 0)
    before = read_outputs(out)
    again = run([str(src)], out, Settings())
    assert (again.processed, again.reused) == (0, 6)
    assert read_outputs(out) == before
    write_corpus(src, {"extra.md": "# Jun Lund\n\nJun Lund is an engineer at Harbor AI.\n"})
    added = run([str(src)], out, Settings())
    assert (added.processed, added.reused, added.documents) == (1, 6, 7)


def test_two_workers_match_one(tmp_path):
    src = tmp_path / "in"
    write_corpus(src, people_corpus(12))
    run([str(src)], tmp_path / "one", Settings(batch_size=3))
    res = run([str(src)], tmp_path / "two", Settings(batch_size=3), workers=2)
    assert res.processed == 12 and res.failed == 0
    assert read_outputs(tmp_path / "one") == read_outputs(tmp_path / "two")


def _cli(src: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "extract", str(src), "--out", str(out), *extra]


def test_sigkill_midway_then_rerun_matches_uninterrupted(tmp_path):
    """Kill -9 after the first document is cached; the re-run must equal a clean run byte for byte."""
    src = tmp_path / "in"
    n = 40
    write_corpus(src, people_corpus(n))
    out = tmp_path / "killed"
    proc = subprocess.Popen(_cli(src, out, "--batch-size", "1"), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if any((out / ".pipeline-cache").glob("*/*.json")):
                break
            time.sleep(0.002)
        assert proc.poll() is None, "the run finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert 1 <= len(list((out / ".pipeline-cache").glob("*/*.json"))) < n
    assert not (out / DOCUMENTS_NAME).exists()

    rerun = subprocess.run(_cli(src, out), cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    reused = int(rerun.stderr.split("reused ")[1].split(")")[0])
    assert 1 <= reused < n

    clean = subprocess.run(_cli(src, tmp_path / "clean"), cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert clean.returncode == 0, clean.stderr
    key = lambda d: json.loads((d / "manifest.json").read_text())["cache_key"]  # noqa: E731
    assert key(out) == key(tmp_path / "clean"), "the pipeline's code changed while the test ran"
    assert read_outputs(out) == read_outputs(tmp_path / "clean")
    assert not list(out.rglob("*.tmp"))


_HOMEPAGE_WITH_PAPERS = """# Lin Tao

I am a researcher at Quillon Labs. My research interests include graph learning and robotics.

## Publications

1. **Lin Tao**, Tao Lin and Jon Park. Fast Graph Sampling. *NeurIPS*, 2021.
2. Jon Park, **Lin Tao**. Robust Sprocket Control. *ICML*, 2020.

## Contributors

- Ana Ruiz
- Li Wei
"""


def test_output_does_not_follow_the_hash_seed(tmp_path):
    """Sets and dicts of strings iterate in an order that changes per process: no output may follow it."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "lin.md").write_text(_HOMEPAGE_WITH_PAPERS, encoding="utf-8")
    for seed in SEEDS_DIR.iterdir():
        (src / seed.name).write_bytes(seed.read_bytes())
    written = []
    for hash_seed in ("0", "4"):  # two seeds that ordered the forms of the owner's name apart
        out = tmp_path / f"out{hash_seed}"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        proc = subprocess.run(_cli(src, out), cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
        assert proc.returncode == 0, proc.stderr
        written.append(((out / DOCUMENTS_NAME).read_bytes(), (out / FACTS_NAME).read_bytes()))
    assert written[0] == written[1]
