"""Run the stages over batches of documents: markup and cleaning, then the spaCy pipeline.

Each Doc becomes a record in `records`; a document that fails at any step gets
an error record and never stops the others.
"""

from __future__ import annotations

import time
from datetime import date
from types import SimpleNamespace
from typing import Any, Callable, Iterable, Iterator

import numpy
import srsly
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

# A document longer than this (in cleaned characters) goes through the model in parts of about this size.
PART_CHARS = 100_000


class LimitExceeded(Exception):
    """The document breaks a configured limit; it gets a `too_large` record instead of a slow run."""


class NoText(Exception):
    """Nothing readable is left once markup is removed; the document gets an `empty` record."""


def _no_text_reason(item: Input, ct: CleanText) -> str | None:
    """Why the document has no text to read, or None when it has some."""
    if not ct.map.text.strip():
        what = {"html": "scripts, styles, comments and tags", "markdown": "markup"}.get(item.fmt, "whitespace and control characters")
        return f"No text is left after removing {what}."
    if item.fmt == "markdown":
        # A page may keep its content in front matter (bio, description, ...), which is read;
        # one whose front matter holds nothing but a title has no text to read.
        meta = ct.meta or {}
        if meta and " ".join(ct.map.text.split()) == " ".join((meta.get("title") or "").split()):
            return f"The file holds only front matter ({', '.join(sorted(meta))}) and no body text."
    return None


def prepare(item: Input, settings: Settings, timings: Timings | None = None) -> CleanText:
    t0 = time.perf_counter()
    markup = to_plain(item.text, item.fmt)
    ct = clean(markup)
    reason = _no_text_reason(item, ct)
    if reason is not None:
        raise NoText(reason)
    longest = max((len(line) for line in ct.map.text.split("\n")), default=0)
    if longest > settings.max_line_chars:
        raise LimitExceeded(
            f"A line of {longest:,} characters is over the limit of {settings.max_line_chars:,} (--max-line-chars); "
            "text without line breaks this long is not prose or a page the rules can read"
        )
    if timings is not None:
        timings["markup+clean"] = timings.get("markup+clean", 0.0) + time.perf_counter() - t0
    return ct


def run_documents(
    nlp: Language, items: Iterable[Input], settings: Settings, timings: Timings | None = None, map_parts: PartMapper | None = None
) -> Iterator[DocumentRecord]:
    """Records of `items`, in order; seconds per step are added to `timings` when given.

    `map_parts`, when given, runs the model on the parts of a long document elsewhere (see `run_long`).
    """
    batch: list[tuple[Input, CleanText | Exception]] = []
    for item in items:
        try:
            batch.append((item, prepare(item, settings, timings)))
        except Exception as exc:  # one bad document never stops the others
            batch.append((item, exc))
        if len(batch) >= settings.batch_size:
            yield from _run_batch(nlp, batch, settings, timings, map_parts)
            batch = []
    if batch:
        yield from _run_batch(nlp, batch, settings, timings, map_parts)


def _run_batch(nlp: Language, batch: list, settings: Settings, timings: Timings | None, map_parts: PartMapper | None) -> Iterator[DocumentRecord]:
    # A long document is tokenized by parts in `run_long`: it stays its cleaned text until then.
    docs: list[Doc | CleanText | None] = []
    for item, ct in batch:
        if isinstance(ct, Exception):
            docs.append(None)
        elif len(ct.map.text) > PART_CHARS:
            docs.append(ct)
        else:
            docs.append(new_doc(nlp, ct, ct.dct or settings.dct))
    ready = [d for d in docs if isinstance(d, Doc)]
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
    for d in docs:
        if isinstance(d, CleanText):
            try:
                processed[id(d)] = run_long(nlp, d, d.dct or settings.dct, map_parts, timings)
            except Exception as exc:
                processed[id(d)] = exc
    if timings is not None:
        timings["spacy+rules"] = timings.get("spacy+rules", 0.0) + time.perf_counter() - t0
    for (item, ct), d in zip(batch, docs):
        if d is None:
            if isinstance(ct, LimitExceeded):
                yield error_record(item, "too_large", str(ct))
            elif isinstance(ct, NoText):
                yield error_record(item, "empty", str(ct))
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


def _parts(text: str, size: int) -> list[tuple[int, int]]:
    """[start, end) ranges of about `size` characters, cut after a line break that starts a non-blank line."""
    out: list[tuple[int, int]] = []
    pos = 0
    while len(text) - pos > size:
        cut = pos + size
        while cut > pos and not (text[cut - 1] == "\n" and not text[cut].isspace()):
            cut -= 1
        if cut == pos:  # no such line break in the window: cut at any line break, else anywhere
            cut = text.rfind("\n", pos, pos + size) + 1 or pos + size
        out.append((pos, cut))
        pos = cut
    out.append((pos, len(text)))
    return out


