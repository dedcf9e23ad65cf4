"""The case's forms on the design system: a bad input shows an error summary at the top whose
links lead to the fields in error, each field carries its message (govuk-error-message, with the
id its aria-describedby names), and a good form shows no summary."""

import re

import pytest

from foi.models import State
from tests.factories import PublicBodyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def overdue(world):
    emailed = PublicBodyFactory(slug="emailed", name_en="State Archive", law=world.law)
    return world.request(State.SUBMITTED, body=emailed)  # due yesterday, answers by e-mail


def remind_url(foi_request) -> str:
    return f"/requests/{foi_request.reference}/remind/"


def test_an_empty_reminder_shows_the_summary_linking_to_the_field(client, world, overdue):
    client.force_login(world.requester)
    page = client.post(remind_url(overdue), {"text": "  "}).content.decode()
    summary = page.split('class="govuk-error-summary', 1)[1].split("</div>\n</div>", 1)[0]
    assert 'data-module="govuk-error-summary"' in page
    links = re.findall(r'href="#([^"]+)"', summary)
    assert links == ["id_text"]
    assert 'id="id_text"' in page and 'class="govuk-textarea govuk-textarea--error"' in page
    assert 'aria-describedby="id_text_helptext id_text_error"' in page
    assert 'id="id_text_error"' in page and 'id="id_text_helptext"' in page
    # The summary comes before the form's heading: it is the first thing read.
    assert page.index("govuk-error-summary") < page.index("<h1")


def test_the_first_visit_shows_no_summary(client, world, overdue):
    client.force_login(world.requester)
    page = client.get(remind_url(overdue)).content.decode()
    assert "govuk-error-summary" not in page
    assert 'class="govuk-textarea"' in page and "govuk-form-group--error" not in page


def test_someone_else_gets_no_form_at_all(client, world, overdue):
    client.force_login(world.citizen)
    response = client.post(remind_url(overdue), {"text": "  "})
    assert response.status_code == 403
    assert b'id="id_text"' not in response.content
