"""Filing: the one way a draft is sent to its body.

``foi_request_file`` is the only public entry: the portal's wizard, the API, an officer's
registration on someone's behalf (``foi.services.intake``) and the demo all come through it,
so the daily limit cannot be walked around. The ``submit`` transition itself is ``_submit``,
private to this module.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import clock
from core.dates import moment_text
from core.errors import InvalidInput, RateLimited
from core.inputs import earliest_receipt, receipt_before_law_message
from foi.models import FOIRequest, Message, MessageKind, PublicBody, PublicNameChoice
from foi.services.base import require_text, run_transition
from foi.services.clock import clock_recompute
from foi.services.references import reference_next

FILING_WINDOW = datetime.timedelta(days=1)


def foi_request_file(*, foi_request: FOIRequest, actor, received_at=None) -> FOIRequest:
    """Send the draft to its body: reference, clock, and the letter on the timeline.

    A person filing in their own name is refused once they have filed
    ``FOI_FILING_RATE_LIMIT`` requests in the last 24 hours (0 turns the limit off). An
    officer registering a letter, call or visit the body received (``registered_by``) is not:
    the law obliges the body to register every request it receives, and such requests do not
    count against the requester's own. ``received_at`` is only for such a registration, when
    the request was received earlier.
    """
    body = PublicBody.objects.filter(pk=foi_request.body_id).first()
    if body is None or not body.is_active:
        raise InvalidInput(
            _("%(body)s no longer takes requests; choose another body.")
            % {"body": body.name if body else "?"},
            errors={"body": ["inactive"]},
        )
    with transaction.atomic():
        if _files_in_own_name(foi_request, actor):
            _check_daily_limit(actor)
        return _submit(foi_request=foi_request, actor=actor, received_at=received_at)


def foi_requests_file_together(*, foi_requests: list, actor, check_limit: bool = True) -> list:
    """Send several drafts of one person at once (a batch, ``foi.services.batches``): all of
    them or none.

    The daily limit counts each request: the whole set must fit under it, or nothing is sent.
    ``check_limit=False`` is for a batch a moderator approved, who vouched for it; its requests
    still count against the person's later ones.
    """
    with transaction.atomic():
        for foi_request in foi_requests:
            body = foi_request.body
            if not body.is_active:
                raise InvalidInput(
                    _("%(body)s no longer takes requests; choose another body.")
                    % {"body": body.name},
                    errors={"bodies": ["inactive"]},
                )
        if check_limit and foi_requests and _files_in_own_name(foi_requests[0], actor):
            _check_daily_limit(actor, adding=len(foi_requests))
        return [_submit(foi_request=r, actor=actor) for r in foi_requests]


def _files_in_own_name(foi_request: FOIRequest, actor) -> bool:
    # Anyone else is either the officer who registered the request or refused by the
    # transition's permission (``permissions.can_submit``).
    return getattr(actor, "pk", None) is not None and actor.pk == foi_request.requester_id


def _check_daily_limit(actor, adding: int = 1) -> None:
    limit = int(getattr(settings, "FOI_FILING_RATE_LIMIT", 10) or 0)
    if not limit:
        return
    # One person's submissions queue up here, so two tabs cannot both slip under it.
    get_user_model().objects.select_for_update().filter(pk=actor.pk).first()
    now = clock.now()
    # The newest ``limit`` of them are all the rule needs (how many, and when the oldest of
    # those leaves the window): a bounded read, whatever a lifted limit let someone file.
    recent = list(
        FOIRequest.objects.filter(
            requester=actor,
            registered_by__isnull=True,
            submitted_at__gte=now - FILING_WINDOW,
        )
        .order_by("-submitted_at")
        .values_list("submitted_at", flat=True)[:limit]
    )[::-1]
    if adding > 1 and len(recent) + adding > limit:
        left = max(0, limit - len(recent))
        raise RateLimited(
            ngettext(
                "This batch would send %(count)d requests, but this site accepts at most "
                "%(limit)d from one person in 24 hours and you can send %(left)d more now. "
                "Choose fewer bodies; nothing was sent.",
                "This batch would send %(count)d requests, but this site accepts at most "
                "%(limit)d from one person in 24 hours and you can send %(left)d more now. "
                "Choose fewer bodies; nothing was sent.",
                left,
            )
            % {"count": adding, "limit": limit, "left": left}
        )
    if len(recent) >= limit:
        free_at = timezone.localtime(recent[len(recent) - limit] + FILING_WINDOW)
        raise RateLimited(
            ngettext(
                "You have sent %(count)d request in the last 24 hours, the most this "
                "site accepts from one person. Your draft is saved: you can send it "
                "after %(when)s.",
                "You have sent %(count)d requests in the last 24 hours, the most this "
                "site accepts from one person. Your draft is saved: you can send it "
                "after %(when)s.",
                len(recent),
            )
            % {
                "count": len(recent),
                "when": moment_text(free_at),
            }
        )


def _submit(*, foi_request: FOIRequest, actor, received_at=None) -> FOIRequest:
    """The ``submit`` transition. Only ``foi_request_file`` calls it."""
    if received_at is not None and foi_request.registered_by_id is None:
        raise InvalidInput(_("Only a request registered by an officer has its own receipt date."))

    def apply(locked, at):
        received = received_at or at
        if received > at:
            raise InvalidInput(_("The date of receipt cannot be in the future."))
        earliest = earliest_receipt(locked.body.law)
        if received.date() < earliest:
            raise InvalidInput(receipt_before_law_message(earliest))
        locked.law = locked.body.law
        locked.public_name = _public_name(locked)
        locked.reference = reference_next(law=locked.law, year=timezone.localtime(at).year)
        locked.first_received_at = received
        locked.received_at = received
        locked.clock_history = []
        clock_recompute(locked)
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.LETTER,
            audience="public",
            author=locked.requester,
            subject=locked.subject,
            text=locked.text,
            created_at=at,
        )
        return {
            "message": message,
            "data": {
                "reference": locked.reference,
                "body": locked.body_id,
                "urgency": locked.urgency,
                "received_at": received.isoformat(),
                "due_at": locked.due_at.isoformat(),
            },
        }

    return run_transition(foi_request=foi_request, actor=actor, name="submit", apply=apply)


def _public_name(foi_request: FOIRequest) -> str:
    choice = foi_request.public_name_choice
    if choice == PublicNameChoice.PSEUDONYM:
        return require_text(foi_request.pseudonym, _("Choose the pseudonym to show in public."))
    if choice == PublicNameChoice.WITHHELD:
        return ""
    name = foi_request.requester.get_full_name().strip()
    if not name:
        raise InvalidInput(
            _("Add your name to your profile, or choose a pseudonym or to withhold your name.")
        )
    return name
