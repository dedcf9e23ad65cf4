"""Discarding a draft deletes it: it is never public anywhere, and the audit trail still holds.

Before, discarding turned a draft into a ``withdrawn`` request with no reference, which the
public filter let through (the list, the API and its text filter, the exports). Such rows made
before are removed by migration 0006; any left would still be hidden by the public filter.
"""

import importlib
import types

import pytest
from django.apps import apps as django_apps
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from core.errors import NotPermitted, TransitionNotAllowed
from foi import selectors, services
from foi.models import CaseEvent, FOIRequest, State
from foi.services.submission import foi_request_discard
from tests.foi.portal import draft_of

SUBJECT = "Zebrafish hatchery budget"
WORD = "Zebrafish"
# In the subject and the text, never in a query (the search page repeats the query).
MARK = "hatchery"
TEXT = "Please send the zebrafish hatchery budget for 2025."

migration = importlib.import_module("foi.migrations.0007_remove_discarded_drafts")


def public_pages(client) -> dict[str, str]:
    """Every public list a discarded draft used to reach, with the text it answers."""

    def text(url, **params):
        response = client.get(url, params)
        assert response.status_code == 200, url
        if getattr(response, "streaming", False):
            return b"".join(response.streaming_content).decode()
        return response.content.decode()

    return {
        "list": text(reverse("foi:request_list")),
        "list withdrawn": text(reverse("foi:request_list"), state="withdrawn"),
        "api": text(reverse("api:request_list")),
        "api withdrawn": text(reverse("api:request_list"), state="withdrawn"),
        "api text filter": text(reverse("api:request_list"), q=WORD),
        "csv": text(reverse("foi:request_export", args=["csv"])),
        "json": text(reverse("foi:request_export", args=["json"])),
        "feed": text(reverse("foi:request_feed")),
        "search": text(reverse("search:search"), q=WORD),
    }


def assert_nowhere_public(client):
    for name, page in public_pages(client).items():
        assert MARK not in page, name
        assert "/requests/None/" not in page, name
        assert '"reference": null' not in page and '"reference":null' not in page, name


@pytest.fixture
def sent(world):
    """A sent request, whose own chain must go on verifying."""
    draft = services.foi_request_create_draft(
        requester=world.requester, body=world.ministry, subject="Staff list", text="Send it."
    )
    return services.foi_request_file(foi_request=draft, actor=world.requester)


@pytest.fixture
def withdrawn_draft(world):
    """A draft discarded the old way: withdrawn, never sent (what the demo data had). The
    transition no longer allows it, so the row is made as the old code left it."""
    draft = draft_of(world, subject=SUBJECT, text=TEXT)
    FOIRequest.objects.filter(pk=draft.pk).update(
        state=State.WITHDRAWN, withdrawn_at=timezone.now()
    )
    withdrawn = FOIRequest.objects.get(pk=draft.pk)
    assert (withdrawn.reference, withdrawn.submitted_at) == (None, None)
    assert services.case_events_verify(foi_request=withdrawn) is None
    return withdrawn


def test_discarding_deletes_the_draft_and_its_trail(client, world, sent, capsys):
    draft = draft_of(world, subject=SUBJECT, text=TEXT)
    assert CaseEvent.objects.filter(foi_request=draft).exists()
    client.force_login(world.requester)
    response = client.post(reverse("foi:filing_discard", args=[draft.pk]))
    assert response["Location"] == reverse("foi:dashboard")
    assert not FOIRequest.objects.filter(pk=draft.pk).exists()
    assert not CaseEvent.objects.filter(foi_request_id=draft.pk).exists()
    # Chains are per request: the rest verify, the sent one included.
    call_command("foi_verify_audit")
    assert "all hold" in capsys.readouterr().out
    assert services.case_events_verify(foi_request=sent) is None
    # The old address of the draft is simply gone.
    assert client.get(reverse("foi:filing_letter", args=[draft.pk])).status_code == 404


