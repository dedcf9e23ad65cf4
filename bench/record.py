"""Where a bench script's run goes: its latest figures replace its section of a document
(docs/benchmarks.md unless it says otherwise), and the run is appended to its history,
``bench/results/<script>-history.md``.

A section is everything between ``<!-- bench:<label> -->`` and ``<!-- /bench:<label> -->``; the
rest of the document is never touched. A section the document does not have yet goes at the end
of the chapter (a ``## `` heading) that names its script, or at the end of the document. No
Django here: bench/seed.py records before any settings are loaded.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "benchmarks.md"
RESULTS = ROOT / "bench" / "results"
HEADER = "# Benchmarks\n"


def start(label: str) -> str:
    return f"<!-- bench:{label} -->"


def end(label: str) -> str:
    return f"<!-- /bench:{label} -->"


def marked(label: str, body: str) -> str:
    """``body`` as the section ``label``, between its markers."""
    return f"{start(label)}\n{body.strip(chr(10))}\n{end(label)}"


def _pattern(label: str) -> re.Pattern:
    return re.compile(rf"{re.escape(start(label))}.*?{re.escape(end(label))}", re.S)


def replace_section(text: str, label: str, section: str, script: str = "") -> str:
    """``text`` with the section ``label`` replaced by ``section`` (which carries its markers);
    a new section goes at the end of the chapter naming ``bench/<script>.py``."""
    if not section.startswith(start(label)) or not section.rstrip().endswith(end(label)):
        raise ValueError(f"the section must open with {start(label)} and close with {end(label)}")
    pattern = _pattern(label)
    found = pattern.findall(text)
    if len(found) > 1:
        raise ValueError(f"{start(label)} appears {len(found)} times: fix the document by hand")
    if found:
        return pattern.sub(lambda _: section.rstrip(), text)
    named = rf"^## .*`bench/{re.escape(script)}\.py`.*$"
    chapter = re.search(named, text, re.M) if script else None
    if chapter:
        following = re.search(r"^## ", text[chapter.end() :], re.M)
        if following:
            at = chapter.end() + following.start()
            return text[:at].rstrip("\n") + "\n\n" + section.rstrip() + "\n\n" + text[at:]
    return text.rstrip("\n") + "\n\n" + section.rstrip() + "\n"


def write_section(
    path: Path, label: str, section: str, script: str = "", header: str = HEADER
) -> None:
    path = Path(path)
    text = path.read_text() if path.exists() else header
    path.write_text(replace_section(text, label, section, script))


def history_path(script: str, results: Path = RESULTS) -> Path:
    return Path(results) / f"{script}-history.md"


def append_history(script: str, label: str, section: str, results: Path = RESULTS) -> Path:
    """Add the run to the end of the script's history: the section without its markers, under
    its own heading (or its label) with the day of the run."""
    path = history_path(script, results)
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        line
        for line in section.strip("\n").splitlines()
        if line.strip() not in (start(label), end(label))
    ]
    title = label
    if lines and lines[0].startswith("#"):
        title, lines = lines[0].lstrip("#").strip(), lines[1:]
    body = "\n".join(lines).strip("\n")
    heading = f"## {datetime.date.today().isoformat()}: {title}"
    existing = path.read_text() if path.exists() else f"# `bench/{script}.py`: every run\n"
    path.write_text(existing.rstrip("\n") + f"\n\n{heading}\n\n{body}\n")
    return path


def record(
    script: str,
    label: str,
    section: str,
    *,
    docs: Path = DOCS,
    results: Path = RESULTS,
) -> None:
    """The run's section replaces its latest figures in ``docs`` and is added to the history."""
    write_section(docs, label, section, script)
    append_history(script, label, section, results)