# A part for the model: its text and its sections as (start, end, name) in part offsets; plain data, so it can go to a worker.
Part = tuple[str, tuple[tuple[int, int, str], ...]]
# Runs the model on parts elsewhere (the local engine's worker pool): one `Doc.to_bytes()` per part, in order.
PartMapper = Callable[[list[Part]], list[bytes]]


def long_parts(text: str, sections: Iterable[Any]) -> list[Part]:
    """The parts of a long document's text, each with the sections that overlap it."""
    sections = list(sections)
    return [
        (text[s:e], tuple((x.start - s, x.end - s, x.name) for x in sections if x.end > s and x.start < e))
        for s, e in _parts(text, PART_CHARS)
    ]


def _part_doc(nlp: Language, part: Part) -> Doc:
    text, sections = part
    doc = nlp.make_doc(text)
    doc.user_data["text"] = text
    # The model's components read only the text and the sections (which lines need syntax).
    doc._.clean = SimpleNamespace(sections=[SimpleNamespace(start=s, end=e, name=n) for s, e, n in sections])
    return doc


def run_model_parts(nlp: Language, parts: list[Part], timings: Timings | None = None) -> list[Doc]:
    """The model's components on each part, one part at a time (a batch of parts would be the whole text again)."""
    from .nlp import split_pipeline

    model, _ours = split_pipeline(nlp)
    docs = [_part_doc(nlp, p) for p in parts]
    for name, proc in model:
        t0 = time.perf_counter()
        docs = [proc(d) for d in docs]  # type: ignore[operator]
        _component_time(timings, name, t0)
    for d in docs:
        d.user_data.clear()  # the merge would warn about (and drop) it
    return docs


def model_part_bytes(nlp: Language, part: Part) -> bytes:
    """One part through the model, serialized: what a worker sends back for `run_long`."""
    return run_model_parts(nlp, [part])[0].to_bytes(exclude=["user_data"])


def _component_time(timings: Timings | None, name: str, t0: float) -> None:
    """Seconds of one component on long documents: `extract --profile` lists them."""
    if timings is not None:
        key = f"long documents/{name}"
        timings[key] = timings.get(key, 0.0) + time.perf_counter() - t0


def run_long(nlp: Language, ct: CleanText, dct: date | None, map_parts: PartMapper | None = None, timings: Timings | None = None) -> Doc:
    """A document over PART_CHARS: the model runs on parts cut at line breaks, our components on the whole.

    The model's memory grows with the text it reads at once (several GB for 1 MB in
    one piece); by parts it stays that of one part. A line break always ends a
    sentence here, so the model sees the same sentences; only context across a cut is lost.
    With `map_parts` the parts run elsewhere (in parallel) and come back as bytes;
    each part's annotation depends on its text alone, so the merged Doc is the same.
    """
    from .nlp import split_pipeline

    text = ct.map.text
    parts = long_parts(text, getattr(ct, "sections", None) or [])
    if map_parts is None:
        whole = Doc.from_docs(run_model_parts(nlp, parts, timings), ensure_whitespace=False)
    else:
        whole = merge_part_bytes(nlp.vocab, map_parts(parts))
    whole.user_data["text"] = text
    whole._.clean = ct
    whole._.dct = dct
    for name, proc in split_pipeline(nlp)[1]:
        t0 = time.perf_counter()
        whole = proc(whole)  # type: ignore[operator]
        _component_time(timings, name, t0)
    return whole


def merge_part_bytes(vocab: Any, blobs: list[bytes]) -> Doc:
    """The parts' serialized Docs as one Doc, the same as `Doc.from_docs` of each loaded part.

    Loading each part and then `from_docs` builds every token twice, through Python;
    joining the serialized texts and annotation arrays builds them once, in spaCy's own loop.
    The parts carry no spans, cats or tensor (the merged tensor is empty either way).
    """
    msgs = [srsly.msgpack_loads(b) for b in blobs]
    heads = {tuple(m["array_head"]) for m in msgs}
    if len(heads) != 1 or any(m["cats"] or m["spans"] != _NO_SPANS or m["tensor"].size for m in msgs):
        return Doc.from_docs([Doc(vocab).from_dict(m) for m in msgs], ensure_whitespace=False)
    merged = {
        "text": "".join(m["text"] for m in msgs),
        "array_head": msgs[0]["array_head"],
        "array_body": numpy.concatenate([m["array_body"] for m in msgs]),
        "strings": [s for m in msgs for s in m["strings"]],
    }
    return Doc(vocab).from_dict(merged)


# What `Doc.to_bytes` writes for a doc without span groups.
_NO_SPANS = srsly.msgpack_dumps([])


def _fresh(nlp: Language, doc: Doc) -> Doc:
    """A failed batch may have left its docs half-annotated: start again from the text."""
    return new_doc(nlp, doc._.clean, doc._.dct)
