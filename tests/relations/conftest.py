import pytest

from pipeline.extract import Extractor, Input


@pytest.fixture(scope="session")
def facts_of():
    """Facts of a small document, from one pipeline built per test session."""
    ex = Extractor()

    def run(text: str):
        return ex.process(Input(text, "t", "t.txt", "0" * 64, "text")).facts

    return run
