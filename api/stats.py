"""``/api/v1/stats/bodies/`` and ``/api/v1/stats/bodies/{slug}/``: the public statistics
(``publicstats.figures``, whose docstring and /statistics/methodology/ say what each figure
means) as the API's JSON. Public requests only, like the pages."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from api.schema import ERROR_400, ERROR_404
from api.views import ApiView
from foi import selectors
from foi.stats import DUTY_CODES, FIGURES, OUTCOMES, STATUSES
from publicstats import figures
from publicstats.forms import PeriodForm

NULLABLE_FLOAT = {"allow_null": True}


class PeriodOut(serializers.Serializer):
    # "from" is a keyword in Python: declared below.
    to = serializers.DateField()


PeriodOut._declared_fields["from"] = serializers.DateField()


class GroundCount(serializers.Serializer):
    law = serializers.CharField()
    code = serializers.CharField()
    count = serializers.IntegerField()


class Month(serializers.Serializer):
    month = serializers.CharField(help_text="YYYY-MM")
    received = serializers.IntegerField()
    answered = serializers.IntegerField()
    answered_on_time = serializers.IntegerField()
    on_time_percent = serializers.FloatField(**NULLABLE_FLOAT)


def _outcomes() -> serializers.Serializer:
    fields = {outcome: serializers.IntegerField() for outcome in OUTCOMES}
    return type("Outcomes", (serializers.Serializer,), fields)()


def _field(figure) -> serializers.Field:
    """A figure's field, from its kind in ``foi.stats.FIGURES`` (the one definition)."""
    if figure.kind == "outcomes":
        return _outcomes()
    if figure.kind == "grounds":
        return GroundCount(many=True)
    if figure.kind in ("share", "median"):
        return serializers.FloatField(**NULLABLE_FLOAT)
    return serializers.IntegerField()


DutyCounts = type(
    "DutyCounts",
    (serializers.Serializer,),
    {
        **{status: serializers.IntegerField() for status in STATUSES},
        "on_time_percent": serializers.FloatField(
            help_text="on_time / (on_time + late + missed); null when nothing was due.",
            **NULLABLE_FLOAT,
        ),
    },
)


def _duties() -> serializers.Serializer:
    """Each duty of ``foi.stats.DUTIES`` (the methodology page says how each is counted)."""
    fields = {code: DutyCounts() for code in DUTY_CODES}
    return type("Duties", (serializers.Serializer,), fields)()


Figures = type(
    "Figures",
    (serializers.Serializer,),
    {
        "period": PeriodOut(),
        "generated_at": serializers.DateTimeField(),
        **{figure.name: _field(figure) for figure in FIGURES},
        "duties": _duties(),
        "monthly": Month(many=True),
    },
)


class BodyIdentity(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    acronym = serializers.CharField(allow_blank=True)
    law = serializers.CharField()


class BodyFigures(Figures):
    body = BodyIdentity()


class OverallFigures(Figures):
    bodies = serializers.IntegerField(help_text="Bodies counted.")


class LeagueRow(BodyIdentity):
    # Each duty's on-time rate (``<code>_on_time_percent``) is added below.
    received = serializers.IntegerField()
    answered = serializers.IntegerField()
    answered_on_time = serializers.IntegerField()
    on_time_percent = serializers.FloatField(**NULLABLE_FLOAT)
    median_working_days_to_first_response = serializers.FloatField(**NULLABLE_FLOAT)
    median_working_days_to_answer = serializers.FloatField(**NULLABLE_FLOAT)
    refused = serializers.IntegerField()
    overdue_now = serializers.IntegerField()
    very_overdue_now = serializers.IntegerField()
    appeals = serializers.IntegerField()
    appeals_overturned = serializers.IntegerField()
    appeals_overturned_percent = serializers.FloatField(**NULLABLE_FLOAT)
    transferred_out = serializers.IntegerField()
    withdrawn = serializers.IntegerField()
    still_open = serializers.IntegerField()


for _code in DUTY_CODES:
    LeagueRow._declared_fields[f"{_code}_on_time_percent"] = serializers.FloatField(
        **NULLABLE_FLOAT
    )


class LeagueTable(serializers.Serializer):
    period = PeriodOut()
    order = serializers.CharField()
    methodology = serializers.CharField()
    overall = OverallFigures()
    bodies = LeagueRow(many=True)


PERIOD_PARAMETERS = [
    OpenApiParameter("from", str, description="First day (YYYY-MM-DD); default: 12 months ago."),
    OpenApiParameter("to", str, description="Last day (YYYY-MM-DD), at most the end of this year."),
    OpenApiParameter("year", int, description="A calendar year instead of from/to."),
]


def _period(request):
    form = PeriodForm(request.query_params)
    if not form.is_valid():
        raise ValidationError(
            {name: [str(message) for message in messages] for name, messages in form.errors.items()}
        )
    return form.period


class StatsBodiesView(ApiView):
    serializer_class = LeagueTable
    pagination_class = None

    @extend_schema(
        operation_id="stats_bodies_list",
        tags=["statistics"],
        summary="Every body's figures for a period (the league table), and the overall figures",
        parameters=[
            *PERIOD_PARAMETERS,
            OpenApiParameter(
                "order",
                str,
                description="A column to sort by, '-' first for descending (default -received).",
            ),
        ],
        responses={200: LeagueTable, 400: ERROR_400},
    )
    def get(self, request):
        date_from, date_to = _period(request)
        order = figures.normalise_order(request.query_params.get("order"))
        overall, bodies = figures.overall_and_league(
            date_from=date_from, date_to=date_to, order=order
        )
        return Response(
            {
                "period": {"from": date_from.isoformat(), "to": date_to.isoformat()},
                "order": order,
                "methodology": request.build_absolute_uri(reverse("publicstats:methodology")),
                "overall": overall,
                "bodies": bodies,
            }
        )


class StatsBodyView(ApiView):
    serializer_class = BodyFigures

    @extend_schema(
        operation_id="stats_body_retrieve",
        tags=["statistics"],
        summary="One body's figures for a period, with its monthly series",
        parameters=PERIOD_PARAMETERS,
        responses={200: BodyFigures, 400: ERROR_400, 404: ERROR_404},
    )
    def get(self, request, slug):
        body = selectors.public_body_get(slug=slug)
        date_from, date_to = _period(request)
        return Response(figures.body_statistics(body=body, date_from=date_from, date_to=date_to))
