"""Issue 19, points 4 and 8: a body's e-mailed reply nobody has classified waits (selectors),
followers suggest what it is and a moderator confirms; classified answers count everywhere
like officers' answers, and the API, the export and the statistics say how each was recorded."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from core.errors import Conflict, InvalidInput, NotPermitted, NotVisible
from foi import selectors, services
from foi.models import CaseEvent, ClassificationSuggestion, Follow, Message, MessageKind, State
from foi.selectors import replies
from tests.factories import MembershipFactory, PublicBodyFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def post_body(world):
    """A body with no one on the portal: it answers by e-mail."""
    return PublicBodyFactory(
        slug="water", name_en="Water Agency", request_email="info@water.gov.example", law=world.law
    )


def letter_on(foi_request, body, *, days_ago=1, text="Dear requester, here is our answer."):
    return Message.objects.create(
        foi_request=foi_request,
        kind=MessageKind.EMAIL_IN,
        audience="parties",
        from_body=body,
        subject="Re: your request",
        text=text,
        email_from=f"office@{body.slug}.gov.example",
        created_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


@pytest.fixture
def case(world, post_body):
    foi_request = world.request(
        State.SUBMITTED, body=post_body, due_at=timezone.now() + datetime.timedelta(days=3)
    )
    return foi_request, letter_on(foi_request, post_body, days_ago=8)


@pytest.fixture
def moderator(db):
    person = UserFactory(is_staff=True)
    person.user_permissions.add(
        Permission.objects.get(content_type__app_label="foi", codename="classify_replies")
    )
    return type(person).objects.get(pk=person.pk)  # fresh permission cache


@pytest.fixture
def follower(world, case):
    person = UserFactory()
    Follow.objects.create(user=person, foi_request=case[0])
    return person


# -- which replies wait ------------------------------------------------------------------------


def test_a_body_letter_nobody_classified_waits(world, case):
    foi_request, letter = case
    assert replies.replies_waiting(foi_request=foi_request) == [letter]
    assert selectors.reply_waiting(foi_request) == letter
    assert list(replies.replies_waiting_older_than(datetime.timedelta(days=7))) == [letter]
    assert list(replies.replies_waiting_older_than(datetime.timedelta(days=9))) == []
    assert replies.request_ids_with_reply_waiting([foi_request.pk]) == {foi_request.pk}


def test_what_does_not_wait(world, case, post_body):
    foi_request, letter = case
    # A letter from an unknown address, a message that is no letter, a letter of another body.
    unknown = letter_on(foi_request, post_body)
    unknown.sender_unknown = True
    unknown.save()
    Message.objects.create(foi_request=foi_request, kind=MessageKind.RESPONSE, from_body=post_body)
    letter_on(foi_request, world.other_body)
    assert replies.replies_waiting(foi_request=foi_request) == [letter]
    # Classified: no longer waiting.
    services.foi_request_classify(
        foi_request=foi_request, actor=world.requester, letter=letter, outcome="full"
    )
    assert replies.replies_waiting(foi_request=foi_request) == []
    assert selectors.reply_waiting(FOIRequestFresh(foi_request)) is None


def FOIRequestFresh(foi_request):
    return type(foi_request).objects.get(pk=foi_request.pk)


def test_a_body_working_in_the_portal_records_its_own_letters(world):
    foi_request = world.request(State.IN_PROGRESS)
    letter_on(foi_request, world.ministry)
    assert replies.replies_waiting(foi_request=foi_request) == []
    # Its last officer leaves: the body answers by e-mail, and its letter waits.
    body_without = PublicBodyFactory(slug="quiet", law=world.law)
    membership = MembershipFactory(body=body_without, user=UserFactory())
    other = world.request(State.SUBMITTED, body=body_without)
    letter = letter_on(other, body_without)
    assert replies.replies_waiting(foi_request=other) == []
    membership.is_active = False
    membership.save()
    assert replies.replies_waiting(foi_request=other) == [letter]


def test_a_letter_of_the_body_reviewing_an_open_appeal_waits(world, post_body):
    foi_request = world.request(State.UNDER_APPEAL)  # reviewed by the cabinet
    appeal = foi_request.appeals.get()
    appeal.reviewing_body = post_body
    appeal.save()
    letter = letter_on(foi_request, post_body)
    assert replies.replies_waiting(foi_request=foi_request) == [letter]
    appeal.decided_at = timezone.now()
    appeal.decision = "upheld"
    appeal.save()
    assert replies.replies_waiting(foi_request=foi_request) == []


def test_the_moderators_queue_is_for_moderators(world, case, moderator):
    _foi_request, letter = case
    assert list(selectors.moderator_reply_queue(user=moderator)) == [letter]
    assert list(selectors.moderator_reply_queue(user=world.admin)) == [letter]
    for person in (world.officer, world.citizen, world.editor, world.requester):
        with pytest.raises(NotPermitted):
            selectors.moderator_reply_queue(user=person)


# -- followers suggest, a moderator confirms --------------------------------------------------


def test_a_follower_suggests_and_a_second_suggestion_replaces_the_first(case, follower):
    foi_request, letter = case
    services.classification_suggest(
        foi_request=foi_request, letter=letter, user=follower, outcome="partial"
    )
    services.classification_suggest(
        foi_request=foi_request, letter=letter, user=follower, outcome="full", note="All there."
    )
    suggestion = ClassificationSuggestion.objects.get()
    assert (suggestion.outcome, suggestion.note, suggestion.is_open) == ("full", "All there.", True)
    assert foi_request.state == State.SUBMITTED  # a suggestion changes nothing


def test_who_may_not_suggest_and_what_is_refused(world, case, follower):
    foi_request, letter = case
    with pytest.raises(NotPermitted):
        services.classification_suggest(
            foi_request=foi_request, letter=letter, user=world.citizen, outcome="full"
        )
    with pytest.raises(NotPermitted):
        services.classification_suggest(
            foi_request=foi_request, letter=letter, user=world.requester, outcome="full"
        )
    with pytest.raises(InvalidInput):
        services.classification_suggest(
            foi_request=foi_request, letter=letter, user=follower, outcome="upheld"
        )
    with pytest.raises(InvalidInput):
        services.classification_suggest(
            foi_request=foi_request, letter=letter, user=follower, outcome="full", note="x" * 2001
        )
    with pytest.raises(NotVisible):
        services.classification_suggest(
            foi_request=foi_request, letter=999999, user=follower, outcome="full"
        )
    assert not ClassificationSuggestion.objects.exists()


def test_a_moderator_confirms_a_suggestion_and_the_rest_are_closed(
    world, case, follower, moderator
):
    foi_request, letter = case
    other = UserFactory()
    Follow.objects.create(user=other, body=foi_request.body)  # follows the body
    mine = services.classification_suggest(
        foi_request=foi_request, letter=letter, user=follower, outcome="full"
    )
    theirs = services.classification_suggest(
        foi_request=foi_request, letter=letter, user=other, outcome="not_held"
    )
    assert [s.pk for s in selectors.suggestions_of(letter=letter)] == [mine.pk, theirs.pk]
    with pytest.raises(NotPermitted):
        services.classification_confirm(suggestion=mine, actor=follower)
    result = services.classification_confirm(suggestion=mine, actor=moderator)
    assert result.state == State.ANSWERED and result.outcome == "full"
    event = CaseEvent.objects.filter(foi_request=result, kind="answer").get()
    assert event.actor == moderator and event.actor_label == "letter:moderator"
    theirs.refresh_from_db()
    assert not theirs.is_open
    with pytest.raises(Conflict):
        services.classification_confirm(suggestion=theirs, actor=moderator)
    with pytest.raises(Conflict):
        services.classification_suggest(
            foi_request=foi_request, letter=letter, user=follower, outcome="full"
        )


# -- the follower's page ----------------------------------------------------------------------


def suggest_url(foi_request, letter):
    return reverse("foi:request_reply_suggest", args=[foi_request.reference, letter.pk])


def test_the_follower_page_shows_the_date_not_the_parties_letter(client, case, follower):
    foi_request, letter = case
    client.force_login(follower)
    response = client.get(suggest_url(foi_request, letter))
    assert response.status_code == 200
    page = response.content.decode()
    assert "here is our answer" not in page and 'name="outcome"' in page
    response = client.post(suggest_url(foi_request, letter), {"outcome": "refused", "note": "No."})
    assert response.status_code == 302
    assert ClassificationSuggestion.objects.get().outcome == "refused"


def test_the_follower_page_refuses_others_and_bad_input(client, world, case, follower):
    foi_request, letter = case
    url = suggest_url(foi_request, letter)
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(world.citizen)
    assert client.get(url).status_code == 403
    assert client.post(url, {"outcome": "full"}).status_code == 403
    client.force_login(world.requester)
    assert client.get(url).status_code == 403
    client.force_login(follower)
    assert client.post(url, {"outcome": "nonsense"}).status_code == 400
    assert client.post(url, {}).status_code == 400
    other = Message.objects.create(foi_request=foi_request, kind=MessageKind.RESPONSE)
    assert client.get(suggest_url(foi_request, other)).status_code == 404
    private = type(foi_request).objects.filter(pk=foi_request.pk)
    private.update(
        visibility="private", private_until=timezone.localdate() + datetime.timedelta(30)
    )
    assert client.get(url).status_code == 404  # a follower who may no longer see it
    assert not ClassificationSuggestion.objects.exists()


# -- point 8: classified answers count like officers' answers ---------------------------------


def test_a_classified_full_answer_is_found_and_counted(world, case, committed):
    from publicstats import figures
    from publicstats.store.refresh import refresh_requests
    from search import search

    foi_request, letter = case
    letter.text = "The reservoir levels for 2025 are attached."
    letter.save()
    with committed():
        services.foi_request_classify(
            foi_request=foi_request, actor=world.requester, letter=letter, outcome="full"
        )
    assert [hit.object_id for hit in search("reservoir").hits] == [str(foi_request.pk)]
    refresh_requests([foi_request.pk])
    today = timezone.localdate()
    stats = figures.overall_statistics(
        date_from=today - datetime.timedelta(days=90), date_to=today, now=timezone.now()
    )
    assert stats["answered"] == 1 and stats["outcomes"]["full"] == 1
    recording = figures.recording(now=timezone.now())
    assert recording["recorded_by"]["requester"] == 1
    assert recording["by_requester_share"] == 100.0


def test_how_each_decision_was_recorded_in_the_api_the_export_and_the_statistics(
    world, case, api, client, moderator
):
    foi_request, letter = case
    by_officer = world.request(State.IN_PROGRESS, assignee=world.officer)
    services.foi_request_answer(
        foi_request=by_officer, actor=world.officer, outcome="full", text="Here."
    )
    waiting = world.request(State.SUBMITTED, body=case[0].body)
    letter_on(waiting, case[0].body)
    services.foi_request_classify(
        foi_request=foi_request, actor=moderator, letter=letter, outcome="full"
    )
    assert selectors.decisions_recorded_by() == {
        "officer": 1,
        "reply_link": 0,
        "requester": 0,
        "moderator": 1,
    }
    assert selectors.unclassified_reply_count() == 1
    rows = api.as_(None).get("/api/v1/requests/").json()["results"]
    recorded = {row["reference"]: row["decision_recorded_by"] for row in rows}
    assert recorded[foi_request.reference] == "moderator"
    assert recorded[by_officer.reference] == "officer"
    assert recorded[waiting.reference] is None
    detail = api.as_(None).get(f"/api/v1/requests/{foi_request.reference}/").json()
    assert detail["decision_recorded_by"] == "moderator"
    response = client.get(reverse("foi:request_export", args=["csv"]))
    export = b"".join(response.streaming_content).decode("utf-8-sig")
    table = {row["reference"]: row for row in csv.DictReader(io.StringIO(export))}
    assert table[foi_request.reference]["decision_recorded_by"] == "moderator"
    assert table[by_officer.reference]["decision_recorded_by"] == "officer"
    page = client.get(reverse("publicstats:methodology")).content.decode()
    assert 'id="recorded-by"' in page and 'id="unclassified"' in page
