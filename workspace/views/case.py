"""The case as the body (or a reviewer) sees it: the whole timeline, the requester's contact
details, the due date with its explanation, and the actions open to this person now."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from foi import deadlines, permissions, selectors, transitions
from foi.services import redactions
from workspace import forms, guidance
from workspace import selectors as workspace
from workspace.views.base import WorkspaceView, case_or_404


def workspace_actions() -> list[str]:
    """The actions the workspace offers, in the order of their buttons (the model's order):
    those of the body's and the reviewers' roles. The requester's own belong to the citizen
    pages, and lapse to the daily sweep, so they never appear here even where the workflow
    would allow them."""
    return transitions.names(*transitions.WORKSPACE_ROLES)


def action_url(foi_request, action: str) -> str:
    return reverse("foi_workspace:action", args=[foi_request.reference, action.replace("_", "-")])


def case_url(foi_request) -> str:
    return reverse("foi_workspace:case", args=[foi_request.reference])


def _may_class_fee(foi_request, user) -> bool:
    from foi.services.fees import CLASSABLE_STATES

    return (
        foi_request.law.fees_apply
        and foi_request.state in CLASSABLE_STATES
        and permissions.can_record_fee_class(foi_request, user)
    )


class CaseView(WorkspaceView):
    members_only = False  # anyone else gets a 404 from the lookup
    template_name = "workspace/case.html"

    def get_page_title(self):
        return self.foi_request.reference

    def get(self, request, reference):
        self.foi_request = foi_request = case_or_404(request, reference)
        user = request.user
        now = selectors.clock_now()
        available = set(selectors.available_actions(foi_request=foi_request, user=user))
        actions = [
            {"name": name, "label": transitions.label(name), "url": action_url(foi_request, name)}
            for name in workspace_actions()
            if name in available
        ]
        timeline = selectors.message_list(foi_request=foi_request, user=user)
        context = {
            "foi_request": foi_request,
            "timeline": timeline,
            "visible_message_ids": {message.pk for message in timeline},
            "exemptions_by_message": workspace.invoked_exemptions_by_message(
                foi_request=foi_request
            ),
            "events": selectors.case_event_list(foi_request=foi_request, user=user),
            "appeals": workspace.appeals_of(foi_request=foi_request),
            "actions": actions,
            "may_approve": permissions.can_approve_attachment(foi_request, user),
            "redactable_ids": {
                attachment.pk
                for message in timeline
                for attachment in message.attachments.all()
                if attachment.content_type in redactions.REDACTABLE_KINDS
                and not attachment.approved
                and not hasattr(attachment, "redaction")
            }
            if permissions.can_redact_attachment(foi_request, user)
            else set(),
            "may_confirm_sender": permissions.can_confirm_sender(foi_request, user),
            "note_form": forms.NoteForm(foi_request=foi_request, user=user)
            if permissions.can_add_note(foi_request, user)
            else None,
            "note_url": action_url(foi_request, "note"),
            "fee_class_url": action_url(foi_request, "fee_class")
            if _may_class_fee(foi_request, user)
            else "",
            "status": workspace.deadline_status(foi_request, now=now),
            "due_explanation": deadlines.explain(foi_request.law, foi_request.due_explanation)
            if foi_request.due_explanation
            else "",
            "show_contact": permissions.can_see_contact_details(foi_request, user),
            "clock_facts": guidance.clock_facts(foi_request, now=now),
            "is_member": permissions.is_member(user, foi_request.body_id),
            "unassigned_label": _("Nobody yet"),
        }
        return self.render(context)
