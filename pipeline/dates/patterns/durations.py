"""Durations and sets ("three years", "the past decade", "every week", "daily") and
the PRESENT_REF / PAST_REF / FUTURE_REF words.
"""

from __future__ import annotations

import re

from pipeline.dates.lexicon import NUM, REFS, SETS, SMALL, TENS, UNITS, alt, first

_UNIT_WORDS = [u for u in UNITS if u not in ("weekend",)]
NUMW = rf"(?:{alt(TENS)}[\s-]+{alt(SMALL)}\b|{NUM}|\d+(?:\.\d+)?|\d+\s+\d/\d)"
_UNIT_RE_S = rf"(?P<unit>{alt(_UNIT_WORDS)})(?P<pl>s)?\b"
APPROX_BACK = re.compile(r"(?i:\b(?:nearly|almost|more\s+than|less\s+than|at\s+least|at\s+most|up\s+to)\s+)\Z")
DUR_RE = re.compile(
    rf"(?<![\w-])(?P<pre>(?i:the\s+)(?i:(?:past|last|next|first|previous|coming|latest|final|initial|following|remaining|last|other)\s+)?|(?i:(?:past|last|next|first|previous|coming|latest|final|initial|following|remaining|other)\s+))?"
    rf"(?P<n>{NUMW})[\s-]+(?:(?i:more|additional|straight|consecutive|trading|business|working)\s+)?{_UNIT_RE_S}(?![\w-])"
)
THE_DUR_RE = re.compile(rf"(?<![\w-])(?P<the>{first(['the'])})\s+(?P<dir>{alt(['past', 'last', 'next', 'previous', 'coming', 'following', 'full', 'whole', 'entire'])})\s+{_UNIT_RE_S}(?![\w-])")
FEW_RE = re.compile(rf"(?<![\w-])(?P<pre>{first(['several', 'many', 'few', 'a few', 'recent', 'the past few', 'the last few', 'the past several', 'the last several', 'some', 'a couple of'])})\s+{_UNIT_RE_S}(?![\w-])")
FOR_PLURAL_RE = re.compile(r"(?<=\b(?:for|For) )(?P<unit>years|months|decades|weeks|days|centuries)\b")
REF_RE = re.compile(rf"(?<![\w-])(?P<w>{first(REFS)})(?![\w-])")
SET_RE = re.compile(rf"(?<![\w-])(?P<w>{first(SETS)})(?![\w-])")
EVERY_RE = re.compile(rf"(?<![\w-])(?P<w>{first(['every', 'each', 'per'])})\s+(?:(?P<n>{NUMW})\s+)?{_UNIT_RE_S}(?![\w-])")
AGE_LONG_RE = re.compile(  # "decades-long", "a day-long strike" (ages, "6-year-old", are rarely annotated)
    rf"(?<![\w-])(?:(?P<n>{NUMW})-)?(?P<unit>{alt(['day', 'week', 'month', 'year', 'decade', 'hour', 'minute'])})(?P<pl>s)?-(?P<k>{alt(['long'])})(?![\w-])"
)
