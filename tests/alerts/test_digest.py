"""The digest: only public results new since the last one, in the owner's language, with a
one-click unsubscribe; a second run sends nothing again."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from alerts import digest, services
from alerts.models import Frequency
from core import clock
from mail.models import OutboundEmail
from mail.notices import absolute


def digests():
    return list(OutboundEmail.objects.filter(kind="saved_search_digest").order_by("pk"))


def later(days=0, hours=0):
    return clock.now() + datetime.timedelta(days=days, hours=hours)


@pytest.fixture
def public_and_private(world, saved, answered):
    """A saved search, then two answered requests that match it: one public, one private."""
    search = saved("kitabxana", user=world.citizen)
    public = answered("Kitabxana büdcəsi", answer="Büdcə əlavədədir.")
    private = answered(
        "Kitabxana gizli",
        answer="Gizli cavab.",
        visibility="private",
        private_until=timezone.localdate() + datetime.timedelta(days=30),
    )
    return search, public, private


def test_the_digest_sends_what_newly_matches_and_only_what_is_public(public_and_private):
    search, public, private = public_and_private
    report = digest.digests_send(now=later(hours=1))
    assert (report.sent, report.items) == (1, 1)
    [email] = digests()
    assert email.to_email == search.user.email
    assert public.reference in email.body_text and public.reference in email.body_html
    link = absolute(reverse("foi:request_detail", args=[public.reference]))
    assert link in email.body_text and f'href="{link}"' in email.body_html
    assert private.reference not in email.body_text + email.body_html + email.subject
    assert "Gizli" not in email.body_text + email.body_html
    assert "“kitabxana”" in email.subject


def test_a_second_run_sends_nothing_new_and_a_later_answer_comes_next_time(
    public_and_private, answered
):
    _search, public, _private = public_and_private
    digest.digests_send(now=later(hours=1))
    assert len(digests()) == 1
    # The same day, and the next day with nothing new: nothing.
    assert digest.digests_send(now=later(hours=2)).sent == 0
    assert digest.digests_send(now=later(days=1, hours=2)).sent == 0
    assert len(digests()) == 1
    with clock.travel(later(days=1, hours=3)):
        newer = answered("Kitabxana kitabları", answer="Siyahı əlavədədir.")
    digest.digests_send(now=later(days=2, hours=4))
    second = digests()[-1]
    assert len(digests()) == 2
    assert newer.reference in second.body_text
    assert public.reference not in second.body_text


def test_the_digest_waits_for_its_period(world, saved, answered):
    search = saved("kitabxana", frequency="weekly")
    answered("Kitabxana büdcəsi")
    assert digest.digests_send(now=later(hours=1)).sent == 1
    answered("Kitabxana binası")
    assert digest.digests_send(now=later(days=1, hours=1)).sent == 0  # a week not yet gone
    assert digest.digests_send(now=later(days=7, hours=1)).sent == 1
    search.refresh_from_db()
    assert search.last_sent_at > search.created_at + datetime.timedelta(days=7)


def test_a_search_not_e_mailed_sends_nothing(world, saved, answered):
    saved("kitabxana", frequency=Frequency.OFF)
    answered("Kitabxana büdcəsi")
    assert digest.digests_send(now=later(hours=1)).sent == 0
    assert digests() == []


def test_the_digest_is_in_the_owners_language(world, saved, answered):
    world.citizen.preferred_language = "ru"
    world.citizen.save()
    saved("kitabxana")
    answered("Kitabxana büdcəsi")
    digest.digests_send(now=later(hours=1))
    [email] = digests()
    assert email.language == "ru"
    assert email.headers["Content-Language"] == "ru"
    with translation.override("ru"):
        requests_ru = gettext("Requests")
    assert requests_ru != "Requests"
    assert requests_ru in email.body_text


def test_the_digest_unsubscribes_in_one_click(client, public_and_private):
    search, _public, _private = public_and_private
    digest.digests_send(now=later(hours=1))
    [email] = digests()
    assert email.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = email.headers["List-Unsubscribe"].strip("<>")
    assert link in email.body_text
    path = link.split("://", 1)[1].split("/", 1)[1]
    # A mail client posts without a session or CSRF token (RFC 8058).
    response = client.post("/" + path)
    assert response.status_code == 200
    search.refresh_from_db()
    assert search.frequency == Frequency.OFF
    assert search.pk  # the search stays, with its feed


def test_a_bad_unsubscribe_link_changes_nothing(client, saved):
    search = saved("kitabxana")
    token = services.unsubscribe_token(search)
    for bad in (token[:-2] + "xx", "nonsense"):
        response = client.post(reverse("alerts:unsubscribe", args=[bad]))
        assert response.status_code == 400
    search.refresh_from_db()
    assert search.frequency == Frequency.DAILY


def test_the_unsubscribe_page_asks_first(client, saved):
    search = saved("kitabxana")
    response = client.get(reverse("alerts:unsubscribe", args=[services.unsubscribe_token(search)]))
    assert response.status_code == 200
    assert b"kitabxana" in response.content
    search.refresh_from_db()
    assert search.frequency == Frequency.DAILY


def test_the_command_and_the_daily_sweep_run_the_digests(world, saved, answered):
    saved("kitabxana")
    answered("Kitabxana büdcəsi")
    out = io.StringIO()
    call_command("foi_sweep", stdout=out, stderr=io.StringIO())
    assert "1 saved search digest(s) queued" in out.getvalue()
    assert len(digests()) == 1
    call_command("alerts_digest", stdout=out)
    assert len(digests()) == 1


def test_a_search_that_does_not_answer_waits_for_the_next_run(world, saved, answered, monkeypatch):
    import search as search_package
    from core.errors import ServiceError

    search = saved("kitabxana")
    answered("Kitabxana büdcəsi")

    def down(*args, **kwargs):
        raise ServiceError("Search is not available right now; try again soon.")

    monkeypatch.setattr(search_package, "search", down)
    report = digest.digests_send(now=later(hours=1))
    assert (report.sent, report.failed) == (0, 1)
    search.refresh_from_db()
    assert search.last_sent_at is None
    monkeypatch.undo()
    assert digest.digests_send(now=later(hours=2)).sent == 1
