"""One registry for the relation layer: what each relation is, and the rules that find it.

A relation module declares its `RelationSpec` with `relation(...)` and its rules
with three decorators:

- `@item_rule(relation, sections=...)`: `fn(doc, line)` on each list item or table
  row of the named sections of a structured page;
- `@sentence_rule(relation, triggers=..., entities=...)`: `fn(sent, coref, state)`
  on each prose sentence that holds a word of one of its `triggers` (word lists of
  `patterns/triggers.jsonl`) or an entity of one of its `entities` labels (a rule
  built on TITLE or DEGREE mentions), or on every one with `always` (a rule built
  on punctuation, as a possessive); the triggers' union also decides which
  list-item lines are read as prose and get the parser, so a new rule cannot be
  skipped silently;
- `@doc_rule(relation)`: `fn(doc)` once per document.

Modules are discovered (every module of this package and its subpackages is imported once), not
listed by hand. How repeated statements of one fact merge is part of the spec.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable, Literal

from .base import Candidate
from .lexicon import trigger_words

RuleKind = Literal["item", "sentence", "doc"]


@dataclass(frozen=True)
class RelationSpec:
    """A relation of the inventory: argument labels, allowed qualifiers, and merging.

    `distinct_by` names the qualifiers that make two statements of one
    (subject, object) pair different facts (two titles at one employer are two
    jobs); `key_policies` maps such a qualifier to a registered normaliser.
    """

    name: str
    subject: tuple[str, ...]
    object: tuple[str, ...]
    qualifiers: tuple[str, ...] = ()
    distinct_by: tuple[str, ...] = ()
    key_policies: dict[str, str] = field(default_factory=dict)
    merge_policy: str = "most_confident"
    description: str = ""


@dataclass(frozen=True)
class Rule:
    name: str
    relation: str
    kind: RuleKind
    fn: Callable
    order: int
    sections: frozenset[str] | None = None
    triggers: tuple[str, ...] = ()
    entities: frozenset[str] = frozenset()  # a sentence rule also reads sentences holding an entity of these labels
    always: bool = False  # a sentence rule built on punctuation ("Quillon's Orca-2") reads every sentence

    def reads(self, lists: frozenset[str], labels: frozenset[str]) -> bool:
        """Whether a sentence rule reads a sentence holding these trigger lists and entity labels."""
        return self.always or not lists.isdisjoint(self.triggers) or not self.entities.isdisjoint(labels)


SPECS: dict[str, RelationSpec] = {}
RULES: dict[str, Rule] = {}
KEY_POLICIES: dict[str, Callable[[str], str]] = {}
MERGE_POLICIES: dict[str, Callable[[list[Candidate]], list[Candidate]]] = {}


def relation(spec: RelationSpec) -> RelationSpec:
    if spec.name in SPECS and SPECS[spec.name] != spec:
        raise ValueError(f"relation {spec.name!r} declared twice")
    SPECS[spec.name] = spec
    return spec


def _register(rule: Rule) -> None:
    old = RULES.get(rule.name)
    if old is not None and old.fn.__qualname__ != rule.fn.__qualname__:
        raise ValueError(f"rule name {rule.name!r} used twice")
    RULES[rule.name] = rule


def item_rule(relation_: str, name: str, sections: Iterable[str], order: int = 50) -> Callable:
    def deco(fn: Callable) -> Callable:
        _register(Rule(name, relation_, "item", fn, order, sections=frozenset(sections)))
        return fn

    return deco


def sentence_rule(
    relation_: str, name: str, triggers: Iterable[str], order: int = 50, entities: Iterable[str] = (), always: bool = False
) -> Callable:
    triggers = tuple(triggers)
    if not triggers:
        raise ValueError(f"sentence rule {name!r} declares no trigger")

    def deco(fn: Callable) -> Callable:
        for t in triggers:
            trigger_words(t)  # an unknown list fails here, at import
        _register(Rule(name, relation_, "sentence", fn, order, triggers=triggers, entities=frozenset(entities), always=always))
        return fn

    return deco


def doc_rule(relation_: str, name: str, order: int = 50) -> Callable:
    def deco(fn: Callable) -> Callable:
        _register(Rule(name, relation_, "doc", fn, order))
        return fn

    return deco


def key_policy(name: str) -> Callable:
    def deco(fn: Callable[[str], str]) -> Callable[[str], str]:
        KEY_POLICIES[name] = fn
        return fn

    return deco


def merge_policy(name: str) -> Callable:
    def deco(fn: Callable[[list[Candidate]], list[Candidate]]) -> Callable:
        MERGE_POLICIES[name] = fn
        return fn

    return deco


_loaded = False


def load() -> None:
    """Import every module of the relations package and of its subpackages once, so their decorators run."""
    global _loaded
    if _loaded:
        return
    package = __name__.rsplit(".", 1)[0]
    pkg = importlib.import_module(package)
    for info in sorted(pkgutil.walk_packages(pkg.__path__, prefix=f"{package}."), key=lambda i: i.name):
        importlib.import_module(info.name)
    _loaded = True


def rules(kind: RuleKind | None = None) -> list[Rule]:
    load()
    return sorted((r for r in RULES.values() if kind is None or r.kind == kind), key=lambda r: (r.order, r.name))


@lru_cache(maxsize=1)
def trigger_regex() -> re.Pattern[str]:
    """Every trigger word of every sentence rule as one alternation (the parse gate)."""
    words: set[str] = set()
    for r in rules("sentence"):
        for t in r.triggers:
            words.update(trigger_words(t))
    return word_alternation(words)


def word_alternation(words: Iterable[str]) -> re.Pattern[str]:
    """Trigger words as one regex: a word matches whole; a word ending in "*" is a stem ("promot*": promoted, promotion)."""

    def form(w: str) -> str:
        stem = w.endswith("*")
        body = re.escape(w.rstrip("*")).replace(r"\ ", r"\s+")
        return body if stem else body + r"(?![\w-])"

    alt = "|".join(form(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<![\w-])(?:{alt})", re.I)


_WORD_START = re.compile(r"(?<![\w-])\w")
_KEY = 3  # letters of a trigger word looked up at each word start


def _key(word: str) -> str:
    """A trigger word's first letters, up to _KEY and up to its first space (the text may break the line there)."""
    head = word[:_KEY]
    return head.split(" ", 1)[0] or head


