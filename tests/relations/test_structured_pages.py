"""Homepage layouts end to end: paper lists, award lists and interest sentences in Markdown and HTML.

Each layout has a page that must give its facts and a negative twin that must give none.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import Extractor, Input


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, text: str, fmt: str) -> list[dict]:
    rec = extractor.process(Input(text, "page", "page." + {"html": "html", "markdown": "md"}.get(fmt, "txt"), "0" * 64, fmt))
    assert rec.status == "ok", rec.error
    for f in rec.facts:
        assert text[f.evidence.start : f.evidence.end] == f.evidence.text
    return [f.model_dump() for f in rec.facts]


def of(facts: list[dict], relation: str) -> dict[str, dict]:
    return {f["object"]["canonical"]: f["qualifiers"] for f in facts if f["relation"] == relation}


# ---------------------------------------------------------------- papers

MD_BADGE_LAYOUT = """# Tomas Brandt

I am a PhD student at Eastfield University.

## Publications

RWS 2024

**Sparse Widget Fusion for Scene Parsing**

**Tomas Brandt**, Ola Nwosu, Kim Diaz

[Paper] | [Code]

- We propose a fusion model for widgets.

ICLR 2023

**Gizmo Graphs Without Labels**

Ola Nwosu, **Tomas Brandt**

International Conference on Learning Representations (ICLR), 2023. (Spotlight)

[pdf] [code]
"""

HTML_LINK_TITLES = """<html><body><h1>Lena Park</h1>
<p>I am a researcher at Northwind Labs.</p>
<h2>Research</h2>
<p>* denotes equal contribution.</p>
<ul>
<li><a href="https://example.org/a">Tiny Gadgets: Efficient Inference on Phones</a>
<br><b>Lena Park*</b>, Eli Frost*, Nora Vance.<br>
<em>European Conference on Computer Vision</em> (<b>ECCV</b>), 2024.<br>
[<a href="https://example.org/a.pdf">Paper</a>] [<a href="https://example.org/code">Code</a>]</li>
<li><a href="https://example.org/b">Sprocket Search at Scale</a>
<br>Eli Frost, <b>Lena Park</b>, Nora Vance.<br>
<em>arxiv</em>, 2023.<br></li>
</ul>
</body></html>
"""

MD_ONE_LINE = """# Ravi Menon

I am an assistant professor at Lakeside College.

## Selected Papers

