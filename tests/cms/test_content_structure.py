"""Issue 22, point 5: the guide, the law explained and the privacy notice are built of real
headings (h2, and h3 under them), not plain divs, and their numbered steps are a list of their
own, not the filing wizard's step counter (which would number each step twice)."""

import re

import pytest
from django.utils import translation

from cms.models import StandardPage
from demo.cms import content_az, content_en, content_ru
from tests.cms.conftest import add_child

pytestmark = pytest.mark.django_db


def page_of(tree, content, slug):
    page = StandardPage(slug=slug, title=content["title"], intro=content["intro"])
    page.body = [{"type": kind, "value": value} for kind, value in content["body"]]
    return add_child(tree.home, page)


def headings(html, level):
    return re.findall(rf"<h{level}>([^<]+)</h{level}>", html)


@pytest.mark.parametrize("content", [content_en, content_az, content_ru])
def test_the_demo_pages_headings_are_h2_and_h3(client, tree, content):
    for name, slug in (("GUIDE", "guide"), ("LAW", "law"), ("PRIVACY", "privacy")):
        source = getattr(content, name)
        page = page_of(tree, source, slug)
        with translation.override("en"):
            html = client.get(page.url).content.decode()
        expected = {
            level: [value for kind, value in source["body"] if kind == block]
            for level, block in ((2, "heading"), (3, "subheading"))
        }
        assert expected[2], name
        assert headings(html, 2) == expected[2], name
        assert headings(html, 3) == expected[3], name
        assert 'class="block-heading"' not in html
    # The law explained has sections with subsections.
    assert len([kind for kind, _value in content.LAW["body"] if kind == "subheading"]) >= 5


def test_the_steps_are_a_list_of_their_own(client, tree):
    page = page_of(tree, content_en.GUIDE, "guide")
    html = client.get(page.url).content.decode()
    lists = re.findall(r'<ol class="([^"]*)">', html)
    assert lists == ["step-list govuk-list govuk-list--number"]
    # The filing wizard's counter is for class "steps" (its <nav>): not on the content pages.
    assert 'class="steps"' not in html


def test_a_heading_is_escaped(client, tree):
    page = StandardPage(slug="odd", title="Odd", intro="")
    page.body = [{"type": "heading", "value": "<script>x</script> & co"}]
    page = add_child(tree.home, page)
    html = client.get(page.url).content.decode()
    assert "<h2>&lt;script&gt;x&lt;/script&gt; &amp; co</h2>" in html
