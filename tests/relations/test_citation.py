"""Publication entry strings in the layouts homepages use: title, venue and year of each."""

from __future__ import annotations

import pytest

from pipeline.relations.citation import (
    is_author_line,
    is_badge,
    is_links_line,
    parse_citation,
    venue_of,
)

ENTRIES = [
    # one-line citations: Authors. Title. Venue, Year.
    ("A. Lee, J. Roe. Sparse Widgets at Scale. J. Widgetry, 2023.", "Sparse Widgets at Scale", "J. Widgetry", "2023"),
    ("Ana Lee, Jon Roe, and Kim Diaz. Learning Widgets from Noisy Labels. In Proceedings of CVPR, 2022.", "Learning Widgets from Noisy Labels", "Proceedings of CVPR", "2022"),
    ("Ana Lee and Jon Roe. 2023. Sparse Gizmo Codes. In Proceedings of ACL.", "Sparse Gizmo Codes", "Proceedings of ACL", "2023"),
    ("Tom Brandt, Ola Nwosu. Robust, Fast and Cheap Sprocket Detection. ICLR 2024 (Spotlight).", "Robust, Fast and Cheap Sprocket Detection", "ICLR", "2024"),
    ("Mei Sato, Raul Ortiz, Lin Wu. Why Do Widgets Fail? IEEE Transactions on Widgets, 2020.", "Why Do Widgets Fail?", "IEEE Transactions on Widgets", "2020"),
    ("P. Novak and Q. Hale. Graph Sprockets for Retrieval. arXiv preprint, 2025.", "Graph Sprockets for Retrieval", "arXiv preprint", "2025"),
    ("Dana Cole, Eli Frost. A Survey of Gizmo Learning. ACM Computing Surveys, 2019.", "A Survey of Gizmo Learning", "ACM Computing Surveys", "2019"),
    ("J. Roe, A. Lee, M. Sato. Tiny Gadgets: Efficient Inference on Phones. MobiSys 2022.", "Tiny Gadgets: Efficient Inference on Phones", "MobiSys", "2022"),
    ("Nora Vance, Igor Petrov. Scaling Widget Models. Workshop on Efficient Widgets, ICML 2023.", "Scaling Widget Models", "Workshop on Efficient Widgets, ICML", "2023"),
    ("K. Diaz, T. Brandt, et al. Open Widget Benchmarks. EMNLP 2021.", "Open Widget Benchmarks", "EMNLP", "2021"),
    # quoted titles
    ('A. Lee, J. Roe, "Sparse Widgets at Scale," J. Widgetry, 2023.', "Sparse Widgets at Scale", "J. Widgetry", "2023"),
    ('Mei Sato and Raul Ortiz. "Learning Gizmos Without Labels." CVPR, 2021.', "Learning Gizmos Without Labels", "CVPR", "2021"),
    ('Ola Nwosu, Dana Cole, "Fair Sprocket Ranking", Proceedings of SIGIR 2020.', "Fair Sprocket Ranking", "Proceedings of SIGIR", "2020"),
    ('Chen Hao, Li Ming, "An Indoor Widget Method With Autonomous Search", Chinese Patent 2021114.1, 2021.', "An Indoor Widget Method With Autonomous Search", "Chinese Patent 2021114.1", "2021"),
    ('T. Brandt, "Gadget Theory Revisited", Annals of Gadgetry 12(3), 2018.', "Gadget Theory Revisited", "Annals of Gadgetry 12(3)", "2018"),
    # Title, Authors, Venue (V), Year
    ("Sparse Widget Fusion for Scene Parsing, Ana Lee, Jon Roe, Kim Diaz, Remote Widget Sensing (RWS), 2024", "Sparse Widget Fusion for Scene Parsing", "Remote Widget Sensing (RWS)", "2024"),
    ("Deep Gizmo Networks, Mei Sato, Raul Ortiz, IEEE Transactions on Gizmos (TGZ), 2022", "Deep Gizmo Networks", "IEEE Transactions on Gizmos (TGZ)", "2022"),
    ("How do sprockets shape urban heat? A study of Springfield, Ana Lee, Jon Roe, Journal of Applied Sprockets, 2021", "How do sprockets shape urban heat? A study of Springfield", "Journal of Applied Sprockets", "2021"),
    ("Gadget Search at Scale, Nora Vance, Igor Petrov, Dana Cole, Widgets (WG), 2020", "Gadget Search at Scale", "Widgets (WG)", "2020"),
    ("Cross-View Widget Matching, Eli Frost, Ola Nwosu, ECCV, 2022", "Cross-View Widget Matching", "ECCV", "2022"),
    # [Venue Year] Title. Authors
    ("[TPAMI’ 2023] Invariant Widget Clustering with Missing Views. Ana Lee, Jon Roe, and Kim Diaz", "Invariant Widget Clustering with Missing Views", "TPAMI", "2023"),
    ("[CVPR 2022] Fair Gizmo Clustering: Theory, Algorithm and Metric. Mei Sato, Raul Ortiz", "Fair Gizmo Clustering: Theory, Algorithm and Metric", "CVPR", "2022"),
    ("- [ICLR'24] Sprocket Pruning Made Easy. Tom Brandt, Ola Nwosu", "Sprocket Pruning Made Easy", "ICLR", "2024"),
    ("1. [NeurIPS 2020] Widget Flows for Density Estimation. Dana Cole, Eli Frost", "Widget Flows for Density Estimation", "NeurIPS", "2020"),
    ("[AAAI 2019] Gadget Graphs. P. Novak, Q. Hale", "Gadget Graphs", "AAAI", "2019"),
    # list markers and numbering
    ("- A. Lee, J. Roe. Sparse Gizmos. ICML 2021.", "Sparse Gizmos", "ICML", "2021"),
    ("[3] Mei Sato, Raul Ortiz. Widget Attention Is Enough. NeurIPS 2019.", "Widget Attention Is Enough", "NeurIPS", "2019"),
    ("2. Nora Vance, Igor Petrov. Gizmo Transformers for Tables. KDD 2023.", "Gizmo Transformers for Tables", "KDD", "2023"),
    ("* Kim Diaz and Tom Brandt. Sprocket Alignment. ACL 2022.", "Sprocket Alignment", "ACL", "2022"),
    ("- Ola Nwosu, Eli Frost. Robust Widget Transfer. In ICCV, 2021.", "Robust Widget Transfer", "ICCV", "2021"),
    # titles with commas, colons and question marks; venue with notes
    ("A. Lee, J. Roe. Widgets, Gadgets, and Sprockets: A Unified View. NeurIPS 2023 (Oral, top 2%).", "Widgets, Gadgets, and Sprockets: A Unified View", "NeurIPS", "2023"),
    ("Mei Sato, Raul Ortiz. Can Gizmos Count? EMNLP 2020.", "Can Gizmos Count?", "EMNLP", "2020"),
    ("Dana Cole, Eli Frost. Learning, Fast and Slow, for Widgets. ICML 2018 (Best Paper Award).", "Learning, Fast and Slow, for Widgets", "ICML", "2018"),
    ("Jon Roe, Ana Lee. One Widget to Rule Them All. Findings of ACL, 2023.", "One Widget to Rule Them All", "Findings of ACL", "2023"),
    ("Kim Diaz, Nora Vance. Sprocket Diffusion. To appear in SIGGRAPH 2025.", "Sprocket Diffusion", "SIGGRAPH", "2025"),
    ("Tom Brandt, Igor Petrov. Widget Retrieval with Gadgets. Accepted by WWW 2024.", "Widget Retrieval with Gadgets", "WWW", "2024"),
    ("Eli Frost, Ola Nwosu. Self-Supervised Gizmo Learning. IEEE Robotics and Automation Letters (RA-L), 2022.", "Self-Supervised Gizmo Learning", "IEEE Robotics and Automation Letters (RA-L)", "2022"),
    ("P. Novak, Q. Hale, R. Stone. Gadget Maps in 3D. Int. J. Gadget Vision, 2017.", "Gadget Maps in 3D", "Int. J. Gadget Vision", "2017"),
    ("Ana Lee, Jon Roe. Widget Codes. Nature Widgets 5, 2021.", "Widget Codes", "Nature Widgets 5", "2021"),
    ("Mei Sato, Raul Ortiz, Dana Cole. Sparse Sprocket Trees. AISTATS 2016.", "Sparse Sprocket Trees", "AISTATS", "2016"),
    ("Lin Wu, Kim Diaz. Gizmo Policies for Robots. CoRL 2024.", "Gizmo Policies for Robots", "CoRL", "2024"),
    ("Igor Petrov, Tom Brandt. A Gadget Dataset. NeurIPS Datasets and Benchmarks Track, 2023.", "A Gadget Dataset", "NeurIPS Datasets and Benchmarks Track", "2023"),
]

