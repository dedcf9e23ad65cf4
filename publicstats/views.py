"""Public statistics pages and downloads: thin views over ``publicstats.figures``.

Everyone may see them (they read only public requests); a bad period gets a 400 with the reason.
"""

from __future__ import annotations

import csv
from datetime import date

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import pagecache
from core.csvcell import csv_cell
from core.errors import NotVisible
from core.numbers import number_text
from foi import selectors as foi_selectors
from foi.selectors import stats as foi_stats
from publicstats import charts, figures
from publicstats import fees as fee_figures
from publicstats.forms import EARLIEST, PeriodForm, today, year_period
from publicstats.store.refresh import STATS_GENERATION

OUTCOME_LABELS = foi_stats.OUTCOME_LABELS
COLUMN_LABELS = {
    "name": gettext_lazy("Body"),
    **{figure.name: figure.label for figure in foi_stats.FIGURES},
    "refused": OUTCOME_LABELS["refused"],
}
# The columns the page shows (the downloads carry them all).
PAGE_COLUMNS = (
    "name",
    "received",
    "answered",
    "on_time_percent",
    "median_working_days_to_answer",
    "refused",
    "overdue_now",
    "appeals_overturned_percent",
    "transferred_out",
)

PERIOD_PARAMS = ("date_from", "date_to", "year")


def statistics_generations(**kwargs):
    """The anonymous page cache's generations of a statistics page (core/pagecache.py): the
    site's, the stored figures' (bumped by publicstats.store) and the requests' (figures such
    as "overdue now" are read live)."""
    return ("site", "lists", STATS_GENERATION)


# Helpers ---------------------------------------------------------------------------------------


def _body(slug: str):
    try:
        return foi_selectors.public_body_get(slug=slug)
    except NotVisible as error:
        raise Http404(str(error)) from error


def _period_query(date_from: date, date_to: date) -> str:
    return urlencode({"from": date_from.isoformat(), "to": date_to.isoformat()})


def _bad_period(form: PeriodForm, fmt: str) -> HttpResponse:
    if fmt == "json":
        return JsonResponse({"error": form.error_text()}, status=400)
    return HttpResponse(form.error_text(), status=400, content_type="text/plain; charset=utf-8")


def _named_grounds(result: dict) -> dict:
    rows = result["refusals_by_ground"] + result["partial_answers_by_ground"]
    names = foi_stats.exemptions_by_code(row["code"] for row in rows)

    def named(rows):
        return [{**row, "exemption": names.get((row["law"], row["code"]))} for row in rows]

    return {
        "refusals": named(result["refusals_by_ground"]),
        "partials": named(result["partial_answers_by_ground"]),
    }


def _charts(result: dict, duty_rows: list[dict]) -> dict:
    return {
        "received_answered": charts.received_answered(result["monthly"]),
        "on_time": charts.on_time_rate(result["monthly"]),
        "outcomes": charts.outcomes(result["outcomes"], OUTCOME_LABELS),
        "duties": charts.duty_rates([row for row in duty_rows if row["measured"]]),
    }


def _duty_rows(result: dict, law=None) -> list[dict]:
    """Each duty's counts with its label, and its rule under ``law`` (a body's page)."""
    return [
        {
            **result["duties"][duty.code],
            "code": duty.code,
            "label": duty.label,
            "rule": duty.rule_text(law) if law is not None else "",
            "measured": law is None or duty.applies(law),
        }
        for duty in foi_stats.DUTIES
    ]


def _monthly_rows(result: dict) -> list[dict]:
    return [{**row, "label": charts.month_label(row["month"])} for row in result["monthly"]]


# CSV -------------------------------------------------------------------------------------------


class _Echo:
    def __init__(self):
        self.lines = []

    def write(self, line):
        self.lines.append(line)


def csv_response(header: list[str], rows, filename: str) -> HttpResponse:
    buffer = _Echo()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    response = HttpResponse("".join(buffer.lines), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def json_response(data, filename: str) -> JsonResponse:
    response = JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"indent": 1})
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


FIGURE_HEADER = ["body", "period_from", "period_to", "month", "figure", "key", "value"]
# The figures that are one number each, one per row.
SCALAR_FIGURES = tuple(
    figure.name for figure in foi_stats.FIGURES if figure.kind not in ("outcomes", "grounds")
)


