"""TimeML reader offsets and the TempEval-3 style scorer."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.timeml import Timex, norm_value, parse_timeml, score

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-10" functionInDocument="CREATION_TIME">08/10/1998</TIMEX3></DCT>
<TITLE>Not part of the text 1997</TITLE>
<TEXT>
Sales <EVENT eid="e1" class="OCCURRENCE">rose</EVENT> &amp; fell <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>,
after <TIMEX3 tid="t2" type="DURATION" value="P3M">the past three months</TIMEX3> of <SIGNAL sid="s1">gains</SIGNAL> in <TIMEX3 tid="t3" type="DATE" value="1998-Q2">the second quarter</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_reader_text_and_offsets() -> None:
    d = parse_timeml(DOC)
    assert d.doc_id == "X1"
    assert d.dct == date(1998, 8, 10)
    assert "<" not in d.text and "&amp;" not in d.text and "Sales rose & fell" in d.text
    assert "1997" not in d.text  # only TEXT content counts
    assert [(t.text, t.type, t.value) for t in d.timexes] == [
        ("Friday", "DATE", "1998-08-07"),
        ("the past three months", "DURATION", "P3M"),
        ("the second quarter", "DATE", "1998-Q2"),
    ]
    for t in d.timexes:
        assert d.text[t.start : t.end] == t.text


def test_reader_without_dct() -> None:
    d = parse_timeml("<TimeML><TEXT>On <TIMEX3 tid='t1' type=\"DATE\" value=\"2001\">2001</TIMEX3></TEXT></TimeML>")
    assert d.dct is None
    assert [t.text for t in d.timexes] == ["2001"]


def _t(s: int, e: int, v: str | None, typ: str = "DATE") -> Timex:
    return Timex(s, e, "", typ, v)


@pytest.mark.parametrize(
    "gold,system,strict,relaxed,value",
    [
        ([_t(0, 6, "1998")], [_t(0, 6, "1998")], 1, 1, 1),
        ([_t(0, 6, "1998")], [_t(0, 6, "1997")], 1, 1, 0),
        ([_t(0, 10, "P3M", "DURATION")], [_t(4, 10, "P3M", "DURATION")], 0, 1, 1),
        ([_t(0, 6, "1998")], [_t(7, 9, "1998")], 0, 0, 0),
        # one system mention overlapping two gold ones matches only one of them
        ([_t(0, 4, "1998"), _t(5, 9, "1999")], [_t(0, 9, "1998")], 0, 1, 1),
        ([], [_t(0, 4, "1998")], 0, 0, 0),
    ],
)
def test_score_counts(gold, system, strict, relaxed, value) -> None:
    c = score(gold, system)
    assert (c.strict, c.relaxed, c.value) == (strict, relaxed, value)
    assert (c.gold, c.system) == (len(gold), len(system))


def test_score_table_f1() -> None:
    c = score([_t(0, 6, "1998"), _t(10, 12, "1999")], [_t(0, 6, "1998"), _t(20, 22, "2000")])
    t = c.table()
    assert t["strict_p"] == 0.5 and t["strict_r"] == 0.5 and t["strict_f1"] == 0.5
    assert t["value_f1"] == 0.5


@pytest.mark.parametrize("a,b", [("2000-W8", "2000-W08"), ("present_ref", "PRESENT_REF"), (" 1998 ", "1998"), ("199X", "199"), ("P2DE", "P20Y"), ("P1CE", "P100Y")])
def test_value_normalization(a: str, b: str) -> None:
    assert norm_value(a) == norm_value(b)


@pytest.mark.parametrize("a,b", [("1998", "1999"), ("199X", "1990"), ("P2D", "P2W"), ("1998-W08", "1998-W18")])
def test_value_normalization_keeps_different_values_apart(a: str, b: str) -> None:
    assert norm_value(a) != norm_value(b)
