"""Keep GPU libraries out of processes that only run a CPU pipeline.

When torch or cupy is installed, thinc imports it as spaCy is imported and asks
CUDA how many devices there are: on a machine with GPU libraries that took 3-4 s
of every worker's start-up and about 500 MB of each worker's memory (measured on
the 16-core benchmark machine), for layers a CPU pipeline never uses. Workers
and the command line call `keep_gpu_libraries_out` before spaCy is imported;
it does nothing when the model's config names a PyTorch or transformer layer,
or when spaCy or those libraries are already loaded.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

GPU_MODULES = ("torch", "cupy", "cupyx")
_NEEDS_TORCH = re.compile(r"torch|transformer", re.IGNORECASE)


def model_configs(model: str) -> list[str]:
    """The config.cfg texts of an installed spaCy pipeline package, found without importing it."""
    try:
        spec = importlib.util.find_spec(model)
    except (ImportError, ValueError):
        return []
    if spec is None or not spec.submodule_search_locations:
        return []
    texts = []
    for root in spec.submodule_search_locations:
        for cfg in sorted(Path(root).glob("*/config.cfg")) + sorted(Path(root).glob("config.cfg")):
            try:
                texts.append(cfg.read_text(encoding="utf-8"))
            except OSError:
                pass
    return texts


def may_need_torch(configs: list[str]) -> bool:
    """True for a pipeline whose configs name a PyTorch or transformer layer, or that has no config to read."""
    return not configs or any(_NEEDS_TORCH.search(text) is not None for text in configs)


def keep_gpu_libraries_out(model: str) -> bool:
    """Make `import torch` (and cupy) fail in this process when `model` cannot need them; True when done."""
    if "spacy" in sys.modules or any(m in sys.modules for m in GPU_MODULES):
        return False
    if may_need_torch(model_configs(model)):
        return False
    for m in GPU_MODULES:
        sys.modules[m] = None  # type: ignore[assignment]  # `import m` now raises ImportError, which thinc expects
    return True
