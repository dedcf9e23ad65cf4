"""Who is told what, when a case event commits.

The receiver of ``foi.signals.case_event_committed`` only schedules a task; the task
(``case_event_notify``) decides the recipients, renders each notice in the recipient's language
and queues one outbound e-mail each. Nobody is told of their own action, except the requester's
receipt. A body with no active officer or coordinator is reached by e-mail instead.
"""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from foi import deadlines, selectors, transitions
from foi.models import (
    Appeal,
    CaseEvent,
    DeliveryStatus,
    Message,
    MessageKind,
    PublicBody,
)
from foi.models.audit import due_date_moved_text
from foi.models.request import DECISIONS_THAT_CLOSE
from mail import addresses
from mail.models import OutboundEmail
from mail.notices import NOTICES, absolute, language_of, render_notice
from mail.outbound import outbound_email_queue, request_address_from
from mail.preferences import unsubscribe_url, wants
from mail.suppression import is_quiet


def on_case_event_committed(sender, event, **kwargs) -> None:
    """Connected in FoiConfig.ready(). Cheap: the work happens in a task."""
    if is_quiet(event) or event.kind not in ROUTES:
        return
    transaction.on_commit(partial(_enqueue, event.pk))


def _enqueue(event_id: int) -> None:
    from core import taskqueue
    from mail.tasks import notify_case_event

    taskqueue.enqueue(notify_case_event, event_id)


def case_event_notify(*, event_id: int) -> int:
    """Queue the notices of one event; returns how many e-mails."""
    event = (
        CaseEvent.objects.select_related(
            "foi_request__law",
            "foi_request__body",
            "foi_request__requester",
            "foi_request__assignee",
            "message",
            "actor",
        )
        .filter(pk=event_id)
        .first()
    )
    if event is None or event.kind not in ROUTES:
        return 0
    fanout = Fanout(event)
    with transaction.atomic():
        ROUTES[event.kind](fanout)
    return fanout.count


# -- recipients --------------------------------------------------------------------------------


def staff_of(body, roles: tuple[str, ...] | None = None) -> list:
    """The body's active officers and coordinators (or only those in ``roles``)."""
    if body is None:
        return []
    condition = {"memberships__body": body, "memberships__is_active": True, "is_active": True}
    if roles:
        condition["memberships__role__in"] = roles
    return list(get_user_model().objects.filter(**condition).distinct().order_by("pk"))


def handlers_of(foi_request) -> list:
    """Whoever handles the request now: its assignee, or all of the body's staff."""
    staff = staff_of(foi_request.body)
    assigned = [person for person in staff if person.pk == foi_request.assignee_id]
    return assigned or staff


class Fanout:
    """The notices of one event, each person told once per kind of notice."""

    def __init__(self, event: CaseEvent | None, foi_request=None):
        self.event = event
        self.foi_request = foi_request or event.foi_request
        self.count = 0
        self._told: set[tuple[int, str]] = set()

    @property
    def actor_id(self):
        return self.event.actor_id if self.event else None

    def tell(self, person, key: str, *, skip_actor: bool = True, **context) -> bool:
        if person is None or (skip_actor and person.pk == self.actor_id):
            return False
        if (person.pk, key) in self._told or not wants(person, key):
            return False
        self._told.add((person.pk, key))
        tell_person(person, key, foi_request=self.foi_request, event=self.event, **context)
        self.count += 1
        return True

    def tell_all(self, people, key: str, **context) -> None:
        for person in people:
            self.tell(person, key, **context)


