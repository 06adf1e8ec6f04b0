"""Report pages for people.jsonl: an index of people and a page per person.

A person's page lists their names, the documents they appear in and their statements;
every reference links to the evidence anchor on that document's page.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Sequence

from pydantic import ValidationError

from ..evaluate import load_jsonl
from ..schema import Person
from .render import DocView, _e, evidence_ids, page

PEOPLE_INDEX = "people.html"
PERSON_PREFIX = "person-"


def load_people(out_dir: Path) -> tuple[list[Person], int]:
    """The valid people of OUT/people.jsonl and how many lines were not valid."""
    people, invalid = [], 0
    for raw in load_jsonl(out_dir / "people.jsonl"):
        try:
            people.append(Person.model_validate(raw))
        except ValidationError:
            invalid += 1
    return people, invalid


def person_page(p: Person) -> str:
    return f"{PERSON_PREFIX}{re.sub(r'[^A-Za-z0-9_-]+', '_', p.person_id)}.html"


def anchors(views: Sequence[DocView]) -> dict[str, tuple[str, dict[tuple[int, int], str]]]:
    """doc_id -> (its page, evidence span -> anchor id), as the document pages number them."""
    return {v.doc_id: (v.page, evidence_ids(v.facts)[1]) for v in views}


def _doc_link(doc_id: str, links: dict[str, tuple[str, dict[tuple[int, int], str]]], span: tuple[int, int] | None = None) -> str:
    if doc_id not in links:
        return _e(doc_id)
    page_name, by_span = links[doc_id]
    anchor = by_span.get(span) if span else None
    href = f"{page_name}#{anchor}" if anchor else page_name
    return f'<a href="{_e(href)}">{_e(doc_id)}</a>'


def render_person(p: Person, links: dict[str, tuple[str, dict[tuple[int, int], str]]]) -> str:
    rows = []
    for s in p.statements:
        quals = ", ".join(f"{k}: {v}" for k, v in s.qualifiers.model_dump().items())
        refs = "".join(
            f'<li>{_doc_link(r.doc_id, links, (r.evidence.start, r.evidence.end))} <span class="rule">{_e(r.rule)} · {r.confidence:.2f}</span>'
            f'<div class="evq">{_e(r.evidence.text[:300])}</div></li>'
            for r in s.references
        )
        group = f'<span class="conflict" title="statements that disagree">{_e(s.conflict_group)}</span>' if s.conflict_group else ""
        rows.append(
            f'<tr class="rank-{_e(s.rank)}"><td>{_e(s.relation)}</td><td>{_e(s.object.text)}</td><td>{_e(quals)}</td>'
            f"<td>{_e(s.rank)} {group}</td><td><ul class=\"refs\">{refs}</ul></td></tr>"
        )
    mentions = "".join(f"<li>{_doc_link(m.doc_id, links)} <q>{_e(m.text)}</q> {m.start}–{m.end}</li>" for m in p.mentions)
    docs = ", ".join(_doc_link(d, links) for d in p.documents)
    body = (
        f'<header><p><a href="{PEOPLE_INDEX}">people</a> · <a href="index.html">documents</a></p>'
        f"<h1>{_e(p.name)}</h1><p class=\"counts\">{_e(p.person_id)} · {len(p.documents)} documents · {len(p.statements)} statements</p></header>"
        f"<main><h2>Names</h2><p>{_e(' · '.join([p.name, *p.aliases]))}</p>"
        f"<h2>Documents</h2><p>{docs}</p>"
        f'<h2>Statements</h2><table class="facts statements"><thead><tr><th>relation</th><th>object</th><th>qualifiers</th>'
        f'<th>rank</th><th>references</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f'<h2>Mentions</h2><ul class="mentions">{mentions}</ul></main>'
    )
    return page(p.name, "person", body)


def render_people_index(people: Sequence[Person], invalid: int) -> str:
    rows = "".join(
        f'<tr><td><a href="{_e(person_page(p))}">{_e(p.name)}</a></td><td>{_e(", ".join(p.aliases))}</td>'
        f'<td class="num">{len(p.documents)}</td><td class="num">{len(p.statements)}</td>'
        f'<td class="num">{sum(1 for s in p.statements if s.conflict_group)}</td></tr>'
        for p in sorted(people, key=lambda p: (-len(p.documents), p.name, p.person_id))
    )
    note = f'<div class="note">{invalid} lines of people.jsonl are not valid people and are not shown.</div>' if invalid else ""
    body = (
        f'<header><p><a href="index.html">documents</a></p><h1>People</h1>'
        f'<p class="counts">{len(people)} people, {sum(1 for p in people if len(p.documents) > 1)} in two or more documents</p>{note}</header>'
        '<main><table class="docs people" id="people"><thead><tr><th>name</th><th>aliases</th><th>documents</th>'
        f"<th>statements</th><th>in conflict</th></tr></thead><tbody>{rows}</tbody></table></main>"
    )
    return page("People", "index people", body)


def write_people_pages(target: Path, out_dir: Path, views: Sequence[DocView]) -> int:
    """Write people.html and the person pages when OUT/people.jsonl exists; the number of people."""
    for stale in target.glob(f"{PERSON_PREFIX}*.html"):
        stale.unlink()
    if not (out_dir / "people.jsonl").is_file():
        (target / PEOPLE_INDEX).unlink(missing_ok=True)
        return 0
    people, invalid = load_people(out_dir)
    links = anchors(views)
    for p in people:
        (target / person_page(p)).write_text(render_person(p, links), encoding="utf-8")
    (target / PEOPLE_INDEX).write_text(render_people_index(people, invalid), encoding="utf-8")
    return len(people)
