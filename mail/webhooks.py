"""anymail's webhook views for the mail services we use, refusing malformed posts.

anymail checks a post's credentials and then parses it; a post it cannot parse (an empty or
non-JSON body, a signed Mailgun post with no message, SendGrid form fields that are not an
e-mail) raises inside anymail and would answer 500, which mail services take as "try again
later". Here a post that passed the credentials but cannot be read as an e-mail or a delivery
report answers 400 and stores nothing, and so does one that parses to nothing at all (a
Postmark post of ``{}`` is not an e-mail). Included before ``anymail.urls`` in config/urls.py,
so these paths win; anymail's views for other services are unchanged.
"""

from __future__ import annotations

import logging

from anymail.signals import EventType
from anymail.webhooks.mailgun import MailgunInboundWebhookView, MailgunTrackingWebhookView
from anymail.webhooks.postmark import PostmarkInboundWebhookView, PostmarkTrackingWebhookView
from anymail.webhooks.sendgrid import SendGridInboundWebhookView, SendGridTrackingWebhookView
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


class MailgunInboundView(InboundCheck, MailgunInboundWebhookView):
    pass


class PostmarkInboundView(InboundCheck, PostmarkInboundWebhookView):
    pass


class SendGridInboundView(InboundCheck, SendGridInboundWebhookView):
    pass


class MailgunTrackingView(TrackingCheck, MailgunTrackingWebhookView):
    pass


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
