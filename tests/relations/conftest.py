import pytest


@pytest.fixture(scope="session")
def facts_of(extract):
    """Facts of a small text document, from the pipeline built once per test session."""
    return extract
