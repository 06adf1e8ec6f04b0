"""spaCy components that wrap the date stage and the relation stages."""

# Annotations stay evaluated (no `from __future__ import annotations`): spaCy's config
# system validates the factory's arguments against them.
from spacy.language import Language
from spacy.tokens import Doc

from .dates import extract_dates
from .relations import run_stages
from .relations.base import text_of


@Language.component("date_mentions")
def date_mentions(doc: Doc) -> Doc:
    """Temporal expressions of the whole text, resolved against the document date."""
    doc._.dates = extract_dates(text_of(doc), doc._.dct)
    return doc


class RelationStages:
    def __init__(self, name: str, stages: list[str] | None, min_confidence: float) -> None:
        self.name = name
        self.stages = stages
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        doc._.facts = [c for c in run_stages(doc, self.stages) if c.confidence >= self.min_confidence]
        return doc


@Language.factory("relations", default_config={"stages": None, "min_confidence": 0.0})
def make_relations(nlp: Language, name: str, stages: list[str] | None, min_confidence: float) -> RelationStages:
    return RelationStages(name, stages, min_confidence)
