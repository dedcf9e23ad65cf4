"""Helpers for the portal's browser tests."""

from django.conf import settings
from django.test import Client


def sign_in(page, live_server, user):
    """Give the browser a signed-in session for ``user`` (the sign-in form is tested elsewhere)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )
