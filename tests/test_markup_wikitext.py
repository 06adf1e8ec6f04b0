"""Wikitext pages and Markdown with wiki links: what is kept, what is dropped, and that every character maps back."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.markup import to_plain
from pipeline.markup.wikitext import looks_like_wikitext, render, unwrap_links


def lines(raw: str, fmt: str = "text") -> list[str]:
    text = to_plain(raw, fmt).map.text
    return [re.sub(" +", " ", ln.strip()) for ln in text.split("\n") if ln.strip()]


def assert_copied_words_map_back(raw: str, fmt: str = "text") -> None:
    m = to_plain(raw, fmt).map
    for w in re.finditer(r"[A-Za-z0-9]+", m.text):
        s, e = m.source_span(w.start(), w.end())
        if e - s == len(w.group(0)):
            assert raw[s:e] == w.group(0)


PAGE = """{{Infobox scientist
| name = Mara Quell
| birth_date = {{birth date and age|1971|3|9}}
| employer = [[Orvale Institute|Orvale]]
| alma_mater = {{plainlist|
* [[University of Lantry]] (BSc)
* [[Kessin University]] (PhD)}}
}}
'''Mara Quell''' (born 9 March 1971) is a computer scientist at [[Orvale Institute]].<ref>{{cite web|url=http://x.org|title=Y}}</ref>
She leads the [[Vision Lab|vision laboratory]].

== Career ==
Quell joined [[Pintar Labs]] in 2001
as a research scientist.<!-- to check -->
* Item with ''italic'' and [http://example.org the site]
{| class="wikitable"
|-
! Year !! Award
|-
| 2010 || [[Hollis Prize]]
|}
[[Category:Living people]]
"""


def test_page_lines():
    assert lines(PAGE) == [
        "name: Mara Quell",
        "birth date: 1971-03-09",
        "employer: Orvale",
        "alma mater: University of Lantry (BSc), Kessin University (PhD)",
        "Mara Quell (born 9 March 1971) is a computer scientist at Orvale Institute. She leads the vision laboratory.",
        "Career",
        "Quell joined Pintar Labs in 2001 as a research scientist.",
        "- Item with italic and the site",
        "Year | Award",
        "2010 | Hollis Prize",
    ]


def test_page_spans_map_back():
    m = to_plain(PAGE, "text")
    assert m.fmt == "wikitext"
    txt = m.map.text
    assert [txt[a:b] for a, b, _ in m.headings] == ["Career"]
    assert [txt[a:b] for a, b in m.bold] == ["Mara Quell"]
    for a, b, target in m.links:
        s, e = m.map.source_span(a, b)
        assert PAGE[s:e] == txt[a:b]
        assert target
    assert ("vision laboratory", "Vision Lab") in [(txt[a:b], t) for a, b, t in m.links]
    assert_copied_words_map_back(PAGE)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("== Life ==\nBorn in {{lang|fr|Sainte-Rive}}.\n[[Acme]] hired him.\n", ["Life", "Born in Sainte-Rive. Acme hired him."]),
        ("== Work ==\nShe joined [[Tolvik Systems]]{{citation needed|date=May 2020}} in 2004.\n", ["Work", "She joined Tolvik Systems in 2004."]),
        ("=== Awards ===\n# [[Fenn Medal]] (2011)\n# Orlan Prize\n[[File:Face.jpg|thumb|A [[portrait]]]]\n", ["Awards", "- Fenn Medal (2011)", "- Orlan Prize"]),
        ("== Notes ==\nText<ref name=a/> here&nbsp;now.__NOTOC__\n", ["Notes", "Text here now."]),
    ],
)
def test_wikitext_constructs(raw, expected):
    assert lines(raw) == expected
    assert_copied_words_map_back(raw)


@pytest.mark.parametrize(
    "raw, wiki",
    [
        ("== Career ==\n'''Ana Voss''' is an engineer.\n", True),
        ("{{Infobox person\n| name = Ana Voss\n}}\nAna Voss is an engineer.\n", True),
        ("== Career ==\nShe joined [[Acme]].\n", True),
        # negative twins: Markdown and plain text
        ("# Career\n\n**Ana Voss** is an engineer.\n", False),
        ("Career\n======\n\nAna Voss is an engineer.\n", False),
        ("Ana Voss == a name == nothing else\n", False),
    ],
)
def test_looks_like_wikitext(raw, wiki):
    assert looks_like_wikitext(raw) is wiki


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Lena Ork joined [[Acme Labs]] in 2012.", "Lena Ork joined Acme Labs in 2012."),
        ("He studied at [[Dorran University|Dorran]].", "He studied at Dorran."),
        ("[[Category:Engineers]]Text [[Image:x.png|thumb]]stays.", "Text stays."),
        ("No links [here](http://x) at all.", "No links [here](http://x) at all."),
        ("Paper one [[PDF]](http://x/p.pdf) [[code]][gh]", "Paper one [[PDF]](http://x/p.pdf) [[code]][gh]"),
    ],
)
def test_unwrap_links(raw, expected):
    m = unwrap_links(raw)
    assert m.text == expected
    assert all(raw[m.origin[i]] == ch for i, ch in enumerate(m.text))


def test_markdown_link_with_a_bracketed_label_is_left_to_markdown():
    assert lines("Sparse Codes. [[PDF]](http://x/p.pdf)\n", "markdown") == ["Sparse Codes. [PDF]"]


def test_markdown_with_wiki_links():
    md = "# Lena Ork\n\n**Lena Ork** joined [[Acme Labs]] as [[Chief Scientist|chief scientist]].\n"
    m = to_plain(md, "markdown")
    assert m.fmt == "markdown"
    assert lines(md, "markdown") == ["Lena Ork", "Lena Ork joined Acme Labs as chief scientist."]
    assert_copied_words_map_back(md, "markdown")


def test_a_wiki_file_is_read_as_wikitext_even_without_wiki_signs():
    """A .wiki suffix decides the format: a page with one heading and no bold still renders as wikitext."""
    raw = "== Career ==\nTomas Brel joined Halden Works in 2011.\n"
    assert to_plain(raw, "wikitext").fmt == "wikitext"
    assert lines(raw, "wikitext") == ["Career", "Tomas Brel joined Halden Works in 2011."]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab1 =|[]{}'*#:\n<>!-&;/", max_size=120))
def test_render_never_fails_and_maps_in_range(raw):
    m, headings, bold, links = render(raw)
    assert len(m.origin) == len(m.text)
    assert all(0 <= o <= len(raw) for o in m.origin)
    # a character is copied from where it points, or is one of the separators the reader inserts
    assert all(raw[o] == ch or ch in " ,-:|\n0&" for ch, o in zip(m.text, m.origin))
    assert list(m.origin) == sorted(m.origin)
    for a, b, _ in headings:
        assert 0 <= a <= b <= len(m.text)
    for a, b in bold:
        assert 0 <= a <= b <= len(m.text)
