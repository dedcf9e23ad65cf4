"""A person's e-mail notifications: the settings page, and the unsubscribe link of every
optional notice (which works without signing in, and in one click per RFC 8058); and the page
of a body's reply link (mail/replylinks.py), where its officer records its move without an
account."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.forms.models import model_to_dict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.errors import InvalidInput, ServiceError
from foi import permissions, selectors
from foi.actors import VIA_REPLY_LINK, OnBehalf
from foi.auth.client_ip import client_network
from foi.services.letters import TRANSITION, record_move
from mail.forms import NotificationPreferencesForm, ReplyLinkForm
from mail.models import NotificationPreferences
from mail.preferences import (
    FIELDS,
    notification_preferences_update,
    notification_unsubscribe,
    preferences_of,
    read_unsubscribe_token,
)
from mail.replylinks import rate_limit_check, reply_link_check, reply_link_used


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    current = preferences_of(request.user)
    is_officer = bool(permissions.body_roles(request.user))
    if request.method == "POST":
        form = NotificationPreferencesForm(request.POST, is_officer=is_officer)
        if form.is_valid():
            try:
                notification_preferences_update(
                    user=request.user, actor=request.user, **form.cleaned_data
                )
            except ServiceError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your notification settings were saved."))
                return redirect("foi_mail:preferences")
        status = 400
    else:
        form = NotificationPreferencesForm(
            initial=model_to_dict(current, fields=FIELDS), is_officer=is_officer
        )
        status = 200
    context = {"form": form, "is_officer": is_officer}
    return render(request, "mail/preferences.html", context, status=status)


@csrf_exempt  # mail clients post here without a form (RFC 8058); the signed link is the key
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        _user_id, field = read_unsubscribe_token(token)
    except InvalidInput as error:
        return render(request, "mail/unsubscribe.html", {"error": error.message}, status=400)
    label = NotificationPreferences._meta.get_field(field).verbose_name
    if request.method == "POST":
        try:
            notification_unsubscribe(token=token)
        except InvalidInput as error:
            return render(request, "mail/unsubscribe.html", {"error": error.message}, status=400)
        return render(request, "mail/unsubscribe.html", {"done": True, "label": label})
    return render(request, "mail/unsubscribe.html", {"label": label, "token": token})


# -- the reply link (mail/replylinks.py) --------------------------------------------------------


def _reply_refused(request, error: ServiceError):
    response = render(
        request, "mail/reply_link_refused.html", {"error": error.message}, status=error.status
    )
    return _private(response)


def _private(response):
    # The token is in the URL: not cached, never sent to another site as a referrer. Not
    # "no-referrer": a browser then posts the form with "Origin: null", which Django's CSRF
    # check refuses (tests/browser/test_email_body_journey.py found it).
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"
    return response


def _reply_context(link, form, **extra) -> dict:
    foi_request = link.foi_request
    # What anyone reading the request's file sees (the requester's identity masked): the
    # letter carried the request; nothing of the requester's contact details is shown here.
    timeline = [
        message
        for message in selectors.message_list(foi_request=foi_request, user=AnonymousUser())
        if message.kind != "letter"
    ]
    return {
        "link": link,
        "foi_request": foi_request,
        "appeal": link.appeal,
        "timeline": timeline,
        "form": form,
        **extra,
    }


@require_http_methods(["GET", "POST"])
def reply_link(request, reference, token):
    """The page of one request (or one appeal) for the body's officer who holds the link: what
    the body was sent, and the form to record its move without an account."""
    try:
        link = reply_link_check(reference=reference, token=token)
    except ServiceError as error:
        return _reply_refused(request, error)
    status = 200
    if request.method == "POST":
        try:
            rate_limit_check(link=link, client=client_network(request))
        except ServiceError as error:
            return _reply_refused(request, error)
        form = ReplyLinkForm(request.POST, request.FILES, link=link)
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            outcome = data["outcome"]
            foi_request = link.foi_request
            foi_request.seen_version = data["version"]
            uploads = data.get("files") or []
            try:
                if uploads and TRANSITION.get(outcome) not in ("answer", "refuse"):
                    raise InvalidInput(_("Files go with an answer or a refusal."))
                record_move(
                    foi_request,
                    OnBehalf(body_id=link.body_id, via=VIA_REPLY_LINK, link=link),
                    outcome,
                    exemptions=form.exemptions() if outcome in ("partial", "refused") else None,
                    reason=data.get("reason") or "",
                    body=data.get("transfer_to"),
                    text=data.get("text") or "",
                    files=uploads,
                )
            except ServiceError as error:
                form.add_error(None, error.message)
                status = error.status
            else:
                reply_link_used(link)
                link = reply_link_check(reference=reference, token=token)
                context = _reply_context(link, None, done=outcome)
                return _private(render(request, "mail/reply_link.html", context))
    else:
        form = ReplyLinkForm(link=link)
    context = _reply_context(link, form)
    return _private(render(request, "mail/reply_link.html", context, status=status))
