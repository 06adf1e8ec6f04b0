"""Temporal expressions: find them with compiled regexes, normalize them to ISO values.

Two conventions share one scanner. The default one is the project's: calendar
dates, months, years, seasons, halves, quarters, decades and ranges of them
("2020.09 - 2021.07" -> "2020-09/2021-07"); durations and bare "now" are not
mentions. `timeml=True` follows TimeML/TempEval-3 instead: DATE/TIME/DURATION/SET
types, PRESENT_REF, durations like P3M, extents as TimeBank annotates them.

The package reads top-down:
- `lexicon`: month, season, weekday, ordinal, number and unit words (from
  patterns/dates.jsonl) and the regex atoms built from them;
- `patterns/`: one module per concept: absolute points, ranges, relative
  expressions, durations and sets, times of day, false positives;
- `values`: value arithmetic (ISO dates, weeks, quarters), anchoring and tense;
- `scanner`: anchors, candidates, overlaps and the public `extract_dates`;
- `timeml`: the forms only TimeML mode emits.
"""

from __future__ import annotations

__all__ = ["extract_dates"]


def __getattr__(name: str):
    """`extract_dates` is loaded on first use, so that reading the lexicon (clean.py's byline
    parser does) does not compile every date pattern."""
    if name == "extract_dates":
        from pipeline.dates.scanner import extract_dates

        return extract_dates
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
