"""The saved searches' digests: run by the daily sweep (``foi_sweep`` calls ``alerts_digest``),
each search's owner is e-mailed, daily or weekly as they chose, the answered requests and
disclosures that newly match it, in their language, with a link that stops these e-mails in
one click (RFC 8058). A search with nothing new sends nothing; a second run the same day sends
nothing again."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from alerts import selectors, services
from alerts.models import Frequency, SavedSearch
from core import clock
from core.errors import ServiceError
from mail.notices import Rendered, absolute, language_of, site_url
from mail.outbound import outbound_email_queue

logger = logging.getLogger(__name__)

KIND = "saved_search_digest"
# The sweep starts a little earlier or later each day; a digest a few hours early is on time.
DRIFT = timedelta(hours=4)
PERIODS = {Frequency.DAILY: timedelta(days=1), Frequency.WEEKLY: timedelta(days=7)}


@dataclass
class DigestReport:
    sent: int = 0
    items: int = 0
    failed: int = 0


def is_due(saved_search: SavedSearch, now) -> bool:
    period = PERIODS.get(saved_search.frequency)
    if period is None:
        return False
    last = saved_search.last_sent_at
    return last is None or now - last >= period - DRIFT


def digests_send(*, now=None) -> DigestReport:
    """One e-mail per due saved search that has something new."""
    now = now or clock.now()
    report = DigestReport()
    due = (
        SavedSearch.objects.filter(
            frequency__in=list(PERIODS), user__is_active=True, user__email__gt=""
        )
        .select_related("user")
        .order_by("pk")
    )
    for candidate in due.iterator():
        if not is_due(candidate, now):
            continue
        try:
            with transaction.atomic():
                # Two sweeps at once: the second waits here, then finds it no longer due.
                saved_search = (
                    SavedSearch.objects.select_for_update(of=("self",))
                    .select_related("user")
                    .filter(pk=candidate.pk)
                    .first()
                )
                if saved_search is None or not is_due(saved_search, now):
                    continue
                count = saved_search_digest_send(saved_search=saved_search, now=now)
        except ServiceError:
            # The search did not answer: this search waits for the next sweep, nothing lost.
            logger.warning("Saved search %s: no digest, search unavailable", candidate.pk)
            report.failed += 1
            continue
        if count:
            report.sent += 1
            report.items += count
    return report


def saved_search_digest_send(*, saved_search: SavedSearch, now) -> int:
    """Send one search's digest if anything is new; record the run either way. Returns how
    many items were sent."""
    since = saved_search.created_at
    if saved_search.last_sent_at is not None:
        since = max(since, saved_search.last_sent_at - selectors.LOOK_BACK)
    already = set(saved_search.sent_keys or {})
    language = language_of(saved_search.user)
    with translation.override(language):  # the hits' labels (kind, body, outcome)
        hits, more = selectors.new_hits(saved_search, since=since, already=already)
    if hits:
        _queue(saved_search, hits, more, language=language)
    keep_after = now - selectors.LOOK_BACK
    sent_keys = {
        key: when
        for key, when in (saved_search.sent_keys or {}).items()
        if datetime.fromisoformat(when) > keep_after
    }
    for hit in hits:
        if hit.date and hit.date > keep_after:
            sent_keys[hit.key] = hit.date.isoformat()
    services.saved_search_digest_recorded(saved_search=saved_search, now=now, sent_keys=sent_keys)
    return len(hits)


def search_url(saved_search: SavedSearch, **extra) -> str:
    params = {**saved_search.search_params(), **extra}
    path = reverse("search:search")
    return absolute(f"{path}?{urlencode(params)}" if params else path)


def _absolute(url: str) -> str:
    # A request's address is a path; a page's is a path, or a full URL on a multi-site set-up.
    return url if url.startswith(("https://", "http://")) else absolute(url)


def render_digest(saved_search: SavedSearch, hits: list, more: bool, *, language: str) -> Rendered:
    for hit in hits:
        hit.link = _absolute(hit.url)
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        values = {
            "site_url": site_url(),
            "language": language,
            "saved_search": saved_search,
            "hits": hits,
            "more": more,
            "count": len(hits),
            "search_url": search_url(saved_search, sort="date"),
            "stop_url": absolute(
                reverse("alerts:unsubscribe", args=[services.unsubscribe_token(saved_search)])
            ),
            "manage_url": absolute(reverse("alerts:list")),
        }
        subject = ngettext(
            "%(count)s new result for your saved search “%(name)s”",
            "%(count)s new results for your saved search “%(name)s”",
            len(hits),
        ) % {"count": len(hits), "name": saved_search.name}
        text = render_to_string(f"email/{KIND}.txt", values)
        html = render_to_string(f"email/{KIND}.html", values)
    subject = " ".join(subject.split())[:250]
    return Rendered(subject=subject, text=text.strip() + "\n", html=html, language=language)


def _queue(saved_search: SavedSearch, hits: list, more: bool, *, language: str) -> None:
    person = saved_search.user
    rendered = render_digest(saved_search, hits, more, language=language)
    link = absolute(reverse("alerts:unsubscribe", args=[services.unsubscribe_token(saved_search)]))
    outbound_email_queue(
        kind=KIND,
        to_email=person.email,
        rendered=rendered,
        to_user=person,
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