1. Ravi Menon, Dana Cole. Why Do Widgets Fail? IEEE Transactions on Widgets, 2020.
2. Dana Cole, Ravi Menon, "Fair Sprocket Ranking", Proceedings of SIGIR 2021.
3. [Cross-View Gadget Matching](https://example.org/x), Eli Frost, Ravi Menon, Remote Widget Sensing (RWS), 2022
4. [CVPR 2019] Gizmo Clustering: Theory, Algorithm and Metric. Ravi Menon, Eli Frost
"""


def test_badge_layout_markdown(extractor: Extractor) -> None:
    papers = of(run(extractor, MD_BADGE_LAYOUT, "markdown"), "author_of")
    assert set(papers) == {"Sparse Widget Fusion for Scene Parsing", "Gizmo Graphs Without Labels"}
    assert papers["Sparse Widget Fusion for Scene Parsing"] == {"venue": "RWS", "date": "2024", "role": "first author"}
    assert papers["Gizmo Graphs Without Labels"]["venue"] == "International Conference on Learning Representations (ICLR)"
    assert "role" not in papers["Gizmo Graphs Without Labels"]


def test_link_titles_under_a_research_heading_html(extractor: Extractor) -> None:
    facts = run(extractor, HTML_LINK_TITLES, "html")
    papers = of(facts, "author_of")
    assert papers["Tiny Gadgets: Efficient Inference on Phones"]["venue"] == "European Conference on Computer Vision (ECCV)"
    assert papers["Tiny Gadgets: Efficient Inference on Phones"]["date"] == "2024"
    assert "role" not in papers["Tiny Gadgets: Efficient Inference on Phones"]  # "*" is explained as equal contribution
    assert papers["Sprocket Search at Scale"] == {"venue": "arxiv", "date": "2023"}
    assert not of(facts, "research_interest")  # a paper list under "Research" holds no interests


def test_one_line_citations(extractor: Extractor) -> None:
    papers = of(run(extractor, MD_ONE_LINE, "markdown"), "author_of")
    assert papers == {
        "Why Do Widgets Fail?": {"venue": "IEEE Transactions on Widgets", "date": "2020", "role": "first author"},
        "Fair Sprocket Ranking": {"venue": "Proceedings of SIGIR", "date": "2021"},
        "Cross-View Gadget Matching": {"venue": "Remote Widget Sensing (RWS)", "date": "2022"},
        "Gizmo Clustering: Theory, Algorithm and Metric": {"venue": "CVPR", "date": "2019", "role": "first author"},
    }


NO_PAPERS_MD = """# Ravi Menon

I am an assistant professor at Lakeside College.

## Publications

NeurIPS 2021. [pdf] [code]

ICLR 2023 (Spotlight)

(Oral, top 2%)

Your browser does not support the video tag.

[pdf] [code] [slides]
"""

NO_PAPERS_HTML = """<html><body><h1>Ravi Menon</h1><p>I am an assistant professor at Lakeside College.</p>
<h2>Publications</h2><ul><li><b>NeurIPS 2021</b> [<a href="x">pdf</a>]</li><li>ICLR 2023 (Spotlight)</li><li><b>All my code is open-sourced on GitHub</b></li></ul>
</body></html>"""


@pytest.mark.parametrize(("text", "fmt"), [(NO_PAPERS_MD, "markdown"), (NO_PAPERS_HTML, "html")])
def test_venue_and_badge_lines_are_no_titles(extractor: Extractor, text: str, fmt: str) -> None:
    assert of(run(extractor, text, fmt), "author_of") == {}


# ---------------------------------------------------------------- awards

AWARDS_MD = """# Mei Sato

I am a PhD student at Eastfield University.

## Honors and Awards

- Widget Fellowship, class of 2017 (12 recipients)
- 2019 Outstanding Graduate of Eastfield University
- Merit Student and Honor Student at Lakeside College, 2016
"""

AWARDS_HTML = """<html><body><h1>Mei Sato</h1><p>I am a PhD student at Eastfield University.</p>
<h2>Honors</h2><ul>
<li><div style="float:left"><b>Outstanding Graduate</b> of Eastfield University</div> <div style="float:right">2021</div></li>
<li><div style="float:left"><b>Gizmo Scholarship</b></div> <div style="float:right">2020</div></li>
</ul></body></html>"""


def test_award_items_markdown(extractor: Extractor) -> None:
    awards = of(run(extractor, AWARDS_MD, "markdown"), "award_received")
    assert awards["Widget Fellowship"] == {"date": "2017"}
    assert awards["Outstanding Graduate"] == {"org": "Eastfield University", "date": "2019"}
    assert awards["Merit Student"]["org"] == "Lakeside College" and awards["Honor Student"]["org"] == "Lakeside College"


def test_award_items_html_year_in_its_own_cell(extractor: Extractor) -> None:
    facts = run(extractor, AWARDS_HTML, "html")
    awards = of(facts, "award_received")
    assert awards["Outstanding Graduate"] == {"org": "Eastfield University", "date": "2021"}
    assert awards["Gizmo Scholarship"] == {"date": "2020"}
    assert not any(name.strip().isdigit() for name in awards)  # the year cell is no award


# ---------------------------------------------------------------- interests

INTEREST_FORMS = [
    ("I specialize in sparse sprocket models and gizmo retrieval.", {"sparse sprocket models", "gizmo retrieval"}),
    ("Currently, I am dedicated to researching unified widget models.", {"unified widget models"}),
    ("My research is about widget compression and gadget search.", {"widget compression", "gadget search"}),
]


@pytest.mark.parametrize(("sentence", "topics"), INTEREST_FORMS)
def test_interest_cues(extractor: Extractor, sentence: str, topics: set[str]) -> None:
    page = f"# Ana Lee\n\nI am a PhD student at Eastfield University. {sentence}\n"
    assert set(of(run(extractor, page, "markdown"), "research_interest")) == topics


# The "and" that closes a list joins a one-word topic to a longer one; alone, the phrase stays one topic.
INTEREST_LIST_ENDS = [
    ("My interests include widget theory, gadget design, robotics and computational sprockets.",
     {"widget theory", "gadget design", "robotics", "computational sprockets"}),
    ("My research interests are databases, streaming and query optimization.", {"databases", "streaming", "query optimization"}),
    ("I work on gizmo retrieval, compilers and program synthesis.", {"gizmo retrieval", "compilers", "program synthesis"}),
    # "worked at the intersection of A, B, and C": each field is a topic
    ("I have worked at the intersection of widget theory, gizmo design, and sprocket engineering.",
     {"widget theory", "gizmo design", "sprocket engineering"}),
    ("My work lies at the intersection of gizmo retrieval, compilers and program synthesis.", {"gizmo retrieval", "compilers", "program synthesis"}),
    ("I work mainly at the intersection of widget theory and gizmo design.", {"widget theory", "gizmo design"}),
    ("My office is at the intersection of Main Street and Elm Avenue.", set()),
    ("I worked at the Widget Lab at the intersection of two streets.", set()),
    # "an expert in A, B and C"; a predicate after "and" ends the topics
    ("I am an expert in widget theory, gizmo design and sprocket engineering.", {"widget theory", "gizmo design", "sprocket engineering"}),
    ("I am a leading expert on gizmo retrieval and have won many awards.", {"gizmo retrieval"}),
    ("My research interests include widget theory and gizmo design, and have led to two startups.", {"widget theory", "gizmo design"}),
    ("I asked an expert in widget theory.", set()),
    ("I am an expert witness in the Gizmo trial.", set()),
    # negative twins: no list, so no list-closing conjunction
    ("My interests include speech and language processing.", {"speech and language processing"}),
    ("My research interests are streaming and query optimization.", {"streaming and query optimization"}),
    # a topic whose first word the tagger takes for a verb is still a topic; a clause with an auxiliary is not
    ("My research interests include face anti-spoofing, widget theory and robotics.", {"face anti-spoofing", "widget theory", "robotics"}),
    ("My interests include process mining, gizmo design and sprocket engineering.", {"process mining", "gizmo design", "sprocket engineering"}),
    # a word the tagger reads as a verb between two nouns is a compound misread ("point cloud analysis")
    ("My research interests include point cloud analysis and 3d widget analysis with deep networks.", {"point cloud analysis", "3d widget analysis with deep networks"}),
    ("My interests include widget theory, and is known for gizmo design.", {"widget theory"}),
    ("My research interests include widget theory, gizmo design, are deployed in the cloud.", {"widget theory", "gizmo design"}),
    # "A in general and B in particular", "A and, more broadly, B": the scope words are no part of a topic
    ("My research interests include gizmo design and robotics in general and soft grippers in particular.", {"gizmo design", "robotics", "soft grippers"}),
    ("I am interested in widget theory in general, and sprocket engineering in particular.", {"widget theory", "sprocket engineering"}),
    ("My research interests include widget theory and, more broadly, gizmo design.", {"widget theory", "gizmo design"}),
    # the twin: "in general" inside a name stays ("General Relativity")
    ("My research interests include sprocket engineering and general relativity.", {"sprocket engineering", "general relativity"}),
]


@pytest.mark.parametrize(("sentence", "topics"), INTEREST_LIST_ENDS)
def test_interest_list_ends(extractor: Extractor, sentence: str, topics: set[str]) -> None:
    page = f"# Ana Lee\n\nI am a PhD student at Eastfield University. {sentence}\n"
    assert set(of(run(extractor, page, "markdown"), "research_interest")) == topics


@pytest.mark.parametrize(
    "sentence",
    ["My previous research is about widget compression and gadget search.", "Her research is funded by the Gizmo Foundation and the Widget Trust."],
)
def test_non_interests(extractor: Extractor, sentence: str) -> None:
    page = f"# Ana Lee\n\nAna Lee is a PhD student at Eastfield University. {sentence}\n"
    assert of(run(extractor, page, "markdown"), "research_interest") == {}


SPEAKERS_MD = """# Keynote Speakers

## Jane Roe

Jane Roe is a professor at Eastfield University. She works with Prof. Omar Haddad on search. Her research interests include conversational search, query understanding, and health search.

## Omar Haddad

Omar Haddad is a principal scientist at Northwind Labs. His research focuses on recommender systems and fairness in ranking.
"""


def test_interests_of_each_person_on_a_page_of_several(extractor: Extractor) -> None:
    facts = run(extractor, SPEAKERS_MD, "markdown")
    owners = {f["object"]["canonical"]: f["subject"]["canonical"] for f in facts if f["relation"] == "research_interest"}
    assert owners == {
        "conversational search": "Jane Roe",
        "query understanding": "Jane Roe",
        "health search": "Jane Roe",
        "recommender systems": "Omar Haddad",
        "fairness in ranking": "Omar Haddad",
    }


# ---------------------------------------------------------------- multi-line items

INTERNSHIPS_HTML = """<html><body><h1>Ravi Menon</h1><p>I am a PhD student at Eastfield University.</p>
<h2>Internships</h2><ul>
<li><div style="float:left"><b>Gizmo Group, Northwind</b>, Seattle, USA</div> <div style="float:right">Oct. 2022 – Now</div><br>
Research Intern<br></li>
<li><div style="float:left"><b>Bluebird</b>, Boston, USA</div> <div style="float:right">Feb. 2021 – Sep. 2021</div><br>
Research Intern<br>
Advisor: Dana Cole<br></li>
</ul>
<h2>Education</h2><ul>
<li><div style="display:inline">Lakeside College</div> <div style="float:right">Sept. 2016 - June 2020</div><br>Bachelor in Physics<br></li>
</ul></body></html>"""

INTERNSHIPS_MD = """# Ravi Menon

I am a PhD student at Eastfield University.

## Internships

Gizmo Group, Northwind, Seattle, USA | Oct. 2022 – Now\\
Research Intern

Bluebird, Boston, USA | Feb. 2021 – Sep. 2021<br>
Research Intern

## Education

Lakeside College | Sept. 2016 - June 2020\\
Bachelor in Physics
"""


@pytest.mark.parametrize(("text", "fmt"), [(INTERNSHIPS_HTML, "html"), (INTERNSHIPS_MD, "markdown")])
def test_item_spread_over_lines(extractor: Extractor, text: str, fmt: str) -> None:
    facts = run(extractor, text, fmt)
    jobs = of(facts, "employed_by")
    assert jobs["Northwind"] == {"title": "Research Intern", "start": "2022-10", "end": "present"}
    assert jobs["Bluebird"] == {"title": "Research Intern", "start": "2021-02", "end": "2021-09"}
    assert "Dana Cole" not in jobs and "USA" not in jobs
    schools = of(facts, "educated_at")
    assert schools["Lakeside College"]["start"] == "2016-09" and schools["Lakeside College"]["end"] == "2020-06"


@pytest.mark.parametrize(
    ("line", "org"),
    [
        ("- 2023.10 - now, Quillon AI Laboratory, mentored by Dr. Jon Park.", "Quillon AI Laboratory"),
        ("- 2021.01 - 2021.06, Brightline, advised by Li Wei", "Brightline"),
        ("- 2020.03 - 2020.09, Northwind Labs; supervised by Mira Olsen", "Northwind Labs"),
    ],
)
def test_who_supervised_an_internship_is_no_verb_of_its_line(extractor: Extractor, line: str, org: str) -> None:
    page = f"# Ravi Menon\n\nI am a PhD student.\n\n## Internships\n\n{line}\n"
    assert org in of(run(extractor, page, "markdown"), "employed_by")


@pytest.mark.parametrize("line", ["- 2020: Kestrel Labs, I built a widget simulator", "- 2021: at Brightline we shipped three gizmos"])
def test_an_item_that_is_a_sentence_is_left_to_prose(extractor: Extractor, line: str) -> None:
    page = f"# Ravi Menon\n\nI am a PhD student.\n\n## Internships\n\n{line}\n"
    assert not [f for f in run(extractor, page, "markdown") if f.rule == "employment.item"]


def test_undated_lines_stay_apart() -> None:
    """Without a dated head line, lines are items of their own (a plain list)."""
    from pipeline.relations.nesting import LABELLED

    assert LABELLED.match("Advisor: Dana Cole") and not LABELLED.match("Research Intern")


BYLINE_MD = """Yuri Tanaka

I am a researcher at Northwind Labs.

Publications

Scaling Sparse Widget Models for Retrieval
Widget Team
- We study sparse widget models at scale.

Gizmo Networks for Tables
Ana Lee, Yuri Tanaka
- We propose gizmo networks.
"""


def test_title_over_a_team_byline(extractor: Extractor) -> None:
    papers = of(run(extractor, BYLINE_MD, "text"), "author_of")
    assert set(papers) == {"Scaling Sparse Widget Models for Retrieval", "Gizmo Networks for Tables"}


# ---------------------------------------------------------------- contact

MAILTO_HTML = """<html><body><h1>Nora Vance</h1><p>I am a researcher at Northwind Labs.
<a href="mailto:nora.vance@northwind.example.org">Email</a> / <a href="https://example.org/cv.pdf">CV</a></p></body></html>"""
NO_MAILTO_HTML = """<html><body><h1>Nora Vance</h1><p>I am a researcher at Northwind Labs.
<a href="https://example.org/contact">Email</a> / <a href="mailto:">CV</a></p></body></html>"""


def test_address_only_in_a_mailto_link(extractor: Extractor) -> None:
    contacts = of(run(extractor, MAILTO_HTML, "html"), "contact")
    assert contacts == {"nora.vance@northwind.example.org": {"kind": "email"}}
    assert of(run(extractor, NO_MAILTO_HTML, "html"), "contact") == {}


FOLLOWING_TOPICS_MD = """# Ana Lee

I am a PhD student at Eastfield University. My research focuses on the following topics:

- Sparse widget models
- Gadget retrieval: we build indexes for gadgets.
- Gizmo alignment

I also enjoy hiking.
"""


def test_cue_then_bullets(extractor: Extractor) -> None:
    topics = of(run(extractor, FOLLOWING_TOPICS_MD, "markdown"), "research_interest")
    assert set(topics) == {"Sparse widget models", "Gadget retrieval", "Gizmo alignment"}


@pytest.mark.parametrize(
    ("sentence", "topics"),
    [
        ("My research interests include computer vision (e.g., detection, tracking), and sprocket learning.", {"computer vision", "sprocket learning"}),
        ("I work on widget models, with a special focus on sparse gadgets.", {"widget models", "sparse gadgets"}),
    ],
)
def test_interest_list_splitting(extractor: Extractor, sentence: str, topics: set[str]) -> None:
    page = f"# Ana Lee\n\nI am a PhD student at Eastfield University. {sentence}\n"
    assert set(of(run(extractor, page, "markdown"), "research_interest")) == topics


BILINGUAL_MD = """# Mei Sato

I am a PhD student at Eastfield University.

## Honors and Awards

- 2019.10 National Scholarship
  国家奖学金
- 2018.06 Outstanding Student Award
  优秀学生奖
"""


def test_bilingual_continuation_is_one_award(extractor: Extractor) -> None:
    awards = of(run(extractor, BILINGUAL_MD, "markdown"), "award_received")
    assert awards == {"National Scholarship": {"date": "2019-10"}, "Outstanding Student Award": {"date": "2018-06"}}


AWARD_UNDER_DEGREE_MD = """# Mei Sato

I am a PhD student at Eastfield University.

## Education

- 2019.09 - now, Ph.D., Eastfield University
- Widget Scholarship of Freedonia (Top 1%).
- Outstanding Graduate Nomination
- Mentor: Prof. Ola Nwosu
- Member of the Gizmo Honors Program
"""


def test_awards_listed_under_a_degree(extractor: Extractor) -> None:
    facts = run(extractor, AWARD_UNDER_DEGREE_MD, "markdown")
    assert set(of(facts, "award_received")) == {"Widget Scholarship of Freedonia", "Outstanding Graduate Nomination"}
    assert set(of(facts, "educated_at")) == {"Eastfield University"}


AWARD_FORMS_MD = """# Mei Sato

I am a PhD student at Eastfield University.

## Awards

- Gizmo Scholarship, Eastfield University (sponsored by Northwind Labs), 2018
- 1st Place, Widget Detection Challenge at CVPR 2021 (Team Leader)
- Widget Fellowship, class of 2017 (12 recipients)
"""


def test_award_descriptions_and_placements(extractor: Extractor) -> None:
    awards = of(run(extractor, AWARD_FORMS_MD, "markdown"), "award_received")
    assert awards == {
        "Gizmo Scholarship": {"org": "Eastfield University", "date": "2018"},
        "1st Place, Widget Detection Challenge at CVPR": {"date": "2021"},
        "Widget Fellowship": {"date": "2017"},
    }


@pytest.mark.parametrize(
    "sentence, topics",
    [
        ("My research interests include graph learning, robust optimization and causal inference.", ["graph learning", "robust optimization", "causal inference"]),
        ("Her research focuses on probabilistic models and robotics, and she has published 100 papers on these topics.", ["probabilistic models", "robotics"]),
        ("His work is on the theory of learning, and is known for his contribution to search engines.", ["theory of learning"]),
        ("I am interested in how children learn language and in speech recognition.", ["how children learn language", "speech recognition"]),
    ],
)
def test_a_clause_after_an_interest_cue_is_no_topic(extractor: Extractor, sentence: str, topics: list[str]) -> None:
    facts = run(extractor, "# Ada Reyes\n\n" + sentence + "\n", "markdown")
    assert [f["object"]["canonical"] for f in facts if f["relation"] == "research_interest"] == topics


INTERNSHIPS = "# Ada Reyes\n\nI am a PhD student at Eastfield University.\n\n## {heading}\n\n{items}\n"


@pytest.mark.parametrize(
    "heading, items, jobs",
    [
        ("Internships", "- 2021.06 - 2021.09, Northwind Labs, Seattle\n- 2020.06 - 2020.09, Quillon AI", {"Northwind Labs": "research intern", "Quillon AI": "research intern"}),
        ("Research Internships", "- 2022.05 - 2022.08: Kestrel Systems, with Dr. Tom Berg", {"Kestrel Systems": "research intern"}),
        ("Internship", "- 2019.07 - 2019.09, Software Engineer Intern, Brightwell", {"Brightwell": "Software Engineer Intern"}),
        ("Experience", "- 2021.06 - 2021.09, Northwind Labs, Seattle", {}),
    ],
)
def test_items_under_an_internships_heading_are_internships(extractor: Extractor, heading: str, items: str, jobs: dict[str, str]) -> None:
    facts = run(extractor, INTERNSHIPS.format(heading=heading, items=items), "markdown")
    assert {k: v["title"] for k, v in of(facts, "employed_by").items()} == jobs


@pytest.mark.parametrize(
    "line, contacts",
    [
        ("Email: ada@eastfield.edu | WeChat: ada_reyes2021", {"ada@eastfield.edu": {"kind": "email"}, "ada_reyes2021": {"kind": "wechat"}}),
        ("微信：adareyes-ml", {"adareyes-ml": {"kind": "wechat"}}),
        ("WeChat: 15600307011", {"15600307011": {"kind": "wechat"}}),
        ("WeChat is popular in China, and I use it daily.", {}),
    ],
)
def test_wechat_ids_of_letters_and_digits(extractor: Extractor, line: str, contacts: dict) -> None:
    page = "# Ada Reyes\n\nI am a PhD student at Eastfield University.\n\n" + line + "\n"
    assert of(run(extractor, page, "markdown"), "contact") == contacts


# ---------------------------------------------------------------- nested bullets


def jobs_and_degrees(facts: list[dict]) -> set[tuple]:
    return {
        (f["relation"], f["object"]["canonical"], tuple(sorted(f["qualifiers"].items())))
        for f in facts
        if f["relation"] in ("employed_by", "educated_at")
    }


NESTED_MD = """# Dana Cole

## Experience

- Research Intern, Quillon Labs (2019)
  - Built A Gizmo Compiler
  - Mentor: Bob Smith, Research Scientist
- Northwind Systems
  - Software Engineer, 2016 - 2018
  - Senior Software Engineer, 2018 - 2019

## Education

- Eastfield University, Ph.D. in Physics
  - 2015 - 2020
  - Thesis: Sparse Widgets Everywhere
  - National Scholarship
  - Gizmo Scholarship, 2018
- Westbrook College
  - B.S. in Mathematics, 2011 - 2015

## Honors

- 2019
  - Best Paper Award, Widget Conference
  - Gizmo Fellowship
- Outstanding Reviewer Award, 2018
  - awarded to 12 reviewers
"""

NESTED_HTML = """<html><body><h1>Dana Cole</h1>
<h2>Experience</h2>
<ul>
<li>Research Intern, Quillon Labs (2019)<ul><li>Built A Gizmo Compiler</li><li>Mentor: Bob Smith, Research Scientist</li></ul></li>
<li>Northwind Systems<ul><li>Software Engineer, 2016 - 2018</li><li>Senior Software Engineer, 2018 - 2019</li></ul></li>
</ul>
<h2>Education</h2>
<ul>
<li>Eastfield University, Ph.D. in Physics<ul><li>2015 - 2020</li><li>Thesis: Sparse Widgets Everywhere</li><li>National Scholarship</li><li>Gizmo Scholarship, 2018</li></ul></li>
<li>Westbrook College<ul><li>B.S. in Mathematics, 2011 - 2015</li></ul></li>
</ul>
<h2>Honors</h2>
<ul>
<li>2019<ul><li>Best Paper Award, Widget Conference</li><li>Gizmo Fellowship</li></ul></li>
<li>Outstanding Reviewer Award, 2018<ul><li>awarded to 12 reviewers</li></ul></li>
</ul>
</body></html>
"""


@pytest.mark.parametrize(("page", "fmt"), [(NESTED_MD, "markdown"), (NESTED_HTML, "html")])
def test_sub_bullets_stay_with_their_parent(extractor: Extractor, page: str, fmt: str) -> None:
    facts = run(extractor, page, fmt)
    assert jobs_and_degrees(facts) == {
        # the description and the mentor's title under the internship are no jobs of their own
        ("employed_by", "Quillon Labs", (("start", "2019"), ("title", "Research Intern"))),
        # an organisation over its dated roles: each role is a job there
        ("employed_by", "Northwind Systems", (("end", "2018"), ("start", "2016"), ("title", "Software Engineer"))),
        ("employed_by", "Northwind Systems", (("end", "2019"), ("start", "2018"), ("title", "Senior Software Engineer"))),
        # a sub-bullet of only dates dates its parent; a nested degree line gives its degree
        ("educated_at", "Eastfield University", (("degree", "Ph.D."), ("end", "2020"), ("field", "Physics"), ("start", "2015"))),
        ("educated_at", "Westbrook College", (("degree", "B.S."), ("end", "2015"), ("field", "Mathematics"), ("start", "2011"))),
    }
    # a year bullet dates the awards under it; a description under an award is no award
    assert of(facts, "award_received") == {
        "National Scholarship": {},
        "Gizmo Scholarship": {"date": "2018"},  # a dated scholarship under a degree is the scholarship's date
        "Best Paper Award": {"org": "Widget Conference", "date": "2019"},
        "Gizmo Fellowship": {"date": "2019"},
        "Outstanding Reviewer Award": {"date": "2018"},
    }


NESTED_NO_ENTRIES_MD = """# Dana Cole

## Experience

- Gizmo compiler project
  - Built A Gizmo Compiler
  - Mentor: Bob Smith, Research Scientist
- Northwind Systems hackathons
  - Code review, 2016
  - Widget sprint, 2018

## Education

- Coursework
  - Thesis: Sparse Widgets Everywhere
  - Advisor: Prof. Ada Lin
"""


def test_sub_bullets_without_entries_give_nothing(extractor: Extractor) -> None:
    """The negative twin: the same shapes, with no role or degree anywhere."""
    assert jobs_and_degrees(run(extractor, NESTED_NO_ENTRIES_MD, "markdown")) == set()


NESTED_PAPERS_MD = """# Dana Cole

I am a research scientist at Foo Labs.

## Publications

- **Learning Widgets from Gizmos at Scale**
  - Dana Cole, Kim Diaz
  - International Conference on Learning Representations (ICLR), 2022
  - [pdf] [code]
- **Dense Gizmo Retrieval with Widgets**
  - Kim Diaz, Dana Cole
  - CVPR 2021 (Oral)

## Projects

- **Widget Toolkit**
  - [code]
  - A library of gizmos
"""


def test_paper_with_its_authors_and_venue_nested(extractor: Extractor) -> None:
    papers = of(run(extractor, NESTED_PAPERS_MD, "markdown"), "author_of")
    assert papers == {
        "Learning Widgets from Gizmos at Scale": {"venue": "International Conference on Learning Representations (ICLR)", "date": "2022", "role": "first author"},
        "Dense Gizmo Retrieval with Widgets": {"venue": "CVPR", "date": "2021"},
    }


# ---------------------------------------------------------------- a season or month in its own cell

SEASON_CELLS_MD = """# Dana Cole

## Education

| Year | Term | Degree |
|---|---|---|
| 2015 | Fall | PhD, Eastfield University |
| Spring | 2010 | BS, Westbrook College |
| 2008 | Sep. | MS, Foo University |

## Experience

| Year | Term | Role | Where |
|---|---|---|---|
| 2019 | Summer | Research Intern | Quillon Labs |
| 2018 | Winter | Northwind Systems | |
| 2014 - 2016 | Fall | Teaching Assistant | Lakeside College |
"""

SEASON_CELLS_HTML = """<html><body><h1>Dana Cole</h1>
<h2>Education</h2>
<table>
<tr><th>Year</th><th>Term</th><th>Degree</th></tr>
<tr><td>2015</td><td>Fall</td><td>PhD, Eastfield University</td></tr>
<tr><td>Spring</td><td>2010</td><td>BS, Westbrook College</td></tr>
<tr><td>2008</td><td>Sep.</td><td>MS, Foo University</td></tr>
</table>
<h2>Experience</h2>
<table>
<tr><td>2019</td><td>Summer</td><td>Research Intern</td><td>Quillon Labs</td></tr>
<tr><td>2018</td><td>Winter</td><td>Northwind Systems</td></tr>
<tr><td>2014 - 2016</td><td>Fall</td><td>Teaching Assistant</td><td>Lakeside College</td></tr>
</table>
</body></html>
"""


@pytest.mark.parametrize(("page", "fmt"), [(SEASON_CELLS_MD, "markdown"), (SEASON_CELLS_HTML, "html")])
def test_season_or_month_cell_qualifies_the_year(extractor: Extractor, page: str, fmt: str) -> None:
    facts = run(extractor, page, fmt)
    assert jobs_and_degrees(facts) == {
        ("educated_at", "Eastfield University", (("degree", "PhD"), ("start", "2015-FA"))),
        ("educated_at", "Westbrook College", (("degree", "BS"), ("start", "2010-SP"))),
        ("educated_at", "Foo University", (("degree", "MS"), ("start", "2008-09"))),
        ("employed_by", "Quillon Labs", (("start", "2019-SU"), ("title", "Research Intern"))),
        # a range keeps its years: the season cell beside it does not say which end it qualifies
        ("employed_by", "Lakeside College", (("end", "2016"), ("start", "2014"), ("title", "Teaching Assistant"))),
    }
    # a season cell is never an organisation or a title ("2018 | Winter | Northwind Systems" names no role)
    named = {f["object"]["canonical"] for f in facts} | {f["qualifiers"].get("title") for f in facts}
    assert not named & {"Fall", "Spring", "Summer", "Winter", "Sep", "Sep."}


# ---------------------------------------------------------------- coordinated topics


@pytest.mark.parametrize(
    ("phrase", "topics"),
    [
        # a lone modifier shares the head of the compound after "and"
        ("3D and 4D generation", {"3D generation", "4D generation"}),
        ("natural and programming languages", {"natural languages", "programming languages"}),
        ("supervised and unsupervised learning", {"supervised learning", "unsupervised learning"}),
        ("Bayesian and causal inference", {"Bayesian inference", "causal inference"}),
        # a phrase and a single word: two topics, nothing shared
        ("question answering and dialogue", {"question answering", "dialogue"}),
        ("computer vision and robotics", {"computer vision", "robotics"}),
        # negative twins: one topic each
        ("robustness and fairness in ML", {"robustness and fairness in ML"}),
        ("theory and practice", {"theory and practice"}),
        ("vision and language", {"vision and language"}),
        ("video understanding and generation", {"video understanding and generation"}),
        ("robots and language models", {"robots and language models"}),
        ("multi-view and single-view depth estimation models", {"multi-view and single-view depth estimation models"}),
    ],
)
@pytest.mark.parametrize("layout", ["sentence", "list"])
def test_coordinated_topics(extractor: Extractor, phrase: str, topics: set[str], layout: str) -> None:
    if layout == "sentence":
        page = f"# Ana Lee\n\nI am a PhD student at Eastfield University. My research interests include {phrase}.\n"
    else:
        page = f"# Ana Lee\n\nI am a PhD student at Eastfield University.\n\n## Research Interests\n\n- {phrase}\n- sparse widgets\n"
        topics = topics | {"sparse widgets"}
    facts = [f for f in run(extractor, page, "markdown") if f["relation"] == "research_interest"]
    assert {f["object"]["canonical"] for f in facts} == topics
    for f in facts:
        # the object's offsets frame source text: the whole coordination for a topic whose head is shared
        assert page[f["object"]["start"] : f["object"]["end"]] == f["object"]["text"]
        assert f["object"]["canonical"] == f["object"]["text"] or f["object"]["text"] == phrase


YEAR_BULLETS_MD = """# Dana Cole

I am a research scientist at Foo Labs.

## Publications

- 2023
  - **Sparse Widget Fusion for Scene Parsing**, Ola Nwosu, Dana Cole, Widget Workshop.
  - **Gizmo Graphs Without Labels**, Ola Nwosu, Dana Cole, Gizmo Symposium.
- Selected
  - **Learning Widgets from Gizmos at Scale**, Kim Diaz, Dana Cole, Workshop on Widgets.
"""

YEAR_BULLETS_HTML = """<html><body><h1>Dana Cole</h1><p>I am a research scientist at Foo Labs.</p>
<h2>Publications</h2>
<ul><li>2023<ul>
<li><b>Sparse Widget Fusion for Scene Parsing</b>, Ola Nwosu, Dana Cole, Widget Workshop.</li>
<li><b>Gizmo Graphs Without Labels</b>, Ola Nwosu, Dana Cole, Gizmo Symposium.</li></ul></li>
<li>Selected<ul><li><b>Learning Widgets from Gizmos at Scale</b>, Kim Diaz, Dana Cole, Workshop on Widgets.</li></ul></li></ul>
</body></html>
"""


@pytest.mark.parametrize(("page", "fmt"), [(YEAR_BULLETS_MD, "markdown"), (YEAR_BULLETS_HTML, "html")])
def test_papers_under_a_year_bullet_take_its_year(extractor: Extractor, page: str, fmt: str) -> None:
    papers = of(run(extractor, page, fmt), "author_of")
    assert {t: q.get("date") for t, q in papers.items()} == {
        "Sparse Widget Fusion for Scene Parsing": "2023",
        "Gizmo Graphs Without Labels": "2023",
        "Learning Widgets from Gizmos at Scale": None,  # a bullet that is no date dates nothing
    }


DATED_ROLES_UNDER_ENTRY_MD = """# Dana Cole

## Education

- Eastfield University, Ph.D. in Physics, 2015 - 2020
  - Visiting Student, Gizmo Institute of Technology, 2018
  - Advisor: Prof. Ada Lin, Professor
  - 2019: Won best poster

## Experience

- Foo Labs, 2019 - 2022
  - Research Intern, 2019
  - Researcher, 2020 - 2022
"""


def test_dated_roles_nested_under_an_entry_are_entries(extractor: Extractor) -> None:
    """A dated role or degree under an entry is an entry of its own (at the parent's organisation when it
    names none); a labelled detail or a dated note under it is none."""
    assert jobs_and_degrees(run(extractor, DATED_ROLES_UNDER_ENTRY_MD, "markdown")) == {
        ("educated_at", "Eastfield University", (("degree", "Ph.D."), ("end", "2020"), ("field", "Physics"), ("start", "2015"))),
        ("educated_at", "Gizmo Institute of Technology", (("degree", "visiting student"), ("start", "2018"))),
        ("employed_by", "Foo Labs", (("start", "2019"), ("title", "Research Intern"))),
        ("employed_by", "Foo Labs", (("end", "2022"), ("start", "2020"), ("title", "Researcher"))),
    }


ITEM_TEXTS = st.sampled_from(
    ["Research Intern, Quillon Labs, 2019", "Northwind Systems", "2021", "Built a gizmo compiler", "Mentor: Ada Lin",
     "Software Engineer, 2016 - 2018", "Ph.D. in Physics, Eastfield University", "Gizmo Scholarship"]
)


@given(st.lists(st.tuples(st.integers(0, 3), ITEM_TEXTS), min_size=1, max_size=12))
@settings(max_examples=80, deadline=None)
def test_every_line_of_a_nested_list_is_read_once(extractor: Extractor, items: list) -> None:
    """Whatever the nesting, each line of the section is in exactly one record: as its own line,
    a line it continues with, a child of it, or the header its entries are read under."""
    from pipeline.document import new_doc, prepare
    from pipeline.relations.base import lines
    from pipeline.relations.nesting import records

    page = "# Dana Cole\n\n## Experience\n\n" + "".join(f"{'  ' * d}- {t}\n" for d, t in items)
    doc = extractor.nlp(new_doc(extractor.nlp, prepare(Input(page, "p", "p.md", "0" * 64, "markdown"), extractor.settings), None))
    recs = list(records(doc, {"experience"}))
    owned: list[int] = []
    headers = set()
    for r in recs:
        h = r.context
        while h is not None:
            headers.add(h.start)
            h = h.context
    for r in recs:
        owned += [ln.start for ln in lines(doc, {"experience"}) if r.start <= ln.start < r.end]
        owned += [c.start for c in r.children]
    assert sorted(owned + [h for h in headers if h not in owned]) == sorted(ln.start for ln in lines(doc, {"experience"}))


ROLE_OVER_EMPLOYER_MD = """# Dana Cole

I am a PhD student.

## Experience

- 2022 - 2023: Machine Learning Engineer
  - Quillon Labs, Springfield
  - Duties included: build widget pipelines
- Summer 2020: Game Programmer Intern
  - Northwind Games, Lakeside
- 2019: Research Assistant
  - Built a gizmo compiler with Prof. Ada Lin
"""

ROLE_OVER_EMPLOYER_HTML = """<html><body><h1>Dana Cole</h1><p>I am a PhD student.</p>
<h2>Experience</h2>
<ul>
<li>2022 - 2023: Machine Learning Engineer<ul><li>Quillon Labs, Springfield</li><li>Duties included: build widget pipelines</li></ul></li>
<li>Summer 2020: Game Programmer Intern<ul><li>Northwind Games, Lakeside</li></ul></li>
<li>2019: Research Assistant<ul><li>Built a gizmo compiler with Prof. Ada Lin</li></ul></li>
</ul></body></html>
"""


@pytest.mark.parametrize(("page", "fmt"), [(ROLE_OVER_EMPLOYER_MD, "markdown"), (ROLE_OVER_EMPLOYER_HTML, "html")])
def test_employer_on_the_line_under_the_role(extractor: Extractor, page: str, fmt: str) -> None:
    """A dated role whose sub-bullet is only the place of work works there; a description under a role names no employer."""
    assert jobs_and_degrees(run(extractor, page, fmt)) == {
        ("employed_by", "Quillon Labs", (("end", "2023"), ("start", "2022"), ("title", "Machine Learning Engineer"))),
        ("employed_by", "Northwind Games", (("start", "2020-SU"), ("title", "Game Programmer Intern"))),
    }


# ---------------------------------------------------------------- papers: what is not an author order or a title

LEADER_LINE_PAGE = """# Dana Okoro

## Publications

[Widget Meshes at Scale: A Sparse Study](https://example.org/a)

**Dana Okoro** is project leader.

[Gizmo Fields for Scene Parsing](https://example.org/b)

**Dana Okoro**, Lin Hale, Omar Diaz

[Sprocket Rigs Without Labels](https://example.org/c)

**Dana Okoro** and Lin Hale
"""


def test_a_sentence_about_the_owner_is_no_author_order(extractor: Extractor) -> None:
    papers = of(run(extractor, LEADER_LINE_PAGE, "markdown"), "author_of")
    assert set(papers) == {"Widget Meshes at Scale: A Sparse Study", "Gizmo Fields for Scene Parsing", "Sprocket Rigs Without Labels"}
    assert "role" not in papers["Widget Meshes at Scale: A Sparse Study"]
    assert papers["Gizmo Fields for Scene Parsing"].get("role") == "first author"
    assert papers["Sprocket Rigs Without Labels"].get("role") == "first author"


LINK_TITLE_BOLD_VENUE = """# Mira Solberg

## Publications

- [Sparse Gizmo Grammars for Chart Notes](https://example.org/a), Ken Aldo, **Mira Solberg**, Ivo Lind. **Northern Symposium on Chart Craft (NSCC)**, 2024.
- [Widget Maps: A Survey of Methods](https://example.org/b), **Mira Solberg**, Ken Aldo. **Annals of Widgetry**, 2023.
- Ken Aldo, **Mira Solberg**. **Rotary Sprocket Codes for Small Robots**. Widget Letters, 2022.
- [Gizmo Diffusion: A Pre-training Approach](https://example.org/c), Ken Aldo, **Mira Solberg**, **ICML 2021**
"""


def test_a_bold_venue_after_a_linked_title_is_not_the_title(extractor: Extractor) -> None:
    papers = of(run(extractor, LINK_TITLE_BOLD_VENUE, "markdown"), "author_of")
    assert set(papers) == {"Sparse Gizmo Grammars for Chart Notes", "Widget Maps: A Survey of Methods", "Rotary Sprocket Codes for Small Robots", "Gizmo Diffusion: A Pre-training Approach"}
    assert papers["Gizmo Diffusion: A Pre-training Approach"] == {"venue": "ICML", "date": "2021"}
    assert papers["Sparse Gizmo Grammars for Chart Notes"] == {"venue": "Northern Symposium on Chart Craft (NSCC)", "date": "2024"}
    assert papers["Widget Maps: A Survey of Methods"] == {"venue": "Annals of Widgetry", "date": "2023", "role": "first author"}


PROSE_MARKS_PAGE = """# Pia Lenz

## Publications

**Sprocket Fusion for Dense Widget Parsing**

**Pia Lenz**, Tom Reyes, Ana Cruz

- Extends the baseline with a **Gated Sprocket Memory (GSM)** module to sharpen parsing.
- It also avoids what the field calls the "Widget Drift Under Load" problem.

**Cheap Gizmo Detectors That Generalize**

Tom Reyes, **Pia Lenz**
"""


def test_marked_phrases_inside_prose_are_not_titles(extractor: Extractor) -> None:
    papers = of(run(extractor, PROSE_MARKS_PAGE, "markdown"), "author_of")
    assert set(papers) == {"Sprocket Fusion for Dense Widget Parsing", "Cheap Gizmo Detectors That Generalize"}


# ---------------------------------------------------------------- interests: heads, glosses and lead phrases

HEADED_INTERESTS = """# Oren Malik

## Research Interests

- **Widget Perception**: robust and cheap gizmo detectors for small robots
- **Sprocket Planning**: planning under load with learned models
- Gizmo Forecasting (Offline GF)
- Causal Widgetry
"""


def test_an_interest_item_names_its_topic_before_the_colon(extractor: Extractor) -> None:
    topics = set(of(run(extractor, HEADED_INTERESTS, "markdown"), "research_interest"))
    assert topics == {"Widget Perception", "Sprocket Planning", "Gizmo Forecasting", "Causal Widgetry"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("My research focuses on widget theory, with a focus on (Sparse) Gizmo Models and Sprocket Design.", {"widget theory", "Gizmo Models", "Sprocket Design"}),
        ("My research focuses on widget theory, with an emphasis on integrating gizmo learning and sprocket design.", {"widget theory", "gizmo learning", "sprocket design"}),
        ("My research interests include widget theory (gizmo models, sprocket design).", {"widget theory", "gizmo models", "sprocket design"}),
    ],
)
def test_lead_phrases_and_glosses_are_not_topics(extractor: Extractor, sentence: str, expected: set[str]) -> None:
    page = f"# Lea Varga\n\nI am a PhD student at Eastfield University. {sentence}\n"
    assert set(of(run(extractor, page, "markdown"), "research_interest")) == expected


# ---------------------------------------------------------------- awards: a grade after the name is not its giver

AWARD_GIVERS = """# Sven Idowu

I am a PhD student at Eastfield University.

## Honors and Awards

- 2022 Widget Scholarship, First Class.
- 2019 Sprocket Prize, Second Prize
- 2018 Gizmo Medal, Lakeside Society of Widgets
- 2017 Scholarship from the Harbor Widget Foundation
"""


def test_a_grade_after_the_award_is_not_its_giver(extractor: Extractor) -> None:
    awards = of(run(extractor, AWARD_GIVERS, "markdown"), "award_received")
    assert awards == {
        "Widget Scholarship": {"date": "2022"},
        "Sprocket Prize": {"date": "2019"},
        "Gizmo Medal": {"org": "Lakeside Society of Widgets", "date": "2018"},
        "Scholarship from the Harbor Widget Foundation": {"date": "2017"},
    }


# ---------------------------------------------------------------- education items: a degree word the school's name swallowed


@pytest.mark.parametrize(
    ("item", "school", "degree"),
    [
        ("- *2020.09 - 2024.07*, Bachelor in Lakeside University", "Lakeside University", "Bachelor"),
        ("- *2024.07 - now*, Joint PhD Student in Quillon University", "Quillon University", "PhD"),
        ("- *2018.09 - 2020.06*, Master in Orbit Institute of Technology", "Orbit Institute of Technology", "Master"),
        # the twin: a school whose own name holds "in" keeps it
        ("- *2016.09 - 2020.06*, B.S., University of Widgets in Lakeside", "University of Widgets in Lakeside", "B.S."),
    ],
)
def test_a_degree_before_in_is_not_part_of_the_school(extractor: Extractor, item: str, school: str, degree: str) -> None:
    page = f"# Kai Ren\n\n## Education\n\n{item}\n"
    schools = of(run(extractor, page, "markdown"), "educated_at")
    assert set(schools) == {school}
    assert schools[school]["degree"] == degree


@pytest.mark.parametrize(
    ("item", "schools"),
    [
        ("- *2024.07 - now*, Joint PhD Student in Quillon University and Northwind AI Lab", {"Quillon University", "Northwind AI Lab"}),
        ("- *2019.09 - 2024.06*, Ph.D., Orbit Institute of Technology and Lakeside University", {"Orbit Institute of Technology", "Lakeside University"}),
        # the twin: "and" inside one school's name
        ("- *2015.09 - 2019.06*, B.S., Lakeside University of Science and Technology", {"Lakeside University of Science and Technology"}),
    ],
)
def test_a_joint_programme_names_two_schools(extractor: Extractor, item: str, schools: set[str]) -> None:
    page = f"# Kai Ren\n\n## Education\n\n{item}\n"
    assert set(of(run(extractor, page, "markdown"), "educated_at")) == schools


# ---------------------------------------------------------------- template filler states nothing

FILLER_PAGE = """# Noor Haddad

I am a PhD student at Eastfield University.

## Honors and Awards

- *2021.10* Lorem ipsum dolor sit amet, consectetur adipiscing elit.
- *2020.09* Widget Scholarship

## Internships

- *2019.05 - 2020.02*, [Lorem](https://example.org/), Lakeside.
- *2018.05 - 2018.09*, [Quillon Labs](https://example.org/), Lakeside.
"""


def test_template_filler_gives_no_facts(extractor: Extractor) -> None:
    facts = run(extractor, FILLER_PAGE, "markdown")
    assert set(of(facts, "award_received")) == {"Widget Scholarship"}
    assert set(of(facts, "employed_by")) == {"Quillon Labs"}


# ---------------------------------------------------------------- one-line citations: a venue is never the title

SPAN_ENTRIES_HTML = """<html><body><h1>Rui Tanaka</h1>
<h2>Publications</h2>
<div class="pub">
  <span class="pub-title">Sparse widget grammars for incremental gizmo matching</span>
  <span class="pub-authors"><strong>Rui Tanaka</strong>, K. Aldo, I. Lind.</span>
  <span class="pub-venue">Proceedings of the Northern Conference on Widget Vision (NCWV), 2024.</span>
</div>
<h2>Selected Papers</h2>
<ul><li>Rui Tanaka, Ken Aldo. Rotary Sprocket Codes for Small Robots. Proceedings of the Widget Symposium, 2022.</li></ul>
</body></html>"""


def test_a_venue_read_as_a_title_gives_no_paper(extractor: Extractor) -> None:
    papers = of(run(extractor, SPAN_ENTRIES_HTML, "html"), "author_of")
    assert not any("Proceedings" in t or "Conference" in t for t in papers)
    assert "Rotary Sprocket Codes for Small Robots" in papers


CARD_TAGS_HTML = """<html><body><h1>Lin Hale</h1>
<h2>Publications</h2>
<div class="paper-card">
  <div class="meta"><span class="tag">📦 Widget Detection</span> <span class="tag">CVPR 2024</span></div>
  <a href="https://example.org/a" class="title">Sparse Widget Detection with Gizmo Priors at Scale</a>
  <p class="authors">Lin Hale, Ken Aldo, Ivo Lind</p>
</div>
<div class="paper-card">
  <div class="meta"><span class="tag">ICLR 2023</span></div>
  <a href="https://example.org/b" class="title">Rotary Sprocket Codes for Small Robots</a>
  <p class="authors">Ken Aldo, Lin Hale</p>
</div>
</body></html>"""


def test_a_topic_tag_before_a_known_venue_is_not_the_venue(extractor: Extractor) -> None:
    papers = of(run(extractor, CARD_TAGS_HTML, "html"), "author_of")
    assert papers["Sparse Widget Detection with Gizmo Priors at Scale"]["venue"] == "CVPR"
    assert papers["Rotary Sprocket Codes for Small Robots"]["venue"] == "ICLR"


# ---------------------------------------------------------------- award sections named for recognition or distinctions

RECOGNITION_PAGE = """# Nora Vance

Nora Vance is a chemist.

## {heading}

- Fellow of the Widget Society (2019)
- Gizmo Review Innovators Under 35 (2015)
"""


@pytest.mark.parametrize("heading", ["Awards and Recognition", "Honors & Distinctions", "Distinctions", "Recognition", "Accolades"])
def test_recognition_sections_list_awards(extractor: Extractor, heading: str) -> None:
    awards = of(run(extractor, RECOGNITION_PAGE.format(heading=heading), "markdown"), "award_received")
    assert awards["Fellow of the Widget Society"]["date"] == "2019"
    assert awards["Gizmo Review Innovators Under 35"]["date"] == "2015"


SENTENCES_UNDER_RECOGNITION = """Ada Reyes

Ada Reyes is a chemist at Quillon.

Recognition

Reyes received the 2017 Keller Award.[4]

Reyes was appointed a Fellow of the Widget Society in 2019.

Widget Medal (2019).[5]

References

[4] Widget News, 2017
"""


def test_sentences_under_an_awards_heading_are_read_as_prose(extractor: Extractor) -> None:
    """A line that is a sentence names no award as a whole: the prose rules read it; a reference mark ends a name."""
    awards = of(run(extractor, SENTENCES_UNDER_RECOGNITION, "markdown"), "award_received")
    assert awards["Keller Award"]["date"] == "2017"
    assert awards["Widget Medal"]["date"] == "2019"
    assert not [a for a in awards if "Reyes" in a or "[" in a or "Widget News" in a]


@pytest.mark.parametrize("heading", ["See Also", "Collaborations", "Media"])
def test_other_sections_list_no_awards(extractor: Extractor, heading: str) -> None:
    assert of(run(extractor, RECOGNITION_PAGE.format(heading=heading), "markdown"), "award_received") == {}


# ---------------------------------------------------------------- one-line citations with a note

NOTED_CITATIONS = """<html><body><h1>Nora Vance</h1>
<h2>Publications</h2>
<ul>
  <li> A. Lee, B. Roe and N. Vance. Sparse Widget Trees for Gizmo Search. Gizmo Workshop on Widgets, 2017 (<font color="red">BEST PAPER</font>), and ICLR 2018, arxiv, <a href="a.pdf">PDF</a>
  <li>K. Diaz and N. Vance. Recurrent Sprocket Embeddings for Recommendation, Widget Workshop on Recommendation, 2016. <a href="b.pdf">PDF</a> (<font color="red">BEST PAPER</font>)
  </li>
  <li>
    Vance, N., Lee, A., and Roe, B., Kernel Gizmo Propagation, International Conference on Widgets (ICW), 2011.
    <a href="c.pdf">PDF</a>
  </li>
</ul>
</body></html>
"""


def test_citations_with_notes_give_their_titles(extractor: Extractor) -> None:
    titles = set(of(run(extractor, NOTED_CITATIONS, "html"), "author_of"))
    assert {"Sparse Widget Trees for Gizmo Search", "Kernel Gizmo Propagation"} <= titles
    assert not any(t.startswith(("A. Lee", "K. Diaz")) for t in titles)  # never the author list as a title


def test_an_item_s_dates_on_a_labelled_line_below_it(extractor: Extractor) -> None:
    """"- Research Intern @ X" then "Topic: ..." and "Time: 2023.07 -- 2024.08": the item's dates; the next item
    never lends its dates to one without them."""
    page = (
        "# Qi Wang\n\n## Experience\n\n"
        "- Research Intern @ Kestrel Labs, Quillon Group<br>\n  Topic: Character modeling in books.<br>\n  Advisor: Mo Yu<br>\n  Time: 2023.07 -- 2024.08<br>\n"
        "- Research Intern @ Orbit Systems<br>\n  Topic: Retrieval<br>\n"
        "- Research Intern @ Helix Labs<br>\n  Time: 2021.07 -- 2021.09<br>\n"
    )
    jobs = {f["object"]["canonical"]: f["qualifiers"] for f in run(extractor, page, "markdown") if f["relation"] == "employed_by"}
    assert (jobs["Kestrel Labs"]["start"], jobs["Kestrel Labs"]["end"]) == ("2023-07", "2024-08")
    assert (jobs["Helix Labs"]["start"], jobs["Helix Labs"]["end"]) == ("2021-07", "2021-09")
    assert jobs["Orbit Systems"].get("start") is None and jobs["Orbit Systems"].get("end") is None


def test_a_label_run_into_an_item_ends_its_organisation(extractor: Extractor) -> None:
    """A soft-wrapped item ("- Research Intern @ Orbit Systems" / "Topic: Retrieval" on one line once rendered):
    the label starts a segment of its own; a name that merely holds such a word stays whole."""
    page = (
        "# Qi Wang\n\n## Experience\n\n"
        "- Research Intern @ Orbit Systems\n  Topic: Retrieval\n"
        "- Research Intern @ Helix Labs\n  Time: 2021.07 -- 2021.09\n"
        "- Research Intern @ Quillon Project Lab, 2019\n"
    )
    jobs = {f["object"]["canonical"]: f["qualifiers"] for f in run(extractor, page, "markdown") if f["relation"] == "employed_by"}
    assert {"Orbit Systems", "Helix Labs", "Quillon Project Lab"} <= set(jobs)
    assert (jobs["Helix Labs"]["start"], jobs["Helix Labs"]["end"]) == ("2021-07", "2021-09")


@pytest.mark.parametrize(
    "paragraph",
    [
        "Reyes studied physics at Quillon University for two years before dropping out in 2005 to found Kestrel, an app.",
        "Born in 1986 in Springfield, Reyes moved to Oslo at age five and later enrolled at the University of Tarn in 2004.",
        "Reyes attended Lakeside College for a year and then transferred to Eastfield University to study chemistry.",
    ],
)
def test_a_paragraph_under_an_education_heading_is_no_entry(extractor: Extractor, paragraph: str) -> None:
    page = f"# Ada Reyes\n\nAda Reyes is an engineer.\n\n## Early life and education\n\n{paragraph}\n"
    assert not [f for f in run(extractor, page, "markdown") if f["rule"] == "education.item"]


def test_an_entry_with_a_verb_in_its_thesis_title_stays_an_entry(extractor: Extractor) -> None:
    page = "# Ada Reyes\n\nI am a professor.\n\n## Education\n\nM.S. in Computer Science, Eastfield University, 2010. Thesis: Graphs that learn to see their neighbours well.\n"
    assert "Eastfield University" in of(run(extractor, page, "markdown"), "educated_at")


# ---------------------------------------------------------------- what was done where, and a named lab of a university

ACTIVITY_ITEMS = """# Mara Lind

## Experience

* Research at Harlow Institute of Fog Computing (HIFC), Shanghai, China. (Apr. 2018 - July 2019)
* Intern at Widget Laboratory of Dunmore University, Beijing, China. (June 2013 - Aug. 2013)
* Hiking at Harlow Park (2010)
* Research at Brightwave Labs
"""


def test_an_activity_at_a_place_with_dates_is_work_there(extractor: Extractor) -> None:
    """"Research at X (2018 - 2019)" is a job without a title; a hobby, or an activity without dates, is none;
    a named lab "of" a university employs, and is part of the university."""
    facts = run(extractor, ACTIVITY_ITEMS, "markdown")
    jobs = {k: {q: v for q, v in quals.items() if v} for k, quals in of(facts, "employed_by").items()}
    assert jobs == {
        "Harlow Institute of Fog Computing": {"start": "2018-04", "end": "2019-07"},
        "Widget Laboratory": {"title": "Intern", "start": "2013-06", "end": "2013-08"},
    }
    parts = {(f["subject"]["canonical"], f["object"]["canonical"]) for f in facts if f["relation"] == "part_of"}
    assert parts == {("Widget Laboratory", "Dunmore University")}


INTERNSHIP_PAIRS = """# Mara Lind

## Internships

- *2024.02 - 2024.06*, QRXI, NLCo, Beijing.
- *2023.02 - 2023.06*, Seed, Quillon, Beijing.
"""


def test_two_acronyms_in_an_item_say_nothing_of_which_holds_which(extractor: Extractor) -> None:
    """"Seed, Quillon": a unit named before its company; "QRXI, NLCo": two bare acronyms, no part_of."""
    facts = run(extractor, INTERNSHIP_PAIRS, "markdown")
    parts = {(f["subject"]["canonical"], f["object"]["canonical"]) for f in facts if f["relation"] == "part_of"}
    assert parts == {("Seed", "Quillon")}
