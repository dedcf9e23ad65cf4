"""The bench scripts' writer (bench/record.py): a run replaces its own section of the document
and nothing else, and is added to the end of its script's history."""

import importlib.util
import re
from pathlib import Path

import pytest

from bench import record

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "benchmarks.md"


def script(name):
    """A bench script loaded from its file, as `python bench/<name>.py` runs it."""
    spec = importlib.util.spec_from_file_location(
        f"bench_{name}_script", ROOT / "bench" / f"{name}.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DOCUMENT = """# Benchmarks

Intro.

## Search (`bench/search.py`)

Goal: fast.

<!-- bench:database on postgresql -->
### database on postgresql

p95 83 ms
<!-- /bench:database on postgresql -->

## Under load (`bench/load.py`, `bench/mixed_load.py`)

Method.

<!-- bench:mixed load -->
### mixed load

pass
<!-- /bench:mixed load -->

Trailing words.
"""


def test_a_section_is_replaced_and_everything_else_kept():
    new = record.marked("database on postgresql", "### database on postgresql\n\np95 70 ms")
    text = record.replace_section(DOCUMENT, "database on postgresql", new, "search")
    assert "p95 70 ms" in text and "p95 83 ms" not in text
    before, after = (
        DOCUMENT.split("<!-- bench:database on postgresql -->")[0],
        (DOCUMENT.split("<!-- /bench:database on postgresql -->")[1]),
    )
    assert text.startswith(before)
    assert text.endswith(after)


def test_a_label_with_regex_characters_is_matched_literally():
    label = "pages under load, 1,000,000 requests (1 connection)"
    document = DOCUMENT + f"\n{record.marked(label, 'old')}\n\nEnd.\n"
    text = record.replace_section(document, label, record.marked(label, "new"))
    assert text == document.replace("\nold\n", "\nnew\n")


def test_a_new_section_goes_at_the_end_of_its_scripts_chapter():
    section = record.marked("database on sqlite", "### database on sqlite\n\np95 195 ms")
    text = record.replace_section(DOCUMENT, "database on sqlite", section, "search")
    search, under_load = text.split("## Under load")
    assert search.rstrip().endswith(section)
    assert text == DOCUMENT.replace("\n## Under load", f"\n{section}\n\n## Under load")
    assert "## Under load" + under_load == DOCUMENT[DOCUMENT.index("## Under load") :]


def test_a_new_section_of_a_script_without_a_chapter_goes_at_the_end():
    section = record.marked("plans", "table")
    text = record.replace_section(DOCUMENT, "plans", section, "explain")
    assert text == DOCUMENT + "\n" + section + "\n"


def test_a_section_without_its_markers_or_a_doubled_one_is_refused():
    with pytest.raises(ValueError, match="must open with"):
        record.replace_section(DOCUMENT, "mixed load", "### mixed load\n\nfail")
    doubled = DOCUMENT + "\n" + record.marked("mixed load", "again") + "\n"
    with pytest.raises(ValueError, match="appears 2 times"):
        record.replace_section(doubled, "mixed load", record.marked("mixed load", "x"))


def test_each_run_is_added_to_the_end_of_its_history(tmp_path):
    first = record.marked("mixed load", "### mixed load\n\n- verdict: **pass**")
    second = record.marked("mixed load", "### mixed load\n\n- verdict: **FAIL**")
    path = record.append_history("mixed_load", "mixed load", first, tmp_path)
    record.append_history("mixed_load", "mixed load", second, tmp_path)
    text = path.read_text()
    assert path == tmp_path / "mixed_load-history.md"
    assert text.startswith("# `bench/mixed_load.py`: every run\n")
    assert "<!--" not in text and "### mixed load" not in text
    assert len(re.findall(r"^## \d{4}-\d\d-\d\d: mixed load$", text, re.M)) == 2
    assert text.index("**pass**") < text.index("**FAIL**")


def canned_seed_output() -> str:
    return (
        "Seeded 100000 requests in 150.0 s (667 requests/s).\n"
        "  public bodies   300 (slugs bench-*)\n"
        "  accounts        5903 (e-mail *@bench.example)\n"
        "  requests              100000\n"
        "  messages              426387\n"
    )


def test_a_seed_run_rewrites_only_its_section_of_the_real_document(tmp_path):
    docs = tmp_path / "benchmarks.md"
    docs.write_text(DOCS.read_text())
    label = "seed-postgresql-100000"
    text = script("seed").section(
        label=label,
        database="PostgreSQL",
        output=canned_seed_output(),
        seconds=150.0,
        load_before="1.0, 1.0, 1.0",
        load_after="1.5, 1.2, 1.1",
        note="",
    )
    record.record("seed", label, text, docs=docs, results=tmp_path)
    pattern = re.compile(rf"<!-- bench:{label} -->.*?<!-- /bench:{label} -->", re.S)
    assert pattern.sub("", docs.read_text()) == pattern.sub("", DOCS.read_text())
    assert "| messages | 426,387 |" in pattern.search(docs.read_text()).group(0)
    assert "667 requests/s" in (tmp_path / "seed-history.md").read_text()


def test_the_plans_summary_replaces_its_section_of_the_real_document(tmp_path):
    docs = tmp_path / "benchmarks.md"
    docs.write_text(DOCS.read_text())
    page = {
        "name": "request page",
        "path": "/requests/AZ-2026-1/",
        "status": 200,
        "ms": 14.2,
        "database_ms": 4.1,
        "queries": 5,
        "slowest_ms": 2.0,
    }
    table = script("explain").summary("Run today on `bench`.", 1000, [page])
    record.record("explain", "plans", record.marked("plans", table), docs=docs, results=tmp_path)
    before, after = DOCS.read_text().split("<!-- bench:plans -->")
    written_before, written_after = docs.read_text().split("<!-- bench:plans -->")
    assert written_before == before
    end = "<!-- /bench:plans -->"
    assert written_after.split(end)[1] == after.split(end)[1]
    assert "| request page | `/requests/AZ-2026-1/` | 200 | 14 | 4 | 5 | 2.0 |" in written_after


@pytest.mark.parametrize("path", ["docs/benchmarks.md", "docs/security.md", "bench/PLANS.md"])
def test_every_section_of_the_written_documents_opens_and_closes_once(path):
    text = (ROOT / path).read_text()
    opened = re.findall(r"^<!-- bench:(.+?) -->$", text, re.M)
    closed = re.findall(r"^<!-- /bench:(.+?) -->$", text, re.M)
    assert opened and opened == closed
    assert len(set(opened)) == len(opened)
    for label in opened:
        section = re.search(
            rf"{re.escape(record.start(label))}.*?{re.escape(record.end(label))}", text, re.S
        ).group(0)
        assert "\n<!-- bench:" not in section, label
        assert record.replace_section(text, label, section) == text
