"""What a requester does from the case page: clarify, withdraw, appeal; confirm that an e-mail
from an address not known for the body is its reply; and following.

Each view finds the request (404 if hidden), checks the form, calls ONE service and redirects;
a refusal is shown next to the form with what the person typed, and nothing changes.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.dates import day_text
from core.errors import NotVisible, ServiceError
from foi import conditions, permissions, selectors, services, transitions
from foi.deadlines.explanations import _amount
from foi.forms.case import AppealForm, ClarifyForm, ReminderForm, WithdrawForm
from foi.models import AppealReviewer, State
from foi.views.common import attach_errors, get_visible_request, with_version
from foi.views.requests import render_case


def not_yours(verb: str) -> str:
    """What someone other than the requester is told, as the transition declares it."""
    return str(transitions.custom(verb)["not_yours"])


def _case_url(foi_request) -> str:
    return reverse("foi:request_detail", args=[foi_request.reference])


def _refuse_stranger(request, foi_request, verb, form):
    """Someone else's request: a clear 403, before the state is even considered."""
    if permissions.is_requester(foi_request, request.user):
        return None
    form.add_error(None, not_yours(verb))
    return render_case(request, foi_request, forms={verb: form}, status=403)


def _run(request, foi_request, verb, form, call, success):
    refused = _refuse_stranger(request, foi_request, verb, form)
    if refused is not None:
        return refused
    if not form.is_valid():
        return render_case(request, foi_request, forms={verb: form}, status=400)
    try:
        call(with_version(foi_request, form.cleaned_data.get("version")))
    except NotVisible:
        return render_case(request, foi_request, forms={verb: form}, status=404)
    except ServiceError as error:
        attach_errors(form, error)
        return render_case(request, foi_request, forms={verb: form}, status=error.status)
    messages.success(request, success)
    return redirect(_case_url(foi_request))


@login_required
@require_POST
def clarify(request, reference):
    foi_request = get_visible_request(request, reference)
    form = ClarifyForm(request.POST)
    return _run(
        request,
        foi_request,
        "clarify",
        form,
        lambda current: services.foi_request_clarify(
            foi_request=current, actor=request.user, text=form.cleaned_data["text"]
        ),
        _("Your clarification was sent to the body; its clock runs again."),
    )


@login_required
@require_POST
def withdraw(request, reference):
    foi_request = get_visible_request(request, reference)
    form = WithdrawForm(request.POST)
    return _run(
        request,
        foi_request,
        "withdraw",
        form,
        lambda current: services.foi_request_withdraw(
            foi_request=current, actor=request.user, text=form.cleaned_data["text"]
        ),
        _("The request was withdrawn."),
    )


def appeal_draft(foi_request) -> str:
    """A first draft of the appeal: what was decided (or not), citing the grounds given."""
    law = foi_request.law
    lines = [
        _(
            "I appeal against the handling of my request %(reference)s, “%(subject)s”, sent to "
            "%(body)s under %(law)s."
        )
        % {
            "reference": foi_request.reference,
            "subject": foi_request.subject,
            "body": foi_request.body.name,
            "law": law.name or law,
        },
        "",
    ]
    grounds = selectors.invoked_exemptions_of_last_decision(foi_request=foi_request)
    if foi_request.state in (State.SUBMITTED, State.IN_PROGRESS) and foi_request.due_at:
        lines.append(
            _(
                "The body did not answer by the legal deadline, %(due)s. Under the law, silence "
                "past the deadline counts as a refusal."
            )
            % {"due": day_text(foi_request.due_at)}
        )
    elif foi_request.state == State.REJECTED:
        lines.append(
            _(
                "The body rejected the request as not valid: “%(reason)s”. The request names the "
                "information sought and meets the law's requirements."
            )
            % {"reason": foi_request.rejection_reason}
        )
    elif grounds:
        lines.append(_("The body withheld information on these grounds:"))
        for invoked in grounds:
            note = f": {invoked.note}" if invoked.note else ""
            lines.append(f"- {invoked.exemption.article} ({invoked.exemption.title}){note}")
        worded = [invoked.exemption for invoked in grounds if invoked.exemption.appeal_text]
        if worded:
            # The law's suggested wording for each ground cited (Exemption.appeal_text).
            lines += ["", _("I do not accept that these grounds apply:")]
            for exemption in worded:
                lines.append(f"- {exemption.article}: {exemption.appeal_text}")
        if len(worded) < len(grounds):
            lines.append(
                _(
                    "I do not accept that these grounds apply: [say why, e.g. the information is "
                    "already public, its disclosure harms no protected interest, or the public "
                    "interest outweighs it]."
                )
                if not worded
                else _(
                    "Nor do the other grounds apply: [say why, e.g. the information is already "
                    "public, its disclosure harms no protected interest, or the public interest "
                    "outweighs it]."
                )
            )
    elif foi_request.outcome == "not_held":
        lines.append(
            _(
                "The body said it does not hold the information. I believe it does, or should "
                "have forwarded the request to the body that does: [say why]."
            )
        )
    else:
        lines.append(_("The answer is incomplete: [say what is missing]."))
    lines += ["", _("I ask the reviewer to order the body to give me the information requested.")]
    return "\n".join(lines)