def figure_rows(result: dict, body_slug: str) -> list[list]:
    """A body's (or the overall) figures as one long table: one figure per row, the monthly
    series with its month, outcomes and grounds with their key, each duty's counts by status
    and on-time rate with the duty as key (``duty_on_time``, ``duty_late``, ``duty_missed``,
    ``duty_pending``, ``duty_on_time_percent``)."""
    start, end = result["period"]["from"], result["period"]["to"]

    def row(figure, value, *, month="", key=""):
        return [body_slug, start, end, month, figure, key, value]

    rows = [row(name, result[name]) for name in SCALAR_FIGURES]
    rows += [row("outcome", count, key=key) for key, count in result["outcomes"].items()]
    rows += [
        row("refusals_by_ground", item["count"], key=f"{item['law']}:{item['code']}")
        for item in result["refusals_by_ground"]
    ]
    rows += [
        row("partial_answers_by_ground", item["count"], key=f"{item['law']}:{item['code']}")
        for item in result["partial_answers_by_ground"]
    ]
    for code, counts in result["duties"].items():
        rows += [row(f"duty_{name}", value, key=code) for name, value in counts.items()]
    for month in result["monthly"]:
        for name in ("received", "answered", "answered_on_time", "on_time_percent"):
            rows.append(row(f"monthly_{name}", month[name], month=month["month"]))
    return rows


# Pages -----------------------------------------------------------------------------------------


@pagecache.public_page(depends_on=statistics_generations, params=(*PERIOD_PARAMS, "order"))
def statistics_index(request):
    form = PeriodForm(request.GET)
    context = {"form": form, "years": form.years()}
    if not form.is_valid():
        return render(request, "publicstats/index.html", context, status=400)
    date_from, date_to = form.period
    order = figures.normalise_order(request.GET.get("order"))
    overall, rows = figures.overall_and_league(date_from=date_from, date_to=date_to, order=order)
    query = _period_query(date_from, date_to)
    duty_rows = _duty_rows(overall)
    context.update(
        date_from=date_from,
        date_to=date_to,
        query=query,
        order=order,
        overall=overall,
        monthly=_monthly_rows(overall),
        duty_rows=duty_rows,
        charts=_charts(overall, duty_rows),
        outcome_rows=[
            (key, label, overall["outcomes"][key]) for key, label in OUTCOME_LABELS.items()
        ],
        grounds=_named_grounds(overall),
        headers=_headers(order, query),
        rows=rows,
        # Called by the template only when its fragment cache misses.
        league_rows=lambda: _league_rows(rows, query),
        fees=_fees(date_from, date_to),
    )
    return render(request, "publicstats/index.html", context)


def _league_rows(rows: list[dict], query: str) -> str:
    """The league table's body rows as HTML: 300 bodies render ten times faster here than
    through the template language (the same markup and number formats)."""
    placeholder = "--slug--"
    link = reverse("publicstats:body", args=[placeholder])
    cells = []
    for row in rows:
        href = f"{link.replace(placeholder, row['slug'])}?{query}"
        values = format_html_join(
            "",
            '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>',
            (
                ("—" if row[column] is None else number_text(row[column]),)
                for column in PAGE_COLUMNS[1:]
            ),
        )
        cells.append(
            format_html(
                '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">'
                '<a class="govuk-link" href="{}">{}</a></th>{}</tr>',
                href,
                row["name"],
                values,
            )
        )
    return mark_safe("".join(cells))  # each row is built by format_html


def _headers(order: str, query: str) -> list[dict]:
    """Each column's header: its link to sort by it (again: the other way) and aria-sort."""
    column, descending = order.lstrip("-"), order.startswith("-")
    headers = []
    for name in PAGE_COLUMNS:
        active = name == column
        if active:
            next_order = name if descending else f"-{name}"
            sort = "descending" if descending else "ascending"
        else:
            next_order = name if name == "name" else f"-{name}"
            sort = ""
        headers.append(
            {
                "name": name,
                "label": COLUMN_LABELS[name],
                "href": f"?{query}&{urlencode({'order': next_order})}",
                "sort": sort,
            }
        )
    return headers


@pagecache.public_page(depends_on=statistics_generations, params=PERIOD_PARAMS)
def body_statistics(request, slug):
    body = _body(slug)
    form = PeriodForm(request.GET)
    context = {"body": body, "form": form, "years": form.years()}
    if not form.is_valid():
        return render(request, "publicstats/body.html", context, status=400)
    date_from, date_to = form.period
    result = figures.body_statistics(body=body, date_from=date_from, date_to=date_to)
    context.update(_body_context(result, date_from, date_to, body.law))
    context["fees"] = _fees(date_from, date_to, body=body)
    return render(request, "publicstats/body.html", context)


def _fees(date_from, date_to, body=None) -> dict | None:
    """The fee figures (publicstats.fees), or None when there is nothing to show."""
    result = fee_figures.fee_statistics(date_from=date_from, date_to=date_to, body=body)
    return result if fee_figures.has_fees(result) else None


