"""A jurisdiction's access-to-information rules as data.

Nothing in the code asks which law it is; it reads these fields. Values marked unconfirmed in
``unconfirmed_rules`` are shown as such wherever the law is explained.
"""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .i18n import translated


class PeriodUnit(models.TextChoices):
    WORKING_DAYS = "working_days", _("working days")
    CALENDAR_DAYS = "calendar_days", _("calendar days")
    MONTHS = "months", _("months")
    HOURS = "hours", _("hours")
    WORKING_HOURS = "working_hours", _("hours, not counting rest days and holidays")


class ClockStart(models.TextChoices):
    RECEIPT_DAY = "receipt_day", _("the day of receipt counts as day one")
    NEXT_DAY = "next_day", _("counting starts the day after receipt")
    NEXT_WORKING_DAY = "next_working_day", _("counting starts the working day after receipt")


class ClarificationEffect(models.TextChoices):
    PAUSE = "pause", _("the clock stops until the requester replies")
    RESTART = "restart", _("the clock starts again when the requester replies")
    NONE = "none", _("the clock keeps running")


class TransferClock(models.TextChoices):
    RESTART = "restart", _("the clock starts again at the new body")
    RESTART_CAPPED = (
        "restart_capped",
        _("the clock starts at the new body, at the latest when the transfer period ends"),
    )
    CONTINUE = "continue", _("the original clock keeps running")


class FeeClass(models.TextChoices):
    FREE = "free", _("Free")
    DISCOUNTED = "discounted", _("Discounted")
    PAID = "paid", _("Paid")


