"""Bodies that answer by e-mail: the requester (or a moderator) says what the body's letter
is, and publishes the files that came with it after a screen that warns about personal data.

Each view finds the request (404 if hidden), checks the form, calls ONE service
(``foi_request_classify``, ``attachment_publish``) and redirects; a refusal is shown on the
form with its status and nothing changes.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.errors import NotPermitted, NotVisible, ServiceError
from foi import permissions, selectors, services
from foi.forms.letters import ClassifyForm, PublishFileForm, law_exemptions
from foi.services import redactions
from foi.services.attachments import ALREADY_PUBLISHED, LETTER_FILE_NOT_PUBLIC
from foi.services.letters import APPEAL_OUTCOMES, LABELS, REQUEST_OUTCOMES
from foi.views.common import attach_errors, get_visible_request, with_version


def _case_url(foi_request, anchor="") -> str:
    url = reverse("foi:request_detail", args=[foi_request.reference])
    return f"{url}#{anchor}" if anchor else url


def _outcomes(foi_request, letter) -> list[tuple[str, str]]:
    """The kinds of letter offered: the request's outcomes, and the appeal decisions when the
    letter is from the body reviewing the open appeal."""
    offered = list(REQUEST_OUTCOMES)
    appeal = permissions.reviewing_appeal(foi_request)
    if appeal is not None and appeal.reviewing_body_id == letter.from_body_id:
        offered += list(APPEAL_OUTCOMES)
    return [(outcome, LABELS[outcome]) for outcome in offered]


def _refusal(letter, correcting: bool) -> str:
    """Why this letter cannot be recorded here, or ""."""
    if letter.classified_as and not correcting:
        return _(
            "This letter is already recorded as “%(outcome)s”; a moderator may correct that."
        ) % {"outcome": LABELS.get(letter.classified_as, letter.classified_as)}
    if selectors.body_answers_through_portal(letter.from_body):
        return _("%(body)s answers through Sorğu: its officers record its moves themselves.") % {
            "body": letter.from_body.name
        }
    return ""


@login_required
def classify(request, reference, message_id):
    foi_request = get_visible_request(request, reference)
    context = {"foi_request": foi_request}
    try:
        letter = selectors.letter_for_classification_get(
            foi_request=foi_request, message_id=message_id, user=request.user
        )
    except NotPermitted as error:
        context["refusal"] = error.message
        return render(request, "foi/letter_classify.html", context, status=403)
    except NotVisible as error:
        raise Http404(str(error)) from error
    context["letter"] = letter
    # A recorded letter: a moderator may correct the record (a new event, never an edit).
    correcting = bool(letter.classified_as) and permissions.is_moderator(request.user)
    context["correcting"] = correcting
    refusal = _refusal(letter, correcting)
    if refusal:
        context["refusal"] = refusal
        return render(request, "foi/letter_classify.html", context, status=409)

    form_kwargs = {
        "foi_request": foi_request,
        "outcomes": _outcomes(foi_request, letter),
        "exemptions": law_exemptions(foi_request.law),
        "transfer_targets": selectors.transfer_targets(foi_request=foi_request),
    }
    status = 200
    if request.method == "POST":
        form = ClassifyForm(request.POST, **form_kwargs)
        if form.is_valid():
            try:
                service = (
                    services.foi_request_correct_record
                    if correcting
                    else services.foi_request_classify
                )
                service(
                    foi_request=with_version(foi_request, form.cleaned_data.get("version")),
                    actor=request.user,
                    letter=letter,
                    **form.service_kwargs(),
                )
            except ServiceError as error:
                attach_errors(form, error)
                status = error.status
            else:
                outcome = form.cleaned_data["outcome"]
                messages.success(
                    request,
                    _("Thank you: the body's letter is recorded as “%(outcome)s”.")
                    % {"outcome": LABELS[outcome]},
                )
                return redirect(_case_url(foi_request, f"message-{letter.pk}"))
        else:
            status = 400
    else:
        form = ClassifyForm(
            initial={"version": foi_request.version, "text": letter.text}, **form_kwargs
        )
    context.update(
        {
            "form": form,
            "is_requester": permissions.is_requester(foi_request, request.user),
            "law": foi_request.law,
        }
    )
    return render(request, "foi/letter_classify.html", context, status=status)


@login_required
def publish_file(request, reference, attachment_id):
    foi_request = get_visible_request(request, reference)
    context = {"foi_request": foi_request}
    try:
        attachment = selectors.attachment_for_publication_get(
            foi_request=foi_request, attachment_id=attachment_id, user=request.user
        )
    except NotVisible as error:
        raise Http404(str(error)) from error
    except NotPermitted as error:
        context["refusal"] = error.message
        return render(request, "foi/file_publish.html", context, status=403)
    context["attachment"] = attachment
    if permissions.can_redact_file(
        foi_request, request.user, attachment
    ) and redactions.is_redactable(attachment):
        context["redact_url"] = reverse(
            "foi:attachment_redact", args=[foi_request.reference, attachment.pk]
        )
    if attachment.message.audience != "public":
        context["refusal"] = str(LETTER_FILE_NOT_PUBLIC)
        return render(request, "foi/file_publish.html", context, status=409)
    if attachment.approved:
        context["refusal"] = str(ALREADY_PUBLISHED)
        return render(request, "foi/file_publish.html", context, status=409)
    status = 200
    if request.method == "POST":
        form = PublishFileForm(request.POST)
        if form.is_valid():
            try:
                services.attachment_publish(attachment=attachment, actor=request.user)
            except ServiceError as error:
                attach_errors(form, error)
                status = error.status
            else:
                messages.success(
                    request,
                    _("%(name)s is published: everyone can now read it on the request's page.")
                    % {"name": attachment.original_name},
                )
                return redirect(_case_url(foi_request, f"message-{attachment.message_id}"))
        else:
            status = 400
    else:
        form = PublishFileForm()
    context["form"] = form
    return render(request, "foi/file_publish.html", context, status=status)
