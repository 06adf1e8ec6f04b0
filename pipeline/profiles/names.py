"""Person names across documents: clean forms, comparison keys, pinyin readings, commonness.

A name is compared through keys, never as raw text: accents folded, hyphens and case
dropped ("Fei-Fei Li" and "Feifei Li" share a key), honorifics and quoted nicknames
set aside, and a Chinese name given in Han characters read out in every pinyin
reading (heteronyms included), in both name orders, so "李飞飞" meets "Fei-Fei Li".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

HONORIFICS = frozenset(
    "dr dr. prof prof. professor mr mr. ms ms. mrs mrs. miss sir dame lord madam phd ph.d. jr jr. sr sr.".split()
)
# The most frequent Chinese surnames in pinyin (together about half of the population): a
# name made of one of them and a one-syllable given name is shared by many researchers.
COMMON_CHINESE_SURNAMES = frozenset(
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng "
    "liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan cai jiang yu du ye "
    "cheng wei su lu ding ren shen yao jin".split()
)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CUT = re.compile(r"[:：;；,，。、（()（）\[\]|/\\<>{}\"“”!?！？\n\t]|\]\(|https?:")
_QUOTED = re.compile(r"[\"“”']([^\"“”']{2,20})[\"“”']")
_FUNCTION_WORDS = frozenset(
    "the a an and or of in on at for to by with from as is was are be if when while this that these those "
    "our my his her their its we he she they i award awards university institute lab laboratory school "
    "department center centre college research science sciences deep learning machine network networks "
    "workshop conference journal model models group team inc ltd llc corp company channel website "
    # topic words that title-case headings put where a name could be
    "visual vision question answering language languages natural processing computer computing intelligence "
    "artificial data neural embedding embeddings graph graphs attention generative adversarial reinforcement "
    "robotics robot system systems theory analysis optimization optimisation streaming award prize".split()
)
# Family-name particles stay with the surname: "Yann Le Cun", "Guido van Rossum".
_PARTICLES = frozenset("van von de der den del della da di le la du dos bin al ibn".split())


def fold(text: str) -> str:
    """Lower case, accents removed, apostrophes dropped: the form keys are built from."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.lower().replace("’", "").replace("'", "")


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))


def han_key(name: str) -> str:
    return re.sub(r"[\s·・•]", "", name)


@lru_cache(maxsize=262144)
def clean_name(raw: str) -> str | None:
    """The name in an extracted person string, or None when it is not a person's name.

    Cuts at punctuation that never occurs inside a name ("Ana Lee: Embedding" -> "Ana Lee",
    "Tom Berg，Quillon 的" -> "Tom Berg"), drops honorifics, and refuses strings with
    digits, function words or too many words.
    """
    text = raw.replace("’s", "").replace("'s", "").replace("**", " ").strip()
    text = _QUOTED.sub(" ", text)
    text = _CUT.split(text, maxsplit=1)[0].strip(" .-*_#")
    text = re.sub(r"\s+", " ", text)
    if not text or any(c.isdigit() for c in text):
        return None
    if has_han(text):
        # a Chinese name is 2-4 characters; a transliterated one is parts joined by a middle dot
        parts = re.split(r"[·・•]", text.replace(" ", ""))
        han = "".join(parts)
        if not han or not all(_HAN.match(c) for c in han):
            return None
        if (len(parts) == 1 and 2 <= len(han) <= 4) or (len(parts) > 1 and all(1 <= len(p) <= 6 for p in parts)):
            return text.replace(" ", "")
        return None
    words = [w for w in text.split() if w.lower() not in HONORIFICS]
    if not 2 <= len(words) <= 5:
        return None
    pinyin = all(is_pinyin_word(fold(w).replace("-", "")) for w in words)
    if any(w.lower().strip(".") in _FUNCTION_WORDS and not (pinyin and w.lower() in COMMON_CHINESE_SURNAMES) for w in words):
        return None  # "He Said" is no name; "Yan He" and "He Kaiming" are
    if not all(_name_word(w) for w in words) or not words[-1][:1].isupper():
        return None
    if all(len(w.rstrip(".")) == 1 for w in words):
        return None
    bare = [w.replace(".", "") for w in words]
    if any(len(w) > 1 and w.isupper() for w in bare) and not all(w.isupper() for w in bare):
        return None  # an acronym beside capitalised words: "Stanford HAI", "Cloud AI"
    return " ".join(words)


def _name_word(word: str) -> bool:
    """A capitalised word of letters (any alphabet), apostrophes and hyphens, an initial, or a surname particle."""
    if word in _PARTICLES:
        return True
    core = word[:-1] if word.endswith(".") else word
    return bool(core) and core[0].isupper() and all(c.isalpha() or c in "'’-." for c in core)


def written_name(text: str) -> str | None:
    """A mention's text when it names the person as written ("Dr. Fei-Fei Li", "LeCun", "辛顿"), not a pronoun."""
    text = re.sub(r"['’]s$", "", " ".join(text.split()))
    core = [w for w in text.split() if w.lower() not in HONORIFICS]
    if not core:
        return None
    if len(core) == 1 and core[0].isalpha() and core[0][:1].isupper() and len(core[0]) > 1 and core[0].lower() not in _FUNCTION_WORDS:
        return text
    return text if clean_name(" ".join(core)) == " ".join(core) else None


