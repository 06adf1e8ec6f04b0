"""Cleaning: repaired and normalised text, joined/split tokens, sections, byline date, exact offsets."""

from __future__ import annotations

import datetime
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.clean import clean, section_at, section_name
from pipeline.markup import to_plain


def cleaned(raw: str, fmt: str = "text"):
    return clean(to_plain(raw, fmt))


CLEAN_CASES = [
    ("spaced prefix", "the pre - training stage", "the pre-training stage"),
    ("ampersand", "the R & D leader", "the R&D leader"),
    ("caps digit", "GPT - 4 and X - VLM", "GPT-4 and X-VLM"),
    ("digit rank", "reach the 4 - 2 rank", "reach the 4-2 rank"),
    ("title case prefix", "Multi - Grained Pre - Training", "Multi-Grained Pre-Training"),
    ("suffix word", "a data - driven method", "a data-driven method"),
    ("dotted date range", "2020.09 - 2021.07: Master", "2020.09 - 2021.07: Master"),
    ("year range", "2019 - 2021", "2019 - 2021"),
    ("month range", "Sep 2019 - Jun 2023", "Sep 2019 - Jun 2023"),
    ("open range", "2021.10 - now, researcher", "2021.10 - now, researcher"),
    ("separator dash", "Research Scientist - Google", "Research Scientist - Google"),
    ("sentence dash", "the cost is low - we win", "the cost is low - we win"),
    ("words with ampersand", "Research & Development", "Research & Development"),
    ("glued email and phone", "Email\nluoyao0323@163.comor WeChat15600307011.", "Email\nluoyao0323@163.com or WeChat 15600307011."),
    ("normal email", "mail me@cs.mit.edu today", "mail me@cs.mit.edu today"),
    ("short digits stay glued", "ICLR2025 and Seed1.5", "ICLR2025 and Seed1.5"),
    ("emoji removed", "🔥 News\n- 2025.05: 🎉 We release", "News\n- 2025.05: We release"),
    ("bullet becomes list marker", "• first\n▪ second", "- first\n- second"),
    ("decorative stars", "★ Best Paper ★", "Best Paper"),
    ("kept symbols", "45° and © 2020", "45° and © 2020"),
    ("nbsp and zero width", "Jane\u00a0Doe\u200b at\u2009MIT\ufeff", "Jane Doe at MIT"),
    ("curly quotes kept", "Master’s degree “quoted”", "Master’s degree “quoted”"),
    ("spaces collapsed lines stripped", "  a    b  \n\n\n\n  c  ", "a b\n\nc"),
    ("crlf", "a\r\nb\rc", "a\nb\nc"),
    ("nfc", "Jose\u0301 Garci\u0301a", "José García"),
    ("mojibake", "Universit\u00c3\u00a9 de Montr\u00c3\u00a9al", "Université de Montréal"),
    ("cjk untouched", "罗尧（Yao Luo），字节跳动", "罗尧（Yao Luo），字节跳动"),
]


@pytest.mark.parametrize("name, raw, expected", CLEAN_CASES, ids=[c[0] for c in CLEAN_CASES])
def test_clean_text(name, raw, expected):
    ct = cleaned(raw)
    assert ct.map.text == expected
    assert all(0 <= o < len(raw) for o in ct.map.origin)


@pytest.mark.parametrize(
    "raw, word, source",
    [
        ("the pre - training stage", "pre-training", "pre - training"),
        ("the R & D leader", "R&D", "R & D"),
        ("luoyao0323@163.comor WeChat", "luoyao0323@163.com", "luoyao0323@163.com"),
        ("at Universit\u00c3\u00a9 de Montr\u00c3\u00a9al now", "Montréal", "Montr\u00c3\u00a9al"),
        ("Jose\u0301 Garci\u0301a", "García", "Garci\u0301a"),
    ],
)
def test_rewritten_tokens_span_their_raw_source(raw, word, source):
    """A token made by joining or repair maps back to the raw slice it came from."""
    ct = cleaned(raw)
    i = ct.map.text.index(word)
    s, e = ct.map.source_span(i, i + len(word))
    assert raw[s:e] == source


def test_copied_words_map_back_exactly():
    raw = (
        "---\ntitle: x\n---\n# 🔥 News\r\n- *2023.08*: Paper **accepted** at [ICCV](https://x) 2023\r\n"
        "<div class='paper-box'><div class=\"badge\">CVPR&nbsp;2023</div></div>\r\n"
        "Jane   Doe  (简&amp;单) pre - training &copy;\n"
    )
    ct = cleaned(raw, "markdown")
    n = 0
    for w in re.finditer(r"\w+", ct.map.text):
        s, e = ct.map.source_span(w.start(), w.end())
        if e - s == len(w.group(0)):
            assert raw[s:e] == w.group(0)
            n += 1
    assert n >= 15


