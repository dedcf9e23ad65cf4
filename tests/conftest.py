import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from foi.actors import SYSTEM
from foi.models import State
from tests.factories import (
    AppealFactory,
    AppealLevelFactory,
    ExemptionFactory,
    FOIRequestFactory,
    LawFactory,
    MembershipFactory,
    PublicBodyFactory,
    UserFactory,
)


@dataclass
class World:
    """One jurisdiction with a ministry under a cabinet, another ministry and the Ombudsman,
    and one person in every role of docs/permissions.md."""

    law: object
    cabinet: object
    ministry: object
    other_body: object
    ombudsman: object
    requester: object
    citizen: object
    officer: object
    second_officer: object
    coordinator: object
    other_officer: object
    reviewer: object
    ombudsman_reviewer: object
    editor: object
    admin: object
    levels: dict

    def request(self, state=State.SUBMITTED, **overrides):
        """A request in ``state`` with every condition of the transitions out of it met."""
        return make_request_in_state(self, state, **overrides)


def make_request_in_state(world, state, **overrides):
    now = timezone.now()
    past = now - datetime.timedelta(days=40)
    values = {
        "body": world.ministry,
        "requester": world.requester,
        "state": state,
        "submitted_at": past,
        "first_received_at": past,
        "received_at": past,
        "due_at": now - datetime.timedelta(days=1),  # overdue: appealable when open
    }
    if state == State.DRAFT:
        values.update(
            reference=None, submitted_at=None, first_received_at=None, received_at=None, due_at=None
        )
    if state == State.AWAITING_CLARIFICATION:
        values["clarification_requested_at"] = past
        values["clarification_lapses_at"] = now - datetime.timedelta(hours=1)
        values["clock_history"] = [{"kind": "clarification_asked", "at": past.isoformat()}]
    if state == State.AWAITING_PAYMENT:
        values.update(
            fee_class="paid",
            fee_amount="12.50",
            fee_currency="AZN",
            fee_estimated_at=past,
            fee_payment_lapses_at=now - datetime.timedelta(hours=1),
            clock_history=[{"kind": "fee_estimated", "at": past.isoformat()}],
        )
    if state == State.ANSWERED:
        values.update(outcome="full", answered_at=now - datetime.timedelta(days=2))
    if state == State.REFUSED:
        values.update(outcome="refused", refused_at=now - datetime.timedelta(days=2))
    if state == State.REJECTED:
        values.update(
            rejection_reason="Not a request.", rejected_at=now - datetime.timedelta(days=2)
        )
    if state == State.CLOSED:
        values["closed_at"] = now - datetime.timedelta(days=2)
    if state == State.WITHDRAWN:
        values["withdrawn_at"] = now - datetime.timedelta(days=2)
    values.update(overrides)
    foi_request = FOIRequestFactory(**values)
    internal_review = world.levels["internal_review"]
    if state == State.UNDER_APPEAL:
        # The first-level review is pending and past its own deadline: the requester may go on.
        AppealFactory(foi_request=foi_request, level=internal_review, reviewing_body=world.cabinet)
    if state == State.CLOSED:
        AppealFactory(
            foi_request=foi_request,
            level=internal_review,
            reviewing_body=world.cabinet,
            decision="upheld",
            reasons="The refusal was lawful.",
            decided_by=world.reviewer,
            decided_at=foi_request.closed_at,
        )
    return foi_request


@pytest.fixture(autouse=True)
def _frozen_totp_clock(monkeypatch):
    """allauth checks TOTP codes against a clock frozen mid-step; tests.totp.totp_code gives the
    code for the same instant."""
    from tests.totp import freeze_totp_clock

    freeze_totp_clock(monkeypatch)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: Wagtail caches the sites' root paths and allauth
    its rate-limit counters, which would otherwise leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def no_page_cache(settings):
    """For a test that counts what rendering a page costs, or changes code between two reads
    of a page (nothing a write would announce): every page rendered afresh. Tests of what a
    visitor sees after a change keep the page cache on: they prove its invalidation."""
    settings.FOI_PAGE_CACHE = False


@pytest.fixture(autouse=True)
def _no_declared_days():
    """Each test starts with no day declared non-working (foi.deadlines.declared), without a
    query: a test that declares one goes through foi.services.declared_days, which reloads."""
    from foi.deadlines import declared

    declared.prime({})
    yield
    declared.prime({})


@pytest.fixture(autouse=True)
def _language_of_the_test():
    """The language a request activated (LocaleMiddleware does not put it back) ends with its
    test: a page asked for in Russian would otherwise make the next test's messages Russian."""
    from django.utils import translation

    with translation.override(None):
        yield


@pytest.fixture
def world(db):
    law = LawFactory()
    for code, article in [("state-secret", "2.4-1"), ("personal-data", "38"), ("official", "35")]:
        ExemptionFactory(law=law, code=code, article=article, title_en=code.replace("-", " "))
    cabinet = PublicBodyFactory(slug="cabinet", name_en="Cabinet", kind="executive_authority")
    ministry = PublicBodyFactory(slug="ministry", name_en="Ministry of Finance", parent=cabinet)
    other_body = PublicBodyFactory(slug="other", name_en="Ministry of Health", parent=cabinet)
    ombudsman = PublicBodyFactory(slug="ombudsman", name_en="Ombudsman", kind="ombudsman")
    levels = {
        "internal_review": AppealLevelFactory(law=law, order=1, code="internal_review"),
        "ombudsman": AppealLevelFactory(
            law=law,
            order=2,
            code="ombudsman",
            name_en="Ombudsman",
            reviewer="oversight",
            reviewer_body=ombudsman,
            requires_previous=True,
            decide_within_value=10,
            decide_within_unit="working_days",
        ),
        "court": AppealLevelFactory(
            law=law, order=3, code="court", name_en="Court", reviewer="court"
        ),
    }

    def member(body, role="officer", **kwargs):
        return MembershipFactory(body=body, role=role, user=UserFactory(**kwargs)).user

    return World(
        law=law,
        cabinet=cabinet,
        ministry=ministry,
        other_body=other_body,
        ombudsman=ombudsman,
        requester=UserFactory(first_name="Aysel", last_name="Məmmədova"),
        citizen=UserFactory(),
        officer=member(ministry),
        second_officer=member(ministry),
        coordinator=member(ministry, "coordinator"),
        other_officer=member(other_body, "coordinator"),
        reviewer=member(cabinet),
        ombudsman_reviewer=member(ombudsman),
        editor=UserFactory(is_staff=True),
        admin=UserFactory(is_staff=True, is_superuser=True),
        levels=levels,
    )


@pytest.fixture
def system():
    return SYSTEM


@pytest.fixture
def api():
    """A JSON client; ``api.as_(user)`` signs in with that person's token (None: anonymous)."""
    client = APIClient()

    def as_(user):
        if user is None:
            client.credentials()
        else:
            token, _ = Token.objects.get_or_create(user=user)
            client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    client.as_ = as_
    return client


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed(): ...`` runs what waits for the commit (indexing) at the block's end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
