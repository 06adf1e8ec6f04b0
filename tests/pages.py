"""Whole-page helpers shared by tests that compare facts across settings."""

from __future__ import annotations

from pathlib import Path

from pipeline.extract import Extractor, Input
from pipeline.ingest import SUPPORTED_SUFFIXES, decode, detect_format

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev"


def pages(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in SUPPORTED_SUFFIXES and not p.name.endswith(".gold.json"))


def facts(extractor: Extractor, paths: list[Path]) -> list[str]:
    """Every fact of every page, as its JSON line."""
    out = []
    for p in paths:
        text = decode(p.read_bytes()).text
        rec = extractor.process(Input(text, p.stem, str(p), "0" * 64, detect_format(p.name, text)))
        out += [f.model_dump_json() for f in rec.facts]
    return out
