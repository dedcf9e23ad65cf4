"""Anymail's webhook views, refusing replays where the ESP's signature allows it.

Mailgun signs each post's time and a random token with the webhook signing key. Anymail checks
the signature but not its age, so a post captured once (a log, a proxy) could be posted again
for ever. Here, after anymail's own checks, a signature dated more than FOI_WEBHOOK_MAX_AGE
seconds away from now is refused, and each token is remembered in the shared cache (Redis or
the database in production: config/settings/production.py) for as long as its signature could
be accepted, so the same signed post is taken once. A refusal is anymail's validation failure:
400, nothing stored. When a post fails after its token was taken (an error the ESP will retry),
the token is given back so that the retry is accepted.

Postmark and SendGrid sign nothing with a time: their posts carry the webhook's basic auth only,
and an e-mail posted again is stored once (mail.inbound: once per Message-ID).

These routes come before ``anymail.urls`` in config/urls.py and shadow its Mailgun ones.
"""

from __future__ import annotations

import hashlib
import json
import time

from anymail.exceptions import AnymailWebhookValidationFailure
from anymail.webhooks.mailgun import MailgunInboundWebhookView, MailgunTrackingWebhookView
from django.conf import settings
from django.core.cache import cache
from django.urls import path, re_path


class ReplayRefused(AnymailWebhookValidationFailure):
    """A signature too old or too new, or a token already used (HTTP 400)."""


def max_age() -> int:
    return int(getattr(settings, "FOI_WEBHOOK_MAX_AGE", 15 * 60))


def _token_key(esp_name: str, token: str) -> str:
    return f"mail:webhook-token:{esp_name.lower()}:{hashlib.sha256(token.encode()).hexdigest()}"


def token_claim(*, esp_name: str, token: str, timestamp: str, now: float | None = None) -> str:
    """Accept a signed (token, timestamp) once within the window; returns the cache key that
    remembers it. Raises ReplayRefused otherwise."""
    window = max_age()
    try:
        signed_at = float(timestamp)
    except (TypeError, ValueError) as error:
        raise ReplayRefused(f"{esp_name} webhook signed with an unreadable time") from error
    now = time.time() if now is None else now
    if abs(now - signed_at) > window:
        raise ReplayRefused(f"{esp_name} webhook signed outside the last {window} seconds")
    if not token:
        raise ReplayRefused(f"{esp_name} webhook signed without a token")
    key = _token_key(esp_name, token)
    # Remembered until a post with this timestamp could no longer be accepted anyway.
    if not cache.add(key, 1, timeout=window * 2 + 60):
        raise ReplayRefused(f"{esp_name} webhook token already used")
    return key


class ReplayProtected:
    """Mixin for an anymail webhook view: ``signed_stamp(request)`` gives the signed token and
    timestamp, read only after anymail's validators accepted the signature."""

    _claimed: str | None = None

    def signed_stamp(self, request) -> tuple[str, str]:
        raise NotImplementedError

    def run_validators(self, request):
        super().run_validators(request)  # basic auth and the signature first
        token, timestamp = self.signed_stamp(request)
        self._claimed = token_claim(esp_name=self.esp_name, token=token, timestamp=timestamp)

    def post(self, request, *args, **kwargs):
        self._claimed = None
        try:
            return super().post(request, *args, **kwargs)
        except BaseException:
            if self._claimed:
                cache.delete(self._claimed)  # not taken: the ESP's retry must get through
            raise


def mailgun_stamp(request) -> tuple[str, str]:
    """Mailgun's token and timestamp, where anymail's signature check reads them."""
    if request.content_type == "application/json":
        block = json.loads(request.body.decode("utf-8"))["signature"]
        return str(block["token"]), str(block["timestamp"])
    return request.POST["token"], request.POST["timestamp"]


class MailgunInbound(ReplayProtected, MailgunInboundWebhookView):
    def signed_stamp(self, request):
        return mailgun_stamp(request)


class MailgunTracking(ReplayProtected, MailgunTrackingWebhookView):
    def signed_stamp(self, request):
        return mailgun_stamp(request)


urlpatterns = [
    # Anymail's own paths and names (".../inbound_mime/" makes Mailgun post the raw MIME).
    re_path(
        r"^mailgun/inbound(_mime)?/$", MailgunInbound.as_view(), name="mailgun_inbound_webhook"
    ),
    path("mailgun/tracking/", MailgunTracking.as_view(), name="mailgun_tracking_webhook"),
]