def test_only_the_requester_is_told_of_it_with_its_subject(client, world):
    draft = draft_of(world, subject=SUBJECT, text=TEXT)
    client.force_login(world.requester)
    response = client.post(reverse("foi:filing_discard", args=[draft.pk]), follow=True)
    told = [str(message) for message in get_messages(response.wsgi_request)]
    page = response.content.decode()
    assert any(SUBJECT in message for message in told) or SUBJECT in page
    assert "discarded" in page
    # Nothing else of it remains in their own list (the message is the whole trace).
    assert SUBJECT not in client.get(reverse("foi:dashboard")).content.decode()
    assert not selectors.foi_request_list_of_requester(user=world.requester).filter(subject=SUBJECT)


def test_a_discarded_draft_is_nowhere_public(client, world):
    draft = draft_of(world, subject=SUBJECT, text=TEXT)
    client.force_login(world.requester)
    client.post(reverse("foi:filing_discard", args=[draft.pk]))
    client.logout()
    assert_nowhere_public(client)
    # Nor seen by the officers of the body it was meant for.
    client.force_login(world.officer)
    assert MARK not in client.get(reverse("api:request_list"), {"q": WORD}).content.decode()


def test_a_draft_cannot_be_withdrawn_only_discarded(world):
    draft = draft_of(world, subject=SUBJECT, text=TEXT)
    with pytest.raises(TransitionNotAllowed):
        services.foi_request_withdraw(foi_request=draft, actor=world.requester)
    assert FOIRequest.objects.get(pk=draft.pk).state == State.DRAFT


def test_only_the_requester_may_discard_and_only_a_draft(world, sent):
    draft = draft_of(world, subject=SUBJECT, text=TEXT)
    for someone in (world.citizen, world.officer, world.coordinator):
        with pytest.raises(NotPermitted):
            foi_request_discard(foi_request=draft, actor=someone)
    assert FOIRequest.objects.filter(pk=draft.pk, state=State.DRAFT).exists()
    with pytest.raises(TransitionNotAllowed):
        foi_request_discard(foi_request=sent, actor=world.requester)
    assert FOIRequest.objects.filter(pk=sent.pk).exists()


def test_a_withdrawn_draft_left_over_is_hidden_by_the_public_filter(client, world, withdrawn_draft):
    assert not selectors.foi_request_public_qs().filter(pk=withdrawn_draft.pk).exists()
    for person in (world.officer, world.coordinator, world.citizen):
        visible = selectors.foi_request_visible_qs(user=person)
        assert not visible.filter(pk=withdrawn_draft.pk).exists()
    assert_nowhere_public(client)


def test_the_migration_removes_withdrawn_drafts_and_the_audit_holds(
    world, sent, withdrawn_draft, capsys
):
    other_withdrawn = services.foi_request_withdraw(
        foi_request=services.foi_request_file(
            foi_request=draft_of(world, subject="Sent, then withdrawn"), actor=world.requester
        ),
        actor=world.requester,
    )
    migration.remove_discarded_drafts(django_apps, types.SimpleNamespace(connection=connection))
    assert not FOIRequest.objects.filter(pk=withdrawn_draft.pk).exists()
    assert not CaseEvent.objects.filter(foi_request_id=withdrawn_draft.pk).exists()
    # A request withdrawn after it was sent is on the public record, and stays.
    assert FOIRequest.objects.filter(pk=other_withdrawn.pk, state=State.WITHDRAWN).exists()
    assert FOIRequest.objects.filter(pk=sent.pk).exists()
    call_command("foi_verify_audit")
    assert "all hold" in capsys.readouterr().out
    # Running it again finds nothing to do.
    migration.remove_discarded_drafts(django_apps, types.SimpleNamespace(connection=connection))
    assert FOIRequest.objects.filter(pk=other_withdrawn.pk).exists()


def test_closing_an_account_deletes_its_drafts(world, capsys):
    draft = draft_of(world, subject=SUBJECT, text=TEXT)
    services.user_delete_account(user=world.requester)
    assert not FOIRequest.objects.filter(pk=draft.pk).exists()
    call_command("foi_verify_audit")
    assert "all hold" in capsys.readouterr().out


def test_the_demo_withdraws_only_what_it_sent():
    """The demo used to withdraw a draft, making one public discarded draft."""
    from demo.scenarios import SCENARIOS

    for scenario in SCENARIOS:
        verbs = [step[1] for step in scenario["steps"]]
        if "withdraw" in verbs:
            before = verbs[: verbs.index("withdraw")]
            assert {"submit", "register"} & set(before), scenario["subject"]
