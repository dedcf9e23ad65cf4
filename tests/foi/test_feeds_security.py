"""Feeds carry people's text as text: control characters stored before the forms cleaned them
do not break a feed, and markup in a subject, a text, a message or a file name reaches a feed
reader escaped, never as a live tag (issue 17, points 8 and 9)."""

from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.html import escape

from foi.models import Attachment, Message, State
from tests.cms.conftest import tree  # noqa: F401 (the fixture)

ATOM = "{http://www.w3.org/2005/Atom}"
CONTROLS = "\x1b[31m\x07\x0b\x0c\x1f"  # no NUL: PostgreSQL cannot store one
IMG = '<img src=x onerror="alert(1)">'
LINK = '<a href="javascript:alert(2)">click</a>'
SCRIPT = "<script>alert(3)</script>"
HOSTILE = f"{IMG} {LINK} {SCRIPT}"
# What an escaped summary may contain: the line breaks we make.
OUR_TAGS = {"br"}


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attributes = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(value or "" for _name, value in attrs)


def tags_in(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    parser.close()
    return parser


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return ElementTree.fromstring(response.content)


def assert_escaped(feed, *, expect_in_summaries=()):
    entries = list(feed.iter(f"{ATOM}entry"))
    assert entries
    for element in feed.iter():
        # Titles: text, or escaped HTML that holds no tag at all.
        if element.tag in (f"{ATOM}title", f"{ATOM}subtitle") and element.get("type") == "html":
            assert tags_in(element.text or "").tags == []
        if element.tag == f"{ATOM}summary":
            assert element.get("type") == "html"
            found = tags_in(element.text or "")
            assert set(found.tags) <= OUR_TAGS, found.tags
            assert not any("javascript:" in value for value in found.attributes)
    summaries = " ".join(entry.findtext(f"{ATOM}summary") or "" for entry in entries)
    for text in expect_in_summaries:
        # The reader shows the characters: escaped once more inside the HTML.
        assert escape(text) in summaries
    return entries


@pytest.fixture
def hostile(world):
    """A public request whose subject, text, public message and approved file name hold
    control characters and markup, as rows stored before input was cleaned may."""
    foi_request = world.request(
        State.ANSWERED,
        subject=f"Budget {CONTROLS} {IMG}",
        text=f"Please send {CONTROLS}\n\n{HOSTILE}",
    )
    message = Message.objects.create(
        foi_request=foi_request, kind="response", text=f"Here {CONTROLS} {HOSTILE}"
    )
    Attachment.objects.create(
        message=message,
        file=ContentFile(b"x", name="budget.pdf"),
        original_name=f"{IMG}{CONTROLS}.pdf",
        content_type="application/pdf",
        size=1,
        sha256="0" * 64,
        approved=True,
    )
    return foi_request


def test_the_feed_of_all_requests(client, hostile):
    feed = read_feed(client, reverse("foi:request_feed"))
    (entry,) = assert_escaped(feed, expect_in_summaries=[IMG, LINK, SCRIPT])
    assert entry.findtext(f"{ATOM}title").startswith(hostile.reference)
    assert "\x1b" not in ElementTree.tostring(feed, encoding="unicode")


def test_a_bodys_feed(client, hostile, world):
    feed = read_feed(client, reverse("foi:body_feed", args=[world.ministry.slug]))
    assert_escaped(feed, expect_in_summaries=[IMG, LINK])


def test_a_requests_timeline(client, hostile):
    feed = read_feed(client, reverse("foi:request_timeline_feed", args=[hostile.reference]))
    assert feed.findtext(f"{ATOM}title").startswith(hostile.reference)
    assert_escaped(feed, expect_in_summaries=[IMG, LINK, SCRIPT, f"{IMG}[31m.pdf"])


def test_the_title_reaches_the_reader_as_text(client, hostile):
    feed = read_feed(client, reverse("foi:request_feed"))
    title = next(feed.iter(f"{ATOM}entry")).find(f"{ATOM}title")
    # type="html" with the markup escaped: the reader decodes it once and shows the text.
    assert title.get("type") == "html"
    assert "&lt;img src=x onerror=" in title.text
    assert "[31m" in title.text and "\x1b" not in title.text


def test_the_disclosure_feed(client, tree):  # noqa: F811
    tree.disclosure(
        category="statistics", title=f"Air {CONTROLS} {IMG}", summary=f"{HOSTILE} {CONTROLS}"
    )
    feed = read_feed(client, reverse("cms:disclosure_feed"))
    assert_escaped(feed, expect_in_summaries=[IMG, LINK, SCRIPT])
