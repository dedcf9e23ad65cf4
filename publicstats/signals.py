"""What keeps the statistics current: any committed save of a request or an appeal, or removal
of a message, schedules a refresh of that request's facts (``publicstats.store.schedule``).
Every change to a request's figures saves the request itself (its state, clock or audit head),
so this misses nothing a service does; the daily sweep mends what other paths (a bulk update,
a lost task) leave behind."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete

from publicstats import store


def _request_saved(sender, instance, raw=False, **kwargs):
    if raw or instance.state == "draft":  # drafts have no statistics
        return
    store.schedule(instance.pk)


def _related_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        store.schedule(getattr(instance, "foi_request_id", None))


def _request_deleted(sender, instance, **kwargs):
    from publicstats.models import CaseStat

    months = list(CaseStat.objects.filter(request_id=instance.pk).values_list("body_id", "month"))
    if months:
        transaction.on_commit(lambda: store.refresh_months(months))


def connect() -> None:
    # Senders by name ("app_label.Model"), so that publicstats need not import foi's models.
    uid = "publicstats"
    post_save.connect(_request_saved, sender="foi.FOIRequest", dispatch_uid=f"{uid}.request")
    pre_delete.connect(_request_deleted, sender="foi.FOIRequest", dispatch_uid=f"{uid}.request_del")
    post_save.connect(_related_changed, sender="foi.Appeal", dispatch_uid=f"{uid}.appeal")
    post_delete.connect(_related_changed, sender="foi.Message", dispatch_uid=f"{uid}.message")
