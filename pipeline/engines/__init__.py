"""Where documents are extracted: in local processes, or on the actors of a Ray cluster.

The runner does everything else the same way for every engine (discovery,
hashing, de-duplication, the cache, the atomic writers); an engine only turns
chunks of jobs into finished records and hands each one to `Work.accept` as
it arrives, so nothing holds the whole run's records.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Protocol

if TYPE_CHECKING:
    from ..config import Settings
    from ..manifest import Cache
    from ..runner import Finished, Job

ENGINES = ("local", "ray")


@dataclass
class Work:
    """What an engine needs from the run, and where it reports back."""

    chunks: list[list["Job"]]
    workers: int
    factory: Callable[["Settings"], Any]
    settings: "Settings"
    out: Path
    cache: "Cache"
    accept: Callable[[list["Finished"], dict[str, float]], None]
    log: Callable[[str], None] | None = None
    # Filled in by the engine, for the summary and the benchmarks: per worker (pid or actor), seconds
    # to load the extractor and peak resident memory in MB.
    worker_start_s: dict[str, float] | None = None
    worker_peak_mb: dict[str, float] | None = None

    def note_worker(self, worker: str, start_s: float | None, peak_mb: float | None) -> None:
        if start_s is not None:
            self.worker_start_s = self.worker_start_s or {}
            self.worker_start_s.setdefault(worker, start_s)
        if peak_mb is not None:
            self.worker_peak_mb = self.worker_peak_mb or {}
            self.worker_peak_mb[worker] = max(peak_mb, self.worker_peak_mb.get(worker, 0.0))


class Engine(Protocol):
    def process(self, work: Work) -> None:
        """Hand a Finished for every job of every chunk to `work.accept`, in any order."""


def get_engine(name: str, *, ray_address: str | None = None) -> Engine:
    if name == "local":
        from .local import LocalEngine

        return LocalEngine()
    if name == "ray":
        from .ray_engine import RayEngine

        return RayEngine(address=ray_address)
    raise ValueError(f"unknown engine {name!r}; choose from {', '.join(ENGINES)}")


def peak_rss_mb() -> float | None:
    """This process's peak resident memory (VmHWM) in MB; None where /proc is unavailable."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return None


def lost_record(job: "Job", hung: bool, settings: "Settings") -> "Finished":
    """The record of a document whose worker died (or was stopped, `hung`) while it ran alone."""
    from ..runner import error_record, finish, time_limit

    if hung:
        rec = error_record(job.doc_id, job.source, job.sha256, "timeout", f"Processing did not stop at the limit of {time_limit(settings.timeout_s, job.size):.3g} s for this document, so its worker was stopped.")
    else:
        rec = error_record(job.doc_id, job.source, job.sha256, "internal", "The worker process died while processing this document.")
    return finish(rec, job.doc_id, job.source, job.sha256)[1]
