"""The case file's verifier (foi/case_file_verifier.py, shipped as audit/verify.py): a stdlib-only
script, run as a file against the chain of a case file the test builds, whole and tampered."""

import ast
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from foi import case_file_verifier
from foi.exports import case_file_zip
from foi.models.audit import GENESIS

SCRIPT = Path(case_file_verifier.__file__)


def case_file(foi_request, user) -> zipfile.ZipFile:
    return zipfile.ZipFile(case_file_zip(foi_request=foi_request, user=user))


def events_of(archive) -> list[dict]:
    return [json.loads(line) for line in archive.read("audit/events.jsonl").decode().splitlines()]


def verify(tmp_path, lines: list[str], script: Path = SCRIPT) -> subprocess.CompletedProcess:
    """Run the verifier as a stranger would: its own file, an isolated Python, no project."""
    path = tmp_path / "events.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-I", str(script), str(path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )


def dumped(events: list[dict]) -> list[str]:
    return [json.dumps(event, ensure_ascii=False) for event in events]


def withheld(event: dict) -> dict:
    """The event as foi.exports shows it to someone who may not see it: its hashes only."""
    return {"seq": event["seq"], "prev_hash": event["prev_hash"], "hash": event["hash"]} | {
        "withheld": True
    }


def test_the_case_file_ships_the_verifier_module_as_it_is(world, case):
    archive = case_file(case, world.requester)
    assert archive.read("audit/verify.py").decode("utf-8") == SCRIPT.read_text(encoding="utf-8")


def test_the_verifier_imports_only_the_standard_library():
    tree = ast.parse(SCRIPT.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0 and node.module, "no relative imports"
            imported.add(node.module.split(".")[0])
    assert imported and imported <= set(sys.stdlib_module_names), imported
    assert case_file_verifier.GENESIS == GENESIS


def test_the_shipped_script_verifies_the_chain_it_came_with(world, case, tmp_path):
    archive = case_file(case, world.requester)
    archive.extractall(tmp_path / "case")
    run = subprocess.run(
        [sys.executable, "-I", "audit/verify.py", "audit/events.jsonl"],
        cwd=tmp_path / "case",
        capture_output=True,
        text=True,
        timeout=60,
    )
    case.refresh_from_db()
    assert run.returncode == 0, run.stdout + run.stderr
    # With case.json beside it, the texts and files the events hash (chain v2) are checked too.
    head = f"OK: {case.audit_length} events, head {case.audit_head}; "
    assert run.stdout.startswith(head) and run.stdout.endswith(" texts and files match it\n")


def test_a_withheld_event_keeps_the_chain_whole(world, case, tmp_path):
    events = events_of(case_file(case, world.requester))
    events[1] = withheld(events[1])
    run = verify(tmp_path, dumped(events))
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"OK: {len(events)} events (1 withheld" in run.stdout
    assert events[-1]["hash"] in run.stdout


def _alter_canonical(events):
    events[1]["canonical"] = events[1]["canonical"].replace('"seq":2', '"seq":2 ')


def _alter_hash(events):
    events[1]["hash"] = "f" * 64


def _drop_an_event(events):
    del events[1]


def _swap_two_events(events):
    events[1], events[2] = events[2], events[1]


def _relink_an_event(events):
    events[2]["prev_hash"] = GENESIS


def _withhold_and_alter(events):
    events[1] = withheld(events[1]) | {"hash": "e" * 64}


def _drop_the_canonical(events):
    del events[1]["canonical"]


@pytest.mark.parametrize(
    "tamper, problem",
    [
        (_alter_canonical, "event 2 was altered"),
        (_alter_hash, "event 2 was altered"),
        (_drop_an_event, "event 2 is missing"),
        (_swap_two_events, "event 2 is missing"),
        (_relink_an_event, "event 3 does not follow the previous one"),
        (_withhold_and_alter, "event 3 does not follow the previous one"),
        (_drop_the_canonical, "event 2 was altered"),
    ],
)
def test_the_verifier_reports_a_broken_chain(world, case, tmp_path, tamper, problem):
    events = events_of(case_file(case, world.requester))
    assert len(events) >= 3
    tamper(events)
    run = verify(tmp_path, dumped(events))
    assert run.returncode == 1, run.stdout + run.stderr
    assert run.stdout == f"BROKEN: {problem}\n"
    assert run.stderr == ""


def test_a_line_that_is_no_event_is_reported_not_a_crash(world, case, tmp_path):
    lines = dumped(events_of(case_file(case, world.requester)))
    lines.insert(1, "not json")
    run = verify(tmp_path, lines)
    assert (run.returncode, run.stdout, run.stderr) == (1, "BROKEN: line 2 is not an event\n", "")