def test_spans_follow_into_clean_coordinates():
    raw = "# 🔥 Honors and Awards\nI am **Jane   Doe** at [MIT](https://mit.edu).\n"
    ct = cleaned(raw, "markdown")
    t = ct.map.text
    assert [t[a:b] for a, b, _ in ct.headings] == ["Honors and Awards"]
    assert [t[a:b] for a, b in ct.bold] == ["Jane Doe"]
    assert [(t[a:b], h) for a, b, h in ct.links] == [("MIT", "https://mit.edu")]


SECTION_DOC = """Jane Doe is a researcher.

🔥 News
- 2025.05: paper accepted

# 📝 Publications
## 2024
- A Paper Title

**Honors and Awards**
- Best Paper

Educations
- 2019 - 2023, Ph.D., MIT

## Experiences & Educations
- 2023 - now, Acme

Tags: News, Press
"""


def test_sections():
    ct = cleaned(SECTION_DOC, "markdown")
    t = ct.map.text
    got = [(s.name, s.heading) for s in ct.sections]
    assert got == [
        ("news", "News"),
        ("publications", "Publications"),
        ("awards", "Honors and Awards"),
        ("education", "Educations"),
        ("experience", "Experiences & Educations"),
    ]
    for s in ct.sections:
        assert t[s.start : s.heading_end] == s.heading
    pos = t.index("A Paper Title")
    assert section_at(ct.sections, pos).name == "publications"  # the "2024" sub-heading stays inside
    assert section_at(ct.sections, t.index("Best Paper")).name == "awards"
    assert section_at(ct.sections, t.index("Tags")).name == "experience"
    assert section_at(ct.sections, 0) is None  # the lead paragraph precedes every heading
    ends = [(s.start, s.end) for s in ct.sections]
    assert all(a < b for a, b in ends) and all(ends[k][1] == ends[k + 1][0] for k in range(len(ends) - 1))


def test_navigation_links_are_not_sections():
    raw = "<ul><li><a href='#a'>About</a></li><li><a href='#p'>Publications</a></li></ul><p>Intro.</p><h2>News</h2><p>x</p>"
    ct = cleaned(raw, "html")
    assert [(s.name, s.heading) for s in ct.sections] == [("news", "News")]


@pytest.mark.parametrize(
    "heading, name",
    [
        ("Educations", "education"),
        ("🎓 Education:", "education"),
        ("Honors & Awards", "awards"),
        ("Selected Publications", "publications"),
        ("Research Interests", "interests"),
        ("Work Experience", "experience"),
        ("Academic Services", "service"),
        ("Contact", "contact"),
        ("Teaching", "teaching"),
        ("Skills", None),
        ("A sentence that mentions publications but is far too long to be a heading", None),
    ],
)
def test_section_name(heading, name):
    assert section_name(heading) == name


@pytest.mark.parametrize(
    "raw, date, span_text",
    [
        ("Headline\n\n字母AI2026-03-24 15:15\nBody text.", datetime.date(2026, 3, 24), "2026-03-24 15:15"),
        ("Title: X\nPublished: March 3, 2024\n\nBody.", datetime.date(2024, 3, 3), "March 3, 2024"),
        ("Title: X\nPublished: 20161014\n", datetime.date(2016, 10, 14), "20161014"),
        ("News\n2024-03-03 10:00\nBody", datetime.date(2024, 3, 3), "2024-03-03 10:00"),
        ("Posted on 5 June 2023 by staff\n", datetime.date(2023, 6, 5), "5 June 2023"),
        ("发布时间：2023年6月5日\n正文", datetime.date(2023, 6, 5), "2023年6月5日"),
        ("- 2023.08: Our paper is accepted.\n", None, None),
        ("I joined Google on 2020-01-05 as an intern.\n", None, None),
        ("Published: 2024-13-45\n", None, None),
        ("BELLEVUE, Wash. -- July 30, 2018 -- Acme today announced a hire.\n", datetime.date(2018, 7, 30), "July 30, 2018"),
        ("**SAN FRANCISCO — June 2, 2021 -** Today Acme said\n", datetime.date(2021, 6, 2), "June 2, 2021"),
        ("We met in Paris - June 2, 2021 - and talked.\n", None, None),
        # bylines in other languages, read by dateparser
        ("Titel\nVeröffentlicht am 3. März 2024\n\nText.", datetime.date(2024, 3, 3), "3. März 2024"),
        ("Titre\nPublié le 12 février 2023\n\nTexte.", datetime.date(2023, 2, 12), "12 février 2023"),
        ("Título\nPublicado: 5 de mayo de 2022\n\nTexto.", datetime.date(2022, 5, 5), "5 de mayo de 2022"),
        ("Titel\nVeröffentlicht in Nature Physics\n", None, None),
        ("Titre\nMis à jour le mardi\n", None, None),
    ],
)
def test_byline_date(raw, date, span_text):
    ct = cleaned(raw)
    assert ct.dct == date
    if span_text is None:
        assert ct.dct_span is None
    else:
        a, b = ct.dct_span
        assert ct.map.text[a:b] == span_text


