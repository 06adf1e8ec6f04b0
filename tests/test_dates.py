"""Date stage: forms found, values normalized, non-dates left alone, speed and dev-corpus F1."""

from __future__ import annotations

import importlib.util
import itertools
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.dates import extract_dates

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DCT = date(2024, 5, 15)  # a Wednesday


def pairs(text: str, dct: date | None = None, timeml: bool = False) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in extract_dates(text, dct, timeml)]


HOMEPAGE = [
    ("- *2025.05*: Paper accepted.", [("2025.05", "2025-05")]),
    ("**2023.08** we moved", [("2023.08", "2023-08")]),
    ("News 2023/08: talk", [("2023/08", "2023-08")]),
    ("Aug. 2023: joined", [("Aug. 2023", "2023-08")]),
    ("Sept. 2021 started", [("Sept. 2021", "2021-09")]),
    ("updated 2023-08", [("2023-08", "2023-08")]),
    ("2020.09 - 2021.07, MSc", [("2020.09 - 2021.07", "2020-09/2021-07")]),
    ("2021.10 - now, PhD", [("2021.10 - now", "2021-10/present")]),
    ("2023.09 - current, student", [("2023.09 - current", "2023-09/present")]),
    ("2019-Present: Lab", [("2019-Present", "2019/present")]),
    ("Sep 2019 – Jun 2023", [("Sep 2019 – Jun 2023", "2019-09/2023-06")]),
    ("Sep. 2016 - Feb. 2020", [("Sep. 2016 - Feb. 2020", "2016-09/2020-02")]),
    ("Engineer (Mar. 2020 - )", [("Mar. 2020 -", "2020-03/present")]),
    ("a 2nd year (2022-) student", [("2022-", "2022/present")]),
    ("(2020-)", [("2020-", "2020/present")]),
    ("Intern (24.05 - Present)", [("24.05 - Present", "2024-05/present")]),
    ("Project (23.06 - 24.05):", [("23.06 - 24.05", "2023-06/2024-05")]),
    ("2006 - 2011 scholarship", [("2006 - 2011", "2006/2011")]),
    ("2019–21 fellow", [("2019–21", "2019/2021")]),
    ("Paper at ICLR 2025.", [("2025", "2025")]),
    ("Paper at NeurIPS '22.", [("'22", "2022")]),
    ("Paper at MICCAI-2022.", [("2022", "2022")]),
    ("Reviewer: 2023,2022,2021", [("2023", "2023"), ("2022", "2022"), ("2021", "2021")]),
    ("Reviewer: 2024, 2023", [("2024", "2024"), ("2023", "2023")]),
    ("Fall 2024 TA", [("Fall 2024", "2024-FA")]),
    ("2024 Fall TA", [("2024 Fall", "2024-FA")]),
    ("Spring '23 course", [("Spring '23", "2023-SP")]),
    ("Published: 20161014", [("20161014", "2016-10-14")]),
    ("2020/05/03 update", [("2020/05/03", "2020-05-03")]),
    ("posted 05/03/2020", [("05/03/2020", "2020-05-03")]),
    ("posted 25/03/2020", [("25/03/2020", "2020-03-25")]),
    ("due 09/2019", [("09/2019", "2019-09")]),
    ("发布于2026-03-24 15:15", [("2026-03-24 15:15", "2026-03-24T15:15")]),
    ("2021年5月3日", [("2021年5月3日", "2021-05-03")]),
]

