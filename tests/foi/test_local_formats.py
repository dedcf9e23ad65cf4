"""Dates, times and numbers follow the page's (or the letter's) language: "15 December 2026,
23:59" in English (Django's default said "Dec. 15, 2026, 11:59 p.m.", and the filing banner
"… p.m.."), "15 декабря 2026, 23:59" in Russian, "15 Dekabr 2026, 23:59" in Azerbaijani."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation

from core import clock
from core.dates import day_text, moment_text, time_text
from core.inputs import receipt_before_law_message
from foi.models import FOIRequest, State
from mail.notices import render_notice
from tests.foi.portal import draft_of

BAKU = ZoneInfo("Asia/Baku")
# Written out here, not taken from Django, so that a change of format shows.
DECEMBER = {"en": "December", "az": "Dekabr", "ru": "декабря"}
SENT_BANNER = {
    "en": r"the answer is due by (\d{1,2}) December 2026, (\d\d):(\d\d)\. A receipt",
    "az": r"(\d{1,2}) Dekabr 2026, (\d\d):(\d\d)",
    "ru": r"(\d{1,2}) декабря 2026, (\d\d):(\d\d)",
}


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_the_filing_banner_says_the_due_moment_in_the_pages_language(
    client, world, settings, language
):
    draft = draft_of(world, subject="Budget 2025", text="Please send the 2025 budget report.")
    client.force_login(world.requester)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with clock.travel(datetime.datetime(2026, 12, 1, 10, tzinfo=BAKU)):
        response = client.post(reverse("foi:filing_preview", args=[draft.pk]))
    assert response.status_code == 302
    banner = " ".join(str(message) for message in get_messages(response.wsgi_request))
    found = re.search(SENT_BANNER[language], banner)
    assert found, banner
    due = FOIRequest.objects.get(pk=draft.pk).due_at.astimezone(BAKU)
    assert (int(found[1]), int(found[2]), int(found[3])) == (due.day, due.hour, due.minute)
    assert "p.m." not in banner and "a.m." not in banner and "Dec." not in banner


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_a_notice_says_the_due_moment_in_the_recipients_language(world, language):
    due = datetime.datetime(2026, 12, 15, 23, 59, tzinfo=BAKU)
    foi_request = world.request(State.IN_PROGRESS, due_at=due)
    notice = render_notice("due_soon", {"foi_request": foi_request}, language=language)
    expected = f"15 {DECEMBER[language]} 2026, 23:59"
    assert expected in notice.text and expected in notice.html
    assert "p.m." not in notice.text


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_the_helpers_write_day_moment_and_time_in_each_language(language):
    moment = datetime.datetime(2026, 12, 15, 19, 59, tzinfo=datetime.UTC)  # 23:59 in Baku
    with translation.override(language), timezone.override(BAKU):
        assert day_text(moment) == f"15 {DECEMBER[language]} 2026"
        assert moment_text(moment) == f"15 {DECEMBER[language]} 2026, 23:59"
        assert time_text(moment) == "23:59"
        assert day_text(datetime.date(2026, 12, 15)) == f"15 {DECEMBER[language]} 2026"


def test_the_law_in_force_message_writes_the_day_out():
    with translation.override("en"):
        message = receipt_before_law_message(datetime.date(2005, 12, 30))
    assert "30 December 2005" in message


def test_djangos_own_formats_read_the_same_in_english():
    # Wagtail, the admin and any {{ value|date }} without a format use DATE_FORMAT.
    from django.utils.formats import date_format

    moment = datetime.datetime(2026, 12, 15, 23, 59)
    with translation.override("en"):
        assert date_format(moment, "DATE_FORMAT") == "15 December 2026"
        assert date_format(moment, "DATETIME_FORMAT") == "15 December 2026, 23:59"


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_the_latest_private_date_is_written_out(language, db):
    from foi.forms.filing import DetailsForm

    data = {
        "access_form": "electronic",
        "urgency": "normal",
        "visibility": "private",
        "private_until": "2030-01-01",
        "public_name_choice": "name",
    }
    moment = datetime.datetime(2025, 12, 15, 10, tzinfo=BAKU)
    with clock.travel(moment), translation.override(language):
        form = DetailsForm(data)
        assert not form.is_valid()
        error = " ".join(form.errors["private_until"])
    assert f"15 {DECEMBER[language]} 2026" in error, error
    assert not re.search(r"\d{4}-\d\d-\d\d", error)
