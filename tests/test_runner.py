"""The run over many files: discovery, doc_ids, duplicates, cache reuse, limits, workers.

Most tests use a fake extractor (fast, and able to misbehave on purpose); the
ones marked with the real extractor check that the same holds end to end.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.config import Settings
from pipeline.runner import DOCUMENTS_NAME, FACTS_NAME, UsageError, assign_doc_ids, discover, run
from pipeline.schema import Argument, DocumentRecord, Evidence, Fact

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


class FakeExtractor:
    """One `employed_by` fact per 'at Acme' (found back to front, so the runner must sort);
    misbehaves on documents containing SLEEP, BOOM, CRASH, HANG or INVALID."""

    pull_ahead = 1

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.timings = {"fake": 0.0}

    def _one(self, it) -> DocumentRecord:
        text = it.text
        if "SLEEP" in text:
            time.sleep(30)
        if "BOOM" in text:
            raise RuntimeError("escaped from the extractor")
        if "CRASH" in text:
            os._exit(3)
        if "HANG" in text:  # like native code that never returns to the interpreter
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(600)
        if "NAN" in text:
            f = Fact(doc_id=it.doc_id, relation="employed_by", subject=Argument(text="x", label="PERSON"),
                     object=Argument(text="y", label="ORG"), evidence=Evidence(text="N", start=0, end=1), rule="r.x", confidence=0.5)
            f.confidence = float("nan")  # assignment is not validated
            return DocumentRecord(doc_id=it.doc_id, source=it.source, sha256=it.sha256, status="ok", facts=[f])
        if "INVALID" in text:
            bad = Fact.model_construct(
                doc_id=it.doc_id, relation="no_such_relation", subject=Argument(text="x", label="PERSON"),
                object=Argument(text="y", label="ORG"), evidence=Evidence(text="x", start=0, end=1), rule="r.x", confidence=2.0,
            )
            return DocumentRecord.model_construct(doc_id=it.doc_id, source=it.source, sha256=it.sha256, status="ok", facts=[bad])
        facts = []
        pos = text.rfind("at Acme")
        while pos >= 0:
            facts.append(
                Fact(
                    doc_id=it.doc_id, relation="employed_by",
                    subject=Argument(text="Someone", label="PERSON"),
                    object=Argument(text="Acme", label="ORG", start=pos + 3, end=pos + 7),
                    evidence=Evidence(text=text[pos : pos + 7], start=pos, end=pos + 7),
                    rule="fake.acme", confidence=0.9,
                )
            )
            pos = text.rfind("at Acme", 0, pos)
        self.timings["fake"] += 0.001
        return DocumentRecord(doc_id=it.doc_id, source=it.source, sha256=it.sha256, status="ok", title=text.splitlines()[0][:40], facts=facts)

    def process_many(self, items):
        buf = []
        for it in items:
            buf.append(it)
            if len(buf) >= self.pull_ahead:
                for b in buf:
                    yield self._one(b)
                buf = []
        for b in buf:
            yield self._one(b)


class BatchingFake(FakeExtractor):
    """Takes four documents before returning any, as spaCy's nlp.pipe does."""

    pull_ahead = 4


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")


def records(out: Path) -> dict[str, dict]:
    return {r["doc_id"]: r for r in map(json.loads, (out / DOCUMENTS_NAME).read_text(encoding="utf-8").splitlines())}


def outputs(out: Path) -> tuple[bytes, bytes]:
    return (out / DOCUMENTS_NAME).read_bytes(), (out / FACTS_NAME).read_bytes()


def fake_run(paths, out, **kw):
    kw.setdefault("extractor_factory", FakeExtractor)
    settings = kw.pop("settings", None) or Settings(timeout_s=kw.pop("timeout", 20.0))
    return run([str(p) for p in paths], out, settings, **kw)


