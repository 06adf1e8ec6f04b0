"""developed, read from a role that names the product before it: the way author and team pages
credit a person with a software project.

- "P is a MeshKit-m developer", "P, the Orca-2 project lead,", "one of the core GraphVault maintainers";
- "P is a member of the Nimbus-7B development team", "P joined the GraphVault core team".

The product must be coined ("MeshKit-m", "GraphVault", "Orca-2"): "a Google developer" or "a member of
the Springfield development team" names an employer or a place, not a thing made.
"""

from __future__ import annotations

import re
from typing import Iterator

from ...coref import Coref
from ..base import Arg, Candidate, text_of
from ..registry import sentence_rule
from ..toolkit import Sent, State, cand, clause_subject, negated, subj_arg
from .shapes import clean, coined

_NAME = r"(?P<m>[A-Za-z][\w.+]*(?:-[\w.+]+)*(?:\s+\d[\w.]*)?)"
_ROLE = re.compile(
    r"\b(?:(?:is|was|as|became|remains)\s+(?:also\s+)?|,\s+)(?:a|an|the|one\s+of\s+the)\s+(?:(?:lead|core|senior|principal|main|key|active|original)\s+)?"
    rf"{_NAME}\s+(?:(?:core\s+|lead\s+)?(?:developers?|maintainers?|contributors?|committers?)|project\s+leads?)\b"
)
_TEAM = re.compile(
    rf"\b(?:member\s+of|part\s+of|on|joined)\s+the\s+{_NAME}\s+(?:(?:core|development|dev|engineering|maintainers?)\s+)+team\b"
)


@sentence_rule("developed", "products.roles", triggers=["maintain"], order=155)
def named_roles(sent: Sent, co: Coref, st: State) -> Iterator[Candidate]:
    text = text_of(sent.doc)
    for rx in (_ROLE, _TEAM):
        for m in rx.finditer(text, sent.start, sent.end):
            name = m.group("m")
            if not coined(name):
                continue
            ref = clause_subject(sent, m.start(), co)
            if ref is None or negated(sent, m.start()):
                continue
            s, e = m.span("m")
            yield cand("developed", subj_arg(sent, ref), Arg(name, "PRODUCT", clean(name), s, e), sent, "prose.developed_role")
