"""The Ray engine: the same run on the actors of a Ray cluster (`pip install '.[ray]'`).

Each actor loads one extractor when it starts and keeps it. This process, the
driver, reads each chunk's bytes and sends them with the task (through Ray's
object store), so actors need no shared file system; finished records come
back as their output text, and the driver stores them in the cache and writes
the outputs exactly as the local engine does. At most two chunks per actor
are in flight, so the driver's memory does not grow with the run.

An actor that dies (a crash in native code, the OOM killer) is restarted by
Ray; the documents it had in flight are retried one at a time, each on an
actor with nothing else queued, and a document that kills its actor alone
gets the same 'internal' record as with local workers.
"""

from __future__ import annotations

import gc
import os
import socket
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import runner
from ..lean_imports import keep_gpu_libraries_out
from ..manifest import UNCACHED_CODES
from ..runner import Finished, Job, UsageError, run_jobs
from . import Work, lost_record, peak_rss_mb

# CPUs of the cluster that actors never take, so that other tasks (and Ray's own) can still be
# scheduled: a pool of actors holding every CPU can wait forever on work that needs one more.
RESERVED_CPUS = 1
IN_FLIGHT_PER_ACTOR = 2
POLL_S = 1.0
# An actor that dies for good this many times in a row, with no chunk done in between, stops the run.
MAX_REPLACEMENTS = 3
# Seconds to wait for a cluster address to accept a connection before the run is refused.
CONNECT_TIMEOUT_S = 10.0


def import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise UsageError("--engine ray needs Ray: pip install '.[ray]' (tested versions: requirements-ray.lock)") from None
    return ray


class ExtractorActor:
    """One extractor, loaded once per actor process; chunks of documents in, finished records out."""

    def __init__(self, factory: Any, settings: Any) -> None:
        t = time.perf_counter()
        self.settings = settings
        self.error: str | None = None
        keep_gpu_libraries_out(settings.model)
        try:
            self.extractor = factory(settings)
        except BaseException as e:  # noqa: BLE001 - reported to the driver with the first chunk
            self.error = f"{type(e).__name__}: {e}"
        gc.freeze()  # the extractor lives as long as the actor
        self.name = f"{socket.gethostname()}:{os.getpid()}"
        self.start_s = time.perf_counter() - t

    def ready(self) -> str:
        return self.name

    def process(self, jobs: list[Job], data: list[bytes | OSError]) -> tuple[str, Any]:
        if self.error is not None:
            return "init_failed", self.error
        results, timings = run_jobs(self.extractor, self.settings, None, jobs, data)
        return "ok", (results, timings, (self.name, self.start_s, peak_rss_mb()))


def check_reachable(address: str, timeout: float = CONNECT_TIMEOUT_S) -> None:
    """Refuse an address of a cluster that nothing answers on.

    `ray.init` keeps retrying such an address for minutes (its GCS client waits and
    reconnects), so a mistyped host or a head that is down would look like a hang.
    """
    if address in ("auto", "local"):
        return  # Ray finds this machine's cluster itself, and says so quickly when there is none
    hostport = address.split("://", 1)[1] if "://" in address else address
    host, sep, port = hostport.rpartition(":")
    if not sep or not host or not port.isdigit():
        raise UsageError(f"--ray-address {address!r}: expected auto, HOST:PORT or ray://HOST:PORT")
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout):
            pass
    except OSError as e:
        why = "no answer" if isinstance(e, TimeoutError) else (e.strerror or str(e))
        raise UsageError(f"cannot reach the Ray cluster at {address}: {why} (is its head running, e.g. `ray start --head`?)") from None


