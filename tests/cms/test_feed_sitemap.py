"""The Atom feed of new disclosures, the sitemap and robots.txt see only what the public sees."""

from datetime import date
from xml.etree import ElementTree

from django.urls import reverse

from foi.models import State

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_feed_lists_published_disclosures_and_log_entries_only(client, tree):
    tree.disclosure(category="statistics", title="Air quality 2026", summary="Monthly PM2.5.")
    tree.disclosure(category="budget", title="Budget draft", live=False)
    response = client.get(reverse("cms:disclosure_feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["Air quality 2026 · Ministry of Finance"]
    entry = next(feed.iter(f"{ATOM}entry"))
    assert entry.findtext(f"{ATOM}summary") == "Monthly PM2.5."
    assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/disclosures/")


def test_the_feed_is_newest_first(client, tree):
    tree.disclosure(category="statistics", title="Older", publication_date=date(2025, 1, 1))
    tree.disclosure(category="budget", title="Newer", publication_date=date(2026, 1, 1))
    feed = ElementTree.fromstring(client.get(reverse("cms:disclosure_feed")).content)
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert [title.split(" · ")[0] for title in titles] == ["Newer", "Older"]


def test_the_sitemap_has_live_pages_and_public_requests_only(client, tree, world):
    public = world.request(State.ANSWERED)
    private = world.request(State.ANSWERED, visibility="private", private_until="2099-01-01")
    draft = world.request(State.DRAFT)
    live = tree.disclosure(category="statistics", title="Live one")
    hidden = tree.disclosure(category="budget", title="Hidden one", live=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    text = response.content.decode()
    assert f"/requests/{public.reference}/" in text
    assert f"/requests/{private.reference}/" not in text
    assert "/requests/None/" not in text and draft.reference is None
    assert live.url in text
    assert hidden.slug not in text
    assert "http://localhost/disclosures/" in text  # pages: the Wagtail site's own host
    assert f"/bodies/{world.ministry.slug}/" in text
    assert f"/laws/{world.law.code}/" in text


def test_robots_txt_points_at_the_sitemap(client, tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
