"""One way to sign in: every login address Django, Wagtail, allauth and the API expose either is
allauth's (second factor, e-mail verification, rate limits, lockout) or sends people there;
none opens a session for a password alone."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.views import LoginView as DjangoLoginView
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from foi.auth.views import reset_password_elsewhere, sign_in_elsewhere
from tests.totp import give_totp

PASSWORD = "correct horse battery staple"

# The forms Django and Wagtail bring with them, now redirects.
OTHER_LOGIN_FORMS = ["/django-admin/login/", "/admin/login/", "/_util/login/"]
OTHER_PASSWORD_RESET_FORMS = [
    "/admin/password_reset/",
    "/admin/password_reset/done/",
    "/admin/password_reset/confirm/MQ/set-password/",
    "/admin/password_reset/complete/",
]
# allauth's own forms that can end in a session, each given a password (and bogus keys).
ALLAUTH_FORMS = [
    "/accounts/login/",
    "/accounts/login/code/confirm/",
    "/accounts/2fa/authenticate/",
    "/accounts/reauthenticate/",
    "/accounts/confirm-email/bogus-key/",
    "/accounts/password/reset/key/1-set-password/",
    "/accounts/signup/",
]


def _walk(resolver, prefix=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def _is_a_login_view(pattern) -> bool:
    callback = pattern.callback
    view_class = getattr(callback, "view_class", None)
    if view_class is not None and issubclass(view_class, DjangoLoginView):
        return True
    # Django's AdminSite.login is a bound method, wrapped.
    return getattr(callback, "__name__", "") == "login" and "admin" in callback.__module__


@pytest.fixture(params=["officer", "admin"])
def staff_with_totp(request, world):
    """A body's officer (Wagtail admin through membership) and an administrator (is_staff:
    Django's admin form, too, would take them)."""
    person = getattr(world, request.param)
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    give_totp(person)
    return person


def _credentials(person) -> dict:
    # Every field name the forms know: Django's username, allauth's login, the API's email.
    return {
        "username": person.email,
        "login": person.email,
        "email": person.email,
        "password": PASSWORD,
        "password1": PASSWORD,
        "password2": PASSWORD,
    }


def test_every_login_view_in_the_url_tree_is_allauths_or_a_redirect():
    found = []
    for route, pattern in _walk(get_resolver()):
        if _is_a_login_view(pattern):
            found.append(route)
            # The address the view was mounted at now resolves to the redirect first.
            assert resolve("/" + route).func is sign_in_elsewhere, route
    # Django's admin login, Wagtail's admin login and its page-privacy login.
    assert sorted(found) == sorted(path.lstrip("/") for path in OTHER_LOGIN_FORMS)


@pytest.mark.parametrize("path", OTHER_LOGIN_FORMS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_other_login_forms_redirect_to_allauth_and_keep_next(world, path, method):
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)(f"{path}?next=/admin/workspace/")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=%2Fadmin%2Fworkspace%2F"


@pytest.mark.parametrize("path", OTHER_LOGIN_FORMS)
def test_a_next_to_another_site_is_dropped(world, path):
    response = Client().get(f"{path}?next=https://evil.example/")
    assert response["Location"] == reverse("account_login")


def test_someone_signed_in_whom_the_django_admin_will_not_have_gets_no_loop(client, world):
    client.force_login(world.officer)  # a member of a body: Wagtail's admin, not Django's
    response = client.get("/django-admin/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) == 1


@pytest.mark.parametrize("path", OTHER_PASSWORD_RESET_FORMS)
def test_wagtails_password_reset_is_allauths(world, path):
    response = Client().post(path, {"email": world.officer.email})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password")


@pytest.mark.parametrize("path", OTHER_LOGIN_FORMS + ALLAUTH_FORMS + ["/api/v1/auth/token/"])
def test_a_password_alone_opens_no_session_for_staff_with_totp(settings, staff_with_totp, path):
    settings.FOI_REQUIRE_STAFF_MFA = True
    client = Client()
    response = client.post(path, _credentials(staff_with_totp))
    assert response.status_code in (200, 302, 400, 403, 404, 415), response.status_code
    assert "_auth_user_id" not in client.session, path
    # Nor does the next page see anyone signed in.
    assert client.get(reverse("account_email")).status_code == 302


def test_allauths_form_asks_staff_for_their_code(settings, staff_with_totp):
    settings.FOI_REQUIRE_STAFF_MFA = True
    client = Client()
    response = client.post(reverse("account_login"), _credentials(staff_with_totp))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("path", ["/_util/login/", "/admin/login/", "/django-admin/login/"])
def test_an_unverified_address_cannot_sign_in_through_the_other_forms(world, path):
    EmailAddress.objects.create(
        user=world.citizen, email=world.citizen.email, verified=False, primary=True
    )
    client = Client()
    client.post(path, _credentials(world.citizen))
    assert "_auth_user_id" not in client.session
    # allauth's own form sends them to confirm the address instead.
    response = client.post(reverse("account_login"), _credentials(world.citizen))
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_wagtails_page_privacy_sends_people_to_allauth():
    from wagtail.wagtail_hooks import require_wagtail_login

    response = require_wagtail_login("/private-page/")
    assert response["Location"] == f"{reverse('account_login')}?next=/private-page/"


def test_the_reset_redirect_is_the_only_view_at_wagtails_reset_addresses():
    for path in OTHER_PASSWORD_RESET_FORMS:
        assert resolve(path).func is reset_password_elsewhere, path
