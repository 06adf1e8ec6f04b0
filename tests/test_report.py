"""The review report: every fact shown and linked to its evidence, counts right, verdicts right, hostile text inert."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline import report
from pipeline.manifest import manifest_entry
from pipeline.report.graph import Edge, render_graph
from pipeline.report.highlight import Span, render_spans
from pipeline.report.render import CSP
from pipeline.schema import Argument, DateMention, DocumentRecord, Entity, ErrorInfo, Evidence, Fact, Qualifiers, dumps

# --- sample output written from scratch -----------------------------------------------------

PROFILE = """# Dana Whitfield

Dana Whitfield is a research scientist at Northwind Robotics, where she leads the Perception Team.
She received her PhD in Computer Science from Lakeside University in 2019.
In May 2021 she won the Harbor Award for Young Researchers.

## News
""" + "".join(f"- 2020.{m:02d}: gave talk number {m} at the Example Seminar.\n" for m in range(1, 13)) * 5 + """
## Publications
- Fast Widgets for Slow Robots. Dana Whitfield, Omar Reyes. ICRA 2022.
- Slow Widgets. Omar Reyes, Dana Whitfield. IROS 2021.
"""

HOSTILE = """Evil <script>document.title='pwned';window.pwned=1</script> Person works at Bad Corp.
<img src=x onerror="window.pwned=2"> and <a href="javascript:window.pwned=3">click me</a>
</textarea></pre><script>window.pwned=4</script> "><svg onload="window.pwned=5"></svg>
<iframe src="https://example.com/"></iframe><link rel="stylesheet" href="https://example.com/x.css">
"""


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _arg(text: str, raw: str, label: str, canonical: str | None = None) -> Argument:
    s, e = _at(raw, text)
    return Argument(text=text, label=label, canonical=canonical, start=s, end=e)


def _fact(doc_id: str, raw: str, relation: str, subj: str, obj: str, evidence: str, obj_label: str = "ORG", **quals) -> Fact:
    s, e = _at(raw, evidence)
    return Fact(
        doc_id=doc_id,
        relation=relation,
        subject=_arg(subj, raw, "PERSON"),
        object=_arg(obj, raw, obj_label),
        qualifiers=Qualifiers(**quals),
        evidence=Evidence(text=evidence, start=s, end=e),
        rule=f"test.{relation}",
        confidence=0.9,
    )


def _entities(raw: str, items: list[tuple[str, str]]) -> list[Entity]:
    out = []
    for i, (text, label) in enumerate(items):
        s, e = _at(raw, text)
        out.append(Entity(id=f"e{i}", label=label, text=text, start=s, end=e))
    return out


def _dates(raw: str, items: list[tuple[str, str | None]]) -> list[DateMention]:
    out = []
    for text, value in items:
        s, e = _at(raw, text)
        out.append(DateMention(start=s, end=e, text=text, value=value))
    return out


def profile_record(src: Path) -> DocumentRecord:
    raw = PROFILE
    doc_id = "profile_dana"
    facts = [
        _fact(doc_id, raw, "employed_by", "Dana Whitfield", "Northwind Robotics",
              "Dana Whitfield is a research scientist at Northwind Robotics", title="research scientist"),
        _fact(doc_id, raw, "leads", "Dana Whitfield", "Perception Team",
              "Dana Whitfield is a research scientist at Northwind Robotics, where she leads the Perception Team"),
        _fact(doc_id, raw, "educated_at", "Dana Whitfield", "Lakeside University",
              "She received her PhD in Computer Science from Lakeside University in 2019", degree="PhD", end="2018"),
        _fact(doc_id, raw, "award_received", "Dana Whitfield", "Example Seminar",
              "gave talk number 12 at the Example Seminar", obj_label="EVENT"),
        _fact(doc_id, raw, "author_of", "Omar Reyes", "Slow Widgets", "Slow Widgets. Omar Reyes, Dana Whitfield. IROS 2021",
              obj_label="WORK"),
    ]
    for f in facts:
        f.subject.start = f.subject.end = None  # the subject is named once, not at every fact
    entities = _entities(raw, [
        ("Dana Whitfield", "PERSON"), ("Northwind Robotics", "ORG"), ("Perception Team", "ORG"),
        ("Lakeside University", "ORG"), ("Harbor Award for Young Researchers", "WORK_OF_ART"), ("Omar Reyes", "PERSON"),
    ])
    dates = _dates(raw, [("2019", "2019"), ("May 2021", "2021-05"), ("2020.12", "2020-12"), ("ICRA 2022", "2022")])
    return DocumentRecord(doc_id=doc_id, source=str(src), sha256=_sha(PROFILE), status="ok", subject="Dana Whitfield",
                          entities=entities, dates=dates, facts=facts)


PROFILE_GOLD = {
    "doc_id": "profile_dana",
    "kind": "homepage",
    "subject": "Dana Whitfield",
    "facts": [
        {"relation": "employed_by", "subject": "Dana Whitfield", "object": "Northwind Robotics", "qualifiers": {"title": "research scientist"}},
        {"relation": "leads", "subject": "Dana Whitfield", "object": "Perception Team"},
        {"relation": "educated_at", "subject": "Dana Whitfield", "object": "Lakeside University",
         "qualifiers": {"degree": "PhD", "field": "Computer Science", "end": "2019"}},
        {"relation": "award_received", "subject": "Dana Whitfield", "object": "Harbor Award for Young Researchers", "qualifiers": {"date": "2021-05"}},
        {"relation": "author_of", "subject": "Dana Whitfield", "object": "Fast Widgets for Slow Robots"},
    ],
    "dates": [{"text": "2019", "value": "2019"}, {"text": "May 2021", "value": "2021-05"}],
}


def hostile_record(src: Path) -> DocumentRecord:
    raw = HOSTILE
    doc_id = "evil<script>x</script>"
    facts = [
        _fact(doc_id, raw, "employed_by", "Evil <script>document.title='pwned';window.pwned=1</script> Person", "Bad Corp",
              "Evil <script>document.title='pwned';window.pwned=1</script> Person works at Bad Corp"),
        _fact(doc_id, raw, "contact", "Evil <script>document.title='pwned';window.pwned=1</script> Person",
              "javascript:window.pwned=3", '<a href="javascript:window.pwned=3">click me</a>', obj_label="URL", kind="url"),
        _fact(doc_id, raw, "part_of", "Bad Corp", '"><svg onload="window.pwned=5">', '</textarea></pre><script>window.pwned=4</script> "><svg onload="window.pwned=5">'),
    ]
    entities = _entities(raw, [("Bad Corp", 'ORG" onmouseover="window.pwned=6'), ('<img src=x onerror="window.pwned=2">', "ORG")])
    dates = [DateMention(start=0, end=4, text="Evil", value='"><script>window.pwned=7</script>')]
    return DocumentRecord(doc_id=doc_id, source=str(src), sha256=_sha(HOSTILE), status="ok",
                          title="<script>window.pwned=8</script>", subject="Evil Person",
                          entities=entities, dates=dates, facts=facts)


def error_record() -> DocumentRecord:
    return DocumentRecord(doc_id="broken_pdf", source="in/broken_pdf.md", sha256="1" * 64, status="error",
                          error=ErrorInfo(code="binary", message="The file is a PDF file, not a text document."))


def snippet_record() -> DocumentRecord:
    """A record whose source file is gone: only evidence snippets can be shown."""
    raw = "Lee Chan joined Acme Labs in 2020."
    f = _fact("gone_doc", raw, "employed_by", "Lee Chan", "Acme Labs", "Lee Chan joined Acme Labs in 2020", start="2020")
    return DocumentRecord(doc_id="gone_doc", source="nowhere/gone_doc.txt", sha256="2" * 64, status="ok",
                          entities=_entities(raw, [("Acme Labs", "ORG")]), dates=_dates(raw, [("2020", "2020")]), facts=[f])


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_manifest(out: Path, records: list[DocumentRecord]) -> None:
    """The manifest a run writes: the report reads only the sources it lists, with their sha256."""
    docs = [manifest_entry(json.loads(dumps(r))) for r in records]
    (out / "manifest.json").write_text(json.dumps({"pipeline_version": "0.1.0", "cache_key": "0" * 16, "documents": docs}), encoding="utf-8")


def write_sample(root: Path) -> tuple[Path, Path]:
    """An output folder and a gold folder for the sample documents."""
    src = root / "in"
    src.mkdir(parents=True, exist_ok=True)
    (src / "profile_dana.md").write_text(PROFILE, encoding="utf-8")
    (src / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    records = [profile_record(src / "profile_dana.md"), hostile_record(src / "evil.txt"), error_record(), snippet_record()]
    out = root / "out"
    out.mkdir(exist_ok=True)
    (out / "documents.jsonl").write_text("".join(dumps(r) + "\n" for r in records), encoding="utf-8")
    (out / "facts.jsonl").write_text("".join(dumps(f) + "\n" for r in records for f in r.facts), encoding="utf-8")
    write_manifest(out, records)
    gold = root / "gold"
    gold.mkdir(exist_ok=True)
    (gold / "profile_dana.gold.json").write_text(json.dumps(PROFILE_GOLD), encoding="utf-8")
    missing_gold = {"doc_id": "never_extracted", "kind": "bio", "subject": "X", "facts": [], "dates": []}
    (gold / "never_extracted.gold.json").write_text(json.dumps(missing_gold), encoding="utf-8")
    return out, gold


# --- parsing the pages back ----------------------------------------------------------------------


class Page(HTMLParser):
    """Collects what the checks need: ids, elements by tag, attributes, visible text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        self.tags.append((tag, d))
        if d.get("id"):
            self.ids.append(d["id"])

    def handle_data(self, data):
        self.text.append(data)

    def rows(self, cls: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == "tr" and cls in (a.get("class") or "").split()]

    def all_text(self) -> str:
        return "".join(self.text)


