"""The person a Chinese page is about, from how Chinese pages name their person.

"姓名：王小明", "王小明，男，1980年生", a first line that is the name ("王小明", "王小明简介",
"王小明教授", "李飞飞简介 (Fei-Fei Li)"). When the English rules found no subject, this
name is the subject; when they found its Latin form (the Latin name in the parentheses,
or the same pinyin), the Han name becomes its alias, so Chinese facts can name the
person as the page writes them.
"""

from __future__ import annotations

import re

from .names import name_key
from .registry import People, Person
from .written import is_han_name

_HAN = "\u4e00-\u9fff"
_LABEL = re.compile(rf"姓\s*名\s*[:：]\s*([{_HAN}·]{{2,8}})")
_GENDER = re.compile(rf"(?m)^[ \t]*([{_HAN}·]{{2,8}})[，,]\s*[男女][，,。]")
_FIRST = re.compile(rf"\s*([{_HAN}·]{{2,12}})[ \t]*(?:[（(]([^（）()\n]{{1,40}})[）)])?[ \t]*(?:\n|$)")
_SUFFIXES = ("个人简介", "简介", "的个人主页", "个人主页", "的主页", "主页", "教授", "博士", "研究员", "老师")


def _top_name(text: str) -> tuple[str, int, str | None] | None:
    """(name, start, Latin form in parentheses) named on top of the page."""
    head = text[:800]
    for rx in (_LABEL, _GENDER):
        m = rx.search(head)
        if m and is_han_name(m.group(1)):
            return m.group(1), m.start(1), None
    m = _FIRST.match(head)
    if m is None:
        return None
    name = m.group(1)
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
            break
    return (name, m.start(1), m.group(2)) if is_han_name(name) else None


def _same_person(han: str, latin: str) -> bool:
    """"李飞飞" and "Fei-Fei Li" or "Feifei Li": the same syllables, the given name's written apart or together."""
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(han.replace("·", ""))
    words = sorted(re.findall(r"[a-z]+", latin.lower().replace("-", "")))
    return words in (sorted(syllables), sorted([syllables[0], "".join(syllables[1:])]))


def page_subject(text: str, people: People, subject: Person | None) -> Person | None:
    """The page's subject, found or completed from a Chinese page's own way of naming it."""
    found = _top_name(text)
    if found is None:
        return subject
    name, start, latin = found
    span = (start, start + len(name))
    if subject is None:
        p = people.get(name, start) or next((q for q in people.persons if name in q.aliases), None)
        if p is None:
            p = Person(canonical=name)
            people.persons.append(p)
        if span not in p.mentions:
            p.mentions.append(span)
        return p
    if any(re.search(f"[{_HAN}]", a) for a in (subject.canonical, *subject.aliases)):
        return subject
    if (latin and name_key(latin) == name_key(subject.canonical)) or _same_person(name, subject.canonical):
        subject.aliases.add(name)
        people.changed()
        if span not in subject.mentions:
            subject.mentions.append(span)
    return subject