class TriggerIndex:
    """Which trigger lists of the sentence rules a stretch of text holds.

    A sentence rule reads only the sentences holding a word of one of its lists: the
    lexicon is the rule's gate, so most rules skip most sentences of a long page.
    The pass looks up each word start's first letters, and only where some
    trigger word starts with them tries the lists' own patterns.
    """

    def __init__(self, lists: dict[str, list[str]]) -> None:
        self._rx = {name: word_alternation(ws) for name, ws in lists.items()}
        by_prefix: dict[str, set[str]] = {}
        for name, ws in lists.items():
            for w in ws:
                by_prefix.setdefault(_key(w.rstrip("*").casefold()), set()).add(name)
        self._by_prefix = {k: tuple(sorted(v)) for k, v in by_prefix.items()}
        self._by_head: dict[str, tuple[str, ...]] = {}  # a word's first letters -> the lists that may start there

    def _lists_at(self, head: str) -> tuple[str, ...]:
        names = self._by_head.get(head)
        if names is None:
            folded = head.casefold()
            names = self._by_head[head] = tuple(sorted({n for k in range(1, _KEY + 1) for n in self._by_prefix.get(folded[:k], ())}))
        return names

    def lists_in(self, text: str, start: int, end: int) -> frozenset[str]:
        """The lists with a word starting in text[start:end]."""
        held: set[str] = set()
        rx = self._rx
        for m in _WORD_START.finditer(text, start, end):
            p = m.start()
            for n in self._lists_at(text[p : p + _KEY]):
                if n not in held and rx[n].match(text, p):
                    held.add(n)
        return frozenset(held)


@lru_cache(maxsize=1)
def trigger_index() -> TriggerIndex:
    """The index of every trigger list a sentence rule declares."""
    names = sorted({t for r in rules("sentence") for t in r.triggers})
    return TriggerIndex({n: trigger_words(n) for n in names})


# ---------------------------------------------------------------- merging repeated statements


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "").lower()
    s = re.sub(r"\s*-\s*", "-", s)
    s = re.sub(r"^(the|a|an) ", "", s)
    return re.sub(r"[^\w@.+-]+", " ", s).strip().rstrip(".")  # "X Inc." and "X Inc" are one name


def fact_key(c: Candidate) -> tuple[str, ...]:
    """(relation, subject, object) normalised, plus the spec's distinguishing qualifiers."""
    key: tuple[str, ...] = (c.relation, _norm(c.subject.canonical or c.subject.text), _norm(c.object.canonical or c.object.text))
    spec = SPECS.get(c.relation)
    if spec is not None:
        for q in spec.distinct_by:
            v = c.qualifiers.get(q)
            if v:
                policy = KEY_POLICIES[spec.key_policies.get(q, "lower")]
                key = key + (q, policy(v))
    return key


@key_policy("lower")
def _lower(value: str) -> str:
    return value.lower()


@merge_policy("most_confident")
def most_confident(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per fact key: the most confident keeps its evidence, qualifiers are united."""
    out: dict[tuple, Candidate] = {}
    for c in cands:
        key = fact_key(c)
        old = out.get(key)
        if old is None:
            out[key] = c
            continue
        best, other = (c, old) if c.confidence > old.confidence else (old, c)
        for k, v in other.qualifiers.items():
            best.qualifiers.setdefault(k, v)
        out[key] = best
    return _fold_unqualified(out)


def _fold_unqualified(by_key: dict[tuple, Candidate]) -> list[Candidate]:
    """A fact stated once without the qualifier that tells its statements apart and once with it
    ("a Fellow of the X Society" in prose, "Fellow of the X Society (2022)" in a list) is one fact: the qualified one."""
    qualified: dict[tuple, Candidate] = {}
    for key, c in by_key.items():
        if len(key) > 3:
            qualified.setdefault(key[:3], c)
    out = []
    for key, c in by_key.items():
        twin = qualified.get(key) if len(key) == 3 else None
        if twin is None:
            out.append(c)
            continue
        for k, v in c.qualifiers.items():
            twin.qualifiers.setdefault(k, v)
    return out


def merge(cands: Iterable[Candidate]) -> list[Candidate]:
    """Each relation's candidates merged by its spec's policy, in document order."""
    load()
    by_relation: dict[str, list[Candidate]] = {}
    for c in cands:
        by_relation.setdefault(c.relation, []).append(c)
    out: list[Candidate] = []
    for rel, group in by_relation.items():
        spec = SPECS.get(rel)
        out.extend(MERGE_POLICIES[spec.merge_policy if spec else "most_confident"](group))
    return sorted(out, key=lambda c: (c.evidence[0], c.relation, c.object.start or 0))
