"""(document, person) records, read from an output folder's documents.jsonl and facts.jsonl.

Only the output contract is read, so profiles can be built from any run (one process,
workers, or another engine writing the same files). The people of a document come from
its `people` field when the extractor writes one, else from its PERSON entities, its
subject and the subjects of its facts. Either way, forms that are shorter writings of
exactly one fuller name in the same document ("Roe", "Jane Roe", "Jane Mary
Roe") become one person there; two full names stay two people.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from .names import NameKey, blocking_keys, clean_name, compatible, fold, fullness, han_key, has_han, name_keys, nickname, written_name
from .objects import abbreviations, object_key, object_name

DOCUMENTS = "documents.jsonl"
FACTS = "facts.jsonl"
_TITLE_SPLIT = re.compile(r"\s*[|｜–—:：()（）]\s*|\s+-\s+")
_TITLE_WORDS = re.compile(r"(?:的)?(?:个人)?(?:简介|主页|简历|教授|博士|老师)$")


@dataclass
class Record:
    """One person as one document presents them."""

    doc_id: str
    sha256: str
    dct: str | None
    forms: set[str] = field(default_factory=set)
    mentions: set[tuple[str, int, int]] = field(default_factory=set)
    facts: list[dict[str, Any]] = field(default_factory=list)
    emails: set[str] = field(default_factory=set)
    homepages: set[str] = field(default_factory=set)
    employers: set[str] = field(default_factory=set)
    schools: set[str] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)
    birth_years: set[str] = field(default_factory=set)
    comentions: set[str] = field(default_factory=set)
    given_only: bool = False  # named by a given name alone ("Welcome to Ana's Homepage"): linked only on evidence
    rid: int = -1

    @property
    def name(self) -> str:
        return min(self.forms, key=fullness)

    @property
    def keys(self) -> tuple[NameKey, ...]:
        out: dict[NameKey, None] = {}
        for form in sorted(self.forms, key=fullness):
            for k in name_keys(form):
                out[k] = None
        return tuple(out)

    @property
    def han_names(self) -> set[str]:
        """Han-character forms as written (middle dots dropped): "安德烈·卡帕斯" has no pinyin key of its own."""
        return {"han:" + han_key(f) for f in self.forms if has_han(f)}

    @property
    def blocking(self) -> set[str]:
        return blocking_keys(self.keys) | self.han_names

    def sort_key(self) -> tuple[str, str]:
        return (self.doc_id, self.name)


def read_jsonl(path: Path, problems: list[str]) -> Iterator[dict[str, Any]]:
    """The JSON objects of a file; a line that is not one is reported in `problems` and passed over."""
    with path.open(encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{path.name}:{n}: not a JSON line ({e.msg})")
                continue
            if isinstance(obj, dict) and isinstance(obj.get("doc_id"), str):
                yield obj
            else:
                problems.append(f"{path.name}:{n}: not a record with a doc_id")


def load_records(out_dir: str | Path, problems: list[str] | None = None) -> list[Record]:
    """Every (document, person) record of an output folder, in a fixed order; unreadable lines go to `problems`."""
    problems = [] if problems is None else problems
    out = Path(out_dir)
    docs_path = out / DOCUMENTS
    if not docs_path.is_file():
        raise FileNotFoundError(f"no {DOCUMENTS} in {out}")
    docs = [d for d in read_jsonl(docs_path, problems) if d.get("status") == "ok"]
    facts_by_doc: dict[str, list[dict[str, Any]]] = {}
    if (out / FACTS).is_file():
        for f in read_jsonl(out / FACTS, problems):
            if isinstance(f.get("subject"), dict) and isinstance(f.get("object"), dict) and f.get("relation"):
                facts_by_doc.setdefault(f["doc_id"], []).append(f)
            else:
                problems.append(f"{FACTS}: a fact of {f['doc_id']} without subject, object or relation")
    else:
        for d in docs:
            facts_by_doc[d["doc_id"]] = list(d.get("facts") or [])
    records: list[Record] = []
    for d in sorted(docs, key=lambda d: d["doc_id"]):
        records.extend(document_records(d, facts_by_doc.get(d["doc_id"], [])))
    records.sort(key=Record.sort_key)
    for i, r in enumerate(records):
        r.rid = i
    return records


def _candidates(doc: dict[str, Any], facts: list[dict[str, Any]]) -> Iterator[tuple[str, str | None, int | None, int | None, tuple[str, ...]]]:
    """(name, mention text, start, end, aliases) for every place the document names a person."""
    people = doc.get("people")
    if isinstance(people, list):
        for p in people:
            if not isinstance(p, dict):
                continue
            name = p.get("canonical") or p.get("name") or ""
            aliases = tuple(str(a) for a in p.get("aliases") or [])
            yield name, None, None, None, aliases
            for m in p.get("mentions") or []:
                if isinstance(m, dict):
                    yield name, m.get("text"), m.get("start"), m.get("end"), aliases
                elif isinstance(m, (list, tuple)) and len(m) >= 2:
                    yield name, None, m[0], m[1], aliases
        return
    for e in doc.get("entities") or []:
        if e.get("label") == "PERSON":
            yield e.get("canonical") or e.get("text") or "", e.get("text"), e.get("start"), e.get("end"), ()
    if doc.get("subject"):
        yield doc["subject"], None, None, None, ()
    for f in facts:
        args = [f.get("subject") or {}] + ([f.get("object") or {}] if f.get("relation") == "reports_to" else [])
        for arg in args:
            if arg.get("label") == "PERSON":
                yield arg.get("canonical") or arg.get("text") or "", arg.get("text"), arg.get("start"), arg.get("end"), ()


def document_records(doc: dict[str, Any], facts: list[dict[str, Any]]) -> list[Record]:
    """The people of one document, with the facts whose subject they are."""
    groups: dict[str, Record] = {}  # full key -> record
    pending: list[tuple[str, str | None, int | None, int | None]] = []  # mentions by a single name word

    def record_for(forms: list[str]) -> Record:
        """The document's record for a name; its key comes from the first form that has one."""
        key = next((k[0].full for k in map(name_keys, forms) if k), "han:" + han_key(forms[0]))
        r = groups.get(key)
        if r is None:
            r = groups[key] = Record(doc["doc_id"], doc.get("sha256") or "", doc.get("dct"))
        return r

    for raw, text, start, end, aliases in _candidates(doc, facts):
        name = clean_name(raw) or (clean_name(text) if text else None)
        if name is None:
            if text and start is not None and len(text.split()) == 1 and text[:1].isupper():
                pending.append((text.strip(), text, start, end))
            continue
        forms = [name] + [a for a in map(clean_name, aliases) if a]
        nick = nickname(raw)
        if nick:
            forms.append(f"{nick} {name.split()[-1]}")
        r = record_for(forms)
        r.forms.update(forms)
        if text and start is not None and end is not None:
            r.mentions.add((text, int(start), int(end)))
    _merge_shorter_forms(groups)
    records = sorted({id(r): r for r in groups.values()}.values(), key=lambda r: r.name)
    _resolve_single_words(records, pending)
    owner = _given_name_owner(doc, records)
    if owner is not None:
        records.append(owner)
    _title_aliases(records, doc.get("title") or "")
    _attach_facts(records, facts)
    for r in records:
        r.comentions = {k.full for o in records if o is not r for k in o.keys[:1]}
    return records


