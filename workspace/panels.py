"""The dashboard panel: what is due, who has it, and what is late, at a glance."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from wagtail.admin.ui.components import Component

from foi import permissions, selectors
from workspace import selectors as workspace


class WorkspacePanel(Component):
    name = "foi_workspace"
    template_name = "workspace/panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        now = selectors.clock_now()
        queue = reverse("foi_workspace:queue")
        rows = []
        for body in workspace.member_bodies(user=self.user):
            counts = workspace.queue_counts(user=self.user, body=body, now=now)

            def link(body=body, **params):
                return f"{queue}?{urlencode({'body': body.pk, **params})}"

            rows.append(
                {
                    "body": body,
                    "counts": counts,
                    "open_url": link(),
                    "overdue_url": link(overdue="on"),
                    "due_soon_url": link(due_within=workspace.due_soon_working_days()),
                    "unassigned_url": link(assignee="none"),
                    "mine_url": link(assignee="me"),
                    "open": sum(counts.by_state.get(state, 0) for state in workspace.QUEUE_STATES),
                }
            )
        # An administrator who works for no body has no body's appeals to decide.
        pending = (
            workspace.appeals_to_review_qs(user=self.user).count()
            if permissions.body_roles(self.user)
            else 0
        )
        return {
            "rows": rows,
            "pending_appeals": pending,
            "appeals_url": reverse("foi_workspace:appeals"),
            "due_soon_days": workspace.due_soon_working_days(),
        }
