"""Document text with spans marked up, however the spans overlap.

Spans nest when they can; where two cross, the inner one is closed at the
outer one's end and reopened right after, so the markup is always well formed.
Only the first piece of a span carries its `id`; every piece carries its classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Sequence


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    layer: int  # on equal extent the lower layer is the outer element
    classes: str
    attrs: tuple[tuple[str, str], ...] = ()
    first_attrs: tuple[tuple[str, str], ...] = field(default=())


def _open(span: Span, first: bool) -> str:
    classes = span.classes if first else span.classes + " cont"
    parts = [f'<span class="{escape(classes)}"']
    for name, value in (span.first_attrs if first else ()) + span.attrs:
        parts.append(f' {name}="{escape(value)}"')
    return "".join(parts) + ">"


def render_spans(text: str, spans: Sequence[Span], base: int = 0) -> str:
    """Escaped `text` with `spans` (offsets relative to `base`) as nested <span> elements."""
    n = len(text)
    clipped: list[tuple[int, int, int, int, Span]] = []
    for order, sp in enumerate(spans):
        s, e = max(sp.start - base, 0), min(sp.end - base, n)
        if e > s:
            clipped.append((s, -e, sp.layer, order, sp))
    clipped.sort(key=lambda t: t[:4])
    starts: dict[int, list[tuple[int, Span]]] = {}
    bounds = {0, n}
    for s, neg_e, _, _, sp in clipped:
        starts.setdefault(s, []).append((-neg_e, sp))
        bounds.update((s, -neg_e))
    points = sorted(bounds)

    out: list[str] = []
    stack: list[tuple[int, Span]] = []  # (end, span), outermost first
    for pos, nxt in zip(points, points[1:] + [n]):
        ending = [i for i, (end, _) in enumerate(stack) if end == pos]
        if ending:
            cut = ending[0]
            reopen = [item for item in stack[cut:] if item[0] > pos]
            out.append("</span>" * (len(stack) - cut))
            del stack[cut:]
            for item in reopen:
                out.append(_open(item[1], first=False))
                stack.append(item)
        for end, sp in starts.get(pos, ()):
            out.append(_open(sp, first=True))
            stack.append((end, sp))
        if nxt > pos:
            out.append(escape(text[pos:nxt]))
    out.append("</span>" * len(stack))
    return "".join(out)
