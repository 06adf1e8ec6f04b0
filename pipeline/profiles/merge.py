"""Facts of one person's records -> statements with references, ranks and conflict groups.

The same fact stated in several documents becomes one statement citing each of them.
Objects are the same when their normalised names are, or when a document defines one as
the abbreviation of the other. Facts about one object whose qualifiers disagree (two titles
at one employer, two degrees from one school) stay separate statements in one conflict
group, as do two different birth years; the statement cited by the most documents is
preferred, then the latest-dated one. One title that holds the other ("Chief Scientist",
"co-founder and Chief Scientist") is no disagreement. Awards and publications are many-valued:
two of one name with different dates are two statements, not a conflict.

Objects are read as names first: a venue and year written into an award's name become its
qualifiers ("AISTATS'16 Best Paper Award"), a list of short research topics becomes one
statement per topic, and what cannot be a topic (an address, a clause fragment) or names the
person themself is no statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..schema import RELATIONS, Evidence, Qualifiers, Reference, Statement, StatementObject, json_line
from .names import fold, has_han
from .objects import NAMED, abbreviations, award_parts, is_acronym, is_topic, is_year_range, latin_name, object_key, object_name, org_parts, topic_parts
from .records import Record

# Relations a person has one value of: any two different values disagree.
SINGLE_VALUED = frozenset({"date_of_birth"})
# Relations whose statements about one object can disagree (a title, a degree, a role).
CONFLICTING = frozenset({"employed_by", "educated_at", "leads", "reports_to", "part_of", "date_of_birth"})
# Qualifiers where one value holding every word of the other is the same thing, said more fully.
_WORDY = frozenset({"title", "role", "degree", "field"})


@dataclass
class _Draft:
    relation: str
    key: str
    facts: list[dict[str, Any]] = field(default_factory=list)
    qualifiers: dict[str, str] = field(default_factory=dict)


def _qual_value(v: str) -> str:
    return " ".join(re.findall(r"\w+", fold(v)))


# Words that rank a title: "Associate Professor" and "Professor" are two jobs, "inaugural Sequoia Professor"
# and "Professor of Computer Science" one job described two ways.
_RANKS = frozenset(
    "assistant associate full adjunct visiting senior junior principal staff chief vice deputy interim acting "
    "emeritus emerita executive managing general distinguished postdoctoral lead head".split()
)


def _title_core(value: str) -> tuple[frozenset[str], str]:
    """(rank words, head word) of a title: the words before "of"/"for"/"in"/"at", their last one the head."""
    words = re.findall(r"[a-z]+", value)
    for i, w in enumerate(words):
        if w in ("of", "for", "in", "at", "and"):
            words = words[:i]
            break
    return frozenset(w for w in words if w in _RANKS), (words[-1] if words else "")


def _same(k: str, a: str, b: str) -> bool:
    va, vb = _qual_value(a), _qual_value(b)
    if va == vb or has_han(va) != has_han(vb):
        return True  # "教授" and "Professor": two scripts, no disagreement that can be read
    wa, wb = set(va.split()), set(vb.split())
    if k in _WORDY and bool(wa) and bool(wb) and (wa <= wb or wb <= wa):
        return True
    if k in ("title", "role"):
        ca, cb = _title_core(va), _title_core(vb)
        return bool(ca[1]) and ca[1] not in _RANKS and ca == cb
    if k in ("org", "venue"):
        # "AISTATS" and "Artificial Intelligence and Statistics (AISTATS)"; "NYU" and "New York University"
        return is_acronym(va, vb) or is_acronym(vb, va) or " " not in va and va in wb or " " not in vb and vb in wa
    return False


def _agrees(a: dict[str, str], b: dict[str, str]) -> bool:
    return all(_same(k, a[k], b[k]) for k in a.keys() & b.keys())


def _absorb(into: dict[str, str], q: dict[str, str]) -> None:
    """Qualifiers of an agreeing fact: missing ones added, a fuller wording of a title kept."""
    for k, v in q.items():
        if k not in into or k in _WORDY and len(_qual_value(v)) > len(_qual_value(into[k])):
            into[k] = v


def _object_key(fact: dict[str, Any], abbrev: dict[str, str]) -> str:
    obj = fact.get("object") or {}
    value = obj.get("canonical") or obj.get("text") or ""
    rel = fact["relation"]
    if rel == "date_of_birth":
        return value[:4]
    if rel == "contact":
        return value.strip().lower()
    key = object_key(value, abbrev)
    if rel in _ORGS and _GENERIC_TAIL.search(value):
        key = key.rsplit(" ", 1)[0]  # "the ImageNet project" is "ImageNet"
    if rel == "award_received":
        key = re.sub(r"(?<=\w) award$", "", key)  # "Best Paper" marks the same award as "Best Paper Award"
    return key


def _named(fact: dict[str, Any]) -> dict[str, Any] | None:
    """The fact with its object's canonical form reduced to the name ("Stanford University for two years ..." -> "Stanford University");
    None when the object is no name."""
    obj = fact.get("object") or {}
    value = obj.get("canonical") or obj.get("text") or ""
    name = object_name(fact.get("relation") or "", value)
    if not name:
        return None
    return fact if name == value else {**fact, "object": {**obj, "canonical": name}}


def _is_address(fact: dict[str, Any], value: str) -> bool:
    """An e-mail address or URL is one word; a sentence around one is not the address."""
    kind = (fact.get("qualifiers") or {}).get("kind") or ""
    label = (fact.get("object") or {}).get("label") or ""
    if kind in ("email", "url") or label in ("EMAIL", "URL"):
        return bool(value.strip()) and not re.search(r"\s", value.strip()) and not has_han(value)
    return True


def _as_objects(fact: dict[str, Any], own: tuple[set[str], dict[str, list[tuple[int, int, str]]]]) -> list[dict[str, Any]]:
    """The fact read as name(s): award venue and year as qualifiers, a topic list split, non-topics and self-references dropped."""
    named = _named(fact)
    if named is None:
        return []
    fact = named
    rel, obj = fact["relation"], fact.get("object") or {}
    value = obj.get("canonical") or obj.get("text") or ""
    if rel == "contact" and not _is_address(fact, value):
        return []
    if rel in NAMED and _is_self(obj, value, fact["doc_id"], *own):
        return []  # "Sutskever was a co-founder ...": the subject read as its own employer
    if rel == "award_received":
        name, quals = award_parts(value)
        if name != value:
            q = {**quals, **{k: v for k, v in (fact.get("qualifiers") or {}).items() if v is not None}}
            return [{**fact, "object": {**obj, "canonical": name, "text": name}, "qualifiers": q}]
    if rel == "research_interest":
        return [{**fact, "object": {**obj, "canonical": part, "text": part}} if part != value else fact for part in topic_parts(value) if is_topic(part)]
    if rel in ("educated_at", "employed_by"):
        parts = org_parts(value)
        if len(parts) > 1:
            return [{**fact, "object": {**obj, "canonical": part, "text": part}} for part in parts]
    return [fact]


def _own_names(records: list[Record]) -> tuple[set[str], dict[str, list[tuple[int, int, str]]]]:
    """Keys of the person's full name forms, and the spans where each document mentions them."""
    names = {object_key(f) for r in records for f in r.forms if len(f.split()) > 1} - {""}
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for r in records:
        spans.setdefault(r.doc_id, []).extend((s, e, object_key(t)) for t, s, e in r.mentions)
    return names, spans