# Surname-first author lists ("Roe, J., Lee, A., and Diaz, K."): the title ends at a stop, or at the comma before the venue.
INVERTED = [
    ("Roe, J., Lee, A., and Diaz, K., Sparse Widget Propagation, International Conference on Gadgets (ICG), 2011.",
     "Roe, J., Lee, A., and Diaz, K.", "Sparse Widget Propagation", "International Conference on Gadgets (ICG)", "2011"),
    ("Vance, N., Brandt, T., and Okafor, M. Widgets, Gadgets and Sprockets at Scale. Gizmo Systems (GS 2014). PDF",
     "Vance, N., Brandt, T., and Okafor, M.", "Widgets, Gadgets and Sprockets at Scale", "Gizmo Systems (GS", "2014"),
    ("Sato, M. and van Berg, E., Sparse Sprocket Trees, Journal of Gizmo Research, 2013.",
     "Sato, M. and van Berg, E.", "Sparse Sprocket Trees", "Journal of Gizmo Research", "2013"),
]


@pytest.mark.parametrize(("entry", "authors", "title", "venue", "year"), INVERTED)
def test_surname_first_citations(entry: str, authors: str, title: str, venue: str, year: str) -> None:
    c = parse_citation(entry)
    assert c is not None and c.authors is not None and c.venue is not None
    assert (entry[c.authors[0] : c.authors[1]], entry[c.title[0] : c.title[1]], entry[c.venue[0] : c.venue[1]], c.year) == (authors, title, venue, year)


