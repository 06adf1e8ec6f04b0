"""Markup to plain lines: what is kept, what is dropped, and that every character maps back exactly."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.markup import to_plain


def lines(md: str, fmt: str = "markdown") -> list[str]:
    text = to_plain(md, fmt).map.text
    return [re.sub(" +", " ", ln.strip()) for ln in text.split("\n") if ln.strip()]


def assert_copied_words_map_back(raw: str, fmt: str) -> None:
    """Every word of the output maps to a raw slice holding exactly that word (words made of copied chars)."""
    m = to_plain(raw, fmt).map
    for w in re.finditer(r"[A-Za-z0-9]+", m.text):
        s, e = m.source_span(w.start(), w.end())
        if e - s == len(w.group(0)):
            assert raw[s:e] == w.group(0)


MD_CASES = [
    ("front matter dropped", "---\ntitle: Jane Doe\nlayout: x\n---\nHello world.\n", ["Hello world."]),
    ("liquid dropped", "{% if site.x %}\n{% assign a = 'b' %}\n{{ site.title }}\nText here.\n{% endif %}\n", ["Text here."]),
    ("html comment", "Before <!-- hidden\ncomment --> after.\n", ["Before after."]),
    ("image dropped", "See ![alt text](img.png) now.\n", ["See now."]),
    ("linked image dropped", "[![badge](https://x/y.svg)](https://x) Name\n", ["Name"]),
    ("link text kept", "Worked at [Google Brain](https://g.co/brain \"t\") in 2019.\n", ["Worked at Google Brain in 2019."]),
    ("undefined ref kept literally", "Egg.[4][5] and more\n", ["Egg.[4][5] and more"]),
    ("defined ref link", "See [ACL][acl].\n\n[acl]: https://aclweb.org\n", ["See ACL."]),
    ("emphasis", "**Bold** and *it* and _under_ and `code` and ~~del~~\n", ["Bold and it and under and code and del"]),
    ("intraword underscore kept", "snake_case_name stays\n", ["snake_case_name stays"]),
    ("lone star kept", "a * b\n", ["a * b"]),
    ("escaped star", "An Wang\\*, Bo Li\n", ["An Wang*, Bo Li"]),
    ("latex colour", "We have $\\color{red}{opening~positions}$ now\n", ["We have opening positions now"]),
    ("atx heading", "# 🔥 News\n- item one\n", ["🔥 News", "- item one"]),
    ("closing hashes", "## Title ##\n", ["Title"]),
    ("setext heading", "Education\n======\n* Ph.D.\n", ["Education", "- Ph.D."]),
    ("list markers normalised", "* a\n+ b\n1. c\n   - d\n", ["- a", "- b", "- c", "- d"]),
    ("soft wraps joined", "One line\nwrapped here.\n\nNext para.\n", ["One line wrapped here.", "Next para."]),
    ("list item continuation", "- first part\n  continued\n- second\n", ["- first part continued", "- second"]),
    ("table rows", "| Year | Award |\n|---|---|\n| 2020 | Best Paper |\n", ["Year | Award", "2020 | Best Paper"]),
    ("html news list", "<ul>\n<li><b>2023.05</b>: paper A</li>\n<li>2023.04: paper\nB</li>\n</ul>\n", ["2023.05: paper A", "2023.04: paper B"]),
    ("paper box with markdown inside", "<div class='paper-box'><div class=\"badge\">CVPR 2023</div>\n<div markdown=\"1\">\n\n**Title of Paper**\n\nA. Author\n</div></div>\n", ["CVPR 2023", "Title of Paper", "A. Author"]),
    ("br splits", "Line one<br>Line two<br/>three\n", ["Line one", "Line two", "three"]),
    ("script and style dropped", "<script>var x = 1;\n</script><style>.a{}</style>Kept\n", ["Kept"]),
    ("entities", "AT&amp;T&nbsp;Labs &copy; 2020 &bogus; x\n", ["AT&T\xa0Labs © 2020 &bogus; x"]),
    ("kramdown attributes", "[Cordelia](https://x){:target=\"_blank\"} works\n## News {#news}\n", ["Cordelia works", "News"]),
    ("autolink", "Mail <mailto:a@b.org> or <https://x.org>\n", ["Mail mailto:a@b.org or https://x.org"]),
    ("fenced code kept line by line", "```\nline *one*\nline two\n```\n", ["line *one*", "line two"]),
    ("crlf", "# Head\r\nText one\r\nmore\r\n", ["Head", "Text one more"]),
    ("blockquote", "> quoted words\n> more\n", ["quoted words more"]),
    ("hr dropped", "a\n\n---\n\nb\n", ["a", "b"]),
]


@pytest.mark.parametrize("name, md, expected", MD_CASES, ids=[c[0] for c in MD_CASES])
def test_markdown_lines(name, md, expected):
    assert lines(md) == expected
    assert_copied_words_map_back(md, "markdown")


HTML_CASES = [
    ("blocks", "<html><head><title>T</title><style>p{}</style></head><body><h1>Jane</h1><p>Works at <b>Acme</b>.</p></body></html>", ["Jane", "Works at Acme."]),
    ("noscript template", "<p>a</p><noscript>no</noscript><template><p>t</p></template><p>b</p>", ["a", "b"]),
    ("table cells", "<table><tr><td>2020</td><td>Prize</td></tr><tr><td>2021</td><td>Medal</td></tr></table>", ["2020 | Prize", "2021 | Medal"]),
    ("whitespace in text", "<p>Jane\n   Doe</p>", ["Jane Doe"]),
    ("entity numeric", "<p>Caf&#233; &#x4E2D;</p>", ["Café 中"]),
    ("markdown not read in html", "<p>**not bold**</p>", ["**not bold**"]),
    ("indentation between tags", "<ul>\n    <li>a</li>\n    <li>b <i>c</i></li>\n</ul>", ["a", "b c"]),
]


@pytest.mark.parametrize("name, doc, expected", HTML_CASES, ids=[c[0] for c in HTML_CASES])
def test_html_lines(name, doc, expected):
    assert lines(doc, "html") == expected
    assert "\n\n\n" not in to_plain(doc, "html").map.text
    assert_copied_words_map_back(doc, "html")


def test_plain_text_is_identity():
    raw = "a\r\n  b **c**\n"
    m = to_plain(raw, "text")
    assert m.map.text == raw and list(m.map.origin) == list(range(len(raw)))


def test_title_meta_headings_bold_links():
    raw = (
        "---\ntitle: \"Jane Doe\"\naffiliation: <a href='x'>MIT</a>\nredirect_from:\n  - /about/\n---\n"
        "# About\nI am **Jane** at [MIT](https://mit.edu) and <strong>CSAIL</strong>.\n"
        "<h2>News</h2>\n<a href=\"mailto:j@mit.edu\">mail</a>\n"
    )
    m = to_plain(raw, "markdown")
    t = m.map.text
    assert m.title == "Jane Doe"
    assert m.meta == {"title": "Jane Doe", "affiliation": "MIT"}
    assert [(t[a:b], lvl) for a, b, lvl in m.headings] == [("About", 1), ("News", 2)]
    assert [t[a:b] for a, b in m.bold] == ["Jane", "CSAIL"]
    assert [(t[a:b], h) for a, b, h in m.links] == [("MIT", "https://mit.edu"), ("mail", "mailto:j@mit.edu")]


@pytest.mark.parametrize(
    "raw, fmt, title",
    [
        ("# Jane Doe\ntext", "markdown", "Jane Doe"),
        ("Intro text first.\n\n# News\n", "markdown", None),
        ("---\ntitle: \"\"\n---\n# 🔥\n", "markdown", None),
        ("<html><head><title> Jane &amp; Co </title></head><body>x</body></html>", "html", "Jane & Co"),
    ],
)
def test_title(raw, fmt, title):
    assert to_plain(raw, fmt).title == title


def test_front_matter_only_page_is_rendered():
    raw = (
        "---\ntitle: Experience\nexperience:\n  - title: Research Intern\n    company: Acme Labs\n"
        "    date_start: '2020-10-20'\n    description: |2-\n      * Built **things**.\n"
        "  - title: Engineer\n    company: Beta Inc\n---\n"
    )
    assert lines(raw) == ["Experience", "Research Intern, Acme Labs, 2020-10-20", "- Built things.", "Engineer, Beta Inc"]
    assert_copied_words_map_back(raw, "markdown")


def test_entity_maps_to_its_raw_start():
    raw = "<p>R&amp;D</p>"
    m = to_plain(raw, "html").map
    i = m.text.index("&")
    assert raw[m.origin[i] :].startswith("&amp;")


def test_deep_nesting_does_not_crash():
    depth = 10_000
    raw = "<div>" * depth + "deep text" + "</div>" * depth
    for fmt in ("html", "markdown"):
        assert lines(raw, fmt) == ["deep text"]
    raw = "<b><a href='x'>" * depth + "x"
    assert "x" in to_plain(raw, "html").map.text


def test_large_document_is_linear():
    import time

    para = "I am a **researcher** at [Acme](https://acme.org) since 2020.<br>\n- item with `code`\n\n"
    raw = para * (5 * 1024 * 1024 // len(para))
    t0 = time.perf_counter()
    m = to_plain(raw, "markdown")
    assert time.perf_counter() - t0 < 20
    assert m.map.text.count("researcher") == raw.count("researcher")


@pytest.mark.parametrize(
    "raw",
    ["[" * 5000 + "x", "`" * 3000 + "a" + "`" * 2999, "<a " + "b='" * 3000, "*_" * 5000, "![" * 3000, "$\\" * 3000, "{%" * 3000, "<!--" * 3000],
    ids=["brackets", "backticks", "attrs", "emph", "images", "math", "liquid", "comments"],
)
def test_pathological_inputs_are_fast(raw):
    import time

    t0 = time.perf_counter()
    for fmt in ("markdown", "html"):
        to_plain(raw, fmt)
    assert time.perf_counter() - t0 < 5


MD_PIECES = st.sampled_from(
    ["# ", "## ", "- ", "* ", "1. ", "> ", "**", "*", "_", "`", "```", "[", "](", ")", "![", "<div>", "</div>", "<b>", "</b>",
     "<a href='x'>", "</a>", "<br>", "&amp;", "&nbsp;", "{% x %}", "{{ y }}", "<!--", "-->", "---\n", "|", "|---|", "\n", "\n\n",
     "\r\n", "word", "Name Surname", " ", "\t", "$\\color{red}{x}$", "<script>", "</script>", "é", "中文", "🔥", "\\", "{:", "}"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(MD_PIECES, max_size=40).map("".join), st.sampled_from(["markdown", "html", "text"]))
def test_random_markup_never_raises_and_maps_inside(raw, fmt):
    m = to_plain(raw, fmt)
    assert len(m.map.origin) == len(m.map.text)
    assert all(0 <= o < max(1, len(raw)) for o in m.map.origin)
    assert all(a <= b for a, b in zip(m.map.origin, m.map.origin[1:]))  # origins never go backwards
    for a, b, *_ in m.headings + m.bold + m.links:
        assert 0 <= a < b <= len(m.map.text)
    assert_copied_words_map_back(raw, fmt)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["markdown", "html"]))
def test_arbitrary_text_never_raises(raw, fmt):
    m = to_plain(raw, fmt)
    assert all(0 <= o < max(1, len(raw)) for o in m.map.origin)


@pytest.mark.parametrize(
    ("raw", "fmt", "text"),
    [
        ("Eastfield University\\\nPh.D. in Physics\n", "markdown", "Eastfield University\nPh.D. in Physics"),
        ("Eastfield University<br>Ph.D. in Physics\n", "markdown", "Eastfield University\nPh.D. in Physics"),
        ("**Selected Awards**\nThe list below is short.\n", "markdown", "Selected Awards\nThe list below is short."),
        ("Some **bold** words\nand more\n", "markdown", "Some bold words and more"),  # a soft break inside a paragraph
        (
            '<li><div style="float:left"><b>Gizmo Labs</b>, Oslo</div> <div style="float:right">2021 - 2023</div><br>Intern</li>',
            "html",
            "Gizmo Labs, Oslo | 2021 - 2023\nIntern",
        ),
        ('<div><div>Eastfield</div><div>2019</div></div>', "html", "Eastfield\n2019"),  # plain divs stay blocks
    ],
)
def test_line_breaks_of_layouts(raw: str, fmt: str, text: str) -> None:
    assert to_plain(raw, fmt).map.text == text


# ---------------------------------------------------------------- list nesting


def nesting(raw: str, fmt: str) -> list[tuple[str, int, str | None]]:
    """(item line, depth, parent's line) for each list item; each item's span maps back to raw text."""
    m = to_plain(raw, fmt)
    out = []
    for a, b, depth, parent in m.items:
        s, e = m.map.source_span(a, b)
        assert m.map.text[a:b].lstrip("- ")[:6] in raw[s:e]
        out.append((m.map.text[a:b], depth, m.map.text[m.items[parent][0] : m.items[parent][1]] if parent >= 0 else None))
    return out


@pytest.mark.parametrize(
    "raw, fmt, expected",
    [
        (
            "- Research Intern, Foo Labs (2019)\n  - Worked on widgets\n  - Advisor: Ada Lin\n- Engineer, Bar Inc\n",
            "markdown",
            [("- Research Intern, Foo Labs (2019)", 0, None), ("- Worked on widgets", 1, "- Research Intern, Foo Labs (2019)"),
             ("- Advisor: Ada Lin", 1, "- Research Intern, Foo Labs (2019)"), ("- Engineer, Bar Inc", 0, None)],
        ),
        (
            "1. Eastfield University\n   * Thesis: Sparse widgets\n\n     more of the thesis line\n2. Westbrook College\n",
            "markdown",
            [("- Eastfield University", 0, None), ("- Thesis: Sparse widgets", 1, "- Eastfield University"), ("- Westbrook College", 0, None)],
        ),
        ("- 2023\n\t- Paper A\n\t\t- [pdf]\n", "markdown", [("- 2023", 0, None), ("- Paper A", 1, "- 2023"), ("- [pdf]", 2, "- Paper A")]),
        # one space of indentation is not nesting; a heading or a paragraph at the margin ends the list
        ("- a one\n - a two\n\n## Head\n\n  - b one\n\nText\n  - c one\n", "markdown", [("- a one", 0, None), ("- a two", 0, None), ("- b one", 0, None), ("- c one", 0, None)]),
        (
            "<ul><li>Research Intern, Foo Labs<ul><li>Worked on widgets</li><li>Advisor: Ada Lin</li></ul></li><li>Engineer, Bar Inc</li></ul>",
            "html",
            [("Research Intern, Foo Labs", 0, None), ("Worked on widgets", 1, "Research Intern, Foo Labs"), ("Advisor: Ada Lin", 1, "Research Intern, Foo Labs"), ("Engineer, Bar Inc", 0, None)],
        ),
        # end tags left out, as HTML allows; an item that opens with its nested list is its first child
        (
            "<ol>\n<li>2023\n<ul>\n<li>Paper A\n<li>Paper B\n</ul>\n<li>2022\n</ol>\n<ul><li><ul><li>Lone child</li></ul></li></ul>",
            "html",
            [("2023", 0, None), ("Paper A", 1, "2023"), ("Paper B", 1, "2023"), ("2022", 0, None), ("Lone child", 0, None)],
        ),
    ],
)
def test_list_items_keep_depth_and_parent(raw: str, fmt: str, expected: list) -> None:
    assert nesting(raw, fmt) == expected


NESTED_PIECES = st.tuples(st.integers(0, 3), st.sampled_from(["-", "*", "1."]), st.from_regex(r"[abcXYZ]{1,4}( [abcXYZ]{1,4})?", fullmatch=True))


@given(st.lists(NESTED_PIECES, min_size=1, max_size=25))
@settings(max_examples=60, deadline=None)
def test_random_nested_lists_give_parents_before_children(pieces) -> None:
    raw = "".join(f"{'  ' * d}{marker} {body}\n" for d, marker, body in pieces)
    m = to_plain(raw, "markdown")
    for k, (a, b, depth, parent) in enumerate(m.items):
        assert 0 <= a < b <= len(m.map.text)
        if parent >= 0:
            assert parent < k and m.items[parent][2] == depth - 1
        else:
            assert depth == 0
        s, e = m.map.source_span(a, b)
        assert raw[s:e].strip() and "\n" not in raw[s:e].strip()


@pytest.mark.parametrize(
    "raw, fmt",
    [
        ("".join(f"{'  ' * k}- level {k}\n" for k in range(2000)), "markdown"),
        ("<ul><li>level" * 2000 + "</li></ul>" * 2000, "html"),
    ],
)
def test_list_depth_is_bounded(raw: str, fmt: str) -> None:
    """Readers of the nesting recurse over its levels: a page nested thousands deep stays within a bound."""
    items = to_plain(raw, fmt).items
    assert len(items) == 2000 and max(d for _, _, d, _ in items) <= 256
