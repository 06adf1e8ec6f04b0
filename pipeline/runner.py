"""The run over many files: find inputs, skip what is already done, extract the rest, write output.

Guarantees:
- every input file gets exactly one line in documents.jsonl (ok, or error with a code);
- one bad document never stops the run or changes another document's output;
- output depends only on the inputs and settings: not on the cache, the number of
  workers, or whether an earlier run was killed;
- output files are replaced atomically; finished documents are cached one by one,
  so a killed run resumes where it stopped.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import stat
import sys
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence


from . import outdir
from .config import Settings
from .names import printable
from .manifest import Cache, Skipped, manifest_entry, write_manifest
from .output import atomic_writer, remove_stale_temps
from .schema import DocumentRecord, ErrorInfo, dumps, json_line

DOCUMENTS_NAME = "documents.jsonl"
# Error codes that do not make the run fail (exit 1): the content was processed under another name.
NOT_FAILURES = frozenset({"duplicate"})
FACTS_NAME = "facts.jsonl"

# Work is sent to workers in chunks: at most this many documents or this many bytes.
CHUNK_BYTES = 1 << 20
# A worker silent for longer than its chunk's time limits plus this is presumed stuck.
WATCHDOG_GRACE_S = 60.0


class UsageError(Exception):
    """The run cannot start as asked (missing path, unloadable model)."""


class DocumentTimeout(BaseException):
    """Raised by the alarm; a BaseException so per-document `except Exception` handlers let it through."""


# ---------------------------------------------------------------- discovery


@dataclass(frozen=True, slots=True)
class Found:
    path: Path  # what to open
    source: str  # the path as the user wrote it
    explicit: bool  # named on the command line rather than found in a folder
    real: str  # resolved path, to see the same file reached twice
    via_link: bool = False  # reached through a symlink


def _is_backup(name: str) -> bool:
    return name.endswith("~") or name.endswith((".swp", ".swo", ".swx")) or (name.startswith("#") and name.endswith("#"))


def _parts(source: str) -> tuple[str, ...]:
    """Path(source).parts, without building a Path for each of a million files."""
    if not source.startswith("/"):
        head: tuple[str, ...] = ()
    elif source.startswith("//") and not source.startswith("///"):
        head = ("//",)  # POSIX keeps exactly two leading slashes
    else:
        head = ("/",)
    return head + tuple(p for p in source.split("/") if p and p != ".")


def _inside(real: str, roots: Sequence[str]) -> bool:
    return any(real == r or real.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def discover(paths: Sequence[str], suffixes: Iterable[str], exclude: Sequence[str | Path] = ()) -> tuple[list[Found], list[Skipped]]:
    """Files named directly, plus supported files found under the named folders, in a fixed order.

    Inside folders: hidden entries and editor backups are skipped, symlinks are
    followed only when they stay within the named folders, and each real file
    and folder is visited once (so link loops end). Folders in `exclude` (the
    output folder) are passed over silently.
    """
    suffixes = {s.lower() for s in suffixes}
    found: list[Found] = []
    skipped: list[Skipped] = []
    for arg in paths:
        if not os.path.lexists(arg):
            raise UsageError(f"no such file or folder: {arg}")
    roots = [os.path.realpath(a) for a in paths if os.path.isdir(a)]
    visited_dirs: set[str] = {os.path.realpath(e) for e in exclude}
    # Linked folders are walked after all real ones, so a file is reported under its real path.
    linked_dirs: deque[tuple[str, str, str]] = deque()

    def walk(dir_path: str, shown: str, via_link: bool) -> None:
        try:
            with os.scandir(dir_path) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            skipped.append(Skipped(shown, f"cannot list folder: {e.strerror or e}"))
            return
        real_dir = os.path.realpath(dir_path)  # once per folder: an entry that is no link resolves to real_dir/name
        for entry in entries:
            name = entry.name
            shown_child = os.path.join(shown, printable(name))  # text UTF-8 can write, whatever the name's bytes
            if name.startswith("."):
                skipped.append(Skipped(shown_child, "hidden"))
                continue
            if _is_backup(name):
                skipped.append(Skipped(shown_child, "editor backup"))
                continue
            try:
                is_link = entry.is_symlink()
                real = os.path.realpath(entry.path, strict=True) if is_link else os.path.join(real_dir, name)
            except (OSError, RuntimeError):
                skipped.append(Skipped(shown_child, "broken symlink or symlink loop"))
                continue
            if is_link and not _inside(real, roots):
                skipped.append(Skipped(shown_child, "symlink points outside the input folders"))
                continue
            try:
                st = os.stat(entry.path)
            except OSError as e:
                skipped.append(Skipped(shown_child, f"cannot read: {e.strerror or e}"))
                continue
            if stat.S_ISDIR(st.st_mode):
                if real in visited_dirs and not is_link:
                    continue  # the output folder
                if is_link:
                    linked_dirs.append((entry.path, shown_child, real))
                    continue
                visited_dirs.add(real)
                walk(entry.path, shown_child, via_link)
            elif stat.S_ISREG(st.st_mode):
                if os.path.splitext(name)[1].lower() in suffixes:
                    found.append(Found(Path(entry.path), shown_child, False, real, via_link or is_link))
                else:
                    skipped.append(Skipped(shown_child, "unsupported file type"))
            else:
                skipped.append(Skipped(shown_child, "not a regular file"))

    for arg in paths:
        if os.path.isdir(arg):
            real = os.path.realpath(arg)
            if real in visited_dirs:
                continue
            visited_dirs.add(real)
            walk(arg, printable(arg.rstrip("/") or "/"), False)
        else:
            try:
                real = os.path.realpath(arg, strict=True)
            except (OSError, RuntimeError):
                raise UsageError(f"broken symlink or symlink loop: {arg}") from None
            found.append(Found(Path(arg), printable(arg), True, real, os.path.islink(arg)))
    while linked_dirs:
        path, shown, real = linked_dirs.popleft()
        if real in visited_dirs:
            skipped.append(Skipped(shown, "folder already visited (symlink loop or second link)"))
            continue
        visited_dirs.add(real)
        walk(path, shown, True)

    # One entry per real file: prefer the one reached without a symlink, then the first in order.
    keyed = sorted(((_parts(f.source), f) for f in found), key=lambda kf: kf[0])
    best: dict[str, tuple[tuple, Found]] = {}
    for k, f in keyed:
        cur = best.get(f.real)
        if cur is None or (cur[1].via_link and not f.via_link):
            if cur is not None:
                skipped.append(Skipped(cur[1].source, f"same file as {f.source}"))
            best[f.real] = (k, f)
        else:
            skipped.append(Skipped(f.source, f"same file as {cur[1].source}"))
    return [f for _, f in sorted(best.values(), key=lambda kf: kf[0])], skipped


def assign_doc_ids(sources: Sequence[str]) -> list[str]:
    """File stems, made unique with -2, -3, ... in the given order; never clashing with a real stem."""
    stems = [Path(s).stem or Path(s).name for s in sources]
    taken = set(stems)
    seen: set[str] = set()
    ids: list[str] = []
    for stem in stems:
        if stem not in seen:
            seen.add(stem)
            ids.append(stem)
            continue
        k = 2
        while f"{stem}-{k}" in taken:
            k += 1
        new = f"{stem}-{k}"
        taken.add(new)
        ids.append(new)
    return ids


# ---------------------------------------------------------------- records


def error_record(doc_id: str, source: str, sha256: str, code: str, message: str) -> DocumentRecord:
    return DocumentRecord(
        doc_id=doc_id, source=source, sha256=sha256, status="error", error=ErrorInfo(code=code, message=message)  # type: ignore[arg-type]
    )


@dataclass(frozen=True, slots=True)
class Finished:
    """A validated record as the text it is written as: made once, where the record was made.

    `line` and `facts` are None when the record is in the cache, so a run over many
    documents holds only the manifest entries until it writes.
    """

    doc_id: str
    entry: dict[str, Any]  # the manifest entry
    line: str | None = None  # the documents.jsonl line, without its newline
    facts: str | None = None  # the facts.jsonl lines, each with its newline


def render(line: str, data: dict[str, Any] | None = None) -> Finished:
    """A Finished from the JSON line of a record that has been validated already.

    `data`, when given, is the dict the line was dumped from (what parsing the line gives back),
    so a long record's line need not be parsed again.
    """
    if data is None:
        data = json.loads(line)
    facts = "".join(json_line(f) + "\n" for f in data["facts"]) if data["status"] == "ok" else ""
    return Finished(data["doc_id"], manifest_entry(data), line, facts)


def finalize(record: Any, doc_id: str, source: str, sha256: str) -> DocumentRecord:
    """Validate a record and pin its identity fields; anything invalid becomes an 'internal' error."""
    try:
        if not isinstance(record, DocumentRecord):
            raise TypeError(f"the extractor returned {type(record).__name__}, not a DocumentRecord")
        checked = DocumentRecord.model_validate_json(dumps(record))  # dumps refuses NaN and Infinity
        if checked.doc_id != doc_id:
            raise ValueError(f"record doc_id {checked.doc_id!r} does not match {doc_id!r}")
        checked.source = source
        checked.sha256 = sha256
        if checked.status == "ok":
            checked.error = None
            bad = [f.doc_id for f in checked.facts if f.doc_id != doc_id]
            if bad:
                raise ValueError(f"a fact names doc_id {bad[0]!r}")
        elif checked.error is None:
            raise ValueError("an error record without error details")
        else:
            checked.facts = []
        checked.facts.sort(key=lambda f: (f.evidence.start, f.evidence.end))
        return checked
    except Exception as e:  # noqa: BLE001 - whatever is wrong with it, the record must not reach the output
        first = str(e).splitlines()[0] if str(e) else type(e).__name__
        return error_record(doc_id, source, sha256, "internal", f"The extractor produced an invalid record: {first}")


def finish(record: Any, doc_id: str, source: str, sha256: str) -> tuple[DocumentRecord, Finished]:
    """finalize() and render(): the checked record and its output text."""
    checked = finalize(record, doc_id, source, sha256)
    data = checked.model_dump(mode="json")
    return checked, render(json_line(data), data)


# ---------------------------------------------------------------- time limit


class _Alarm:
    """SIGALRM-based time limit for the current process; inert where signals are unavailable."""

    def __init__(self) -> None:
        self.usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        self._old: Any = None

    def __enter__(self) -> "_Alarm":
        if self.usable:
            self._old = signal.signal(signal.SIGALRM, self._fire)
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.usable:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._old)

    @staticmethod
    def _fire(signum: int, frame: Any) -> None:
        raise DocumentTimeout()

    def arm(self, seconds: float) -> None:
        if self.usable and seconds > 0:
            signal.setitimer(signal.ITIMER_REAL, seconds)

    def disarm(self) -> None:
        if self.usable:
            signal.setitimer(signal.ITIMER_REAL, 0)


def time_limit(timeout: float, size: int) -> float:
    """The limit for one document: `timeout` seconds, and that much per MB above 1 MB.

    A stall is caught as before; a large valid document gets time in proportion to
    its size, since every stage is linear in it.
    """
    return timeout * max(1.0, size / (1 << 20))


def _size(item: Any) -> int:
    return len(getattr(item, "text", "") or "")


def _extract_run(extractor: Any, items: Sequence[Any], timeout: float) -> tuple[list[Any], int, BaseException | None]:
    """Records for a prefix of `items`, how many items the extractor pulled, and what stopped it early."""
    pulled = 0

    def feed() -> Iterator[Any]:
        nonlocal pulled
        for item in items:
            pulled += 1
            yield item

    records: list[Any] = []
    failure: BaseException | None = None
    gen: Any = None
    with _Alarm() as alarm:
        try:
            gen = iter(extractor.process_many(feed()))
            while len(records) < len(items):
                alarm.arm(time_limit(timeout, max(_size(it) for it in items[len(records) :])))
                try:
                    rec = next(gen)
                except StopIteration:
                    break
                finally:
                    alarm.disarm()
                records.append(rec)
        except DocumentTimeout as e:
            failure = e
        except Exception as e:  # noqa: BLE001 - the extractor should catch these itself; never let one escape
            failure = e
        finally:
            alarm.disarm()
            if gen is not None and hasattr(gen, "close"):
                try:
                    gen.close()
                except BaseException:  # noqa: BLE001
                    pass
    return records, pulled, failure


def _failure_message(exc: BaseException, timeout: float, size: int = 0) -> tuple[str, str]:
    if isinstance(exc, DocumentTimeout):
        limit = time_limit(timeout, size)
        return "timeout", f"Processing took longer than the limit of {limit:.3g} s for this document (see --timeout)."
    return "internal", f"The extractor failed: {type(exc).__name__}: {exc}"


def extract_with_limits(extractor: Any, inputs: Sequence[Any], timeout: float) -> list[Any]:
    """One record per input, in order, with a per-document time limit.

    The extractor may batch, so when the limit fires every document it had
    taken but not finished is retried alone; only the one that is slow alone
    gets the 'timeout' record.
    """
    out: list[Any] = []
    start = 0
    while start < len(inputs):
        items = inputs[start:]
        records, pulled, failure = _extract_run(extractor, items, timeout)
        out.extend(records)
        start += len(records)
        if failure is None:
            if not records:  # the extractor returned fewer records than inputs
                for item in inputs[start:]:
                    out.append(error_record(item.doc_id, item.source, item.sha256, "internal", "The extractor returned no record for this document."))
                break
            continue
        unfinished = inputs[start : max(start + 1, min(len(inputs), start + pulled - len(records)))]
        if len(unfinished) == 1:
            it = unfinished[0]
            code, msg = _failure_message(failure, timeout, _size(it))
            out.append(error_record(it.doc_id, it.source, it.sha256, code, msg))
        else:
            for it in unfinished:
                recs, _, fail = _extract_run(extractor, [it], timeout)
                if recs:
                    out.append(recs[0])
                else:
                    code, msg = _failure_message(fail or RuntimeError("no record"), timeout, _size(it))
                    out.append(error_record(it.doc_id, it.source, it.sha256, code, msg))
        start += len(unfinished)
    return out


# ---------------------------------------------------------------- work units


@dataclass(frozen=True, slots=True)
class Job:
    path: str
    doc_id: str
    source: str
    sha256: str
    size: int


_EXTRACTORS: dict[str, Any] = {}


def _default_factory(settings: Settings) -> Any:
    """The real extractor; built once per process and settings, since loading spaCy is slow."""
    key = settings.model_dump_json(exclude={"timeout_s"})  # the time limit is enforced here, not by the extractor
    if key not in _EXTRACTORS:
        from .extract import Extractor

        if len(_EXTRACTORS) >= 2:
            _EXTRACTORS.pop(next(iter(_EXTRACTORS)))
        _EXTRACTORS[key] = Extractor(settings)
    return _EXTRACTORS[key]


def _add(timings: dict[str, float], key: str, dt: float) -> None:
    timings[key] = timings.get(key, 0.0) + dt


def run_jobs(
    extractor: Any, settings: Settings, cache: Cache | None, jobs: Sequence[Job], data: Sequence[bytes | OSError] | None = None
) -> tuple[list[Finished], dict[str, float]]:
    """Read, decode and extract a chunk of documents; cache each finished record.

    Returns a Finished per job (without its text when the record is in the
    cache), plus the time spent per stage. `data` holds the jobs' bytes when
    they were sent rather than read here; without a `cache` (a worker with no
    access to the output folder) every Finished keeps its text.
    """
    from . import ingest
    from .extract import Input

    timings: dict[str, float] = {}
    before = dict(getattr(extractor, "timings", None) or {})
    t0 = time.perf_counter()
    ready: list[DocumentRecord | None] = []
    inputs: list[Any] = []
    with _Alarm() as alarm:
        for i, job in enumerate(jobs):
            rec: DocumentRecord | None = None
            try:
                alarm.arm(time_limit(settings.timeout_s, job.size))
                raw = Path(job.path).read_bytes() if data is None else data[i]
                if isinstance(raw, OSError):  # the sender could not read it
                    raise raw
                if hashlib.sha256(raw).hexdigest() != job.sha256:
                    rec = error_record(job.doc_id, job.source, job.sha256, "internal", "The file changed while the run was in progress; run again.")
                else:
                    decoded = ingest.decode(raw, settings.max_bytes)
                    fmt = ingest.detect_format(os.path.basename(job.path), decoded.text)
                    inputs.append(Input(text=decoded.text, doc_id=job.doc_id, source=job.source, sha256=job.sha256, fmt=fmt))
            except ingest.IngestError as e:
                rec = error_record(job.doc_id, job.source, job.sha256, e.code, e.message)
            except DocumentTimeout:
                rec = error_record(job.doc_id, job.source, job.sha256, "timeout", f"Reading and decoding took longer than the limit of {time_limit(settings.timeout_s, job.size):.3g} s.")
            except OSError as e:
                rec = error_record(job.doc_id, job.source, job.sha256, "decode_failed", f"The file could not be read: {e.strerror or e}.")
            except Exception as e:  # noqa: BLE001
                rec = error_record(job.doc_id, job.source, job.sha256, "internal", f"Decoding failed unexpectedly: {type(e).__name__}: {e}")
            finally:
                alarm.disarm()
            ready.append(rec)
    t1 = time.perf_counter()
    _add(timings, "read+decode", t1 - t0)
    extracted = iter(extract_with_limits(extractor, inputs, settings.timeout_s)) if inputs else iter(())
    t2 = time.perf_counter()
    _add(timings, "extract", t2 - t1)

    results: list[Finished] = []
    for job, rec in zip(jobs, ready):
        if rec is None:
            rec = next(extracted)
        checked, done = finish(rec, job.doc_id, job.source, job.sha256)
        try:
            stored = cache is not None and cache.store(checked, done.line or "")
        except OSError:
            stored = False
        results.append(Finished(done.doc_id, done.entry) if stored else done)
    _add(timings, "cache write", time.perf_counter() - t2)
    after = getattr(extractor, "timings", None) or {}
    for k, v in after.items():
        d = float(v) - float(before.get(k, 0.0))
        if d:
            _add(timings, f"extract/{k}", d)
    return results, timings


def chunked(jobs: Sequence[Job], size: int, max_bytes: int = CHUNK_BYTES, workers: int = 1) -> list[list[Job]]:
    """Chunks of at most `size` documents and `max_bytes` bytes.

    With several workers, chunks shrink towards the end of the run (each at most
    a quarter of what is left per worker), so no worker is still busy with a big
    chunk after the others ran out of work.
    """
    chunks: list[list[Job]] = []
    cur: list[Job] = []
    cur_bytes = 0
    limit = size
    for i, j in enumerate(jobs):
        if cur and (len(cur) >= limit or cur_bytes + j.size > max_bytes):
            chunks.append(cur)
            cur, cur_bytes = [], 0
        if not cur and workers > 1:
            limit = max(1, min(size, (len(jobs) - i) // (4 * workers)))
        cur.append(j)
        cur_bytes += j.size
    if cur:
        chunks.append(cur)
    return chunks


# ---------------------------------------------------------------- the run


@dataclass
class RunResult:
    documents: int = 0
    processed: int = 0  # sent through decode + extraction this run
    reused: int = 0  # taken from the cache
    facts: int = 0
    errors: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    engine: str = "local"
    first_result_s: float | None = None  # from the start of the run to the first extracted document
    extract_s: float | None = None  # from the start of the run to the last extracted document
    worker_start_s: dict[str, float] = field(default_factory=dict)  # per worker: seconds to load the extractor
    worker_peak_mb: dict[str, float] = field(default_factory=dict)  # per worker: peak resident memory
    progress: list[tuple[float, int]] = field(default_factory=list)  # (seconds since the start, documents extracted so far)

    @property
    def failed(self) -> int:
        """Documents that could not be processed; a duplicate was processed, once, under its first copy."""
        return sum(n for code, n in self.errors.items() if code not in NOT_FAILURES)

    def summary(self) -> str:
        errs = ", ".join(f"{c} {n}" for c, n in sorted(self.errors.items()))
        return (
            f"documents {self.documents} (processed {self.processed}, reused {self.reused}), "
            f"facts {self.facts}, errors {sum(self.errors.values())}{f' ({errs})' if errs else ''}, "
            f"skipped {len(self.skipped)}, {self.seconds:.2f} s"
            + (f", peak memory per worker {max(self.worker_peak_mb.values()):.0f} MB" if self.worker_peak_mb else "")
        )


@dataclass(slots=True)
class _Slot:
    doc_id: str
    source: str
    sha256: str
    inline: DocumentRecord | Finished | None = None  # None: the record is in the cache from an earlier run


def _hash_file(path: Path) -> tuple[str, int, bytes | None]:
    """sha256 and size; the bytes too (for the whitespace check) when the file is small."""
    h = hashlib.sha256()
    size = 0
    head = bytearray()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
            if len(head) < 4096:
                head += chunk[:4096]
    return h.hexdigest(), size, bytes(head)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def run(
    paths: Sequence[str],
    out_dir: str | Path,
    settings: Settings | None = None,
    *,
    workers: int = 1,
    force: bool = False,
    extractor_factory: Callable[[Settings], Any] | None = None,
    progress: bool = False,
    log: Callable[[str], None] | None = None,
    engine: str = "local",
    ray_address: str | None = None,
) -> RunResult:
    """Extract every input under `paths` into `out_dir`; see the module docstring for the guarantees.

    `engine` says where documents are extracted: "local" (this process, or `workers`
    processes on this machine) or "ray" (`workers` actors on the Ray cluster at
    `ray_address`, or on a Ray instance started here); see `pipeline.engines`.
    """
    from .engines import get_engine

    from . import ingest

    settings = settings or Settings()
    factory = extractor_factory or _default_factory
    out = Path(out_dir)
    res = RunResult(engine=engine)
    t_start = time.perf_counter()
    try:
        eng = get_engine(engine, ray_address=ray_address)
    except (ValueError, ImportError) as e:
        raise UsageError(str(e)) from None

    t = time.perf_counter()
    found, skipped = discover(paths, ingest.SUPPORTED_SUFFIXES, exclude=[out])
    res.skipped = skipped
    doc_ids = assign_doc_ids([f.source for f in found])
    _add(res.timings, "discover", time.perf_counter() - t)
    if not found:
        why = Counter(s.reason for s in skipped)
        detail = f" ({', '.join(f'{n} {r}' for r, n in sorted(why.items()))})" if why else ""
        raise UsageError(f"no documents to read in {', '.join(paths)}: nothing with a suffix of {' '.join(sorted(ingest.SUPPORTED_SUFFIXES))}{detail}")

    if extractor_factory is None and not _model_installed(settings.model):
        raise UsageError(f"no spaCy pipeline named {settings.model!r} is installed (--model takes an installed package or a folder)")
    try:
        outdir.claim(out)
    except outdir.OutputFolderError as e:
        raise UsageError(str(e)) from None
    lock = _lock(out)
    try:
        return _run_locked(found, skipped, doc_ids, out, settings, factory, workers, force, progress, log, res, t_start, eng)
    finally:
        lock.close()


def _model_installed(name: str) -> bool:
    """Checked before the output folder is touched: loading the model comes much later."""
    import spacy.util

    return spacy.util.is_package(name) or Path(name).is_dir()


def _lock(out: Path) -> Any:
    """Hold OUT/.pipeline-lock for the run: two runs writing one folder would interleave their outputs."""
    fh = open(out / outdir.LOCK_NAME, "a+b")
    try:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # no fcntl: run unlocked
        pass
    except OSError:
        fh.close()
        raise UsageError(f"another run is writing to {out}") from None
    return fh


def _run_locked(
    found: list[Found],
    skipped: list[Skipped],
    doc_ids: list[str],
    out: Path,
    settings: Settings,
    factory: Callable[[Settings], Any],
    workers: int,
    force: bool,
    progress: bool,
    log: Callable[[str], None] | None,
    res: RunResult,
    t_start: float,
    engine: Any,
) -> RunResult:
    from . import ingest

    remove_stale_temps(out)
    key = settings.cache_key()
    cache = Cache(out, key)
    suffixes = {s.lower() for s in ingest.SUPPORTED_SUFFIXES}

    t = time.perf_counter()
    slots: list[_Slot] = []
    jobs: list[Job] = []
    first_by_sha: dict[str, str] = {}
    for f, doc_id in zip(found, doc_ids):
        slot = _Slot(doc_id, f.source, "")
        slots.append(slot)
        try:
            sha, size, head = _hash_file(f.path)
        except OSError as e:
            slot.inline = error_record(doc_id, f.source, "", "decode_failed", f"The file could not be read: {e.strerror or e}.")
            continue
        slot.sha256 = sha
        if f.path.suffix.lower() not in suffixes:
            try:
                ingest.ensure_supported(printable(f.path.name))
                message = f"Files like {printable(f.path.name)} are not read."
            except ingest.IngestError as e:
                message = e.message
            slot.inline = error_record(doc_id, f.source, sha, "unsupported_type", message)
            continue
        # Identical empty or blank files are each reported as empty, not as copies.
        substantive = size > len(head) or bool(head.strip())
        if substantive:
            first = first_by_sha.get(sha)
            if first is not None:
                slot.inline = error_record(doc_id, f.source, sha, "duplicate", f"Same content as document {first!r}; processed once, there.")
                continue
            first_by_sha[sha] = doc_id
        if size > settings.max_bytes:
            slot.inline = error_record(
                doc_id, f.source, sha, "too_large",
                f"The file is {_mb(size)}, over the limit of {_mb(settings.max_bytes)} (see --max-bytes).",
            )
            continue
        if not force and cache.load(sha, doc_id) is not None:
            res.reused += 1
            continue
        jobs.append(Job(str(f.path), doc_id, f.source, sha, size))
    _add(res.timings, "hash+cache lookup", time.perf_counter() - t)

    res.documents = len(slots)
    by_id = {s.doc_id: s for s in slots}
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(slots), file=sys.stderr, unit="doc", dynamic_ncols=True)
        bar.update(len(slots) - len(jobs))

    def accept(results: list[Finished], timings: dict[str, float]) -> None:
        for done in results:
            by_id[done.doc_id].inline = done  # text only when not cached: written records stay on disk
            res.processed += 1
        if results:
            now = time.perf_counter() - t_start
            res.extract_s = now
            if res.first_result_s is None:
                res.first_result_s = now
            res.progress.append((now, res.processed))
        for k, v in timings.items():
            _add(res.timings, k, v)
        if bar is not None:
            bar.update(len(results))

    try:
        if jobs:
            from .engines import Work

            work = Work(chunked(jobs, settings.batch_size, workers=workers), workers, factory, settings, out, cache, accept, log)
            try:
                engine.process(work)
            finally:
                res.worker_start_s, res.worker_peak_mb = work.worker_start_s or {}, work.worker_peak_mb or {}
    finally:
        if bar is not None:
            bar.close()

    t = time.perf_counter()
    entries = commit_outputs(out, (_finished(slot, cache) for slot in sorted(slots, key=lambda s: s.doc_id)), settings, key, skipped)
    _count(res, entries)
    cache.prune((s.sha256, s.doc_id) for s in slots if s.sha256)
    _add(res.timings, "write", time.perf_counter() - t)
    res.seconds = time.perf_counter() - t_start
    if log is not None:
        log(res.summary())
    return res


def write_outputs(out: Path, finished: Iterable[Finished]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """documents.jsonl and facts.jsonl from records in output order; returns the manifest entries and each file's sha256.

    Each file is replaced atomically; the set becomes one generation when
    `write_manifest` records these hashes after them (see `commit_outputs`).
    """
    entries: list[dict[str, Any]] = []
    h_docs, h_facts = hashlib.sha256(), hashlib.sha256()
    with atomic_writer(out / DOCUMENTS_NAME) as docs_fh, atomic_writer(out / FACTS_NAME) as facts_fh:
        for done in finished:
            line = done.line + "\n"  # type: ignore[operator]
            docs_fh.write(line)
            h_docs.update(line.encode("utf-8"))
            if done.facts:
                facts_fh.write(done.facts)
                h_facts.update(done.facts.encode("utf-8"))
            entries.append(done.entry)
    return entries, {DOCUMENTS_NAME: h_docs.hexdigest(), FACTS_NAME: h_facts.hexdigest()}


def commit_outputs(out: Path, finished: Iterable[Finished], settings: Settings, key: str, skipped: Iterable[Skipped]) -> list[dict[str, Any]]:
    """Write the outputs, then the manifest naming their hashes: its rename makes the set current.

    A run stopped between the renames leaves a manifest whose hashes do not match,
    which readers (`manifest.check_outputs`) report instead of mixing two runs.
    """
    entries, hashes = write_outputs(out, finished)
    write_manifest(out, settings, key, entries, skipped, outputs=hashes)
    return entries


def _count(res: RunResult, entries: list[dict[str, Any]]) -> None:
    for entry in entries:
        if entry["status"] == "ok":
            res.facts += entry["facts"]
        else:
            res.errors[entry["code"]] += 1


def _finished(slot: _Slot, cache: Cache) -> Finished:
    done = slot.inline
    if isinstance(done, Finished):
        if done.line is not None:
            return done
        line = cache.read_line(slot.sha256, slot.doc_id)  # stored by this run, after its check
        if line is not None:
            try:
                return render(line)
            except (ValueError, KeyError, TypeError):
                pass  # changed under us: checked below like an entry from an earlier run
        done = None
    rec = done if done is not None else cache.load(slot.sha256, slot.doc_id)
    return finish(rec if rec is not None else _missing(slot), slot.doc_id, slot.source, slot.sha256)[1]


def _missing(slot: _Slot) -> DocumentRecord:
    return error_record(slot.doc_id, slot.source, slot.sha256, "internal", "The finished record went missing from the cache; run again.")