CORPUS = {
    "a.md": "# Ann\n\nAnn works at Acme. Before that she was at Acme too.\n",
    "b.txt": "Bob Lee\nBob is an engineer at Acme.\n",
    "sub/c.html": "<html><body><p>Cy, at Acme since 2020.</p></body></html>",
}


# ---------------------------------------------------------------- discovery


def test_discover_sorts_and_skips_hidden_backups_and_other_types(tmp_path):
    """Only supported, visible, non-backup files are inputs; each skip is reported with a reason."""
    write(tmp_path, {
        "z.md": "z", "a.txt": "a", "deep/er/m.html": "m", ".hidden.md": "h", ".git/x.md": "x",
        "a.txt~": "b", "#a.md#": "b", "notes.pdf": "p", "A.MD": "upper",
    })
    os.symlink("z.md", tmp_path / ".z.md.swp")
    found, skipped = discover([str(tmp_path)], SUFFIXES)
    rel = [os.path.relpath(f.source, tmp_path) for f in found]
    assert rel == ["A.MD", "a.txt", "deep/er/m.html", "z.md"]
    reasons = {os.path.relpath(s.path, tmp_path): s.reason for s in skipped}
    assert reasons == {
        ".hidden.md": "hidden", ".git": "hidden", ".z.md.swp": "hidden",
        "a.txt~": "editor backup", "#a.md#": "editor backup", "notes.pdf": "unsupported file type",
    }


def test_discover_keeps_sources_as_written(tmp_path, monkeypatch):
    write(tmp_path, {"in/x.md": "x"})
    monkeypatch.chdir(tmp_path)
    found, _ = discover(["./in", "in/x.md"], SUFFIXES)
    assert [f.source for f in found] == ["./in/x.md"]  # the same real file is one input


def test_discover_symlinks(tmp_path):
    """Links inside the input are followed once; links out of it, loops and dangling links are skipped."""
    outside = tmp_path / "outside"
    write(outside, {"secret.md": "s"})
    root = tmp_path / "in"
    write(root, {"real/doc.md": "d"})
    os.symlink(root / "real" / "doc.md", root / "alias.md")
    os.symlink(root / "real", root / "again")  # the same folder twice
    os.symlink(root, root / "real" / "up")  # a loop back to the root
    os.symlink(outside / "secret.md", root / "leak.md")
    os.symlink(outside, root / "leakdir")
    os.symlink(root / "self.md", root / "self.md")  # a link to itself
    os.symlink(root / "gone.md", root / "dangling.md")
    t = time.monotonic()
    found, skipped = discover([str(root)], SUFFIXES)
    assert time.monotonic() - t < 5
    assert [os.path.relpath(f.source, root) for f in found] == ["real/doc.md"]
    reasons = {os.path.relpath(s.path, root): s.reason for s in skipped}
    assert reasons["leak.md"] == reasons["leakdir"] == "symlink points outside the input folders"
    assert reasons["self.md"] == reasons["dangling.md"] == "broken symlink or symlink loop"
    assert "folder already visited" in reasons["real/up"] or "folder already visited" in reasons["again"]


def test_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        discover([str(tmp_path / "nope")], SUFFIXES)


@pytest.mark.parametrize(
    ("sources", "ids"),
    [
        (["a/x.md", "b/y.md"], ["x", "y"]),
        (["a/x.md", "b/x.txt", "c/x.html"], ["x", "x-2", "x-3"]),
        (["a/x.md", "b/x.md", "c/x-2.md"], ["x", "x-3", "x-2"]),  # never takes a stem another file has
        (["my notes é.md", "my notes é.txt"], ["my notes é", "my notes é-2"]),
    ],
)
def test_doc_ids_are_unique_stems(sources, ids):
    assert assign_doc_ids(sources) == ids


# ---------------------------------------------------------------- outputs


