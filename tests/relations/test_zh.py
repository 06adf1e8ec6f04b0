"""Chinese frames: for each, sentences of our own stating the fact, and a negative twin that must give nothing."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.relations.lexicon import ZH_LISTS, zh_word_lists

PAGE = "# 张伟\n\n{body}\n"

# (body, relation, object canonical, qualifiers the fact must carry, None: must not carry); object None: no fact of the relation
CASES = [
    # employed_by: "现任/担任 ORG TITLE"
    ("他现任东湖大学副教授。", "employed_by", "东湖大学", {"title": "副教授"}),
    ("2019年至今，担任北辰科技公司首席科学家。", "employed_by", "北辰科技公司", {"title": "首席科学家", "start": "2019", "end": "present"}),
    ("他曾任南港研究院研究员。", "employed_by", "南港研究院", {"title": "研究员"}),
    ("他批评了东湖大学副教授的观点。", "employed_by", None, {}),
    # a list of posts after 现任, a unit of the university before the title
    ("张伟，男，1978年出生，现任东湖大学计算机学院教授、博士生导师，星河实验室主任。", "employed_by", "东湖大学", {"title": "教授", "start": None}),
    ("张伟，男，1978年出生，现任东湖大学计算机学院教授、博士生导师，星河实验室主任。", "employed_by", "星河实验室", {"title": "主任"}),
    ("他在东湖大学物理系担任副教授。", "employed_by", "东湖大学", {"title": "副教授"}),
    ("他现任东湖大学教授，喜欢星河实验室的咖啡。", "employed_by", "星河实验室", None),
    ("1995年起任东湖大学副教授。", "employed_by", "东湖大学", {"title": "副教授", "start": "1995"}),
    ("1992年至1995年在北辰科技公司从事研究工作。", "employed_by", "北辰科技公司", {"start": "1992", "end": "1995"}),
    # a name or pronoun modifying the subject: the clause is about someone else
    ("张伟的学生周晓，2015年加入北辰科技公司。", "employed_by", None, {}),
    ("他领导的团队获得银河科学奖。", "award_received", None, {}),
    ("张伟的学生周晓，2015年进入东湖大学，成为张伟的博士生。", "educated_at", None, {}),
    # "在 ORG 担任 TITLE", "来到 ORG 任教"
    ("2015年，他在西山理工学院担任讲师。", "employed_by", "西山理工学院", {"title": "讲师", "start": "2015"}),
    ("他后来来到了东湖大学任教。", "employed_by", "东湖大学", {}),
    ("他在星河实验室工作。", "employed_by", "星河实验室", {}),
    ("他在东湖大学参观。", "employed_by", None, {}),
    # "是/成为 ORG 的 TITLE"
    ("他是东湖大学教授。", "employed_by", "东湖大学", {"title": "教授"}),
    ("他现在是 Kestrel 公司的副总裁。", "employed_by", "Kestrel 公司", {"title": "副总裁", "end": "present"}),
    ("2016年，他成为北辰科技公司的首席技术官。", "employed_by", "北辰科技公司", {"title": "首席技术官", "start": "2016"}),
    ("他是东湖大学的校友。", "employed_by", None, {}),
    # "加入 ORG"
    ("2018年，他加入北辰科技公司，成为研究员。", "employed_by", "北辰科技公司", {"title": "研究员", "start": "2018"}),
    ("他于2020年加入 Orbitex。", "employed_by", "Orbitex", {"start": "2020"}),
    ("2021年，他加盟南港研究院。", "employed_by", "南港研究院", {"start": "2021"}),
    ("他没有加入北辰科技公司。", "employed_by", None, {}),
    # a later "离开 ORG" ends the job there
    ("2015年，他加入 Orbitex。2019年，他离开 Orbitex，创办了星河实验室。", "employed_by", "Orbitex", {"start": "2015", "end": "2019"}),
    ("2012年，他加入北辰科技公司。他于2016年离开了北辰科技公司。", "employed_by", "北辰科技公司", {"start": "2012", "end": "2016"}),
    ("2010年，他成为南港研究院研究员。2014年，他离开南港研究院。", "employed_by", "南港研究院", {"start": "2010", "end": "2014"}),
    ("2015年，他加入 Orbitex。2019年，他离开东湖大学。", "employed_by", "Orbitex", {"start": "2015", "end": None}),
    # "创立 ORG": founder
    ("2016年，他创立了北辰科技公司。", "employed_by", "北辰科技公司", {"title": "创始人", "start": "2016"}),
    ("他与同学联合创立了星河实验室。", "employed_by", "星河实验室", {"title": "联合创始人"}),
    ("他创办 Lumora。", "employed_by", "Lumora", {"title": "创始人"}),
    ("他参观了北辰科技公司。", "employed_by", None, {}),
    # identity line: "ORG TITLE" items
    ("- 身份: 东湖大学教授，星河实验室主任。", "employed_by", "东湖大学", {"title": "教授"}),
    ("- 身份: 东湖大学教授，星河实验室主任。", "employed_by", "星河实验室", {"title": "主任"}),
    ("- 职务：前 Orbitex Cloud 首席科学家", "employed_by", "Orbitex Cloud", {"title": "首席科学家"}),
    ("- 爱好: 东湖大学教授的书。", "employed_by", None, {}),
    # educated_at
    ("他2005年毕业于东湖大学，获博士学位。", "educated_at", "东湖大学", {"degree": "博士", "end": "2005", "start": None}),
    ("2001年至2005年，他在西山理工学院攻读硕士学位。", "educated_at", "西山理工学院", {"degree": "硕士", "start": "2001", "end": "2005"}),
    ("他在东湖大学读完了本科。", "educated_at", "东湖大学", {"degree": "本科"}),
    ("他批评了东湖大学。", "educated_at", None, {}),
    ("2007年，他进入东湖大学，成为刘小洋的博士生。", "educated_at", "东湖大学", {"degree": "博士", "start": "2007"}),
    ("他是东湖大学博士生导师。", "educated_at", None, {}),
    ("他没在东湖大学读博士。", "educated_at", None, {}),
    ("他在东湖大学担任博士后。", "educated_at", None, {}),
    ("1987年本科毕业于西山理工学院。", "educated_at", "西山理工学院", {"degree": "本科", "end": "1987"}),
    # award_received
    ("他领导的团队成立后，他获得2018年度银河科学奖。", "award_received", "银河科学奖", {"date": "2018"}),
    ("他获得了金桥奖（2018年）和银河物理学奖（2021年）。", "award_received", "金桥奖", {"date": "2018"}),
    ("他获得了金桥奖（2018年）和银河物理学奖（2021年）。", "award_received", "银河物理学奖", {"date": "2021"}),
    ("2019年，他荣获东湖青年科学家奖。", "award_received", "东湖青年科学家奖", {"date": "2019"}),
    ("他获得了企业的采用。", "award_received", None, {}),
    ("他获得了博士学位。", "award_received", None, {}),
    ("- 奖项/荣誉: ACM/IEEE Fellow，《东湖日报》年度人物等。", "award_received", "IEEE Fellow", {}),
    ("- 奖项/荣誉: ACM/IEEE Fellow，《东湖日报》年度人物等。", "award_received", "年度人物", {"org": "东湖日报"}),
    ("- 爱好: 金桥奖的历史。", "award_received", None, {}),
    # date_of_birth
    ("张伟，男，1980年出生。", "date_of_birth", "1980", {}),
    ("他生于1975年，后移居海外。", "date_of_birth", "1975", {}),
    ("他1982年生于南方。", "date_of_birth", "1982", {}),
    ("他1980年出国留学。", "date_of_birth", None, {}),
    # research_interest
    ("- 研究方向：机器学习、计算机视觉、自然语言处理", "research_interest", "计算机视觉", {}),
    ("他的研究方向是图神经网络和因果推断。", "research_interest", "因果推断", {}),
    ("他主要从事强化学习的研究。", "research_interest", "强化学习", {}),
    ("他从事软件销售。", "research_interest", None, {}),
    ("他从事研究工作。", "research_interest", None, {}),
    # leads
    ("他现任星河实验室主任。", "leads", "星河实验室", {"role": "主任"}),
    ("- 贡献: Lumora 发起人与负责人，推动开源。", "leads", "Lumora", {"role": "发起人与负责人"}),
    ("他负责北辰科技公司的视觉团队。", "leads", "视觉团队", {}),
    ("他领导 Orbitex。", "leads", "Orbitex", {}),
    ("他曾担任东湖大学信息学院院长。", "leads", "东湖大学信息学院", {"role": "院长"}),
    ("他倡导负责任的人工智能。", "leads", None, {}),
    # developed: a verb of making and a made thing of a known kind; "是 M 的主要作者之一"
    ("1984年，他在东湖大学担任博士后，与两个同事一起提出了稀疏注意力算法。", "developed", "稀疏注意力算法", {"date": "1984"}),
    ("他研发出了可折叠电池芯片（原型）。", "developed", "可折叠电池芯片", {}),
    ("后来他是 GraphVault 的主要作者之一。", "developed", "GraphVault", {}),
    ("他没有提出这个算法。", "developed", None, {}),
    ("他使用了稀疏注意力算法。", "developed", None, {}),
    ("他提出了辞职。", "developed", None, {}),
    ("他提出了一种新的算法。", "developed", None, {}),
    ("他是 GraphVault 的用户之一。", "developed", None, {}),
]


# items of Chinese sections: (heading, item, relation, object, qualifiers); the same item under another heading gives nothing
ITEMS = [
    ("教育经历", "- 2015年9月至2019年6月 东湖大学 计算机科学 博士", "educated_at", "东湖大学", {"degree": "博士", "start": "2015-09", "end": "2019-06"}),
    ("教育背景", "- 2011年至2015年，西山理工学院，学士", "educated_at", "西山理工学院", {"degree": "学士", "start": "2011", "end": "2015"}),
    ("教育经历", "- 南港研究院 硕士（2009年至2012年）", "educated_at", "南港研究院", {"degree": "硕士", "start": "2009", "end": "2012"}),
    ("工作经历", "- 2019年至今 北辰科技公司 首席科学家", "employed_by", "北辰科技公司", {"title": "首席科学家", "start": "2019", "end": "present"}),
    ("工作经历", "- 2016年至2019年，东湖大学，副教授", "employed_by", "东湖大学", {"title": "副教授", "start": "2016", "end": "2019"}),
    ("实习经历", "- 2014年 星河实验室 实习生", "employed_by", "星河实验室", {"title": "实习生", "start": "2014"}),
    ("获奖情况", "- 2019年 东湖青年科学家奖", "award_received", "东湖青年科学家奖", {"date": "2019"}),
    ("荣誉", "- 银河物理学奖（2021年）", "award_received", "银河物理学奖", {"date": "2021"}),
    ("获奖", "- 2018年 金桥奖、2020年 星光奖", "award_received", "星光奖", {"date": "2020"}),
    ("研究方向", "- 机器学习、计算机视觉", "research_interest", "计算机视觉", {}),
    ("研究兴趣", "- 因果推断", "research_interest", "因果推断", {}),
    ("研究方向", "- 图神经网络和强化学习", "research_interest", "强化学习", {}),
]


@pytest.mark.parametrize(("heading", "item", "relation", "obj", "quals"), ITEMS)
def test_zh_section_item(extract, heading, item, relation, obj, quals) -> None:
    facts = [f for f in extract(f"# 张伟\n\n## {heading}\n\n{item}\n", "markdown") if f.relation == relation and f.rule.startswith("zh.")]
    hit = [f for f in facts if f.object.canonical == obj]
    assert hit, [(f.object.canonical, f.rule) for f in facts]
    assert hit[0].subject.canonical == "张伟"
    got = hit[0].qualifiers.model_dump(exclude_none=True)
    for k, v in quals.items():
        assert got.get(k) == v, got
    twin = [f for f in extract(f"# 张伟\n\n## 爱好\n\n{item}\n", "markdown") if f.relation == relation and f.rule.startswith("zh.")]
    assert twin == [], [(f.object.canonical, f.rule) for f in twin]


def _facts(extract, body: str):
    return [f for f in extract(PAGE.format(body=body), "markdown")]


@pytest.mark.parametrize(("body", "relation", "obj", "quals"), CASES)
def test_zh_frame(extract, body, relation, obj, quals) -> None:
    facts = [f for f in _facts(extract, body) if f.relation == relation]
    if obj is None or quals is None:
        assert [f for f in facts if obj is None or f.object.canonical == obj] == [], [(f.object.canonical, f.rule) for f in facts]
        return
    hit = [f for f in facts if (f.object.canonical or f.object.text) == obj]
    assert hit, [(f.object.canonical, f.rule) for f in facts]
    f = hit[0]
    assert f.subject.canonical == "张伟"
    assert f.rule.startswith("zh.")
    got = f.qualifiers.model_dump(exclude_none=True)
    for k, v in quals.items():
        assert got.get(k) == v, got


def test_zh_evidence_is_the_raw_slice(extract) -> None:
    text = PAGE.format(body="他现任东湖大学副教授。")
    (f,) = [f for f in extract(text, "markdown") if f.relation == "employed_by"]
    assert text[f.evidence.start : f.evidence.end] == f.evidence.text
    assert text[f.object.start : f.object.end] == "东湖大学"


def test_zh_subject_named_in_a_clause_and_by_heading(extract) -> None:
    text = "# 多人简介\n\n**（1）刘小洋**（1960-）\n\n1984年，他在东湖大学担任博士后。\n\n**（2）陈文静**（1971-）\n\n她现任北辰科技公司副总裁。\n"
    got = {(f.relation, f.subject.canonical, f.object.canonical) for f in extract(text, "markdown") if f.rule.startswith("zh.")}
    assert ("employed_by", "刘小洋", "东湖大学") in got
    assert ("employed_by", "陈文静", "北辰科技公司") in got
    assert ("date_of_birth", "刘小洋", "1960") in got
    assert ("date_of_birth", "陈文静", "1971") in got


def test_zh_lexicon_rejects_unknown_and_missing_lists(tmp_path) -> None:
    good = {name: ["词"] for name in ZH_LISTS}
    path = tmp_path / "zh.jsonl"
    path.write_text("\n".join(json.dumps({"list": k, "words": v}, ensure_ascii=False) for k, v in good.items()), encoding="utf-8")
    assert set(zh_word_lists(path)) == ZH_LISTS
    path.write_text(path.read_text(encoding="utf-8") + '\n{"list": "stray", "words": ["x"]}', encoding="utf-8")
    with pytest.raises(ValueError, match="stray"):
        zh_word_lists(path)
    path.write_text('{"list": "titles", "words": []}', encoding="utf-8")
    with pytest.raises(ValueError):
        zh_word_lists(path)
    rows = [json.dumps({"list": k, "words": v}, ensure_ascii=False) for k, v in good.items() if k != "titles"]
    path.write_text("\n".join(rows), encoding="utf-8")
    with pytest.raises(ValueError, match="titles"):
        zh_word_lists(path)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2015年至2019年，在东湖大学。", "2015", "2019"),
        ("2015年9月至2019年6月，在东湖大学。", "2015-09", "2019-06"),
        ("2019年至今，在东湖大学。", "2019", "present"),
        ("2019年-至今，在东湖大学。", "2019", "present"),
        ("2012年—2016年，在东湖大学。", "2012", "2016"),
        ("2018年，在东湖大学。", "2018", None),
        ("在东湖大学。", None, None),
    ],
)
def test_zh_date_range(extractor, text: str, start: str | None, end: str | None) -> None:
    from pipeline.document import new_doc, prepare
    from pipeline.extract import Input
    from pipeline.relations.zh.spans import range_at

    ct = prepare(Input(text, "t", "t.txt", "0" * 64, "text"), extractor.settings)
    doc = extractor.nlp(new_doc(extractor.nlp, ct, ct.dct))
    a, b, _ = range_at(doc, 0, len(doc.text))
    assert (a, b) == (start, end)


_ALPHABET = "张伟他她在于任担现是的东湖大学公司教授主任获得奖年月至今出生研究方向：，。、（）-— 0123456789ABCxyz\n"


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_zh_reader_on_any_text(extract, body: str) -> None:
    """Whatever the Chinese text, the rules give facts whose evidence and object are slices of it."""
    text = PAGE.format(body=body)
    for f in extract(text, "markdown"):
        if f.rule.startswith("zh."):
            assert text[f.evidence.start : f.evidence.end] == f.evidence.text
            if f.object.start is not None:
                assert text[f.object.start : f.object.end] == f.object.text


def test_subpackage_modules_are_discovered() -> None:
    """The zh package imports none of its modules: their rules register because the registry walks subpackages."""
    from pipeline.relations.registry import rules

    modules = {r.fn.__module__ for r in rules()}
    for name in ("employment", "education", "awards", "birth", "interests", "leads"):
        assert f"pipeline.relations.zh.{name}" in modules
    assert all(r.kind != "sentence" for r in rules() if r.name.startswith("zh."))  # none waits on the parse gate
