"""Names the entity recognizer misses, on small documents written for the tests (each rule with a negative twin)."""

from __future__ import annotations

import pytest

from pipeline.people.written import han_names, is_han_name, latin_in_han, nickname_names, wiki_names


def _names(found):
    return {(text_canonical, aliases) for _s, _e, text_canonical, aliases in found}


def _spans(text, found):
    return sorted(text[s:e] for s, e, _c, _a in found)


@pytest.mark.parametrize(
    "name,ok",
    [("王小明", True), ("林秀英", True), ("玛丽·居里", True), ("王伟", True), ("这个", False), ("今天天气", False), ("王", False), ("Wang Ming", False)],
)
def test_is_han_name(name, ok):
    assert is_han_name(name) is ok


def test_han_name_with_latin_form_in_parentheses():
    text = "（1）玛丽·居里（Marie Curie，1867-）\n居里出生于华沙。后来玛丽·居里移居巴黎。\n"
    found = han_names(text)
    assert {c for _s, _e, c, _a in found} == {"Marie Curie"}
    assert _spans(text, found) == ["居里", "玛丽·居里", "玛丽·居里"]  # the surname part alone too
    assert ("Marie Curie", ("玛丽·居里",)) in _names(found)


def test_chinese_name_given_inside_the_parentheses():
    text = "让·皮埃尔·杜邦（Jean Pierre Dupont，中文名杜思远）是法国人。杜思远后来去了北京。\n"
    found = han_names(text)
    assert {c for _s, _e, c, _a in found} == {"Jean Pierre Dupont"}
    assert _spans(text, found).count("杜思远") == 2


def test_parentheses_without_a_latin_name_give_nothing():
    text = "这本书（第二版，2019）讲的是算法。统计学（Statistics）很重要。\n"
    assert han_names(text) == []


def test_a_line_that_is_a_han_name():
    text = "（2）赵明远（1975-）\n赵明远在上海长大。\n"
    assert _spans(text, han_names(text)) == ["赵明远", "赵明远"]


def test_a_line_that_is_a_word_is_no_name():
    text = "文章\n这是一篇文章。\n工具\n"
    assert han_names(text) == []


def test_recurring_three_character_name_standing_alone():
    text = "我们读了《林秀英传》。书里说，林秀英的老师很严格。后来大家都认识了林秀英。这就是林秀英。\n"
    assert _spans(text, han_names(text)) == ["林秀英"] * 4


def test_recurring_word_inside_longer_words_is_no_name():
    # "高速公" starts with a surname character and recurs, but never stands alone.
    text = "这条高速公路很长。高速公路上车很多。修高速公路要钱。我们说高速公路。\n"
    assert han_names(text) == []


def test_latin_name_in_han_text():
    text = "这是本周的文摘。我们读了很多文章，也写了一些新的笔记和评论。\n—— Maria Gonzalez，某公司的 CEO\n有人用了 Python Tools 写程序。\n"
    assert _spans(text, latin_in_han(text)) == ["Maria Gonzalez"]


def test_latin_name_in_english_text_is_left_to_the_recognizer():
    text = "An essay by Maria Gonzalez，written in 2020, about tools.\n"
    assert latin_in_han(text) == []


def test_wiki_link_person_and_organisation():
    text = "She founded it with [[Tomas Berg]] and [[Stanford University]] alumni; see [[Tomas Berg|Berg]] and [[Oslo]].\n"
    assert _spans(text, wiki_names(text)) == ["Tomas Berg", "Tomas Berg"]


def test_quoted_nickname():
    text = 'Margaret "Peggy" Olsen is a professor. Olsen teaches algebra.\n'
    found = nickname_names(text)
    assert [(c, a) for _s, _e, c, a in found] == [("Margaret Olsen", ('Margaret "Peggy" Olsen', "Peggy Olsen"))]


def test_quoted_word_is_no_nickname():
    text = 'The "Best" Paper award went to the team. Scaling with Consistent "Middle" Enhancement.\n'
    assert nickname_names(text) == []


@pytest.fixture(scope="module")
def run():
    from pipeline.extract import Extractor, Input

    ex = Extractor()
    return lambda text: ex.process(Input(text, "t", "t.md", "0" * 64, "markdown"))


def test_han_people_reach_documents_jsonl(run):
    text = (
        "# 本周人物\n\n"
        "**（1）玛丽·居里**（Marie Curie，1867-）\n\n"
        "居里出生于华沙，后来移居巴黎。她两次获得诺贝尔奖。\n\n"
        "**（2）赵明远**（1975-）\n\n"
        "赵明远在上海长大，是居里的读者。\n"
    )
    rec = run(text)
    by = {p.canonical: p for p in rec.people}
    assert "Marie Curie" in by and "玛丽·居里" in by["Marie Curie"].aliases
    assert "玛丽·居里" in [m.text for m in by["Marie Curie"].mentions]
    assert [m.text for m in by["赵明远"].mentions] == ["赵明远", "赵明远"]
    for p in rec.people:
        for m in p.mentions:
            assert text[m.start : m.end] == m.text