@login_required
def appeal(request, reference):
    foi_request = get_visible_request(request, reference)
    if not permissions.is_requester(foi_request, request.user):
        return render(
            request,
            "foi/appeal_form.html",
            {"foi_request": foi_request, "refusal": not_yours("appeal")},
            status=403,
        )
    options = selectors.appeal_options(foi_request=foi_request)
    levels = [option["level"] for option in options]
    if request.method == "POST":
        form = AppealForm(request.POST, levels=levels)
        if form.is_valid():
            try:
                services.foi_request_appeal(
                    foi_request=with_version(foi_request, form.cleaned_data.get("version")),
                    actor=request.user,
                    level=form.cleaned_data["level"],
                    grounds=form.cleaned_data["grounds"],
                )
            except ServiceError as error:
                attach_errors(form, error)
                status = error.status
            else:
                messages.success(request, _("Your appeal was lodged."))
                return redirect(_case_url(foi_request))
        else:
            status = 400
    else:
        form = AppealForm(
            levels=levels,
            initial={
                "version": foi_request.version,
                "level": levels[0].code if levels else None,
                "grounds": appeal_draft(foi_request) if levels else "",
            },
        )
        status = 200
    return render(
        request,
        "foi/appeal_form.html",
        {
            "foi_request": foi_request,
            "form": form,
            "options": [_describe(foi_request, option) for option in options],
            "grounds_cited": selectors.invoked_exemptions_of_last_decision(foi_request=foi_request),
            "unmet": conditions.UNMET[conditions.is_appealable],
        },
        status=status,
    )


def _describe(foi_request, option) -> dict:
    level = option["level"]
    decide_within = ""
    if level.decide_within_value and level.decide_within_unit:
        decide_within = _amount(level.decide_within_value, level.decide_within_unit)
    return {
        **option,
        "reviewer": _reviewer_name(foi_request, level),
        "decide_within": decide_within,
    }


def _reviewer_name(foi_request, level) -> str:
    from foi import appeal_route

    body = appeal_route.reviewing_body_for(foi_request, level)
    if body is not None:
        return body.name
    if level.reviewer == AppealReviewer.COURT:
        return _("a court (outside this site: we record its judgment)")
    return str(level.get_reviewer_display())


@login_required
def remind(request, reference):
    """The reminder letter to a body that answers by e-mail and let its deadline pass: the
    requester reads the drafted letter, edits it and sends it (``foi_request_remind``)."""
    from foi.services.reminders import reminder_letter_draft, reminder_refusal

    foi_request = get_visible_request(request, reference)
    context = {"foi_request": foi_request}
    if not permissions.is_requester(foi_request, request.user):
        context["refusal"] = _("Only the requester may send a reminder to the body.")
        return render(request, "foi/reminder_form.html", context, status=403)
    now = selectors.clock_now()
    refusal = reminder_refusal(foi_request, now)
    if refusal:
        context["refusal"] = refusal
        return render(request, "foi/reminder_form.html", context, status=409)
    if request.method == "POST":
        form = ReminderForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                services.foi_request_remind(
                    foi_request=foi_request, actor=request.user, text=form.cleaned_data["text"]
                )
            except ServiceError as error:
                attach_errors(form, error)
                status = error.status
            else:
                messages.success(request, _("Your reminder was sent to the body."))
                return redirect(_case_url(foi_request))
    else:
        form = ReminderForm(initial={"text": reminder_letter_draft(foi_request, now)})
        status = 200
    context.update(form=form, to_email=foi_request.body.request_email)
    return render(request, "foi/reminder_form.html", context, status=status)


@login_required
@require_POST
def confirm_sender(request, reference, message_id):
    """ "This is the body's reply": an e-mail marked as sent from an address not known for the
    body is confirmed as the body's. An addition to the case, not a change of its state, so no
    version is carried: a page read earlier is not stale for it."""
    foi_request = get_visible_request(request, reference)
    try:
        message = selectors.message_get(
            foi_request=foi_request, message_id=message_id, user=request.user
        )
        services.foi_request_confirm_sender(
            foi_request=foi_request, message=message, actor=request.user
        )
    except NotVisible as error:
        raise Http404(str(error)) from error
    except ServiceError as error:
        return render_case(request, foi_request, form_error=error.message, status=error.status)
    messages.success(request, _("Thank you: the e-mail is now marked as the body's reply."))
    return redirect(f"{_case_url(foi_request)}#message-{message.pk}")


@login_required
@require_POST
def follow_request(request, reference):
    foi_request = get_visible_request(request, reference)
    try:
        if request.POST.get("follow") == "0":
            services.follow_delete(user=request.user, foi_request=foi_request)
            messages.success(request, _("You no longer follow this request."))
        else:
            services.follow_create(user=request.user, foi_request=foi_request)
            messages.success(request, _("You follow this request: we will e-mail you its news."))
    except NotVisible as error:
        raise Http404(str(error)) from error
    except ServiceError as error:
        messages.error(request, error.message)
        return render_case(request, foi_request, status=error.status)
    return redirect(_case_url(foi_request))
