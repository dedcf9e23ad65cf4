"""What foi's public pages depend on in the anonymous page cache (core/pagecache.py), and
which of foi's writes make them stale.

Generations: ``req:<reference>`` (one case page), ``lists`` (every page listing requests or
counting them: the request list, the body directory and a body's page, the home page),
``people`` (the case pages name their requester) and ``site`` (everything: a body, a law, an
exemption, an appeal level, shown on many pages, rarely changed). A write bumps them at once
and again on commit (``pagecache.bump``); the committed case event (``case_event_committed``)
bumps its request once more, whatever path recorded it. Writes through ``QuerySet.update()``
send no signal: each of foi's is part of a service that also records a case event or saves
the request.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from core import pagecache
from foi.models import (
    Appeal,
    AppealLevel,
    Attachment,
    CaseEvent,
    Exemption,
    FOIRequest,
    InvokedExemption,
    Law,
    Message,
    PublicBody,
    User,
)
from foi.signals import case_event_committed

SITE = "site"
LISTS = "lists"
PEOPLE = "people"
# A person signing in or changing their password changes no public page.
QUIET_USER_FIELDS = frozenset({"last_login", "password"})


def request_generation(reference: str) -> str:
    return f"req:{reference}"


def case_page(*, reference: str, **kwargs):
    return (SITE, PEOPLE, request_generation(reference))


def list_page(**kwargs):
    return (SITE, LISTS)


def _bump_request(reference: str | None) -> None:
    if reference:
        pagecache.bump(request_generation(reference), LISTS)
    else:  # the request is gone or unknown: every page that might have shown it
        pagecache.bump(SITE, LISTS)


def _request_changed(sender, instance, raw=False, **kwargs):
    if raw or instance.state == "draft":  # a draft is on no public page
        return
    _bump_request(instance.reference)


def _part_changed(sender, instance, raw=False, **kwargs):
    """A message, appeal, ground or event of a request: its case page and the lists. The
    request the part was saved with is read from memory (the services save parts with their
    request); a draft's parts are on no public page (nor the lists: a draft is in none)."""
    if raw:
        return
    field = instance._meta.get_field("foi_request")
    if field.is_cached(instance) and field.get_cached_value(instance) is not None:
        request = field.get_cached_value(instance)
        reference, state = request.reference, request.state
    else:
        found = (
            FOIRequest.objects.filter(pk=instance.foi_request_id)
            .values_list("reference", "state")
            .first()
        )
        reference, state = found or (None, None)
    if state != "draft":
        _bump_request(reference)


def _attachment_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    reference = (
        Message.objects.filter(pk=instance.message_id)
        .values_list("foi_request__reference", flat=True)
        .first()
    )
    _bump_request(reference)


def _site_changed(sender, raw=False, **kwargs):
    if not raw:
        pagecache.bump(SITE)


def _person_changed(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and set(update_fields) <= QUIET_USER_FIELDS):
        return
    pagecache.bump(PEOPLE)


def _event_committed(sender, event, **kwargs):
    _bump_request(event.foi_request.reference)


RECEIVERS = (
    (_request_changed, (FOIRequest,)),
    (_part_changed, (Message, Appeal, InvokedExemption, CaseEvent)),
    (_attachment_changed, (Attachment,)),
    (_site_changed, (PublicBody, Law, Exemption, AppealLevel)),
    (_person_changed, (User,)),
)


def connect() -> None:
    uid = "foi.pagecache"
    for signal, name in ((post_save, "save"), (post_delete, "delete")):
        for receiver, models in RECEIVERS:
            for model in models:
                label = f"{uid}.{model.__name__}.{name}"
                signal.connect(receiver, sender=model, dispatch_uid=label)
    case_event_committed.connect(_event_committed, dispatch_uid=f"{uid}.event")
