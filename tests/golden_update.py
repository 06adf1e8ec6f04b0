"""`make golden`: rewrite tests/golden/ from the current pipeline, for a person to review with `git diff`."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"


def main() -> None:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "-m", "pipeline", "extract", "seeds", "--out", out, "--force"], cwd=ROOT, check=True)
        for name in ("documents.jsonl", "facts.jsonl"):
            (GOLDEN / name).write_bytes((Path(out) / name).read_bytes())
    print("tests/golden/ rewritten: review it with `git diff tests/golden` before committing")


if __name__ == "__main__":
    main()
