"""Every kind of e-mail the portal sends, and how one is rendered.

Each notice is a template pair, ``templates/email/<key>.txt`` and ``<key>.html``, rendered in
the recipient's language (``translation.override``) and the law's time zone. A notice with a
``preference`` is optional: the person can switch it off, and it carries an unsubscribe link.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Notice:
    key: str
    subject: str
    preference: str | None = None
    # Letters to bodies are a person's correspondence, not machine notices.
    automated: bool = True


_NOTICES = [
    # To the requester.
    Notice("receipt", _("[%(reference)s] Your request was sent to %(body)s")),
    Notice("accepted", _("[%(reference)s] %(body)s accepted your request"), "requester_accepted"),
    Notice("clarification_asked", _("[%(reference)s] %(body)s asks you to clarify your request")),
    Notice("extended", _("[%(reference)s] The deadline for your request was extended")),
    Notice("due_date_moved", _("[%(reference)s] The due date of your request moved")),
    Notice("transferred", _("[%(reference)s] Your request was forwarded to %(body)s")),
    Notice("answered", _("[%(reference)s] %(body)s answered your request")),
    Notice("refused", _("[%(reference)s] %(body)s refused your request")),
    Notice("rejected", _("[%(reference)s] %(body)s did not take your request as valid")),
    Notice("lapsed", _("[%(reference)s] Your request was closed")),
    Notice("fee_estimated", _("[%(reference)s] %(body)s asks a fee for your request")),
    Notice("fee_waived", _("[%(reference)s] %(body)s waived the fee for your request")),
    Notice("fee_lapsed", _("[%(reference)s] Your request was closed: the fee was not paid")),
    Notice("appeal_decided", _("[%(reference)s] The appeal was decided")),
    Notice(
        "overdue",
        _("[%(reference)s] %(body)s missed the deadline: you may now appeal"),
        "requester_overdue",
    ),
    Notice(
        "very_overdue",
        _("[%(reference)s] %(body)s is very late: your next step"),
        "requester_overdue",
    ),
    Notice(
        "appeal_overdue",
        _("[%(reference)s] %(body)s missed the deadline to decide your appeal"),
        "requester_overdue",
    ),
    Notice("reply_received", _("[%(reference)s] A new e-mail on your request")),
    Notice("reply_waiting", _("[%(reference)s] %(body)s replied: what is the reply?")),
    Notice("letter_bounced", _("[%(reference)s] Your request could not be delivered")),
    Notice("email_held", _("[%(reference)s] An e-mail for your request is waiting for review")),
    # To the address a requester gave the officer who registered their request.
    Notice(
        "requester_invitation",
        _("[%(reference)s] Your request to %(body)s: follow it with your account"),
    ),
    # To the body's officers and coordinators (and appeal reviewers).
    Notice("new_request", _("[%(reference)s] New request: %(subject)s"), "officer_new_request"),
    Notice("assigned", _("[%(reference)s] Assigned to you: %(subject)s")),
    Notice(
        "clarification_received",
        _("[%(reference)s] The requester clarified: %(subject)s"),
        "officer_clarification_received",
    ),
    Notice(
        "due_soon",
        _("[%(reference)s] Due in two working days: %(subject)s"),
        "officer_due_soon",
    ),
    Notice(
        "due_date_moved_body",
        _("[%(reference)s] Due date moved by a declared non-working day: %(subject)s"),
    ),
    Notice("overdue_body", _("[%(reference)s] Overdue: %(subject)s"), "officer_overdue"),
    Notice(
        "very_overdue_body",
        _("[%(reference)s] Very overdue: %(subject)s"),
        "officer_overdue",
    ),
    Notice("appeal_lodged", _("[%(reference)s] Appeal lodged: %(subject)s"), "officer_appeals"),
    Notice(
        "appeal_decided_body",
        _("[%(reference)s] Appeal decided: %(subject)s"),
        "officer_appeals",
    ),
    # To a body reached by e-mail.
    Notice("letter", _("Request for information %(reference)s: %(subject)s"), automated=False),
    Notice(
        "clarification_to_body",
        _("Re: Request for information %(reference)s: %(subject)s"),
        automated=False,
    ),
    Notice(
        "reminder",
        _("Reminder: request for information %(reference)s: %(subject)s"),
        automated=False,
    ),
    # To an appeal's reviewing body reached by e-mail.
    Notice(
        "appeal_letter",
        _("Appeal on request for information %(reference)s: %(subject)s"),
        automated=False,
    ),
    # To a person who suggested a body or a correction (foi.services.body_suggestions).
    Notice("body_suggestion_accepted", _("Your suggestion about a public body was accepted")),
    Notice("body_suggestion_declined", _("Your suggestion about a public body was declined")),
    # To the person who sent a batch request that waited for a moderator (foi.services.batches).
    Notice("batch_approved", _("Your batch request was approved and sent")),
    Notice("batch_declined", _("Your batch request was declined")),
    # To followers.
    Notice("digest", _("Updates on requests you follow"), "follower_digest"),
    # To the owner of a saved search (alerts.digest renders it: the subject names the search,
    # and its one-click link stops that search's e-mails, not a notification setting).
    Notice("saved_search_digest", _("New results for your saved search")),
]
NOTICES: dict[str, Notice] = {notice.key: notice for notice in _NOTICES}


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str
    language: str


def site_url() -> str:
    return settings.FOI_SITE_URL.rstrip("/")


def absolute(path: str) -> str:
    return f"{site_url()}{path}"


def request_url(foi_request) -> str:
    return absolute(reverse("foi:request_detail", args=[foi_request.reference]))


def language_of(user) -> str:
    known = {code for code, _name in settings.LANGUAGES}
    language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    return language if language in known else settings.LANGUAGE_CODE


def render_notice(key: str, context: dict, *, language: str) -> Rendered:
    """Subject, text and HTML of notice ``key`` in ``language``."""
    notice = NOTICES[key]
    foi_request = context.get("foi_request")
    zone = ZoneInfo(foi_request.law.time_zone if foi_request else settings.TIME_ZONE)
    with translation.override(language), timezone.override(zone):
        values = {"site_url": site_url(), "language": language, **context}
        if foi_request is not None:
            values.setdefault("request_url", request_url(foi_request))
        subject = str(notice.subject) % _subject_values(values)
        text = render_to_string(f"email/{key}.txt", values)
        html = render_to_string(f"email/{key}.html", values)
    subject = " ".join(subject.split())[:250]
    return Rendered(subject=subject, text=text.strip() + "\n", html=html, language=language)


def _subject_values(values: dict) -> dict:
    foi_request = values.get("foi_request")
    if foi_request is None:
        return {}
    body = values.get("body") or foi_request.body
    return {"reference": foi_request.reference, "subject": foi_request.subject, "body": body.name}