def tell_person(
    person, key: str, *, foi_request=None, event=None, with_appeal_route=False, **context
) -> OutboundEmail:
    """Render notice ``key`` for one person in their language and queue it."""
    language = language_of(person)
    values = {
        "foi_request": foi_request,
        "recipient": person,
        "event": event,
        "message": getattr(event, "message", None),
        "preferences_url": absolute(reverse("foi_mail:preferences")),
        **context,
    }
    if with_appeal_route:
        from foi.services.outcomes import appeal_route_text

        values["appeal_route"] = appeal_route_text(foi_request.law, language)
    headers = {}
    field = NOTICES[key].preference
    if field:
        link = unsubscribe_url(person, field)
        values["unsubscribe_url"] = link
        headers = {
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    rendered = render_notice(key, values, language=language)
    return outbound_email_queue(
        kind=key,
        to_email=person.email,
        rendered=rendered,
        to_user=person,
        foi_request=foi_request,
        headers=headers,
    )


# -- bodies reached by e-mail ------------------------------------------------------------------


def body_is_emailed(body) -> bool:
    """A body that answers by e-mail (the one rule: ``selectors.body_answers_through_portal``)."""
    return not selectors.body_answers_through_portal(body)


def body_email_send(
    fanout: Fanout, *, body, key: str, message: Message | None, appeal=None, **context
) -> OutboundEmail | None:
    """Send a letter (or a clarification) to a body's request address, replies coming back to
    the request's own address (an appeal's letter to its reviewing body: to the appeal's own
    reply address). The letter carries the body's reply link (mail/replylinks.py). A body
    without a usable address is flagged for repair and the letter waits (its delivery shows
    failed) until an administrator fixes the address."""
    from mail.bodies import public_body_flag_address
    from mail.replylinks import link_url, reply_link_issue

    foi_request = fanout.foi_request
    if not body.request_email or body.request_email_needs_repair:
        if not body.request_email:
            public_body_flag_address(
                body=body, problem=gettext("There is no request e-mail to send to.")
            )
        if message is not None:
            Message.objects.filter(pk=message.pk).update(delivery_status=DeliveryStatus.FAILED)
        fanout.tell(foi_request.requester, "letter_bounced", skip_actor=False, body=body)
        return None
    language = settings.LANGUAGE_CODE
    if appeal is None:
        reply_to = addresses.reply_address(foi_request.reference)
        from_email = request_address_from(foi_request)
    else:
        reply_to = addresses.appeal_reply_address(foi_request.reference, appeal.pk)
        from_email = request_address_from(foi_request, address=reply_to)
    link = reply_link_issue(
        foi_request=foi_request, body=body, address=body.request_email, appeal=appeal
    )
    values = {
        "foi_request": foi_request,
        "body": body,
        "message": message,
        "appeal": appeal,
        "reply_address": reply_to,
        "reply_link_url": link_url(link),
        "reply_link_expires_at": link.expires_at,
        "requester_name": foi_request.requester.get_full_name() or foi_request.public_name,
        "due_explanation": partial(deadlines.explain, foi_request.law, foi_request.due_explanation),
        "is_public": foi_request.is_public,
        **context,
    }
    rendered = render_notice(key, values, language=language)
    fanout.count += 1
    return outbound_email_queue(
        kind=key,
        to_email=body.request_email,
        rendered=rendered,
        to_body=body,
        foi_request=foi_request,
        message=message,
        from_email=from_email,
        reply_to=reply_to,
    )


def letter_of(foi_request) -> Message | None:
    return (
        Message.objects.filter(foi_request=foi_request, kind=MessageKind.LETTER)
        .order_by("created_at", "pk")
        .first()
    )


def _reach_body(fanout: Fanout, body) -> None:
    staff = staff_of(body)
    if staff:
        fanout.tell_all(staff, "new_request", body=body)
    else:
        body_email_send(fanout, body=body, key="letter", message=letter_of(fanout.foi_request))


# -- routes: one per event kind ----------------------------------------------------------------


def _submit(fanout: Fanout) -> None:
    foi_request = fanout.foi_request
    fanout.tell(
        foi_request.requester,
        "receipt",
        skip_actor=False,
        due_explanation=partial(deadlines.explain, foi_request.law, foi_request.due_explanation),
    )
    _reach_body(fanout, foi_request.body)


def _accept(fanout: Fanout) -> None:
    foi_request = fanout.foi_request
    fanout.tell(foi_request.requester, "accepted")
    if fanout.event.data.get("assignee"):
        fanout.tell(foi_request.assignee, "assigned")


def _assign(fanout: Fanout) -> None:
    fanout.tell(fanout.foi_request.assignee, "assigned")


def _ask_clarification(fanout: Fanout) -> None:
    fanout.tell(fanout.foi_request.requester, "clarification_asked")


def _clarify(fanout: Fanout) -> None:
    foi_request = fanout.foi_request
    if body_is_emailed(foi_request.body):
        body_email_send(
            fanout, body=foi_request.body, key="clarification_to_body", message=fanout.event.message
        )
    else:
        fanout.tell_all(handlers_of(foi_request), "clarification_received")


def _extend(fanout: Fanout) -> None:
    fanout.tell(fanout.foi_request.requester, "extended")


def _transfer(fanout: Fanout) -> None:
    foi_request = fanout.foi_request
    new_body = PublicBody.objects.filter(pk=fanout.event.data.get("to_body")).first()
    fanout.tell(foi_request.requester, "transferred", body=new_body or foi_request.body)
    if new_body is not None:
        _reach_body(fanout, new_body)


def _answer(fanout: Fanout) -> None:
    fanout.tell(fanout.foi_request.requester, "answered")


def _refuse(fanout: Fanout) -> None:
    fanout.tell(fanout.foi_request.requester, "refused")


def _reject(fanout: Fanout) -> None:
    fanout.tell(fanout.foi_request.requester, "rejected", with_appeal_route=True)


def _lapse(fanout: Fanout) -> None:
    fanout.tell(fanout.foi_request.requester, "lapsed", skip_actor=False)


def _estimate_fee(fanout: Fanout) -> None:
    fanout.tell(fanout.foi_request.requester, "fee_estimated")


def _waive_fee(fanout: Fanout) -> None:
    fanout.tell(fanout.foi_request.requester, "fee_waived")


def _close_unpaid(fanout: Fanout) -> None:
    fanout.tell(fanout.foi_request.requester, "fee_lapsed", skip_actor=False)


def _appeal(fanout: Fanout) -> None:
    foi_request = fanout.foi_request
    appeal = Appeal.objects.filter(pk=fanout.event.data.get("appeal")).select_related(
        "level", "reviewing_body"
    )
    appeal = appeal.first()
    if appeal is None:
        return
    reviewers = staff_of(appeal.reviewing_body)
    fanout.tell_all(reviewers, "appeal_lodged", appeal=appeal)
    if appeal.reviewing_body is not None and not reviewers:
        # A reviewing body off the portal gets the appeal as a letter, with its own reply
        # address and reply link.
        body_email_send(
            fanout,
            body=appeal.reviewing_body,
            key="appeal_letter",
            message=fanout.event.message,
            appeal=appeal,
            answer=_appealed_answer(foi_request),
        )
    fanout.tell_all(handlers_of(foi_request), "appeal_lodged", appeal=appeal)


def _appealed_answer(foi_request) -> Message | None:
    """The body's last answer, refusal or rejection on the request (none: it missed the
    deadline)."""
    return (
        Message.objects.filter(
            foi_request=foi_request,
            kind__in=[MessageKind.RESPONSE, MessageKind.REFUSAL, MessageKind.REJECTION],
            audience="public",
        )
        .order_by("-created_at", "-pk")
        .first()
    )


def _decide_appeal(fanout: Fanout) -> None:
    foi_request = fanout.foi_request
    appeal = (
        Appeal.objects.filter(pk=fanout.event.data.get("appeal"))
        .select_related("level", "reviewing_body")
        .first()
    )
    fanout.tell(foi_request.requester, "appeal_decided", appeal=appeal)
    if appeal is not None and appeal.decision not in DECISIONS_THAT_CLOSE:
        fanout.tell_all(handlers_of(foi_request), "appeal_decided_body", appeal=appeal)


def _email_received(fanout: Fanout) -> None:
    """The requester hears of an e-mail on the case; when it is the reply of a body that
    answers by e-mail, the notice asks them to say what it is (the classify page)."""
    message = getattr(fanout.event, "message", None)
    classify_url = ""
    if message is not None and selectors.letter_awaits_classification(message):
        classify_url = absolute(
            reverse("foi:request_classify_reply", args=[fanout.foi_request.reference, message.pk])
        )
    fanout.tell(
        fanout.foi_request.requester,
        "reply_received",
        skip_actor=False,
        classify_url=classify_url,
    )


def _reminder_sent(fanout: Fanout) -> None:
    """The requester's reminder letter (foi.services.reminders) to a body reached by e-mail."""
    body = PublicBody.objects.filter(pk=fanout.event.data.get("body")).first()
    body_email_send(
        fanout, body=body or fanout.foi_request.body, key="reminder", message=fanout.event.message
    )


def _email_bounced(fanout: Fanout) -> None:
    body = PublicBody.objects.filter(pk=fanout.event.data.get("body")).first()
    fanout.tell(
        fanout.foi_request.requester,
        "letter_bounced",
        skip_actor=False,
        body=body or fanout.foi_request.body,
    )


def _due_date_moved(fanout: Fanout) -> None:
    """A declared non-working day moved the due date (foi.services.declared_days): the
    requester and whoever handles the request hear of it. A body reached by e-mail is not sent
    a letter about it: letters to a body are the requester's correspondence."""
    foi_request = fanout.foi_request
    text = partial(due_date_moved_text, fanout.event.data)
    fanout.tell(foi_request.requester, "due_date_moved", moved=text)
    fanout.tell_all(handlers_of(foi_request), "due_date_moved_body", moved=text)


# A transition's event is routed when it declares notices (foi.transitions), to the function
# of its name here; the other events by name.
ROUTES = {
    **{name: globals()[f"_{name}"] for name in transitions.names() if transitions.notices(name)},
    "email_received": _email_received,
    "email_filed": _email_received,
    "email_bounced": _email_bounced,
    "reminder_sent": _reminder_sent,
    "due_date_moved": _due_date_moved,
}


# A requester hears of mail held for their request at most this often (a flood of e-mails naming
# the request is not turned into a flood of notices).
HELD_NOTICE_INTERVAL = timedelta(days=1)


def held_email_notify(*, inbound, foi_requests) -> int:
    """Tell the requester of each request a held e-mail names that something for it waits for
    an administrator. The notice says nothing of the e-mail itself: it may not be theirs.
    Returns how many were told."""
    since = timezone.now() - HELD_NOTICE_INTERVAL
    told = 0
    for foi_request in foi_requests:
        recent = OutboundEmail.objects.filter(
            kind="email_held", foi_request=foi_request, created_at__gte=since
        )
        if recent.exists():
            continue
        fanout = Fanout(None, foi_request=foi_request)
        told += fanout.tell(foi_request.requester, "email_held", skip_actor=False)
    return told


def on_requester_invited(sender, *, foi_request, email, token, max_age, **kwargs) -> None:
    """Queue the invitation to join a request an officer registered, in the language of the
    account with that address if there is one (else the one the officer recorded). Sent the
    same way whether or not there is one."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from mail.notices import absolute, language_of, render_notice
    from mail.outbound import outbound_email_queue

    account = (
        get_user_model()
        .objects.filter(email__iexact=email, is_active=True)
        .only("preferred_language")
        .first()
    )
    language = language_of(account or foi_request.requester)
    link = absolute(reverse("foi:request_join", args=[token]))
    rendered = render_notice(
        "requester_invitation",
        {"foi_request": foi_request, "join_url": link, "days": max_age.days},
        language=language,
    )
    outbound_email_queue(
        kind="requester_invitation", to_email=email, rendered=rendered, foi_request=foi_request
    )
