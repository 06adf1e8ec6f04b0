"""Linking at scale: people.jsonl from generated output folders of N (document, person) records.

Generates documents.jsonl and facts.jsonl the way `extract` writes them: documents about one
person each, naming a few others, with name variants (initials, middle names, both orders of
Chinese names), employers, schools, topics, some e-mails and birth years, and many namesakes
(frequent Chinese surnames with one-syllable given names). Then runs the profile stage phase
by phase, timing each, and scores the clustering against the generated truth (B-cubed over
records).

    python bench/bench_profiles.py --records 100000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.profiles.cluster import cluster  # noqa: E402
from pipeline.profiles.link import score_pairs  # noqa: E402
from pipeline.profiles.names import COMMON_CHINESE_SURNAMES, fold, name_keys  # noqa: E402
from pipeline.profiles.records import load_records  # noqa: E402
from pipeline.profiles.writer import person, write_people  # noqa: E402

ONSETS = "b c d f g h j k l m n p r s t v w z br ch cl dr fr gr kr pr sh st th tr".split()
VOWELS = "a e i o u ai ea ie io ou".split()
CODAS = ["", "", "n", "r", "s", "l", "m", "rt", "nd", "ck", "th"]
PINYIN_GIVEN = "wei lei yang jun hui jie min hong lin ping tao bin hao yu xin jing qiang yan ming fang".split()


def word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables)) + rng.choice(CODAS)


def make_people(rng: random.Random, n: int) -> list[dict]:
    orgs = [f"{word(rng, 2).title()} {rng.choice(['University', 'Institute', 'Labs', 'Research'])}" for _ in range(max(50, n // 5))]
    schools = [f"University of {word(rng, 3).title()}" for _ in range(max(20, n // 10))]
    topics = [f"{word(rng, 2)} {rng.choice(['learning', 'vision', 'systems', 'theory', 'networks'])}" for _ in range(max(20, n // 20))]
    surnames = sorted(COMMON_CHINESE_SURNAMES)
    people = []
    for i in range(n):
        if rng.random() < 0.2:  # namesakes by the thousand
            given, middle, surname = rng.choice(PINYIN_GIVEN).title(), None, rng.choice(surnames).title()
        else:
            given, surname = word(rng, rng.choice((1, 2))).title(), word(rng, rng.choice((2, 3))).title()
            middle = word(rng, 1).title() if rng.random() < 0.3 else None
        people.append(
            {
                "id": i,
                "given": given,
                "middle": middle,
                "surname": surname,
                "employers": rng.sample(orgs, 2),
                "school": rng.choice(schools),
                "topics": rng.sample(topics, 3),
                "email": f"{fold(given)}.{fold(surname)}{i}@{rng.choice(['gmail.com', 'example.edu'])}" if rng.random() < 0.3 else None,
                "born": str(rng.randint(1950, 1998)) if rng.random() < 0.2 else None,
            }
        )
    return people


def name_form(rng: random.Random, p: dict) -> str:
    r = rng.random()
    if p["middle"] and r < 0.3:
        return f"{p['given']} {p['middle']} {p['surname']}"
    if r < 0.15:
        return f"{p['given'][0]}. {p['surname']}"
    return f"{p['given']} {p['surname']}"


def fact(doc_id: str, subject: str, relation: str, obj: str, label: str, pos: int, **q: str) -> dict:
    ev = f"{subject}: {obj}"
    return {
        "doc_id": doc_id,
        "relation": relation,
        "subject": {"text": subject, "label": "PERSON", "canonical": subject, "start": None, "end": None},
        "object": {"text": obj, "label": label, "canonical": obj, "start": pos, "end": pos + len(obj)},
        "qualifiers": q,
        "evidence": {"text": ev, "start": pos, "end": pos + len(ev)},
        "rule": "bench.generated",
        "confidence": 0.8,
    }


def generate(out: Path, n_records: int, seed: int) -> dict[tuple[str, str], int]:
    """Writes the folder; returns (doc_id, name) -> true person id."""
    rng = random.Random(seed)
    people = make_people(rng, max(1, n_records // 4))
    truth: dict[tuple[str, str], int] = {}
    out.mkdir(parents=True, exist_ok=True)
    n, d = 0, 0
    with (out / "documents.jsonl").open("w", encoding="utf-8") as docs, (out / "facts.jsonl").open("w", encoding="utf-8") as facts:
        while n < n_records:
            doc_id = f"g{d:07d}"
            d += 1
            cast = rng.sample(people, min(len(people), rng.randint(1, 4)))
            names: list[str] = []
            for p in cast:
                form = name_form(rng, p)
                if any(name_keys(form)[0].full == name_keys(x)[0].full for x in names):
                    continue
                names.append(form)
                truth[(doc_id, form)] = p["id"]
            subject, sp = names[0], cast[0]
            fs = [fact(doc_id, subject, "employed_by", rng.choice(sp["employers"]), "ORG", 100)]
            fs.append(fact(doc_id, subject, "educated_at", sp["school"], "ORG", 200))
            fs += [fact(doc_id, subject, "research_interest", t, "TOPIC", 300 + 40 * i) for i, t in enumerate(rng.sample(sp["topics"], 2))]
            if sp["email"] and rng.random() < 0.5:
                fs.append(fact(doc_id, subject, "contact", sp["email"], "EMAIL", 500, kind="email"))
            if sp["born"] and rng.random() < 0.5:
                fs.append(fact(doc_id, subject, "date_of_birth", sp["born"], "DATE", 600))
            pos, ents = 0, []
            for k, name in enumerate(names):
                ents.append({"id": f"e{k}", "label": "PERSON", "text": name, "canonical": name, "start": pos, "end": pos + len(name)})
                pos += len(name) + 20
            rec = {"doc_id": doc_id, "source": f"{doc_id}.md", "sha256": f"{seed}-{doc_id}", "status": "ok", "error": None, "title": None,
                   "dct": None, "subject": subject, "entities": ents, "dates": [], "facts": fs}
            docs.write(json.dumps(rec) + "\n")
            for f in fs:
                facts.write(json.dumps(f) + "\n")
            n += len(names)
    return truth


def b_cubed(assign: dict[tuple[str, str], int], truth: dict[tuple[str, str], int]) -> tuple[float, float, float]:
    keys = [k for k in truth if k in assign]
    by_sys, by_gold = defaultdict(set), defaultdict(set)
    for k in keys:
        by_sys[assign[k]].add(k)
        by_gold[truth[k]].add(k)
    p = sum(len(by_sys[assign[k]] & by_gold[truth[k]]) / len(by_sys[assign[k]]) for k in keys) / len(keys)
    r = sum(len(by_sys[assign[k]] & by_gold[truth[k]]) / len(by_gold[truth[k]]) for k in keys) / len(keys)
    return p, r, 2 * p * r / (p + r)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=100_000, help="(document, person) records to generate (default 100000)")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--keep", type=Path, help="write the generated folder and people.jsonl here instead of a temporary folder")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = a.keep or Path(tmp)
        t = time.perf_counter()
        truth = generate(out, a.records, a.seed)
        times = {"generate (not part of the stage)": (time.perf_counter() - t, float("nan"))}
        t0, c0 = time.perf_counter(), time.process_time()
        clock = [t0, c0]

        def lap(name: str) -> None:
            t, c = time.perf_counter(), time.process_time()
            times[name] = (t - clock[0], c - clock[1])
            clock[:] = [t, c]

        records = load_records(out)
        lap("read records")
        pairs = score_pairs(records)
        lap("block + score (Splink)")
        clusters = cluster(records, pairs)
        lap("cluster")
        people = [person(c) for c in clusters]
        write_people(out, people)
        lap("merge + write")
        total, cpu = time.perf_counter() - t0, time.process_time() - c0
    assign = {}
    for i, c in enumerate(clusters):
        for r in c:
            for form in r.forms:
                assign[(r.doc_id, form)] = i
    p, r, f1 = b_cubed(assign, truth)
    sizes = Counter(len(c) for c in clusters)
    print(f"records {len(records)} ({len(truth)} generated), candidate pairs {len(pairs)}, people {len(people)} (true {len(set(truth.values()))}), largest cluster {max(sizes)}")
    print(f"  {'phase':<34} {'wall s':>8} {'cpu s':>8}")
    for k, (wall, cpu_s) in times.items():
        print(f"  {k:<34} {wall:8.1f} {cpu_s:8.1f}")
    print(f"profile stage total: {total:.1f} s wall, {cpu:.1f} s cpu ({len(records) / total:,.0f} records/s); peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"B-cubed against the generated truth: P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