def test_output_sorted_and_complete(tmp_path):
    """documents.jsonl has one line per input, by doc_id; facts.jsonl holds the ok documents' facts by position."""
    write(tmp_path / "in", CORPUS)
    out = tmp_path / "out"
    res = fake_run([tmp_path / "in"], out)
    assert (res.documents, res.processed, res.reused, res.failed) == (3, 3, 0, 0)
    docs = records(out)
    assert list(docs) == ["a", "b", "c"]
    facts = [json.loads(line) for line in (out / FACTS_NAME).read_text().splitlines()]
    assert [(f["doc_id"], f["evidence"]["start"]) for f in facts] == sorted((f["doc_id"], f["evidence"]["start"]) for f in facts)
    assert len(facts) == res.facts == 4
    assert docs["a"]["facts"] == [f for f in facts if f["doc_id"] == "a"]
    manifest = json.loads((out / "manifest.json").read_text())
    assert [d["doc_id"] for d in manifest["documents"]] == ["a", "b", "c"]
    mask = os.umask(0)
    os.umask(mask)
    assert (out / DOCUMENTS_NAME).stat().st_mode & 0o777 == 0o666 & ~mask  # not the temp file's 0600


def test_duplicates_name_the_first_copy(tmp_path):
    write(tmp_path, {"1.md": "Same text at Acme.", "2.md": "Same text at Acme.", "e1.txt": "", "e2.txt": ""})
    res = fake_run([tmp_path], tmp_path / "out")
    docs = records(tmp_path / "out")
    assert docs["1"]["status"] == "ok"
    assert docs["2"]["error"]["code"] == "duplicate" and "'1'" in docs["2"]["error"]["message"]
    assert docs["e1"]["error"]["code"] == docs["e2"]["error"]["code"] == "empty"  # blank files are not "copies"
    assert res.errors == {"duplicate": 1, "empty": 2}


@pytest.mark.parametrize("content", ["INVALID", "NAN"])
def test_invalid_record_becomes_internal_error(tmp_path, content):
    write(tmp_path, {"bad.md": content, "good.md": "works at Acme"})
    res = fake_run([tmp_path], tmp_path / "out")
    docs = records(tmp_path / "out")
    assert docs["bad"]["status"] == "error" and docs["bad"]["error"]["code"] == "internal"
    assert "invalid record" in docs["bad"]["error"]["message"]
    assert docs["good"]["status"] == "ok" and res.errors == {"internal": 1}
    for line in (tmp_path / "out" / DOCUMENTS_NAME).read_text().splitlines():
        json.loads(line, parse_constant=lambda c: pytest.fail(f"{c} in output"))
        DocumentRecord.model_validate_json(line)


def test_escaping_exception_hits_one_document_only(tmp_path):
    write(tmp_path, {"a.md": "A at Acme", "b.md": "BOOM", "c.md": "C at Acme"})
    fake_run([tmp_path], tmp_path / "out")
    docs = records(tmp_path / "out")
    assert [docs[k]["status"] for k in "abc"] == ["ok", "error", "ok"]
    assert docs["b"]["error"]["code"] == "internal" and "escaped from the extractor" in docs["b"]["error"]["message"]


@pytest.mark.parametrize("factory", [FakeExtractor, BatchingFake])
def test_timeout_gives_a_record_and_spares_the_batch(tmp_path, factory):
    """Even when the extractor batches, only the slow document gets 'timeout'."""
    write(tmp_path, {"a.md": "A at Acme", "b.md": "SLEEP", "c.md": "C at Acme", "d.md": "D at Acme", "e.md": "x"})
    t = time.monotonic()
    res = fake_run([tmp_path], tmp_path / "out", extractor_factory=factory, timeout=0.5)
    assert time.monotonic() - t < 5
    docs = records(tmp_path / "out")
    assert docs["b"]["error"]["code"] == "timeout" and "0.5 s" in docs["b"]["error"]["message"]
    assert all(docs[k]["status"] == "ok" for k in "acde")
    assert res.errors == {"timeout": 1}
    # a timeout is about this run, not the document: it is retried next time
    res2 = fake_run([tmp_path], tmp_path / "out", extractor_factory=factory, timeout=0.5)
    assert (res2.processed, res2.reused) == (1, 4)


