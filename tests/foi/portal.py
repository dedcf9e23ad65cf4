"""Shared pieces of the citizen portal's tests (imported, not a conftest, to keep merges easy)."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from foi import services
from foi.models import Message, State

# The five people every portal view is tried with (the permission table).
ROLES = ["anonymous", "requester", "citizen", "officer", "other_officer"]


def login(client, world, role):
    if role != "anonymous":
        client.force_login(getattr(world, role))
    return client


def private_request(world, state=State.IN_PROGRESS, **overrides):
    return world.request(
        state,
        visibility="private",
        private_until=timezone.localdate() + datetime.timedelta(days=90),
        **overrides,
    )


def draft_of(world, **fields):
    values = {"subject": "Draft subject", "text": "Draft text."}
    values.update(fields)
    return services.foi_request_create_draft(
        requester=world.requester, body=world.ministry, **values
    )


def awaiting_clarification(world, **overrides):
    foi_request = world.request(State.IN_PROGRESS, **overrides)
    Message.objects.create(foi_request=foi_request, kind="letter", text="Please send the budget.")
    return services.foi_request_ask_clarification(
        foi_request=foi_request, actor=world.officer, text="Which year do you mean?"
    )


def refused(world, **overrides):
    foi_request = world.request(State.IN_PROGRESS, **overrides)
    return services.foi_request_refuse(
        foi_request=foi_request,
        actor=world.officer,
        grounds=[{"code": "state-secret", "note": "The figures are classified."}],
        text="We cannot give this information.",
    )


def home_page():
    """The CMS home page at the site root, as the demo has it.

    A transactional (browser) test may run after another has flushed the tables, taking
    Wagtail's root page and locale (made by its migrations) with them: put them back first."""
    from tests.wagtail_base import wagtail_base_ensure

    wagtail_base_ensure()
    call_command("cms_load_demo", stdout=io.StringIO())
