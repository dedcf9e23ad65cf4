"""foi_request_file: the portal's submission, within the per-person daily limit."""

import datetime
import re
from pathlib import Path

import pytest
from django.utils import timezone

from core.errors import InvalidInput, NotPermitted, RateLimited
from foi import services
from foi.models import CaseEvent, State
from tests.factories import FOIRequestFactory
from tests.foi.portal import draft_of


def filed(world, hours_ago):
    return FOIRequestFactory(
        requester=world.requester,
        body=world.ministry,
        state=State.SUBMITTED,
        submitted_at=timezone.now() - datetime.timedelta(hours=hours_ago),
    )


def test_the_limit_refuses_and_changes_nothing(world, settings):
    settings.FOI_FILING_RATE_LIMIT = 1
    filed(world, hours_ago=3)
    draft = draft_of(world)
    events = CaseEvent.objects.count()
    with pytest.raises(RateLimited) as refusal:
        services.foi_request_file(foi_request=draft, actor=world.requester)
    assert refusal.value.status == 429
    assert "You have sent 1 request in the last 24 hours" in refusal.value.message
    draft.refresh_from_db()
    assert (draft.state, draft.reference, draft.due_at) == (State.DRAFT, None, None)
    assert CaseEvent.objects.count() == events


def test_a_limit_of_zero_turns_it_off(world, settings):
    settings.FOI_FILING_RATE_LIMIT = 0
    for hours in range(12):
        filed(world, hours_ago=hours + 1)
    sent = services.foi_request_file(foi_request=draft_of(world), actor=world.requester)
    assert sent.state == State.SUBMITTED and sent.reference


def test_someone_elses_draft_cannot_be_filed(world):
    with pytest.raises(NotPermitted):
        services.foi_request_file(foi_request=draft_of(world), actor=world.citizen)


def test_a_body_that_closed_meanwhile_takes_no_request(world):
    draft = draft_of(world)
    world.ministry.is_active = False
    world.ministry.save()
    with pytest.raises(InvalidInput):
        services.foi_request_file(foi_request=draft, actor=world.requester)
    draft.refresh_from_db()
    assert draft.state == State.DRAFT


# -- one way to file --------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[3]
SKIPPED = {".venv", "node_modules", "tests", "migrations", ".git"}


def _project_sources():
    for path in ROOT.rglob("*.py"):
        if not SKIPPED.intersection(path.relative_to(ROOT).parts):
            yield path


def test_only_foi_request_file_sends_a_draft():
    """The wizard, the API, intake and the demo all file through foi_request_file, which
    applies the daily limit: nothing else is exported, and nothing else runs the transition."""
    assert "foi_request_file" in services.__all__
    assert not {"foi_request_submit", "foi_request_register"} & set(dir(services))
    runs_submit = re.compile(r"""name=["']submit["']|\.submit\(\s*at=""")
    calls_private = re.compile(r"filing import[^\n]*\b_submit\b|filing\._submit\b")
    offenders = [
        str(path.relative_to(ROOT))
        for path in _project_sources()
        if path != ROOT / "foi/services/filing.py"
        and (runs_submit.search(path.read_text()) or calls_private.search(path.read_text()))
    ]
    assert offenders == []
    filing = (ROOT / "foi/services/filing.py").read_text()
    # Its definition, foi_request_file's one call, and foi_requests_file_together's (a batch,
    # the same daily limit counting each of its requests).
    assert filing.count("_submit(") == 3
    assert filing.count("_check_daily_limit(") == 3  # its definition and the two callers


def test_an_officers_registration_is_not_limited_nor_counted(world, settings):
    """The body must register every request it receives: the limit is for a person's own
    filings, and what an officer registered for them does not count against it."""
    settings.FOI_FILING_RATE_LIMIT = 1
    filed(world, hours_ago=3)  # the requester's own: they are at the limit
    draft = services.foi_request_create_draft(
        requester=world.requester,
        body=world.ministry,
        channel="post",
        registered_by=world.officer,
        subject="Letter",
        text="By post.",
    )
    registered = services.foi_request_file(foi_request=draft, actor=world.officer)
    assert registered.state == State.SUBMITTED
    with pytest.raises(RateLimited) as refusal:
        services.foi_request_file(foi_request=draft_of(world), actor=world.requester)
    assert "You have sent 1 request" in refusal.value.message


def test_intake_files_through_the_one_door(world, monkeypatch):
    from foi.services import filing

    doors = []
    real = filing.foi_request_file

    def spy(**kwargs):
        doors.append(kwargs["actor"])
        return real(**kwargs)

    monkeypatch.setattr("foi.services.intake.foi_request_file", spy)
    services.foi_request_register_for(
        officer=world.officer,
        body=world.ministry,
        channel="post",
        person={"first_name": "Kamran", "phone": "+994 00 000 00 05"},
        subject="Letter",
        text="By post.",
    )
    assert doors == [world.officer]
