"""Run the stages over batches of documents: markup and cleaning, then the spaCy pipeline.

Each Doc becomes a record in `records`; a document that fails at any step gets
an error record and never stops the others.
"""

from __future__ import annotations

import time
from datetime import date
from typing import Iterable, Iterator

from pydantic import ValidationError
from spacy.language import Language
from spacy.tokens import Doc

from .clean import CleanText, clean
from .config import Settings
from .markup import to_plain
from .records import Input, error_record, to_record
from .schema import DocumentRecord

Timings = dict[str, float]

# What every component may read: the cleaned text the Doc was made from, and the document date.
for _name in ("clean", "dct"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class LimitExceeded(Exception):
    """The document breaks a configured limit; it gets a `too_large` record instead of a slow run."""


def prepare(item: Input, settings: Settings, timings: Timings | None = None) -> CleanText:
    t0 = time.perf_counter()
    markup = to_plain(item.text, item.fmt)
    ct = clean(markup)
    longest = max((len(line) for line in ct.map.text.split("\n")), default=0)
    if longest > settings.max_line_chars:
        raise LimitExceeded(
            f"A line of {longest:,} characters is over the limit of {settings.max_line_chars:,} (--max-line-chars); "
            "text without line breaks this long is not prose or a page the rules can read"
        )
    if timings is not None:
        timings["markup+clean"] = timings.get("markup+clean", 0.0) + time.perf_counter() - t0
    return ct


def run_documents(nlp: Language, items: Iterable[Input], settings: Settings, timings: Timings | None = None) -> Iterator[DocumentRecord]:
    """Records of `items`, in order; seconds per step are added to `timings` when given."""
    batch: list[tuple[Input, CleanText | Exception]] = []
    for item in items:
        try:
            batch.append((item, prepare(item, settings, timings)))
        except Exception as exc:  # one bad document never stops the others
            batch.append((item, exc))
        if len(batch) >= settings.batch_size:
            yield from _run_batch(nlp, batch, settings, timings)
            batch = []
    if batch:
        yield from _run_batch(nlp, batch, settings, timings)


def _run_batch(nlp: Language, batch: list, settings: Settings, timings: Timings | None) -> Iterator[DocumentRecord]:
    docs: list[Doc | None] = []
    for item, ct in batch:
        if isinstance(ct, Exception):
            docs.append(None)
            continue
        docs.append(new_doc(nlp, ct, ct.dct or settings.dct))
    ready = [d for d in docs if d is not None]
    processed: dict[int, Doc | Exception] = {}
    t0 = time.perf_counter()
    try:
        for d, out in zip(ready, nlp.pipe(ready, batch_size=settings.batch_size)):
            processed[id(d)] = out
    except Exception:
        # Fall back to one at a time so that only the failing document is lost.
        for d in ready:
            if id(d) in processed:
                continue
            try:
                processed[id(d)] = nlp(_fresh(nlp, d))
            except Exception as exc:
                processed[id(d)] = exc
    if timings is not None:
        timings["spacy+rules"] = timings.get("spacy+rules", 0.0) + time.perf_counter() - t0
    for (item, ct), d in zip(batch, docs):
        if d is None:
            if isinstance(ct, LimitExceeded):
                yield error_record(item, "too_large", str(ct))
            else:
                yield error_record(item, "parse_failed", f"could not read the document's markup: {type(ct).__name__}: {ct}")
            continue
        out = processed.get(id(d))
        if isinstance(out, Exception) or out is None:
            yield error_record(item, "internal", f"extraction failed: {type(out).__name__}: {out}")
            continue
        try:
            yield to_record(item, out, settings)
        except (ValidationError, ValueError, IndexError) as exc:
            yield error_record(item, "internal", f"record failed validation: {exc}")


def new_doc(nlp: Language, ct: CleanText, dct: date | None) -> Doc:
    """The tokenized cleaned text, with what the components read from `Doc._`."""
    doc = nlp.make_doc(ct.map.text)
    doc.user_data["text"] = ct.map.text  # doc.text rebuilds the string on every access
    doc._.clean = ct
    doc._.dct = dct
    return doc


def _fresh(nlp: Language, doc: Doc) -> Doc:
    """A failed batch may have left its docs half-annotated: start again from the text."""
    return new_doc(nlp, doc._.clean, doc._.dct)
