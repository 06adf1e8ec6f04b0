"""The model as `build_nlp` loads it: which backend its layers multiply on, and that the choice changes no fact."""

from __future__ import annotations

import pytest
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info

from pipeline.config import Settings
from pipeline.extract import Extractor
from pipeline.nlp import build_nlp
from tests.pages import DEV, ROOT, facts, pages


def _layer_ops(nlp) -> list:
    ops = []
    for _, pipe in nlp.components:
        model = getattr(pipe, "model", None)
        if model is None:
            continue
        # spaCy builds a parser's output layer on its default CPU ops; the state loop runs it in C.
        upper = model.get_ref("upper") if model.has_ref("upper") else None
        pinned = {id(node) for node in upper.walk()} if upper is not None else set()
        ops += [node.ops for node in model.walk() if id(node) not in pinned]
    return ops


@pytest.mark.parametrize(("matmul", "blis"), [("numpy", False), ("blis", True)])
def test_every_layer_multiplies_on_the_configured_backend(matmul: str, blis: bool) -> None:
    ops = _layer_ops(build_nlp(Settings(matmul=matmul)))
    assert len(ops) > 50  # tok2vec, tagger, parser and ner layers
    assert all(isinstance(o, NumpyOps) and o.use_blis is blis for o in ops)


def test_numpy_backend_keeps_blas_to_one_thread() -> None:
    build_nlp(Settings(matmul="numpy"))
    blas = [lib for lib in threadpool_info() if lib["user_api"] == "blas"]
    assert blas and all(lib["num_threads"] == 1 for lib in blas)


def test_facts_identical_on_either_backend_on_the_seeds() -> None:
    seeds = pages(ROOT / "seeds")
    assert facts(Extractor(Settings(matmul="numpy")), seeds) == facts(Extractor(Settings(matmul="blis")), seeds)


@pytest.mark.skipif(not DEV.is_dir(), reason="the development corpus (../shared/corpus/dev) is not beside the checkout")
def test_facts_identical_on_either_backend_on_the_development_set() -> None:
    dev = pages(DEV)
    assert len(dev) >= 10
    assert facts(Extractor(Settings(matmul="numpy")), dev) == facts(Extractor(Settings(matmul="blis")), dev)
