"""The local engine: this process alone, or a pool of worker processes on this machine.

With several workers the extractor is loaded once, here, and the workers are
forked from this process where the platform allows it (Linux), so they share
the loaded model's memory and start in milliseconds instead of each importing
spaCy and loading the model again (seconds each, all at once). Elsewhere the
workers are spawned and each loads its own.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import signal
import sys
import time
import warnings
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Callable

from .. import runner
from ..config import Settings
from ..lean_imports import keep_gpu_libraries_out
from ..manifest import Cache
from ..runner import Job, UsageError, run_jobs
from . import Work, lost_record, peak_rss_mb
from .long_docs import run_long_job, split_long


class LocalEngine:
    def process(self, work: Work) -> None:
        t = time.perf_counter()
        forking = work.workers > 1 and sys.platform.startswith("linux")
        extractor = None
        if work.workers <= 1 or forking:
            try:
                extractor = work.factory(work.settings)
            except Exception as e:  # noqa: BLE001
                raise UsageError(f"cannot load the extractor: {type(e).__name__}: {e}") from e
            work.accept([], {"load extractor": time.perf_counter() - t})
        if work.workers <= 1:
            work.note_worker(str(os.getpid()), time.perf_counter() - t, None)
            for chunk in work.chunks:
                work.accept(*run_jobs(extractor, work.settings, work.cache, chunk))
            work.note_worker(str(os.getpid()), None, peak_rss_mb())
            return
        if forking:
            # The loaded model is never freed while workers share it: keep collections off its pages.
            gc.freeze()
        _run_pool(work, mp.get_context("fork" if forking else "spawn"), extractor)


# Worker-process state: one extractor per process, built once.
_W: dict[str, Any] = {}


def _die_with_parent(parent_pid: int) -> None:
    """Workers orphaned by a killed parent would otherwise wait forever for work."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG, Linux only
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent_pid:  # the parent died before the call above
        os._exit(1)


def _worker_init(factory: Callable[[Settings], Any], settings: Settings, out_dir: str, key: str, parent_pid: int) -> None:
    t = time.perf_counter()
    _die_with_parent(parent_pid)
    # The parent handles Ctrl-C; workers just finish or get terminated. A forked worker inherits
    # the parent's SIGTERM handler, which raises inside the task, where the pool catches it and the
    # worker goes on: terminate() must end the process.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    keep_gpu_libraries_out(settings.model)  # a spawned worker (a forked one has spaCy loaded already)
    _W["settings"] = settings
    _W["cache"] = Cache(Path(out_dir), key)
    try:
        _W["extractor"] = factory(settings)  # a forked worker finds the parent's, already loaded
    except BaseException as e:  # noqa: BLE001
        _W["init_error"] = f"{type(e).__name__}: {e}"
    # The extractor lives as long as the worker: no collection needs to walk it, during the run or at exit.
    gc.freeze()
    _W["start_s"] = time.perf_counter() - t


def _worker_run(jobs: list[Job]) -> tuple[str, Any]:
    """Runs in a worker; returns ("ok", (results, timings, (pid, start-up s, peak MB))) or ("init_failed", message)."""
    if "init_error" in _W:
        return "init_failed", _W["init_error"]
    results, timings = run_jobs(_W["extractor"], _W["settings"], _W["cache"], jobs)
    return "ok", (results, timings, (str(os.getpid()), _W["start_s"], peak_rss_mb()))


