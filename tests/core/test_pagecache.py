"""The anonymous page cache (core/pagecache.py): whole public pages kept for visitors who are
not signed in, invalidated by what changes them, never anyone's own page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core import clock, pagecache
from foi import services
from foi.models import Attachment, State
from foi.services import redactions
from publicstats import store
from tests.redaction.documents import box_over, text_pdf

pytestmark = pytest.mark.django_db

HIT = "hit"


def case_url(foi_request):
    return reverse("foi:request_detail", args=[foi_request.reference])


def body_url(world):
    return reverse("foi:body_detail", args=[world.ministry.slug])


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    return response


def cached(client, url):
    """The page as an anonymous visitor sees it; the second read must come from the cache."""
    get(client, url)
    response = get(client, url)
    assert response["X-Page-Cache"] == HIT
    return response.content.decode()


def fresh(client, url):
    response = get(client, url)
    assert response["X-Page-Cache"] == "miss"  # the change made the stored page stale
    return response.content.decode()


# What a change shows on the next anonymous read ------------------------------------------------


def test_a_transition_shows_on_the_case_page_the_list_and_the_body_page(client, world):
    foi_request = world.request(State.SUBMITTED, subject="Water tariffs")
    urls = [case_url(foi_request), reverse("foi:request_list"), body_url(world)]
    for url in urls:
        assert "Submitted" in cached(client, url)
    services.foi_request_accept(foi_request=foi_request, actor=world.coordinator)
    for url in urls:
        assert "In progress" in fresh(client, url)


def test_a_draft_changes_no_public_page_and_its_filing_shows_in_the_lists(client, world):
    """A draft is on no public page: writing one keeps every stored page (a crowd of people
    starting requests must not empty the cache); sending it changes the lists."""
    other = world.request(State.SUBMITTED, subject="Water tariffs")
    urls = [case_url(other), reverse("foi:request_list"), body_url(world)]
    for url in urls:
        cached(client, url)
    draft = services.foi_request_create_draft(
        requester=world.requester, body=world.ministry, subject="Bus timetables", text="Please."
    )
    draft = services.foi_request_update_draft(
        foi_request=draft, actor=world.requester, text="Kindly."
    )
    for url in urls:
        assert get(client, url)["X-Page-Cache"] == HIT
    services.foi_request_file(foi_request=draft, actor=world.requester)
    assert "Bus timetables" in fresh(client, reverse("foi:request_list"))
    assert "Bus timetables" in fresh(client, body_url(world))
    assert get(client, case_url(other))["X-Page-Cache"] == HIT


def test_an_answer_and_its_approved_file_show_on_the_case_page(client, world):
    foi_request = world.request(State.IN_PROGRESS)
    assert "Here it is." not in cached(client, case_url(foi_request))
    foi_request = services.foi_request_answer(
        foi_request=foi_request,
        actor=world.officer,
        outcome="full",
        text="Here it is.",
        files=[("budget.csv", b"year,amount\n2025,100\n")],
    )
    page = fresh(client, case_url(foi_request))
    assert "Here it is." in page and "budget.csv" not in page
    assert "budget.csv" not in cached(client, case_url(foi_request))
    attachment = foi_request.messages.get(kind="response").attachments.get()
    services.attachment_approve(attachment=attachment, actor=world.officer)
    assert "budget.csv" in fresh(client, case_url(foi_request))


def test_a_redaction_makes_the_case_page_render_again(client, world):
    foi_request = services.foi_request_answer(
        foi_request=world.request(State.IN_PROGRESS),
        actor=world.officer,
        outcome="full",
        text="Here.",
        files=[("decision.pdf", text_pdf([[(72, 700, "Decided"), (72, 600, "Aysel M.")]]))],
    )
    attachment = Attachment.objects.get(message__foi_request=foi_request)
    services.attachment_approve(attachment=attachment, actor=world.officer)
    cached(client, case_url(foi_request))
    redactions.redaction_create(
        attachment=attachment, actor=world.officer, boxes=[box_over(72, 600, 120)]
    )
    fresh(client, case_url(foi_request))


def test_a_request_appears_when_its_privacy_date_passes(client, world):
    until = timezone.localdate() + datetime.timedelta(days=3)
    world.request(
        State.ANSWERED, subject="Hidden until later", visibility="private", private_until=until
    )
    url = reverse("foi:request_list")
    assert "Hidden until later" not in cached(client, url)
    later = timezone.now() + datetime.timedelta(days=4)
    with clock.travel(later):  # nothing is written: the day is part of the key
        assert "Hidden until later" in fresh(client, url)


def test_a_renamed_body_shows_its_new_name_everywhere(client, world):
    foi_request = world.request(State.ANSWERED)
    urls = [case_url(foi_request), reverse("foi:body_list"), body_url(world)]
    for url in urls:
        assert "Ministry of Finance" in cached(client, url)
    world.ministry.name_en = world.ministry.name_az = "Ministry of Economy and Finance"
    world.ministry.save()
    for url in urls:
        assert "Ministry of Economy and Finance" in fresh(client, url)


def test_the_statistics_follow_the_stored_figures(client, world):
    url = reverse("publicstats:index")
    cached(client, url)
    foi_request = world.request(State.ANSWERED)
    store.refresh_requests([foi_request.pk])  # what the task after the commit does
    assert get(client, url)["X-Page-Cache"] == "miss"


def test_a_bump_is_made_again_when_the_transaction_commits(
    world, django_capture_on_commit_callbacks
):
    before = pagecache.generations(["lists"])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        world.request(State.ANSWERED)
        inside = pagecache.generations(["lists"])
    assert inside != before and callbacks
    assert pagecache.generations(["lists"]) != inside  # a page rendered in between is not kept


# Nothing personal is ever shared ----------------------------------------------------------------


def test_a_signed_in_person_never_gets_the_visitors_page_nor_leaves_theirs(client, world):
    foi_request = world.request(State.ANSWERED)
    url = case_url(foi_request)
    assert "Sign out" not in cached(client, url)
    client.force_login(world.requester)
    response = get(client, url)
    assert "X-Page-Cache" not in response and "Sign out" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    client.logout()
    client.cookies.clear()
    assert "Sign out" not in cached(client, url)


def test_a_visitor_never_gets_a_page_rendered_for_someone_signed_in(client, world):
    url = body_url(world)
    client.force_login(world.citizen)
    assert "Follow this body" in get(client, url).content.decode()
    client.cookies.clear()
    response = get(client, url)
    assert response["X-Page-Cache"] == "miss"
    page = response.content.decode()
    assert "Follow this body" not in page and "csrfmiddlewaretoken" not in page


def test_public_pages_hold_no_csrf_token_for_visitors(client, world):
    foi_request = world.request(State.ANSWERED)
    for url in (case_url(foi_request), reverse("foi:request_list"), reverse("publicstats:index")):
        response = get(client, url)
        assert "csrfmiddlewaretoken" not in response.content.decode()
        assert not response.cookies


@pytest.mark.urls("tests.core.pagecache_urls")
@pytest.mark.parametrize("path", ["/token/", "/cookie/", "/session/"])
def test_a_page_that_sets_a_cookie_or_holds_a_token_is_never_stored(client, path):
    for _ in range(2):
        response = client.get(path)
        assert "X-Page-Cache" not in response
        assert response["Cache-Control"] == "private, no-store"


@pytest.mark.urls("tests.core.pagecache_urls")
def test_only_a_200_is_stored_and_unknown_parameters_are_not(client):
    for _ in range(2):
        assert "X-Page-Cache" not in client.get("/missing/")
        assert "X-Page-Cache" not in client.get("/plain/?utm_source=x")
    assert client.get("/plain/?q=a").content == b"plain a"
    assert client.get("/plain/?q=b").content == b"plain b"  # the query is in the key
    assert client.get("/plain/?q=a")["X-Page-Cache"] == HIT


@pytest.mark.urls("tests.core.pagecache_urls")
def test_a_request_with_a_session_or_messages_cookie_is_never_served_from_the_cache(client):
    client.get("/plain/")
    assert client.get("/plain/")["X-Page-Cache"] == HIT
    for cookie in ("sessionid", "messages"):
        client.cookies.clear()
        client.cookies[cookie] = "something"
        assert "X-Page-Cache" not in client.get("/plain/")


# HTTP caching ----------------------------------------------------------------------------------


def test_a_matching_etag_gets_304_and_the_page_says_how_long_to_keep_it(client, world, settings):
    settings.FOI_PUBLIC_CACHE_SECONDS = 30
    url = reverse("foi:request_list")
    first = get(client, url)
    etag = first["ETag"]
    # Browsers revalidate every time; shared caches keep it 30 s (a CDN by s-maxage, nginx
    # by X-Accel-Expires).
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=30"
    assert first["X-Accel-Expires"] == "30"
    assert "Cookie" in first["Vary"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200
    world.request(State.ANSWERED, subject="Something new")
    assert get(client, url, HTTP_IF_NONE_MATCH=etag)["ETag"] != etag


def test_no_max_age_when_it_is_off(client, settings):
    settings.FOI_PUBLIC_CACHE_SECONDS = 0
    assert get(client, reverse("foi:request_list"))["Cache-Control"] == "no-cache"


def test_languages_do_not_mix(client, world):
    url = reverse("foi:request_list")
    russian = get(client, url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    english = get(client, url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert russian != english
    assert 'lang="ru"' in russian and 'lang="en"' in english
    client.cookies["django_language"] = "ru"
    assert get(client, url, HTTP_ACCEPT_LANGUAGE="en").content.decode() == russian


def test_a_cached_page_costs_no_query(client, world, django_assert_max_num_queries):
    foi_request = world.request(State.ANSWERED)
    for url in (case_url(foi_request), reverse("foi:request_list"), body_url(world)):
        get(client, url)
        with django_assert_max_num_queries(1):
            assert get(client, url)["X-Page-Cache"] == HIT


def test_the_cache_can_be_turned_off(client, world, settings):
    settings.FOI_PAGE_CACHE = False
    url = reverse("foi:request_list")
    get(client, url)
    assert "X-Page-Cache" not in get(client, url)
