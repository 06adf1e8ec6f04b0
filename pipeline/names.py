"""File names as text that can always be written: Linux names are bytes, not necessarily UTF-8.

A name that is not valid UTF-8 reaches Python with surrogate escapes, which no
UTF-8 file can hold. Records show it instead with a backslash escape per
undecodable byte (`caf\\xe9.md`); a literal backslash is doubled, so the
escaped form maps back to exactly one name.
"""

from __future__ import annotations

import os
import re

_ESCAPE = re.compile(rb"\\\\|\\x([0-9a-f]{2})")


def printable(path: str) -> str:
    """`path` as a valid Unicode string: undecodable bytes as `\\xNN`, backslashes doubled."""
    if "\\" not in path and not _has_surrogates(path):
        return path
    raw = os.fsencode(path).replace(b"\\", b"\\\\")
    return raw.decode("utf-8", "backslashreplace")


def to_bytes(shown: str) -> bytes:
    """The file name `printable` was made from, as bytes (the inverse of `printable`)."""
    raw = shown.encode("utf-8")
    return _ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]) if m.group(1) else b"\\", raw)


def _has_surrogates(s: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in s)
