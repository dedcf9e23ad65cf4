"""Atom feeds: all requests, a body's requests, one request's public timeline.

Feeds are public documents, cached and shared: they see only what an anonymous visitor sees,
whoever fetches them (docs/permissions.md), so a private request has no feed, even for its parties.
Every text here is plain text, as typed; SafeAtom1Feed escapes it and drops what XML cannot carry.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.errors import NotVisible
from core.feedgen import SafeAtom1Feed
from foi import selectors
from foi.privacy import masking

SUMMARY_WORDS = 80


def _public(foi_request, text: str) -> str:
    """The request's own words with its requester's identity masked (the messages come masked
    from ``selectors.message_list``)."""
    return masking.mask_text(text, masking.requester_identifiers(foi_request))


def _author(foi_request) -> str:
    return foi_request.public_name or _("Name withheld")


class _RequestsFeed(Feed):
    feed_type = SafeAtom1Feed

    def item_title(self, item):
        return f"{item.reference}: {_public(item, item.subject)}"

    def item_description(self, item):
        return (
            _("%(state)s · to %(body)s")
            % {
                "state": item.get_state_display(),
                "body": item.body.name,
            }
            + "\n\n"
            + Truncator(_public(item, item.text)).words(SUMMARY_WORDS)
        )

    def item_link(self, item):
        return reverse("foi:request_detail", args=[item.reference])

    def item_pubdate(self, item):
        return item.submitted_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return _author(item)


class AllRequestsFeed(_RequestsFeed):
    def title(self):
        return _("Sorğu: latest requests")

    def subtitle(self):
        return _("Requests for information filed through Sorğu.")

    def link(self):
        return reverse("foi:request_list")

    def items(self):
        return selectors.foi_request_public_feed()


class BodyRequestsFeed(_RequestsFeed):
    def get_object(self, request, slug):
        try:
            return selectors.public_body_get(slug=slug)
        except NotVisible as error:
            raise Http404(str(error)) from error

    def title(self, body):
        return _("Sorğu: requests to %(body)s") % {"body": body.name}

    def subtitle(self, body):
        return self.title(body)

    def link(self, body):
        return reverse("foi:body_detail", args=[body.slug])

    def items(self, body):
        return selectors.foi_request_public_feed(body=body)


class RequestTimelineFeed(Feed):
    feed_type = SafeAtom1Feed

    def get_object(self, request, reference):
        try:
            return selectors.foi_request_public_get(reference=reference)
        except NotVisible as error:
            raise Http404(str(error)) from error

    def title(self, foi_request):
        return f"{foi_request.reference}: {_public(foi_request, foi_request.subject)}"

    def subtitle(self, foi_request):
        return _("What happened on this request, newest first.")

    def link(self, foi_request):
        return reverse("foi:request_detail", args=[foi_request.reference])

    def items(self, foi_request):
        public = selectors.message_list(foi_request=foi_request, user=AnonymousUser())
        for message in public:
            message.foi_request = foi_request
        return list(reversed(public))[:50]

    def item_title(self, item):
        return str(item.get_kind_display())

    def item_description(self, item):
        files = [attachment.original_name for attachment in item.attachments.all()]
        text = Truncator(item.text).words(SUMMARY_WORDS * 3)
        return text + (("\n\n" + ", ".join(files)) if files else "")

    def item_link(self, item):
        url = reverse("foi:request_detail", args=[item.foi_request.reference])
        return f"{url}#message-{item.pk}"

    def item_guid(self, item):
        return f"message-{item.pk}"

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.created_at

    def item_author_name(self, item):
        if item.from_body_id:
            return item.from_body.name
        if item.author_id and item.author_id == item.foi_request.requester_id:
            return _author(item.foi_request)
        return None
