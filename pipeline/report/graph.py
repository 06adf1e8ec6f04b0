"""A document's facts as a small inline SVG graph, laid out here without any library.

The document's subject sits in the centre; every other name sits on a ring
around it (two staggered rings when there are many, so labels do not collide).
Facts are labelled edges, coloured by their verdict when gold is known.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from html import escape
from typing import Sequence

MAX_NODES = 60
LABEL_CHARS = 30

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


def node_kind(label: str) -> str:
    return _KIND_BY_LABEL.get(label.upper(), "other")


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


def _short(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip()
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"


def _fmt(v: float) -> str:
    return f"{v:.1f}"


def render_graph(edges: Sequence[Edge], center: str | None) -> str:
    """SVG markup, or an empty string when there is nothing to draw."""
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
    if not nodes:
        return ""

    center_key = _key(center) if center and _key(center) in nodes else max(nodes.values(), key=lambda n: (n.degree, n.key)).key
    hub = nodes[center_key]
    # ring order: grouped by the relation that links a node to the hub, then by name
    first_rel: dict[str, str] = {}
    for (ks, ko), es in pairs.items():
        other = ko if ks == center_key else ks if ko == center_key else None
        if other is not None:
            first_rel.setdefault(other, min(e.relation for e in es))
    ring = [n for n in nodes.values() if n.key != center_key]
    ring.sort(key=lambda n: (first_rel.get(n.key, "~"), n.key))
    dropped = 0
    if len(ring) > MAX_NODES:
        keep = set(n.key for n in sorted(ring, key=lambda n: (-n.degree, n.key))[:MAX_NODES])
        dropped = len(ring) - len(keep)
        ring = [n for n in ring if n.key in keep]

    count = len(ring)
    radius = max(150.0, min(340.0, 70.0 + 7.5 * count))
    two_rings = count > 22
    width = 2 * radius + 2 * 230
    height = 2 * radius + 90
    cx, cy = width / 2, height / 2
    hub.x, hub.y = cx, cy
    for i, n in enumerate(ring):
        angle = -math.pi / 2 + 2 * math.pi * i / max(count, 1)
        r = radius * (0.68 if two_rings and i % 2 else 1.0)
        n.x, n.y = cx + r * math.cos(angle), cy + r * math.sin(angle)
    placed = {hub.key} | {n.key for n in ring}

    out = [
        f'<svg class="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_fmt(width)} {_fmt(height)}" '
        f'width="{_fmt(width)}" height="{_fmt(height)}" role="img" aria-label="graph of the facts of this document">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>',
    ]
    labels: list[str] = []
    for (ks, ko), es in pairs.items():
        if ks not in placed or ko not in placed:
            continue
        a, b = nodes[ks], nodes[ko]
        dx, dy = b.x - a.x, b.y - a.y
        dist = math.hypot(dx, dy) or 1.0
        ux, uy = dx / dist, dy / dist
        x1, y1 = a.x + ux * 9, a.y + uy * 9
        x2, y2 = b.x - ux * 9, b.y - uy * 9
        statuses = {e.status for e in es}
        status = next((s for s in ("wrong", "missing", "correct", "unscored", "plain") if s in statuses), "plain")
        rels = ", ".join(sorted({e.relation for e in es}))
        tip = "; ".join(f"{e.subject} —{e.relation}→ {e.object} ({e.status})" for e in es)
        out.append(
            f'<line class="edge st-{status}" x1="{_fmt(x1)}" y1="{_fmt(y1)}" x2="{_fmt(x2)}" y2="{_fmt(y2)}" '
            f'marker-end="url(#arrow)"><title>{escape(tip)}</title></line>'
        )
        t = 0.55 if ks == center_key else 0.5
        lx, ly = a.x + dx * t, a.y + dy * t
        labels.append(f'<text class="edge-label" x="{_fmt(lx)}" y="{_fmt(ly - 3)}" text-anchor="middle">{escape(rels)}</text>')
    out.extend(labels)
    for n in [hub, *ring]:
        r = 12 if n is hub else 7
        out.append(f'<g class="node kind-{n.kind}{" hub" if n is hub else ""}">')
        out.append(f'<circle cx="{_fmt(n.x)}" cy="{_fmt(n.y)}" r="{r}"><title>{escape(n.name)}</title></circle>')
        if n is hub:
            tx, ty, anchor = n.x, n.y - 18, "middle"
        else:
            right = n.x >= cx - 1
            tx, ty, anchor = n.x + (11 if right else -11), n.y + 4, "start" if right else "end"
        out.append(
            f'<text x="{_fmt(tx)}" y="{_fmt(ty)}" text-anchor="{anchor}">{escape(_short(n.name))}<title>{escape(n.name)}</title></text></g>'
        )
    if dropped:
        out.append(f'<text class="graph-note" x="10" y="{_fmt(height - 10)}">{dropped} more names not drawn</text>')
    out.append("</svg>")
    return "".join(out)
