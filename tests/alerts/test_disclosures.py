"""A saved search tells of newly published disclosures too; a draft or an unpublished page is
never in its digest or feed."""

import datetime

from django.urls import reverse

from alerts import digest, services
from core import clock
from mail.models import OutboundEmail
from tests.cms.conftest import tree  # noqa: F401 (a fixture)
from tests.search.conftest import backend  # noqa: F401 (a fixture)


def test_a_published_disclosure_reaches_the_digest_and_a_draft_never(
    client,
    world,
    backend,  # noqa: F811
    tree,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    with clock.travel(clock.now() - datetime.timedelta(days=1)):
        saved = services.saved_search_create(user=world.citizen, query="icrası")
    with django_capture_on_commit_callbacks(execute=True):
        published = tree.disclosure(title="Büdcə icrası: hesabat", summary="Rüblük icra")
        tree.disclosure(title="Büdcə icrası: DRAFTWORD", summary="Qaralama", live=False)
        withdrawn = tree.disclosure(title="Büdcə icrası: WITHDRAWNWORD", summary="Geri")
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn.unpublish()
    digest.digests_send(now=clock.now() + datetime.timedelta(hours=1))
    [email] = OutboundEmail.objects.filter(kind="saved_search_digest")
    feed = client.get(reverse("alerts:feed", args=[saved.feed_token])).content.decode()
    for text in (email.body_text, feed):
        assert published.title in text
        assert "DRAFTWORD" not in text and "WITHDRAWNWORD" not in text
