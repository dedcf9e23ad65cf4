"""Intake on behalf: an officer registers an oral, phone, postal or walk-in request."""

from __future__ import annotations

from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from core.errors import NotVisible, ServiceError
from foi import selectors, services
from workspace import forms, guidance
from workspace import selectors as workspace
from workspace.views.base import WorkspaceView
from workspace.views.case import case_url


class RegisterView(WorkspaceView):
    template_name = "workspace/register.html"
    page_title = gettext_lazy("Register a request")

    def get(self, request):
        now = timezone.localtime(selectors.clock_now()).replace(second=0, microsecond=0)
        initial = {
            "received_at": now,
            "body": workspace.workspace_bodies(user=request.user).first(),
            "channel": "post",
            "preferred_language": "az",
        }
        return self.render({"form": forms.RegisterForm(user=request.user, initial=initial)})

    def post(self, request):
        form = forms.RegisterForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render({"form": form}, status=400)
        try:
            foi_request = services.foi_request_register_for(
                officer=request.user, **form.service_kwargs()
            )
        except NotVisible as error:
            form.add_error(None, str(error))
            return self.render({"form": form}, status=404)
        except ServiceError as error:
            form.add_error(None, error.message)
            return self.render({"form": form}, status=error.status)
        done = _("Registered as %(reference)s; due %(due)s.") % {
            "reference": foi_request.reference,
            "due": guidance.moment_words(foi_request.law, foi_request.due_at),
        }
        email = form.cleaned_data.get("requester_email")
        if email:
            # The same words whether or not the address has an account.
            done += " " + _(
                "A link was sent to %(email)s by which they may join the request to an account "
                "of theirs; until they do, it stays with the details you typed."
            ) % {"email": email}
        messages.success(request, done)
        return redirect(case_url(foi_request))