def _is_self(obj: dict[str, Any], value: str, doc_id: str, names: set[str], spans: dict[str, list[tuple[int, int, str]]]) -> bool:
    """The object is the person: one of their full names, or where the document mentions them, in their words."""
    key = object_key(value)
    if key in names:
        return True
    s, e = obj.get("start"), obj.get("end")
    if not (isinstance(s, int) and isinstance(e, int) and key):
        return False
    return any(ms < e and s < me and (key in mkey or mkey in key) for ms, me, mkey in spans.get(doc_id, ()) if mkey)


def _latest(facts: list[dict[str, Any]], dct: dict[str, str | None]) -> str:
    dates = []
    for f in facts:
        q = f.get("qualifiers") or {}
        for k in ("end", "start", "date"):
            if q.get(k):
                dates.append("9999" if q[k] == "present" else q[k])
        if dct.get(f["doc_id"]):
            dates.append(dct[f["doc_id"]] or "")
    return max(dates, default="")


def _object(facts: list[dict[str, Any]], key: str) -> StatementObject:
    """The fullest writing of the object: a form whose own key is the statement's (not an abbreviation), longest first."""

    def score(f: dict[str, Any]) -> tuple[bool, bool, int, str]:
        o = f.get("object") or {}
        text = o.get("canonical") or o.get("text") or ""
        same = _singular(_object_key({**f, "object": {"canonical": text}}, {})) == _singular(key)
        return (same, not _GENERIC_TAIL.search(text), len(text), text)

    best = max(facts, key=score)
    o = best.get("object") or {}
    text = o.get("text") or o.get("canonical") or ""
    if facts[0]["relation"] == "date_of_birth":  # the most precise date
        best = max(facts, key=lambda f: len((f.get("object") or {}).get("canonical") or ""))
        o = best.get("object") or {}
    canonical = o.get("canonical") or text
    canonical = latin_name(canonical) or canonical  # "多伦多大学", stated in no Latin form: named as the other pages would
    return StatementObject(text=o.get("text") or canonical, label=o.get("label") or "", canonical=canonical)


