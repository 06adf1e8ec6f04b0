"""Bytes in, text out: refuse what is not a text document, decode what is.

The decoded text is kept exactly as decoded (CRLF included) because every
offset the pipeline reports indexes it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from .schema import ErrorCode

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".wiki", ".mediawiki")

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ\x90\x00", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)

# UTF-32 before UTF-16: the UTF-32 LE BOM starts with the UTF-16 LE BOM.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_RATIO = 0.05


class IngestError(Exception):
    """A document that cannot enter the pipeline; `code` is the schema error code."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code: ErrorCode = code
        self.message = message


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def _check_magic(data: bytes) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise IngestError("binary", f"The file is {what}, not a text document.")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL bytes on every other position; accept it only when that pattern is clear."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) // 2)
    odd_nul = sample[1::2].count(0) / (len(sample) // 2)
    if odd_nul > 0.3 and even_nul < 0.05:
        enc = "utf-16-le"
    elif even_nul > 0.3 and odd_nul < 0.05:
        enc = "utf-16-be"
    else:
        return None
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return None


def _refuse_if_binary_text(text: str) -> None:
    if "\x00" in text:
        raise IngestError("binary", "The file contains NUL characters, so it is binary data rather than text.")
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > _MAX_CONTROL_RATIO:
        raise IngestError("binary", "The file is mostly control characters, so it is binary data rather than text.")


def decode(data: bytes, max_bytes: int = 5 * 1024 * 1024) -> Decoded:
    """Decode a document, or raise `IngestError` saying in a sentence why it cannot be read."""
    if len(data) > max_bytes:
        raise IngestError(
            "too_large", f"The file has {len(data):,} bytes; the limit is {max_bytes:,} bytes."
        )
    if not data.strip():
        raise IngestError("empty", "The file is empty or contains only whitespace.")
    _check_magic(data)

    text: str | None = None
    encoding = ""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise IngestError("decode_failed", f"The file starts with a {enc} byte order mark but is not valid {enc}: {exc.reason}.") from exc
            encoding = enc
            break
    if text is None and b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise IngestError("binary", "The file contains NUL bytes, so it is binary data rather than text.")
        encoding = "utf-16"
    if text is None:
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            text, encoding = _decode_legacy(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    _refuse_if_binary_text(text)
    if not text.strip():
        raise IngestError("empty", "The file is empty or contains only whitespace.")
    return Decoded(text, encoding)


# Among equally plausible single-byte readings, the most widespread legacy encodings win.
_PREFERRED = ("cp1252", "iso8859_1", "gb18030", "big5", "shift_jis", "euc_kr", "cp1251", "iso8859_15")


def _is_single_byte(encoding: str) -> bool:
    return encoding.startswith(("cp", "iso8859", "mac_", "windows", "latin", "koi8"))


def _try_cp1252(data: bytes, chaos: float) -> str | None:
    """Western European text is the most common legacy case; take cp1252 when it reads as cleanly."""
    from charset_normalizer.md import mess_ratio

    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return text if mess_ratio(text) <= chaos + 0.01 else None


def _decode_legacy(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    results = [m for m in from_bytes(data) if m.encoding and not m.encoding.startswith("utf_16") and not m.encoding.startswith("utf_32")]
    if not results:
        raise IngestError("decode_failed", "The file is not valid UTF-8 and no other text encoding fits it.")
    best = min(results, key=lambda m: (m.chaos, -m.coherence))
    ties = [m for m in results if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.02]
    choice = min(ties, key=lambda m: (_PREFERRED.index(m.encoding) if m.encoding in _PREFERRED else len(_PREFERRED), results.index(m)))
    if choice.encoding not in _PREFERRED and _is_single_byte(choice.encoding):
        western = _try_cp1252(data, best.chaos)
        if western is not None:
            return western, "cp1252"
    try:
        return data.decode(choice.encoding), choice.encoding
    except (UnicodeDecodeError, LookupError) as exc:
        raise IngestError("decode_failed", f"The file could not be decoded as {choice.encoding}.") from exc


_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)


def detect_format(name: str, text: str) -> Literal["markdown", "html", "wikitext", "text"]:
    """Format by file suffix; a text file that is plainly an HTML page is read as HTML."""
    suffix = PurePath(name).suffix.lower()
    if suffix in (".html", ".htm"):
        return "html"
    if suffix in (".wiki", ".mediawiki"):
        return "wikitext"
    if suffix in (".md", ".markdown"):
        return "markdown"
    if _HTML_START.match(text[:4096]):
        return "html"
    return "text"


def ensure_supported(name: str) -> None:
    """Raise `IngestError('unsupported_type')` for a file whose suffix the pipeline does not read."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "no suffix"
        raise IngestError(
            "unsupported_type",
            f"Files with {shown} are not read; supported are {', '.join(SUPPORTED_SUFFIXES)}.",
        )
