"""Fixtures shared by the whole suite: one extractor (the spaCy pipeline) per test session."""

from __future__ import annotations

import pytest

from pipeline.extract import Extractor, Input


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def extract(extractor):
    """Facts of a small text document written for a test."""

    def run(text: str, fmt: str = "text"):
        return extractor.process(Input(text, "t", "t.txt", "0" * 64, fmt)).facts

    return run
