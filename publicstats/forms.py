"""The statistics' period, from the query string: ``?from=&to=`` or ``?year=``."""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import clock

EARLIEST = date(2000, 1, 1)
LONGEST_DAYS = 366 * 10


def default_period(today: date) -> tuple[date, date]:
    """The last twelve months: from the first day of the month eleven months ago to today."""
    month = today.month - 11
    year = today.year
    if month < 1:
        month += 12
        year -= 1
    return date(year, month, 1), today


def year_period(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def today() -> date:
    return timezone.localdate(clock.now())


class PeriodForm(forms.Form):
    date_from = forms.DateField(label=_("From"), required=False)
    date_to = forms.DateField(label=_("To"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False)

    def __init__(self, query, *args, **kwargs):
        data = {
            "date_from": query.get("from", ""),
            "date_to": query.get("to", ""),
            "year": query.get("year", ""),
        }
        super().__init__(data, *args, **kwargs)

    def clean_year(self):
        year = self.cleaned_data.get("year")
        if year is not None and not (EARLIEST.year <= year <= today().year):
            raise forms.ValidationError(
                _("Choose a year from %(first)s to %(last)s.")
                % {"first": EARLIEST.year, "last": today().year}
            )
        return year

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if cleaned.get("year"):
            cleaned["date_from"], cleaned["date_to"] = year_period(cleaned["year"])
            return cleaned
        start, end = default_period(today())
        date_from = cleaned.get("date_from") or start
        date_to = cleaned.get("date_to") or end
        if date_from < EARLIEST:
            raise forms.ValidationError(
                _("The period cannot start before %(date)s.") % {"date": EARLIEST.isoformat()}
            )
        latest = date(today().year, 12, 31)
        if date_to > latest:
            raise forms.ValidationError(
                _("The period cannot end after %(date)s.") % {"date": latest.isoformat()}
            )
        if date_from > date_to:
            raise forms.ValidationError(_("The start of the period must not be after its end."))
        if date_to - date_from > timedelta(days=LONGEST_DAYS):
            raise forms.ValidationError(_("Choose a period of at most ten years."))
        cleaned["date_from"], cleaned["date_to"] = date_from, date_to
        return cleaned

    @property
    def period(self) -> tuple[date, date]:
        return self.cleaned_data["date_from"], self.cleaned_data["date_to"]

    def error_text(self) -> str:
        return " ".join(str(message) for errors in self.errors.values() for message in errors)

    def years(self) -> list[int]:
        return list(range(today().year, max(EARLIEST.year, today().year - 9) - 1, -1))
