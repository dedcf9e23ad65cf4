"""Filing a request: a short wizard over a draft that is saved at every step.

body → letter (subject and text) → details (access, urgency, visibility, public name) →
preview (the letter as the body receives it, the due date if sent now, similar answered
requests) → submit. Without JavaScript each step's button saves the draft; with it, the draft is
also saved as the person types (``autosave``). Only the requester ever sees a draft (404 to
anyone else).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core import clock
from core.dates import moment_text, time_text
from core.errors import NotVisible, ServiceError
from core.inputs import clean_text, is_visibly_empty
from foi import deadlines, selectors, services
from foi.deadlines.explanations import _amount, _article
from foi.forms.filing import (
    JUSTIFICATION_MAX,
    PSEUDONYM_MAX,
    SUBJECT_MAX,
    TEXT_MAX,
    BodyForm,
    DetailsForm,
    LetterForm,
    initial_private_until,
)
from foi.models import State, Urgency, Visibility
from foi.services.submission import foi_request_discard
from foi.views.common import attach_errors

STEPS = [
    ("body", gettext_lazy("Body")),
    ("letter", gettext_lazy("Your request")),
    ("details", gettext_lazy("Details")),
    ("preview", gettext_lazy("Check and send")),
]
STEP_NAMES = [name for name, _label in STEPS]
BODY_CHOICES_SHOWN = 40
# What the autosave endpoint accepts: the free-text fields, with their limits.
AUTOSAVE_FIELDS = {
    "subject": SUBJECT_MAX,
    "text": TEXT_MAX,
    "urgency_justification": JUSTIFICATION_MAX,
    "pseudonym": PSEUDONYM_MAX,
}
# The wizard's own fields for them: autosave checks what the steps check.
AUTOSAVE_FORM_FIELDS = {
    name: {**LetterForm.base_fields, **DetailsForm.base_fields}[name] for name in AUTOSAVE_FIELDS
}


def step_url(draft, step: str) -> str:
    return reverse(f"foi:filing_{step}", args=[draft.pk])


def _draft_or_redirect(request, pk):
    """(draft, None), or (None, a redirect) when it is no longer a draft."""
    try:
        draft = selectors.foi_request_draft_get(pk=pk, user=request.user)
    except NotVisible as error:
        raise Http404(str(error)) from error
    if draft.state == State.DRAFT:
        return draft, None
    if draft.reference:
        messages.info(request, _("This request was already sent; here is where it stands."))
        return None, redirect(reverse("foi:request_detail", args=[draft.reference]))
    messages.info(request, _("This draft was discarded."))
    return None, redirect(reverse("foi:dashboard"))


def _context(draft, step, **extra):
    index = STEP_NAMES.index(step)
    return {
        "draft": draft,
        "steps": STEPS,
        "step": step,
        "step_number": index + 1,
        "step_count": len(STEPS),
        **extra,
    }


def _after_save(request, draft, step):
    go = request.POST.get("go", "next")
    index = STEP_NAMES.index(step)
    if go == "back" and index > 0:
        return redirect(step_url(draft, STEP_NAMES[index - 1]))
    if go == "stay":
        messages.success(request, _("Your draft is saved."))
        return redirect(step_url(draft, step))
    return redirect(step_url(draft, STEP_NAMES[min(index + 1, len(STEPS) - 1)]))


# -- step 1: the body ----------------------------------------------------------------------


def _body_step(request, form, *, draft=None, status=200):
    query = (request.GET.get("q") or request.POST.get("q") or "").strip()[:200]
    found = selectors.public_body_search(query=query)
    chosen_slug = form["body"].value() or (draft.body.slug if draft else "")
    chosen = next((body for body in found if body.slug == chosen_slug), None)
    shown = found[:BODY_CHOICES_SHOWN]
    if chosen_slug and chosen is None:
        try:
            chosen = selectors.public_body_get(slug=chosen_slug)
        except NotVisible:
            chosen = None
    if chosen is not None and chosen not in shown:
        shown = [chosen, *shown]
    context = _context(
        draft,
        "body",
        form=form,
        query=query,
        bodies=shown,
        chosen_slug=chosen_slug,
        more=max(0, len(found) - BODY_CHOICES_SHOWN),
    )
    return render(request, "foi/filing/body.html", context, status=status)


def _defaults_from_last(user) -> dict:
    """A new request starts from the person's last choices of access and public name."""
    last = selectors.foi_request_last_of_requester(user=user)
    if last is None:
        return {}
    return {
        "access_form": last.access_form,
        "public_name_choice": last.public_name_choice,
        "pseudonym": last.pseudonym,
    }