class LawManager(models.Manager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class LawChildManager(models.Manager):
    def get_by_natural_key(self, law_code, code):
        return self.get(law__code=law_code, code=code)


class Law(models.Model):
    code = models.SlugField(max_length=16, unique=True)
    name_az = models.CharField(max_length=300, blank=True)
    name_en = models.CharField(max_length=300)
    name_ru = models.CharField(max_length=300, blank=True)
    short_name = models.CharField(max_length=80, blank=True)
    citation = models.CharField(max_length=300, blank=True)
    url = models.URLField(blank=True)
    in_force_from = models.DateField(
        null=True,
        blank=True,
        help_text=_("The day the right of access began: no request is received before it."),
    )
    reference_prefix = models.CharField(
        max_length=8, help_text=_("Start of every request reference, e.g. AZ in AZ-2026-000123.")
    )

    holiday_country = models.CharField(max_length=8, help_text=_("ISO code for `holidays`."))
    holiday_subdivisions = models.CharField(
        max_length=100,
        blank=True,
        help_text=_("Comma-separated subdivisions whose holidays all count as non-working."),
    )
    time_zone = models.CharField(max_length=64, default="Asia/Baku")

    response_value = models.PositiveIntegerField()
    response_unit = models.CharField(max_length=16, choices=PeriodUnit.choices)
    response_article = models.CharField(max_length=80, blank=True)
    clock_start = models.CharField(max_length=20, choices=ClockStart.choices)
    clock_start_article = models.CharField(max_length=80, blank=True)
    roll_forward_to_working_day = models.BooleanField(
        default=False,
        help_text=_("A calendar deadline falling on a non-working day moves to the next one."),
    )

    urgent_relevance_value = models.PositiveIntegerField(null=True, blank=True)
    urgent_relevance_unit = models.CharField(max_length=16, choices=PeriodUnit.choices, blank=True)
    urgent_relevance_article = models.CharField(max_length=80, blank=True)
    urgent_life_value = models.PositiveIntegerField(null=True, blank=True)
    urgent_life_unit = models.CharField(max_length=16, choices=PeriodUnit.choices, blank=True)
    urgent_life_article = models.CharField(max_length=80, blank=True)

    extension_value = models.PositiveIntegerField(null=True, blank=True)
    extension_unit = models.CharField(max_length=16, choices=PeriodUnit.choices, blank=True)
    extension_max_count = models.PositiveIntegerField(
        default=0, help_text=_("How many extensions the law allows; 0 means none.")
    )
    extension_notice_value = models.PositiveIntegerField(null=True, blank=True)
    extension_notice_unit = models.CharField(max_length=16, choices=PeriodUnit.choices, blank=True)
    extension_reasons = models.JSONField(
        default=list,
        blank=True,
        help_text=_('Reasons allowed: [{"code": ..., "label": ..., "article": ...}].'),
    )
    extension_article = models.CharField(max_length=80, blank=True)

    transfer_value = models.PositiveIntegerField(null=True, blank=True)
    transfer_unit = models.CharField(max_length=16, choices=PeriodUnit.choices, blank=True)
    transfer_clock = models.CharField(
        max_length=16, choices=TransferClock.choices, default=TransferClock.RESTART
    )
    transfer_article = models.CharField(max_length=80, blank=True)

    clarification_notice_value = models.PositiveIntegerField(null=True, blank=True)
    clarification_notice_unit = models.CharField(
        max_length=16, choices=PeriodUnit.choices, blank=True
    )
    clarification_effect = models.CharField(
        max_length=16, choices=ClarificationEffect.choices, default=ClarificationEffect.RESTART
    )
    clarification_lapse_value = models.PositiveIntegerField(null=True, blank=True)
    clarification_lapse_unit = models.CharField(
        max_length=16, choices=PeriodUnit.choices, blank=True
    )
    clarification_article = models.CharField(max_length=80, blank=True)

    # Fees: whether the law lets a body charge, how a request is classed, and what an
    # estimate does to the clock (docs/laws.md, "Fees").
    fees_apply = models.BooleanField(
        default=False, help_text=_("The law lets a body charge for some requests.")
    )
    fee_classes = models.JSONField(
        default=list,
        blank=True,
        help_text=_('The classes a request may be put in, of "free", "discounted", "paid".'),
    )
    fee_currency = models.CharField(
        max_length=3, blank=True, help_text=_("ISO 4217 code of the currency fees are charged in.")
    )
    fee_estimate_pauses_clock = models.BooleanField(
        default=False,
        help_text=_("The clock stops from the fee estimate until the fee is paid or waived."),
    )
    fee_payment_value = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text=_(
            "The time the requester has to pay an estimate before the request may be closed; "
            "empty: an unpaid request is never closed for it."
        ),
    )
    fee_payment_unit = models.CharField(max_length=16, choices=PeriodUnit.choices, blank=True)
    fee_article = models.CharField(max_length=200, blank=True)

    very_overdue_after_working_days = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text=_(
            "Working days after the due date after which an unanswered request is very overdue "
            "(lists, statistics, notices); empty: no such tier. A policy, not the law's text."
        ),
    )

    weekend_days = models.JSONField(
        default=list, blank=True, help_text=_("Weekdays that are rest days, Monday = 0.")
    )
    notes = models.TextField(blank=True)
    unconfirmed_rules = models.JSONField(
        default=list, blank=True, help_text=_("Names of the fields whose values are unconfirmed.")
    )

    objects = LawManager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("law")
        verbose_name_plural = _("laws")

    def __str__(self) -> str:
        return self.short_name or self.name

    def natural_key(self):
        return (self.code,)

    @property
    def name(self) -> str:
        return translated(self, "name")

    def charges_fees(self) -> bool:
        """A body may send a fee estimate under this law."""
        return bool(self.fees_apply and FeeClass.PAID in self.fee_classes)

    def extension_reason(self, code: str) -> dict | None:
        return next((r for r in self.extension_reasons if r.get("code") == code), None)

    def extension_reason_label(self, code: str, language: str | None = None) -> str:
        reason = self.extension_reason(code) or {}
        language = (language or translation.get_language() or "en")[:2]
        return reason.get(f"label_{language}") or reason.get("label") or code


