"""Issue 19, point 2: the page where the requester (or a moderator) says what an e-mail body's
letter is; the banner that asks for it; and how the case page then shows who recorded the
body's move, from which letter, without showing the public what only the parties read."""

import datetime
import html

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from foi.models import CaseEvent, Membership, Message, MessageKind, State
from tests.factories import PublicBodyFactory, UserFactory

pytestmark = pytest.mark.django_db

LETTER_TEXT = "Dear Aysel, PRIVATE-LETTER-TEXT: the tariffs are attached. Signed, Rauf."


@pytest.fixture
def post_body(world):
    """No one of it works in Sorğu: it answers by e-mail."""
    return PublicBodyFactory(
        slug="water", name_en="Water Agency", request_email="info@water.gov.example", law=world.law
    )


def letter_on(foi_request, body, *, text=LETTER_TEXT, days_ago=2):
    return Message.objects.create(
        foi_request=foi_request,
        kind=MessageKind.EMAIL_IN,
        audience="parties",
        from_body=body,
        subject="Re: your request",
        text=text,
        email_from="office@water.gov.example",
        created_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


@pytest.fixture
def case(world, post_body):
    foi_request = world.request(
        State.SUBMITTED, body=post_body, due_at=timezone.now() + datetime.timedelta(days=3)
    )
    return foi_request, letter_on(foi_request, post_body)


@pytest.fixture
def moderator():
    person = UserFactory()
    person.user_permissions.add(Permission.objects.get(codename="classify_replies"))
    return person


def classify_url(letter):
    return reverse("foi:request_classify_reply", args=[letter.foi_request.reference, letter.pk])


def detail(foi_request):
    return reverse("foi:request_detail", args=[foi_request.reference])


def text(response) -> str:
    return html.unescape(response.content.decode())


def post(client, foi_request, letter, **data):
    return client.post(classify_url(letter), {"version": foi_request.version, **data})


def events(foi_request):
    return list(CaseEvent.objects.filter(foi_request=foi_request).values_list("kind", flat=True))


# -- the banner -------------------------------------------------------------------------------


def test_the_requester_sees_the_banner_and_the_page(client, world, case):
    foi_request, letter = case
    client.force_login(world.requester)
    page = text(client.get(detail(foi_request)))
    assert "say what the reply is" in page and f'href="{classify_url(letter)}"' in page
    assert f'id="message-{letter.pk}"' in page

    response = client.get(classify_url(letter))
    assert response.status_code == 200
    page = text(response)
    assert "PRIVATE-LETTER-TEXT" in page  # the letter, and the text prefilled
    for label in ("Acknowledgement of receipt only", "Gave the information in part", "Refused"):
        assert label in page
    assert "personal-data" in page and 'name="reason"' in page and 'name="body"' in page
    assert "will be public" in page
    assert f'name="version" value="{foi_request.version}"' in page
    assert "Upheld" not in page  # no appeal is being reviewed


def test_the_banner_is_for_the_requester_and_moderators_only(client, world, case, moderator):
    foi_request, letter = case
    for person in (world.citizen, world.officer):
        client.force_login(person)
        assert classify_url(letter) not in text(client.get(detail(foi_request)))
    client.force_login(moderator)
    assert classify_url(letter) in text(client.get(detail(foi_request)))


def test_no_banner_for_a_body_in_sorgu_nor_a_recorded_letter(client, world, case):
    foi_request, letter = case
    portal_request = world.request(State.SUBMITTED)  # the ministry has officers
    portal_letter = letter_on(portal_request, world.ministry)
    client.force_login(world.requester)
    assert classify_url(portal_letter) not in text(client.get(detail(portal_request)))
    response = client.get(classify_url(portal_letter))
    assert response.status_code == 409 and "answers through Sorğu" in text(response)
    Message.objects.filter(pk=letter.pk).update(classified_as="acknowledgement")
    assert classify_url(letter) not in text(client.get(detail(foi_request)))


# -- who may ----------------------------------------------------------------------------------


def test_the_anonymous_visitor_is_sent_to_sign_in(client, case):
    _, letter = case
    response = client.get(classify_url(letter))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


@pytest.mark.parametrize("who", ["citizen", "officer", "other_officer", "editor"])
def test_others_are_refused_and_nothing_changes(client, world, case, who):
    foi_request, letter = case
    client.force_login(getattr(world, who))
    response = client.get(classify_url(letter))
    assert response.status_code == 403 and "PRIVATE-LETTER-TEXT" not in text(response)
    assert post(client, foi_request, letter, outcome="full").status_code == 403
    foi_request.refresh_from_db()
    letter.refresh_from_db()
    assert foi_request.state == State.SUBMITTED and letter.classified_as == ""


def test_a_private_request_is_404_for_a_stranger(client, world, post_body):
    foi_request = world.request(
        State.SUBMITTED,
        body=post_body,
        visibility="private",
        private_until=timezone.localdate() + datetime.timedelta(days=100),
    )
    letter = letter_on(foi_request, post_body)
    client.force_login(world.citizen)
    assert client.get(classify_url(letter)).status_code == 404


def test_a_message_that_is_not_a_letter_is_404(client, world, case):
    foi_request, _ = case
    note = Message.objects.create(foi_request=foi_request, kind="letter", text="The request.")
    client.force_login(world.requester)
    assert client.get(classify_url(note)).status_code == 404


def test_a_moderator_records_a_letter(client, world, case, moderator):
    foi_request, letter = case
    client.force_login(moderator)
    assert "PRIVATE-LETTER-TEXT" in text(client.get(classify_url(letter)))
    response = post(client, foi_request, letter, outcome="acknowledgement", text="Received.")
    assert response.status_code == 302
    event = CaseEvent.objects.filter(foi_request=foi_request).order_by("-seq").first()
    assert event.kind == "accept" and event.actor_label == "letter:moderator"
    page = text(client.get(detail(foi_request)))
    assert "a moderator, from the body's letter of" in page


# -- bad input --------------------------------------------------------------------------------


def test_no_outcome_is_400(client, world, case):
    foi_request, letter = case
    client.force_login(world.requester)
    response = post(client, foi_request, letter)
    assert response.status_code == 400 and "Choose what the letter is." in text(response)
    assert post(client, foi_request, letter, outcome="burnt").status_code == 400
    assert events(foi_request) == []


def test_a_partial_answer_needs_its_grounds(client, world, case):
    foi_request, letter = case
    client.force_login(world.requester)
    response = post(client, foi_request, letter, outcome="partial")
    assert response.status_code == 400
    assert "must name the grounds" in text(response)
    letter.refresh_from_db()
    assert letter.classified_as == ""


def test_a_forwarding_needs_the_body(client, world, case):
    foi_request, letter = case
    client.force_login(world.requester)
    response = post(client, foi_request, letter, outcome="transfer")
    assert response.status_code == 400 and "Name the body" in text(response)
    foi_request.refresh_from_db()
    assert foi_request.body.slug == "water"


def test_an_extension_needs_its_reason(client, world, case):
    foi_request, letter = case
    client.force_login(world.requester)
    assert post(client, foi_request, letter, outcome="extension").status_code == 400


def test_a_letter_already_recorded_is_409(client, world, case):
    foi_request, letter = case
    client.force_login(world.requester)
    assert post(client, foi_request, letter, outcome="acknowledgement").status_code == 302
    foi_request.refresh_from_db()
    response = post(client, foi_request, letter, outcome="full")
    assert response.status_code == 409 and "already recorded" in text(response)
    assert client.get(classify_url(letter)).status_code == 409


def test_a_stale_page_is_409(client, world, case):
    foi_request, letter = case
    client.force_login(world.requester)
    response = client.post(
        classify_url(letter), {"version": foi_request.version + 5, "outcome": "full"}
    )
    assert response.status_code == 409 and "changed this request meanwhile" in text(response)


# -- the outcome and the public page ----------------------------------------------------------


def test_a_partial_answer_is_recorded_and_the_public_sees_who_recorded_it(client, world, case):
    foi_request, letter = case
    client.force_login(world.requester)
    response = post(
        client,
        foi_request,
        letter,
        outcome="partial",
        exemptions=["personal-data"],
        **{"note_personal-data": "Names of staff"},
        text="PUBLIC-RECORD: the tariffs are attached.",
    )
    assert response.status_code == 302
    assert response["Location"] == f"{detail(foi_request)}#message-{letter.pk}"
    foi_request.refresh_from_db()
    assert foi_request.state == State.ANSWERED and foi_request.outcome == "partial"
    record = Message.objects.get(recorded_from=letter)
    day = letter.created_at.strftime("%-d")

    page = text(client.get(detail(foi_request)))  # the requester
    assert "the requester, from the body's letter of" in page
    assert (
        f'href="#message-{letter.pk}"' in page
        and "Recorded as: Gave the information in part" in page
    )

    client.logout()
    public = text(client.get(detail(foi_request)))
    assert "the requester, from the body's letter of" in public and day in public
    assert "PUBLIC-RECORD" in public
    assert "PRIVATE-LETTER-TEXT" not in public and "office@water.gov.example" not in public
    assert f'href="#message-{letter.pk}"' not in public
    assert f'href="#message-{record.pk}"' in public
    assert "(letter:requester)" not in public


def test_the_public_record_text_may_carry_the_letters_text_only_when_chosen(client, world, case):
    """With the text field left as the letter (prefilled), the public reads it: that is the
    requester's choice, warned about on the page."""
    foi_request, letter = case
    client.force_login(world.requester)
    written = f"{LETTER_TEXT} We wrote to you at {world.requester.email}."
    response = post(client, foi_request, letter, outcome="full", text=written)
    # The text carries the requester's e-mail address: the page asks to confirm first.
    assert response.status_code == 400 and "identifies the requester" in text(response)
    assert events(foi_request) == []
    response = post(
        client, foi_request, letter, outcome="full", text=written, confirm_identity="on"
    )
    assert response.status_code == 302
    client.logout()
    public = text(client.get(detail(foi_request)))
    assert "PRIVATE-LETTER-TEXT" in public and world.requester.email not in public


def test_appeal_decisions_are_offered_for_the_reviewing_bodys_letter(client, world, post_body):
    foi_request = world.request(State.UNDER_APPEAL, body=post_body)  # lodged with the cabinet
    letter = letter_on(foi_request, world.cabinet)
    client.force_login(world.requester)
    # The cabinet has a member in Sorğu: it records its own decision.
    assert client.get(classify_url(letter)).status_code == 409
    Membership.objects.filter(body=world.cabinet).update(is_active=False)
    page = text(client.get(classify_url(letter)))
    assert "The body's decision was upheld" in page and "The appeal was not admitted" in page
    body_letter = letter_on(foi_request, post_body)
    assert "The body's decision was upheld" not in text(client.get(classify_url(body_letter)))
    response = post(client, foi_request, letter, outcome="overturned", text="The cabinet agrees.")
    assert response.status_code == 302
    foi_request.refresh_from_db()
    assert foi_request.state == State.IN_PROGRESS


def test_the_reply_link_and_requester_descriptions(world, case):
    foi_request, letter = case
    event = CaseEvent(
        foi_request=foi_request,
        kind="answer",
        actor_label="reply_link",
        data={"recorded": "reply_link"},
    )
    assert event.actor_description() == "the body, through the reply link"
    event.actor_label = "letter:requester"
    event.data = {"letter": letter.pk, "letter_at": letter.created_at.isoformat()}
    assert event.actor_description().startswith("the requester, from the body's letter of ")
    assert CaseEvent(foi_request=foi_request, kind="note").actor_description() == ""


def test_a_moderator_corrects_a_recorded_letter_on_the_same_page(client, world):
    """The page of a recorded letter refuses the requester (409) and lets a moderator
    correct the record: a new step, the first record kept."""
    from django.contrib.auth.models import Permission

    from foi.models import CaseEvent, Membership, Message, MessageKind, State
    from foi.services import foi_request_classify
    from tests.factories import PublicBodyFactory, UserFactory

    body = PublicBodyFactory(slug="post-only", law=world.law)
    Membership.objects.filter(body=body).delete()
    foi_request = world.request(State.SUBMITTED, body=body)
    letter = Message.objects.create(
        foi_request=foi_request,
        kind=MessageKind.EMAIL_IN,
        audience="parties",
        from_body=body,
        text="We hold nothing of the kind.",
    )
    done = foi_request_classify(
        foi_request=foi_request, actor=world.requester, letter=letter, outcome="full"
    )
    url = f"/requests/{foi_request.reference}/replies/{letter.pk}/classify/"
    client.force_login(world.requester)
    assert client.get(url).status_code == 409
    moderator = UserFactory()
    moderator.user_permissions.add(Permission.objects.get(codename="classify_replies"))
    client.force_login(moderator)
    page = client.get(url)
    assert page.status_code == 200 and "Correct how the body" in page.content.decode()
    response = client.post(
        url, {"outcome": "not_held", "text": "The body does not hold it.", "version": done.version}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    foi_request.refresh_from_db()
    assert foi_request.state == State.ANSWERED and foi_request.outcome == "not_held"
    kinds = list(CaseEvent.objects.filter(foi_request=foi_request).values_list("kind", flat=True))
    assert kinds[-3:] == ["answer", "correct_record", "answer"]
