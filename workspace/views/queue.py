"""The body's queue: open requests, the soonest due first, with filters and counts."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.errors import NotPermitted
from core.inputs import parse_int
from foi import selectors
from foi.models import State
from foi.views.calendars import feed_links
from workspace import filters
from workspace import selectors as workspace
from workspace.views.base import WorkspaceView

# 25 requests a page, the soonest due first (Wagtail's own listings show 20): at a million
# requests each row was about a millisecond of the page (docs/benchmarks.md).
PAGE_SIZE = 25


def chosen_body(request, bodies):
    """The body named in ``?body=``, the person's first body when none is named, or None.
    ``bodies`` is a queryset, or the list of them already read."""
    wanted = request.GET.get("body", "")
    body_id = parse_int(wanted, minimum=1) if wanted else None
    if isinstance(bodies, list):
        if not wanted:
            return (bodies[0] if bodies else None), True
        body = next((body for body in bodies if body.pk == body_id), None)
        return body, body is not None
    if not wanted:
        return bodies.first(), True
    body = bodies.filter(pk=body_id).first() if body_id else None
    return body, body is not None


class QueueView(WorkspaceView):
    template_name = "workspace/queue.html"
    page_title = gettext_lazy("Requests")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request):
        user = request.user
        bodies = list(workspace.workspace_bodies(user=user))  # read once: the choice and the form
        body, allowed = chosen_body(request, bodies)
        if not allowed:
            return self.refuse(NotPermitted(_("You do not work for this body.")))
        if body is None:
            return self.render({"body": None})
        form = filters.QueueFilterForm(request.GET or None, user=user, bodies=bodies)
        form.set_body(body)
        chosen = form.filters()
        now = selectors.clock_now()
        requests = workspace.queue_qs(user=user, body=body, filters=chosen, now=now, bodies=bodies)
        page = Paginator(requests, PAGE_SIZE).get_page(request.GET.get("p"))
        rows = [
            (item, workspace.deadline_status(item, now=now)) for item in workspace.with_laws(page)
        ]
        counts = workspace.queue_counts(user=user, body=body, now=now)
        context = {
            "body": body,
            "bodies": bodies,
            "form": form,
            "page": page,
            "rows": rows,
            "counts": counts,
            "state_links": self.state_links(body, counts),
            "views": self.views(body, counts, chosen, workspace.is_coordinator_of(user, body)),
            "is_coordinator": workspace.is_coordinator_of(user, body),
            "due_soon_days": workspace.due_soon_working_days(),
            "calendar_feed": feed_links(request, user),
        }
        return self.render(context, status=400 if form.is_bound and form.errors else 200)

    @staticmethod
    def _url(body, **params) -> str:
        return "?" + urlencode({"body": body.pk, **params})

    def state_links(self, body, counts):
        return [
            {
                "label": label,
                "count": counts.by_state.get(value, 0),
                "url": self._url(body, state=value),
            }
            for value, label in State.choices
            if value != State.DRAFT
        ]

    def views(self, body, counts, chosen, is_coordinator):
        """The ready-made views: a coordinator's "unassigned", an officer's "assigned to me"."""
        views = [
            ("open", _("All open"), None, {}),
            ("unassigned", _("Unassigned"), counts.unassigned, {"assignee": "none"}),
            ("mine", _("Assigned to me"), counts.mine, {"assignee": "me"}),
            ("overdue", _("Overdue"), counts.overdue, {"overdue": "on"}),
            (
                "due_soon",
                _("Due within %(days)d working days") % {"days": workspace.due_soon_working_days()},
                counts.due_soon,
                {"due_within": workspace.due_soon_working_days()},
            ),
        ]
        if not is_coordinator:
            views.insert(1, views.pop(2))
        current = {
            "unassigned": chosen.assignee == "none",
            "mine": chosen.assignee == "me",
            "overdue": chosen.overdue,
            "due_soon": chosen.due_within == workspace.due_soon_working_days(),
        }
        current["open"] = (
            chosen.state == "open"
            and not any(current.values())
            and not (
                chosen.assignee or chosen.due_within is not None or chosen.urgency or chosen.channel
            )
        )
        return [
            {
                "key": key,
                "label": label,
                "count": count,
                "url": self._url(body, **params),
                "current": current[key],
            }
            for key, label, count, params in views
        ]
