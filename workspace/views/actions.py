"""One page per action on a request. Each parses its form, calls exactly one service and shows
the service's sentence next to the form when it refuses, keeping what was typed.

A stale page is caught by the request's version: the form carries the version the person was
looking at, and the service refuses (Conflict) if someone changed the request meanwhile. The
form then comes back with their text, the request as it is now, and the new version, so they
can read what changed and send again if it still makes sense.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages

from core.errors import (
    Conflict,
    InvalidInput,
    NotPermitted,
    NotVisible,
    ServiceError,
    TransitionNotAllowed,
)
from foi import permissions, selectors, services, transitions
from foi.models import Attachment, Exemption, FOIRequest, LetterAction, State
from workspace import forms, guidance
from workspace import selectors as workspace
from workspace.views.base import WorkspaceView, case_or_404
from workspace.views.case import case_url

# The form field a template fills, where it is not ``text``.
LETTER_FIELDS = {"reject": "reason"}


class ActionView(WorkspaceView):
    members_only = False  # the case lookup answers 404 to anyone the case is not for
    template_name = "workspace/action.html"
    action = ""
    form_class = forms.ActionForm
    grounds = False  # whether the form has rows of exemption grounds
    grounds_name_files = False
    submit_label = ""

    def get_page_title(self):
        return str(transitions.label(self.action))

    def get_breadcrumbs_items(self):
        self.crumbs = [(case_url(self.foi_request), self.foi_request.reference)]
        return super().get_breadcrumbs_items()

    # -- the request and the person's right to act -------------------------------------------

    def load(self, reference):
        self.foi_request = case_or_404(self.request, reference)

    def refusal(self) -> ServiceError | None:
        error = workspace.action_refusal(
            foi_request=self.foi_request, user=self.request.user, action=self.action
        )
        return self._with_who_may(error)

    def _with_who_may(self, error):
        """A member refused because someone else holds the request is told who does."""
        user, assignee = self.request.user, self.foi_request.assignee
        if (
            isinstance(error, NotPermitted)
            and assignee is not None
            and assignee.pk != user.pk
            and permissions.is_member(user, self.foi_request.body_id)
        ):
            return NotPermitted(
                _("%(refusal)s It is assigned to %(person)s; a coordinator can reassign it.")
                % {"refusal": error.message, "person": assignee}
            )
        return error

    # -- forms ------------------------------------------------------------------------------

    def make_form(self, data=None, files=None, foi_request=None, initial=None):
        return self.form_class(
            data,
            files,
            foi_request=foi_request or self.foi_request,
            user=self.request.user,
            initial=dict(initial or {}),
        )

    def make_formset(self, data=None, foi_request=None, initial=None):
        if not self.grounds:
            return None
        return forms.GroundFormSet(
            data,
            prefix="grounds",
            law=(foi_request or self.foi_request).law,
            with_attachment=self.grounds_name_files,
            initial=initial,
        )

    # -- letter templates: ``?template=<id>`` fills the letter, without JavaScript -------------

    def letter_templates(self):
        if self.action not in LetterAction.values:
            return []
        return selectors.letter_templates_for_action(
            foi_request=self.foi_request, action=self.action, user=self.request.user
        )

    def from_template(self):
        """The form (and grounds) filled from the chosen template; another body's template,
        or one for another action, is 404."""
        template_id = self.request.GET.get("template")
        if not template_id or self.action not in LetterAction.values:
            return self.make_form(), self.make_formset()
        try:
            letter_template = selectors.letter_template_for_action(
                foi_request=self.foi_request,
                action=self.action,
                user=self.request.user,
                template_id=template_id,
            )
        except NotVisible as error:
            raise Http404(str(error)) from error
        codes = [code for code in self.request.GET.getlist("ground") if code][: forms.GROUND_ROWS]
        text = selectors.letter_template_filled(
            letter_template=letter_template, foi_request=self.foi_request, grounds=codes
        )
        self.chosen_template = letter_template
        initial = {LETTER_FIELDS.get(self.action, "text"): text}
        return self.make_form(initial=initial), self.make_formset(
            initial=[{"ground": code} for code in codes] or None
        )

    def show(self, form, formset=None, *, status=200):
        now = selectors.clock_now()
        context = {
            "foi_request": self.foi_request,
            "form": form,
            "formset": formset,
            "action": self.action,
            "guidance": guidance.for_action(self.action, self.foi_request, now=now),
            "submit_label": self.submit_label or self.get_page_title(),
            "case_url": case_url(self.foi_request),
            "status": workspace.deadline_status(self.foi_request, now=now),
            "offers_templates": self.action in LetterAction.values,
            "letter_templates": self.letter_templates(),
            "chosen_template": getattr(self, "chosen_template", None),
            "template_grounds": self.template_grounds(),
            "may_edit_templates": permissions.can_edit_letter_templates(
                self.foi_request.body_id, self.request.user
            ),
            **self.action_context(),
        }
        return self.render(context, status=status)

    def action_context(self) -> dict:
        return {}

    def template_grounds(self):
        """The law's grounds, to name in a template's {grounds}: on forms that cite grounds."""
        if not self.grounds:
            return []
        chosen = set(self.request.GET.getlist("ground"))
        return [
            (exemption, exemption.code in chosen)
            for exemption in Exemption.objects.filter(law_id=self.foi_request.law_id)
        ]

    # -- the verbs ----------------------------------------------------------------------------

    def get(self, request, reference):
        self.load(reference)
        refusal = self.refusal()
        if refusal is not None:
            return self.refuse(refusal)
        return self.show(*self.from_template())

    def post(self, request, reference):
        self.load(reference)
        form = self.make_form(request.POST, request.FILES)
        formset = self.make_formset(request.POST)
        if not form.is_valid() or (formset is not None and not formset.is_valid()):
            self._files_are_gone(form)
            return self.show(form, formset, status=400)
        # The version the person saw: a service acting on a changed request refuses.
        self.foi_request.seen_version = form.cleaned_data["version"]
        try:
            self.perform(form, formset)
        except ServiceError as error:
            return self.failed(form, formset, error)
        messages.success(request, self.success_message())
        return redirect(self.success_url())

    def success_url(self) -> str:
        return case_url(self.foi_request)

    def perform(self, form, formset) -> None:
        raise NotImplementedError

    def success_message(self) -> str:
        return _("Done: %(action)s.") % {"action": self.get_page_title()}

    def failed(self, form, formset, error: ServiceError):
        if isinstance(error, NotVisible):
            raise Http404(str(error))
        if isinstance(error, Conflict):
            form, formset = self._against_the_request_as_it_is_now(form, formset)
        form.add_error(None, error.message)
        self._files_are_gone(form)
        return self.show(form, formset, status=error.status)

    def _files_are_gone(self, form):
        if self.request.FILES:
            form.add_error(
                None, _("Choose the files again: a browser does not keep them after an error.")
            )

    def _against_the_request_as_it_is_now(self, form, formset):
        """The typed text, bound to the request as it stands now (its new version), so that
        the page shows what changed and a second send is judged against it."""
        try:
            fresh = case_or_404(self.request, self.foi_request.reference)
        except Http404:
            return form, formset  # moved out of this person's reach: keep the text anyway
        self.foi_request = fresh
        data = self.request.POST.copy()
        data["version"] = str(fresh.version)
        form = self.make_form(data, None, foi_request=fresh)
        formset = self.make_formset(data, foi_request=fresh)
        form.is_valid()
        if formset is not None:
            formset.is_valid()
        return form, formset


class AcceptView(ActionView):
    action = "accept"
    form_class = forms.AcceptForm

    def perform(self, form, formset):
        services.foi_request_accept(
            foi_request=self.foi_request,
            actor=self.request.user,
            assignee=form.cleaned_data["assignee"],
        )

    def success_message(self):
        return _("Accepted.")


class AssignView(ActionView):
    action = "assign"
    form_class = forms.AssignForm

    def perform(self, form, formset):
        self.assignee = form.cleaned_data["assignee"]
        services.foi_request_assign(
            foi_request=self.foi_request, actor=self.request.user, assignee=self.assignee
        )

    def success_message(self):
        return _("Assigned to %(person)s.") % {"person": self.assignee}


class AskClarificationView(ActionView):
    action = "ask_clarification"
    form_class = forms.AskClarificationForm

    def perform(self, form, formset):
        services.foi_request_ask_clarification(
            foi_request=self.foi_request, actor=self.request.user, text=form.cleaned_data["text"]
        )

    def success_message(self):
        return _("Clarification asked; the requester's reply will move the clock.")


class ExtendView(ActionView):
    action = "extend"
    form_class = forms.ExtendForm

    def perform(self, form, formset):
        self.foi_request = services.foi_request_extend(
            foi_request=self.foi_request,
            actor=self.request.user,
            reason=form.cleaned_data["reason"],
            text=form.cleaned_data["text"],
        )

    def success_message(self):
        return _("Extended: the request is now due %(due)s.") % {
            "due": guidance.moment_words(self.foi_request.law, self.foi_request.due_at)
        }


class TransferView(ActionView):
    action = "transfer"
    form_class = forms.TransferForm

    def perform(self, form, formset):
        self.to_body = form.cleaned_data["body"]
        services.foi_request_transfer(
            foi_request=self.foi_request,
            actor=self.request.user,
            body=self.to_body,
            text=form.cleaned_data["text"],
        )

    def success_message(self):
        return _("Forwarded to %(body)s.") % {"body": self.to_body.name}

    def success_url(self):
        moved = FOIRequest.objects.select_related("body").get(pk=self.foi_request.pk)
        if workspace.can_open_case(moved, self.request.user):
            return case_url(moved)
        # The request left this body: its case is no longer this person's to see.
        return reverse("foi_workspace:queue")


class AnswerView(ActionView):
    action = "answer"
    form_class = forms.AnswerForm
    grounds = True
    grounds_name_files = True

    def perform(self, form, formset):
        data = form.cleaned_data
        services.foi_request_answer(
            foi_request=self.foi_request,
            actor=self.request.user,
            outcome=data["outcome"],
            text=data["text"],
            exemptions=formset.grounds() or None,
            files=data["files"],
        )

    def success_message(self):
        return _("Answered. Approve each attached file for publication when it is ready.")


class RefuseView(ActionView):
    action = "refuse"
    form_class = forms.RefuseForm
    grounds = True

    def perform(self, form, formset):
        services.foi_request_refuse(
            foi_request=self.foi_request,
            actor=self.request.user,
            grounds=formset.grounds(),
            text=form.cleaned_data["text"],
        )

    def success_message(self):
        return _("Refused; the letter names the grounds and the appeal route.")


class RejectView(ActionView):
    action = "reject"
    form_class = forms.RejectForm

    def perform(self, form, formset):
        services.foi_request_reject(
            foi_request=self.foi_request,
            actor=self.request.user,
            reason=form.cleaned_data["reason"],
        )

    def success_message(self):
        return _("Rejected as not a valid request.")


class DecideAppealView(ActionView):
    action = "decide_appeal"
    form_class = forms.DecideAppealForm

    def action_context(self):
        return {"appeal": permissions.reviewing_appeal(self.foi_request)}

    def perform(self, form, formset):
        services.foi_request_decide_appeal(
            foi_request=self.foi_request,
            actor=self.request.user,
            decision=form.cleaned_data["decision"],
            reasons=form.cleaned_data["reasons"],
        )

    def success_message(self):
        return _("Appeal decided; the decision is published on the request's page.")


class EstimateFeeView(ActionView):
    action = "estimate_fee"
    form_class = forms.EstimateFeeForm

    def perform(self, form, formset):
        self.foi_request = services.foi_request_estimate_fee(
            foi_request=self.foi_request,
            actor=self.request.user,
            amount=form.cleaned_data["amount"],
            text=form.cleaned_data["text"],
        )

    def success_message(self):
        return _("Estimate sent: %(amount)s %(currency)s.") % {
            "amount": self.foi_request.fee_amount,
            "currency": self.foi_request.fee_currency,
        }


class RecordPaymentView(ActionView):
    action = "record_payment"
    form_class = forms.RecordPaymentForm

    def perform(self, form, formset):
        self.foi_request = services.foi_request_record_payment(
            foi_request=self.foi_request, actor=self.request.user, text=form.cleaned_data["text"]
        )

    def success_message(self):
        return _("Payment recorded: the request is now due %(due)s.") % {
            "due": guidance.moment_words(self.foi_request.law, self.foi_request.due_at)
        }


class WaiveFeeView(ActionView):
    action = "waive_fee"
    form_class = forms.WaiveFeeForm

    def perform(self, form, formset):
        self.foi_request = services.foi_request_waive_fee(
            foi_request=self.foi_request, actor=self.request.user, text=form.cleaned_data["text"]
        )

    def success_message(self):
        return _("Fee waived: the request is now due %(due)s.") % {
            "due": guidance.moment_words(self.foi_request.law, self.foi_request.due_at)
        }


class FeeClassView(ActionView):
    """The class the law puts the request in: an addition to the case, not a transition."""

    action = "fee_class"
    form_class = forms.FeeClassForm
    submit_label = _("Record the class")

    def get_page_title(self):
        return _("Fee class")

    def refusal(self):
        from foi.services.fees import CLASSABLE_STATES

        if self.foi_request.state == State.DRAFT:
            return NotVisible("No such request.")
        if not permissions.can_record_fee_class(self.foi_request, self.request.user):
            return self._with_who_may(
                NotPermitted(_("Only the officer handling the request may record its fee class."))
            )
        if not self.foi_request.law.fees_apply:
            return TransitionNotAllowed(_("The law of this request lets no body charge a fee."))
        if self.foi_request.state not in CLASSABLE_STATES:
            return TransitionNotAllowed(
                _("The fee class is recorded while the body handles the request.")
            )
        return None

    def perform(self, form, formset):
        services.foi_request_record_fee_class(
            foi_request=self.foi_request,
            actor=self.request.user,
            fee_class=form.cleaned_data["fee_class"],
        )

    def success_message(self):
        return _("Fee class recorded.")


class NoteView(ActionView):
    action = "note"
    form_class = forms.NoteForm
    submit_label = _("Add the note")

    def get_page_title(self):
        return _("Internal note")

    def refusal(self):
        if self.foi_request.state == State.DRAFT:
            return NotVisible("No such request.")
        if not permissions.can_add_note(self.foi_request, self.request.user):
            return self._with_who_may(
                NotPermitted(_("Only the body's officers may add internal notes."))
            )
        return None

    def perform(self, form, formset):
        services.foi_request_add_note(
            foi_request=self.foi_request, actor=self.request.user, text=form.cleaned_data["text"]
        )

    def success_message(self):
        return _("Note added; only the body sees it.")


ACTION_VIEWS = {
    view.action: view
    for view in (
        AcceptView,
        AssignView,
        AskClarificationView,
        ExtendView,
        TransferView,
        AnswerView,
        RefuseView,
        RejectView,
        DecideAppealView,
        EstimateFeeView,
        RecordPaymentView,
        WaiveFeeView,
        FeeClassView,
        NoteView,
    )
}


def action(request, reference, action):
    """/requests/<reference>/<action>/ : the page of one action (hyphens in the address)."""
    view = ACTION_VIEWS.get(action.replace("-", "_"))
    if view is None:
        raise Http404("No such action.")
    return view.as_view()(request, reference=reference)


class ApproveAttachmentView(WorkspaceView):
    """Approving a file for publication: a separate step, recorded on the audit trail."""

    members_only = False
    template_name = "workspace/approve.html"

    def get_page_title(self):
        return _("Approve a file for publication")

    def get_breadcrumbs_items(self):
        self.crumbs = [(case_url(self.foi_request), self.foi_request.reference)]
        return super().get_breadcrumbs_items()

    def load(self, reference, attachment_id):
        self.foi_request = case_or_404(self.request, reference)
        visible = {
            attachment.pk: attachment
            for message in selectors.message_list(
                foi_request=self.foi_request, user=self.request.user
            )
            for attachment in message.attachments.all()
        }
        if attachment_id not in visible:
            raise Http404("No such file.")
        self.attachment = Attachment.objects.select_related("message").get(pk=attachment_id)

    def refusal(self):
        if not permissions.can_approve_attachment(self.foi_request, self.request.user):
            return NotPermitted(_("You may not approve files on this request."))
        if self.attachment.message.audience == "internal":
            return InvalidInput(_("A file on an internal note stays inside the body."))
        return None

    def get(self, request, reference, attachment_id):
        self.load(reference, attachment_id)
        refusal = self.refusal()
        if refusal is not None:
            return self.refuse(refusal)
        return self.render(
            {
                "foi_request": self.foi_request,
                "attachment": self.attachment,
                "case_url": case_url(self.foi_request),
            }
        )

    def post(self, request, reference, attachment_id):
        self.load(reference, attachment_id)
        try:
            services.attachment_approve(attachment=self.attachment, actor=request.user)
        except ServiceError as error:
            return self.refuse(error)
        messages.success(
            request,
            _("%(name)s is approved: anyone who may see the request can now download it.")
            % {"name": self.attachment.original_name},
        )
        return redirect(f"{case_url(self.foi_request)}#file-{self.attachment.pk}")


class ConfirmSenderView(WorkspaceView):
    """ "This is the body's reply": an e-mail from an address not known for the body, confirmed
    by someone who knows their colleagues' addresses. A button on the case page, so POST only;
    an addition to the case, not a change of its state, so no version is carried."""

    members_only = False
    http_method_names = ["post"]

    def get_page_title(self):
        return _("This is the body's reply")

    def post(self, request, reference, message_id):
        self.foi_request = case_or_404(request, reference)
        try:
            message = selectors.message_get(
                foi_request=self.foi_request, message_id=message_id, user=request.user
            )
            services.foi_request_confirm_sender(
                foi_request=self.foi_request, message=message, actor=request.user
            )
        except ServiceError as error:
            return self.refuse(error)
        messages.success(request, _("The e-mail is now marked as the body's reply."))
        return redirect(f"{case_url(self.foi_request)}#message-{message.pk}")
