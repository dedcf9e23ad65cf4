"""Joining a request an officer registered to one's own account, by the link sent to the
address the requester gave: the person sees what joining means and confirms it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.errors import ServiceError
from foi.services.intake import foi_request_requester_join, requester_invitation_check


@login_required
def request_join(request, token):
    try:
        if request.method == "POST":
            joined = foi_request_requester_join(token=token, user=request.user)
            messages.success(
                request,
                _("The request %(reference)s is now in your account.")
                % {"reference": joined.reference},
            )
            return redirect(reverse("foi:request_detail", args=[joined.reference]))
        foi_request = requester_invitation_check(token=token, user=request.user)
    except ServiceError as error:
        return render(
            request, "foi/request_join.html", {"error": error.message}, status=error.status
        )
    return render(request, "foi/request_join.html", {"foi_request": foi_request})
