"""Reports: a body's figures for a period, per officer, on the page and as CSV."""

from __future__ import annotations

import csv
from datetime import date

from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.csvcell import csv_cell
from core.errors import NotPermitted
from foi import selectors, stats
from foi.models import Exemption, Outcome
from workspace import filters
from workspace import selectors as workspace
from workspace.views.base import WorkspaceView
from workspace.views.queue import chosen_body

OUTCOME_LABELS = {**dict(Outcome.choices), "rejected": gettext_lazy("Rejected as not valid")}


class ReportView(WorkspaceView):
    template_name = "workspace/reports.html"
    page_title = gettext_lazy("Reports")

    def get(self, request):
        user = request.user
        bodies = workspace.workspace_bodies(user=user)
        body, allowed = chosen_body(request, bodies)
        if not allowed:
            return self.refuse(NotPermitted(_("You do not work for this body.")))
        if body is None:
            return self.render({"form": None})
        # This year so far, unless the address says otherwise.
        today = timezone.localdate(selectors.clock_now())
        params = {
            "body": str(body.pk),
            "date_from": date(today.year, 1, 1).isoformat(),
            "date_to": today.isoformat(),
        }
        params.update({key: value for key, value in request.GET.items() if key in params})
        form = filters.ReportForm(params, user=user)
        if not form.is_valid():
            return self.render({"form": form}, status=400)
        values = form.cleaned_data
        report = stats.body_report(
            body=values["body"], date_from=values["date_from"], date_to=values["date_to"]
        )
        grounds = list(Exemption.objects.filter(law=report.body.law))
        people = get_user_model().objects.in_bulk(
            [person for person, _figures in report.by_officer if person]
        )
        officers = [(people.get(person), figures) for person, figures in report.by_officer]
        if request.GET.get("format") == "csv":
            return self.csv(report, officers, grounds)
        return self.render(
            {
                "form": form,
                "report": report,
                "officers": officers,
                "grounds": grounds,
                "outcome_labels": OUTCOME_LABELS,
                "csv_url": "?" + self._query(request, format="csv"),
            }
        )

    @staticmethod
    def _query(request, **extra) -> str:
        params = request.GET.copy()
        for key, value in extra.items():
            params[key] = value
        return params.urlencode()

    def csv(self, report, officers, grounds):
        codes = [ground.code for ground in grounds]
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"report-{report.body.slug}-{report.date_from}-{report.date_to}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response.write("\ufeff")  # a byte order mark, so that spreadsheets read UTF-8
        writer = csv.writer(response)
        writer.writerow(["body", "officer", "date_from", "date_to", *stats.header_row(codes)])
        period = [report.date_from.isoformat(), report.date_to.isoformat()]
        rows = [[report.body.name, "", *period, *stats.figures_row(report.total, codes)]]
        for person, figures in officers:
            label = str(person) if person else _("(nobody)")
            rows.append([report.body.name, label, *period, *stats.figures_row(figures, codes)])
        # Names are typed by people: none may reach a spreadsheet as a formula.
        writer.writerows([csv_cell(value) for value in row] for row in rows)
        return response
