"""A person's private calendar feed (iCalendar, RFC 5545) of the due dates they care about,
and the reset of its address.

The address carries an unguessable token instead of a sign-in, because calendar programs fetch
it without cookies; resetting the token (profile page) kills the old address. A wrong or reset
token answers 404, like a request one may not see. What goes in: the reference, the subject and
the body, never the requester's name or contact details (an officer's calendar may be shared).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from icalendar import Calendar, Event

from core import clock
from core.errors import NotVisible, ServiceError
from foi import deadlines, selectors, services

CONTENT_TYPE = "text/calendar; charset=utf-8"
# Calendar programs that read RFC 7986 fetch again after this long.
REFRESH_EVERY = timedelta(hours=1)


def feed_links(request, user) -> dict[str, str]:
    """The person's feed address, as https (to download or paste) and webcal (to subscribe)."""
    found = selectors.calendar_feed_token_of(user=user)
    # Made on the person's first look at a page that offers it (a write, once).
    token = (found or services.calendar_feed_token_ensure(user=user)).token
    https = request.build_absolute_uri(reverse("foi:calendar_feed", args=[token]))
    return {"https": https, "webcal": "webcal://" + https.split("://", 1)[1]}


def _uid_domain() -> str:
    return urlsplit(settings.FOI_SITE_URL).hostname or "sorgu.invalid"


def _summary(entry) -> str:
    values = {"reference": entry.foi_request.reference, "subject": entry.foi_request.subject}
    if entry.kind == "appeal":
        return _("Appeal decision due: %(reference)s · %(subject)s") % values
    if entry.role == "officer":
        return _("To answer: %(reference)s · %(subject)s") % values
    return _("Answer due: %(reference)s · %(subject)s") % values


def _description(entry, local_due: datetime, url: str) -> str:
    values = {
        "body": entry.foi_request.body.name,
        "due": formats.date_format(local_due, "j E Y, H:i"),
    }
    if entry.kind == "appeal":
        text = _("The decision on the appeal is due by %(due)s.") % values
    else:
        text = _("%(body)s must answer by %(due)s.") % values
    return f"{text}\n\n{url}"


def _event(request, entry, *, stamp: datetime) -> Event:
    foi_request = entry.foi_request
    zone = ZoneInfo(foi_request.law.time_zone)
    local_due = entry.due_at.astimezone(zone)
    url = request.build_absolute_uri(reverse("foi:request_detail", args=[foi_request.reference]))
    event = Event()
    event.add("uid", f"{foi_request.reference}-{entry.kind}@{_uid_domain()}")
    event.add("dtstamp", stamp)
    if local_due.time() == deadlines.END_OF_DAY:
        # A day-based deadline ends with its day: an all-day event on that day.
        day: date = local_due.date()
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
    else:
        event.add("dtstart", entry.due_at.astimezone(UTC))
    event.add("summary", _summary(entry))
    event.add("description", _description(entry, local_due, url))
    event.add("url", url)
    # Every save of a request moves its version; a deadline that moves is a save.
    event.add("sequence", foi_request.version)
    event.add("last-modified", foi_request.updated_at.astimezone(UTC))
    event.add("transp", "TRANSPARENT")
    event.add("class", "PRIVATE")
    return event


def _calendar(request, user) -> bytes:
    stamp = clock.now().astimezone(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", "-//Sorğu//Due dates//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", _("Sorğu: due dates"))
    calendar.add("x-wr-calname", _("Sorğu: due dates"))
    calendar.add("refresh-interval", REFRESH_EVERY, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH_EVERY)
    for entry in selectors.calendar_feed_entries(user=user):
        calendar.add_component(_event(request, entry, stamp=stamp))
    return calendar.to_ical()


@require_safe
def calendar_feed(request, token: str):
    try:
        user = selectors.calendar_feed_owner(token=token)
    except NotVisible as error:
        raise Http404(str(error)) from error
    with translation.override(user.preferred_language), timezone.override(settings.TIME_ZONE):
        body = _calendar(request, user)
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = 'inline; filename="sorgu.ics"'
    # The address is a secret: no shared cache keeps it, and no search engine lists it.
    response["Cache-Control"] = "private, max-age=300"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
@require_POST
def calendar_reset(request):
    try:
        services.calendar_feed_token_reset(user=request.user)
    except ServiceError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _(
                "Your calendar has a new address. The old one no longer works: subscribe "
                "again with the new one."
            ),
        )
    return redirect(reverse("foi:profile") + "#calendar")
