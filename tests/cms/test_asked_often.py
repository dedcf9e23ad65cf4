""" "Asked N times": editors see a body's clusters of alike answered public requests and start a
draft disclosure under the law's category, linking them; nobody else may."""

import pytest
from django.urls import reverse

from cms import asked_often
from cms.models import DisclosurePage
from foi import services
from foi.models import State

URL = "/admin/disclosures/asked-often/"


@pytest.fixture
def answered(world, django_capture_on_commit_callbacks):
    def make(subject, text, **overrides):
        foi_request = world.request(
            State.IN_PROGRESS, assignee=world.officer, subject=subject, text=text, **overrides
        )
        with django_capture_on_commit_callbacks(execute=True):
            return services.foi_request_answer(
                foi_request=foi_request, actor=world.officer, outcome="full", text="Here it is."
            )

    return make


@pytest.fixture
def cluster(world, tree, answered):
    return [
        answered("Staff list of the ministry", "Please send the staff list with officials' names."),
        answered("Ministry staff list 2026", "The staff list and officials' phones, please."),
        answered(
            "Staff list and officials", "Officials' names and the staff list of the ministry."
        ),
    ]


def test_alike_answered_requests_form_one_cluster_with_a_guessed_category(
    world, tree, cluster, answered
):
    answered("Metro ridership", "Passengers per metro station in 2025.")
    clusters = asked_often.clusters_of(body=world.ministry)
    assert len(clusters) == 1
    assert {r.pk for r in clusters[0].requests} == {r.pk for r in cluster}
    assert clusters[0].category is not None and clusters[0].category.code == "staff"


def test_an_editor_sees_the_clusters_and_starts_a_draft(client, world, tree, cluster):
    client.force_login(tree.editor)
    page = client.get(URL, {"body": world.ministry.slug}).content.decode()
    assert "Asked 3 times" in page
    category = tree.category("staff")
    response = client.post(
        URL,
        {"body": world.ministry.slug, "category": category.pk, "requests": [r.pk for r in cluster]},
    )
    assert response.status_code == 302
    draft = DisclosurePage.objects.get()
    assert not draft.live and draft.category == category
    assert set(draft.related_requests.all()) == set(cluster)
    assert draft.get_parent().specific == tree.section
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[draft.pk])


@pytest.mark.parametrize("who", ["officer", "citizen", "requester"])
def test_nobody_but_editors_may_see_or_start(client, world, tree, cluster, who):
    person = getattr(world, who)
    person.is_staff = True  # may enter the admin, still no right on the disclosures
    person.save()
    client.force_login(person)
    assert client.get(URL, {"body": world.ministry.slug}).status_code in (302, 403)
    response = client.post(
        URL,
        {
            "body": world.ministry.slug,
            "category": tree.category("staff").pk,
            "requests": [r.pk for r in cluster],
        },
    )
    assert response.status_code in (302, 403)
    assert not DisclosurePage.objects.exists()


def test_a_visitor_is_sent_to_sign_in(client, tree):
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize(
    "data, error",
    [
        ({"category": "", "requests": ["R"]}, "Choose a disclosure category"),
        ({"category": "x", "requests": ["R"]}, "Choose a disclosure category"),
        ({"category": "C", "requests": []}, "Choose the requests"),
        ({"category": "C", "requests": ["999999"]}, "answered public requests"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(client, world, tree, cluster, data, error):
    client.force_login(tree.editor)
    category = tree.category("staff")
    posted = {
        "body": world.ministry.slug,
        "category": str(category.pk) if data["category"] == "C" else data["category"],
        "requests": [str(cluster[0].pk) if r == "R" else r for r in data["requests"]],
    }
    response = client.post(URL, posted)
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not DisclosurePage.objects.exists()


def test_a_private_request_is_never_linked(client, world, tree, cluster, answered):
    import datetime

    from django.utils import timezone

    hidden = answered(
        "Staff list, private",
        "The staff list.",
        visibility="private",
        private_until=timezone.localdate() + datetime.timedelta(days=30),
    )
    client.force_login(tree.editor)
    page = client.get(URL, {"body": world.ministry.slug}).content.decode()
    assert hidden.reference not in page
    response = client.post(
        URL,
        {
            "body": world.ministry.slug,
            "category": tree.category("staff").pk,
            "requests": [cluster[0].pk, hidden.pk],
        },
    )
    assert response.status_code == 400
    assert not DisclosurePage.objects.exists()
