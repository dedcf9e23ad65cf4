"""anymail's webhook views for the mail services we use: malformed posts refused, and Mailgun's
signed posts taken once.

Malformed: anymail checks a post's credentials and then parses it; a post it cannot parse (an
empty or non-JSON body, a signed Mailgun post with no message, SendGrid form fields that are not
an e-mail) raises inside anymail and would answer 500, which mail services take as "try again
later". Here a post that passed the credentials but cannot be read as an e-mail or a delivery
report answers 400 and stores nothing, and so does one that parses to nothing at all (a Postmark
post of ``{}`` is not an e-mail).

Replays: Mailgun signs each post's time and a random token with the webhook signing key. anymail
checks the signature but not its age, so a post captured once (a log, a proxy) could be posted
again for ever. Here, after anymail's own checks, a signature dated more than
FOI_WEBHOOK_MAX_AGE seconds away from now is refused, and each token is remembered in the shared
cache (Redis or the database in production) for as long as its signature could be accepted, so
the same signed post is taken once. A refusal is anymail's validation failure: 400, nothing
stored. When a post fails after its token was taken (an error the ESP will retry), the token is
given back so that the retry is accepted. Postmark and SendGrid sign nothing with a time: their
posts carry the webhook's basic auth only, and an e-mail posted again is stored once
(mail.inbound.identity).

Included before ``anymail.urls`` in config/urls.py, so these paths win; anymail's views for other
services are unchanged.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time

from anymail.exceptions import AnymailWebhookValidationFailure
from anymail.signals import EventType
from anymail.webhooks.mailgun import MailgunInboundWebhookView, MailgunTrackingWebhookView
from anymail.webhooks.postmark import PostmarkInboundWebhookView, PostmarkTrackingWebhookView
from anymail.webhooks.sendgrid import SendGridInboundWebhookView, SendGridTrackingWebhookView
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponseBadRequest
from django.http.multipartparser import MultiPartParserError
from django.urls import path, re_path

logger = logging.getLogger(__name__)

# What a parser raises on input it was not made for (json's and base64's errors are ValueErrors).
PARSE_ERRORS = (
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    LookupError,
    MultiPartParserError,
)


class Malformed(Exception):
    """The post passed its credentials but is not what the mail service sends."""


class RefuseMalformed:
    """Mixed into an anymail webhook view: a post it cannot parse answers 400."""

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except (Malformed, MultiPartParserError) as error:
            logger.warning("Refused a malformed %s webhook post: %s", self.esp_name, error)
            return HttpResponseBadRequest("Malformed webhook payload.")

    def parse_events(self, request):
        try:
            events = super().parse_events(request)
            for event in events:
                self.check(event)
        except Malformed:
            raise
        except PARSE_ERRORS as error:
            raise Malformed(f"{type(error).__name__}: {error}") from error
        return events

    def check(self, event) -> None:
        """Raise Malformed (or any parse error) if the event is not a real one."""


class InboundCheck(RefuseMalformed):
    def check(self, event) -> None:
        message = event.message
        if message is None:
            raise Malformed("no message")
        # Read now what anymail parses lazily, so a broken part fails here and not later.
        sender = message.from_email.addr_spec if message.from_email else ""
        recipients = [a.addr_spec for a in (*message.to, *message.cc, *message.bcc)]
        for attachment in message.attachments:
            attachment.get_content_bytes()
        message.subject, message.text, message.html  # noqa: B018
        if not (sender or message.envelope_sender):
            raise Malformed("no sender")
        if not ([a for a in recipients if a] or message.envelope_recipient):
            raise Malformed("no recipient")


class TrackingCheck(RefuseMalformed):
    def check(self, event) -> None:
        if event.event_type == EventType.UNKNOWN and not event.esp_event:
            raise Malformed("an empty event")


class PostmarkTrackingCheck(TrackingCheck):
    def check(self, event) -> None:
        # Every Postmark delivery report names its kind.
        if not isinstance(event.esp_event, dict) or not event.esp_event.get("RecordType"):
            raise Malformed("no RecordType")


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


class MailgunInboundView(ReplayProtected, InboundCheck, MailgunInboundWebhookView):
    def signed_stamp(self, request):
        return mailgun_stamp(request)


class PostmarkInboundView(InboundCheck, PostmarkInboundWebhookView):
    pass


class SendGridInboundView(InboundCheck, SendGridInboundWebhookView):
    pass


class MailgunTrackingView(ReplayProtected, TrackingCheck, MailgunTrackingWebhookView):
    def signed_stamp(self, request):
        return mailgun_stamp(request)


class PostmarkTrackingView(PostmarkTrackingCheck, PostmarkTrackingWebhookView):
    pass


class SendGridTrackingView(TrackingCheck, SendGridTrackingWebhookView):
    pass


# anymail's paths (its Mailgun inbound URL may end in "_mime" for the raw message).
urlpatterns = [
    re_path(r"^mailgun/inbound(_mime)?/$", MailgunInboundView.as_view()),
    path("postmark/inbound/", PostmarkInboundView.as_view()),
    path("sendgrid/inbound/", SendGridInboundView.as_view()),
    path("mailgun/tracking/", MailgunTrackingView.as_view()),
    path("postmark/tracking/", PostmarkTrackingView.as_view()),
    path("sendgrid/tracking/", SendGridTrackingView.as_view()),
]