PROSE = [
    ("It launched on June 11, 2025.", [("June 11, 2025", "2025-06-11")]),
    ("In September 2021, she joined.", [("September 2021", "2021-09")]),
    ("born 4 January 1990 in Lagos", [("4 January 1990", "1990-01-04")]),
    ("in October, 2016 he", [("October, 2016", "2016-10")]),
    ("the 3rd of March 2019", [("the 3rd of March 2019", "2019-03-03")]),
    ("Tuesday, March 5, 2019", [("Tuesday, March 5, 2019", "2019-03-05")]),
    ("in the second half of 2025", [("the second half of 2025", "2025-H2")]),
    ("in H1 2024", [("H1 2024", "2024-H1")]),
    ("By the end of 2022 it", [("the end of 2022", "2022")]),
    ("at the beginning of 2023", [("the beginning of 2023", "2023")]),
    ("in early 2020", [("early 2020", "2020")]),
    ("since mid-2019 the", [("Since mid-2019".lower(), "2019/present")]),
    ("in the late 1990s", [("the late 1990s", "199X")]),
    ("during the 1990s", [("the 1990s", "199X")]),
    ("in the '80s", [("the '80s", "198X")]),
    ("the 20th century", [("the 20th century", "19")]),
    ("the twenty-first century", [("the twenty-first century", "20")]),
    ("in the summer of 2018", [("the summer of 2018", "2018-SU")]),
    ("revenue in Q3 2024", [("Q3 2024", "2024-Q3")]),
    ("the third quarter of 2023", [("the third quarter of 2023", "2023-Q3")]),
    ("in fiscal 2023", [("fiscal 2023", "2023")]),
    ("FY2022 results", [("FY2022", "2022")]),
    ("From 2009 to 2011 he", [("From 2009 to 2011", "2009/2011")]),
    ("between 2016 and 2018", [("between 2016 and 2018", "2016/2018")]),
    ("Since 2018, she", [("Since 2018", "2018/present")]),
    ("held May 3-5, 2021 in", [("May 3-5, 2021", "2021-05-03/2021-05-05")]),
    ("held 3-5 May 2021 in", [("3-5 May 2021", "2021-05-03/2021-05-05")]),
    ("from March to June 2020", [("from March to June 2020", "2020-03/2020-06")]),
    ("he was born in 1963.", [("1963", "1963")]),
    ("Category:1963 births", [("1963", "1963")]),
    ("In 2014 to 2018 he studied", [("2014 to 2018", "2014/2018")]),
]

RELATIVE = [
    ("He joined last year.", [("last year", "2023")]),
    ("We met on Tuesday.", [("Tuesday", "2024-05-14")]),
    ("She will speak on Friday.", [("Friday", "2024-05-17")]),
    ("It shipped two weeks ago.", [("two weeks ago", "2024-W18")]),
    ("It shipped 3 days ago.", [("3 days ago", "2024-05-12")]),
    ("The release is next month.", [("next month", "2024-06")]),
    ("growth in the coming quarter", [("the coming quarter", "2024-Q3")]),
    ("sales this year rose", [("this year", "2024")]),
    ("last week he said", [("last week", "2024-W19")]),
    ("yesterday's vote", [("yesterday", "2024-05-14")]),
    ("on March 3 the board", [("March 3", "2024-03-03")]),
    ("last summer they", [("last summer", "2023-SU")]),
]

NOT_DATES = [
    "The challenge got 2253 submissions.",
    "Ranked Top 14% of the field.",
    "A 20B parameter model.",
    "Call 15600307011 now.",
    "Phone: (415) 555-1234",
    "The Seedance 2.0 model and V2 release.",
    "See arXiv 2308.07156 for details.",
    "arXiv:2012.07156",
    "[pdf](https://arxiv.org/abs/2012.07156)",
    "photo at https://example.com/2021/05/pic.png",
    "mail me: jane2021@example.com",
    "He reached the 4 - 2 rank.",
    "It cost $2000 and 2000 dollars.",
    "More than 2000 people came.",
    "He has 5 years of experience.",
    "It took 60 seconds.",
    "For two months she waited.",
    "Meet at 10:30 am.",
    "Glued venue tags like EMNLP22 and CVPR2023.",
    "Page 1999 of the book, pp. 2001",
    "Silver medal (10/1300+)",
    "3.14 and 25.06 are numbers",
    "score of 1,2019",
    "room 2010 is free",
    "We went there. You may leave.",
    "Two months after joining, she left.",
    "He is now currently working.",
]


@pytest.mark.parametrize("text,expected", HOMEPAGE + PROSE)
def test_calendar_expressions(text: str, expected: list[tuple[str, str]]) -> None:
    got = pairs(text)
    assert [(t.lower(), v) for t, v in got] == [(t.lower(), v) for t, v in expected]


@pytest.mark.parametrize("text,expected", RELATIVE)
def test_relative_expressions_resolve_against_dct(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text, DCT) == expected


@pytest.mark.parametrize("text", ["He joined last year.", "on March 3 the board", "We met on Tuesday."])
def test_relative_expressions_need_a_dct(text: str) -> None:
    """Without a document date, year-less and relative forms are left out."""
    assert pairs(text) == []


TIMEML_DCT = date(1998, 8, 10)  # a Monday

