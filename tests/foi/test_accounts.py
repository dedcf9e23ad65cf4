"""Accounts: sign-up through allauth (with the name a request must carry), the profile, and
closing an account, which anonymises the person and keeps the public record."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from core.errors import InvalidInput, NotPermitted
from foi import selectors, services
from foi.models import CaseEvent, FOIRequest, Follow, State
from foi.services.accounts import CLOSED_ACCOUNT_DOMAIN
from tests.foi.portal import draft_of
from tests.forms import signup_form

User = get_user_model()


def test_sign_up_asks_for_the_name_and_sends_a_verification(client, db):
    response = client.post(reverse("account_signup"), signup_form("nigar@example.org"))
    assert response.status_code == 302
    user = User.objects.get(email="nigar@example.org")
    assert (user.first_name, user.last_name) == ("Nigar", "Həsənova")
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    assert not EmailAddress.objects.get(user=user).verified
    client.post(link)
    assert EmailAddress.objects.get(user=user).verified


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_sign_up_keeps_the_pages_language_for_letters(client, db, settings, language):
    # Letters and notices go out in the language the person signed up in, not always in az.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.post(reverse("account_signup"), signup_form(f"{language}@example.org"))
    assert response.status_code == 302
    assert User.objects.get(email=f"{language}@example.org").preferred_language == language


def test_sign_up_in_an_unknown_language_takes_the_sites_default(client, db, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"  # the page is shown in the default
    client.post(reverse("account_signup"), signup_form("de@example.org"))
    assert User.objects.get(email="de@example.org").preferred_language == settings.LANGUAGE_CODE


def test_sign_up_without_a_name_is_refused(client, db):
    response = client.post(
        reverse("account_signup"), signup_form("noname@example.org", first_name="", last_name="")
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not User.objects.filter(email="noname@example.org").exists()


def test_allauth_pages_use_the_sites_layout(client, db):
    page = client.get(reverse("account_login")).content.decode()
    assert 'class="govuk-skip-link skip-link"' in page
    assert '<main id="main"' in page


def test_the_profile_is_saved(client, world):
    client.force_login(world.requester)
    response = client.post(
        reverse("foi:profile"),
        {
            "first_name": "Aysel",
            "last_name": "Məmmədova",
            "organisation": "",
            "postal_address": "Nümunə küçəsi 1",
            "phone": "+994 00 000 00 09",
            "preferred_language": "ru",
        },
    )
    assert response.status_code == 302
    world.requester.refresh_from_db()
    assert world.requester.phone == "+994 00 000 00 09"
    assert world.requester.preferred_language == "ru"
    assert response.cookies["django_language"].value == "ru"


def test_a_bad_profile_keeps_what_was_typed(client, world):
    client.force_login(world.requester)
    response = client.post(
        reverse("foi:profile"),
        {
            "first_name": "",
            "last_name": "Məmmədova",
            "phone": "9" * 41,
            "postal_address": "Typed address",
            "preferred_language": "xx",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Typed address" in page
    assert "at most 40 characters" in page
    world.requester.refresh_from_db()
    assert world.requester.first_name == "Aysel"


def test_the_profile_service_refuses_unknown_fields(world):
    with pytest.raises(InvalidInput):
        services.user_update_profile(user=world.requester, is_superuser=True)
    world.requester.refresh_from_db()
    assert not world.requester.is_superuser


# -- closing an account -----------------------------------------------------------------------


@pytest.fixture
def record(world):
    """A requester with contact details, a public request under their real name, one under a
    pseudonym, a draft, a follow and a verified e-mail address."""
    person = world.requester
    person.postal_address = "Nümunə küçəsi 12"
    person.phone = "+994 00 000 00 01"
    person.organisation = "Açıq Xəbər"
    person.save()
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    named = services.foi_request_file(foi_request=draft_of(world), actor=person)
    pseudonymous = services.foi_request_file(
        foi_request=draft_of(world, public_name_choice="pseudonym", pseudonym="Qələm"),
        actor=person,
    )
    draft = draft_of(world, subject="Unsent")
    services.follow_create(user=person, body=world.other_body)
    return {"named": named, "pseudonymous": pseudonymous, "draft": draft}


def test_closing_an_account_anonymises_the_person_and_keeps_the_record(world, record):
    person = world.requester
    events_before = CaseEvent.objects.count()
    services.user_delete_account(user=person)

    person = User.objects.get(pk=person.pk)
    assert (person.first_name, person.last_name, person.organisation) == ("", "", "")
    assert (person.postal_address, person.phone) == ("", "")
    assert person.email == f"closed-{person.pk}@{CLOSED_ACCOUNT_DOMAIN}"
    assert not person.has_usable_password()
    assert not person.is_active
    assert not EmailAddress.objects.filter(user=person).exists()
    assert not Follow.objects.filter(user=person).exists()

    named = FOIRequest.objects.get(pk=record["named"].pk)
    assert named.state == State.SUBMITTED
    assert named.public_name == "Aysel Məmmədova"  # the name chosen for the public record
    assert FOIRequest.objects.get(pk=record["pseudonymous"].pk).public_name == "Qələm"
    # The draft (never sent) is deleted with its own chain; every other chain still verifies.
    assert not FOIRequest.objects.filter(pk=record["draft"].pk).exists()
    assert CaseEvent.objects.count() == events_before - 1
    for foi_request in FOIRequest.objects.all():
        assert services.case_events_verify(foi_request=foi_request) is None
    assert selectors.foi_request_public_qs().filter(pk=named.pk).exists()


def test_a_closed_account_cannot_sign_in(client, world, record):
    email = world.requester.email
    services.user_delete_account(user=world.requester)
    response = client.post(
        reverse("account_login"), {"login": email, "password": "correct horse battery staple"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_closing_is_refused_for_officers_and_staff(world):
    for person in (world.officer, world.editor, world.admin):
        with pytest.raises(NotPermitted):
            services.user_delete_account(user=person)
        person.refresh_from_db()
        assert person.is_active


def test_the_close_page_asks_for_the_password(client, world, record):
    client.force_login(world.requester)
    page = client.get(reverse("foi:close_account")).content.decode()
    assert "your 2 sent requests stay on the public record" in page
    response = client.post(reverse("foi:close_account"), {"password": "wrong", "confirm": "on"})
    assert response.status_code == 400
    assert "That is not your password." in response.content.decode()
    assert User.objects.get(pk=world.requester.pk).is_active
    response = client.post(
        reverse("foi:close_account"), {"password": "correct horse battery staple"}
    )
    assert response.status_code == 400
    assert "Tick the box to confirm." in response.content.decode()


def test_closing_from_the_page_signs_out(client, world, record):
    client.force_login(world.requester)
    response = client.post(
        reverse("foi:close_account"),
        {"password": "correct horse battery staple", "confirm": "on"},
    )
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert not User.objects.get(pk=world.requester.pk).is_active


def test_an_officer_closing_from_the_page_is_told_why_not(client, world):
    client.force_login(world.officer)
    response = client.post(
        reverse("foi:close_account"),
        {"password": "correct horse battery staple", "confirm": "on"},
    )
    assert response.status_code == 403
    assert "closed by an administrator" in response.content.decode()
    assert User.objects.get(pk=world.officer.pk).is_active


def test_an_officer_sees_that_the_requester_left(client, world, record):
    services.user_delete_account(user=world.requester)
    client.force_login(world.officer)
    page = client.get(
        reverse("foi:request_detail", args=[record["named"].reference])
    ).content.decode()
    assert "closed their account" in page
    assert "Nümunə" not in page


@pytest.fixture
def fresh_rate_limits():
    """allauth counts attempts in the cache: start and end with none, so that no other test
    inherits this one's refusals."""
    cache.clear()
    yield
    cache.clear()


def test_repeated_failed_sign_ins_are_stopped(client, world, fresh_rate_limits):
    email = world.requester.email
    for _attempt in range(5):
        client.post(reverse("account_login"), {"login": email, "password": "wrong"})
    response = client.post(reverse("account_login"), {"login": email, "password": "wrong"})
    assert "Too many failed login attempts" in response.content.decode()


def test_sign_ups_are_rate_limited(client, db, settings, fresh_rate_limits):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/m/ip"}
    statuses = []
    for number in range(3):
        response = client.post(
            reverse("account_signup"),
            signup_form(f"many{number}@example.org", first_name="Many", last_name="Accounts"),
        )
        statuses.append(response.status_code)
    assert statuses[-1] == 429
    assert User.objects.filter(email__startswith="many").count() == 2
