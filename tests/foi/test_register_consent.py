"""Registering a request on someone's behalf never attaches it to an account by itself.

Before, an officer typed an e-mail address and the request joined that account at once: the
officer then saw the account's stored phone and address, and the form said whether an address
had an account ("No account uses ..."). Now the officer describes the person (a record without
an account); an e-mail address they give is sent a signed link, and only the holder of an
account with that verified address joins the request to it, by confirming.
"""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import signing
from django.core.management import call_command
from django.urls import reverse

from core.errors import InvalidInput
from foi.models import CaseEvent, FOIRequest, Message, User
from foi.services.intake import (
    foi_request_register_for,
    requester_invitation_check,
    requester_invitation_token,
)
from mail.models import OutboundEmail
from tests.forms import REGISTER, register_form

ACCOUNT_PHONE = "+994 55 123 45 67"
ACCOUNT_ADDRESS = "Hesab küçəsi 42, Gəncə"
UNKNOWN = "nobody-here@example.org"


@pytest.fixture
def holder(world):
    """The person with an account, whose stored contact details the officer must not see."""
    person = world.requester
    person.phone, person.postal_address = ACCOUNT_PHONE, ACCOUNT_ADDRESS
    person.preferred_language = "ru"
    person.save()
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    return person


def register(client, world, email, **overrides):
    client.force_login(world.officer)
    data = register_form(
        world.ministry, **{"last_name": "Babayev", "requester_email": email, **overrides}
    )
    return client.post(REGISTER, data, follow=True)


def normalised(page: str, email: str) -> str:
    page = page.replace(email, "EMAIL")
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
    page = re.sub(r'"CSRF_TOKEN":\s*"[^"]+"', "", page)
    page = re.sub(r"[A-Z]{2,}-\d{4}-\d+", "REFERENCE", page)
    return re.sub(r"/\d+/", "/N/", page)


def invitation_link(email) -> str:
    outbound = OutboundEmail.objects.get(kind="requester_invitation", to_email=email)
    return re.search(r"https?://\S+/requests/join/\S+/", outbound.body_text).group(0)


def test_the_officer_is_told_the_same_whether_or_not_the_address_has_an_account(
    client, world, holder
):
    with_account = register(client, world, holder.email)
    without = register(client, world, UNKNOWN)
    assert with_account.status_code == without.status_code == 200
    assert [url for url, _status in with_account.redirect_chain] != []
    told = [normalised(str(m), holder.email) for m in with_account.context["messages"]]
    told_too = [normalised(str(m), UNKNOWN) for m in without.context["messages"]]
    assert told == told_too and "link was sent" in told[0]
    # Both are with the person the officer typed, neither with the account.
    registered = FOIRequest.objects.filter(registered_by=world.officer).order_by("pk")
    assert [r.requester.has_account for r in registered] == [False, False]
    assert not FOIRequest.objects.filter(requester=holder).exists()
    # Both addresses get the same one invitation.
    assert OutboundEmail.objects.filter(kind="requester_invitation").count() == 2


def test_a_refused_form_looks_the_same_whether_or_not_the_address_has_an_account(
    client, world, holder
):
    pages = []
    for email in (holder.email, UNKNOWN):
        response = register(client, world, email, first_name="", last_name="")
        assert response.status_code == 400
        pages.append(normalised(response.content.decode(), email))
    assert pages[0] == pages[1]
    assert "No account uses" not in pages[0]


def test_the_officer_never_sees_what_the_account_holds(client, world, holder):
    register(client, world, holder.email)
    foi_request = FOIRequest.objects.get(registered_by=world.officer)
    case = reverse("foi_workspace:case", args=[foi_request.reference])
    page = client.get(case).content.decode()
    assert "+994 00 000 00 05" in page  # what the officer typed
    for secret in (ACCOUNT_PHONE, ACCOUNT_ADDRESS, "Gəncə", holder.email):
        assert secret not in page
    api = client.get(reverse("api:request_detail", args=[foi_request.reference])).content
    for secret in (ACCOUNT_PHONE, "Gəncə", holder.email):
        assert secret.encode() not in api


