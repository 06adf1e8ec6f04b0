"""One long document at a time, its model parts spread over the local worker pool.

The model reads a document over `document.PART_CHARS` characters in parts
(`document.run_long`). With several forked workers, this process runs such a
document itself and sends each part to a worker, which returns the part's Doc as
bytes; this process merges them and runs our components on the whole, exactly as
the one-process path does, so the record is the same byte for byte while the
model's time, most of it, is shared by every worker.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .. import runner
from ..runner import DocumentTimeout, Job, run_jobs
from . import Work, peak_rss_mb


class PartsLost(BaseException):
    """A worker died under a part (or could not load the extractor): the document is retried alone, the usual way.

    A BaseException, so the per-document handlers between here and the engine let it through
    and no record, right or wrong, is written for the document.
    """


def is_long(job: Job) -> bool:
    """Whether the document may be long enough for parts; a shorter one merely runs here whole."""
    from ..document import PART_CHARS

    return job.size > PART_CHARS


def split_long(chunks: list[list[Job]]) -> tuple[list[Job], list[list[Job]]]:
    """The long documents, and the chunks without them."""
    long = [j for c in chunks for j in c if is_long(j)]
    rest = [kept for c in chunks if (kept := [j for j in c if not is_long(j)])]
    return long, rest


def worker_part(part: Any) -> tuple[str, Any]:
    """Runs in a worker: ("ok", (the part's Doc as bytes, pid, peak MB)) or ("init_failed", message)."""
    from ..document import model_part_bytes
    from .local import _W

    if "init_error" in _W:
        return "init_failed", _W["init_error"]
    data = model_part_bytes(_W["extractor"].nlp, part)
    return "ok", (data, str(os.getpid()), peak_rss_mb())


class _PoolParts:
    """The extractor's `map_parts` while a long document runs: its parts go to the pool's workers."""

    def __init__(self, ex: ProcessPoolExecutor, work: Work, patience: float) -> None:
        self.ex, self.work, self.patience = ex, work, patience
        self.futures: list[Future] = []
        self.seconds = 0.0  # from handing out the parts to the last one back

    def __call__(self, parts: list[Any]) -> list[bytes]:
        t = time.perf_counter()
        futures = [self.ex.submit(worker_part, p) for p in parts]
        self.futures += futures
        out: list[bytes] = []
        try:
            for fut in futures:
                try:
                    kind, payload = fut.result(timeout=self.patience)
                except BrokenProcessPool as e:
                    raise PartsLost("a worker died while running a part") from e
                except FutureTimeout:
                    # Native code that ignores the alarm (or no alarm here): the run's own time limit, as a timeout record.
                    raise DocumentTimeout() from None
                if kind == "init_failed":
                    raise PartsLost(payload)
                data, pid, peak_mb = payload
                self.work.note_worker(pid, None, peak_mb)
                out.append(data)
        finally:
            for fut in futures:
                fut.cancel()  # after a failure: parts not yet started never run
            self.seconds += time.perf_counter() - t
        return out

    def busy(self) -> bool:
        """Whether a part is still running on a worker (the document stopped early): the pool is not clean."""
        return any(not f.done() for f in self.futures)


def run_long_job(work: Work, extractor: Any, ex: ProcessPoolExecutor, job: Job) -> tuple[bool, bool]:
    """Run one long document here, its parts on `ex`: (whether it got its record, whether a part still runs).

    A document whose part killed a worker gets no record here: the pool is broken, and
    the caller retries the document alone, as it does every document of a broken pool.
    A part still running after its document stopped (a time limit hit in native code)
    leaves a worker busy: the caller replaces the pool.
    """
    patience = 2 * runner.time_limit(work.settings.timeout_s, job.size) + runner.WATCHDOG_GRACE_S
    mapper = _PoolParts(ex, work, patience)
    extractor.map_parts = mapper
    t = time.perf_counter()
    try:
        results, timings = run_jobs(extractor, work.settings, work.cache, [job])
    except PartsLost:
        return False, False
    finally:
        extractor.map_parts = None
    timings["long documents, parts on workers"] = time.perf_counter() - t
    timings["long documents, waiting for the parts"] = mapper.seconds
    work.note_worker(str(os.getpid()), None, peak_rss_mb())  # this process merged the parts and ran our components
    work.accept(results, timings)
    return True, mapper.busy()
