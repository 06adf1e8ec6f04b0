"""Crash-safe file writing: a file is either its old content or its new content, never half.

Writers go to a temporary file in the destination's directory, fsync it, and
`os.replace` it over the destination, then fsync the directory so the rename
itself survives a power cut. Files that are checked when read back (cache
entries) can skip the fsyncs: the rename alone keeps them whole for a killed
process, and after a power cut they are at worst missing, empty or torn,
which the reader's check rejects.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from .outdir import TEMP_PREFIX


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# mkstemp creates files readable by the owner only; outputs get ordinary permissions.
_FILE_MODE = 0o666 & ~_umask()


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # platforms without directory handles
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def atomic_writer(path: Path | str, *, durable: bool = True) -> Iterator[IO[str]]:
    """Open a text stream whose content replaces `path` only when the block exits cleanly; `durable` fsyncs."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, _FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    if durable:
        _fsync_dir(path.parent)


def atomic_write_text(path: Path | str, text: str, *, durable: bool = True) -> None:
    with atomic_writer(path, durable=durable) as fh:
        fh.write(text)


def remove_stale_temps(directory: Path) -> None:
    """Delete temporary files a killed writer of this program left behind (its own prefix only)."""
    if not directory.is_dir():
        return
    for p in directory.glob(f"{TEMP_PREFIX}*.tmp"):
        try:
            p.unlink()
        except OSError:
            pass
