"""My requests: where each stands, what waits on the person, drafts, and what they follow."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from foi import selectors
from foi.models import State
from foi.views.calendars import feed_links

PAGE_SIZE = 25


@login_required
def dashboard(request):
    user = request.user
    mine = selectors.foi_request_list_of_requester(user=user)
    drafts = list(mine.filter(state=State.DRAFT))
    waiting = list(mine.filter(state=State.AWAITING_CLARIFICATION))
    page = Paginator(mine.exclude(state=State.DRAFT), PAGE_SIZE).get_page(request.GET.get("page"))
    actions = selectors.requester_actions(foi_requests=list(page), user=user)
    return render(
        request,
        "foi/dashboard.html",
        {
            "drafts": drafts,
            "waiting": waiting,
            "page": page,
            "rows": [(foi_request, actions[foi_request.pk]) for foi_request in page],
            # Batch requests (one letter to many bodies), waiting ones included.
            "batches": selectors.batches_of(user=user),
            "followed_requests": selectors.followed_requests_of(user=user),
            "followed_bodies": selectors.followed_bodies_of(user=user),
            "calendar_feed": feed_links(request, user),
            "calendar_sentence": _(
                "Subscribe to the due dates of your open requests in your own calendar."
            ),
        },
    )
