"""``manage.py foi_deadline``: the due moment on the first line, the reasoning after it."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from foi.management.commands.foi_deadline import Command
from tests.foi.law_builders import az_law

pytestmark = pytest.mark.django_db


@pytest.fixture
def az():
    law = az_law()
    law.save()
    return law


def run(*args: str) -> list[str]:
    out = StringIO()
    call_command("foi_deadline", *args, "--language", "en", stdout=out)
    return out.getvalue().splitlines()


def refused(*args: str) -> str:
    with pytest.raises(CommandError) as caught:
        run(*args)
    assert caught.value.returncode == 2
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_prints_the_due_moment_and_the_explanation_across_novruz(az):
    # The hand count is in tests/foi/test_deadlines.py::test_az_across_novruz_2026.
    lines = run("--law", "az", "--received", "2026-03-18T10:00")
    assert lines[0] == "2026-04-07T23:59:59+04:00"
    assert lines[1] == (
        "Received Wed 18 Mar 2026 10:00. 7 working days (Art. 24.1) counted from Thu 19 Mar 2026"
        " (Art. 24.5); skipped 20–30 Mar 2026 (Spring Festival, Eid al-Fitr, weekend)."
        " Due end of Tue 7 Apr 2026."
    )


def test_an_offset_is_honoured(az):
    # 21:30 UTC on 18 Mar is already 19 Mar in Baku; one working day later, Wed 8 Apr.
    lines = run("--law", "az", "--received", "2026-03-18T21:30+00:00")
    assert lines[0] == "2026-04-08T23:59:59+04:00"


def test_urgency_and_an_extension(az):
    assert run("--law", "az", "--received", "2026-03-13T15:00", "--urgency", "relevance")[0] == (
        "2026-03-14T15:00:00+04:00"
    )
    # Due Tue 7 Apr, plus 7 working days from Wed 8 Apr: Thu 16 Apr.
    lines = run("--law", "az", "--received", "2026-03-18T10:00", "--extensions", "1")
    assert lines[0] == "2026-04-16T23:59:59+04:00"
    assert "Extended on Wed 18 Mar 2026" in lines[1]


def test_the_explanation_follows_the_language(az):
    out = StringIO()
    call_command(
        "foi_deadline",
        "--law",
        "az",
        "--received",
        "2026-03-18T10:00",
        "--language",
        "az",
        stdout=out,
    )
    assert "Novruz bayramı" in out.getvalue()


def test_unknown_law(az):
    assert refused("--law", "zz", "--received", "2026-03-18T10:00") == (
        "Unknown law 'zz' (known: az)."
    )


def test_unparsable_date(az):
    assert "is not an ISO 8601 date" in refused("--law", "az", "--received", "18/03/2026")


def test_unknown_urgency(az):
    assert "Unknown urgency 'panic'" in refused(
        "--law", "az", "--received", "2026-03-18T10:00", "--urgency", "panic"
    )


def test_too_many_extensions(az):
    assert refused("--law", "az", "--received", "2026-03-18T10:00", "--extensions", "2") == (
        "The law az allows at most 1 extension."
    )


def test_negative_extensions(az):
    assert "negative" in refused(
        "--law", "az", "--received", "2026-03-18T10:00", "--extensions", "-1"
    )


def test_from_the_command_line_an_error_is_one_line_on_stderr_and_exit_code_2(az, capsys):
    """What a person at a terminal sees: no traceback, one line, status 2."""
    with pytest.raises(SystemExit) as exited:
        Command().run_from_argv(
            [
                "manage.py",
                "foi_deadline",
                "--law",
                "az",
                "--received",
                "2026-03-18T10:00",
                "--extensions",
                "3",
            ]
        )
    assert exited.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "CommandError: The law az allows at most 1 extension.\n"
