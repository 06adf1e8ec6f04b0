"""Derived text that remembers where every character came from.

Each stage that rewrites text (markup stripping, cleaning) builds a `TextMap`:
the new text plus, for every character of it, the index of the character of the
stage's input it stems from. Maps compose, so a span found by spaCy in the
cleaned text is reported as offsets into the raw decoded document.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextMap:
    text: str
    origin: array  # origin[i] = index in the source text of text[i]
    source_len: int

    @classmethod
    def identity(cls, text: str) -> "TextMap":
        return cls(text, array("q", range(len(text))), len(text))

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Smallest source span covering text[start:end] (end exclusive)."""
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if start == end:
            pos = self.origin[start] if start < n else self.source_len
            return pos, pos
        lo = self.origin[start]
        hi = self.origin[end - 1] + 1
        if hi < lo:  # reordered text never happens today; stay valid if it does
            lo, hi = hi - 1, lo + 1
        return lo, min(hi, self.source_len)

    def then(self, inner: "TextMap") -> "TextMap":
        """Compose: `inner` was derived from `self.text`; the result maps inner.text to self's source."""
        if len(inner.text) == 0:
            return TextMap(inner.text, array("q"), self.source_len)
        outer = self.origin
        n = len(self.text)
        src_end = self.source_len
        composed = array("q", (outer[i] if i < n else src_end for i in inner.origin))
        return TextMap(inner.text, composed, self.source_len)


class TextBuilder:
    """Accumulates pieces of output text together with their source positions."""

    __slots__ = ("_parts", "_origin", "_len", "_source_len")

    def __init__(self, source_len: int) -> None:
        self._parts: list[str] = []
        self._origin = array("q")
        self._len = 0
        self._source_len = source_len

    def __len__(self) -> int:
        return self._len

    def copy(self, piece: str, source_start: int) -> None:
        """Append `piece`, which is source[source_start : source_start + len(piece)]."""
        if not piece:
            return
        self._parts.append(piece)
        self._origin.extend(range(source_start, source_start + len(piece)))
        self._len += len(piece)

    def insert(self, piece: str, source_pos: int) -> None:
        """Append text that has no source of its own (a separator, a replacement); it maps to `source_pos`."""
        if not piece:
            return
        pos = max(0, min(source_pos, max(self._source_len - 1, 0)))
        self._parts.append(piece)
        self._origin.extend([pos] * len(piece))
        self._len += len(piece)

    def last_char(self) -> str:
        for part in reversed(self._parts):
            if part:
                return part[-1]
        return ""

    def build(self) -> TextMap:
        return TextMap("".join(self._parts), self._origin, self._source_len)
