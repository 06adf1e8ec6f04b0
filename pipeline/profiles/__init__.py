"""One profile per person across documents: `python -m pipeline profiles OUT_DIR`.

records.py  documents.jsonl + facts.jsonl -> (document, person) records with name keys
link.py     candidate pairs by blocking keys, match probabilities from a Splink model
cluster.py  average-linkage clustering under cannot-link rules -> people
given.py    a page owner named by a given name alone joins a person only on shared evidence
merge.py    each person's facts -> statements with references, ranks, conflict groups
writer.py   people -> OUT/people.jsonl (sorted, atomic)
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..schema import Person


@dataclass
class ProfilesResult:
    records: int
    pairs: int
    people: list[Person]
    seconds: float
    problems: list[str]

    def summary(self) -> str:
        multi = sum(1 for p in self.people if len(p.documents) > 1)
        skipped = f", {len(self.problems)} unreadable lines passed over (first: {self.problems[0]})" if self.problems else ""
        return f"people {len(self.people)} ({multi} in 2+ documents) from {self.records} records, {self.pairs} candidate pairs, {self.seconds:.2f} s{skipped}"


def build_profiles(out_dir: str | Path) -> ProfilesResult:
    """Read an output folder, link its people, write OUT/people.jsonl."""
    from .cluster import cluster
    from .given import attach_given
    from .link import score_pairs
    from .records import load_records
    from .writer import person, write_people

    t0 = time.perf_counter()
    problems: list[str] = []
    records = load_records(out_dir, problems)
    pairs = score_pairs(records)
    people = [person(members) for members in attach_given(cluster(records, pairs))]
    write_people(out_dir, people)
    return ProfilesResult(len(records), len(pairs), people, time.perf_counter() - t0, problems)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m pipeline profiles", description="Link the people of an output folder across documents; writes OUT/people.jsonl.")
    p.add_argument("out", metavar="OUT_DIR", help="a folder written by `python -m pipeline extract`")
    args = p.parse_args(argv)
    try:
        res = build_profiles(args.out)
    except (FileNotFoundError, NotADirectoryError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(res.summary(), file=sys.stderr)
    return 0
