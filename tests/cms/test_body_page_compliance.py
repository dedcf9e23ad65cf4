"""The citizen's body page shows what the body publishes proactively (the CMS's block)."""

from django.urls import reverse


def test_the_body_page_shows_its_proactive_disclosure(client, world):
    page = client.get(reverse("foi:body_detail", args=[world.ministry.slug])).content.decode()
    assert f'id="compliance-heading-{world.ministry.slug}"' in page
    assert "Proactive disclosure" in page
