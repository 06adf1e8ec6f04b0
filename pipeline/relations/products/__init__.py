"""developed: who released, launched, built or maintains which model, product or system.

`shapes` says what a product name looks like in prose; `release` reads releases and
launches by organisations and people ("X released M on DATE", "M, developed by X");
`makers` reads a person's making and maintaining ("P created M", "P is a core maintainer
of M"); `credits` reads credit given without a verb of release ("P co-developed M
with Q", "P spearheaded the development of M", "we propose a protocol called M", "X's first
product is M"); `described` reads noun phrases that name a product with its maker ("X's new
model, M,", "the M model from X", "X's M").
"""

from __future__ import annotations

from ..registry import RelationSpec, relation
from . import credits, described, launches, makers, release  # noqa: F401  (their rules register on import)

SPEC = relation(RelationSpec("developed", ("ORG", "PERSON"), ("PRODUCT",), ("date",)))
