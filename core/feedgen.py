"""The Atom generator every feed of ours uses: it never fails on stored text, and no text in it
is read as markup.

Stored rows may hold characters XML 1.0 cannot carry (an ESC typed before the forms cleaned
text); Django's generator raises for them, and the feed would answer 500 until the row scrolled
out. Here they are dropped from every text and attribute written.

Nothing a feed passes in is markup: an item's description is plain text (a subject, a message,
file names, as people typed them), escaped here into the ``type="html"`` summary with its line
breaks kept, so ``<img onerror>`` or a ``javascript:`` link reaches a reader as text. Titles
and subtitles are sent as ``type="html"`` with their text escaped: a reader that follows the
spec shows the text, and one that (wrongly) reads titles as HTML shows it too.
"""

from __future__ import annotations

from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.xmlutils import SimplerXMLGenerator

from core.inputs import xml_safe

# Elements whose content is text in Atom (RFC 4287 3.1) that we send as escaped HTML instead.
TEXT_CONSTRUCTS = frozenset({"title", "subtitle", "rights"})


def html_summary(text: str) -> str:
    """HTML for a summary from plain text: escaped, line breaks kept (the only tag)."""
    lines = xml_safe(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(escape(line) for line in lines)


class _XMLSafeGenerator(SimplerXMLGenerator):
    def addQuickElement(self, name, contents=None, attrs=None):
        if name in TEXT_CONSTRUCTS and contents and not attrs:
            contents, attrs = escape(xml_safe(contents)), {"type": "html"}
        super().addQuickElement(name, contents, attrs)

    def characters(self, content):
        super().characters(xml_safe(content) if content else content)

    def startElement(self, name, attrs):
        super().startElement(name, {key: xml_safe(value) for key, value in attrs.items()})


class SafeAtom1Feed(Atom1Feed):
    """Atom whose item descriptions are plain text (see above)."""

    def add_item(self, title, link, description, *args, **kwargs):
        summary = html_summary(description) if description else description
        super().add_item(title, link, summary, *args, **kwargs)

    def write(self, outfile, encoding):
        # Atom1Feed.write, with the generator above.
        handler = _XMLSafeGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")