def nickname(raw: str) -> str | None:
    """A quoted nickname inside a name: 'Alexander "Sasha" Rush' -> 'Sasha'."""
    m = _QUOTED.search(raw)
    return m.group(1).strip() if m else None


@dataclass(frozen=True, slots=True)
class NameKey:
    """A Latin-script name as (given names, surname), folded."""

    given: tuple[str, ...]
    surname: str

    @property
    def full(self) -> str:
        return " ".join((*self.given, self.surname))

    @property
    def initial(self) -> str:
        return self.given[0][:1] if self.given else ""

    @property
    def first(self) -> str:
        return self.given[0] if self.given else ""


def _latin_key(name: str) -> NameKey | None:
    words = [fold(w).strip(".").replace("-", "") for w in name.split()]
    words = [w for w in words if w]
    if len(words) < 2:
        return None
    # Particles before the last word join the surname: "le cun" -> "lecun".
    i = len(words) - 1
    while i > 1 and words[i - 1] in _PARTICLES:
        i -= 1
    surname = "".join(words[i:])
    return NameKey(tuple(words[:i]), surname)


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    from pypinyin.constants import PINYIN_DICT

    readings = {r for value in set(PINYIN_DICT.values()) for r in value.split(",")}
    return frozenset(fold(r) for r in readings)  # tone marks dropped; "lü" reads as "lu", as names are written


def is_pinyin_word(word: str, max_syllables: int = 3) -> bool:
    """Whether a folded word splits into at most `max_syllables` pinyin syllables."""
    syl = _syllables()

    def split(w: str, n: int) -> bool:
        if not w:
            return True
        if n == 0:
            return False
        return any(w[:k] in syl and split(w[k:], n - 1) for k in range(min(6, len(w)), 0, -1))

    return split(word, max_syllables)


@lru_cache(maxsize=65536)
def pinyin_keys(han_name: str) -> tuple[NameKey, ...]:
    """Every pinyin reading of a Han-character name, surname first or given name first."""
    from pypinyin import Style, pinyin

    chars = [c for c in han_name if _HAN.match(c)]
    if not 2 <= len(chars) <= 4 or "·" in han_name or "・" in han_name:
        return ()  # "安德烈·卡帕斯" transliterates a foreign name: its pinyin is no reading of it
    readings = pinyin("".join(chars), style=Style.NORMAL, heteronym=True)
    keys: list[NameKey] = []
    for sur_len in (1, 2) if len(chars) >= 3 else (1,):
        sur_options = _combos(readings[:sur_len], limit=4)
        given_options = _combos(readings[sur_len:], limit=8)
        for s in sur_options:
            for g in given_options:
                keys.append(NameKey((g,), s))
    return tuple(dict.fromkeys(keys))


def _combos(readings: list[list[str]], limit: int) -> list[str]:
    out = [""]
    for options in readings:
        out = [a + b.replace("ü", "v") for a in out for b in options][:limit]
    return out


@lru_cache(maxsize=262144)
def name_keys(name: str) -> tuple[NameKey, ...]:
    """Keys of one name form: its Latin reading, or the pinyin readings of a Han name."""
    if has_han(name):
        return pinyin_keys(name)
    key = _latin_key(name)
    if key is None:
        return ()
    keys = [key]
    # Chinese names are written in both orders ("Li Feifei", "Feifei Li").
    if len(key.given) == 1 and is_pinyin_word(key.surname, 1) and is_pinyin_word(key.first):
        keys.append(NameKey((key.surname,), key.first))
    return tuple(keys)


def blocking_keys(keys: tuple[NameKey, ...]) -> set[str]:
    """Surname plus first initial, for every key (both orders are already among the keys)."""
    return {f"{k.surname}|{k.initial}" for k in keys if k.surname and k.initial}


def is_common(key: NameKey) -> bool:
    """A Chinese name of a frequent surname and a one-syllable given name ("Wei Wang", "Lei Li")."""
    return len(key.given) == 1 and key.surname in COMMON_CHINESE_SURNAMES and is_pinyin_word(key.first, 1)


def compatible(a: NameKey, b: NameKey) -> bool:
    """One name can be a shorter form of the other: same surname, first names agree on their common prefix or initial."""
    if a.surname != b.surname or not a.given or not b.given:
        return False
    fa, fb = a.first, b.first
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    return fa.startswith(fb) or fb.startswith(fa)


@lru_cache(maxsize=262144)
def fullness(name: str) -> tuple[bool, int, int, int, str]:
    """Sort key, smallest first: Latin script, more words, fewer initials, longer; the fullest form is the person's name."""
    words = name.split()
    initials = sum(1 for w in words if len(w.rstrip(".")) == 1)
    return (has_han(name), -len(words), initials, -len(name), name)