def _merge_shorter_forms(groups: dict[str, Record]) -> None:
    """A name compatible with exactly one fuller name of the document is that person ("Jane Roe" in "Jane Mary Roe")."""
    recs = sorted({id(r): r for r in groups.values()}.values(), key=lambda r: fullness(r.name))
    for r in reversed(recs):
        if has_han(r.name):
            continue
        k = name_keys(r.name)[0]
        hosts = [o for o in recs if o is not r and not has_han(o.name) and fullness(o.name) < fullness(r.name) and compatible(k, name_keys(o.name)[0])]
        if len(hosts) == 1:
            host = hosts[0]
            host.forms |= r.forms
            host.mentions |= r.mentions
            for full, g in list(groups.items()):
                if g is r:
                    groups[full] = host
            recs.remove(r)


def _resolve_single_words(records: list[Record], pending: Iterable[tuple[str, str | None, int | None, int | None]]) -> None:
    """"Altman" or "Karpathy" alone is the one person of the document with that surname."""
    for word, text, start, end in pending:
        w = fold(word).strip(".")
        hosts = [r for r in records if any(k.surname == w for k in r.keys)]
        if len(hosts) == 1 and text and start is not None and end is not None:
            hosts[0].forms.add(word)
            hosts[0].mentions.add((text, int(start), int(end)))


