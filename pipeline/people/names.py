"""What a person's name looks like, and the forms one name takes in a text.

A name is 2-4 capitalised tokens; function words ("If", "When", "According")
and possessive or page-title tails ("'s Homepage", "| Home", ", PhD") are never
part of it, so a sentence-initial word glued to a surname does not become a person.
"""

from __future__ import annotations

import re
from functools import lru_cache

HONORIFICS = {"dr", "dr.", "prof", "prof.", "professor", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "miss", "sir", "dame", "lord", "madam", "mx", "mx."}
FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "our", "us"}
PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself", "they", "their", "them"}
# Capitalised words that open a sentence or a heading but are never part of a name.
FUNCTION_WORDS = {
    "a", "about", "according", "after", "also", "although", "an", "and", "as", "at", "because", "before", "but", "by",
    "during", "for", "from", "hello", "hi", "how", "however", "if", "in", "into", "meanwhile", "meet", "my", "of", "on",
    "once", "our", "since", "so", "the", "then", "this", "though", "to", "under", "unless", "until", "welcome", "when",
    "where", "whether", "while", "who", "why", "with", "yet", "dear", "thanks", "congratulations", "contact", "home",
    "homepage", "biography", "announcing", "introducing", "interview", "exclusive", "breaking", "bio", "speaker", "speakers", "keynote", "keynotes", "presenter", "chair", "invited", "talk",
}
# Words that make a capitalised phrase an organisation, event or page, not a person.
ORG_WORDS = {
    "university", "institute", "school", "college", "academy", "laboratory", "laboratories", "institutes", "universities", "corporation", "technologies", "lab", "labs", "center", "centre", "department",
    "group", "summer", "winter", "workshop", "conference", "symposium", "society", "association", "foundation", "inc", "inc.",
    "corp", "ltd", "llc", "company", "research", "program", "programme", "team", "news", "press", "journal", "award", "prize",
    "committee", "organizer", "organiser", "organizers", "organisers", "biographies", "bios", "profiles", "people", "members", "faculty", "staff", "students", "alumni", "publications",
    "experience", "education", "scholarship", "fellowship", "awards", "honors", "honours", "projects", "service", "teaching",
    "interests", "skills", "grants", "model", "models", "systems", "networks", "learning", "intelligence", "data", "selected", "recent", "working", "professional", "academic", "industry", "internship",
}
# Capitalised abbreviations that close a company's name, never a person's ("Bluebird AI").
ORG_TAIL_ACRONYMS = {"AI", "ML", "VR", "AR", "XR", "IT", "HQ"}
# Function words that are also given names or surnames ("An Wang", "Will Knight", "May Lee", "So Yeon").
NAME_TOO = {"an", "will", "may", "so", "long", "hope"}
# The function words that never stand in a name: computed once, not per word tested.
NOT_NAME_WORDS = frozenset(FUNCTION_WORDS - NAME_TOO)
# Words after a name in a title or heading that end the name ("Jane Roe Homepage", "Jane Roe PhD").
_TAIL_WORDS = {"homepage", "home", "page", "website", "site", "phd", "ph.d.", "ph.d", "md", "msc", "bio", "biography", "cv", "profile", "personal", "academic", "blog"}
_NAME_TOKEN = re.compile(r"^[A-Z][a-zA-Z'’\-]*\.?$|^[A-Z]\.(?:-?[A-Z]\.)?$")
_UNICODE_NAME_TOKEN = re.compile(r"^[^\W\d_][^\W\d_'’\-.]*(?:[-'’][^\W\d_]+)*\.?$")
_SPLIT_TAIL = re.compile(r"\s+[-–—|:·•/]\s+.*$|\s*[|(（\[:].*$|,\s*.*$")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A comparison key: lower case, no honorifics, no possessive."""
    words = [w for w in re.split(r"\s+", name.replace("’s", "").replace("'s", "").strip()) if w]
    words = [w for w in words if w.lower() not in HONORIFICS]
    return " ".join(w.lower().rstrip(".,") for w in words)


_INNER_CAPITAL = re.compile(r"^(?!(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|O['’])[A-Z])[A-Z]?[a-z]+[A-Z]")


_ROMAN = re.compile(r"^(?:II|III|IV|VI|VII|VIII|IX|XI|XII)$")


def _is_name_token(w: str) -> bool:
    if not w[:1].isupper() or _INNER_CAPITAL.match(w) or len(w) > 2 and w[1:].rstrip(".").isupper() and w[1:2] not in "'’.":
        return False  # "PyTorch", "YerevaNN", "GO1"
    if _ROMAN.match(w):
        return False  # "Part IV"
    if _NAME_TOKEN.match(w):
        return True
    return bool(_UNICODE_NAME_TOKEN.match(w))


def looks_like_name(text: str) -> bool:
    """2-4 capitalised name tokens, no function word, not an acronym-led organisation ("TU Wien")."""
    if "\n" in text:
        return False
    words = text.split()
    if not 2 <= len(words) <= 4 or len(words[-1]) < 2 or re.search(r"['’]s?$", words[-1]) or not all(_is_name_token(w) for w in words):
        return False
    if any(w.lower().rstrip(".") in NOT_NAME_WORDS or w.lower() in ORG_WORDS for w in words):
        return False
    if words[-1] in ORG_TAIL_ACRONYMS:
        return False  # "Bluebird AI", "Kestrel ML": a company's name, never a surname in capitals ("Wei XU")
    # "TU Wien", "ACM Fellow" are organisations; callers title-case "LUO Yao" first
    return not (words[0].isupper() and len(words[0].rstrip(".")) >= 2 and not words[0].endswith("."))


def strip_honorifics(name: str) -> str:
    return " ".join(w for w in name.split() if w.lower() not in HONORIFICS)


def clean_name(text: str) -> str | None:
    """The person name inside a title, heading or entity span, or None.

    "Welcome to Jane Roe's homepage" -> "Jane Roe"; "Prof. Jane Roe - MIT" ->
    "Jane Roe"; "Jane Roe, PhD" -> "Jane Roe"; "If Roe" -> None (one word left).
    """
    t = re.sub(r"[*_`#]+", " ", text).strip()
    t = re.sub(r"\s+", " ", t)
    t = re.split(r"['’]s\b", t, maxsplit=1)[0]
    t = _SPLIT_TAIL.sub("", t).strip(" .,;:!?")
    words = t.split()
    while words and (words[0].lower().rstrip(".,:!") in NOT_NAME_WORDS or words[0].lower() in HONORIFICS):
        words.pop(0)
    while len(words) > 2 and (words[-1].lower().rstrip(".,:!") in _TAIL_WORDS or words[-1].lower() in HONORIFICS):
        words.pop()
    def shouted(w: str) -> bool:  # a capitalised name, not an acronym ("LUO", not "LLM")
        return w.isupper() and len(w) > 1 and not w.endswith(".") and bool(re.search(r"[AEIOUY]", w)) and not _ROMAN.match(w)

    if words and all(w.isupper() for w in words) and all(shouted(w) or len(w) <= 2 for w in words) and any(len(w) > 2 for w in words):
        words = [w.title() if shouted(w) else w for w in words]
    elif words and shouted(words[0]) and len(words[0]) > 2 and len(words) >= 2:
        words[0] = words[0].title()  # "LUO Yao"; "TU Wien" stays an acronym
    elif words and shouted(words[-1]) and len(words[-1]) > 2 and len(words) >= 2:
        words[-1] = words[-1].title()  # "Yao LUO"
    name = " ".join(words)
    return name if looks_like_name(name) else None


def names_in(text: str) -> list[str]:
    """Runs of 2-4 name tokens in a headline ("Meet Alphabet and Sundar Pichai as Google's New CEO" -> ["Sundar Pichai"])."""
    out: list[str] = []
    run: list[str] = []
    for raw in re.split(r"[\s–—|:,;!?()\[\]\"“”]+", text) + [""]:
        w = re.sub(r"['’]s$", "", raw)
        ok = bool(w) and _is_name_token(w) and w.lower().rstrip(".") not in NOT_NAME_WORDS and w.lower() not in ORG_WORDS
        if ok and not w.isupper():
            run.append(w)
        if not ok or w.isupper() or w != raw:
            if 2 <= len(run) <= 4 and looks_like_name(" ".join(run)):
                out.append(" ".join(run))
            run = []
    return out


def has_word(text: str, word: str, start: int = 0, end: int | None = None) -> bool:
    """`word` occurs in text[start:end] as a whole word (no regex: names vary per document, and compiling one pattern per name is slow)."""
    end = len(text) if end is None else end
    i = text.find(word, start, end)
    while i >= 0:
        if whole_word_at(text, i, len(word)):
            return True
        i = text.find(word, i + 1, end)
    return False


def whole_word_at(text: str, i: int, n: int) -> bool:
    """Whether text[i:i+n] stands as a whole word (`has_word`'s test of one occurrence)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + n] if i + n < len(text) else " "
    return not (before.isalnum() or before in "-_.") and not (after.isalnum() or after in "-_")


def initials_alias(name: str) -> str | None:
    """"Jane Roe" -> "J. Roe"; "Jane Q. Roe" -> "J. Q. Roe"."""
    words = name.split()
    if len(words) < 2 or not words[0][:1].isalpha():
        return None
    return " ".join([w[0] + "." for w in words[:-1]] + [words[-1]])
