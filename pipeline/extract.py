"""One document from decoded text to a validated `DocumentRecord`.

The stages run in the fixed order of the design: markup -> clean -> spaCy
(entities, dates, people) -> relation stages -> records with raw offsets.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator

from .config import Settings
from .records import Input
from .schema import DocumentRecord

__all__ = ["Extractor", "Input"]


class Extractor:
    """Holds the loaded spaCy pipeline; reuse one per process."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        from .nlp import build_nlp

        self.nlp = build_nlp(self.settings)
        self.timings: dict[str, float] = {}  # seconds per stage, for --profile
        # Set by an engine with idle workers: runs the model on a long document's parts there.
        self.map_parts: Callable[[list[Any]], list[bytes]] | None = None

    def process(self, item: Input) -> DocumentRecord:
        return next(iter(self.process_many([item])))

    def process_many(self, items: Iterable[Input]) -> Iterator[DocumentRecord]:
        from .document import run_documents

        yield from run_documents(self.nlp, items, self.settings, self.timings, self.map_parts)

