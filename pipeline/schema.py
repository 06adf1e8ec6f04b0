"""The output contract: every record the pipeline writes is one of these models.

`python -m pipeline schema documents|facts` prints the JSON Schema of one output
file's lines, the record at the root; copies are committed as
`schema/documents.schema.json` and `schema/facts.schema.json`. All offsets are
character offsets into the raw decoded document, end exclusive.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_serializer

Relation = Literal[
    "educated_at",
    "employed_by",
    "author_of",
    "published_in",
    "leads",
    "reports_to",
    "part_of",
    "developed",
    "date_of_birth",
    "research_interest",
    "award_received",
    "contact",
]
RELATIONS: tuple[str, ...] = Relation.__args__  # type: ignore[attr-defined]

ErrorCode = Literal[
    "binary",
    "empty",
    "too_large",
    "decode_failed",
    "unsupported_type",
    "parse_failed",
    "timeout",
    "internal",
    "duplicate",
]

DateType = Literal["DATE", "TIME", "DURATION", "SET"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class DateMention(_Model):
    """A temporal expression: where it is and what calendar value it denotes."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    value: str | None = Field(
        None, description="ISO 8601 at the stated precision (2021, 2021-10, 2025-H2, 2011-SU, 199X), ranges A/B, open ranges A/present"
    )
    type: DateType = "DATE"


class Entity(_Model):
    id: str
    label: str
    text: str
    canonical: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Argument(_Model):
    """Subject or object of a fact. `canonical` is the full name of a person, the ISO value of a date, the address of a contact."""

    text: str
    label: str
    canonical: str | None = None
    start: int | None = Field(None, ge=0)
    end: int | None = Field(None, ge=0)


class Qualifiers(_Model):
    degree: str | None = None
    field: str | None = None
    title: str | None = None
    role: str | None = None
    venue: str | None = None
    level: str | None = None
    kind: str | None = None
    org: str | None = None
    start: str | None = None
    end: str | None = None
    date: str | None = None

    @model_serializer(mode="wrap")
    def _drop_unset(self, handler: Any) -> dict[str, Any]:
        return {k: v for k, v in handler(self).items() if v is not None}


class Evidence(_Model):
    text: str = Field(description="exactly raw[start:end]")
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Fact(_Model):
    doc_id: str
    relation: Relation
    subject: Argument
    object: Argument
    qualifiers: Qualifiers = Field(default_factory=Qualifiers)
    evidence: Evidence
    rule: str = Field(description="the rule that produced the fact, as stage.rule")
    confidence: float = Field(ge=0.0, le=1.0)


class ErrorInfo(_Model):
    code: ErrorCode
    message: str


class Mention(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class PersonRecord(_Model):
    """A person of the document: full name, other forms of it, where it is named."""

    canonical: str
    aliases: list[str] = Field(default_factory=list, description="other scripts, initials, shorter forms; honorifics stripped")
    mentions: list[Mention] = Field(default_factory=list)


class DocumentRecord(_Model):
    doc_id: str
    source: str
    sha256: str
    status: Literal["ok", "error"]
    error: ErrorInfo | None = None
    title: str | None = None
    dct: str | None = Field(None, description="document date, YYYY-MM-DD, stated in the document or given with --dct")
    subject: str | None = Field(None, description="canonical name of the person the document is about")
    people: list[PersonRecord] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)


def json_line(data: Any) -> str:
    """One deterministic JSON line; NaN and Infinity are refused, since they are not JSON."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def dumps(record: BaseModel) -> str:
    return json_line(record.model_dump(mode="json"))


# One JSON Schema per output file, each with its record at the root: `schema/<name>.schema.json`.
RECORD_TYPES: dict[str, type[BaseModel]] = {"documents": DocumentRecord, "facts": Fact}


def json_schema(record: str) -> dict[str, Any]:
    """The JSON Schema of one line of `<record>.jsonl` ("documents" or "facts"), the record at the root."""
    model = RECORD_TYPES[record]
    body = model.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{record}.schema.json",
        "description": f"One line of {record}.jsonl: a {model.__name__}. " + (body.pop("description", "") or ""),
        **body,
    }


# ---------------------------------------------------------------- people.jsonl: one profile per person
# Written by `python -m pipeline profiles OUT_DIR` from documents.jsonl and facts.jsonl.

Rank = Literal["preferred", "normal", "deprecated"]


class ProfileMention(_Model):
    """Where a document names the person; offsets into that document's raw text."""

    doc_id: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Reference(_Model):
    """One document stating a statement: its evidence, the rule that read it, and how sure that rule is."""

    doc_id: str
    evidence: Evidence
    rule: str
    confidence: float = Field(ge=0.0, le=1.0)


class StatementObject(_Model):
    text: str = Field(description="the object as one of the documents writes it, its fullest form")
    label: str
    canonical: str | None = Field(None, description="the value the statement is about: an organisation's full name, a date's ISO value")


class Statement(_Model):
    """A fact about the person as all documents together state it (Wikidata-style statement with references)."""

    relation: Relation
    object: StatementObject
    qualifiers: Qualifiers = Field(default_factory=Qualifiers)
    references: list[Reference]
    rank: Rank = Field("normal", description="preferred: the best-supported (then latest-dated) statement of its conflict group")
    conflict_group: str | None = Field(None, description="statements of one relation that disagree share this key")


class Person(_Model):
    """One person across documents: every name form, every mention, merged statements."""

    person_id: str = Field(description="stable for the same inputs, whatever their order")
    name: str = Field(description="the fullest form of the name")
    aliases: list[str] = Field(default_factory=list)
    mentions: list[ProfileMention] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list)


RECORD_TYPES["people"] = Person  # people.jsonl, written by `python -m pipeline profiles`