def test_byline_must_be_near_the_top():
    raw = "\n".join(f"Line {i} of the story." for i in range(40)) + "\nPublished: March 3, 2024\n"
    assert cleaned(raw).dct is None


@pytest.mark.parametrize(
    "raw, title",
    [
        ("# 🎓 Jane Doe ✨\ntext", "Jane Doe"),
        ("# 🎓 About Me\ntext", None),
        ("---\ntitle: CV\n---\ntext", None),
        ("---\ntitle: \"Hsin-Yu Liu's Website\"\n---\ntext", "Hsin-Yu Liu's Website"),
    ],
)
def test_title_is_cleaned_and_generic_titles_dropped(raw, title):
    assert cleaned(raw, "markdown").title == title


def test_five_megabytes_in_seconds():
    para = "She is the R & D lead for pre - training at Acme\u00a0Labs 🔥 since 2019 - 2021.\n- item  two\n\n"
    raw = para * (5 * 1024 * 1024 // len(para))
    t0 = time.perf_counter()
    ct = cleaned(raw, "markdown")
    elapsed = time.perf_counter() - t0
    assert ct.map.text.count("R&D") == raw.count("R & D")
    assert elapsed < 30


SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.mark.shared
def test_development_corpus_cleans_with_valid_offsets():
    docs = sorted(SHARED.glob("dev/*.md")) + sorted(SHARED.glob("unlabeled/*.md")) + sorted(SHARED.glob("dev/*.txt"))
    if not docs:
        pytest.skip("development corpus beside the checkout is not available")
    from pipeline.ingest import decode, detect_format

    for p in docs:
        raw = decode(p.read_bytes()).text
        ct = clean(to_plain(raw, detect_format(p.name, raw)))
        assert ct.map.text.strip(), p.name
        assert all(0 <= o < len(raw) for o in ct.map.origin), p.name
        for w in re.finditer(r"[A-Za-z]{3,}", ct.map.text):
            s, e = ct.map.source_span(w.start(), w.end())
            if e - s == len(w.group(0)):
                assert raw[s:e] == w.group(0), (p.name, w.group(0))


PIECES = st.sampled_from(
    ["pre - training", "R & D", "2019 - 2021", "a@b.comor", "WeChat1234567890", "🔥", "★", "•", "\u00a0", "\u200b", "\r\n", "\n",
     "\n\n\n", "  ", "Ã©", "e\u0301", "# ", "- ", "**", "<b>", "</b>", "<div>", "&amp;", "Published: March 3, 2024", "Educations",
     "word", "Jane Doe", "中文", "’", "\t", "\x00", "\x85", "\ud800"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join), st.sampled_from(["markdown", "html", "text"]))
def test_random_documents_never_raise_and_map_inside(raw, fmt):
    ct = cleaned(raw, fmt)
    assert len(ct.map.origin) == len(ct.map.text)
    assert all(0 <= o < max(1, len(raw)) for o in ct.map.origin)
    for s in ct.sections:
        assert 0 <= s.start <= s.end <= len(ct.map.text)
    for a, b, *_ in ct.headings + ct.bold + ct.links:
        assert 0 <= a < b <= len(ct.map.text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(raw):
    ct = cleaned(raw)
    assert all(0 <= o < max(1, len(raw)) for o in ct.map.origin)
    assert "\r" not in ct.map.text and "  " not in ct.map.text


@pytest.mark.parametrize(
    "raw, fmt",
    [
        ("## 🎓 Education\n\n- 🎓 Eastfield   University, Ph.D.\n  - 🏆 National   Scholarship\n  - Thesis: widgets\n- Westbrook College\n", "markdown"),
        ("<h2>Education</h2><ul><li>🎓 Eastfield University<ul><li>🏆 National &nbsp; Scholarship</li></ul></li><li>Westbrook College</li></ul>", "html"),
    ],
)
def test_list_items_keep_their_nesting_through_cleaning(raw: str, fmt: str) -> None:
    ct = cleaned(raw, fmt)
    got = [(ct.text[a:b].lstrip("- "), d, ct.text[ct.items[p][0] : ct.items[p][1]].lstrip("- ") if p >= 0 else None) for a, b, d, p in ct.items]
    assert [(t.split(",")[0], d, p.split(",")[0] if p else None) for t, d, p in got] == [
        ("Eastfield University", 0, None),
        ("National Scholarship", 1, "Eastfield University"),
    ] + ([("Thesis: widgets", 1, "Eastfield University")] if fmt == "markdown" else []) + [("Westbrook College", 0, None)]
    for a, b, _, _ in ct.items:
        s, e = ct.map.source_span(a, b)
        assert ct.text[a:b].split()[-1] in raw[s:e]