@pytest.fixture
def built(tmp_path):
    out, gold = write_sample(tmp_path)
    rep = report.build_report(out, gold)
    pages = {v.doc_id: Page((rep.directory / v.page).read_text(encoding="utf-8")) for v in rep.views}
    return rep, pages, (rep.directory / "index.html").read_text(encoding="utf-8")


def test_every_fact_has_a_row_whose_evidence_anchor_exists(built):
    rep, pages, _ = built
    for view in rep.views:
        page = pages[view.doc_id]
        rows = page.rows("fact")
        assert len(rows) == len(view.facts)
        for row in rows:
            assert row["data-ev"] in page.ids
        assert len(page.ids) == len(set(page.ids)), "ids must be unique"


def test_snippets_shown_when_the_source_is_gone(built):
    rep, pages, _ = built
    view = next(v for v in rep.views if v.doc_id == "gone_doc")
    assert view.text is None and any("not found" in n for n in view.notes)
    assert "Lee Chan joined Acme Labs in 2020" in pages["gone_doc"].all_text()


def test_document_text_round_trips_through_the_markup(built):
    _, pages, _ = built
    html = (Path(built[0].directory) / built[0].views[0].page).read_text(encoding="utf-8")
    pre = re.search(r'<pre class="doctext" id="doctext">(.*?)</pre>', html, re.S).group(1)
    assert Page(pre).all_text() == PROFILE


