"""The person of a Chinese page, from how Chinese pages name it (each form with a negative twin)."""

from __future__ import annotations

import pytest

from pipeline.people.registry import People, Person
from pipeline.people.zh_names import page_subject


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("个人信息\n\n姓名：王小明\n性别：男\n", "王小明"),
        ("林秀英，女，1975年生，东湖大学教授。\n", "林秀英"),
        ("赵子龙简介\n\n他现任东湖大学教授。\n", "赵子龙"),
        ("陈文静教授\n\n东湖大学计算机学院\n", "陈文静"),
        ("玛丽·居里\n\n她出生于华沙。\n", "玛丽·居里"),
        # twins: no name on top
        ("今天天气很好\n\n我们去公园。\n", None),
        ("姓名：待定\n", None),
        ("研究方向：机器学习\n", None),
    ],
)
def test_subject_of_a_chinese_page(text: str, name: str | None) -> None:
    people = People(text=text)
    p = page_subject(text, people, None)
    assert (p.canonical if p else None) == name
    if p is not None:
        s, e = p.mentions[0]
        assert text[s:e] == name


@pytest.mark.parametrize(
    ("text", "latin", "alias"),
    [
        ("李飞飞简介 (Fei-Fei Li)\n\n- 身份: 斯坦福大学教授\n", "Fei-Fei Li", "李飞飞"),
        ("王小明\n\n他现任东湖大学教授。\n", "Xiaoming Wang", "王小明"),
        ("王小明 (Ming Wang)\n", "Ming Wang", "王小明"),
        ("王小明\n", "Jane Roe", None),  # another person: no alias
    ],
)
def test_han_name_joins_the_latin_subject(text: str, latin: str, alias: str | None) -> None:
    people = People(text=text)
    subject = Person(canonical=latin)
    people.persons.append(subject)
    assert page_subject(text, people, subject) is subject
    assert (alias in subject.aliases) if alias else not subject.aliases
