"""The demo's verbs for bodies that answer by e-mail: the body's letter arriving through the
inbound mail path, the requester saying what it is, the body's officer answering through the
reply link of its letter, and the requester publishing a file that came with a letter.

Each calls the same code a real e-mail, page or link would: ``mail.inbound.email_receive`` with
a real MIME message, ``foi.services.foi_request_classify``, ``foi.services.letters.record_move``
with the reply link's actor, ``foi.services.attachment_publish``.
"""

from __future__ import annotations

from email.utils import make_msgid

from anymail.inbound import AnymailInboundMessage

from foi import permissions, services
from foi.actors import VIA_REPLY_LINK, OnBehalf
from foi.models import Attachment, Message
from foi.services.letters import record_move
from mail import addresses
from mail.inbound import email_receive
from mail.replylinks import reply_link_issue, reply_link_used

from .files import demo_file

CONTENT_TYPES = {".pdf": "application/pdf", ".csv": "text/csv", ".txt": "text/plain"}


def _content_type(name: str) -> str:
    return next((t for ext, t in CONTENT_TYPES.items() if name.endswith(ext)), "text/plain")


def body_letter(*, foi_request, actor, params, context):
    """The body's e-mail to the request's reply address (to the appeal's, from the reviewing
    body, with ``"to": "appeal"``), with the demo files named in ``files``."""
    appeal = permissions.reviewing_appeal(foi_request) if params.get("to") == "appeal" else None
    sender = appeal.reviewing_body if appeal else foi_request.body
    to = (
        addresses.appeal_reply_address(foi_request.reference, appeal.pk)
        if appeal
        else addresses.reply_address(foi_request.reference)
    )
    domain = sender.request_email.split("@")[-1]
    message = AnymailInboundMessage.construct(
        raw_headers=(
            f"From: {sender.request_email}\nTo: {to}\n"
            f"Subject: Re: {foi_request.reference}: {foi_request.subject}\n"
            f"Message-ID: {make_msgid(domain=domain)}\n"
        ),
        text=params["text"],
        attachments=[
            AnymailInboundMessage.construct_attachment(
                _content_type(name), demo_file(name), filename=name
            )
            for name in params.get("files", [])
        ],
    )
    email_receive(message=message, esp_name="demo")
    foi_request.refresh_from_db()
    return foi_request


def _waiting_letter(foi_request) -> Message:
    return (
        Message.objects.filter(
            foi_request=foi_request, kind="email_in", classified_as="", from_body__isnull=False
        )
        .order_by("-created_at", "-id")
        .first()
    )


def classify(*, foi_request, actor, params, context):
    """The requester says what the body's latest letter is."""
    return services.foi_request_classify(
        foi_request=foi_request,
        actor=actor,
        letter=_waiting_letter(foi_request),
        outcome=params["outcome"],
        exemptions=params.get("exemptions"),
        reason=params.get("reason", ""),
        body=context.bodies[params["to"]] if params.get("to") else None,
        text=params.get("text", ""),
    )


def reply_link(*, foi_request, actor, params, context):
    """The body's officer answers through the link its letter carried. The demo sends no
    e-mail (notices are suppressed while it loads), so the link is issued here as the letter
    would have issued it."""
    link = reply_link_issue(
        foi_request=foi_request, body=foi_request.body, address=foi_request.body.request_email
    )
    files = [(name, demo_file(name)) for name in params.get("files", [])]
    done = record_move(
        foi_request,
        OnBehalf(body_id=link.body_id, via=VIA_REPLY_LINK, link=link),
        params["outcome"],
        exemptions=params.get("exemptions"),
        reason=params.get("reason", ""),
        text=params["text"],
        files=files,
    )
    reply_link_used(link)
    return done


def publish(*, foi_request, actor, params, context):
    """The requester publishes a file that came with the body's letter, once recorded."""
    attachment = (
        Attachment.objects.filter(
            message__foi_request=foi_request,
            message__audience="public",
            original_name=params["file"],
        )
        .order_by("-id")
        .first()
    )
    services.attachment_publish(attachment=attachment, actor=actor)
    foi_request.refresh_from_db()
    return foi_request


VERBS = {
    "body_letter": body_letter,
    "classify": classify,
    "reply_link": reply_link,
    "publish": publish,
}
# Taken by the requester; the others by the body off the portal (no person of the portal).
REQUESTER_VERBS = {"classify", "publish"}
BODY_VERBS = {"body_letter", "reply_link"}