def test_verdicts_and_counts(built):
    rep, pages, index = built
    view = next(v for v in rep.views if v.doc_id == "profile_dana")
    verdicts = [(r.get("class") or "").split()[1] for r in pages["profile_dana"].rows("fact")]
    assert verdicts == ["st-correct", "st-correct", "st-correct", "st-wrong", "st-unscored"]
    assert len(pages["profile_dana"].rows("gold-missing")) == 2
    t = view.match.totals
    assert (t.gold, t.sys, t.tp) == (5, 4, 3)
    text = pages["profile_dana"].all_text()
    assert "P 0.750 · R 0.600 · F1 0.667" in text
    assert "gold: 2019" in text  # the wrong end year on a matched fact is pointed out
    idx = Page(index)
    docs = idx.rows("doc") + idx.rows("row-error")
    assert len({r is not None for r in docs}) == 1 and len(idx.rows("row-error")) == 1
    itext = idx.all_text()
    assert "4 documents: 3 ok, 1 with errors" in itext
    assert "The file is a PDF file, not a text document." in itext and "binary" in itext
    assert "never_extracted" in itext  # gold document absent from the output
    assert "award_received" in itext and "0.667" in itext  # scorer table
    hrefs = {a.get("href") for t, a in idx.tags if t == "a"}
    assert {v.page for v in rep.views} <= hrefs
    for v in rep.views:
        assert (rep.directory / v.page).is_file()


def test_entity_and_date_marks(built):
    _, pages, _ = built
    page = pages["profile_dana"]
    spans = [a for t, a in page.tags if t == "span"]
    assert any("ent-ORG" in (a.get("class") or "") and a.get("title") == "ORG" for a in spans)
    assert any(a.get("class") == "date" and a.get("title") == "2021-05 (DATE)" for a in spans)


HOSTILE_MARKERS = ["<script>", "<img", "<svg onload", "<iframe", '<a href="javascript', 'href="https', '" onmouseover']


