"""Files received by e-mail in the workspace: a ZIP's parts listed (and no button to publish
the archive as it is), an image shown in the e-mail's text marked so."""

import pytest
from django.urls import reverse

from foi import services
from foi.models import Message, State
from tests.core import samples

pytestmark = pytest.mark.django_db


def test_the_case_shows_a_zips_parts_and_marks_inline_images(client, world):
    foi_request = world.request(State.IN_PROGRESS)
    message = Message.objects.create(
        foi_request=foi_request, kind="email_in", audience="parties", text="Attached."
    )
    bundle = samples.zip_of({"tariffs.pdf": b"%PDF-1.4", "logo.gif": samples.image("GIF")})
    services.attachment_create(message=message, name="docs.zip", content=bundle, archives=True)
    services.attachment_create(
        message=message, name="logo.png", content=samples.image("PNG"), inline=True
    )
    client.force_login(world.officer)
    page = client.get(reverse("foi_workspace:case", args=[foi_request.reference]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "2 files inside" in html
    assert "tariffs.pdf (PDF" in html
    assert "logo.gif (not a kind we accept: it is an image in a format other than" in html
    assert "shown in the text of the e-mail" in html
    assert "Approve docs.zip for publication" not in html
    assert "Approve logo.png for publication" in html
    assert "A ZIP archive is not published as it is" in html