TIMEML = [
    ("Sales rose last year.", [("last year", "1997", "DATE")]),
    ("He left Friday.", [("Friday", "1998-08-07", "DATE")]),
    ("It is now clear.", [("now", "PRESENT_REF", "DATE")]),
    ("He has recently moved.", [("recently", "PAST_REF", "DATE")]),
    ("during the past three months", [("the past three months", "P3M", "DURATION")]),
    ("for two weeks", [("two weeks", "P2W", "DURATION")]),
    ("a five-year low", [("five-year", "P5Y", "DURATION")]),
    ("the last twenty four hours", [("the last twenty four hours", "PT24H", "DURATION")]),
    ("for several years", [("several years", "PXY", "DURATION")]),
    ("It is updated daily.", [("daily", "P1D", "SET")]),
    ("He runs every week.", [("every week", "P1W", "SET")]),
    ("at 10:35 a.m. the plane", [("10:35 a.m.", "1998-08-10T10:35", "TIME")]),
    ("yesterday morning", [("yesterday morning", "1998-08-09TMO", "TIME")]),
    ("profit in the third quarter", [("the third quarter", "1998-Q3", "DATE")]),
    ("third-quarter profit", [("third-quarter", "1998-Q3", "DATE")]),
    ("It happened two weeks ago.", [("two weeks ago", "1998-W31", "DATE")]),
    ("in January he left", [("January", "1998-01", "DATE")]),
    ("from 1995 to 1997", [("1995", "1995", "DATE"), ("1997", "1997", "DATE")]),
    ("the 1996 budget", [("1996", "1996", "DATE")]),
    ("in nineteen ninety-six", [("nineteen ninety-six", "1996", "DATE")]),
    ("by the year two thousand", [("the year two thousand", "2000", "DATE")]),
    ("two thousand people", []),
    ("at 10 p.m. Sunday", [("10 p.m. Sunday", "1998-08-09T22:00", "TIME")]),
    ("in mid-1996", [("mid-1996", "1996", "DATE")]),
    ("several years ago", [("several years ago", "PAST_REF", "DATE")]),
    ("Minister Jan Kavan said", []),
    ("the quarterly dividend", []),
    ("as previously reported", []),
]


@pytest.mark.parametrize("text,expected", TIMEML)
def test_timeml_mode(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(m.text, m.value, m.type) for m in extract_dates(text, TIMEML_DCT, timeml=True)] == expected


@pytest.mark.parametrize("text", ["for two weeks", "a five-year low", "It is now clear.", "It is updated daily.", "at 10:35 a.m."])
def test_timeml_only_forms_are_not_default_mentions(text: str) -> None:
    assert extract_dates(text, TIMEML_DCT) == []


@pytest.mark.parametrize("text", NOT_DATES)
def test_non_dates_yield_nothing(text: str) -> None:
    assert pairs(text, DCT) == []


def test_mentions_sorted_non_overlapping_longest() -> None:
    text = "2018.09 - 2022.06, PhD; ICLR 2023; (2020-) and June 11, 2025."
    ms = extract_dates(text)
    assert [m.text for m in ms] == ["2018.09 - 2022.06", "2023", "2020-", "June 11, 2025"]
    for a, b in itertools.pairwise(ms):
        assert a.end <= b.start


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_and_offsets_are_exact(text: str) -> None:
    for dct in (None, DCT):
        for timeml in (False, True):
            ms = extract_dates(text, dct, timeml)
            for m in ms:
                assert 0 <= m.start < m.end <= len(text)
                assert text[m.start : m.end] == m.text
            assert [m.start for m in ms] == sorted(m.start for m in ms)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["2021", ".", "09", " - ", "now", "Sep", " ", "May", "3", ",", "'22", "Q3", "the end of", "\n", "(", ")", "since", "20161014"]), max_size=20))
def test_date_like_noise_never_raises(parts: list[str]) -> None:
    text = "".join(parts)
    for m in extract_dates(text, DCT):
        assert text[m.start : m.end] == m.text


