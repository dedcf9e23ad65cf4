"""Issue 24, batch requests: the moderators' queue of batches waiting for approval in the
Wagtail admin, approving (every body's request is sent) and declining with a reason."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from foi import services
from foi.models import Batch, BatchStatus, FOIRequest, State
from tests.factories import PublicBodyFactory, UserFactory

pytestmark = pytest.mark.django_db
QUEUE = reverse("foi_workspace:batches")


@pytest.fixture
def moderator(world):
    group, _created = Group.objects.get_or_create(name="Sorğu reply moderators")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="foi", codename="classify_replies"),
    )
    person = UserFactory(is_staff=True)
    person.groups.add(group)
    return person


@pytest.fixture
def waiting(world, settings):
    settings.FOI_BATCH_APPROVAL_THRESHOLD = 2
    bodies = [
        PublicBodyFactory(law=world.law, slug=f"district-{i}", name_en=f"District {i}")
        for i in range(3)
    ]
    return services.batch_create(
        creator=world.requester, bodies=bodies, subject="Road repairs", text="Please send."
    )


def decide_url(batch):
    return reverse("foi_workspace:batch", args=[batch.reference])


def test_only_moderators_see_the_queue_and_decide(client, world, moderator, waiting):
    assert waiting.status == BatchStatus.PENDING
    for person in (world.officer, world.coordinator):
        client.force_login(person)
        assert client.get(QUEUE).status_code == 403
        assert client.get(decide_url(waiting)).status_code == 403
        assert client.post(decide_url(waiting), {"decision": "approve"}).status_code == 403
    for person in (world.citizen, world.requester):
        client.force_login(person)
        assert client.get(QUEUE).status_code in (302, 403)
        assert client.post(decide_url(waiting), {"decision": "approve"}).status_code in (302, 403)
    client.logout()
    assert client.get(QUEUE).status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == BatchStatus.PENDING and not FOIRequest.objects.exists()
    client.force_login(moderator)
    page = client.get(QUEUE)
    assert page.status_code == 200 and "Road repairs" in page.content.decode()
    page = client.get(decide_url(waiting)).content.decode()
    assert "District 2" in page
    client.force_login(world.admin)
    assert client.get(QUEUE).status_code == 200


def test_approving_sends_every_bodys_request(client, moderator, waiting):
    client.force_login(moderator)
    response = client.post(decide_url(waiting), {"decision": "approve"})
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == BatchStatus.FILED and waiting.decided_by == moderator
    assert FOIRequest.objects.filter(batch=waiting, state=State.SUBMITTED).count() == 3
    # Decided once: a second decision is refused, nothing more is made.
    response = client.post(decide_url(waiting), {"decision": "decline", "reason": "x"})
    assert response.status_code == 409
    assert FOIRequest.objects.count() == 3
    assert "Road repairs" not in client.get(QUEUE).content.decode()


def test_declining_needs_a_reason_and_shows_it_to_the_creator(client, world, moderator, waiting):
    client.force_login(moderator)
    response = client.post(decide_url(waiting), {"decision": "decline", "reason": ""})
    assert response.status_code == 400
    assert client.post(decide_url(waiting), {"decision": "maybe"}).status_code == 400
    waiting.refresh_from_db()
    assert waiting.status == BatchStatus.PENDING
    client.post(decide_url(waiting), {"decision": "decline", "reason": "Not a request."})
    waiting.refresh_from_db()
    assert waiting.status == BatchStatus.DECLINED and not FOIRequest.objects.exists()
    client.force_login(world.requester)
    page = client.get(reverse("foi:batch_detail", args=[waiting.reference])).content.decode()
    assert "Not a request." in page


def test_an_unknown_batch_is_404(client, moderator):
    client.force_login(moderator)
    assert client.get(reverse("foi_workspace:batch", args=["BATCH-1999-000001"])).status_code == 404
    assert not Batch.objects.exists()


def test_the_creator_is_told_of_the_decision_in_their_language(
    client, world, moderator, waiting, django_capture_on_commit_callbacks
):
    from mail.models import OutboundEmail

    world.requester.preferred_language = "en"
    world.requester.save()
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(decide_url(waiting), {"decision": "decline", "reason": "Not a request."})
    told = OutboundEmail.objects.filter(to_email=world.requester.email, kind="batch_declined")
    assert told.count() == 1
    assert "Not a request." in told.get().body_text
    assert waiting.reference in told.get().body_text