@login_required
def start(request):
    if request.method == "POST":
        form = BodyForm(request.POST)
        if form.is_valid():
            try:
                draft = services.foi_request_create_draft(
                    requester=request.user,
                    body=form.cleaned_data["body"],
                    **_defaults_from_last(request.user),
                )
            except ServiceError as error:
                attach_errors(form, error)
                return _body_step(request, form, status=error.status)
            return redirect(step_url(draft, "letter"))
        return _body_step(request, form, status=400)
    return _body_step(request, BodyForm(initial={"body": request.GET.get("body", "")}))


@login_required
def body_step(request, pk):
    draft, elsewhere = _draft_or_redirect(request, pk)
    if elsewhere:
        return elsewhere
    if request.method == "POST":
        form = BodyForm(request.POST)
        if form.is_valid():
            try:
                draft = services.foi_request_update_draft(
                    foi_request=draft, actor=request.user, body=form.cleaned_data["body"]
                )
            except ServiceError as error:
                attach_errors(form, error)
                return _body_step(request, form, draft=draft, status=error.status)
            return _after_save(request, draft, "body")
        return _body_step(request, form, draft=draft, status=400)
    return _body_step(request, BodyForm(initial={"body": draft.body.slug}), draft=draft)


# -- steps 2 and 3: the letter and the details ----------------------------------------------


def _form_step(request, pk, step, form_class, template, **form_kwargs):
    draft, elsewhere = _draft_or_redirect(request, pk)
    if elsewhere:
        return elsewhere
    status = 200
    if request.method == "POST":
        form = form_class(request.POST, **form_kwargs)
        if form.is_valid():
            try:
                draft = services.foi_request_update_draft(
                    foi_request=draft, actor=request.user, **form.cleaned_data
                )
            except ServiceError as error:
                attach_errors(form, error)
                status = error.status
            else:
                return _after_save(request, draft, step)
        elif request.POST.get("go") == "back":
            # Going back with a half-filled step loses nothing: autosave kept the text.
            return redirect(step_url(draft, STEP_NAMES[STEP_NAMES.index(step) - 1]))
        else:
            status = 400
    else:
        initial = {name: getattr(draft, name) for name in form_class.base_fields}
        if "private_until" in initial and not initial["private_until"]:
            initial["private_until"] = initial_private_until()
        form = form_class(initial=initial, **form_kwargs)
    extra = {}
    if step == "details":
        extra["similar"] = selectors.similar_answered_requests(
            text=f"{draft.subject}\n{draft.text}", body=draft.body
        )
        extra["similar_disclosures"] = selectors.similar_disclosures(
            text=f"{draft.subject}\n{draft.text}", body=draft.body
        )
    return render(request, template, _context(draft, step, form=form, **extra), status=status)


@login_required
def letter_step(request, pk):
    return _form_step(request, pk, "letter", LetterForm, "foi/filing/letter.html")


@login_required
def details_step(request, pk):
    return _form_step(
        request, pk, "details", DetailsForm, "foi/filing/details.html", user=request.user
    )


# -- step 4: preview and submit ---------------------------------------------------------------


def _answer_period(law, urgency: str) -> str:
    if urgency != Urgency.NORMAL:
        value = getattr(law, f"urgent_{urgency}_value")
        unit = getattr(law, f"urgent_{urgency}_unit")
        if value and unit:
            article = getattr(law, f"urgent_{urgency}_article")
            return _amount(value, unit) + (f" ({_article(article)})" if article else "")
    article = f" ({_article(law.response_article)})" if law.response_article else ""
    return _amount(law.response_value, law.response_unit) + article


def letter_text(draft) -> str:
    """The letter as the body will receive it."""
    return render_to_string(
        "foi/letter.txt",
        {
            "foi_request": draft,
            "requester": draft.requester,
            "law": draft.law,
            "period": _answer_period(draft.law, draft.urgency),
            "today": timezone.localdate(clock.now()),
        },
    ).strip()


