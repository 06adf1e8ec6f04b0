"""The rewriting primitive every cleaning pass uses, and the pattern files they read."""

from __future__ import annotations

import json
from typing import Iterable


from ..config import PATTERNS_DIR
from ..markup import FastBuilder
from ..textmap import TextMap


def jsonl(name: str) -> list[dict]:
    with open(PATTERNS_DIR / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


Edit = tuple[int, int, str]  # replace text[start:end] by the string; equal lengths map 1:1, else all to start


def rewrite(text: str, edits: Iterable[Edit]) -> TextMap:
    """Apply sorted, non-overlapping edits; copied stretches keep exact origins."""
    out = FastBuilder(len(text))
    pos = 0
    for start, end, new in edits:
        if start < pos:
            continue
        if start > pos:
            out.copy(text[pos:start], pos)
        if new:
            if len(new) == end - start:
                out.copy(new, start)
            else:
                out.insert(new, start)
        pos = end
    if pos < len(text):
        out.copy(text[pos:], pos)
    return out.build()

