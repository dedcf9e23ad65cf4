"""What public statistics read instead of the case files: one row of facts per request, and
the sums of one body's public requests per month. ``publicstats.store`` keeps both current (on
every committed change of a request, and in the daily sweep); nothing else writes them.

Neither holds anything personal: no requester, officer, text or name; only dates, states,
counts and exemption codes.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from foi.selectors.stats import of_kind

# The states in which a request's clock runs (it can be overdue now).
(_OVERDUE,) = of_kind("overdue")
RUNNING = _OVERDUE.where[1]

# A request's fee, as the public statistics count it (docs/laws.md, "Fees"): its class, and
# whether an estimate was sent, paid and waived.
FEE_FACTS = ("fee_class", "fee_estimated", "fee_paid", "fee_waived")

# The fields ``publicstats.store`` sums: everything a figure needs of one request (the facts its
# ``cases`` figures test, a column per histogram of working days and per ``appeals`` figure).
FACTS = (
    "body",
    "month",
    "law",
    "state",
    "outcome",
    "on_time",
    *(figure.tally for figure in of_kind("median")),
    "grounds",
    *(figure.name for figure in of_kind("appeals")),
    *FEE_FACTS,
)


class CaseStat(models.Model):
    """One request's facts as ``foi.stats`` defines them (its ``FIGURES``), at the body now
    holding it. Drafts have none. Working days are counted by the request's law."""

    request = models.OneToOneField(
        "foi.FOIRequest", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    body = models.ForeignKey(
        "foi.PublicBody", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    law = models.ForeignKey("foi.Law", on_delete=models.CASCADE, related_name="+")
    # The day (and its month's first day) the body now holding it received it, in the law's
    # time zone.
    received_on = models.DateField()
    month = models.DateField()
    visibility = models.CharField(max_length=16)
    private_until = models.DateField(null=True, blank=True)
    state = models.CharField(max_length=32)
    due_at = models.DateTimeField(null=True, blank=True)
    first_response_days = models.PositiveIntegerField(null=True, blank=True)
    answer_days = models.PositiveIntegerField(null=True, blank=True)
    outcome = models.CharField(max_length=16, blank=True)  # "": not decided
    on_time = models.BooleanField(null=True, blank=True)  # None: not decided
    # The grounds a refusal or partial answer invoked: exemption codes (slugs), sorted, each
    # once, joined by commas (text groups and reads faster than JSON).
    grounds = models.CharField(max_length=500, blank=True)
    appeals = models.PositiveSmallIntegerField(default=0)
    appeals_upheld = models.PositiveSmallIntegerField(default=0)
    appeals_overturned = models.PositiveSmallIntegerField(default=0)
    appeals_pending = models.PositiveSmallIntegerField(default=0)
    fee_class = models.CharField(max_length=16, blank=True)  # "": not classed
    fee_estimated = models.BooleanField(default=False)
    fee_paid = models.BooleanField(default=False)
    fee_waived = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("request's statistical facts")
        verbose_name_plural = _("requests' statistical facts")
        indexes = [
            # A body's month (refreshing its sums) and a period's edges (reading them).
            models.Index(fields=["body", "month"], name="casestat_body_month"),
            models.Index(fields=["received_on", "body"], name="casestat_received"),
            # Private requests whose date has passed count live (read from this index alone),
            # as do open requests' clocks.
            models.Index(
                fields=["received_on", "private_until"],
                name="casestat_released",
                condition=Q(visibility="private"),
                include=FACTS,
            ),
            models.Index(
                fields=["received_on", "due_at"],
                name="casestat_running",
                condition=Q(state__in=RUNNING),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request_id} @ {self.body_id}"


class TransferStat(models.Model):
    """One transfer of a request, counted at the body it left, on the day it left (in the law's
    time zone). Keyed by its CaseEvent's id (no foreign key: events are append-only)."""

    event_id = models.BigIntegerField(primary_key=True)
    request = models.ForeignKey("foi.FOIRequest", on_delete=models.CASCADE, related_name="+")
    from_body = models.ForeignKey(
        "foi.PublicBody", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    on = models.DateField()
    month = models.DateField()
    visibility = models.CharField(max_length=16)
    private_until = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("transfer's statistical facts")
        verbose_name_plural = _("transfers' statistical facts")
        indexes = [
            models.Index(fields=["from_body", "month"], name="transferstat_body_month"),
            models.Index(fields=["on", "from_body"], name="transferstat_on"),
        ]

    def __str__(self) -> str:
        return f"{self.event_id} from {self.from_body_id}"


class DutyStat(models.Model):
    """One duty the law set for a request, besides the answer itself (``foi.stats.duties``): at
    the body that owed it, by the day that body received the request (in the law's time zone).
    Whether an undone duty is past due is decided when it is read (``due_at``), so its rows
    need no refresh as time passes."""

    request = models.ForeignKey("foi.FOIRequest", on_delete=models.CASCADE, related_name="+")
    body = models.ForeignKey(
        "foi.PublicBody", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    law = models.ForeignKey("foi.Law", on_delete=models.CASCADE, related_name="+")
    duty = models.CharField(max_length=32)
    received_on = models.DateField()
    visibility = models.CharField(max_length=16)
    private_until = models.DateField(null=True, blank=True)
    due_at = models.DateTimeField(null=True, blank=True)  # None: its clock stands still
    on_time = models.BooleanField(null=True, blank=True)  # None: not done

    class Meta:
        verbose_name = _("duty's statistical facts")
        verbose_name_plural = _("duties' statistical facts")
        indexes = [models.Index(fields=["received_on", "body"], name="dutystat_received")]

    def __str__(self) -> str:
        return f"{self.duty} of {self.request_id} @ {self.body_id}"


class StoredSums(models.Model):
    """The sums of ``CaseStat`` over one body's *public* requests received in a period, and of
    ``TransferStat`` over those it transferred away in it (requests private until a date are
    added when read, once their date has passed). Histograms map working days to how many
    requests took them; grounds map an exemption code to how many decisions invoked it."""

    body = models.ForeignKey("foi.PublicBody", on_delete=models.CASCADE, related_name="+")
    law = models.ForeignKey("foi.Law", on_delete=models.CASCADE, related_name="+")
    received = models.PositiveIntegerField(default=0)
    answered = models.PositiveIntegerField(default=0)
    answered_on_time = models.PositiveIntegerField(default=0)
    outcome_full = models.PositiveIntegerField(default=0)
    outcome_partial = models.PositiveIntegerField(default=0)
    outcome_not_held = models.PositiveIntegerField(default=0)
    outcome_refused = models.PositiveIntegerField(default=0)
    outcome_rejected = models.PositiveIntegerField(default=0)
    withdrawn = models.PositiveIntegerField(default=0)
    still_open = models.PositiveIntegerField(default=0)
    appeals = models.PositiveIntegerField(default=0)
    appeals_upheld = models.PositiveIntegerField(default=0)
    appeals_overturned = models.PositiveIntegerField(default=0)
    appeals_pending = models.PositiveIntegerField(default=0)
    # Public requests the body transferred to another body in the period (by transfer date).
    transferred_out = models.PositiveIntegerField(default=0)
    # Fees (``publicstats.store.sums.FEES``): requests per fee class, estimates sent, paid,
    # waived and left unpaid at closing, and requests awaiting payment now.
    fees_class_free = models.PositiveIntegerField(default=0)
    fees_class_discounted = models.PositiveIntegerField(default=0)
    fees_class_paid = models.PositiveIntegerField(default=0)
    fees_estimated = models.PositiveIntegerField(default=0)
    fees_paid = models.PositiveIntegerField(default=0)
    fees_waived = models.PositiveIntegerField(default=0)
    fees_closed_unpaid = models.PositiveIntegerField(default=0)
    fees_awaiting_payment = models.PositiveIntegerField(default=0)
    first_response_days = models.JSONField(default=dict, blank=True)
    answer_days = models.JSONField(default=dict, blank=True)
    refusal_grounds = models.JSONField(default=dict, blank=True)
    partial_grounds = models.JSONField(default=dict, blank=True)
    refreshed_at = models.DateTimeField()

    class Meta:
        abstract = True


class BodyMonthStat(StoredSums):
    """A body's sums over one month."""

    month = models.DateField()

    class Meta:
        verbose_name = _("body's monthly statistics")
        verbose_name_plural = _("bodies' monthly statistics")
        constraints = [
            models.UniqueConstraint(fields=["body", "month"], name="bodymonthstat_unique"),
        ]
        indexes = [models.Index(fields=["month"], name="bodymonthstat_month")]

    def __str__(self) -> str:
        return f"{self.body_id} {self.month:%Y-%m}"


class BodyYearStat(StoredSums):
    """A body's sums over one calendar year: the sum of its twelve ``BodyMonthStat`` rows, kept
    with them, so that a period holding whole years reads one row per body and year (a year's
    histograms have a few more keys than a month's, not twelve times as many)."""

    year = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = _("body's yearly statistics")
        verbose_name_plural = _("bodies' yearly statistics")
        constraints = [
            models.UniqueConstraint(fields=["body", "year"], name="bodyyearstat_unique"),
        ]
        indexes = [models.Index(fields=["year"], name="bodyyearstat_year")]

    def __str__(self) -> str:
        return f"{self.body_id} {self.year}"
