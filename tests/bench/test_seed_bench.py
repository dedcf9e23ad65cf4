"""``seed_bench`` generates consistent bench data in bulk, and ``--clear`` removes only it."""

import datetime
import io
import re
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import transaction

from bench.seeder.setup import DEFAULT_PASSWORD, EMAIL_DOMAIN, SLUG_PREFIX
from core import clock
from foi import deadlines
from foi.models import (
    OPEN_STATES,
    Appeal,
    Attachment,
    CaseEvent,
    FOIRequest,
    InvokedExemption,
    Membership,
    Message,
    MessageKind,
    PublicBody,
    ReferenceCounter,
    State,
    User,
    Visibility,
)
from foi.services.references import reference_next

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 15, 10, 0, tzinfo=datetime.UTC)
REFERENCE = re.compile(r"^AZ-(\d{4})-(\d{6})$")


def seed_bench(*args) -> tuple[str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    with clock.travel(NOW):
        call_command("seed_bench", *args, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def table_counts() -> dict:
    return {
        "requests": FOIRequest.objects.count(),
        "messages": Message.objects.count(),
        "attachments": Attachment.objects.count(),
        "exemptions": InvokedExemption.objects.count(),
        "appeals": Appeal.objects.count(),
        "events": CaseEvent.objects.count(),
        "users": User.objects.count(),
        "bodies": PublicBody.objects.count(),
        "memberships": Membership.objects.count(),
        "states": dict(Counter(FOIRequest.objects.values_list("state", flat=True))),
    }


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """200 requests seeded once for the module, rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        stdout, stderr = seed_bench("--requests", "200", "--seed", "3", "--batch-size", "64")
        yield {"stdout": stdout, "stderr": stderr}
        transaction.set_rollback(True)


def test_seeds_n_requests_in_every_state(seeded):
    assert FOIRequest.objects.count() == 200
    assert set(FOIRequest.objects.values_list("state", flat=True)) == set(State.values)
    bodies = PublicBody.objects.filter(slug__startswith=SLUG_PREFIX)
    assert bodies.count() == 300
    assert bodies.filter(parent__isnull=True).count() == 1
    assert all(body.name_az and body.name_en and body.name_ru for body in bodies)
    # Every body has a coordinator and two officers.
    roles = Counter(
        Membership.objects.filter(body__in=bodies).values_list("body_id", "role")
    ).values()
    assert set(roles) == {1, 2}
    assert Membership.objects.filter(body__in=bodies).count() == 900
    assert FOIRequest.objects.exclude(body__slug__startswith=SLUG_PREFIX).count() == 0
    assert not FOIRequest.objects.filter(state=State.ANSWERED, outcome="").exists()
    assert not FOIRequest.objects.filter(state=State.REFUSED).exclude(outcome="refused").exists()


def test_messages_files_grounds_and_appeals(seeded):
    per_request = Message.objects.count() / FOIRequest.objects.count()
    assert 2.5 <= per_request <= 6.5
    # E-mails ("parties") are not seeded: the services write them with their InboundEmail.
    audiences = set(Message.objects.values_list("audience", flat=True))
    assert audiences == {"public", "internal"}
    attachments = Attachment.objects.select_related("message")
    assert attachments.exists()
    assert all(a.message.kind == MessageKind.RESPONSE and a.extracted_text for a in attachments)
    # One real file, stored once, shared by name.
    names = set(attachments.values_list("file", flat=True))
    assert len(names) <= 4
    for attachment in attachments[:4]:
        with attachment.file.open("rb") as handle:
            assert len(handle.read()) == attachment.size
    for foi_request in FOIRequest.objects.filter(state=State.REFUSED):
        assert foi_request.invoked_exemptions.exists()
    for foi_request in FOIRequest.objects.filter(outcome="partial"):
        assert foi_request.invoked_exemptions.exists()
    for foi_request in FOIRequest.objects.filter(state=State.UNDER_APPEAL):
        pending = foi_request.appeals.filter(decided_at__isnull=True)
        assert pending.count() == 1
        assert pending.get().lodged_at == foi_request.appealed_at


def test_timestamps_fit_the_state(seeded):
    for r in FOIRequest.objects.all():
        if r.state == State.DRAFT:
            assert r.reference is None and r.submitted_at is None and r.due_at is None
            continue
        assert r.first_received_at <= r.received_at <= NOW
        assert r.created_at <= r.submitted_at == r.first_received_at
        assert r.due_at is not None and r.due_explanation
        moments = [
            r.accepted_at, r.first_response_at, r.answered_at, r.refused_at, r.rejected_at,
            r.withdrawn_at, r.appealed_at, r.closed_at, r.clarification_requested_at,
            r.clarified_at, r.transferred_at,
        ]  # fmt: skip
        assert all(r.first_received_at <= m <= NOW for m in moments if m is not None)
        if r.state in (*OPEN_STATES, State.AWAITING_CLARIFICATION):
            assert r.closed_at is None and r.answered_at is None and r.refused_at is None
            assert r.outcome == ""
        if r.state == State.ANSWERED:
            assert r.answered_at >= r.received_at and r.first_response_at <= r.answered_at
        if r.state == State.REFUSED:
            assert r.refused_at >= r.received_at
        if r.state == State.REJECTED:
            assert r.rejected_at and r.rejection_reason
        if r.state == State.WITHDRAWN:
            assert r.withdrawn_at
        if r.state == State.CLOSED:
            assert r.closed_at
        if r.state == State.AWAITING_CLARIFICATION:
            assert r.clarification_requested_at and r.clarification_lapses_at
        if r.transferred_at:
            assert r.received_at == r.transferred_at
    # Some open requests are overdue, some are not.
    open_requests = FOIRequest.objects.filter(state__in=OPEN_STATES)
    assert open_requests.filter(due_at__lt=NOW).exists()
    assert open_requests.filter(due_at__gte=NOW).exists()


def test_due_dates_are_what_the_deadline_code_computes(seeded):
    sample = FOIRequest.objects.exclude(state=State.DRAFT).select_related("law")
    with_history = sample.exclude(clock_history=[])
    assert with_history.exists()
    for foi_request in [*sample.order_by("pk")[::7], *with_history[:10]]:
        deadline = deadlines.compute_due(
            foi_request.law,
            received_at=foi_request.first_received_at,
            urgency=foi_request.urgency,
            history=foi_request.clock_history,
        )
        assert foi_request.due_at == deadline.due_at
        assert foi_request.due_explanation == deadline.to_json()
        assert foi_request.extensions_count == deadline.extensions_used


def test_every_audit_chain_holds(seeded):
    stdout = io.StringIO()
    call_command("foi_verify_audit", stdout=stdout, stderr=io.StringIO())
    assert "200 audit chains verified" in stdout.getvalue()
    for foi_request in FOIRequest.objects.all()[:20]:
        assert foi_request.audit_length == foi_request.events.count() >= 1


def test_the_public_statistics_are_counted(seeded):
    from publicstats.models import BodyMonthStat, CaseStat

    received = FOIRequest.objects.exclude(state="draft").exclude(received_at=None)
    assert CaseStat.objects.count() == received.count() > 0
    public = CaseStat.objects.filter(visibility="public").count()
    assert sum(BodyMonthStat.objects.values_list("received", flat=True)) == public


def test_privacy_names_and_references(seeded):
    private = FOIRequest.objects.filter(visibility=Visibility.PRIVATE)
    assert private.exists()
    assert not private.filter(private_until__isnull=True).exists()
    assert not FOIRequest.objects.filter(
        visibility=Visibility.PUBLIC, private_until__isnull=False
    ).exists()
    assert (
        not FOIRequest.objects.filter(public_name_choice="name", public_name="")
        .exclude(state=State.DRAFT)
        .exists()
    )
    references = list(
        FOIRequest.objects.exclude(reference=None).values_list("reference", flat=True)
    )
    assert len(references) == len(set(references))
    highest = Counter()
    for reference in references:
        year, number = REFERENCE.match(reference).groups()
        highest[int(year)] = max(highest[int(year)], int(number))
    for year, number in highest.items():
        assert ReferenceCounter.objects.get(prefix="AZ", year=year).value == number
        law = FOIRequest.objects.exclude(reference=None).first().law
        assert reference_next(law=law, year=year) == f"AZ-{year}-{number + 1:06d}"


def test_accounts_share_the_printed_password(seeded):
    requester = User.objects.get(email=f"requester1@{EMAIL_DOMAIN}")
    assert requester.check_password(DEFAULT_PASSWORD)
    assert User.objects.filter(email__startswith="requester").count() == 10
    assert DEFAULT_PASSWORD in seeded["stdout"]
    assert "search_index --rebuild" in seeded["stdout"]
    assert "200/200 requests" in seeded["stderr"]
