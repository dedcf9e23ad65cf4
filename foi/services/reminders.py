"""The requester's reminder letter to a body that answers by e-mail and let its deadline pass.

Recorded here (a public e-mail entry on the timeline and a ``reminder_sent`` event, through the
one writer ``foi_request_append``); the e-mail itself goes out from ``mail`` when the event
commits (``mail.notify``, route ``reminder_sent``), to the body's request address with replies
coming back to the request's own, like the request letter.
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.errors import Conflict, InvalidInput, NotPermitted, RateLimited
from core.inputs import is_visibly_empty
from foi import conditions, deadlines, permissions
from foi.models import CaseEvent, FOIRequest, Message, MessageKind
from foi.services.case import Appended, Entry, foi_request_append

# At most one reminder per request in this time.
REMINDER_INTERVAL = timedelta(days=3)
TEXT_MAX = 20_000


def reminder_refusal(foi_request: FOIRequest, now) -> str:
    """Why no reminder can be sent on this request now ("" when one can), whoever asks."""
    from foi import selectors

    if not conditions.is_overdue(foi_request, now):
        return _("A reminder can be sent only once the body's deadline has passed unanswered.")
    if selectors.body_answers_through_portal(foi_request.body):
        return _(
            "This body answers through Sorğu: its officers already see that the request is "
            "overdue, so no reminder letter is sent."
        )
    return ""


def last_reminder_at(foi_request: FOIRequest):
    return (
        CaseEvent.objects.filter(foi_request=foi_request, kind="reminder_sent")
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )


def can_remind(foi_request: FOIRequest, user, now) -> bool:
    """Whether the case page offers this person the reminder letter now."""
    return permissions.is_requester(foi_request, user) and not reminder_refusal(foi_request, now)


def reminder_letter_draft(foi_request: FOIRequest, now) -> str:
    """The pre-written reminder, in the language letters to bodies are written in, citing the
    law's article for the answer period."""
    from foi.deadlines.explanations import _amount, _article

    law = foi_request.law
    with translation.override(settings.LANGUAGE_CODE), timezone.override(ZoneInfo(law.time_zone)):
        return render_to_string(
            "foi/reminder_letter.txt",
            {
                "foi_request": foi_request,
                "law": law,
                "article": _article(law.response_article) if law.response_article else "",
                "period": _amount(law.response_value, law.response_unit),
                "requester_name": foi_request.requester.get_full_name() or foi_request.public_name,
                "submitted_at": foi_request.submitted_at,
                "late_by": deadlines.working_days_late(law, due_at=foi_request.due_at, now=now),
            },
        ).strip()


def foi_request_remind(*, foi_request: FOIRequest, actor, text: str, at=None) -> Appended:
    """Send the body a reminder: the requester only, on an overdue request of a body that
    answers by e-mail, at most once in ``REMINDER_INTERVAL``."""
    if not permissions.is_requester(foi_request, actor):
        raise NotPermitted(_("Only the requester may send a reminder to the body."))
    text = (text or "").strip()
    if is_visibly_empty(text):
        raise InvalidInput(_("Write the reminder letter."), errors={"text": ["required"]})
    if len(text) > TEXT_MAX:
        raise InvalidInput(
            _("The letter is too long: at most %(max)d characters.") % {"max": TEXT_MAX},
            errors={"text": ["max_length"]},
        )

    def write(locked, at):
        refusal = reminder_refusal(locked, at)
        if refusal:
            raise Conflict(refusal)
        last = last_reminder_at(locked)
        if last is not None and at - last < REMINDER_INTERVAL:
            raise RateLimited(
                _("A reminder was sent on %(when)s; you can send another from %(next)s.")
                % {
                    "when": _local_day(locked, last),
                    "next": _local_day(locked, last + REMINDER_INTERVAL),
                }
            )
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.EMAIL_OUT,
            audience="public",
            author=actor,
            text=text,
            created_at=at,
        )
        return Entry(message=message, data={"body": locked.body_id})

    return foi_request_append(
        foi_request=foi_request,
        actor=actor,
        kind="reminder_sent",
        audience="public",
        write=write,
        at=at,
    )


def _local_day(foi_request, moment) -> str:
    from django.utils import formats

    local = moment.astimezone(ZoneInfo(foi_request.law.time_zone))
    return formats.date_format(local, "j E Y, H:i")