@pytest.mark.parametrize(
    "line",
    # negative twins: surnames without initials are no author list, and an author list alone has no title
    ["Roe, Lee, and Diaz went to Paris, Texas, in 2011.", "Vance, N., Brandt, T., and Okafor, M.", "Sato and van Berg, Sparse Sprocket Trees, 2013"],
)
def test_surname_first_needs_initials_and_a_title(line: str) -> None:
    assert parse_citation(line) is None


GLUED = [
    # a title run straight into its authors (the page set them apart by styling alone)
    ("Sparse Routing for Mixture Models Lena Okafor, T. Brandt, M. Ruiz. International Conference on Machine Learning (ICML), 2023.",
     "Sparse Routing for Mixture Models", "Lena Okafor, T. Brandt, M. Ruiz", "International Conference on Machine Learning (ICML)", "2023"),
    ("Graph Priors in Protein Design Tomas Ekberg, A. Noor and P. Lind. Neural Information Processing Systems (NeurIPS), 2022.",
     "Graph Priors in Protein Design", "Tomas Ekberg, A. Noor and P. Lind", "Neural Information Processing Systems (NeurIPS)", "2022"),
    ("Learning to Rank with Weak Labels K. Osei, Mira Castell, J. Hu. ACM SIGIR, 2021.",
     "Learning to Rank with Weak Labels", "K. Osei, Mira Castell, J. Hu", "ACM SIGIR", "2021"),
    ("Widgets: Fast, Cheap, and Sparse Sprocket Search Y. L. Okafor, Jon Roe, Ola Nwosu. Journal of Gizmo Research, 2019.",
     "Widgets: Fast, Cheap, and Sparse Sprocket Search", "Y. L. Okafor, Jon Roe, Ola Nwosu", "Journal of Gizmo Research", "2019"),
]


@pytest.mark.parametrize(("entry", "title", "authors", "venue", "year"), GLUED)
def test_title_glued_to_authors(entry: str, title: str, authors: str, venue: str, year: str) -> None:
    c = parse_citation(entry)
    assert c is not None and c.authors is not None and c.venue is not None
    assert (entry[c.title[0] : c.title[1]], entry[c.authors[0] : c.authors[1]], entry[c.venue[0] : c.venue[1]], c.year) == (title, authors, venue, year)


@pytest.mark.parametrize(
    ("entry", "title"),
    # negative twins: authors first stays authors first
    [("Lena Okafor, T. Brandt, M. Ruiz. Sparse Routing for Mixture Models. ICML, 2023.", "Sparse Routing for Mixture Models"),
     ("Tomas Ekberg, A. Noor and P. Lind. Graph Priors in Protein Design. NeurIPS, 2022.", "Graph Priors in Protein Design"),
     ("A. Lee, B. Roe, C. Diaz, D. Kim and E. Park. Sparse Widget Models. ICLR 2017.", "Sparse Widget Models")],
)
def test_authors_first_is_not_read_as_glued(entry: str, title: str) -> None:
    c = parse_citation(entry)
    assert c is not None and entry[c.title[0] : c.title[1]] == title


