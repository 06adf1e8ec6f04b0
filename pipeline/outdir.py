"""The output folder: what in it belongs to this program, and when a folder may be used at all.

The run deletes only what it wrote itself, under names no other program uses:
its cache `OUT/.pipeline-cache/` (with a marker file inside), its temporary files
`OUT/.pipeline-tmp.*.tmp`, and its lock `OUT/.pipeline-lock`. A folder is used
as the output only when it is new, empty, or already marked as a pipeline output
(`OUT/.pipeline-output`); a folder holding anything else, such as a home folder or
the input folder, is refused before anything is written.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

MARKER_NAME = ".pipeline-output"
CACHE_DIRNAME = ".pipeline-cache"
CACHE_MARKER = "CACHEDIR.TAG"  # the cache directory tagging convention; also tells backup tools to skip it
LOCK_NAME = ".pipeline-lock"
TEMP_PREFIX = ".pipeline-tmp."

_MARKER_TEXT = json.dumps({"written_by": "pipeline", "note": "output folder of `python -m pipeline extract`"}) + "\n"
_CACHE_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# The cache of `python -m pipeline extract`; safe to delete.\n"
# Placeholders that version control keeps in empty folders; never read, written or deleted.
_HARMLESS = frozenset({".gitkeep", ".keep", ".gitignore", ".DS_Store"})
# What an earlier version of this program left in an output folder (its manifest says so).
_LEGACY = frozenset({"documents.jsonl", "facts.jsonl", "manifest.json", ".cache", ".lock", "report"})


class OutputFolderError(Exception):
    """The folder cannot be the output folder; the message says why."""


def is_output_folder(out: Path) -> bool:
    """Whether `out` carries this program's marker."""
    try:
        return (out / MARKER_NAME).read_text(encoding="utf-8").startswith('{"written_by": "pipeline"')
    except (OSError, UnicodeDecodeError):
        return False


def _legacy_output(out: Path, names: set[str]) -> bool:
    """A folder written before the marker existed: only the old outputs, and a manifest of ours."""
    if "manifest.json" not in names or not names <= _LEGACY | _HARMLESS:
        return False
    try:
        body = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(body, dict) and {"pipeline_version", "cache_key", "documents"} <= body.keys()


def claim(out: Path) -> None:
    """Make `out` the output folder, or raise OutputFolderError without writing anything.

    Accepted: a folder that does not exist yet (created), an empty one, one marked
    as a pipeline output, or one holding only what an earlier version wrote.
    """
    if out.exists() and not out.is_dir():
        raise OutputFolderError(f"cannot use {out} as the output folder: it is a file")
    if out.is_dir():
        if is_output_folder(out):
            return
        try:
            names = set(os.listdir(out))
        except OSError as e:
            raise OutputFolderError(f"cannot read {out}: {e.strerror or e}") from None
        foreign = sorted(n for n in names - _HARMLESS - {LOCK_NAME, CACHE_DIRNAME} if not n.startswith(TEMP_PREFIX))
        if foreign and not _legacy_output(out, names):
            shown = ", ".join(os.fsdecode(n) for n in foreign[:3]) + (", ..." if len(foreign) > 3 else "")
            raise OutputFolderError(
                f"{out} holds files this program did not write ({shown}); "
                "use a new or empty folder, or one an earlier run of `extract` wrote"
            )
    try:
        out.mkdir(parents=True, exist_ok=True)
        (out / MARKER_NAME).write_text(_MARKER_TEXT, encoding="utf-8")
    except OSError as e:
        raise OutputFolderError(f"cannot use {out} as the output folder: {e.strerror or e}") from None


def cache_root(out: Path) -> Path:
    """OUT/.pipeline-cache, created with its tag file on first use."""
    root = out / CACHE_DIRNAME
    tag = root / CACHE_MARKER
    if not tag.is_file():
        root.mkdir(parents=True, exist_ok=True)
        tag.write_text(_CACHE_TAG, encoding="utf-8")
    return root


def owns_cache(root: Path) -> bool:
    """Whether `root` is a cache this program made (its tag file is there)."""
    try:
        return (root / CACHE_MARKER).read_text(encoding="utf-8") == _CACHE_TAG
    except (OSError, UnicodeDecodeError):
        return False
