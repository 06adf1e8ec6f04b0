"""The relation rules' word lists, loaded from `pipeline/patterns/` and validated.

Four files: `triggers.jsonl` (the words that make a sentence worth reading for a
rule, which also decide what gets the parser), `prose_words.jsonl` (closed word
classes the rules use: negation, titles that are not jobs, unit words, ...),
and `prose_confidence.jsonl` (each prose rule's confidence, with the counts it
was estimated from), and `zh_triggers.jsonl` (the cue words and closed word
classes of the Chinese character rules, `relations/zh/`; every list of `ZH_LISTS`
must be there and no other). A row with an unknown key, an empty list or a repeated
name is an error, raised when the file is first read.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ..config import PATTERNS_DIR


class WordList(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(alias="list", min_length=1)
    words: list[str] = Field(min_length=1)


class RuleConfidence(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule: str = Field(min_length=1)
    confidence: float = Field(ge=0.0, le=1.0)
    dev_correct: int = Field(ge=0)
    dev_total: int = Field(ge=0)


def _rows(path: Path, model: type[BaseModel]) -> list:
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(model.model_validate(json.loads(line)))
            except ValueError as e:
                raise ValueError(f"{path.name}:{n}: {e}") from None
    return rows


def word_lists(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in _rows(path, WordList):
        if row.name in out:
            raise ValueError(f"{path.name}: list {row.name!r} defined twice")
        if any(not w.strip() for w in row.words):
            raise ValueError(f"{path.name}: list {row.name!r} holds an empty word")
        out[row.name] = row.words
    return out


@lru_cache(maxsize=1)
def words() -> dict[str, list[str]]:
    return word_lists(PATTERNS_DIR / "prose_words.jsonl")


@lru_cache(maxsize=1)
def triggers() -> dict[str, list[str]]:
    return word_lists(PATTERNS_DIR / "triggers.jsonl")


def trigger_words(name: str) -> list[str]:
    try:
        return triggers()[name]
    except KeyError:
        raise KeyError(f"no trigger list {name!r} in triggers.jsonl") from None


@lru_cache(maxsize=1)
def confidences() -> dict[str, float]:
    return {r.rule: r.confidence for r in _rows(PATTERNS_DIR / "prose_confidence.jsonl", RuleConfidence)}


def conf(rule: str) -> float:
    return confidences().get(rule, 0.6)


# The lists the Chinese rules read; a list missing from zh_triggers.jsonl or one not named here is an error.
ZH_LISTS = frozenset(
    {
        "edu_cues", "edu_not", "degrees", "job_verbs", "job_copulas", "job_join", "job_at_verbs", "job_leave",
        "job_found", "present_cues", "former_cues", "titles", "lead_titles", "lead_roles", "lead_verbs",
        "org_suffixes", "edu_org_suffixes", "org_names", "award_verbs", "award_suffixes", "birth_cues",
        "interest_keys", "interest_verbs", "identity_keys", "award_keys", "negations", "make_verbs", "made_suffixes", "maker_nouns",
    }
)


def zh_word_lists(path: Path) -> dict[str, list[str]]:
    """The Chinese word lists of `path`, each sorted longest first (so a scan takes the longest cue)."""
    lists = word_lists(path)
    unknown, missing = sorted(set(lists) - ZH_LISTS), sorted(ZH_LISTS - set(lists))
    if unknown or missing:
        raise ValueError(f"{path.name}: unknown lists {unknown}, missing lists {missing}")
    return {k: sorted(dict.fromkeys(v), key=lambda w: (-len(w), w)) for k, v in lists.items()}


@lru_cache(maxsize=1)
def zh_words() -> dict[str, list[str]]:
    return zh_word_lists(PATTERNS_DIR / "zh_triggers.jsonl")


@lru_cache(maxsize=1)
def degree_words() -> re.Pattern[str]:
    """The degree names of degrees.jsonl as one pattern: long forms in any case, short ones ("MS", "BA") as written."""
    rows = [json.loads(ln) for ln in (PATTERNS_DIR / "degrees.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
    forms = sorted({r["pattern"] for r in rows}, key=len, reverse=True)
    long_ = "|".join(re.escape(f) for f in forms if len(f) > 4 or "." in f)
    short = "|".join(re.escape(f) for f in forms if not (len(f) > 4 or "." in f))
    return re.compile(rf"(?<!\w)(?:(?i:{long_})|{short})(?!\w)")