# ---------------------------------------------------------------- incremental runs


def test_rerun_reuses_cache_and_tracks_changes(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, CORPUS)
    first = fake_run([src], out)
    before = outputs(out)
    manifest = (out / "manifest.json").read_bytes()

    again = fake_run([src], out)
    assert (again.processed, again.reused) == (0, 3)
    assert outputs(out) == before and (out / "manifest.json").read_bytes() == manifest

    write(src, {"d.md": "Dee at Acme."})
    added = fake_run([src], out)
    assert (added.processed, added.reused, added.documents) == (1, 3, 4)

    (src / "b.txt").write_text("Bob Lee\nnow elsewhere\n")
    changed = fake_run([src], out)
    assert (changed.processed, changed.reused) == (1, 3)
    assert records(out)["b"]["facts"] == []

    (src / "d.md").unlink()
    removed = fake_run([src], out)
    assert (removed.processed, removed.documents) == (0, 3) and "d" not in records(out)
    assert len(list((out / ".pipeline-cache").rglob("*.json"))) == 3  # the cache drops what left the input

    forced = fake_run([src], out, force=True)
    assert (forced.processed, forced.reused) == (3, 0)
    assert first.documents == 3


def test_changed_settings_invalidate_cache(tmp_path):
    write(tmp_path / "in", CORPUS)
    out = tmp_path / "out"
    fake_run([tmp_path / "in"], out)
    res = fake_run([tmp_path / "in"], out, settings=Settings(min_confidence=0.5))
    assert (res.processed, res.reused) == (3, 0)
    assert sorted(p.name for p in (out / ".pipeline-cache").iterdir()) == sorted(["CACHEDIR.TAG", Settings(min_confidence=0.5).cache_key()])


def test_doc_ids_do_not_depend_on_cache(tmp_path):
    """A file whose stem clashes keeps the same doc_id whether or not its twin was cached."""
    write(tmp_path / "in", {"p/x.md": "first at Acme", "q/x.md": "second"})
    out = tmp_path / "out"
    fake_run([tmp_path / "in" / "q"], out)
    fake_run([tmp_path / "in"], out)
    docs = records(out)
    assert docs["x"]["source"].endswith("p/x.md") and docs["x-2"]["source"].endswith("q/x.md")
    assert docs["x-2"]["title"] == "second"


# ---------------------------------------------------------------- workers


def test_two_workers_same_output_as_one(tmp_path):
    write(tmp_path / "in", {f"d{i:02}.md": f"Person {i} at Acme.\n" * (i % 3 + 1) for i in range(30)})
    fake_run([tmp_path / "in"], tmp_path / "one")
    res = fake_run([tmp_path / "in"], tmp_path / "two", workers=2)
    assert res.processed == 30
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")


def test_worker_crash_costs_one_document(tmp_path):
    """A worker process that dies takes down only the document it was on."""
    files = {f"d{i}.md": f"ok {i} at Acme" for i in range(6)}
    files["d3.md"] = "CRASH"
    write(tmp_path, files)
    res = fake_run([tmp_path], tmp_path / "out", workers=2, settings=Settings(batch_size=3))
    docs = records(tmp_path / "out")
    assert docs["d3"]["error"]["code"] == "internal" and "worker process died" in docs["d3"]["error"]["message"]
    assert all(docs[f"d{i}"]["status"] == "ok" for i in (0, 1, 2, 4, 5))
    assert res.errors == {"internal": 1}


class BrokenFactory:
    def __new__(cls, settings):
        raise OSError("model not installed")