class RayEngine:
    def __init__(self, address: str | None = None) -> None:
        self.address = address
        import_ray()  # fail before the run starts when Ray is missing
        if address:
            check_reachable(address)  # and before anything is written when nothing answers there

    def process(self, work: Work) -> None:
        ray = import_ray()
        started = not ray.is_initialized()
        if started:
            _connect(ray, self.address)
        try:
            cpus = int(ray.cluster_resources().get("CPU", 0))
            free = cpus - RESERVED_CPUS
            if free < 1:
                raise UsageError(f"the Ray cluster has {cpus} CPU(s); actors leave {RESERVED_CPUS} free, so at least {RESERVED_CPUS + 1} are needed")
            n = min(work.workers, free, len(work.chunks))
            if n < work.workers and n < len(work.chunks) and work.log is not None:
                work.log(f"ray: {n} actors (the cluster's {cpus} CPUs less {RESERVED_CPUS} kept free), not {work.workers}")
            _Driver(ray, work, n).run()
        finally:
            if started:
                ray.shutdown()


def _connect(ray: Any, address: str | None) -> None:
    """Join the cluster at `address`, or start a Ray instance on this machine for this run."""
    import logging

    if address:
        try:
            ray.init(address=address, logging_level=logging.WARNING)
        except (ConnectionError, RuntimeError, ValueError) as e:
            raise UsageError(f"cannot join the Ray cluster at {address}: {e}") from None
        return
    # Actors started here inherit this environment: let them import the package from where this process did.
    root = str(Path(__file__).resolve().parents[2])
    path = os.environ.get("PYTHONPATH", "")
    if root not in path.split(os.pathsep):
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (root, path) if p)
    ray.init(num_cpus=os.cpu_count(), include_dashboard=False, logging_level=logging.WARNING)


@dataclass
class _Task:
    actor: int
    chunk: list[Job]
    isolated: bool  # a suspect from a crash: one document, alone on its actor


@dataclass
class _ActorState:
    handle: Any
    tasks: deque = field(default_factory=deque)  # refs, in the order the actor runs them
    busy_since: float = 0.0  # when the task at the head of `tasks` started (as far as the driver can tell)
    stopped: bool = False  # killed by the watchdog: what it had in flight is suspect of hanging
    # After a failure the actor is restarting: nothing is sent to it until a call to `ready` returns,
    # since a call that meets it still restarting fails as if the actor had died under it.
    restarting: bool = False
    probe: Any = None
    probe_at: float = 0.0
    replaced: int = 0  # times in a row it died for good (its node lost, say) and was started anew


