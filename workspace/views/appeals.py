"""Appeals lodged with the reviewer's body, the soonest due first."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy

from foi import deadlines, selectors
from workspace import selectors as workspace
from workspace.views.base import WorkspaceView

PAGE_SIZE = 50


class AppealsView(WorkspaceView):
    template_name = "workspace/appeals.html"
    page_title = gettext_lazy("Appeals to review")

    def get(self, request):
        decided = request.GET.get("decided") == "1"
        appeals = workspace.appeals_to_review_qs(user=request.user, decided=decided)
        page = Paginator(appeals, PAGE_SIZE).get_page(request.GET.get("p"))
        now = selectors.clock_now()
        rows = []
        for appeal in page:
            late_by = 0
            if not decided and appeal.due_at is not None and now > appeal.due_at:
                law = appeal.foi_request.law
                late_by = max(1, deadlines.working_days_late(law, due_at=appeal.due_at, now=now))
            rows.append((appeal, late_by))
        return self.render({"page": page, "rows": rows, "decided": decided})