@pytest.mark.parametrize("workers", [1, 2])
def test_unloadable_extractor_is_a_usage_error(tmp_path, workers):
    write(tmp_path, {"a.md": "a"})
    with pytest.raises(UsageError, match="model not installed"):
        fake_run([tmp_path], tmp_path / "out", workers=workers, extractor_factory=BrokenFactory)


def test_output_folder_inside_input_is_not_read(tmp_path):
    """Running over a folder that holds the output gives the same manifest every time."""
    write(tmp_path, {"a.md": "A at Acme"})
    fake_run([tmp_path], tmp_path / "out")
    write(tmp_path, {"out/old.md": "stale"})  # a file beside the outputs, which the run leaves alone
    fake_run([tmp_path], tmp_path / "out")
    manifest = (tmp_path / "out" / "manifest.json").read_bytes()
    res = fake_run([tmp_path], tmp_path / "out")
    assert res.documents == 1 and res.skipped == []
    assert (tmp_path / "out" / "manifest.json").read_bytes() == manifest


def test_second_run_on_same_output_is_refused(tmp_path):
    import fcntl

    write(tmp_path / "in", {"a.md": "A"})
    (tmp_path / "out").mkdir()
    with open(tmp_path / "out" / ".pipeline-lock", "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        with pytest.raises(UsageError, match="another run"):
            fake_run([tmp_path / "in"], tmp_path / "out")
    assert fake_run([tmp_path / "in"], tmp_path / "out").documents == 1


def test_stuck_worker_is_stopped(tmp_path, monkeypatch):
    """A document stuck where the alarm cannot reach gets 'timeout'; its worker is replaced."""
    import pipeline.runner as runner

    monkeypatch.setattr(runner, "WATCHDOG_GRACE_S", 1.0)
    write(tmp_path, {"a.md": "A at Acme", "b.md": "HANG", "c.md": "C at Acme", "d.md": "D at Acme"})
    t = time.monotonic()
    res = fake_run([tmp_path], tmp_path / "out", workers=2, timeout=0.5)
    assert time.monotonic() - t < 60
    docs = records(tmp_path / "out")
    assert docs["b"]["error"]["code"] == "timeout" and "worker was stopped" in docs["b"]["error"]["message"]
    assert all(docs[k]["status"] == "ok" for k in "acd")
    assert res.errors == {"timeout": 1}


@pytest.mark.parametrize(("n", "workers"), [(1, 1), (7, 1), (519, 1), (1, 2), (30, 2), (519, 2), (100, 4)])
def test_chunks_keep_order_and_shrink_towards_the_end(n: int, workers: int) -> None:
    from pipeline.runner import Job, chunked

    jobs = [Job(f"p{i}", f"d{i}", f"s{i}", "0" * 64, 100) for i in range(n)]
    chunks = chunked(jobs, 16, workers=workers)
    assert [j for c in chunks for j in c] == jobs
    sizes = [len(c) for c in chunks]
    assert max(sizes) <= 16
    if workers > 1:
        assert sizes == sorted(sizes, reverse=True)
        assert sizes[-1] == 1
    else:
        assert all(s == 16 for s in sizes[:-1])


def test_chunks_respect_the_byte_limit() -> None:
    from pipeline.runner import Job, chunked

    jobs = [Job(f"p{i}", f"d{i}", f"s{i}", "0" * 64, 400) for i in range(10)]
    assert [len(c) for c in chunked(jobs, 16, max_bytes=1000)] == [2, 2, 2, 2, 2]


def test_cache_entries_are_not_fsynced(tmp_path, monkeypatch):
    """Only the outputs are made durable; cache entries are checked when read, so fsyncing each would be wasted."""
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    write(tmp_path / "in", {f"d{i:02}.md": f"Person {i} at Acme." for i in range(12)})
    fake_run([tmp_path / "in"], tmp_path / "out")
    assert len(list((tmp_path / "out" / ".pipeline-cache").rglob("*.json"))) == 12
    assert len(synced) == 6  # documents.jsonl, facts.jsonl, manifest.json and their folder, once each


@given(st.lists(st.sampled_from(["a", "b.md", ".", "..", "", "x y", "é"]), max_size=6), st.booleans())
def test_source_parts_match_pathlib(parts, absolute):
    """Discovery orders sources by their parts without building a Path per file; the order must be pathlib's."""
    from pipeline.runner import _parts

    source = ("/" if absolute else "") + "/".join(parts)
    assert _parts(source) == Path(source).parts


# ---------------------------------------------------------------- names that are not UTF-8


def test_names_that_are_not_utf8_get_records_and_the_run_goes_on(tmp_path):
    """Linux names are bytes: each such file gets a record whose source maps back to the name."""
    from pipeline.names import to_bytes

    src = tmp_path / "in"
    write(src, {"a.md": "A at Acme"})
    root = os.fsencode(src)
    os.mkdir(os.path.join(root, b"dir-\xff"))
    for name in (b"caf\xe9 at.md", b"dir-\xff/n\xe4me.txt", b"back\\slash.md"):
        with open(os.path.join(root, name), "wb") as fh:
            fh.write(b"Someone at Acme " + name)
    explicit = os.path.join(root, b"explicit-\xfe.txt")
    with open(explicit, "wb") as fh:
        fh.write(b"E at Acme")
    out = tmp_path / "out"
    res = fake_run([src, os.fsdecode(explicit)], out)
    docs = records(out)
    assert res.documents == 5 and res.failed == 0
    by_source = {d["source"]: d for d in docs.values()}
    for name in (b"caf\xe9 at.md", b"dir-\xff/n\xe4me.txt", b"back\\slash.md"):
        shown = next(s for s in by_source if s.startswith(str(src)) and to_bytes(s) == os.path.join(root, name))
        assert by_source[shown]["status"] == "ok"
    assert any(to_bytes(s) == explicit for s in by_source)
    assert "caf\\xe9 at" in docs and "n\\xe4me" in docs
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["documents"]) == 5


