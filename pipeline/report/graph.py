"""A document's facts as a small inline SVG graph, laid out here without any library.

The document's subject sits in the centre. With few other names they sit on a
circle around it, each edge labelled with its relation; with many they stand in
two columns left and right of the centre, grouped under a heading per relation,
so that no label overlaps another. Edges are coloured by verdict when gold is known.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from html import escape
from itertools import groupby
from typing import Sequence

MAX_NODES = 80
RING_MAX = 14
LABEL_CHARS = 34
ROW = 20.0
GROUP_GAP = 26.0

_KIND_BY_LABEL = {
    "PERSON": "person",
    "PER": "person",
    "ORG": "org",
    "GPE": "org",
    "FAC": "org",
    "NORP": "org",
    "WORK": "work",
    "WORK_OF_ART": "work",
    "PAPER": "work",
    "VENUE": "work",
}
_STATUS_ORDER = ("wrong", "missing", "correct", "unscored", "plain")


@dataclass(frozen=True)
class Edge:
    subject: str
    subject_label: str
    object: str
    object_label: str
    relation: str
    status: str  # correct | wrong | missing | unscored | plain


@dataclass
class _Node:
    key: str
    name: str
    kind: str
    degree: int = 0
    x: float = 0.0
    y: float = 0.0
    side: int = 1  # label to the right (1) or left (-1) of the dot


def node_kind(label: str) -> str:
    return _KIND_BY_LABEL.get(label.upper(), "other")


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


def _short(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip()
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"


def _f(v: float) -> str:
    return f"{v:.1f}"


def _collect(edges: Sequence[Edge]) -> tuple[dict[str, _Node], dict[tuple[str, str], list[Edge]]]:
    nodes: dict[str, _Node] = {}
    pairs: dict[tuple[str, str], list[Edge]] = {}
    for e in edges:
        ks, ko = _key(e.subject), _key(e.object)
        if not ks or not ko or ks == ko:
            continue
        for k, name, label in ((ks, e.subject, e.subject_label), (ko, e.object, e.object_label)):
            node = nodes.get(k)
            if node is None:
                nodes[k] = node = _Node(k, name, node_kind(label))
            elif node.kind == "other":
                node.kind = node_kind(label)
        nodes[ks].degree += 1
        nodes[ko].degree += 1
        pairs.setdefault((ks, ko), []).append(e)
    return nodes, pairs


def _ring(hub: _Node, others: list[_Node]) -> tuple[float, float]:
    radius = max(130.0, 60.0 + 12.0 * len(others))
    width, height = 2 * radius + 2 * 250, 2 * radius + 80
    hub.x, hub.y = width / 2, height / 2
    for i, n in enumerate(others):
        angle = -math.pi / 2 + 2 * math.pi * i / len(others)
        n.x, n.y = hub.x + radius * math.cos(angle), hub.y + radius * math.sin(angle)
        n.side = 1 if n.x >= hub.x - 1 else -1
    return width, height


def _columns(hub: _Node, groups: list[tuple[str, list[_Node]]]) -> tuple[float, float, list[tuple[str, float, float, int]]]:
    """Place groups in two columns, splitting at the group boundary that best balances them."""
    sizes = [len(g) * ROW + GROUP_GAP for _, g in groups]
    total, run, split = sum(sizes), 0.0, len(groups)
    best = math.inf
    for i in range(len(groups) + 1):
        diff = abs(total - 2 * run)
        if diff < best:
            best, split = diff, i
        if i < len(groups):
            run += sizes[i]
    columns = [groups[:split], groups[split:]]
    col_dx = 250.0
    width = 2 * col_dx + 2 * 260
    height = max(sum(sizes[:split]), sum(sizes[split:])) + 50
    hub.x, hub.y = width / 2, height / 2
    headings = []
    for side, col in zip((-1, 1), columns):
        used = sum(len(g) * ROW + GROUP_GAP for _, g in col)
        y = (height - used) / 2 + GROUP_GAP
        x = hub.x + side * col_dx
        for rel, members in col:
            headings.append((rel, x, y - 6, side))
            for n in members:
                y += ROW
                n.x, n.y, n.side = x, y - ROW / 2 + 4, side
            y += GROUP_GAP
    return width, height, headings


def render_graph(edges: Sequence[Edge], center: str | None) -> str:
    """SVG markup, or an empty string when there is nothing to draw."""
    nodes, pairs = _collect(edges)
    if not nodes:
        return ""
    center_key = _key(center) if center and _key(center) in nodes else max(nodes.values(), key=lambda n: (n.degree, n.key)).key
    hub = nodes[center_key]
    hub_rel: dict[str, str] = {}
    for (ks, ko), es in pairs.items():
        other = ko if ks == center_key else ks if ko == center_key else None
        if other is not None:
            hub_rel.setdefault(other, min(e.relation for e in es))
    others = [n for n in nodes.values() if n.key != center_key]
    dropped = 0
    if len(others) > MAX_NODES:
        keep = {n.key for n in sorted(others, key=lambda n: (-n.degree, n.key))[:MAX_NODES]}
        dropped = len(others) - len(keep)
        others = [n for n in others if n.key in keep]
    others.sort(key=lambda n: (hub_rel.get(n.key, "~"), n.key))
    placed = {hub.key} | {n.key for n in others}

    headings: list[tuple[str, float, float, int]] = []
    columns = len(others) > RING_MAX
    if columns:
        groups = [(rel, list(g)) for rel, g in groupby(others, key=lambda n: hub_rel.get(n.key, "other relations"))]
        width, height, headings = _columns(hub, groups)
    else:
        width, height = _ring(hub, others)

    out = [
        f'<svg class="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_f(width)} {_f(height)}" '
        f'width="{_f(width)}" height="{_f(height)}" role="img" aria-label="graph of the facts of this document">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="5" markerHeight="5" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>',
    ]
    labels: list[str] = []
    for (ks, ko), es in pairs.items():
        if ks not in placed or ko not in placed:
            continue
        a, b = nodes[ks], nodes[ko]
        statuses = {e.status for e in es}
        status = next(s for s in _STATUS_ORDER if s in statuses or s == "plain")
        rels = ", ".join(sorted({e.relation for e in es}))
        tip = escape("; ".join(f"{e.subject} —{e.relation}→ {e.object} ({e.status})" for e in es))
        on_hub = center_key in (ks, ko)
        dx, dy = b.x - a.x, b.y - a.y
        dist = math.hypot(dx, dy) or 1.0
        x1, y1 = a.x + dx / dist * 8, a.y + dy / dist * 8
        x2, y2 = b.x - dx / dist * 8, b.y - dy / dist * 8
        if columns and not on_hub and a.side == b.side:
            # same column: bow towards the centre instead of running along the column
            mx, my = (a.x + b.x) / 2 - a.side * (40 + abs(dy) * 0.25), (a.y + b.y) / 2
            out.append(
                f'<path class="edge st-{status}" d="M{_f(a.x)},{_f(a.y)} Q{_f(mx)},{_f(my)} {_f(b.x)},{_f(b.y)}" '
                f'fill="none" marker-end="url(#arrow)"><title>{tip}</title></path>'
            )
            labels.append(f'<text class="edge-label" x="{_f((a.x + b.x) / 2 - a.side * (22 + abs(dy) * 0.12))}" y="{_f(my)}" text-anchor="middle">{escape(rels)}</text>')
            continue
        out.append(
            f'<line class="edge st-{status}" x1="{_f(x1)}" y1="{_f(y1)}" x2="{_f(x2)}" y2="{_f(y2)}" '
            f'marker-end="url(#arrow)"><title>{tip}</title></line>'
        )
        if not (columns and on_hub):
            t = 0.6 if ks == center_key else 0.5
            labels.append(f'<text class="edge-label" x="{_f(a.x + dx * t)}" y="{_f(a.y + dy * t - 3)}" text-anchor="middle">{escape(rels)}</text>')
    out.extend(labels)
    for rel, x, y, side in headings:
        out.append(f'<text class="group-label" x="{_f(x + side * 10)}" y="{_f(y)}" text-anchor="{"start" if side > 0 else "end"}">{escape(rel)}</text>')
    for n in [hub, *others]:
        is_hub = n is hub
        out.append(f'<g class="node kind-{n.kind}{" hub" if is_hub else ""}">')
        out.append(f'<circle cx="{_f(n.x)}" cy="{_f(n.y)}" r="{12 if is_hub else 6}"><title>{escape(n.name)}</title></circle>')
        if is_hub:
            tx, ty, anchor = n.x, n.y - 18, "middle"
        else:
            tx, ty, anchor = n.x + n.side * 10, n.y + 4, "start" if n.side > 0 else "end"
        out.append(
            f'<text x="{_f(tx)}" y="{_f(ty)}" text-anchor="{anchor}">{escape(_short(n.name))}<title>{escape(n.name)}</title></text></g>'
        )
    if dropped:
        out.append(f'<text class="graph-note" x="10" y="{_f(height - 10)}">{dropped} more names not drawn</text>')
    out.append("</svg>")
    return "".join(out)
