"""HTML for the review report: one index page and one page per document.

Everything taken from a document or from output records is escaped; pages carry
no inline script or style, only classes, so the Content-Security-Policy can
forbid both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from typing import Any, Iterable, Sequence

from ..evaluate import DocMatch, Scores, sim
from ..schema import DocumentRecord, Fact
from .graph import Edge, render_graph
from .highlight import Span, render_spans

# Chromium lets 'self' match the report's own files when a page is opened from file:
# (the browser test checks that report.js runs); inline code and remote loads stay forbidden.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'"
)

LAYER_EVIDENCE, LAYER_ENTITY, LAYER_DATE = 0, 1, 2


@dataclass
class DocView:
    """Everything one document page shows."""

    doc_id: str
    page: str
    record: DocumentRecord | None
    facts: list[Fact] = field(default_factory=list)
    text: str | None = None
    notes: list[str] = field(default_factory=list)
    gold: dict[str, Any] | None = None
    match: DocMatch | None = None
    invalid: str | None = None

    @property
    def status(self) -> str:
        if self.record is None:
            return "invalid"
        return self.record.status


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def label_class(label: str) -> str:
    return "ent-" + (re.sub(r"[^A-Za-z0-9_-]", "", label) or "X")


def _fmt3(x: float) -> str:
    return f"{x:.3f}"


def _f1_class(f1: float) -> str:
    return "f1-hi" if f1 >= 0.8 else "f1-mid" if f1 >= 0.5 else "f1-lo"


def page(title: str, body_class: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title>"
        '<link rel="stylesheet" href="report.css">'
        '<script src="report.js" defer></script>'
        f'</head><body class="{_e(body_class)}">\n{body}\n</body></html>\n'
    )


# --- document page -----------------------------------------------------------------------


def evidence_ids(facts: Sequence[Fact]) -> tuple[list[str], dict[tuple[int, int], str]]:
    """Anchor id per fact; facts quoting the same span share one anchor."""
    by_span: dict[tuple[int, int], str] = {}
    ids = []
    for f in facts:
        key = (f.evidence.start, f.evidence.end)
        if key not in by_span:
            by_span[key] = f"ev-{len(by_span) + 1}"
        ids.append(by_span[key])
    return ids, by_span


def _inner_spans(record: DocumentRecord) -> list[Span]:
    spans = []
    for ent in record.entities:
        tip = ent.label if not ent.canonical or ent.canonical == ent.text else f"{ent.label}: {ent.canonical}"
        spans.append(Span(ent.start, ent.end, LAYER_ENTITY, f"ent {label_class(ent.label)}", (("title", tip),)))
    for d in record.dates:
        tip = f"{d.value or 'no value'} ({d.type})"
        spans.append(Span(d.start, d.end, LAYER_DATE, "date", (("title", tip),)))
    return spans


def _evidence_span(span_id: str, start: int, end: int) -> Span:
    return Span(start, end, LAYER_EVIDENCE, "ev", (("data-ev", span_id),), (("id", span_id),))


def render_text(view: DocView, by_span: dict[tuple[int, int], str]) -> str:
    record = view.record
    assert record is not None
    if view.text is not None:
        spans = [_evidence_span(i, s, e) for (s, e), i in by_span.items()] + _inner_spans(record)
        return f'<pre class="doctext" id="doctext">{render_spans(view.text, spans)}</pre>'
    if not by_span:
        return '<p class="empty">No text and no evidence to show.</p>'
    inner = _inner_spans(record)
    texts = {(f.evidence.start, f.evidence.end): f.evidence.text for f in view.facts}
    blocks = []
    for (s, e), span_id in sorted(by_span.items()):
        snippet = texts[(s, e)]
        body = render_spans(snippet, [_evidence_span(span_id, s, s + len(snippet))] + inner, base=s)
        blocks.append(f'<div class="snippet"><span class="offs">{s}–{e}</span><pre>{body}</pre></div>')
    return f'<div class="doctext snippets" id="doctext">{"".join(blocks)}</div>'


def _argument(arg: Any) -> str:
    extra = ""
    if arg.canonical and arg.canonical != arg.text:
        extra = f'<span class="canon">→ {_e(arg.canonical)}</span>'
    return f'{_e(arg.text)}{extra}<span class="lbl">{_e(arg.label)}</span>'


def _qualifiers(fact: Fact, checks: dict[str, Any] | None, gold_quals: dict[str, Any] | None) -> str:
    produced = fact.qualifiers.model_dump()
    items = []
    for k, v in produced.items():
        c = checks.get(k) if checks else None
        if c is not None and not c.ok:
            items.append(f'<li class="q-bad">{_e(k)}: {_e(v)} <span class="gold-val">gold: {_e(c.gold)}</span></li>')
        elif c is not None:
            items.append(f'<li class="q-ok">{_e(k)}: {_e(v)}</li>')
        else:
            items.append(f"<li>{_e(k)}: {_e(v)}</li>")
    for k, v in (gold_quals or {}).items():
        if k not in produced:
            items.append(f'<li class="q-bad">{_e(k)}: — <span class="gold-val">gold: {_e(v)}</span></li>')
    return f'<ul class="quals">{"".join(items)}</ul>' if items else ""


def _closest_gold(fact: Fact, gold: dict[str, Any]) -> str:
    """For a wrong fact, the gold fact of its relation with the most similar object: usually a near miss."""
    best: tuple[float, float] = (0.0, 0.0)
    best_x = None
    for x in gold.get("facts", []):
        if x["relation"] != fact.relation:
            continue
        so = sim(fact.object.model_dump(), x["object"])
        ss = sim(fact.subject.model_dump(), x["subject"])
        if (so, ss) > best:
            best, best_x = (so, ss), x
    if best_x is None or best[0] < 0.5:
        return ""
    so, ss = best
    return (
        f'<div class="near">closest gold: {_e(best_x["subject"])} → {_e(best_x["object"])} '
        f"(subject {ss:.2f}, object {so:.2f}; 0.80 needed)</div>"
    )


STATUS_TEXT = {"correct": "correct", "wrong": "wrong", "missing": "missing", "unscored": "not scored"}


def render_fact_rows(view: DocView, ev_ids: list[str]) -> str:
    rows = []
    m = view.match
    gold_facts = (view.gold or {}).get("facts", [])
    pair_by_fact = {p.fact_index: p for p in m.pairs if p.fact_index is not None} if m else {}
    for i, (f, ev_id) in enumerate(zip(view.facts, ev_ids)):
        status = m.fact_status(i) if m else "plain"
        cells = [f'<td class="num"><a class="evlink" href="#{ev_id}">{i + 1}</a></td>']
        if m:
            cells.append(f'<td><span class="badge st-{status}">{STATUS_TEXT[status]}</span></td>')
        pair = pair_by_fact.get(i)
        checks = {c.key: c for c in pair.qualifiers} if pair else None
        gold_quals = (gold_facts[pair.gold_index].get("qualifiers") or {}) if pair else None
        near = _closest_gold(f, view.gold) if m and status == "wrong" and view.gold else ""
        cells += [
            f'<td class="rel">{_e(f.relation)}<div class="rule">{_e(f.rule)}</div></td>',
            f"<td>{_argument(f.subject)}</td>",
            f"<td>{_argument(f.object)}{near}</td>",
            f"<td>{_qualifiers(f, checks, gold_quals)}</td>",
            f'<td class="num">{f.confidence:.2f}</td>',
        ]
        rows.append(
            f'<tr class="fact st-{status}" data-ev="{ev_id}" tabindex="0" title="{_e(f.evidence.text[:300])}">{"".join(cells)}</tr>'
        )
    return "".join(rows)


def render_missing(view: DocView) -> str:
    if not view.match or not view.gold:
        return ""
    gold_facts = view.gold.get("facts", [])
    missing = view.match.missing
    if not missing:
        return '<h2>Missing</h2><p class="empty">Every gold fact was found.</p>'
    rows = []
    for gi in missing:
        x = gold_facts[gi]
        quals = ", ".join(f"{k}: {v}" for k, v in (x.get("qualifiers") or {}).items())
        rows.append(
            f'<tr class="gold-missing st-missing"><td><span class="badge st-missing">missing</span></td>'
            f"<td class=\"rel\">{_e(x['relation'])}</td><td>{_e(x['subject'])}</td><td>{_e(x['object'])}</td>"
            f"<td>{_e(quals)}</td></tr>"
        )
    return (
        f'<h2 id="missing">Missing: {len(missing)} gold facts not found</h2>'
        '<table class="facts missing-table"><thead><tr><th></th><th>relation</th><th>subject</th><th>object</th>'
        f'<th>qualifiers</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _legend(view: DocView) -> str:
    assert view.record is not None
    labels = sorted({ent.label for ent in view.record.entities})
    items = [f'<span class="ent {label_class(lab)}">{_e(lab)}</span>' for lab in labels]
    if view.record.dates:
        items.append('<span class="date" title="normalized value on hover">date</span>')
    items.append('<span class="ev">evidence</span>')
    if view.match:
        items += [f'<span class="badge st-{s}">{t}</span>' for s, t in STATUS_TEXT.items()]
    return f'<div class="legend">{" ".join(items)}</div>'


def scorebar(counts: dict[str, int], p: float, r: float, f1: float, link_missing: bool = False) -> str:
    parts = [f'<span class="badge st-{k} big">{counts[k]} {STATUS_TEXT[k]}</span>' for k in ("wrong", "missing", "correct") if k in counts]
    if link_missing and counts.get("missing"):
        parts[1] = f'<a class="jump" href="#missing">{parts[1]}</a>'
    parts.append(f'<span class="metric {_f1_class(f1)}">P {_fmt3(p)} · R {_fmt3(r)} · F1 {_fmt3(f1)}</span>')
    return f'<div class="scorebar">{"".join(parts)}</div>'


def doc_counts(view: DocView) -> dict[str, int]:
    m = view.match
    if m is None:
        return {}
    statuses = [m.fact_status(i) for i in range(len(view.facts))]
    return {
        "correct": statuses.count("correct"),
        "wrong": statuses.count("wrong"),
        "unscored": statuses.count("unscored"),
        "missing": len(m.missing),
    }


def _edges(view: DocView) -> list[Edge]:
    edges = []
    for i, f in enumerate(view.facts):
        status = view.match.fact_status(i) if view.match else "plain"
        edges.append(
            Edge(f.subject.canonical or f.subject.text, f.subject.label, f.object.text, f.object.label, f.relation, status)
        )
    if view.match and view.gold:
        for gi in view.match.missing:
            x = view.gold["facts"][gi]
            edges.append(Edge(str(x["subject"]), "", str(x["object"]), "", x["relation"], "missing"))
    return edges


def _colgroup(with_verdict: bool) -> str:
    cols = ["c-num", *(["c-verdict"] if with_verdict else []), "c-rel", "c-subj", "c-obj", "c-qual", "c-conf"]
    return "<colgroup>" + "".join(f'<col class="{c}">' for c in cols) + "</colgroup>"


def render_document(view: DocView) -> str:
    rec = view.record
    head = [f'<nav><a href="index.html">← all documents</a></nav><h1>{_e(view.doc_id)}</h1>']
    if rec is None:
        body = "".join(head) + f'<div class="error-box">Invalid record: {_e(view.invalid)}</div>'
        return page(view.doc_id, "document", body)
    meta = [("subject", rec.subject), ("title", rec.title), ("date", rec.dct), ("source", rec.source), ("sha256", rec.sha256[:16])]
    head.append('<dl class="meta">' + "".join(f"<dt>{k}</dt><dd>{_e(v)}</dd>" for k, v in meta if v) + "</dl>")
    if rec.status == "error" and rec.error:
        head.append(f'<div class="error-box"><b>{_e(rec.error.code)}</b>: {_e(rec.error.message)}</div>')
    for note in view.notes:
        head.append(f'<div class="note">{_e(note)}</div>')
    if view.match:
        t = view.match.totals
        head.append(scorebar(doc_counts(view), t.p, t.r, t.f1, link_missing=True))
    ev_ids, by_span = evidence_ids(view.facts)
    head.append(
        f'<p class="counts">{len(rec.entities)} entities · {len(rec.dates)} dates · {len(view.facts)} facts</p>'
    )
    head.append(_legend(view))
    filters = ""
    if view.match:
        filters = (
            '<div class="filters"><button type="button" data-filter="all" class="on">all</button>'
            '<button type="button" data-filter="wrong">wrong only</button>'
            '<button type="button" data-filter="correct">correct only</button></div>'
        )
    status_th = "<th>verdict</th>" if view.match else ""
    facts_table = (
        f'<h2>Facts</h2>{filters}<table class="facts" id="facts">{_colgroup(bool(view.match))}<thead><tr><th>#</th>{status_th}<th>relation / rule</th><th>subject</th>'
        f'<th>object</th><th>qualifiers</th><th>conf</th></tr></thead>'
        f"<tbody>{render_fact_rows(view, ev_ids)}</tbody></table>"
        if view.facts
        else '<h2>Facts</h2><p class="empty">No facts.</p>'
    )
    graph = render_graph(_edges(view), rec.subject)
    graph_html = f'<h2>Graph</h2><div class="graphbox">{graph}</div>' if graph else ""
    body = (
        f'<header>{"".join(head)}</header>'
        '<main class="panes">'
        f'<section class="textpane"><h2>Text</h2>{render_text(view, by_span)}</section>'
        f'<section class="factpane">{facts_table}{render_missing(view)}</section>'
        "</main>"
        f"<section>{graph_html}</section>"
    )
    return page(f"{view.doc_id} – extraction report", "document", body)


# --- index page --------------------------------------------------------------------------


def _relation_table(scores: Scores) -> str:
    rows = []
    for rel, c in scores.sorted_relations():
        rows.append(
            f'<tr><td class="rel">{_e(rel)}</td><td class="num">{c.gold}</td><td class="num">{c.sys}</td>'
            f'<td class="num">{c.tp}</td><td class="num">{_fmt3(c.p)}</td><td class="num">{_fmt3(c.r)}</td>'
            f'<td class="num {_f1_class(c.f1)}">{_fmt3(c.f1)}</td></tr>'
        )
    t = scores.facts
    rows.append(
        f'<tr class="total"><td>all</td><td class="num">{t.gold}</td><td class="num">{t.sys}</td><td class="num">{t.tp}</td>'
        f'<td class="num">{_fmt3(t.p)}</td><td class="num">{_fmt3(t.r)}</td><td class="num {_f1_class(t.f1)}">{_fmt3(t.f1)}</td></tr>'
    )
    quals = ", ".join(f"{_e(k)} {q.right}/{q.total}" for k, q in sorted(scores.qualifiers.items()))
    d = scores.dates
    dp, dr, df = d.prf()
    return (
        '<h2>Scores by relation</h2><table class="scores"><thead><tr><th>relation</th><th>gold</th><th>sys</th><th>tp</th>'
        f'<th>P</th><th>R</th><th>F1</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f'<p class="quals-line">Qualifiers right/total on matched facts: {quals or "none"}</p>'
        f'<p class="dates-line">Date mentions: gold {d.gold}, output {d.sys}, matched {d.matched} '
        f"(P {_fmt3(dp)} R {_fmt3(dr)} F1 {_fmt3(df)}); right value {d.value_right} → value F1 {_fmt3(d.value_f1)}</p>"
    )


def render_index(views: Sequence[DocView], scores: Scores | None, missing_gold: Iterable[str], notes: Sequence[str], people: int = 0) -> str:
    ok = sum(1 for v in views if v.status == "ok")
    n_ent = sum(len(v.record.entities) for v in views if v.record)
    n_dates = sum(len(v.record.dates) for v in views if v.record)
    n_facts = sum(len(v.facts) for v in views)
    parts = [
        "<header><h1>Extraction report</h1>",
        f'<p class="counts">{len(views)} documents: {ok} ok, {len(views) - ok} with errors · '
        f"{n_ent} entities · {n_dates} dates · {n_facts} facts</p>",
    ]
    if people:
        parts.append(f'<p class="counts"><a href="people.html">{people} people across documents</a></p>')
    parts += [f'<div class="note">{_e(n)}</div>' for n in notes]
    with_gold = scores is not None
    if scores is not None:
        totals = {"correct": 0, "wrong": 0, "missing": 0}
        for v in views:
            for k, n in doc_counts(v).items():
                if k in totals:
                    totals[k] += n
        t = scores.facts
        parts.append(scorebar(totals, t.p, t.r, t.f1))
    parts.append("</header>")
    gold_th = "<th>correct</th><th>wrong</th><th>missing</th><th>P</th><th>R</th><th>F1</th>" if with_gold else ""
    rows = []
    for v in views:
        if v.status == "ok":
            status = '<span class="ok">ok</span>'
        elif v.record is not None and v.record.error:
            status = f'<span class="err">{_e(v.record.error.code)}</span> <span class="errmsg">{_e(v.record.error.message)}</span>'
        else:
            status = f'<span class="err">{_e(v.status)}</span> <span class="errmsg">{_e(v.invalid)}</span>'
        rec = v.record
        cells = [
            f'<td><a href="{_e(v.page)}">{_e(v.doc_id)}</a></td>',
            f"<td>{status}</td>",
            f"<td>{_e(rec.subject if rec else '')}</td>",
            f'<td class="num">{len(rec.entities) if rec else 0}</td>',
            f'<td class="num">{len(rec.dates) if rec else 0}</td>',
            f'<td class="num">{len(v.facts)}</td>',
        ]
        if with_gold:
            if v.match:
                c = doc_counts(v)
                t = v.match.totals
                cells += [
                    f'<td class="num st-{k}{" zero" if not c[k] else ""}">{c[k]}</td>' for k in ("correct", "wrong", "missing")
                ]
                cells += [
                    f'<td class="num">{_fmt3(t.p)}</td><td class="num">{_fmt3(t.r)}</td>',
                    f'<td class="num {_f1_class(t.f1)}">{_fmt3(t.f1)}</td>',
                ]
            else:
                cells.append('<td colspan="6" class="nogold">no gold</td>')
        row_class = "doc" if v.status == "ok" else "doc row-error"
        rows.append(f'<tr class="{row_class}">{"".join(cells)}</tr>')
    parts.append(
        '<main><h2>Documents</h2><table class="docs" id="docs"><thead><tr><th>document</th><th>status</th><th>subject</th>'
        f'<th>entities</th><th>dates</th><th>facts</th>{gold_th}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )
    missing_gold = list(missing_gold)
    if missing_gold:
        items = "".join(f"<li>{_e(k)}</li>" for k in missing_gold)
        parts.append(f'<h2>Gold documents missing from the output: {len(missing_gold)}</h2><ul class="missing-docs">{items}</ul>')
    if scores is not None:
        parts.append(_relation_table(scores))
    parts.append("</main>")
    return page("Extraction report", "index", "".join(parts))