@pytest.mark.parametrize("name", [b"plain.md", b"caf\xe9.md", b"a\\xff\xff", b"\\\\", "été".encode()])
def test_printable_names_map_back(name: bytes) -> None:
    from pipeline.names import printable, to_bytes

    shown = printable(os.fsdecode(name))
    shown.encode("utf-8")  # always writable
    assert to_bytes(shown) == name


@pytest.mark.parametrize(("size", "expected"), [(0, 60.0), (1 << 20, 60.0), (4 << 20, 240.0), (3 << 19, 90.0)])
def test_time_limit_grows_with_size_above_1_mb(size: int, expected: float) -> None:
    from pipeline.runner import time_limit

    assert time_limit(60.0, size) == expected


def test_outputs_of_two_runs_are_never_read_as_one(tmp_path):
    """The manifest, written last, names the hashes of the outputs; a half-replaced set is reported."""
    from pipeline.evaluate import main as evaluate_main
    from pipeline.manifest import check_outputs
    from pipeline.report import main as report_main

    write(tmp_path / "in", CORPUS)
    out = tmp_path / "out"
    fake_run([tmp_path / "in"], out)
    assert check_outputs(out) is None
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["outputs"]) == {DOCUMENTS_NAME, FACTS_NAME}
    # a later run replaced documents.jsonl and was killed before facts.jsonl and the manifest
    (out / DOCUMENTS_NAME).write_text((out / DOCUMENTS_NAME).read_text(encoding="utf-8").replace("Acme", "Acne"), encoding="utf-8")
    assert "run extract again" in check_outputs(out)
    (tmp_path / "gold").mkdir()
    assert report_main([str(out)]) == 2
    assert evaluate_main([str(tmp_path / "gold"), str(out)]) == 2
    fake_run([tmp_path / "in"], out, force=True)
    assert check_outputs(out) is None
