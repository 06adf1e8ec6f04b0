"""The spaCy pipeline: the statistical model plus our components, assembled from config.

Stages talk through `Doc._` extensions:
  doc._.clean   the CleanText the doc was made from (sections, links, byline date)
  doc._.dct     document date used to resolve relative dates
  doc._.dates   DateMention list in doc character offsets
  doc._.people  People registry (canonical names, aliases, the subject)
  doc._.facts   relation candidates, in doc character offsets
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

from . import entities as _entities  # noqa: F401  (registers factories)
from . import components as _components  # noqa: F401
from . import people as _people  # noqa: F401
from . import syntax as _syntax  # noqa: F401
from . import ner_windows as _ner_windows  # noqa: F401
from .config import Settings

from . import document as _document  # noqa: F401  (registers doc._.clean and doc._.dct)


# No rule reads lemmas or coarse POS (they use the fine-grained tags), so these never run.
_UNUSED = ["lemmatizer", "attribute_ruler"]


def load_model(name: str, matmul: str, exclude: list[str] | None = None) -> Language:
    """The spaCy pipeline `name`, its layers multiplying on `matmul` ("numpy" or "blis").

    Most of the model's time is matrix products. thinc's blis runs a generic
    kernel on CPUs its build does not know, where numpy's BLAS is several times
    faster; the README's speed section has the figures.
    """
    with use_ops("numpy", use_blis=matmul == "blis"):
        nlp = spacy.load(name, exclude=exclude or [])
    if matmul == "numpy":
        # One thread per process: parallelism comes from worker processes (--workers).
        threadpool_limits(limits=1, user_api="blas")
    return nlp


def build_nlp(settings: Settings) -> Language:
    """The model with our components, without the ones no rule reads."""
    nlp = load_model(settings.model, settings.matmul, _UNUSED)
    nlp.max_length = max(nlp.max_length, settings.max_bytes + 1)  # the size limit is ours
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("line_sentences", before="parser")
    else:
        nlp.add_pipe("line_sentences", first=True)
    _syntax_where_needed(nlp, every_line=settings.full_parse)
    if "ner" in nlp.pipe_names:
        # The recognizer on windows of whole lines, many at once (`ner_windows`): the same entities, sooner;
        # of the parse's sentence starts inside a line it sees only those after a full stop.
        nlp.add_pipe("ner_in_windows", after="ner")
        nlp.disable_pipe("ner")
    nlp.add_pipe(FIRST_OWN_COMPONENT)
    nlp.add_pipe("date_mentions")
    nlp.add_pipe("people")
    nlp.add_pipe("relations", config={"min_confidence": settings.min_confidence})
    return nlp


# Our own components start here; everything before them is the statistical model.
FIRST_OWN_COMPONENT = "domain_entities"


def split_pipeline(nlp: Language) -> tuple[list[tuple[str, object]], list[tuple[str, object]]]:
    """The enabled components as (the model's, ours): a long document runs the first part by parts."""
    names = [n for n, _ in nlp.pipeline]
    k = names.index(FIRST_OWN_COMPONENT) if FIRST_OWN_COMPONENT in names else len(names)
    return nlp.pipeline[:k], nlp.pipeline[k:]


def _syntax_where_needed(nlp: Language, every_line: bool) -> None:
    """Hand the tagger and parser (and a tok2vec only they listen to) to `syntax_where_needed`;
    with `every_line` every line is parsed (`--full-parse`)."""
    if "parser" not in nlp.pipe_names:
        return
    moved = [n for n in ("tagger", "parser") if n in nlp.pipe_names]
    if "tok2vec" in nlp.pipe_names and set(getattr(nlp.get_pipe("tok2vec"), "listening_components", [])) <= set(moved):
        moved.insert(0, "tok2vec")
    nlp.add_pipe("syntax_where_needed", after="parser", config={"components": moved, "every_line": every_line})
    for name in moved:
        nlp.disable_pipe(name)
