"""spaCy components that wrap the date stage and the relation stages."""

# Annotations stay evaluated (no `from __future__ import annotations`): spaCy's config
# system validates the factory's arguments against them.
from spacy.language import Language
from spacy.tokens import Doc

from .dates import extract_dates
from .relations import extract_relations
from .relations.registry import trigger_index, trigger_regex
from .relations.base import text_of


for _name in ("dates", "facts"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.component("date_mentions", assigns=["doc._.dates"], requires=["doc._.dct"])
def date_mentions(doc: Doc) -> Doc:
    """Temporal expressions of the whole text, resolved against the document date."""
    doc._.dates = extract_dates(text_of(doc), doc._.dct)
    return doc


class Relations:
    """The registered relation rules (`pipeline.relations.registry`), all or those named in `rules`."""

    def __init__(self, name: str, rules: list[str] | None, min_confidence: float) -> None:
        self.name = name
        self.rules = rules
        self.min_confidence = min_confidence
        # Every rule module imported and the trigger patterns compiled now, when the extractor loads, not on the
        # first document: forked workers (engines.local) then share them instead of each building its own.
        trigger_regex()
        trigger_index()

    def __call__(self, doc: Doc) -> Doc:
        doc._.facts = [c for c in extract_relations(doc, self.rules) if c.confidence >= self.min_confidence]
        return doc


@Language.factory(
    "relations",
    default_config={"rules": None, "min_confidence": 0.0},
    assigns=["doc._.facts"],
    requires=["doc._.people", "doc._.dates", "doc.ents", "doc.sents"],
)
def make_relations(nlp: Language, name: str, rules: list[str] | None, min_confidence: float) -> Relations:
    return Relations(name, rules, min_confidence)
