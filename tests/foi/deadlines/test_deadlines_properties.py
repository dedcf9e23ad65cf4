"""Properties every law's deadlines keep, for receipts anywhere in 2024-2028."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import example, given, settings
from hypothesis import strategies as st

from foi import deadlines
from tests.foi.law_builders import ALL_LAWS

LAWS = {code: build() for code, build in ALL_LAWS.items()}
# The same laws, but a request for clarification stops the clock until the reply.
PAUSING_LAWS = {code: build(clarification_effect="pause") for code, build in ALL_LAWS.items()}
EXTENDABLE = [code for code, law in LAWS.items() if law.extension_max_count]

codes = st.sampled_from(sorted(LAWS))
urgencies = st.sampled_from(["normal", "relevance", "life"])
received_moments = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2028, 12, 31, 23, 59), timezones=st.just(UTC)
)
# Up to ten weeks, to the minute: long enough to cross any holiday season.
gaps = st.integers(min_value=0, max_value=10 * 7 * 24 * 60).map(lambda m: timedelta(minutes=m))

# Hypothesis times each example; the first one for a law also builds its holiday calendar.
examples = settings(deadline=None, max_examples=150)


def due(law, received_at, urgency="normal", history=()):
    return deadlines.compute_due(
        law, received_at=received_at, urgency=urgency, history=history
    ).due_at


def iso(moment: datetime) -> str:
    return moment.isoformat()


@examples
@given(code=codes, received_at=received_moments)
def test_a_day_based_deadline_ends_on_a_working_day_at_the_end_of_the_day(code, received_at):
    law = LAWS[code]
    due_at = due(law, received_at)
    local = due_at.astimezone(ZoneInfo(law.time_zone))
    assert local.timetz().replace(tzinfo=None) == time(23, 59, 59)
    if law.response_unit == "working_days" or law.roll_forward_to_working_day:
        assert deadlines.is_working_day(law, local.date())


@examples
@given(code=codes, urgency=urgencies, received_at=received_moments, gap=gaps)
def test_a_later_receipt_is_never_due_earlier(code, urgency, received_at, gap):
    law = LAWS[code]
    assert due(law, received_at, urgency) <= due(law, received_at + gap, urgency)


@examples
@given(code=codes, urgency=urgencies, received_at=received_moments, wait=gaps, reply=gaps)
# Found by hypothesis: the hours left were once cut to whole seconds, losing a microsecond.
@example(
    code="az",
    urgency="life",
    received_at=datetime(2024, 2, 2, 0, 0, 0, 1, tzinfo=UTC),
    wait=timedelta(minutes=1200),
    reply=timedelta(0),
)
def test_a_pause_never_shortens_the_deadline(code, urgency, received_at, wait, reply):
    law = PAUSING_LAWS[code]
    asked_at = received_at + wait
    history = [
        {"kind": "clarification_asked", "at": iso(asked_at)},
        {"kind": "clarified", "at": iso(asked_at + reply)},
    ]
    assert due(law, received_at, urgency, history) >= due(law, received_at, urgency)
    # While the reply is awaited the due moment does not move either way.
    assert due(law, received_at, urgency, history[:1]) == due(law, received_at, urgency)


@examples
@given(code=st.sampled_from(EXTENDABLE), received_at=received_moments, gap=gaps)
def test_an_extension_never_shortens_the_deadline(code, received_at, gap):
    law = LAWS[code]
    reason = law.extension_reasons[0]["code"]
    history = [{"kind": "extension", "at": iso(received_at + gap), "reason": reason}]
    assert due(law, received_at, history=history) > due(law, received_at)


@examples
@given(code=codes, received_at=received_moments, gap=gaps)
def test_working_days_late_grows_with_time_and_is_zero_until_due(code, received_at, gap):
    law = LAWS[code]
    due_at = due(law, received_at)
    now = received_at + gap
    late = deadlines.working_days_late(law, due_at=due_at, now=now)
    assert late >= 0
    if now <= due_at:
        assert late == 0
    assert deadlines.working_days_late(law, due_at=due_at, now=now + timedelta(days=7)) >= late


@examples
@given(
    code=codes,
    due_at=received_moments,
    late=st.integers(min_value=0, max_value=4 * 366 * 24 * 60).map(lambda m: timedelta(minutes=m)),
)
def test_working_days_late_counts_every_working_day_once(code, due_at, late):
    """The count by years' rest days (fast for requests years overdue) is the day-by-day
    count."""
    law = LAWS[code]
    now = due_at + late
    zone = ZoneInfo(law.time_zone)
    first = due_at.astimezone(zone).date() + timedelta(days=1)
    last = now.astimezone(zone).date()
    by_day = sum(
        deadlines.is_working_day(law, first + timedelta(days=n))
        for n in range((last - first).days + 1)
    )
    assert deadlines.working_days_late(law, due_at=due_at, now=now) == (by_day if late else 0)
