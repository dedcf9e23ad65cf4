"""The batch form and the batch's page (issue 24): who may, bad input, privacy, following."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from foi import services
from foi.models import Batch, BatchStatus, FOIRequest, Follow, State
from tests.factories import PublicBodyFactory

NEW = reverse("foi:batch_new")


def letter(bodies, **overrides):
    data = {
        "bodies": [body.slug for body in bodies],
        "subject": "Road repairs in 2025",
        "text": "Please send the list of road repairs made in 2025.",
        "access_form": "electronic",
        "urgency": "normal",
        "urgency_justification": "",
        "visibility": "public",
        "private_until": "",
        "public_name_choice": "name",
        "pseudonym": "",
        "go": "send",
    }
    data.update(overrides)
    return data


@pytest.fixture
def districts(world):
    return [
        PublicBodyFactory(
            law=world.law,
            slug=f"district-{i}",
            name_en=f"District {i} executive",
            kind="local_executive",
            parent=world.cabinet,
        )
        for i in range(3)
    ]


@pytest.fixture
def requester_client(client, world):
    client.force_login(world.requester)
    return client


def test_a_visitor_is_sent_to_sign_in(client, world):
    response = client.get(NEW)
    assert response.status_code == 302 and "login" in response["Location"]
    response = client.post(NEW, letter([world.ministry, world.other_body]))
    assert response.status_code == 302 and not Batch.objects.exists()


def test_the_form_lists_bodies_and_filters_by_kind_keeping_those_ticked(
    requester_client, world, districts
):
    page = requester_client.get(NEW).content.decode()
    assert 'value="district-0"' in page and 'value="ministry"' in page
    response = requester_client.post(
        NEW, letter([world.ministry], go="filter", kind="local_executive")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="ministry" checked' in page  # kept, though not of the kind
    assert 'id="body-district-1"' in page and 'id="body-other"' not in page
    assert "Road repairs in 2025" in page  # the letter typed so far comes back
    assert not Batch.objects.exists()


def test_tick_all_shown_chooses_every_body_of_the_kind(requester_client, districts):
    response = requester_client.post(NEW, letter([], go="all", kind="local_executive"))
    page = response.content.decode()
    for body in districts:
        assert f'value="{body.slug}" checked' in page
    assert "3 bodies chosen" in page


def test_a_batch_is_sent_and_its_page_shows_each_body(requester_client, client, districts):
    response = requester_client.post(NEW, letter(districts))
    batch = Batch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("foi:batch_detail", args=[batch.reference])
    requests = FOIRequest.objects.filter(batch=batch)
    assert requests.count() == 3 and {r.state for r in requests} == {State.SUBMITTED}
    client.logout()
    page = client.get(response["Location"]).content.decode()
    for foi_request in requests:
        assert foi_request.reference in page and foi_request.body.name in page
    assert "Submitted" in page and "The batch in figures" in page
    assert "Please send the list of road repairs made in 2025." in page
    # Each request's page links back to the batch.
    case = client.get(reverse("foi:request_detail", args=[requests[0].reference]))
    assert batch.reference in case.content.decode()


@pytest.mark.parametrize(
    "change, sentence, status",
    [
        ({"bodies": ["district-0"]}, "at least two bodies", 400),
        ({"bodies": ["district-0", "nowhere"]}, "Choose bodies from the list", 400),
        ({"bodies": []}, "Choose the bodies", 400),
        ({"subject": ""}, "Give your request a subject", 400),
        ({"visibility": "private", "private_until": ""}, "Choose the date", 400),
    ],
)
def test_bad_input_is_shown_and_nothing_is_saved(
    requester_client, districts, change, sentence, status
):
    response = requester_client.post(NEW, {**letter(districts), **change})
    assert response.status_code == status
    assert sentence in response.content.decode()
    assert not Batch.objects.exists() and not FOIRequest.objects.exists()


def test_an_inactive_body_is_refused(requester_client, world, districts):
    closed = PublicBodyFactory(law=world.law, name_en="Closed office", is_active=False)
    response = requester_client.post(NEW, letter([*districts, closed]))
    assert response.status_code == 400
    assert "Closed office" in response.content.decode()
    assert not FOIRequest.objects.exists()


def test_over_the_daily_limit_nothing_is_sent(requester_client, districts, settings):
    settings.FOI_FILING_RATE_LIMIT = 2
    response = requester_client.post(NEW, letter(districts))
    assert response.status_code == 429
    assert "This batch would send 3 requests" in response.content.decode()
    assert not Batch.objects.exists() and not FOIRequest.objects.exists()


def test_a_large_batch_waits_and_its_page_is_for_its_creator(
    requester_client, client, world, settings, districts
):
    settings.FOI_BATCH_APPROVAL_THRESHOLD = 2
    response = requester_client.post(NEW, letter(districts))
    batch = Batch.objects.get()
    assert batch.status == BatchStatus.PENDING and not FOIRequest.objects.exists()
    page = requester_client.get(response["Location"]).content.decode()
    assert "waits for a moderator" in page and "District 2 executive" in page
    client.logout()
    assert client.get(response["Location"]).status_code == 404
    client.force_login(world.citizen)
    assert client.get(response["Location"]).status_code == 404
    assert client.post(reverse("foi:batch_follow", args=[batch.reference])).status_code == 404


def test_a_private_batch_is_404_to_others_and_unknown_is_404(client, world, districts):
    batch = services.batch_create(
        creator=world.requester,
        bodies=districts,
        subject="Private question",
        text="Text",
        visibility="private",
        private_until=datetime.date.today() + datetime.timedelta(days=60),
    )
    url = reverse("foi:batch_detail", args=[batch.reference])
    assert client.get(url).status_code == 404
    client.force_login(world.citizen)
    assert client.get(url).status_code == 404
    assert client.post(reverse("foi:batch_follow", args=[batch.reference])).status_code == 404
    assert client.get(reverse("foi:batch_detail", args=["BATCH-2000-000001"])).status_code == 404
    client.force_login(world.requester)
    assert "Private question" in client.get(url).content.decode()


def test_the_public_page_masks_the_requesters_contact_details(client, world, districts):
    world.requester.email = "aysel@example.org"
    world.requester.save()
    batch = services.batch_create(
        creator=world.requester,
        bodies=districts,
        subject="Roads",
        text="Write to me at aysel@example.org please.",
    )
    page = client.get(reverse("foi:batch_detail", args=[batch.reference])).content.decode()
    assert "Write to me at" in page and "aysel@example.org" not in page
    client.force_login(world.requester)
    page = client.get(reverse("foi:batch_detail", args=[batch.reference])).content.decode()
    assert "aysel@example.org" in page  # the requester reads their own letter as written


def test_following_a_batch_follows_each_of_its_requests(client, world, districts):
    batch = services.batch_create(
        creator=world.requester, bodies=districts, subject="Roads", text="Text"
    )
    url = reverse("foi:batch_follow", args=[batch.reference])
    response = client.post(url)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(world.citizen)
    client.post(url)
    assert Follow.objects.filter(user=world.citizen, foi_request__batch=batch).count() == 3
    page = client.get(reverse("foi:batch_detail", args=[batch.reference])).content.decode()
    assert "You follow every request of this batch" in page
    client.post(url, {"follow": "0"})
    assert not Follow.objects.filter(user=world.citizen).exists()


def test_the_dashboard_lists_the_persons_own_batches_only(client, world, districts, settings):
    settings.FOI_BATCH_APPROVAL_THRESHOLD = 2
    services.batch_create(creator=world.requester, bodies=districts, subject="Roads", text="T")
    client.force_login(world.requester)
    page = client.get(reverse("foi:dashboard")).content.decode()
    assert "Your batch requests" in page and "Waiting for a moderator" in page
    client.force_login(world.citizen)
    assert "Your batch requests" not in client.get(reverse("foi:dashboard")).content.decode()