def test_the_link_joins_the_request_when_its_holder_confirms(client, world, holder, capsys):
    register(client, world, holder.email)
    foi_request = FOIRequest.objects.get(registered_by=world.officer)
    placeholder = foi_request.requester
    outbound = OutboundEmail.objects.get(kind="requester_invitation")
    assert outbound.language == "ru"  # the account's language, not the one typed
    assert foi_request.subject in outbound.body_text
    link = invitation_link(holder.email)
    path = link.split("://", 1)[1].split("/", 1)[1]
    path = "/" + path

    client.logout()
    assert client.get(path).status_code == 302  # sign in first
    client.force_login(holder)
    page = client.get(path)
    assert page.status_code == 200
    assert foi_request.subject in page.content.decode()
    assert FOIRequest.objects.get(pk=foi_request.pk).requester == placeholder  # not yet

    response = client.post(path)
    assert response["Location"] == reverse("foi:request_detail", args=[foi_request.reference])
    joined = FOIRequest.objects.get(pk=foi_request.pk)
    assert joined.requester == holder
    assert joined.public_name == "Kamran Babayev"  # the public record does not change
    letter = Message.objects.get(foi_request=joined, kind="letter")
    assert letter.author == holder
    event = CaseEvent.objects.filter(foi_request=joined).latest("seq")
    assert (event.kind, event.actor, event.audience) == ("requester_joined", holder, "parties")
    call_command("foi_verify_audit")
    assert "all hold" in capsys.readouterr().out
    # What the officer typed about the person is gone now that nobody needs it.
    placeholder.refresh_from_db()
    assert (placeholder.phone, placeholder.first_name) == ("", "")
    # The link is spent.
    assert client.post(path).status_code == 409
    assert FOIRequest.objects.get(pk=foi_request.pk).requester == holder


def test_a_forged_link_is_refused(client, world, holder):
    register(client, world, holder.email)
    foi_request = FOIRequest.objects.get(registered_by=world.officer)
    # A link of one's own making: right shape, wrong signature.
    forged = signing.dumps(
        {"r": foi_request.pk, "p": foi_request.requester_id, "e": holder.email},
        salt="foi.requester-invitation",
        key="not-the-secret-key",
    )
    client.force_login(holder)
    for token in (forged, "nonsense", invitation_link(holder.email).split("/")[-2] + "x"):
        url = reverse("foi:request_join", args=[token])
        assert client.get(url).status_code == 400
        assert client.post(url).status_code == 400
    assert FOIRequest.objects.get(pk=foi_request.pk).requester != holder


def test_an_expired_link_is_refused(world, holder, monkeypatch):
    foi_request = foi_request_register_for(
        officer=world.officer,
        body=world.ministry,
        channel="post",
        person={"first_name": "Kamran", "phone": "+994 00 000 00 05"},
        requester_email=holder.email,
        subject="Budget",
        text="Please send it.",
    )
    token = requester_invitation_token(foi_request=foi_request, email=holder.email)
    assert requester_invitation_check(token=token, user=holder) == foi_request
    later = datetime.datetime.now().timestamp() + datetime.timedelta(days=31).total_seconds()
    monkeypatch.setattr(signing.time, "time", lambda: later)
    with pytest.raises(InvalidInput, match="expired"):
        requester_invitation_check(token=token, user=holder)


def test_only_the_holder_of_the_address_may_join(client, world, holder):
    register(client, world, holder.email)
    foi_request = FOIRequest.objects.get(registered_by=world.officer)
    path = reverse("foi:request_join", args=[invitation_link(holder.email).split("/")[-2]])
    # Another person with the link (forwarded, or seen over a shoulder).
    client.force_login(world.citizen)
    assert client.get(path).status_code == 403
    assert client.post(path).status_code == 403
    # The address's account, before it confirmed the address.
    EmailAddress.objects.filter(user=holder).update(verified=False)
    client.force_login(holder)
    assert client.post(path).status_code == 403
    assert FOIRequest.objects.get(pk=foi_request.pk).requester != holder
    assert not User.objects.get(pk=holder.pk).foi_requests.exists()
