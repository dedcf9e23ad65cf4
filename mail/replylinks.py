"""Reply links: the personal link in a letter to a body that answers by e-mail.

Each letter to such a body (the request, a clarification sent on, the request forwarded to it)
and each letter to an appeal's reviewing body off the portal carries a link for that request
and address. Through it the body's officer, without an account, records the body's move (an
answer with its files, a refusal, an extension, a forwarding, an appeal decision): the same
transition an officer takes in the portal, run for the body (``foi.actors.OnBehalf`` with
``via="reply_link"``), its event labelled ``reply_link`` and naming the link.

The token is signed (``django.core.signing``, its own salt, keyed by SECRET_KEY and its
fallbacks) over the link's id and the request's id, and the URL names the request's reference:
a token shown at another request's URL is refused (404), as is a tampered or unknown one.
A link expires (FOI_REPLY_LINK_DAYS after its letter), an administrator may revoke it (the
Django admin); either is answered 410. Posts are counted per link and per client address
(``RATE_LIMITS``: 429 beyond). Issuing and revoking a link are on the request's audit trail;
the token never is, only the link's id.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from core import clock
from core.dates import day_text
from core.errors import NotVisible, RateLimited, ServiceError
from foi.models import Appeal, FOIRequest, PublicBody
from foi.services.case import Entry, foi_request_append
from mail.models import ReplyLink

SALT = "mail.reply-link"
DEFAULT_DAYS = 60
# Posts through one link, and from one client address, per hour.
RATE_LIMITS = {"link": 30, "ip": 60}
RATE_WINDOW = 60 * 60

ISSUED = "reply_link_issued"
REVOKED = "reply_link_revoked"


class LinkGone(ServiceError):
    """The link was real but no longer works: expired or revoked (410)."""

    status = 410


def link_days() -> int:
    return int(getattr(settings, "FOI_REPLY_LINK_DAYS", DEFAULT_DAYS) or DEFAULT_DAYS)


def token_for(link: ReplyLink) -> str:
    # No timestamp: the same link gives the same URL in every letter; expiry is on the row.
    return signing.Signer(salt=SALT).sign_object([link.pk, link.foi_request_id])


def link_url(link: ReplyLink) -> str:
    """The link's absolute URL, for the letter."""
    from mail.notices import absolute

    path = reverse("reply_link", args=[link.foi_request.reference, token_for(link)])
    return absolute(path)


def reply_link_issue(
    *, foi_request: FOIRequest, body: PublicBody, address: str, appeal: Appeal | None = None
) -> ReplyLink:
    """The link for a letter to ``address`` acting for ``body`` on this request (on ``appeal``
    for a reviewing body). A link still working for the same request, appeal, body and address
    is reused, its expiry pushed back to a full period from this letter; otherwise a new one
    is made and its issue appended to the audit trail (for the parties, without the token)."""
    now = clock.now()
    expires_at = now + timedelta(days=link_days())
    address = (address or "").strip()
    current = (
        ReplyLink.objects.filter(
            foi_request=foi_request,
            appeal=appeal,
            body=body,
            address__iexact=address,
            revoked_at__isnull=True,
            expires_at__gt=now,
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    if current is not None:
        if current.expires_at < expires_at:
            current.expires_at = expires_at
            current.save(update_fields=["expires_at"])
        return current
    made = {}

    def write(locked, at):
        made["link"] = ReplyLink.objects.create(
            foi_request=locked,
            appeal=appeal,
            body=body,
            address=address,
            created_at=at,
            expires_at=expires_at,
        )
        data = {"link": made["link"].pk, "body": body.pk, "expires_at": expires_at.isoformat()}
        if appeal is not None:
            data["appeal"] = appeal.pk
        return Entry(data=data)

    foi_request_append(
        foi_request=foi_request, actor="system", kind=ISSUED, audience="parties", write=write
    )
    link = made["link"]
    link.foi_request = foi_request
    return link


def reply_link_check(*, reference: str, token: str) -> ReplyLink:
    """The link a URL names, if it still works: NotVisible (404) for a tampered or unknown
    token, or one shown at another request's URL; LinkGone (410) once expired or revoked."""
    try:
        link_id, request_id = signing.Signer(salt=SALT).unsign_object(token)
        link_id, request_id = int(link_id), int(request_id)
    except (signing.BadSignature, TypeError, ValueError):
        raise NotVisible(_("This link is not valid.")) from None
    link = (
        ReplyLink.objects.select_related(
            "foi_request__law", "foi_request__body", "body", "appeal__level"
        )
        .filter(pk=link_id, foi_request_id=request_id)
        .first()
    )
    if link is None or (link.foi_request.reference or "").upper() != (reference or "").upper():
        raise NotVisible(_("This link is not valid."))
    if link.revoked_at is not None:
        raise LinkGone(_("This link was withdrawn. Please reply to the letter by e-mail instead."))
    if link.expires_at <= clock.now():
        raise LinkGone(
            _(
                "This link expired on %(date)s. Please reply to the letter by e-mail instead: "
                "your reply is added to the request's file."
            )
            % {"date": day_text(link.expires_at)}
        )
    return link


def rate_limit_check(*, link: ReplyLink | None, client: str) -> None:
    """Count one post; RateLimited (429) beyond ``RATE_LIMITS`` within the hour."""
    keys = [("ip", f"reply-link:ip:{client}")]
    if link is not None:
        keys.append(("link", f"reply-link:link:{link.pk}"))
    for scope, key in keys:
        cache.add(key, 0, RATE_WINDOW)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, RATE_WINDOW)
            count = 1
        if count > RATE_LIMITS[scope]:
            raise RateLimited(_("Too many attempts through this link. Please try again later."))


def reply_link_used(link: ReplyLink) -> None:
    """Note a move made through the link (the move's own event names the link)."""
    from django.db.models import F

    ReplyLink.objects.filter(pk=link.pk).update(
        last_used_at=clock.now(), use_count=F("use_count") + 1
    )


def reply_link_revoke(*, link: ReplyLink, actor) -> bool:
    """Withdraw a link (administrators, in the Django admin); appended to the audit trail for
    the parties. False when it was already revoked."""
    if not (getattr(actor, "is_active", False) and getattr(actor, "is_superuser", False)):
        from core.errors import NotPermitted

        raise NotPermitted(_("Only administrators may withdraw a reply link."))
    done = {}

    def write(locked, at):
        row = ReplyLink.objects.select_for_update().get(pk=link.pk)
        if row.revoked_at is not None:
            return None
        row.revoked_at = at
        row.revoked_by = actor
        row.save(update_fields=["revoked_at", "revoked_by"])
        done["row"] = row
        return Entry(data={"link": row.pk, "body": row.body_id})

    with transaction.atomic():
        foi_request_append(
            foi_request=link.foi_request,
            actor=actor,
            kind=REVOKED,
            audience="parties",
            write=write,
        )
    return "row" in done
