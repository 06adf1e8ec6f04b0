"""Times of day and quarters of news text: "2 p.m. Friday", "Friday night", "the third quarter"."""

from __future__ import annotations

import re

from pipeline.dates.lexicon import DAYPARTS, ORD, WEEKDAYS, alt, first

PART_RE = re.compile(
    rf"(?<![\w-])(?:(?P<wd>{first(WEEKDAYS)})|(?P<rel>{first(['yesterday', 'today', 'tomorrow', 'this', 'last', 'early', 'late'])}))\s+(?P<part>{alt(DAYPARTS)})\b"
)
CLOCK_RE = re.compile(
    r"(?:(?<![\w:.])(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|am\b|pm\b))|(?<![\w-])(?P<w>noon|midnight|midday)\b)"
    rf"(?:\s+(?:[A-Z][DS]T\s+)?(?P<wd>{first(WEEKDAYS)})(?![\w-]))?"
)
QUARTER_RE = re.compile(
    rf"(?<![\w-])(?P<pre>{first(['the'])}\s+(?:(?P<y>(?:19|20)\d\d)\s+)?(?:(?i:fiscal|calendar|current|latest|past|last|year-ago|year-earlier|previous|comparable|same)\s+)*"
    rf"|(?=(?i:first|second|third|fourth|1st|2nd|3rd|4th|fiscal)))"
    rf"(?:(?P<o>{ORD})[\s-]+)?(?P<u>(?i:quarter|half|period))(?![\w])"
)
