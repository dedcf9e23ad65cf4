"""English dates as the rest of the site writes them (core/dates.py): "15 December 2026, 23:59",
not Django's American "Dec. 15, 2026, 11:59 p.m.". Used by Wagtail, the admin and any
``|date`` without a format. Input formats stay Django's."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATE_FORMAT = "j M Y"
