"""Batch requests: one letter to many bodies, each body's copy its own request (issue 24).

``batch_create`` is the one way a batch is made, from the portal's form and the API alike. It
checks the letter as filing would (a dry run of one copy, rolled back), then either sends a copy
to every body at once through ``foi.services.filing`` (its daily limit counting each request:
the whole batch fits or nothing is sent) or, for more bodies than
``FOI_BATCH_APPROVAL_THRESHOLD``, keeps the batch waiting for a moderator. A moderator's
``batch_approve`` sends the copies then (the moderator vouches, so the daily limit does not hold
it back, but its requests count against the person's later ones); ``batch_decline`` ends it with
a reason and no request is ever made.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import clock
from core.errors import Conflict, InvalidInput, NotPermitted, TransitionNotAllowed
from foi import permissions
from foi.models import Batch, BatchStatus, FOIRequest, PublicBody
from foi.services.filing import foi_requests_file_together
from foi.services.references import batch_reference_next
from foi.services.submission import DRAFT_FIELDS, foi_request_create_draft
from foi.signals import batch_decided

REASON_MAX = 2000


def approval_threshold() -> int:
    """A batch to more bodies than this waits for a moderator."""
    return int(getattr(settings, "FOI_BATCH_APPROVAL_THRESHOLD", 10))


def max_bodies() -> int:
    return int(getattr(settings, "FOI_BATCH_MAX_BODIES", 100))


class _DryRun(Exception):
    """Raised to roll back the trial copy of a batch's letter."""


def batch_create(*, creator, bodies: list[PublicBody], **fields) -> Batch:
    """Make a batch of ``fields`` (the request's own: subject, text, urgency, ...) to
    ``bodies``. Returns it filed (each body's request sent) or waiting for a moderator."""
    if not permissions.is_person(creator):
        raise NotPermitted(_("Sign in to make a request."))
    unknown = set(fields) - set(DRAFT_FIELDS)
    if unknown:
        raise InvalidInput(_("Unknown fields: %(names)s") % {"names": ", ".join(sorted(unknown))})
    bodies = _distinct(bodies)
    _check_bodies(bodies)
    pending = len(bodies) > approval_threshold()
    with transaction.atomic():
        if pending:
            # One person's batches queue up here, so two tabs cannot both leave one waiting.
            get_user_model().objects.select_for_update().filter(pk=creator.pk).first()
            if Batch.objects.filter(creator=creator, status=BatchStatus.PENDING).exists():
                raise Conflict(
                    _(
                        "You already have a batch waiting for a moderator. Wait for their "
                        "decision before you send another large batch."
                    )
                )
            _try_letter(creator=creator, body=bodies[0], fields=fields)
        now = clock.now()
        batch = Batch.objects.create(
            reference=batch_reference_next(year=timezone.localtime(now).year),
            creator=creator,
            status=BatchStatus.PENDING if pending else BatchStatus.FILED,
            created_at=now,
            **_clean(fields),
        )
        batch.bodies.set(bodies)
        if not pending:
            _file(batch, bodies, check_limit=True)
    return batch


def batch_approve(*, batch: Batch, actor) -> Batch:
    """A moderator lets a large batch through: every body's request is sent now."""
    if not permissions.can_decide_batch(actor):
        raise NotPermitted(_("Only moderators approve or decline batch requests."))
    with transaction.atomic():
        locked = Batch.objects.select_for_update().get(pk=batch.pk)
        if locked.status != BatchStatus.PENDING:
            raise Conflict(_("This batch was already decided."))
        bodies = list(locked.bodies.select_related("law").order_by("name_az"))
        _check_bodies(bodies)
        now = clock.now()
        locked.status = BatchStatus.FILED
        locked.decided_by = actor
        locked.decided_at = now
        locked.save(update_fields=["status", "decided_by", "decided_at"])
        _file(locked, bodies, check_limit=False)
        transaction.on_commit(lambda: batch_decided.send(sender=Batch, batch=locked))
    return locked