@pytest.mark.parametrize(
    "line",
    # negative twins: a phrase ending in a function word, or before a single name, is no title
    ["We had the pleasure to work with Lena Okafor, T. Brandt, M. Ruiz. It was 2021.",
     "We thank our reviewers Lena Okafor and Jon Roe. See you in 2021."],
)
def test_no_title_glued_to_too_few_names(line: str) -> None:
    c = parse_citation(line)
    assert c is None or "Okafor" not in line[c.title[0] : c.title[1]] and "reviewers" not in line[c.title[0] : c.title[1]]


@pytest.mark.parametrize(("entry", "title", "venue", "year"), ENTRIES)
def test_citation_parts(entry: str, title: str, venue: str, year: str) -> None:
    c = parse_citation(entry)
    assert c is not None
    assert entry[c.title[0] : c.title[1]] == title
    assert c.venue is not None and entry[c.venue[0] : c.venue[1]] == venue
    assert c.year == year


def test_table_is_large_enough() -> None:
    assert len(ENTRIES) >= 40


@pytest.mark.parametrize(
    "line",
    ["NeurIPS 2021. [pdf] [code]", "ICLR 2023 (Spotlight)", "(Oral, top 2%)", "Ana Lee, Jon Roe, Kim Diaz", "[pdf] [code] [slides]", "MICCAI-2022"],
)
def test_non_titles_give_no_citation(line: str) -> None:
    assert parse_citation(line) is None


@pytest.mark.parametrize(
    ("line", "badge"),
    [("NeurIPS 2021", True), ("ICLR 2023 (Spotlight)", True), ("(Oral, top 2%)", True), ("MICCAI-2022", True), ("RWS 2024", True),
     ("Sparse Widgets at Scale", False), ("Ana Lee, Jon Roe", False), ("Widget Learning for Robots in 2023", False)],
)
def test_badges(line: str, badge: bool) -> None:
    assert is_badge(line) is badge


@pytest.mark.parametrize(
    ("line", "links"),
    [("[pdf] [code] [slides]", True), ("arXiv | code | Project Page", True), ("[Paper] [Code] [Demo] [Blog]", True), ("Paper | Code", True),
     ("Sparse Widgets at Scale", False), ("NeurIPS 2021", False), ("Ana Lee, Jon Roe", False)],
)
def test_links_lines(line: str, links: bool) -> None:
    assert is_links_line(line) is links


@pytest.mark.parametrize(
    ("line", "authors"),
    [("Ana Lee*, Jon Roe*, Kim Diaz, and Tom Brandt**", True), ("A. Lee, J. Roe and K. Diaz", True), ("Eli van der Berg, Ola Nwosu", True),
     ("Sparse Widgets at Scale", False), ("Computer Vision and Pattern Recognition (CVPR), 2024.", False), ("Paper | Code", False),
     ("Jane Roe, Northfield University", False), ("Tariq Osei, Quillon Labs", False), ("Jane Roe, Tariq Osei, Northfield University", True)],
)
def test_author_lines(line: str, authors: bool) -> None:
    assert is_author_line(line) is authors


@pytest.mark.parametrize(
    ("line", "venue", "year"),
    [
        ("Computer Vision and Pattern Recognition (CVPR), 2024. (Highlight, Top 3%)", "Computer Vision and Pattern Recognition (CVPR)", "2024"),
        ("IEEE International Conference on Widget Science (CWS), Springfield, Freedonia, 2023", "IEEE International Conference on Widget Science (CWS)", "2023"),
        ("arxiv, 2024", "arxiv", "2024"),
        ("MICCAI-2022", "MICCAI", "2022"),
        ("In Proceedings of the Widget Symposium, 2019.", "Proceedings of the Widget Symposium", "2019"),
        ("NeurIPS 2021", "NeurIPS", "2021"),
    ],
)
def test_venue_lines(line: str, venue: str, year: str) -> None:
    v = venue_of(line)
    assert v is not None and line[v.start : v.end] == venue and v.year == year