# Relations whose objects are organisations: one organisation's names are shared among them.
_ORGS = frozenset({"educated_at", "employed_by", "leads", "part_of"})


# A common noun after a name ("ImageNet project", "ACM-ICPC team"): the name alone says the same.
_GENERIC_TAIL = re.compile(r"(?<=[A-Za-z0-9)])\s+(?:project|team|group|initiative|program|programme)$")


def _singular(key: str) -> str:
    """A key with plural word endings dropped ("courant institute of mathematical sciences")."""
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")) else w for w in key.split())


def _org_keys(keys: set[str]) -> dict[str, str]:
    """Key -> the key its organisation is known by: an acronym becomes the one long form it abbreviates."""
    out: dict[str, str] = {}
    longs = sorted(k for k in keys if " " in k)
    for k in keys:
        hosts = {_singular(h) for h in longs if is_acronym(k, h)}
        out[k] = hosts.pop() if len(hosts) == 1 else _singular(k)
    # a unit named without its host, when the host is one of the person's organisations:
    # "Center for Data Science" is "NYU Center for Data Science" beside "New York University"
    for k in keys:
        if len(k.split()) < 2:
            continue
        hosts = {out[h] for h in keys if h.endswith(" " + k) and _is_org(h[: -len(k) - 1], keys)}
        if len(hosts) == 1:
            out[k] = hosts.pop()
    return out


# Words any award name may have: an award named by them alone ("Best Paper") is no particular one.
_GENERIC_AWARD_WORDS = frozenset(
    "best paper student outstanding poster demo young early career research faculty award prize medal fellowship "
    "scholar scholarship honorable honourable mention runner up distinguished service teaching achievement lifetime "
    "innovation test of time the for in and a an".split()
)


def _fuller_names(keys: set[str]) -> dict[str, str]:
    """An award whose words all appear in exactly one longer name of the person's awards, and which has a word of its
    own beyond the generic ones, is that award written shorter ("SIGKDD Dissertation Award" in "ACM SIGKDD Doctoral
    Dissertation Award"; "Best Paper" is no particular award)."""
    out: dict[str, str] = {}
    for k in keys:
        words = set(k.split())
        if len(words) < 2 or words <= _GENERIC_AWARD_WORDS:
            continue
        hosts = [h for h in keys if h != k and words < set(h.split())]
        if len(hosts) == 1:
            out[k] = hosts[0]
    return out


