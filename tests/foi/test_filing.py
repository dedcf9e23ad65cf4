"""The filing wizard: a draft saved at every step, errors next to their fields with what was
typed kept, a preview of the letter, and a submission within the daily limit."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from foi.models import FOIRequest, State
from tests.factories import FOIRequestFactory, PublicBodyFactory
from tests.foi.portal import draft_of


@pytest.fixture
def requester_client(client, world):
    client.force_login(world.requester)
    return client


def step(draft, name):
    return reverse(f"foi:filing_{name}", args=[draft.pk])


def details(**overrides):
    data = {
        "access_form": "electronic",
        "urgency": "normal",
        "urgency_justification": "",
        "visibility": "public",
        "private_until": "",
        "public_name_choice": "name",
        "pseudonym": "",
        "go": "next",
    }
    data.update(overrides)
    return data


def test_the_wizard_files_a_request_step_by_step(requester_client, world):
    response = requester_client.post(reverse("foi:filing_start"), {"body": world.ministry.slug})
    draft = FOIRequest.objects.get(requester=world.requester, state=State.DRAFT)
    assert response["Location"] == step(draft, "letter")

    response = requester_client.post(
        step(draft, "letter"),
        {"subject": "Budget 2025", "text": "Please send the 2025 budget report.", "go": "next"},
    )
    assert response["Location"] == step(draft, "details")
    response = requester_client.post(step(draft, "details"), details(access_form="paper"))
    assert response["Location"] == step(draft, "preview")

    preview = requester_client.get(step(draft, "preview")).content.decode()
    assert "Please send the 2025 budget report." in preview
    assert escape(world.law.name_en) in preview  # the letter cites the law
    assert "7 working days" in preview  # and its deadline
    assert "If you send it now, the answer is due by" in preview
    assert "Paper copy by post" in preview

    response = requester_client.post(step(draft, "preview"))
    sent = FOIRequest.objects.get(pk=draft.pk)
    assert sent.state == State.SUBMITTED
    assert sent.reference and sent.due_at
    assert sent.access_form == "paper"
    assert response["Location"] == reverse("foi:request_detail", args=[sent.reference])
    case = requester_client.get(response["Location"]).content.decode()
    assert sent.reference in case
    assert "Its reference is" in case  # the confirmation names the reference and due date
    assert "Received" in case  # the due date's explanation


def test_a_body_page_button_starts_with_that_body_chosen(requester_client, world):
    url = reverse("foi:filing_start") + f"?body={world.other_body.slug}"
    page = requester_client.get(url).content.decode()
    assert f'value="{world.other_body.slug}" checked' in page


def test_the_body_step_searches_without_javascript(requester_client, world):
    page = requester_client.get(reverse("foi:filing_start"), {"q": "health"}).content.decode()
    assert world.other_body.slug in page
    assert f'value="{world.ministry.slug}"' not in page


def test_choosing_no_body_or_an_inactive_one_is_refused(requester_client, world):
    closed = PublicBodyFactory(name_en="Abolished Committee", is_active=False, law=world.law)
    response = requester_client.post(reverse("foi:filing_start"), {"body": ""})
    assert response.status_code == 400
    assert "Choose the body that holds the information." in response.content.decode()
    response = requester_client.post(reverse("foi:filing_start"), {"body": closed.slug})
    assert response.status_code == 400
    assert "Abolished Committee no longer takes requests" in response.content.decode()
    response = requester_client.post(reverse("foi:filing_start"), {"body": "no-such-body"})
    assert response.status_code == 400
    assert not FOIRequest.objects.exists()


def test_an_empty_or_oversized_letter_keeps_what_was_typed(requester_client, world):
    draft = draft_of(world, subject="", text="")
    response = requester_client.post(
        step(draft, "letter"), {"subject": "", "text": "Some words I typed", "go": "next"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Give your request a subject." in page
    assert "Some words I typed" in page
    response = requester_client.post(
        step(draft, "letter"), {"subject": "x" * 251, "text": "y" * 20_001, "go": "next"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "at most 250 characters" in page
    assert "at most 20000 characters" in page
    draft.refresh_from_db()
    assert (draft.subject, draft.text) == ("", "")


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"urgency": "life"}, "urgency_justification", "Say why the request is urgent"),
        ({"visibility": "private"}, "private_until", "Choose the date when the request may"),
        ({"visibility": "private", "private_until": "2000-01-01"}, "private_until", "after today"),
        ({"visibility": "private", "private_until": "3000-01-01"}, "private_until", "after today"),
        ({"visibility": "private", "private_until": "not a date"}, "private_until", "valid date"),
        ({"public_name_choice": "pseudonym"}, "pseudonym", "Write the pseudonym"),
        ({"access_form": "carrier pigeon"}, "access_form", "Select a valid choice"),
    ],
)
def test_bad_details_are_shown_next_to_their_field(requester_client, world, fields, field, message):
    draft = draft_of(world)
    response = requester_client.post(step(draft, "details"), details(**fields))
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert f'id="id_{field}_error"' in page  # the message sits next to its field
    draft.refresh_from_db()
    assert (draft.urgency, draft.visibility, draft.access_form) == (
        "normal",
        "public",
        "electronic",
    )


def test_a_person_without_a_name_must_choose_a_pseudonym_or_withhold(client, world):
    world.requester.first_name = world.requester.last_name = ""
    world.requester.save()
    client.force_login(world.requester)
    draft = draft_of(world)
    response = client.post(step(draft, "details"), details(public_name_choice="name"))
    assert response.status_code == 400
    assert "Your profile has no name yet" in response.content.decode()
    response = client.post(
        step(draft, "details"), details(public_name_choice="pseudonym", pseudonym="Watcher")
    )
    assert response.status_code == 302


def test_private_until_a_date_within_a_year_is_accepted(requester_client, world):
    draft = draft_of(world)
    until = timezone.localdate() + datetime.timedelta(days=100)
    response = requester_client.post(
        step(draft, "details"), details(visibility="private", private_until=until.isoformat())
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.visibility, draft.private_until) == ("private", until)


def test_back_and_save_buttons_keep_the_draft(requester_client, world):
    draft = draft_of(world)
    response = requester_client.post(
        step(draft, "letter"), {"subject": "Kept", "text": "Kept text", "go": "back"}
    )
    assert response["Location"] == step(draft, "body")
    draft.refresh_from_db()
    assert draft.subject == "Kept"
    response = requester_client.post(
        step(draft, "letter"), {"subject": "Kept again", "text": "Kept text", "go": "stay"}
    )
    assert response["Location"] == step(draft, "letter")


def test_autosave_saves_the_text_as_it_is_typed(requester_client, world):
    draft = draft_of(world)
    url = reverse("foi:filing_autosave", args=[draft.pk])
    response = requester_client.post(url, {"text": "Half a sent", "subject": "Half"})
    assert response.status_code == 200
    assert "saved" in response.json()
    draft.refresh_from_db()
    assert (draft.subject, draft.text) == ("Half", "Half a sent")
    response = requester_client.post(url, {"text": "y" * 20_001})
    assert response.status_code == 400
    assert requester_client.post(url, {"state": "submitted"}).status_code == 400
    draft.refresh_from_db()
    assert (draft.state, draft.text) == (State.DRAFT, "Half a sent")


def test_the_details_step_shows_similar_answered_requests(requester_client, world, settings):
    settings.FOI_SIMILAR_REQUESTS_FINDER = ""  # foi's own word match; the index is empty here
    answered = world.request(State.ANSWERED, subject="Hospital waiting times in Baku")
    draft = draft_of(world, subject="Waiting times at hospitals", text="Baku hospitals, 2025")
    page = requester_client.get(step(draft, "details")).content.decode()
    assert "Similar requests" in page
    assert answered.subject in page


def test_a_preview_lists_what_stops_the_submission(requester_client, world):
    draft = draft_of(world, subject="", text="", urgency="relevance")
    page = requester_client.get(step(draft, "preview")).content.decode()
    assert "The request needs a subject and a text." in page
    assert "An urgent request needs its reason." in page
    response = requester_client.post(step(draft, "preview"))
    assert response.status_code == 409
    draft.refresh_from_db()
    assert draft.state == State.DRAFT


def test_a_sent_draft_leads_to_its_case_page(requester_client, world):
    sent = world.request(State.SUBMITTED)
    response = requester_client.get(step(sent, "letter"))
    assert response["Location"] == reverse("foi:request_detail", args=[sent.reference])


def test_discarding_a_draft_deletes_it(requester_client, world):
    draft = draft_of(world)
    response = requester_client.post(reverse("foi:filing_discard", args=[draft.pk]))
    assert response["Location"] == reverse("foi:dashboard")
    assert not FOIRequest.objects.filter(pk=draft.pk).exists()
    assert requester_client.get(step(draft, "letter")).status_code == 404


def test_a_new_request_starts_from_the_last_public_name_choice(requester_client, world):
    world.request(State.SUBMITTED, public_name_choice="pseudonym", pseudonym="Qələm")
    requester_client.post(reverse("foi:filing_start"), {"body": world.ministry.slug})
    draft = FOIRequest.objects.get(state=State.DRAFT)
    assert (draft.public_name_choice, draft.pseudonym) == ("pseudonym", "Qələm")


# -- the daily limit --------------------------------------------------------------------------


def _filed(world, hours_ago, **extra):
    at = timezone.now() - datetime.timedelta(hours=hours_ago)
    return FOIRequestFactory(
        requester=world.requester,
        body=world.ministry,
        state=State.SUBMITTED,
        submitted_at=at,
        **extra,
    )


def test_filing_is_limited_per_person_per_day(requester_client, world, settings):
    settings.FOI_FILING_RATE_LIMIT = 2
    _filed(world, hours_ago=1)
    _filed(world, hours_ago=2)
    _filed(world, hours_ago=30)  # outside the 24 hours
    _filed(world, hours_ago=1, registered_by=world.officer)  # registered by an officer
    draft = draft_of(world)
    response = requester_client.post(step(draft, "preview"))
    assert response.status_code == 429
    page = response.content.decode()
    assert "You have sent 2 requests in the last 24 hours" in page
    assert "Your draft is saved" in page
    draft.refresh_from_db()
    assert draft.state == State.DRAFT and draft.reference is None
    assert not FOIRequest.objects.filter(pk=draft.pk).exclude(state=State.DRAFT).exists()


def test_under_the_limit_filing_goes_through(requester_client, world, settings):
    settings.FOI_FILING_RATE_LIMIT = 2
    _filed(world, hours_ago=1)
    draft = draft_of(world)
    requester_client.post(step(draft, "preview"))
    draft.refresh_from_db()
    assert draft.state == State.SUBMITTED


def test_the_limit_defaults_to_ten_a_day(requester_client, world):
    for hours in range(10):
        _filed(world, hours_ago=hours + 1)
    draft = draft_of(world)
    assert requester_client.post(step(draft, "preview")).status_code == 429
    draft.refresh_from_db()
    assert draft.state == State.DRAFT
