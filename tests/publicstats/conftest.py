"""A hand-built March and April 2026 (AZ rules: 7 working days counted from the working day after
receipt; Novruz and Ramadan holidays from Fri 20 to Mon 30 March 2026, with the weekends: the
working days around them are Thu 19 and Tue 31 March).

The April requests R1-R11 and a draft are ``tests/foi/test_stats.py``'s (their facts are worked
out there); this adds, each counted by hand:

- M1 at the other ministry: received Thu 19 Mar 10:00; due end of Wed 8 Apr (31, 1, 2, 3, 6, 7,
  8 after the holidays). Answered in full Thu 2 Apr: on time, 3 working days (31, 1, 2).
- M2 at the ministry: received Mon 16 Mar; due end of Fri 3 Apr (17, 18, 19, 31, 1, 2, 3).
  Refused on the ground "official" Tue 31 Mar: on time, 4 working days (17, 18, 19, 31).
- P1 at the ministry, private until 31 Dec 2026: received Wed 1 Apr, answered Thu 2 Apr.
  Never counted anywhere.
- P2 at the ministry, private until 20 Apr 2026, so public on 4 May: received Thu 9 Apr; due end
  of Mon 20 Apr (10, 13, 14, 15, 16, 17, 20); never answered: open and overdue on 4 May.

R10 (received Tue 31 Mar 23:30, answered in full Wed 1 Apr: on time, 1 working day) falls in
March, inside the period 1 March - 30 April.
"""

from datetime import date, datetime

import pytest

from core import clock
from foi import services
from publicstats import store
from tests.foi.test_stats import BAKU, NOW, act, april, at  # noqa: F401 (april: a fixture)

PERIOD = {"date_from": date(2026, 3, 1), "date_to": date(2026, 4, 30)}


@pytest.fixture(autouse=True)
def _no_daily_limit(settings):
    """One requester files every request here, more than ten on some days; the daily limit
    on filing is tested in tests/foi/test_filing_service.py."""
    settings.FOI_FILING_RATE_LIMIT = 0


def march(day, hour=10, minute=0):
    return datetime(2026, 3, day, hour, minute, tzinfo=BAKU)


def _submit(world, when, *, body, **privacy):
    with clock.travel(when):
        draft = services.foi_request_create_draft(
            requester=world.requester, body=body, subject="Spending", text="Please.", **privacy
        )
        return services.foi_request_file(foi_request=draft, actor=world.requester)


@pytest.fixture
def spring(world, april):  # noqa: F811
    made = dict(april)
    m1 = _submit(world, march(19), body=world.other_body)
    made["m1"] = act(
        at(4, 2),
        services.foi_request_answer,
        foi_request=m1,
        actor=world.other_officer,
        outcome="full",
        text="Here.",
    )
    m2 = _submit(world, march(16), body=world.ministry)
    made["m2"] = act(
        march(31),
        services.foi_request_refuse,
        foi_request=m2,
        actor=world.officer,
        grounds=[{"code": "official"}],
        text="No.",
    )
    p1 = _submit(
        world, at(4, 1), body=world.ministry, visibility="private", private_until=date(2026, 12, 31)
    )
    made["p1"] = act(
        at(4, 2),
        services.foi_request_answer,
        foi_request=p1,
        actor=world.officer,
        outcome="full",
        text="Private answer.",
    )
    made["p2"] = _submit(
        world, at(4, 9), body=world.ministry, visibility="private", private_until=date(2026, 4, 20)
    )
    store.rebuild()  # what the tasks after each commit would have done (tests never commit)
    return made


@pytest.fixture
def on_4_may():
    """The statistics' "now" (public requests are those public on 4 May 2026)."""
    with clock.travel(NOW):
        yield NOW
