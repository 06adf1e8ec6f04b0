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

class FastBuilder:
    """Accumulates output text with the source position of each character: runs are stored and the origin array is built in one vectorised step."""

    __slots__ = ("_parts", "_base", "_lens", "_slope", "_len", "_source_len")

    def __init__(self, source_len: int) -> None:
        self._parts: list[str] = []
        self._base: list[int] = []
        self._lens: list[int] = []
        self._slope: list[int] = []
        self._len = 0
        self._source_len = source_len

    def __len__(self) -> int:
        return self._len

    def copy(self, piece: str, source_start: int) -> None:
        if piece:
            self._parts.append(piece)
            self._base.append(source_start)
            self._lens.append(len(piece))
            self._slope.append(1)
            self._len += len(piece)

    def insert(self, piece: str, source_pos: int) -> None:
        if piece:
            pos = max(0, min(source_pos, max(self._source_len - 1, 0)))
            self._parts.append(piece)
            self._base.append(pos)
            self._lens.append(len(piece))
            self._slope.append(0)
            self._len += len(piece)

    def build(self) -> TextMap:
        import numpy as np

        text = "".join(self._parts)
        if not self._lens:
            return TextMap(text, array("q"), self._source_len)
        lens = np.asarray(self._lens, dtype=np.int64)
        seg = np.repeat(np.arange(len(lens), dtype=np.int64), lens)
        offs = np.cumsum(lens) - lens
        idx = np.arange(self._len, dtype=np.int64)
        origin = np.asarray(self._base, dtype=np.int64)[seg] + (idx - offs[seg]) * np.asarray(self._slope, dtype=np.int64)[seg]
        return TextMap(text, _to_array(origin), self._source_len)


def compose(*maps: TextMap) -> TextMap:
    """maps[0] over the original, maps[1] over maps[0].text, ...: one map over the original (like `TextMap.then`)."""
    import numpy as np

    origin = np.frombuffer(maps[0].origin, dtype=np.int64) if len(maps[0].origin) else np.zeros(0, np.int64)
    for m in maps[1:]:
        inner = np.frombuffer(m.origin, dtype=np.int64) if len(m.origin) else np.zeros(0, np.int64)
        if len(origin) == 0:
            origin = np.full(len(inner), maps[0].source_len, dtype=np.int64)
        else:
            origin = origin[np.minimum(inner, len(origin) - 1)]
    return TextMap(maps[-1].text, _to_array(origin), maps[0].source_len)


def _to_array(origin) -> array:
    import numpy as np

    out = array("q")
    out.frombytes(memoryview(np.ascontiguousarray(origin, dtype=np.int64)).cast("B"))
    return out
