"""A person's e-mail notifications: the settings page, and the unsubscribe link of every
optional notice (which works without signing in, and in one click per RFC 8058)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms.models import model_to_dict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.errors import InvalidInput, ServiceError
from foi import permissions
from mail.forms import NotificationPreferencesForm
from mail.models import NotificationPreferences
from mail.preferences import (
    FIELDS,
    notification_preferences_update,
    notification_unsubscribe,
    preferences_of,
    read_unsubscribe_token,
)


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