def batch_decline(*, batch: Batch, actor, reason: str) -> Batch:
    """A moderator refuses a large batch, saying why; no request is made."""
    if not permissions.can_decide_batch(actor):
        raise NotPermitted(_("Only moderators approve or decline batch requests."))
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(
            _("Say why the batch is declined; the person who sent it reads it."),
            errors={"reason": ["required"]},
        )
    if len(reason) > REASON_MAX:
        raise InvalidInput(
            _("Too long: at most %(limit)d characters.") % {"limit": REASON_MAX},
            errors={"reason": ["too_long"]},
        )
    with transaction.atomic():
        locked = Batch.objects.select_for_update().get(pk=batch.pk)
        if locked.status != BatchStatus.PENDING:
            raise Conflict(_("This batch was already decided."))
        locked.status = BatchStatus.DECLINED
        locked.decided_by = actor
        locked.decided_at = clock.now()
        locked.decision_reason = reason
        locked.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
        transaction.on_commit(lambda: batch_decided.send(sender=Batch, batch=locked))
    return locked


def _distinct(bodies) -> list[PublicBody]:
    seen, distinct = set(), []
    for body in bodies:
        if body.pk not in seen:
            seen.add(body.pk)
            distinct.append(body)
    return distinct


def _check_bodies(bodies: list[PublicBody]) -> None:
    if len(bodies) < 2:
        raise InvalidInput(
            _("Choose at least two bodies for a batch; for one body, make a single request."),
            errors={"bodies": ["too_few"]},
        )
    if len(bodies) > max_bodies():
        raise InvalidInput(
            ngettext(
                "A batch goes to at most %(limit)d body.",
                "A batch goes to at most %(limit)d bodies.",
                max_bodies(),
            )
            % {"limit": max_bodies()},
            errors={"bodies": ["too_many"]},
        )
    inactive = [body.name for body in bodies if not body.is_active]
    if inactive:
        raise InvalidInput(
            _("These bodies no longer take requests; leave them out: %(names)s.")
            % {"names": ", ".join(inactive)},
            errors={"bodies": ["inactive"]},
        )


def _clean(fields: dict) -> dict:
    data = {
        name: value.strip() if isinstance(value, str) else value for name, value in fields.items()
    }
    if data.get("visibility") != "private":
        data["private_until"] = None
    return data


def _drafts(batch: Batch, bodies: list[PublicBody]) -> list[FOIRequest]:
    drafts = []
    for body in bodies:
        draft = foi_request_create_draft(requester=batch.creator, body=body, **batch.draft_fields())
        draft.batch = batch
        draft.save(update_fields=["batch"])
        drafts.append(draft)
    return drafts


def _file(batch: Batch, bodies: list[PublicBody], *, check_limit: bool) -> None:
    try:
        foi_requests_file_together(
            foi_requests=_drafts(batch, bodies), actor=batch.creator, check_limit=check_limit
        )
    except TransitionNotAllowed as error:
        # A new draft is refused only for what was written (an unmet condition): bad input.
        raise InvalidInput(error.message, errors=error.errors) from error
    batch.filed_at = clock.now()
    batch.save(update_fields=["filed_at"])


def _try_letter(*, creator, body: PublicBody, fields: dict) -> None:
    """Check a waiting batch's letter now, as filing will: send one copy and roll it back, so
    the person hears of a missing name or reason today rather than after the moderator."""
    try:
        with transaction.atomic():
            draft = foi_request_create_draft(requester=creator, body=body, **_clean(fields))
            try:
                foi_requests_file_together(foi_requests=[draft], actor=creator, check_limit=False)
            except TransitionNotAllowed as error:
                raise InvalidInput(error.message, errors=error.errors) from error
            raise _DryRun
    except _DryRun:
        pass


def batch_follow(*, user, batch: Batch, follow: bool = True) -> int:
    """Follow (or stop following) every request of the batch this person may see: each then
    e-mails its news as any followed request does. Returns how many requests that was."""
    from foi.selectors.batches import batch_requests
    from foi.services.follows import follow_create, follow_delete

    if not permissions.is_person(user):
        raise NotPermitted(_("Sign in to follow."))
    foi_requests = batch_requests(batch=batch, user=user)
    with transaction.atomic():
        for foi_request in foi_requests:
            if follow:
                follow_create(user=user, foi_request=foi_request)
            else:
                follow_delete(user=user, foi_request=foi_request)
    return len(foi_requests)