def _given_name_owner(doc: dict[str, Any], records: list[Record]) -> Record | None:
    """The document's subject when the page names its owner by a given name alone ("Ana"), unless that word is the
    surname of one of its people; its mentions are those the document gives that name."""
    subject = (doc.get("subject") or "").strip()
    if not re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)?", subject) or not subject[:1].isupper() or has_han(subject):
        return None
    if any(k.surname == fold(subject).replace("-", "") for r in records for k in r.keys):
        return None
    r = Record(doc["doc_id"], doc.get("sha256") or "", doc.get("dct"), forms={subject}, given_only=True)
    for p in doc.get("people") or []:
        if isinstance(p, dict) and p.get("canonical") == subject:
            for m in p.get("mentions") or []:
                if isinstance(m, dict) and m.get("text") and m.get("start") is not None and m.get("end") is not None:
                    r.mentions.add((m["text"], int(m["start"]), int(m["end"])))
    return r


def _title_aliases(records: list[Record], title: str) -> None:
    """A title that pairs a person's name with a Han-character name ("李飞飞简介 (Fei-Fei Li)") gives that alias."""
    parts = [p.strip() for p in _TITLE_SPLIT.split(title) if p and p.strip()]
    han = [clean_name(_TITLE_WORDS.sub("", p)) for p in parts if has_han(p)]
    han = [h for h in han if h]
    latin = [clean_name(p) for p in parts if not has_han(p)]
    if len(han) != 1:
        return
    for r in records:
        keys = {k.full for k in r.keys}
        if any(lat and name_keys(lat) and name_keys(lat)[0].full in keys for lat in latin):
            r.forms.add(han[0])


def _attach_facts(records: list[Record], facts: list[dict[str, Any]]) -> None:
    by_key: dict[str, Record] = {}
    for r in records:
        for key in [k.full for k in r.keys] + sorted(r.han_names) + (["given:" + r.name] if r.given_only else []):
            by_key.setdefault(key, r)
    abbrev = abbreviations(facts)
    for f in facts:
        subj = f.get("subject") or {}
        if subj.get("label") != "PERSON":
            continue
        name = clean_name(subj.get("canonical") or subj.get("text") or "")
        if name is None:
            r = by_key.get("given:" + (subj.get("canonical") or ""))
        else:
            keys = name_keys(name)
            r = by_key.get(keys[0].full if keys else "han:" + han_key(name))
        if r is None:
            continue
        r.facts.append(f)
        if subj.get("start") is not None and subj.get("end") is not None and written_name(subj.get("text") or ""):
            r.mentions.add((subj["text"], subj["start"], subj["end"]))
        rel, obj = f.get("relation"), f.get("object") or {}
        value = obj.get("canonical") or obj.get("text") or ""
        kind = (f.get("qualifiers") or {}).get("kind")
        if rel == "contact" and (kind == "email" or obj.get("label") == "EMAIL"):
            r.emails.add(value.lower())
        elif rel == "contact" and (kind == "url" or obj.get("label") == "URL"):
            r.homepages.add(_url_key(value))
        elif rel == "date_of_birth" and value[:4].isdigit():
            r.birth_years.add(value[:4])
        elif rel in ("employed_by", "educated_at", "research_interest"):
            key = object_key(object_name(rel, value), abbrev)
            if key:
                {"employed_by": r.employers, "educated_at": r.schools, "research_interest": r.topics}[rel].add(key)


def _url_key(url: str) -> str:
    u = re.sub(r"^[a-z]+://", "", url.strip().lower())
    return re.sub(r"^www\.", "", u).rstrip("/")