class _Driver:
    def __init__(self, ray: Any, work: Work, n: int) -> None:
        self.ray, self.work = ray, work
        self.remote = ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=0)(ExtractorActor)
        self.actors = [_ActorState(self._start()) for _ in range(n)]
        self.queue: deque[tuple[list[Job], bool]] = deque((c, False) for c in work.chunks)
        self.inflight: dict[Any, _Task] = {}

    def _start(self) -> Any:
        return self.remote.remote(self.work.factory, self.work.settings)

    def run(self) -> None:
        try:
            while self.queue or self.inflight:
                self._probe()
                self._submit()
                probes = {a.probe: a for a in self.actors if a.probe is not None}
                done, _ = self.ray.wait([*self.inflight, *probes], num_returns=1, timeout=POLL_S)
                for ref in done:
                    if ref in probes:
                        self._probed(probes[ref], ref)
                    else:
                        self._collect(ref)
                self._watchdog()
        except BaseException:
            for a in self.actors:  # Ctrl-C or a fatal error: stop the actors now
                self.ray.kill(a.handle, no_restart=True)
            raise
        for a in self.actors:
            self.ray.kill(a.handle, no_restart=True)

    def _submit(self) -> None:
        while self.queue:
            chunk, isolated = self.queue[0]
            # Suspects run on an actor with nothing else queued, so a crash can be pinned on them.
            up = [i for i, a in enumerate(self.actors) if not a.restarting]
            free = [i for i in up if not self.actors[i].tasks] if isolated else [
                i for i in up
                if len(self.actors[i].tasks) < IN_FLIGHT_PER_ACTOR and not any(self.inflight[r].isolated for r in self.actors[i].tasks)
            ]
            if not free:
                return
            i = min(free, key=lambda k: len(self.actors[k].tasks))
            self.queue.popleft()
            a = self.actors[i]
            ref = a.handle.process.remote(chunk, [_read(j) for j in chunk])
            if not a.tasks:
                a.busy_since = time.monotonic()
            a.tasks.append(ref)
            self.inflight[ref] = _Task(i, chunk, isolated)

    def _collect(self, ref: Any) -> None:
        task = self.inflight.pop(ref)
        a = self.actors[task.actor]
        a.tasks.remove(ref)
        a.busy_since = time.monotonic()
        work, ray = self.work, self.ray
        try:
            kind, payload = ray.get(ref)
        except ray.exceptions.RayActorError:
            if len(task.chunk) == 1 and task.isolated:
                work.accept([_stored(work, lost_record(task.chunk[0], a.stopped, work.settings))], {})
            else:
                self.queue.extendleft(([j], True) for j in reversed(task.chunk))
            if not a.tasks:
                a.stopped = False
            a.restarting, a.probe_at = True, 0.0
            return
        except Exception as e:  # noqa: BLE001 - e.g. a result that cannot be deserialized
            work.accept([_stored(work, _failed(j, e)) for j in task.chunk], {})
            return
        if kind == "init_failed":
            raise UsageError(f"cannot load the extractor: {payload}")
        results, timings, (name, start_s, peak_mb) = payload
        a.replaced = 0
        work.note_worker(name, start_s, peak_mb)
        work.accept([_stored(work, done) for done in results], timings)

    def _probe(self) -> None:
        now = time.monotonic()
        for a in self.actors:
            if a.restarting and a.probe is None and not a.tasks and now >= a.probe_at:
                a.probe = a.handle.ready.remote()

    def _probed(self, a: _ActorState, ref: Any) -> None:
        a.probe = None
        try:
            self.ray.get(ref)
        except self.ray.exceptions.ActorDiedError as e:  # dead for good: Ray will not restart it
            a.replaced += 1
            if a.replaced > MAX_REPLACEMENTS:
                raise UsageError(f"Ray actors keep dying before they do any work: {e}") from None
            a.handle = self._start()
            return
        except self.ray.exceptions.RayActorError:
            a.probe_at = time.monotonic() + 0.2  # still restarting: ask again shortly
            return
        a.restarting = False

    def _watchdog(self) -> None:
        """Stop an actor whose current chunk outlived its time limits (native code that ignores the alarm)."""
        now = time.monotonic()
        for a in self.actors:
            if a.tasks and not a.stopped:
                head = self.inflight[a.tasks[0]]
                patience = 2 * sum(runner.time_limit(self.work.settings.timeout_s, j.size) for j in head.chunk) + runner.WATCHDOG_GRACE_S
                if now - a.busy_since > patience:
                    a.stopped = True
                    self.ray.kill(a.handle, no_restart=False)


def _read(job: Job) -> bytes | OSError:
    try:
        return Path(job.path).read_bytes()
    except OSError as e:
        return e


def _failed(job: Job, e: Exception) -> Finished:
    rec = runner.error_record(job.doc_id, job.source, job.sha256, "internal", f"Worker failed: {type(e).__name__}: {e}")
    return runner.finish(rec, job.doc_id, job.source, job.sha256)[1]


def _stored(work: Work, done: Finished) -> Finished:
    """Store a record finished on an actor in the cache; keep only its manifest entry when stored."""
    entry = done.entry
    if done.line is None or not entry["sha256"] or (entry["status"] != "ok" and entry.get("code") in UNCACHED_CODES):
        return done
    try:
        work.cache.store_line(entry["sha256"], done.doc_id, done.line)
    except OSError:
        return done
    return Finished(done.doc_id, entry)
