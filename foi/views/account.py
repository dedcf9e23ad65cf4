"""A person's profile and closing their account (allauth handles e-mail and password)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.errors import ServiceError
from foi import selectors, services
from foi.forms.accounts import CloseAccountForm, ProfileForm
from foi.models import State
from foi.views.calendars import feed_links
from foi.views.common import attach_errors


@login_required
def profile(request):
    user = request.user
    status = 200
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                updated = services.user_update_profile(user=user, **form.cleaned_data)
            except ServiceError as error:
                attach_errors(form, error)
                status = error.status
            else:
                messages.success(request, _("Your profile is saved."))
                response = redirect(reverse("foi:profile"))
                # The site follows the language chosen here from the next page on.
                response.set_cookie(
                    settings.LANGUAGE_COOKIE_NAME,
                    updated.preferred_language,
                    max_age=settings.LANGUAGE_COOKIE_AGE,
                    samesite="Lax",
                )
                return response
        else:
            status = 400
    else:
        form = ProfileForm(initial={name: getattr(user, name) for name in ProfileForm.base_fields})
    context = {
        "form": form,
        "calendar_feed": feed_links(request, user),
        "calendar_sentence": _(
            "Your private calendar lists the due dates of your open requests, and for an "
            "officer those of the requests you may handle in your body's queue."
        ),
    }
    return render(request, "foi/account/profile.html", context, status=status)


@login_required
def close_account(request):
    user = request.user
    status = 200
    if request.method == "POST":
        form = CloseAccountForm(request.POST, user=user)
        if form.is_valid():
            try:
                services.user_delete_account(user=user)
            except ServiceError as error:
                attach_errors(form, error)
                status = error.status
            else:
                logout(request)
                messages.success(
                    request,
                    _("Your account is closed. Your requests stay on the public record."),
                )
                return redirect("/")
        else:
            status = 400
    else:
        form = CloseAccountForm(user=user)
    mine = selectors.foi_request_list_of_requester(user=user)
    return render(
        request,
        "foi/account/close.html",
        {
            "form": form,
            "sent": mine.exclude(state=State.DRAFT).count(),
            "drafts": mine.filter(state=State.DRAFT).count(),
        },
        status=status,
    )
