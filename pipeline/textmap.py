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