def _problems(draft) -> list[tuple[str, str]]:
    """What would stop the submission, each with the step that fixes it."""
    problems = []
    if not draft.subject.strip() or not draft.text.strip():
        problems.append(("letter", _("The request needs a subject and a text.")))
    if draft.urgency != Urgency.NORMAL and not draft.urgency_justification.strip():
        problems.append(("details", _("An urgent request needs its reason.")))
    if draft.visibility == Visibility.PRIVATE and not draft.private_until:
        problems.append(("details", _("A private request needs the date it becomes public.")))
    if draft.public_name_choice == "name" and not draft.requester.get_full_name().strip():
        problems.append(("details", _("Your profile has no name: add it or choose a pseudonym.")))
    if draft.public_name_choice == "pseudonym" and not draft.pseudonym.strip():
        problems.append(("details", _("Write the pseudonym to show in public.")))
    if not draft.body.is_active:
        problems.append(("body", _("This body no longer takes requests; choose another.")))
    return problems


def _public_name(draft) -> str:
    if draft.public_name_choice == "pseudonym":
        return draft.pseudonym
    if draft.public_name_choice == "withheld":
        return _("Name withheld")
    return draft.requester.get_full_name()


@login_required
def preview(request, pk):
    draft, elsewhere = _draft_or_redirect(request, pk)
    if elsewhere:
        return elsewhere
    error = None
    status = 200
    if request.method == "POST":
        try:
            sent = services.foi_request_file(foi_request=draft, actor=request.user)
        except ServiceError as refusal:
            error, status = refusal.message, refusal.status
        else:
            messages.success(
                request,
                _(
                    "Your request was sent to %(body)s. Its reference is %(reference)s and the "
                    "answer is due by %(due)s. A receipt is on its way to your e-mail."
                )
                % {
                    "body": sent.body.name,
                    "reference": sent.reference,
                    "due": moment_text(sent.due_at),
                },
            )
            return redirect(reverse("foi:request_detail", args=[sent.reference]))
    try:
        estimate = deadlines.compute_due(draft.law, received_at=clock.now(), urgency=draft.urgency)
        due_explanation = deadlines.explain(draft.law, estimate.steps)
        due_at = estimate.due_at
    except deadlines.DeadlineError:
        due_at, due_explanation = None, ""
    context = _context(
        draft,
        "preview",
        letter=letter_text(draft),
        problems=_problems(draft),
        public_name=_public_name(draft),
        due_at=due_at,
        due_explanation=due_explanation,
        similar=selectors.similar_answered_requests(
            text=f"{draft.subject}\n{draft.text}", body=draft.body
        ),
        similar_disclosures=selectors.similar_disclosures(
            text=f"{draft.subject}\n{draft.text}", body=draft.body
        ),
        error=error,
    )
    return render(request, "foi/filing/preview.html", context, status=status)


@login_required
@require_POST
def discard(request, pk):
    draft, elsewhere = _draft_or_redirect(request, pk)
    if elsewhere:
        return elsewhere
    try:
        subject = foi_request_discard(foi_request=draft, actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(step_url(draft, "preview"))
    if subject:
        messages.success(
            request, _("The draft “%(subject)s” was discarded and deleted.") % {"subject": subject}
        )
    else:
        messages.success(request, _("The draft was discarded and deleted."))
    return redirect(reverse("foi:dashboard"))


def _autosave_value(name: str, value: str) -> str:
    """What the wizard's form would keep of ``value``: no control characters, one line for a
    one-line field, nothing for a value that shows nothing (foi.forms.cleaning)."""
    multiline = isinstance(AUTOSAVE_FORM_FIELDS[name].widget, forms.Textarea)
    value = clean_text(value, multiline=multiline)
    return "" if is_visibly_empty(value) else value


@login_required
@require_POST
def autosave(request, pk):
    """Save the free-text fields as the person types (JavaScript only; answers JSON)."""
    try:
        draft = selectors.foi_request_draft_get(pk=pk, user=request.user)
    except NotVisible as error:
        raise Http404(str(error)) from error
    changes = {}
    for name, limit in AUTOSAVE_FIELDS.items():
        if name in request.POST:
            value = _autosave_value(name, request.POST[name])
            if len(value) > limit:
                return JsonResponse(
                    {"error": _("Too long: at most %(limit)d characters.") % {"limit": limit}},
                    status=400,
                )
            if value:
                try:
                    value = AUTOSAVE_FORM_FIELDS[name].clean(value)
                except ValidationError as error:
                    return JsonResponse({"error": " ".join(error.messages)}, status=400)
            changes[name] = value
    if not changes:
        return JsonResponse({"error": _("Nothing to save.")}, status=400)
    try:
        services.foi_request_update_draft(foi_request=draft, actor=request.user, **changes)
    except ServiceError as error:
        return JsonResponse({"error": error.message}, status=error.status)
    saved_at = time_text(clock.now())
    return JsonResponse({"saved": _("Draft saved at %(time)s") % {"time": saved_at}})