def test_hostile_document_is_only_text(built):
    rep, pages, index = built
    view = next(v for v in rep.views if v.doc_id.startswith("evil"))
    html = (rep.directory / view.page).read_text(encoding="utf-8")
    for marker in HOSTILE_MARKERS:
        assert marker not in html.replace('<script src="report.js" defer></script>', ""), marker
    page = pages[view.doc_id]
    assert not [t for t, _ in page.tags if t in ("img", "iframe", "textarea", "object", "embed")]
    scripts = [a for t, a in page.tags if t == "script"]
    assert scripts == [{"src": "report.js", "defer": None}]
    links = [a for t, a in page.tags if t == "link"]
    assert links == [{"rel": "stylesheet", "href": "report.css"}]
    assert all(not (a.get("href") or "").startswith("javascript") for t, a in page.tags)
    assert not any(k.startswith("on") for _, a in page.tags for k in a)
    assert "window.pwned=3" in page.all_text()  # shown, as text
    assert "<script>" not in index.replace('<script src="report.js" defer></script>', "")
    assert re.fullmatch(r"doc-[A-Za-z0-9._-]+\.html", view.page)


def test_pages_carry_the_csp_and_no_inline_code(built):
    rep, _, index = built
    for path in [rep.index, *(rep.directory / v.page for v in rep.views)]:
        html = path.read_text(encoding="utf-8")
        assert f'content="{CSP.replace(chr(39), "&#x27;")}"' in html
        assert " style=" not in html and "<style" not in html
        assert re.findall(r"<script[^>]*>", html) == ['<script src="report.js" defer>']
    assert "default-src 'none'" in CSP and "script-src 'self'" in CSP and "https:" not in CSP
    for name in ("report.js", "report.css"):
        assert (rep.directory / name).is_file()


def test_main_cli(tmp_path, capsys):
    out, gold = write_sample(tmp_path)
    assert report.main([str(out), "--gold", str(gold)]) == 0
    assert "4 documents" in capsys.readouterr().out
    assert (out / "report" / "index.html").is_file()
    assert report.main([str(tmp_path / "nope")]) == 2
    assert report.main([str(out), "--gold", str(tmp_path / "nope")]) == 2


def test_without_gold_there_are_no_verdicts(tmp_path):
    out, _ = write_sample(tmp_path)
    rep = report.build_report(out)
    html = (rep.directory / rep.views[0].page).read_text(encoding="utf-8")
    assert "st-wrong" not in html and "st-correct" not in html and "Missing" not in html
    assert rep.scores is None


# --- span nesting and graph layout ---------------------------------------------------------------


def _sp(s, e, layer=1, cls="x", first=()):
    return Span(s, e, layer, cls, (), first)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("abcdef", [_sp(1, 3)], 'a<span class="x">bc</span>def'),
        ("abcdef", [_sp(0, 6, 0, "o"), _sp(2, 4, 1, "i")], '<span class="o">ab<span class="i">cd</span>ef</span>'),
        ("abcdef", [_sp(2, 4, 1, "i"), _sp(2, 4, 0, "o")], '<span class="o"><span class="i">cd</span></span>'.join(["ab", "ef"])),
        # crossing spans: the inner one is split and its second piece marked as a continuation
        ("abcdef", [_sp(0, 3, 0, "a", (("id", "ev-1"),)), _sp(2, 5, 1, "b")],
         '<span class="a" id="ev-1">ab<span class="b">c</span></span><span class="b cont">de</span>f'),
        ("a<b>&", [_sp(1, 4)], 'a<span class="x">&lt;b&gt;</span>&amp;'),
        ("abc", [_sp(2, 99), _sp(-5, 1), _sp(1, 1)], '<span class="x">a</span>b<span class="x">c</span>'),
    ],
)
def test_render_spans(text, spans, expected):
    assert render_spans(text, spans) == expected


def test_render_spans_is_well_formed_for_many_overlaps():
    text = "x" * 40
    spans = [_sp(i, i + w) for i in range(0, 36, 3) for w in (2, 5, 9)]
    html = render_spans(text, spans)
    assert html.count("<span") == html.count("</span>")
    assert Page(html).all_text() == text


def test_graph_puts_subject_in_the_centre_and_colours_edges():
    edges = [
        Edge("Dana", "PERSON", "Northwind", "ORG", "employed_by", "correct"),
        Edge("Dana", "PERSON", "Harbor Award", "", "award_received", "missing"),
        Edge("Dana", "PERSON", "Seminar <b>", "EVENT", "award_received", "wrong"),
        Edge("Perception Team", "ORG", "Northwind", "ORG", "part_of", "plain"),
    ]
    svg = render_graph(edges, "Dana")
    hub = re.search(r'<g class="node kind-person hub"><circle cx="([\d.]+)" cy="([\d.]+)"', svg)
    width, height = map(float, re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())
    assert hub and (float(hub.group(1)), float(hub.group(2))) == (width / 2, height / 2)
    assert svg.count('<line class="edge') == 4
    assert {"st-correct", "st-missing", "st-wrong", "st-plain"} <= set(re.findall(r"edge (st-\w+)", svg))
    assert "Seminar &lt;b&gt;" in svg and "<b>" not in svg
    assert render_graph([], None) == ""