class Exemption(models.Model):
    """A ground on which a law lets a body withhold information."""

    law = models.ForeignKey(Law, on_delete=models.CASCADE, related_name="exemptions")
    code = models.SlugField(max_length=40)
    article = models.CharField(max_length=80)
    title_az = models.CharField(max_length=300, blank=True)
    title_en = models.CharField(max_length=300)
    title_ru = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)
    # Help to challenge a refusal on this ground, shown beside it on the case page, in the
    # appeal form and on the law's page; the appeal draft quotes ``appeal_text``.
    not_applies_az = models.TextField(
        blank=True, help_text=_("When the ground does not apply, in plain words.")
    )
    not_applies_en = models.TextField(
        blank=True, help_text=_("When the ground does not apply, in plain words.")
    )
    not_applies_ru = models.TextField(
        blank=True, help_text=_("When the ground does not apply, in plain words.")
    )
    appeal_text_az = models.TextField(
        blank=True, help_text=_("Suggested wording for an appeal against a refusal on it.")
    )
    appeal_text_en = models.TextField(
        blank=True, help_text=_("Suggested wording for an appeal against a refusal on it.")
    )
    appeal_text_ru = models.TextField(
        blank=True, help_text=_("Suggested wording for an appeal against a refusal on it.")
    )

    objects = LawChildManager()

    class Meta:
        ordering = ["law", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["law", "code"], name="exemption_unique_code_per_law")
        ]

    def __str__(self) -> str:
        return f"{self.article}: {self.title}"

    def natural_key(self):
        return (self.law.code, self.code)

    natural_key.dependencies = ["foi.law"]

    @property
    def title(self) -> str:
        return translated(self, "title")

    @property
    def not_applies(self) -> str:
        return translated(self, "not_applies")

    @property
    def appeal_text(self) -> str:
        return translated(self, "appeal_text")

    @property
    def has_advice(self) -> bool:
        return bool(self.not_applies or self.appeal_text)


class AppealReviewer(models.TextChoices):
    SUPERIOR = "superior", _("the head of the body or its superior body")
    OVERSIGHT = "oversight", _("an oversight body")
    COURT = "court", _("a court")


class AppealLevel(models.Model):
    """One step of a law's appeal route, in order."""

    law = models.ForeignKey(Law, on_delete=models.CASCADE, related_name="appeal_levels")
    order = models.PositiveSmallIntegerField()
    code = models.SlugField(max_length=40)
    name_az = models.CharField(max_length=200, blank=True)
    name_en = models.CharField(max_length=200)
    name_ru = models.CharField(max_length=200, blank=True)
    reviewer = models.CharField(max_length=16, choices=AppealReviewer.choices)
    reviewer_body = models.ForeignKey(
        "foi.PublicBody",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("For an oversight body: which one reviews appeals at this level."),
    )
    requires_previous = models.BooleanField(
        default=False, help_text=_("Only after the previous level has decided.")
    )
    lodge_within_value = models.PositiveIntegerField(null=True, blank=True)
    lodge_within_unit = models.CharField(max_length=16, choices=PeriodUnit.choices, blank=True)
    decide_within_value = models.PositiveIntegerField(null=True, blank=True)
    decide_within_unit = models.CharField(max_length=16, choices=PeriodUnit.choices, blank=True)
    decide_extension_value = models.PositiveIntegerField(null=True, blank=True)
    decide_extension_unit = models.CharField(max_length=16, choices=PeriodUnit.choices, blank=True)
    article = models.CharField(max_length=80, blank=True)

    objects = LawChildManager()

    class Meta:
        ordering = ["law", "order"]
        constraints = [
            models.UniqueConstraint(fields=["law", "order"], name="appeal_level_unique_order"),
            models.UniqueConstraint(fields=["law", "code"], name="appeal_level_unique_code"),
        ]

    def __str__(self) -> str:
        return f"{self.law.code}: {self.name}"

    def natural_key(self):
        return (self.law.code, self.code)

    natural_key.dependencies = ["foi.law", "foi.publicbody"]

    @property
    def name(self) -> str:
        return translated(self, "name")
