"""Issue 24, item 3: the moderators' queue of suggested bodies and corrections in the Wagtail
admin; deciding one tells the suggester by e-mail, and an accepted request address sends again
the letters that bounced to the old one."""

import json

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from foi import services
from foi.models import (
    BodyContactChange,
    BodySuggestion,
    CaseEvent,
    DeliveryStatus,
    Message,
    MessageKind,
    PublicBody,
)
from mail.models import OutboundEmail
from tests.factories import PublicBodyFactory, UserFactory
from tests.mail.conftest import mail_settings, outbox_to  # noqa: F401
from tests.mail.payloads import basic_auth, postmark_bounce

pytestmark = pytest.mark.django_db
QUEUE = reverse("foi_workspace:body_suggestions")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


@pytest.fixture
def moderator(world):
    group, _created = Group.objects.get_or_create(name="Sorğu reply moderators")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="foi", codename="classify_replies"),
    )
    person = UserFactory(is_staff=True)
    person.groups.add(group)
    return person


def decide_url(suggestion):
    return reverse("foi_workspace:body_suggestion", args=[suggestion.pk])


def test_only_moderators_see_the_queue_and_decide(client, world, moderator):
    suggestion = services.body_suggestion_create(
        user=world.citizen, body=world.ministry, field="website", value="https://mof.example/"
    )
    for person in (world.officer, world.coordinator):
        client.force_login(person)
        assert client.get(QUEUE).status_code == 403
        assert client.get(decide_url(suggestion)).status_code == 403
        response = client.post(decide_url(suggestion), {"decision": "accept"})
        assert response.status_code == 403
    client.force_login(world.citizen)
    assert client.get(QUEUE).status_code in (302, 403)
    suggestion.refresh_from_db()
    assert suggestion.is_pending
    client.force_login(moderator)
    page = client.get(QUEUE)
    assert page.status_code == 200 and "https://mof.example/" in page.content.decode()
    assert client.get(decide_url(suggestion)).status_code == 200


def test_declining_needs_a_reason_and_tells_the_suggester(client, world, moderator, committed):
    world.citizen.preferred_language = "ru"
    world.citizen.save()
    suggestion = services.body_suggestion_create(
        user=world.citizen, body=world.ministry, field="website", value="https://mof.example/"
    )
    before = world.ministry.website
    client.force_login(moderator)
    response = client.post(decide_url(suggestion), {"decision": "decline", "reason": ""})
    assert response.status_code == 400
    suggestion.refresh_from_db()
    assert suggestion.is_pending
    response = committed(
        lambda: client.post(
            decide_url(suggestion), {"decision": "decline", "reason": "Сайт не их."}
        )
    )
    assert response.status_code == 302
    world.ministry.refresh_from_db()
    assert world.ministry.website == before
    told = outbox_to(world.citizen.email)
    assert len(told) == 1
    assert "Сайт не их." in told[0].body
    # In the suggester's language (the new sentences' translations are compiled on merge).
    assert "Письмо отправлено" in told[0].body
    assert OutboundEmail.objects.get().kind == "body_suggestion_declined"


@pytest.fixture
def bounced(client, world, committed):
    """A request to a body reached by e-mail whose letter bounced."""
    body = PublicBodyFactory(slug="water", request_email="info@water.gov.example", law=world.law)
    draft = services.foi_request_create_draft(
        requester=world.requester, body=body, subject="Tariffs", text="Send the tariffs."
    )
    foi_request = committed(
        lambda: services.foi_request_file(foi_request=draft, actor=world.requester)
    )
    outbound = OutboundEmail.objects.get(kind="letter")
    payload = postmark_bounce(outbound_id=outbound.pk, email=outbound.to_email, message_id="x")
    committed(
        lambda: client.post(
            "/anymail/postmark/tracking/",
            data=json.dumps(payload),
            content_type="application/json",
            **basic_auth(),
        )
    )
    body.refresh_from_db()
    assert body.request_email_needs_repair
    mail.outbox = []
    return foi_request, body


def test_an_accepted_address_resends_the_bounced_letters(
    client, world, moderator, committed, bounced
):
    foi_request, body = bounced
    suggestion = services.body_suggestion_create(
        user=world.citizen,
        body=body,
        field="request_email",
        value="foi@water.gov.example",
        reason="On their contact page.",
    )
    client.force_login(moderator)
    page = client.get(decide_url(suggestion)).content.decode()
    assert "info@water.gov.example" in page  # the current address, beside the suggested one
    response = committed(
        lambda: client.post(decide_url(suggestion), {"decision": "accept", "reason": "Checked"})
    )
    assert response.status_code == 302
    body.refresh_from_db()
    assert body.request_email == "foi@water.gov.example" and not body.request_email_needs_repair
    change = BodyContactChange.objects.get(body=body)
    assert (change.old, change.new, change.suggestion) == (
        "info@water.gov.example",
        "foi@water.gov.example",
        suggestion,
    )
    again = outbox_to("foi@water.gov.example")
    assert len(again) == 1 and "Send the tariffs." in again[0].body
    letter = Message.objects.get(foi_request=foi_request, kind=MessageKind.LETTER)
    assert letter.delivery_status == DeliveryStatus.SENT
    assert CaseEvent.objects.filter(foi_request=foi_request, kind="email_resent").exists()
    told = outbox_to(world.citizen.email)
    with translation.override(world.citizen.preferred_language or settings.LANGUAGE_CODE):
        resent = ngettext(
            "%(count)s letter that had not reached the body was sent again to the new address.",
            "%(count)s letters that had not reached the body were sent again to the new address.",
            1,
        ) % {"count": 1}
    assert len(told) == 1 and resent in told[0].body  # in the suggester's language
    # The history is on the moderator's page.
    later = services.body_suggestion_create(
        user=world.requester, body=body, field="website", value="https://water.gov.example/"
    )
    assert "info@water.gov.example" in client.get(decide_url(later)).content.decode()


def test_accepting_a_new_body_creates_it(client, world, moderator, committed):
    suggestion = services.body_suggestion_create(
        user=world.citizen, name="Statistics Committee", request_email="info@stat.example"
    )
    client.force_login(moderator)
    response = committed(
        lambda: client.post(
            decide_url(suggestion), {"decision": "accept", "law": str(world.law.pk)}
        )
    )
    assert response.status_code == 302
    body = PublicBody.objects.get(slug="statistics-committee")
    assert body.request_email == "info@stat.example"
    assert BodySuggestion.objects.get().created_body == body
    assert len(outbox_to(world.citizen.email)) == 1


def test_the_menu_offers_the_queue_to_moderators_only(client, world, moderator):
    client.force_login(moderator)
    assert QUEUE in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(world.officer)
    assert QUEUE not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_admin_fixing_the_address_adds_to_the_history(world, committed, bounced):
    from mail.bodies import public_body_update_request_email

    _foi_request, body = bounced
    committed(
        lambda: public_body_update_request_email(
            body=body, request_email="new@water.gov.example", actor=world.admin
        )
    )
    change = BodyContactChange.objects.get(body=body)
    assert (change.old, change.new, change.changed_by) == (
        "info@water.gov.example",
        "new@water.gov.example",
        world.admin,
    )
    assert change.suggestion is None
