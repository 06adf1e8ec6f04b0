"""What a run leaves beside its output so the next run can resume or skip work.

- `OUT/.pipeline-cache/<cache_key>/<sha256>.<doc key>.json`: the finished record of one document,
  written atomically the moment the document is done. A killed run loses at
  most the documents in flight; a re-run picks the rest up from here.
- `OUT/manifest.json`: written last, after the outputs; lists every input with
  its doc_id, source, sha256 and outcome, plus the inputs that were skipped and
  why. Its content depends only on the inputs and settings, never on timing,
  so an unchanged folder gives a byte-identical manifest.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from pydantic import ValidationError

from .config import PIPELINE_VERSION, Settings
from .outdir import CACHE_DIRNAME, cache_root, owns_cache
from .output import atomic_write_text, remove_stale_temps
from .schema import DocumentRecord

MANIFEST_NAME = "manifest.json"

# Outcomes that say more about this run than about the document: retried next time.
UNCACHED_CODES = frozenset({"timeout", "internal"})


def cacheable(record: DocumentRecord) -> bool:
    return record.status == "ok" or (record.error is not None and record.error.code not in UNCACHED_CODES)


_KEY_NAME = re.compile(r"[0-9a-f]{16}")  # Settings.cache_key()
_ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.[0-9a-f]{16}\.json")  # Cache.name()


class Cache:
    """Finished records keyed by (raw-bytes sha256, doc_id, settings cache key).

    doc_id is part of the key because it appears in the record: a renamed file
    is simply redone, and two blank files never share an entry.
    """

    def __init__(self, out_dir: Path, key: str) -> None:
        self.root = Path(out_dir) / CACHE_DIRNAME
        self.key = key
        self.dir = self.root / key

    @staticmethod
    def name(sha256: str, doc_id: str) -> str:
        return f"{sha256}.{hashlib.sha256(doc_id.encode('utf-8')).hexdigest()[:16]}.json"

    def path(self, sha256: str, doc_id: str) -> Path:
        return self.dir / self.name(sha256, doc_id)

    def load(self, sha256: str, doc_id: str) -> DocumentRecord | None:
        """The cached record for this content under this doc_id, or None."""
        p = self.path(sha256, doc_id)
        try:
            raw = p.read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError:
            return None
        try:
            record = DocumentRecord.model_validate(json.loads(raw))
        except (ValueError, ValidationError):
            return None
        if record.sha256 != sha256 or record.doc_id != doc_id:
            return None
        return record

    def read_line(self, sha256: str, doc_id: str) -> str | None:
        """The stored JSON line, unchecked: for entries this run has just stored."""
        try:
            return self.path(sha256, doc_id).read_text(encoding="utf-8").rstrip("\n")
        except OSError:
            return None

    def store(self, record: DocumentRecord, line: str) -> bool:
        """Store `line`, the JSON of `record`; False when such records are not cached.

        Not fsynced: a torn or lost entry fails validation in `load` and the document is simply redone.
        """
        if not cacheable(record) or not record.sha256:
            return False
        self.store_line(record.sha256, record.doc_id, line)
        return True

    def store_line(self, sha256: str, doc_id: str, line: str) -> None:
        """Store the JSON line of a record that was validated, and judged cacheable, where it was made."""
        if not self.dir.is_dir():
            cache_root(self.root.parent)  # the cache folder is tagged as ours before anything goes in
            self.dir.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.path(sha256, doc_id), line + "\n", durable=False)

    def prune(self, keep: Iterable[tuple[str, str]]) -> None:
        """Drop entries of other cache keys and of (sha256, doc_id) pairs no longer in the input."""
        keep_names = {self.name(sha, doc_id) for sha, doc_id in keep}
        if not self.root.is_dir() or not owns_cache(self.root):
            return  # only a cache this program tagged is ever pruned
        for sub in self.root.iterdir():
            if sub.is_dir() and not sub.is_symlink() and sub.name != self.key and _KEY_NAME.fullmatch(sub.name):
                shutil.rmtree(sub, ignore_errors=True)
        if self.dir.is_dir():
            remove_stale_temps(self.dir)
            for p in self.dir.iterdir():
                if _ENTRY_NAME.fullmatch(p.name) and p.name not in keep_names:
                    try:
                        p.unlink()
                    except OSError:
                        pass


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str


def manifest_entry(record: dict[str, Any]) -> dict[str, Any]:
    """The manifest's line for a record, from its JSON form."""
    entry: dict[str, Any] = {"doc_id": record["doc_id"], "source": record["source"], "sha256": record["sha256"], "status": record["status"]}
    if record.get("error") is not None:
        entry["code"] = record["error"]["code"]
    entry["facts"] = len(record["facts"]) if record["status"] == "ok" else 0
    return entry


def write_manifest(
    out_dir: Path,
    settings: Settings,
    cache_key: str,
    entries: list[dict[str, Any]],
    skipped: Iterable[Skipped],
    outputs: dict[str, str] | None = None,
) -> None:
    """Written last: `outputs` (file name -> sha256) ties documents.jsonl and facts.jsonl to this manifest."""
    body = {
        "pipeline_version": PIPELINE_VERSION,
        "outputs": outputs or {},
        "cache_key": cache_key,
        "settings": settings.model_dump(mode="json"),
        "documents": entries,
        "skipped": [{"path": s.path, "reason": s.reason} for s in sorted(skipped, key=lambda s: s.path)],
    }
    atomic_write_text(Path(out_dir) / MANIFEST_NAME, json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def check_outputs(out_dir: Path) -> str | None:
    """None when the output files are the ones the manifest names; else what is wrong, for the user.

    A folder without a manifest (written by hand, or before manifests named their
    outputs) is taken as it is.
    """
    out_dir = Path(out_dir)
    try:
        body = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as e:
        return f"{out_dir / MANIFEST_NAME} cannot be read ({e}); run extract again"
    for name, digest in (body.get("outputs") or {}).items():
        h = hashlib.sha256()
        try:
            with open(out_dir / name, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    h.update(chunk)
        except OSError:
            return f"{out_dir / name} is missing; run extract again"
        if h.hexdigest() != digest:
            return f"{out_dir / name} is not the file its manifest names (a run was stopped while writing); run extract again"
    return None