def test_graph_with_many_names_keeps_labels_apart():
    """Past a handful of names the layout switches to columns; no two labels in a column may overlap."""
    rels = ["author_of", "award_received", "employed_by", "research_interest"]
    edges = [Edge("Dana", "PERSON", f"Thing number {i}", "ORG", rels[i % 4], "correct") for i in range(30)]
    edges.append(Edge("Thing number 1", "ORG", "Thing number 5", "ORG", "part_of", "wrong"))  # same relation group
    svg = render_graph(edges, "Dana")
    texts = re.findall(r'<text(?: class="([\w-]+)")? x="([\d.]+)" y="([\d.]+)"', svg)
    by_column: dict[str, list[float]] = {}
    for cls, x, y in texts:
        if cls in ("", "group-label"):
            by_column.setdefault(x, []).append(float(y))
    assert len(by_column) >= 2
    for ys in by_column.values():
        ys.sort()
        assert all(b - a >= 12 for a, b in zip(ys, ys[1:]))
    assert svg.count("group-label") == 4
    assert '<path class="edge st-wrong"' in svg  # same-column edge drawn as a curve


# --- documents whose ids differ only by case, suffix or normalisation; sources outside the run ---------


def _one_fact_record(root: Path, doc_id: str, org: str) -> DocumentRecord:
    raw = f"Kim Ode works at {org}."
    name = f"{len(list(root.iterdir()))}.txt"
    (root / name).write_text(raw, encoding="utf-8")
    f = _fact(doc_id, raw, "employed_by", "Kim Ode", org, raw[:-1])
    return DocumentRecord(doc_id=doc_id, source=str(root / name), sha256=_sha(raw), status="ok", facts=[f])


def test_documents_with_near_identical_ids_keep_their_own_facts(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    ids = ["Alice", "alice", "alice.2024", unicodedata.normalize("NFC", "café"), unicodedata.normalize("NFD", "café")]
    records = [_one_fact_record(src, doc_id, f"Org Number {i}") for i, doc_id in enumerate(ids)]
    out = tmp_path / "out"
    out.mkdir()
    (out / "documents.jsonl").write_text("".join(dumps(r) + "\n" for r in records), encoding="utf-8")
    (out / "facts.jsonl").write_text("".join(dumps(f) + "\n" for r in records for f in r.facts), encoding="utf-8")
    write_manifest(out, records)
    rep = report.build_report(out)
    assert [v.doc_id for v in rep.views] == ids
    for i, view in enumerate(rep.views):
        assert [f.object.text for f in view.facts] == [f"Org Number {i}"]
        assert f"Org Number {i}" in (rep.directory / view.page).read_text(encoding="utf-8")
    # unique on a case-insensitive, normalising file system too
    folded = {unicodedata.normalize("NFD", v.page).casefold() for v in rep.views}
    assert len(folded) == len(ids)


def test_report_reads_no_file_outside_the_run(tmp_path):
    """A record whose source names another file (with no spans to show) never puts that file in the report."""
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:TOP-SECRET-LINE", encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    good = _one_fact_record(src, "good", "Acme Labs")
    forged = DocumentRecord(doc_id="forged", source=str(secret), sha256=_sha("root:x:0:0:TOP-SECRET-LINE"), status="ok")
    changed = _one_fact_record(src, "changed", "Beta Labs")
    out = tmp_path / "out"
    out.mkdir()
    records = [good, forged, changed]
    (out / "documents.jsonl").write_text("".join(dumps(r) + "\n" for r in records), encoding="utf-8")
    (out / "facts.jsonl").write_text("".join(dumps(f) + "\n" for r in records for f in r.facts), encoding="utf-8")
    write_manifest(out, [good, changed])  # the forged record was never an input of the run
    Path(changed.source).write_text("Kim Ode works at Gamma Labs. TOP-SECRET-EDIT", encoding="utf-8")
    rep = report.build_report(out)
    html = "".join(p.read_text(encoding="utf-8") for p in rep.directory.glob("*.html"))
    assert "TOP-SECRET" not in html
    views = {v.doc_id: v for v in rep.views}
    assert views["good"].text is not None
    assert views["forged"].text is None and any("not an input" in n for n in views["forged"].notes)
    assert views["changed"].text is None and any("changed" in n for n in views["changed"].notes)


def test_report_on_a_folder_without_output_exits_2(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert report.main([str(tmp_path / "empty")]) == 2
    assert not (tmp_path / "empty" / "report").exists()
