"""Command line: `python -m pipeline {extract,schema,evaluate,report,profiles} ...`.

Exit codes: 0 every document processed (a duplicate counts: it was processed as its
first copy); 1 some documents got error records; 2 the run could not start (bad
arguments, missing path, nothing to read, unknown model, an output folder holding
other programs' files), and nothing was written.
"""

from __future__ import annotations

import argparse
import importlib
import json
import signal
import sys
from datetime import date
from typing import Sequence

from pydantic import ValidationError

from .config import Settings
from .schema import RECORD_TYPES

_DEFAULTS = Settings()


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value!r}")
    return n


def _positive_float(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not x > 0:
        raise argparse.ArgumentTypeError(f"must be above 0: {value!r}")
    return x


def _confidence(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1: {value!r}")
    return x


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pipeline", description="Provenance-backed fact extraction about people.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser("extract", help="extract facts from files and folders", description="Extract facts; writes OUT/documents.jsonl and OUT/facts.jsonl.")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="files, or folders searched recursively")
    ex.add_argument("--out", required=True, metavar="DIR", help="output folder")
    ex.add_argument("--dct", type=_date, metavar="YYYY-MM-DD", help="document date for documents that state none")
    ex.add_argument("--model", default=_DEFAULTS.model, metavar="NAME", help=f"spaCy pipeline package (default {_DEFAULTS.model})")
    ex.add_argument("--min-confidence", type=_confidence, default=_DEFAULTS.min_confidence, metavar="X", help="drop facts below this confidence")
    ex.add_argument("--max-bytes", type=_positive_int, default=_DEFAULTS.max_bytes, metavar="N", help=f"largest file accepted (default {_DEFAULTS.max_bytes})")
    ex.add_argument("--max-line-chars", type=_positive_int, default=_DEFAULTS.max_line_chars, metavar="N", help=f"documents with a longer line are refused as too_large (default {_DEFAULTS.max_line_chars})")
    ex.add_argument("--timeout", type=_positive_float, default=_DEFAULTS.timeout_s, metavar="S", help=f"per-document time limit in seconds, and as much per MB for documents over 1 MB (default {_DEFAULTS.timeout_s:g})")
    ex.add_argument("--batch-size", type=_positive_int, default=_DEFAULTS.batch_size, metavar="N", help=f"documents per batch (default {_DEFAULTS.batch_size})")
    ex.add_argument("--full-parse", action="store_true", help="tag and parse every line (slower; by default only the lines rules read syntax from)")
    ex.add_argument("--matmul", choices=["numpy", "blis"], default=_DEFAULTS.matmul, help=f"matrix backend of the model's layers (default {_DEFAULTS.matmul}: numpy's BLAS, one thread per process)")
    ex.add_argument("--workers", type=_positive_int, default=1, metavar="N", help="worker processes, or Ray actors with --engine ray (default 1)")
    ex.add_argument("--engine", choices=["local", "ray"], default="local", help="where documents are extracted: processes on this machine (default), or actors on a Ray cluster (needs pip install '.[ray]')")
    ex.add_argument("--ray-address", metavar="ADDR", help="with --engine ray: the cluster to join (e.g. auto, or ray://head:10001); default: a Ray instance started on this machine for the run")
    ex.add_argument("--force", action="store_true", help="reprocess every document, ignoring the cache")
    ex.add_argument("--profile", action="store_true", help="print time per stage")
    ex.add_argument("--profiles", action="store_true", help="then link people across documents into OUT/people.jsonl")

    p.extract_parser = ex  # type: ignore[attr-defined]  # errors in extract's flags show extract's usage

    sc = sub.add_parser("schema", help="print the JSON Schema of one output file's lines", description="JSON Schema of one line of documents.jsonl, facts.jsonl or people.jsonl, the record at the root.")
    sc.add_argument("record", choices=sorted(RECORD_TYPES), help="which output file")

    ev = sub.add_parser("evaluate", help="score output against gold", add_help=False)
    ev.add_argument("rest", nargs=argparse.REMAINDER)
    rp = sub.add_parser("report", help="write a browsable report of an output folder", add_help=False)
    rp.add_argument("rest", nargs=argparse.REMAINDER)
    pf = sub.add_parser("profiles", help="one profile per person across documents (OUT/people.jsonl)", add_help=False)
    pf.add_argument("rest", nargs=argparse.REMAINDER)
    return p


def _settings(args: argparse.Namespace) -> Settings:
    return Settings(
        model=args.model,
        dct=args.dct,
        min_confidence=args.min_confidence,
        max_bytes=args.max_bytes,
        max_line_chars=args.max_line_chars,
        timeout_s=args.timeout,
        batch_size=args.batch_size,
        full_parse=args.full_parse,
        matmul=args.matmul,
    )


def _profile_table(timings: dict[str, float], total: float, workers: int) -> str:
    width = max([len(k) for k in timings] + [5])
    note = " (stages in workers are summed over workers; total is wall time)" if workers > 1 else ""
    lines = [f"{'stage':<{width}}  seconds{note}"]
    for k, v in timings.items():
        lines.append(f"{k:<{width}}  {v:8.3f}")
    lines.append(f"{'total':<{width}}  {total:8.3f}")
    return "\n".join(lines)


class _Terminated(KeyboardInterrupt):
    pass


def _terminate(signum: int, frame: object) -> None:
    # Unwind like Ctrl-C so worker processes are stopped and temporary files removed.
    raise _Terminated()


def _extract(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from .runner import UsageError, run

    try:
        settings = _settings(args)
    except ValidationError as e:
        parser.error(str(e))
    if args.ray_address and args.engine != "ray":
        parser.error("--ray-address needs --engine ray")
    from .lean_imports import keep_gpu_libraries_out

    keep_gpu_libraries_out(settings.model)
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        res = run(args.paths, args.out, settings, workers=args.workers, force=args.force, progress=sys.stderr.isatty(),
                  engine=args.engine, ray_address=args.ray_address)
    except UsageError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as e:
        print("interrupted; finished documents are cached, run again to resume", file=sys.stderr)
        return 128 + (signal.SIGTERM if isinstance(e, _Terminated) else signal.SIGINT)
    finally:
        signal.signal(signal.SIGTERM, previous)
    if args.profile:
        print(_profile_table(res.timings, res.seconds, args.workers), file=sys.stderr)
    print(res.summary(), file=sys.stderr)
    if args.profiles:
        from .profiles import build_profiles

        print(build_profiles(args.out).summary(), file=sys.stderr)
    return 1 if res.failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    # evaluate/report/profiles parse their own arguments (and their own --help).
    if argv and argv[0] in ("evaluate", "report", "profiles"):
        mod = importlib.import_module(f"{__package__}.{argv[0]}")
        return int(mod.main(argv[1:]) or 0)
    if argv and argv[0] == "extract":
        ex = parser.extract_parser  # type: ignore[attr-defined]
        args = ex.parse_args(argv[1:])
        args.command = "extract"
        return _extract(args, ex)
    args = parser.parse_args(argv)
    if args.command == "schema":
        from .schema import json_schema

        print(json.dumps(json_schema(args.record), indent=2, sort_keys=True, ensure_ascii=False))
        return 0
    if args.command == "extract":
        return _extract(args, parser)
    parser.error(f"unknown command {args.command}")
    return 2
