"""Filing through the portal: submitting a draft within the per-person daily limit."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import clock
from core.errors import InvalidInput, RateLimited
from foi.models import FOIRequest, PublicBody
from foi.services.submission import foi_request_submit

FILING_WINDOW = datetime.timedelta(days=1)


def foi_request_file(*, foi_request: FOIRequest, actor) -> FOIRequest:
    """Submit the requester's own draft, refusing once they have filed
    ``FOI_FILING_RATE_LIMIT`` requests in the last 24 hours (0 turns the limit off)."""
    limit = int(getattr(settings, "FOI_FILING_RATE_LIMIT", 10) or 0)
    body = PublicBody.objects.filter(pk=foi_request.body_id).first()
    if body is None or not body.is_active:
        raise InvalidInput(
            _("%(body)s no longer takes requests; choose another body.")
            % {"body": body.name if body else "?"},
            errors={"body": ["inactive"]},
        )
    with transaction.atomic():
        if limit and getattr(actor, "pk", None):
            # One person's submissions queue up here, so two tabs cannot both slip under it.
            get_user_model().objects.select_for_update().filter(pk=actor.pk).first()
            now = clock.now()
            recent = list(
                FOIRequest.objects.filter(
                    requester=actor,
                    registered_by__isnull=True,
                    submitted_at__gte=now - FILING_WINDOW,
                )
                .order_by("submitted_at")
                .values_list("submitted_at", flat=True)
            )
            if len(recent) >= limit:
                free_at = timezone.localtime(recent[len(recent) - limit] + FILING_WINDOW)
                raise RateLimited(
                    ngettext(
                        "You have sent %(count)d request in the last 24 hours, the most this "
                        "site accepts from one person. Your draft is saved: you can send it "
                        "after %(when)s.",
                        "You have sent %(count)d requests in the last 24 hours, the most this "
                        "site accepts from one person. Your draft is saved: you can send it "
                        "after %(when)s.",
                        len(recent),
                    )
                    % {
                        "count": len(recent),
                        "when": formats.date_format(free_at, "DATETIME_FORMAT"),
                    }
                )
        return foi_request_submit(foi_request=foi_request, actor=actor)