def _load_scorer():
    spec = importlib.util.spec_from_file_location("score_facts", SHARED / "tools" / "score_facts.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def _raw_document(dev: Path, gold: dict) -> Path | None:
    for p in sorted(dev.glob(gold["doc_id"] + ".*")):
        if not p.name.endswith(".gold.json"):
            return p
    src = gold.get("source", "")
    if src.startswith("seeds/") and (SHARED / src).exists():
        return SHARED / src
    return None


@pytest.mark.shared
def test_dev_corpus_date_value_f1() -> None:
    """Value F1 of the date stage on the dev gold, scored like the reference scorer."""
    dev = SHARED / "corpus" / "dev"
    if not (dev.is_dir() and (SHARED / "tools" / "score_facts.py").exists()):
        pytest.skip("development corpus ../shared/corpus/dev is not present")
    sf = _load_scorer()
    gold_n = sys_n = right = 0
    for gp in sorted(dev.glob("*.gold.json")):
        gold = json.loads(gp.read_text(encoding="utf-8"))
        raw = _raw_document(dev, gold)
        assert raw is not None, f"no document for {gp.name}"
        dct = date.fromisoformat(gold["dct"]) if gold.get("dct") else None
        found = [m.model_dump() for m in extract_dates(raw.read_text(encoding="utf-8"), dct)]
        gd = list({(sf.norm(x["text"]), sf.norm(x["value"])): x for x in gold.get("dates", [])}.values())
        sd = list({(sf.norm(x["text"]), sf.norm(x["value"])): x for x in found}.values())
        gold_n += len(gd)
        sys_n += len(sd)
        used: set[int] = set()
        for x in gd:
            gt = sf.norm(x["text"])
            cands = []
            for i, d in enumerate(sd):
                t = sf.norm(d["text"])
                if i not in used and t and (gt in t or t in gt):
                    cands.append((sf.date_eq(x["value"], d["value"]), t == gt, -i, i))
            if cands:
                ok, _, _, i = max(cands)
                used.add(i)
                right += ok
    p, r = right / sys_n, right / gold_n
    f1 = 2 * p * r / (p + r)
    assert f1 >= 0.92, f"date value F1 {f1:.3f} (P {p:.3f} R {r:.3f})"


@pytest.mark.parametrize(
    "text,dct,expected",
    [
        ("11/24 SBIR proposal", None, [("11/24", "2024-11")]),
        ("footer as of 1/25", None, [("1/25", "2025-01")]),
        ("4/18/24 AI in cinema", None, [("4/18/24", "2024-04-18")]),
        ("mix 1/2 cup of flour", None, []),
        ("??/2019 Proposal", None, [("2019", "2019")]),
        ("于2023年通过项目入学", None, [("2023年", "2023")]),
        ("Competition 2022 (Spring) winner", None, [("2022 (Spring)", "2022-SP")]),
        ("KDD'25 tutorial", None, [("'25", "2025")]),
        ("NSF CAREER Award’14", None, [("’14", "2014")]),
        ("Hinton（1947-）", None, [("1947-", "1947/present")]),
        ("上个世纪80年代的研究", None, [("80年代", "198X")]),
        ("在1990年代", None, [("1990年代", "199X")]),
        ("TA (Spring, 2011)", None, [("Spring, 2011", "2011-SP")]),
        ("Intern 7/2019 -8/2019 at MSR", None, [("7/2019 -8/2019", "2019-07/2019-08")]),
        ("CVPR 2018/2019/2022", None, [("2018", "2018"), ("2019", "2019"), ("2022", "2022")]),
        ("Warren (1894) professor", None, [("1894", "1894")]),
        ("networks during 1980-90s", None, [("1980-90s", "198X/199X")]),
        ("Category:21st-century businesspeople", None, []),
        ("Just Enough Math (2014). Seven years later the field grew.", None, [("2014", "2014"), ("Seven years later", "2021")]),
        ("She moved in March 2010. Two months later she left.", None, [("March 2010", "2010-03"), ("Two months later", "2010-05")]),
        ("In 2001 he won. The following year he lost.", None, [("2001", "2001"), ("The following year", "2002")]),
        ("It opened in 2015; the following spring it closed.", None, [("2015", "2015"), ("the following spring", "2016-SP")]),
        ("Two years later he left.", None, []),
        ("Acme today announced a deal.", date(2021, 6, 2), [("today", "2021-06-02")]),
        ("where data teams are today while", date(2021, 6, 2), []),
        ("common in today's AI circle", date(2021, 6, 2), []),
        ("SAN FRANCISCO — June 2, 2021 - Today Acme Inc. said", date(2021, 6, 2), [("June 2, 2021", "2021-06-02"), ("Today", "2021-06-02")]),
        ("2019 - today: Lab", date(2021, 6, 2), [("2019 - today", "2019/present")]),
        ("ready by the end of year.", date(2021, 6, 2), [("the end of year", "2021")]),
    ],
)
def test_list_dates_narrative_anchors_and_release_days(text: str, dct: date | None, expected: list) -> None:
    assert pairs(text, dct) == expected
