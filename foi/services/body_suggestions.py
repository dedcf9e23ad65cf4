"""Suggestions of a new public body or of a corrected e-mail address, website or name, and a
moderator accepting or declining them.

Anyone signed in suggests (``body_suggestion_create``), at most ``FOI_BODY_SUGGESTION_RATE_LIMIT``
times in 24 hours, and one pending suggestion per body and field at a time. A moderator
(``permissions.can_decide_body_suggestion``) accepts (``body_suggestion_accept``: the body is
created, or the field changed with a ``BodyContactChange`` row kept as its history) or declines
with a reason (``body_suggestion_decline``). After commit ``foi.signals.body_suggestion_decided``
lets e-mail tell the suggester and, for a new request address, send again the letters that
bounced to the old one.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from core import clock
from core.dates import moment_text
from core.errors import Conflict, InvalidInput, NotPermitted, RateLimited
from foi import permissions
from foi.models import (
    BodyContactChange,
    BodyField,
    BodySuggestion,
    BodySuggestionKind,
    BodySuggestionStatus,
    Law,
    PublicBody,
)
from foi.signals import body_suggestion_decided

WINDOW = datetime.timedelta(hours=24)
NAME_MAX = 300
REASON_MAX = 2000
LANGUAGES = ("az", "en", "ru")
# The fields whose changes a body's contact history keeps.
CONTACT_FIELDS = ("request_email", "website", "name_az", "name_en", "name_ru")

# Latin letters for a new body's address (/bodies/<slug>/) from its Azerbaijani or Russian name.
_LATIN = str.maketrans(
    {
        "ə": "e", "ı": "i", "ğ": "g", "ş": "s", "ç": "c", "ö": "o", "ü": "u",
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya",
    }
)  # fmt: skip


def _language(language: str | None) -> str:
    language = (language or get_language() or "az")[:2]
    return language if language in LANGUAGES else "az"


def _clean_email(value: str, field: str) -> str:
    value = (value or "").strip()
    try:
        validate_email(value)
    except ValidationError as error:
        raise InvalidInput(
            _("Enter a valid e-mail address."), errors={field: error.messages}
        ) from error
    return value


def _clean_url(value: str, field: str) -> str:
    value = (value or "").strip()
    if len(value) > 200:
        raise InvalidInput(_("The website address is too long."), errors={field: ["too long"]})
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError as error:
        raise InvalidInput(
            _("Enter a valid website address, starting with https://."),
            errors={field: error.messages},
        ) from error
    return value


def _clean_name(value: str, field: str) -> str:
    value = " ".join((value or "").split())
    if not value:
        raise InvalidInput(_("Enter the body's name."), errors={field: ["required"]})
    if len(value) > NAME_MAX:
        raise InvalidInput(
            _("The name is too long: at most %(max)d characters.") % {"max": NAME_MAX},
            errors={field: ["too long"]},
        )
    return value


def _clean_reason(value: str) -> str:
    value = (value or "").strip()
    if len(value) > REASON_MAX:
        raise InvalidInput(
            _("The explanation is too long: at most %(max)d characters.") % {"max": REASON_MAX},
            errors={"reason": ["too long"]},
        )
    return value


def _check_daily_limit(user) -> None:
    limit = int(getattr(settings, "FOI_BODY_SUGGESTION_RATE_LIMIT", 5) or 0)
    if not limit:
        return
    # One person's suggestions queue up here, so two tabs cannot both slip under the limit.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    recent = list(
        BodySuggestion.objects.filter(
            suggested_by=user, created_at__gte=clock.now() - WINDOW
        ).values_list("created_at", flat=True)
    )
    if len(recent) >= limit:
        free_at = timezone.localtime(sorted(recent)[len(recent) - limit] + WINDOW)
        raise RateLimited(
            ngettext(
                "You have made %(count)d suggestion in the last 24 hours, the most this site "
                "accepts from one person. You can suggest again after %(when)s.",
                "You have made %(count)d suggestions in the last 24 hours, the most this site "
                "accepts from one person. You can suggest again after %(when)s.",
                len(recent),
            )
            % {"count": len(recent), "when": moment_text(free_at)}
        )


def current_value(body: PublicBody, field: str, language: str) -> str:
    """What the body has now in ``field`` (its name in ``language`` for a name)."""
    if field == BodyField.NAME:
        return getattr(body, f"name_{_language(language)}") or ""
    return getattr(body, field) or ""


def body_suggestion_create(
    *,
    user,
    body: PublicBody | None = None,
    field: str = "",
    value: str = "",
    name: str = "",
    request_email: str = "",
    website: str = "",
    parent: PublicBody | None = None,
    reason: str = "",
    language: str | None = None,
) -> BodySuggestion:
    """``user`` suggests a correction of ``body``'s ``field`` to ``value`` or, without a body, a
    new body (``name`` in ``language``, ``request_email``, optional ``website`` and ``parent``).

    NotPermitted for someone not signed in, InvalidInput for an empty, invalid or too long
    value, Conflict for a value the body already has or a suggestion already waiting for the
    same body and field (or a body of that name), RateLimited past the daily limit."""
    if not permissions.can_suggest_body(user):
        raise NotPermitted(_("Sign in to suggest a body or a correction."))
    language = _language(language)
    reason = _clean_reason(reason)
    if body is not None:
        suggestion = _correction(body=body, field=field, value=value, language=language)
    else:
        suggestion = _new_body(
            name=name, request_email=request_email, website=website, parent=parent
        )
    suggestion.language = language
    suggestion.reason = reason
    suggestion.suggested_by = user
    suggestion.created_at = clock.now()
    try:
        with transaction.atomic():
            _check_daily_limit(user)
            _refuse_duplicate(suggestion)
            suggestion.save()
    except IntegrityError as error:
        raise Conflict(_already_waiting_text()) from error
    return suggestion


def _correction(*, body, field, value, language) -> BodySuggestion:
    if field not in BodyField.values:
        raise InvalidInput(
            _("Choose what to correct: the e-mail address, the website or the name."),
            errors={"field": [str(field)]},
        )
    if field == BodyField.REQUEST_EMAIL:
        value = _clean_email(value, "value")
    elif field == BodyField.WEBSITE:
        value = _clean_url(value, "value")
    else:
        value = _clean_name(value, "value")
    if value.casefold() == current_value(body, field, language).casefold():
        raise Conflict(_("The body already has this; there is nothing to correct."))
    return BodySuggestion(kind=BodySuggestionKind.CORRECTION, body=body, field=field, value=value)


def _new_body(*, name, request_email, website, parent) -> BodySuggestion:
    name = _clean_name(name, "name")
    request_email = _clean_email(request_email, "request_email")
    website = _clean_url(website, "website") if (website or "").strip() else ""
    return BodySuggestion(
        kind=BodySuggestionKind.NEW_BODY,
        name=name,
        request_email=request_email,
        website=website,
        parent=parent,
    )


def _already_waiting_text() -> str:
    return _(
        "Someone has already suggested a change of this for the body; a moderator will decide "
        "on it first. Please try again once it is decided."
    )


def _refuse_duplicate(suggestion: BodySuggestion) -> None:
    pending = BodySuggestion.objects.filter(status=BodySuggestionStatus.PENDING)
    if suggestion.kind == BodySuggestionKind.CORRECTION:
        if pending.filter(body=suggestion.body, field=suggestion.field).exists():
            raise Conflict(_already_waiting_text())
        return
    name = suggestion.name
    taken = (
        PublicBody.objects.filter(name_az__iexact=name)
        | PublicBody.objects.filter(name_en__iexact=name)
        | PublicBody.objects.filter(name_ru__iexact=name)
    )
    if taken.exists():
        raise Conflict(_("A body of this name is already in the directory."))
    if pending.filter(kind=BodySuggestionKind.NEW_BODY, name__iexact=name).exists():
        raise Conflict(
            _("A body of this name has already been suggested; a moderator will decide on it.")
        )


def _pending_locked(suggestion: BodySuggestion, actor) -> BodySuggestion:
    if not permissions.can_decide_body_suggestion(actor):
        raise NotPermitted(_("Only moderators accept or decline suggestions of bodies."))
    locked = BodySuggestion.objects.select_for_update().filter(pk=suggestion.pk).first()
    if locked is None or not locked.is_pending:
        raise Conflict(_("This suggestion has already been decided."))
    return locked


def _decided(locked: BodySuggestion, suggestion: BodySuggestion, *, status, actor, reason):
    locked.status = status
    locked.decided_by = actor
    locked.decided_at = clock.now()
    locked.decision_reason = reason
    locked.save()
    suggestion.__dict__.update(locked.__dict__)
    transaction.on_commit(
        lambda: body_suggestion_decided.send(sender=BodySuggestion, suggestion=locked)
    )
    return suggestion


def body_suggestion_decline(*, suggestion: BodySuggestion, actor, reason: str) -> BodySuggestion:
    """A moderator declines the suggestion with a reason, which the suggester is told; the body
    stays as it was. NotPermitted for anyone else, InvalidInput without a reason, Conflict for a
    suggestion already decided."""
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(
            _("Say why the suggestion is declined: the person who made it is told."),
            errors={"reason": ["required"]},
        )
    reason = _clean_reason(reason)
    with transaction.atomic():
        locked = _pending_locked(suggestion, actor)
        return _decided(
            locked, suggestion, status=BodySuggestionStatus.DECLINED, actor=actor, reason=reason
        )


def body_suggestion_accept(
    *, suggestion: BodySuggestion, actor, reason: str = "", law: Law | None = None
) -> BodySuggestion:
    """A moderator accepts the suggestion: the new body is created (under ``law``, by default
    its superior body's, or the only law there is), or the body's field is changed and the
    change kept in its history. NotPermitted for anyone else, Conflict for a suggestion
    already decided or a value another change has since made invalid."""
    reason = _clean_reason(reason)
    with transaction.atomic():
        locked = _pending_locked(suggestion, actor)
        if locked.kind == BodySuggestionKind.NEW_BODY:
            locked.created_body = _create_body(locked, actor=actor, law=law)
        else:
            _apply_correction(locked, actor=actor)
        return _decided(
            locked, suggestion, status=BodySuggestionStatus.ACCEPTED, actor=actor, reason=reason
        )


def _unique_slug(name: str) -> str:
    base = slugify(name.lower().translate(_LATIN))[:100].strip("-") or "body"
    slug, number = base, 1
    while PublicBody.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _create_body(suggestion: BodySuggestion, *, actor, law: Law | None) -> PublicBody:
    if law is None:
        law = suggestion.parent.law if suggestion.parent_id else None
    if law is None:
        laws = list(Law.objects.all()[:2])
        if len(laws) != 1:
            raise InvalidInput(
                _("Choose the law under which requests are made to the new body."),
                errors={"law": ["required"]},
            )
        law = laws[0]
    language = _language(suggestion.language)
    body = PublicBody(
        slug=_unique_slug(suggestion.name),
        law=law,
        parent=suggestion.parent,
        request_email=suggestion.request_email,
        website=suggestion.website,
        **{f"name_{language}": suggestion.name},
    )
    if not body.name_az:
        # The directory is ordered and searched by the Azerbaijani name, which is required;
        # until an editor adds it, the suggested name stands in.
        body.name_az = suggestion.name
    body.save()
    for field in ("request_email", "website", f"name_{language}"):
        if getattr(body, field):
            BodyContactChange.objects.create(
                body=body,
                field=field,
                old="",
                new=getattr(body, field),
                changed_by=actor,
                changed_at=clock.now(),
                suggestion=suggestion,
            )
    return body


def _apply_correction(suggestion: BodySuggestion, *, actor) -> None:
    body = PublicBody.objects.select_for_update().get(pk=suggestion.body_id)
    field = suggestion.field
    if field == BodyField.NAME:
        field = f"name_{_language(suggestion.language)}"
    old = getattr(body, field) or ""
    setattr(body, field, suggestion.value)
    update_fields = [field, "updated_at"]
    if field == BodyField.REQUEST_EMAIL:
        # A new address is a repaired one: mail goes to it again (mail.notify.body_is_emailed).
        body.request_email_needs_repair = False
        body.request_email_problem = ""
        body.request_email_problem_at = None
        update_fields += [
            "request_email_needs_repair",
            "request_email_problem",
            "request_email_problem_at",
        ]
    body.save(update_fields=update_fields)
    BodyContactChange.objects.create(
        body=body,
        field=field,
        old=old,
        new=suggestion.value,
        changed_by=actor,
        changed_at=clock.now(),
        suggestion=suggestion,
    )


def body_contact_changes_record(*, body: PublicBody, before: dict, actor) -> list:
    """Keep in the body's contact history each of ``CONTACT_FIELDS`` that an administrator
    changed from ``before`` (what the admin's form showed) to what the body has now."""
    changes = []
    for field in CONTACT_FIELDS:
        if field not in before:
            continue
        old, new = before[field] or "", getattr(body, field) or ""
        if old != new:
            changes.append(
                BodyContactChange.objects.create(
                    body=body,
                    field=field,
                    old=old,
                    new=new,
                    changed_by=actor,
                    changed_at=clock.now(),
                )
            )
    return changes