def _run_pool(work: Work, ctx: Any, extractor: Any = None) -> None:
    """Run chunks on `work.workers` processes, a few chunks in flight each.

    If a worker process dies (a crash in native code, the OOM killer), every
    document that was in flight is retried alone, with nothing else running,
    in a fresh pool; a document that kills a worker on its own gets an
    'internal' record and the rest are unaffected. When this process holds the
    extractor the workers were forked with, it runs the long documents itself,
    one at a time beside the chunks, their model parts on the pool (`long_docs`).
    """
    workers, settings = work.workers, work.settings
    chunks = work.chunks
    long_jobs: deque[Job] = deque()
    if extractor is not None and hasattr(extractor, "map_parts"):
        long, chunks = split_long(chunks)
        long_jobs.extend(long)
    # (chunk, isolated): isolated chunks are suspects from a crash and run with nothing beside them.
    queue: deque[tuple[list[Job], bool]] = deque((c, False) for c in chunks)

    def collect(fut: Any, chunk: list[Job]) -> bool:
        """Hand a finished chunk to `accept`; False when the pool broke under it."""
        try:
            kind, payload = fut.result()
        except BrokenProcessPool:
            return False
        except Exception as e:  # noqa: BLE001 - e.g. a result that cannot be pickled
            work.accept([runner.finish(runner.error_record(j.doc_id, j.source, j.sha256, "internal", f"Worker failed: {type(e).__name__}: {e}"), j.doc_id, j.source, j.sha256)[1] for j in chunk], {})
            return True
        if kind == "init_failed":
            raise UsageError(f"cannot load the extractor: {payload}")
        results, timings, (pid, start_s, peak_mb) = payload
        work.note_worker(pid, start_s, peak_mb)
        work.accept(results, timings)
        return True

    initargs = (work.factory, settings, str(work.out), work.cache.key, os.getpid())
    while queue or long_jobs:
        n = workers if long_jobs or not queue[0][1] else 1
        ex = ProcessPoolExecutor(max_workers=n if long_jobs else min(n, len(queue)), mp_context=ctx, initializer=_worker_init, initargs=initargs)
        inflight: dict[Any, tuple[list[Job], bool]] = {}
        failed: list[list[Job]] = []
        hung = False
        try:
            while queue or inflight or (long_jobs and n == workers):
                if n < workers and not inflight and (long_jobs or queue and not queue[0][1]):
                    break  # suspects done: back to a full-size pool
                with warnings.catch_warnings():
                    # Python 3.12 warns on fork beside other threads (a progress bar's monitor); workers use none of their locks.
                    warnings.filterwarnings("ignore", "This process .* is multi-threaded", DeprecationWarning)
                    while queue and len(inflight) < 2 * workers:
                        chunk, isolated = queue[0]
                        if inflight and (isolated or any(iso for _, iso in inflight.values())):
                            break
                        queue.popleft()
                        inflight[ex.submit(_worker_run, chunk)] = (chunk, isolated)
                    if long_jobs and n == workers and not any(iso for _, iso in inflight.values()):
                        # One long document here while the workers run chunks; its parts queue behind them.
                        job = long_jobs.popleft()
                        finished, stuck = run_long_job(work, extractor, ex, job)
                        if not finished:
                            failed.append([job])  # a worker died under a part: the pool is broken
                            break
                        if stuck:
                            _requeue_after_stop(ex, inflight, queue, collect)
                            break
                        if not inflight:
                            continue
                # Each document stops itself at the time limit; this catches native code that ignores the alarm.
                patience = 2 * max(sum(runner.time_limit(settings.timeout_s, j.size) for j in c) for c, _ in inflight.values()) + runner.WATCHDOG_GRACE_S
                done, _ = wait(inflight, timeout=patience, return_when=FIRST_COMPLETED)
                if not done:
                    hung = True
                    for proc in list(getattr(ex, "_processes", {}).values()):
                        proc.terminate()
                    done, _ = wait(inflight, timeout=60)
                broken = False
                for fut in done:
                    chunk, _ = inflight.pop(fut)
                    if not collect(fut, chunk):
                        broken = True
                        failed.append(chunk)
                if broken:
                    break
        except BaseException:
            # Ctrl-C or a fatal error: stop the workers now rather than after their chunks.
            _stop(ex)
            raise
        else:
            ex.shutdown(wait=True, cancel_futures=True)
        for fut, (chunk, _) in inflight.items():
            if fut.cancelled():
                queue.appendleft((chunk, False))
            elif not collect(fut, chunk):
                failed.append(chunk)
        suspects = [j for c in failed for j in c]
        if len(suspects) == 1:
            work.accept([lost_record(suspects[0], hung, settings)], {})
        else:
            queue.extendleft(([j], True) for j in reversed(suspects))


def _stop(ex: ProcessPoolExecutor) -> None:
    """Stop the pool's workers now, whatever they are running."""
    for proc in list(getattr(ex, "_processes", {}).values()):
        proc.terminate()
    ex.shutdown(wait=False, cancel_futures=True)


def _requeue_after_stop(ex: ProcessPoolExecutor, inflight: dict[Any, tuple[list[Job], bool]], queue: deque, collect: Callable[[Any, list[Job]], bool]) -> None:
    """Stop a pool a worker of which is stuck in a part; chunks it had not finished go back to the queue as they were."""
    _stop(ex)
    wait(inflight, timeout=60)
    for fut, (chunk, isolated) in list(inflight.items()):
        if not (fut.done() and not fut.cancelled() and collect(fut, chunk)):
            queue.appendleft((chunk, isolated))
    inflight.clear()