def _body_context(result, date_from, date_to, law) -> dict:
    duty_rows = _duty_rows(result, law)
    return {
        "date_from": date_from,
        "date_to": date_to,
        "query": _period_query(date_from, date_to),
        "result": result,
        "monthly": _monthly_rows(result),
        "duty_rows": duty_rows,
        "charts": _charts(result, duty_rows),
        "outcome_rows": [
            (key, label, result["outcomes"][key]) for key, label in OUTCOME_LABELS.items()
        ],
        "grounds": _named_grounds(result),
    }


def _year(year: int) -> tuple[date, date]:
    if not EARLIEST.year <= year <= today().year:
        raise Http404(_("No statistics for this year."))
    return year_period(year)


@pagecache.public_page(depends_on=statistics_generations, params=())
def body_annual_report(request, slug, year):
    body = _body(slug)
    date_from, date_to = _year(year)
    result = figures.body_statistics(body=body, date_from=date_from, date_to=date_to)
    context = {"body": body, "year": year, **_body_context(result, date_from, date_to, body.law)}
    return render(request, "publicstats/annual.html", context)


@pagecache.public_page(depends_on=statistics_generations, params=())
def methodology(request):
    recording = figures.recording()
    ways = {
        "officer": _("By the body's officer in Sorğu"),
        "reply_link": _("By the body's officer, through the link in a letter"),
        "requester": _("By the requester, from the body's e-mailed letter"),
        "moderator": _("By a moderator, from the body's e-mailed letter"),
    }
    recorded_by = [(ways[way], count) for way, count in recording["recorded_by"].items()]
    duty_laws = [
        (law, [duty.rule_text(law) for duty in foi_stats.DUTIES]) for law in foi_stats.laws()
    ]
    return render(
        request,
        "publicstats/methodology.html",
        {
            "columns": COLUMN_LABELS,
            "recording": recording,
            "recorded_by": recorded_by,
            "duty_labels": {duty.code: duty.label for duty in foi_stats.DUTIES},
            "duty_laws": duty_laws,
        },
    )


# Downloads -------------------------------------------------------------------------------------


def bodies_download(request, fmt):
    form = PeriodForm(request.GET)
    if not form.is_valid():
        return _bad_period(form, fmt)
    date_from, date_to = form.period
    order = figures.normalise_order(request.GET.get("order"))
    rows = figures.league_table(date_from=date_from, date_to=date_to, order=order)
    name = f"statistics-bodies-{date_from}-{date_to}.{fmt}"
    if fmt == "json":
        return json_response(
            {
                "period": {"from": date_from.isoformat(), "to": date_to.isoformat()},
                "order": order,
                "methodology": request.build_absolute_uri(reverse("publicstats:methodology")),
                "bodies": rows,
            },
            name,
        )
    header = ["slug", "name", "acronym", "law", "period_from", "period_to", *figures.LEAGUE_COLUMNS]
    lines = [
        [
            row["slug"],
            row["name"],
            row["acronym"],
            row["law"],
            date_from.isoformat(),
            date_to.isoformat(),
            *(row[column] for column in figures.LEAGUE_COLUMNS),
        ]
        for row in rows
    ]
    return csv_response(header, lines, name)


def overall_download(request, fmt):
    form = PeriodForm(request.GET)
    if not form.is_valid():
        return _bad_period(form, fmt)
    date_from, date_to = form.period
    result = figures.overall_statistics(date_from=date_from, date_to=date_to)
    name = f"statistics-overall-{date_from}-{date_to}.{fmt}"
    if fmt == "json":
        return json_response(result, name)
    return csv_response(FIGURE_HEADER, figure_rows(result, ""), name)


def body_download(request, slug, fmt):
    body = _body(slug)
    form = PeriodForm(request.GET)
    if not form.is_valid():
        return _bad_period(form, fmt)
    date_from, date_to = form.period
    result = figures.body_statistics(body=body, date_from=date_from, date_to=date_to)
    name = f"statistics-{body.slug}-{date_from}-{date_to}.{fmt}"
    if fmt == "json":
        return json_response(result, name)
    return csv_response(FIGURE_HEADER, figure_rows(result, body.slug), name)


def body_annual_download(request, slug, year):
    body = _body(slug)
    date_from, date_to = _year(year)
    result = figures.body_statistics(body=body, date_from=date_from, date_to=date_to)
    return csv_response(
        FIGURE_HEADER, figure_rows(result, body.slug), f"statistics-{body.slug}-{year}.csv"
    )