def _is_org(prefix: str, keys: set[str]) -> bool:
    return prefix in keys or any(is_acronym(prefix, h) for h in keys)


def statements(records: list[Record]) -> list[Statement]:
    """Merged statements of one person, in relation order, then object, then qualifiers."""
    dct = {r.doc_id: r.dct for r in records}
    abbrev_by_doc = {r.doc_id: abbreviations(r.facts) for r in records}
    # an abbreviation one of the person's documents defines holds in the others ("MIT" there, the long name here)
    abbrev_any: dict[str, str] = {}
    for doc_id in sorted(abbrev_by_doc):
        for short, long in abbrev_by_doc[doc_id].items():
            abbrev_any.setdefault(short, long)
    groups: dict[tuple[str, str], list[_Draft]] = {}
    own = _own_names(records)
    facts = sorted(
        (g for r in records for f in r.facts for g in _as_objects(f, own)),
        key=lambda f: (f["doc_id"], (f.get("evidence") or {}).get("start", 0), f["relation"], json_line(f)),
    )
    keyed = [(f, _object_key(f, {**abbrev_any, **abbrev_by_doc.get(f["doc_id"], {})})) for f in facts]
    org = _org_keys({k for f, k in keyed if k and f["relation"] in _ORGS})
    award = _fuller_names({k for f, k in keyed if k and f["relation"] == "award_received"})
    for f, key in keyed:
        if not key or f["relation"] == "contact" and (f.get("qualifiers") or {}).get("kind") == "phone" and is_year_range(key):
            continue
        key = org.get(key, key) if f["relation"] in _ORGS else award.get(key, key) if f["relation"] == "award_received" else key
        q = {k: str(v) for k, v in (f.get("qualifiers") or {}).items() if v is not None}
        drafts = groups.setdefault((f["relation"], key), [])
        for d in drafts:
            if _agrees(d.qualifiers, q):
                d.facts.append(f)
                _absorb(d.qualifiers, q)
                break
        else:
            drafts.append(_Draft(f["relation"], key, [f], dict(q)))
    out: list[Statement] = []
    single: dict[str, list[_Draft]] = {}
    for (rel, key), drafts in sorted(groups.items(), key=lambda kv: (RELATIONS.index(kv[0][0]), kv[0][1])):
        if rel in SINGLE_VALUED:
            single.setdefault(rel, []).extend(drafts)
            continue
        out.extend(_rank(drafts, f"{rel}:{key}" if len(drafts) > 1 and rel in CONFLICTING else None, dct))
    for rel, drafts in single.items():
        out.extend(_rank(drafts, rel if len(drafts) > 1 else None, dct))
    out.sort(key=lambda s: (RELATIONS.index(s.relation), fold(s.object.canonical or s.object.text), json_line(s.qualifiers.model_dump())))
    return out


def _rank(drafts: list[_Draft], group: str | None, dct: dict[str, str | None]) -> list[Statement]:
    stmts = [_statement(d, group) for d in drafts]
    if group is not None:
        support = [(len({r.doc_id for r in s.references}), _latest(d.facts, dct), -i) for i, (s, d) in enumerate(zip(stmts, drafts))]
        stmts[max(range(len(stmts)), key=lambda i: support[i])].rank = "preferred"
    return stmts


def _statement(d: _Draft, group: str | None) -> Statement:
    refs: dict[tuple[str, int, int, str], Reference] = {}
    for f in d.facts:
        ev = f.get("evidence") or {}
        k = (f["doc_id"], ev.get("start", 0), ev.get("end", 0), f.get("rule", ""))
        if k not in refs:
            refs[k] = Reference(doc_id=f["doc_id"], evidence=Evidence(**ev), rule=f.get("rule", ""), confidence=f.get("confidence", 0.0))
    return Statement(
        relation=d.relation,
        object=_object(d.facts, d.key),
        qualifiers=Qualifiers(**{k: v for k, v in d.qualifiers.items() if k in Qualifiers.model_fields}),
        references=[refs[k] for k in sorted(refs)],
        conflict_group=group,
    )
